//===- SQLQuoting.cpp - identifier and string-literal quoting per dialect -===//

#include "backends/SQLQuoting.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <iterator>

using namespace schemac;
using namespace schemac::backends;
using llvm::StringRef;

namespace {

// PostgreSQL 15's keywords by class, from `SELECT word, catcode FROM
// pg_get_keywords()` (catcode R, T and C). Sorted: looked up by binary search.
// clang-format off
const StringRef ReservedKeywords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc",
    "asymmetric", "both", "case", "cast", "check", "collate", "column",
    "constraint", "create", "current_catalog", "current_date", "current_role",
    "current_time", "current_timestamp", "current_user", "default",
    "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
    "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
    "initially", "intersect", "into", "lateral", "leading", "limit",
    "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or",
    "order", "placing", "primary", "references", "returning", "select",
    "session_user", "some", "symmetric", "table", "then", "to", "trailing",
    "true", "union", "unique", "user", "using", "variadic", "when", "where",
    "window", "with"};

const StringRef TypeFunctionKeywords[] = {
    "authorization", "binary", "collation", "concurrently", "cross",
    "current_schema", "freeze", "full", "ilike", "inner", "is", "isnull",
    "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right",
    "similar", "tablesample", "verbose"};

const StringRef ColumnNameKeywords[] = {
    "between", "bigint", "bit", "boolean", "char", "character", "coalesce",
    "dec", "decimal", "exists", "extract", "float", "greatest", "grouping",
    "inout", "int", "integer", "interval", "least", "national", "nchar",
    "none", "normalize", "nullif", "numeric", "out", "overlay", "position",
    "precision", "real", "row", "setof", "smallint", "substring", "time",
    "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
    "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
    "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable"};
// clang-format on

bool contains(llvm::ArrayRef<StringRef> sorted, StringRef word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

bool isLowerSimpleIdentifier(StringRef name) {
  if (name.empty())
    return false;
  char first = name.front();
  if (!(first == '_' || (first >= 'a' && first <= 'z')))
    return false;
  return llvm::all_of(name.drop_front(), [](char c) {
    return c == '_' || c == '$' || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9');
  });
}

/// Wraps `text` in `quote`, doubling every `quote` inside.
std::string wrap(StringRef text, char quote) {
  std::string out;
  out.reserve(text.size() + 2);
  out += quote;
  for (char c : text) {
    if (c == quote)
      out += quote;
    out += c;
  }
  out += quote;
  return out;
}

} // namespace

PostgresKeywordCategory backends::getPostgresKeywordCategory(StringRef word) {
  if (contains(ReservedKeywords, word))
    return PostgresKeywordCategory::Reserved;
  if (contains(TypeFunctionKeywords, word))
    return PostgresKeywordCategory::TypeFunction;
  if (contains(ColumnNameKeywords, word))
    return PostgresKeywordCategory::ColumnName;
  return PostgresKeywordCategory::None;
}

bool backends::postgresNeedsQuotes(StringRef name) {
  return !isLowerSimpleIdentifier(name) ||
         getPostgresKeywordCategory(name) != PostgresKeywordCategory::None;
}

std::string backends::quoteIdentifier(ir::Dialect d, StringRef name) {
  switch (d) {
  case ir::Dialect::PostgreSQL:
    return postgresNeedsQuotes(name) ? wrap(name, '"') : name.str();
  case ir::Dialect::MySQL:
    return wrap(name, '`');
  case ir::Dialect::SQLite:
    return wrap(name, '"');
  }
  llvm_unreachable("unknown dialect");
}

std::string backends::quoteQualifiedName(ir::Dialect d,
                                         const ir::QualifiedName &name) {
  if (name.ns.empty())
    return quoteIdentifier(d, name.name);
  return quoteIdentifier(d, name.ns) + "." + quoteIdentifier(d, name.name);
}

std::string backends::quoteFunctionName(ir::Dialect d, StringRef name) {
  bool bare = isLowerSimpleIdentifier(name);
  if (d == ir::Dialect::PostgreSQL)
    bare = bare && getPostgresKeywordCategory(name) !=
                       PostgresKeywordCategory::Reserved;
  if (bare)
    return name.str();
  return wrap(name, d == ir::Dialect::MySQL ? '`' : '"');
}

std::string backends::quoteStringLiteral(ir::Dialect d, StringRef value) {
  if (d != ir::Dialect::MySQL)
    return wrap(value, '\'');
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\')
      out += c;
    out += c;
  }
  out += '\'';
  return out;
}

std::string
backends::quoteIdentifierList(ir::Dialect d,
                              llvm::ArrayRef<llvm::StringRef> names) {
  std::string out;
  for (llvm::StringRef name : names) {
    if (!out.empty())
      out += ", ";
    out += quoteIdentifier(d, name);
  }
  return out;
}
