//===- SQLTypes.cpp - IR types spelled as SQL type names per dialect ------===//

#include "backends/SQLTypes.h"
#include "backends/SQLQuoting.h"
#include "ir/Schema.h"
#include "llvm/Support/ErrorHandling.h"
#include <algorithm>
#include <fmt/format.h>
#include <iterator>

using namespace schemac;
using namespace schemac::backends;
using ir::TypeKind;

namespace {

// pg_catalog's type names (PostgreSQL 15: base, pseudo, range and multirange
// types; array types start with '_', row types of catalogs with "pg_").
// Sorted: looked up by binary search.
// clang-format off
const llvm::StringRef CatalogTypeNames[] = {
    "aclitem", "any", "anyarray", "anycompatible", "anycompatiblearray",
    "anycompatiblemultirange", "anycompatiblenonarray", "anycompatiblerange",
    "anyelement", "anyenum", "anymultirange", "anynonarray", "anyrange",
    "bit", "bool", "box", "bpchar", "bytea", "char", "cid", "cidr", "circle",
    "cstring", "date", "datemultirange", "daterange", "event_trigger",
    "fdw_handler", "float4", "float8", "gtsvector", "index_am_handler",
    "inet", "int2", "int2vector", "int4", "int4multirange", "int4range",
    "int8", "int8multirange", "int8range", "internal", "interval", "json",
    "jsonb", "jsonpath", "language_handler", "line", "lseg", "macaddr",
    "macaddr8", "money", "name", "numeric", "nummultirange", "numrange",
    "oid", "oidvector", "path", "point", "polygon", "record", "refcursor",
    "regclass", "regcollation", "regconfig", "regdictionary", "regnamespace",
    "regoper", "regoperator", "regproc", "regprocedure", "regrole",
    "regtype", "table_am_handler", "text", "tid", "time", "timestamp",
    "timestamptz", "timetz", "trigger", "tsm_handler", "tsmultirange",
    "tsquery", "tsrange", "tstzmultirange", "tstzrange", "tsvector",
    "txid_snapshot", "unknown", "uuid", "varbit", "varchar", "void", "xid",
    "xid8", "xml"};
// clang-format on

bool isCatalogTypeName(llvm::StringRef name) {
  return name.starts_with("_") || name.starts_with("pg_") ||
         std::binary_search(std::begin(CatalogTypeNames),
                            std::end(CatalogTypeNames), name);
}

/// "(m1)" or "(m1,m2)" for the modifiers present; "" without any.
std::string modifierList(const ir::Type &t) {
  if (t.numModifiers == 0)
    return "";
  if (t.numModifiers == 1)
    return fmt::format("({})", t.modifiers[0]);
  return fmt::format("({},{})", t.modifiers[0], t.modifiers[1]);
}

/// `base` with the modifiers, then `suffix` (for "time(3) with time zone").
std::string withModifiers(llvm::StringRef base, const ir::Type &t,
                          llvm::StringRef suffix = "") {
  return (base + modifierList(t) + suffix).str();
}

std::string postgresScalarName(const ir::Type &t) {
  switch (t.kind) {
  case TypeKind::Boolean:
    return "boolean";
  case TypeKind::SmallInt:
    return "smallint";
  case TypeKind::Integer:
    return "integer";
  case TypeKind::BigInt:
    return "bigint";
  case TypeKind::Real:
    return "real";
  case TypeKind::DoublePrecision:
    return "double precision";
  case TypeKind::Numeric:
    return withModifiers("numeric", t);
  case TypeKind::Text:
    return "text";
  case TypeKind::Varchar:
    return withModifiers("character varying", t);
  case TypeKind::Char:
    return withModifiers("character", t);
  case TypeKind::Bytes:
    return "bytea";
  case TypeKind::Date:
    return "date";
  case TypeKind::Time:
    return withModifiers("time", t);
  case TypeKind::TimeTz:
    return withModifiers("time", t, " with time zone");
  case TypeKind::Timestamp:
    return withModifiers("timestamp", t);
  case TypeKind::TimestampTz:
    return withModifiers("timestamp", t, " with time zone");
  case TypeKind::Interval:
    return withModifiers("interval", t);
  case TypeKind::Uuid:
    return "uuid";
  case TypeKind::Json:
    return "json";
  case TypeKind::Jsonb:
    return "jsonb";
  case TypeKind::Enum:
    return getPostgresEnumName(t.ns, t.name);
  case TypeKind::Native:
    return withModifiers(t.name, t);
  }
  llvm_unreachable("unknown type kind");
}

/// "(p)" with the type's precision, or PostgreSQL's default of 6.
std::string fractionalPrecision(const ir::Type &t) {
  return fmt::format("({})", t.numModifiers ? t.modifiers[0] : 6);
}

std::string mysqlScalarName(const ir::Type &t, llvm::StringRef values) {
  switch (t.kind) {
  case TypeKind::Boolean:
    return "tinyint(1)";
  case TypeKind::SmallInt:
    return "smallint";
  case TypeKind::Integer:
    return "int";
  case TypeKind::BigInt:
    return "bigint";
  case TypeKind::Real:
    return "float";
  case TypeKind::DoublePrecision:
    return "double";
  case TypeKind::Numeric:
    return withModifiers("decimal", t);
  case TypeKind::Text:
    return "text";
  case TypeKind::Varchar:
    return withModifiers("varchar", t);
  case TypeKind::Char:
    return withModifiers("char", t);
  case TypeKind::Bytes:
    return "blob";
  case TypeKind::Date:
    return "date";
  case TypeKind::Time:
    return "time" + fractionalPrecision(t);
  case TypeKind::Timestamp:
    return "datetime" + fractionalPrecision(t);
  case TypeKind::TimestampTz:
    return "timestamp" + fractionalPrecision(t);
  case TypeKind::Uuid:
    return "char(36)";
  case TypeKind::Json:
  case TypeKind::Jsonb:
    return "json";
  case TypeKind::Enum:
    return "enum(" + values.str() + ")";
  case TypeKind::Native:
    return withModifiers(t.name, t);
  case TypeKind::TimeTz:
  case TypeKind::Interval:
    break; // not held: see the capability table
  }
  llvm_unreachable("type not held by mysql");
}

/// CAST takes only a few type names; a native type casts to its family's.
std::optional<std::string> mysqlNativeCastTarget(const ir::Type &t) {
  llvm::StringRef name = t.name;
  if (name == "tinyint" || name == "mediumint")
    return std::string(t.isUnsigned ? "UNSIGNED" : "SIGNED");
  if (name.ends_with("text"))
    return std::string("CHAR");
  if (name.ends_with("blob"))
    return std::string("BINARY");
  if (name == "binary" || name == "varbinary")
    return withModifiers("BINARY", t);
  if (name == "datetime")
    return "DATETIME" + fractionalPrecision(t);
  if (name == "float")
    return std::string("FLOAT");
  return std::nullopt; // year, bit, and other dialects' types
}

std::optional<std::string> mysqlCastTarget(const ir::Type &t) {
  if (t.arrayDims != 0)
    return std::nullopt;
  switch (t.kind) {
  case TypeKind::Boolean:
  case TypeKind::SmallInt:
  case TypeKind::Integer:
  case TypeKind::BigInt:
    return std::string(t.isUnsigned ? "UNSIGNED" : "SIGNED");
  case TypeKind::Real:
    return std::string("FLOAT");
  case TypeKind::DoublePrecision:
    return std::string("DOUBLE");
  case TypeKind::Numeric:
    return withModifiers("DECIMAL", t);
  case TypeKind::Varchar:
  case TypeKind::Char:
    return withModifiers("CHAR", t);
  case TypeKind::Text:
  case TypeKind::Uuid:
  case TypeKind::Enum:
    return std::string("CHAR");
  case TypeKind::Bytes:
    return std::string("BINARY");
  case TypeKind::Date:
    return std::string("DATE");
  case TypeKind::Time:
  case TypeKind::TimeTz:
    return "TIME" + fractionalPrecision(t);
  case TypeKind::Timestamp:
  case TypeKind::TimestampTz:
    return "DATETIME" + fractionalPrecision(t);
  case TypeKind::Json:
  case TypeKind::Jsonb:
    // MariaDB has no CAST AS JSON; a JSON column parses the text it gets.
    return std::string("CHAR");
  case TypeKind::Interval:
    return std::nullopt;
  case TypeKind::Native:
    return mysqlNativeCastTarget(t);
  }
  llvm_unreachable("unknown type kind");
}

std::optional<std::string> sqliteCastTarget(const ir::Type &t) {
  if (t.arrayDims != 0)
    return std::nullopt;
  switch (t.kind) {
  case TypeKind::Boolean:
  case TypeKind::SmallInt:
  case TypeKind::Integer:
  case TypeKind::BigInt:
    return std::string("INTEGER");
  case TypeKind::Real:
  case TypeKind::DoublePrecision:
    return std::string("REAL");
  case TypeKind::Numeric:
    return std::string("NUMERIC");
  case TypeKind::Bytes:
    return std::string("BLOB");
  case TypeKind::Native:
    return t.name.upper();
  default:
    return std::string("TEXT");
  }
}

} // namespace

std::string backends::getPostgresEnumName(llvm::StringRef ns,
                                          llvm::StringRef name) {
  if (ns.empty() && isCatalogTypeName(name))
    ns = "public";
  return quoteQualifiedName(ir::Dialect::PostgreSQL, {ns, name});
}

std::string backends::getPostgresTypeName(const ir::Type &t) {
  std::string name = postgresScalarName(t);
  for (unsigned i = 0; i < t.arrayDims; ++i)
    name += "[]";
  return name;
}

bool backends::isMySQLOffRowType(const ir::Type &t) {
  switch (t.kind) {
  case TypeKind::Text:
  case TypeKind::Bytes:
  case TypeKind::Json:
  case TypeKind::Jsonb:
    return true;
  case TypeKind::Native:
    return t.name.ends_with("text") || t.name.ends_with("blob");
  default:
    return false;
  }
}

std::string backends::getMySQLTypeName(const ir::Type &t,
                                       llvm::StringRef values) {
  std::string name = mysqlScalarName(t, values);
  return t.isUnsigned ? name + " unsigned" : name;
}

std::optional<std::string> backends::getCastTargetName(ir::Dialect d,
                                                       const ir::Type &t) {
  switch (d) {
  case ir::Dialect::PostgreSQL:
    return getPostgresTypeName(t);
  case ir::Dialect::MySQL:
    return mysqlCastTarget(t);
  case ir::Dialect::SQLite:
    return sqliteCastTarget(t);
  }
  llvm_unreachable("unknown dialect");
}
