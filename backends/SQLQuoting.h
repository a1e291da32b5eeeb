//===- SQLQuoting.h - identifier and string-literal quoting per dialect ---===//
//
// Names in the IR are exact (case-sensitive), so every backend that writes
// SQL must quote a name whenever the dialect would otherwise fold its case,
// read it as a keyword, or stop at a special character.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_SQLQUOTING_H
#define SCHEMAC_BACKENDS_SQLQUOTING_H

#include "ir/Dialect.h"
#include "ir/Schema.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace schemac::backends {

/// PostgreSQL's keyword classes (pg_get_keywords().catcode).
enum class PostgresKeywordCategory : uint8_t {
  None,         ///< not a keyword, or an unreserved one
  ColumnName,   ///< allowed as a column name, not as a type or function
  TypeFunction, ///< allowed as a type or function name, not as a column
  Reserved,     ///< allowed only as a column label (AS name)
};

/// Classifies a lower-case word against PostgreSQL 15's keyword list.
PostgresKeywordCategory getPostgresKeywordCategory(llvm::StringRef word);

/// True if PostgreSQL needs `name` in double quotes: it is not a lower-case
/// simple identifier ([a-z_][a-z0-9_$]*) or it is a keyword other than an
/// unreserved one (the rule of PostgreSQL's quote_ident and pg_dump, so that
/// the name also works as a type name, e.g. an enum called "time").
bool postgresNeedsQuotes(llvm::StringRef name);

/// An identifier as the dialect must spell it: PostgreSQL "..." when needed,
/// MySQL `...` and SQLite "..." always; embedded quote characters doubled.
std::string quoteIdentifier(ir::Dialect d, llvm::StringRef name);

/// Names quoted and joined with ", " (column lists).
std::string quoteIdentifierList(ir::Dialect d,
                                llvm::ArrayRef<llvm::StringRef> names);

/// ns.name, each part quoted; the default namespace is left implicit.
std::string quoteQualifiedName(ir::Dialect d, const ir::QualifiedName &name);

/// A function name in a call. Unlike other names it stays bare unless it
/// cannot be: quoting would hide built-ins with special syntax (coalesce,
/// greatest) and MySQL resolves quoted names as stored functions only.
std::string quoteFunctionName(ir::Dialect d, llvm::StringRef name);

/// A string literal: '...' with quotes doubled. PostgreSQL and SQLite keep
/// backslashes literally (standard_conforming_strings is on since 9.1);
/// MySQL treats backslash as an escape, so it is doubled there.
std::string quoteStringLiteral(ir::Dialect d, llvm::StringRef value);

} // namespace schemac::backends

#endif
