//===- SQLScript.h - a SQL script split into its statements ---------------===//
//
// The migrator runs scripts statement by statement, to report the line of a
// failing statement and to record progress where no transaction can undo
// it. Splitting honours each dialect's quoting: strings, quoted identifiers,
// comments (MySQL's `#`, and its `--` only before white space), PostgreSQL
// dollar quotes ($schemac$ ... $schemac$) and SQLite trigger bodies
// (BEGIN ... END, with CASE ... END inside).
// MySQL's DELIMITER is a client command and is not supported (a procedure
// must be one statement: a BEGIN ... END body is split at its inner `;`).
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_DB_SQLSCRIPT_H
#define SCHEMAC_DB_SQLSCRIPT_H

#include "ir/Dialect.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace schemac {

/// One statement: bytes [begin, end) of the script, from its first
/// character (after white space and comments) through its `;` (if any);
/// `line` is the 1-based line where it begins.
struct ScriptStatement {
  size_t begin = 0, end = 0;
  unsigned line = 1;
};

/// The statements of `script`, in order; white space and comments between
/// them are not statements.
std::vector<ScriptStatement> splitStatements(llvm::StringRef script,
                                             ir::Dialect dialect);

} // namespace schemac

#endif
