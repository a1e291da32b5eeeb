//===- SQLFragments.h - DDL pieces every SQL backend spells the same ------===//
#ifndef SCHEMAC_BACKENDS_SQLFRAGMENTS_H
#define SCHEMAC_BACKENDS_SQLFRAGMENTS_H

#include "ir/Schema.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace schemac::backends {

/// "CASCADE", "SET NULL", ... as in ON DELETE / ON UPDATE.
llvm::StringRef getRefActionSQL(ir::RefAction action);

/// " ASC", " DESC" or "" for an index key's sort order.
llvm::StringRef getSortOrderSQL(ir::SortOrder order);

/// A view query as a statement's tail: no surrounding blanks, no ';'.
std::string getViewBody(llvm::StringRef query);

/// Statements as a script: each ends in ";\n", a blank line between two.
std::string joinStatements(llvm::ArrayRef<std::string> statements);

/// Raw SQL as written, trimmed, with a newline added when its last line
/// holds a `--` comment, so the `;` or `)` that follows is not commented out.
std::string getRawSQLText(llvm::StringRef text);

} // namespace schemac::backends

#endif
