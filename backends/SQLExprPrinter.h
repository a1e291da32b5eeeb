//===- SQLExprPrinter.h - IR expressions printed as SQL per dialect -------===//
//
// Defaults, checks, index keys, predicates and generated columns are IR
// trees; each SQL backend prints them through this class so quoting, casts
// and parenthesization agree everywhere. Parentheses are minimal for
// PostgreSQL (using the shared operator precedence); for MySQL and SQLite,
// whose operator tables differ (|| binds tightest on SQLite), operands are
// parenthesized except where every dialect agrees.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_SQLEXPRPRINTER_H
#define SCHEMAC_BACKENDS_SQLEXPRPRINTER_H

#include "diagnostics/Diagnostic.h"
#include "ir/Expr.h"
#include <string>

namespace schemac::backends {

class SQLExprPrinter {
public:
  /// Operators, casts or arrays the dialect cannot express are reported to
  /// `diags` when non-null (DialectUnsupported at the node's range).
  SQLExprPrinter(ir::Dialect dialect, DiagnosticEngine *diags)
      : dialect(dialect), diags(diags) {}

  /// `e` as a complete expression, without outer parentheses.
  std::string print(const ir::Expr *e);
  /// `e` parenthesized unless it binds tighter than every comparison and
  /// boolean operator. PostgreSQL's DEFAULT takes only such an operand.
  std::string printOperand(const ir::Expr *e);

  /// True once anything was reported: the output must be discarded.
  bool hasErrors() const { return failed; }

  ir::Dialect getDialect() const { return dialect; }
  /// Reports that the dialect cannot hold `what` (used by the emitter).
  void reportUnsupported(SourceRange range, llvm::StringRef what);

private:
  ir::Dialect dialect;
  DiagnosticEngine *diags;
  bool failed = false;
};

} // namespace schemac::backends

#endif
