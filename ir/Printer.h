//===- Printer.h - textual form of the Schema IR (--emit=ir) --------------===//
//
// A stable, line-oriented dump meant for lit tests and humans: every fact the
// IR holds, one object per block, expressions parenthesized only where
// precedence needs it.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_PRINTER_H
#define SCHEMAC_IR_PRINTER_H

#include "ir/Schema.h"
#include "llvm/Support/raw_ostream.h"

namespace schemac::ir {

void printSchema(const Schema &schema, llvm::raw_ostream &os);
/// Schema-language-like rendering of an expression, fully parenthesized
/// where precedence would otherwise matter.
void printExpr(const Expr *e, llvm::raw_ostream &os);
std::string exprToString(const Expr *e);
/// A schema-language identifier: as is when plain ([A-Za-z_][A-Za-z0-9_]*),
/// else double-quoted with embedded quotes doubled.
std::string formatIdentifier(llvm::StringRef name);

} // namespace schemac::ir

#endif
