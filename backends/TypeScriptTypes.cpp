//===- TypeScriptTypes.cpp - IR column types as drizzle-orm builders ------===//

#include "backends/TypeScriptTypes.h"
#include "llvm/Support/ErrorHandling.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using ir::Dialect;
using ir::TypeKind;
using llvm::StringRef;

namespace {

TSColumnType builder(StringRef name, std::vector<std::string> options = {}) {
  TSColumnType t;
  t.builder = name.str();
  t.options = std::move(options);
  return t;
}

TSColumnType custom(std::string sqlType, StringRef dataType = "string") {
  TSColumnType t;
  t.customSQLType = std::move(sqlType);
  t.customDataType = dataType.str();
  return t;
}

/// The SQL spelling of a native type with its modifiers ("bit varying(8)").
std::string nativeSpelling(const ir::Type &t) {
  std::string s = t.name.str();
  if (t.numModifiers == 1)
    s += fmt::format("({})", t.modifiers[0]);
  else if (t.numModifiers == 2)
    s += fmt::format("({},{})", t.modifiers[0], t.modifiers[1]);
  return s;
}

void addModifier(std::vector<std::string> &options, const ir::Type &t,
                 unsigned i, StringRef key) {
  if (std::optional<int64_t> v = t.getModifier(i))
    options.push_back(fmt::format("{}: {}", key.str(), *v));
}

std::vector<std::string> numericOptions(const ir::Type &t) {
  std::vector<std::string> options;
  addModifier(options, t, 0, "precision");
  addModifier(options, t, 1, "scale");
  return options;
}

TSColumnType postgresType(const ir::Column &column) {
  const ir::Type &t = column.type;
  bool serial = column.identity == ir::Identity::Serial;
  std::vector<std::string> options;
  switch (t.kind) {
  case TypeKind::Boolean:
    return builder("boolean");
  case TypeKind::SmallInt:
    return builder(serial ? "smallserial" : "smallint");
  case TypeKind::Integer:
    return builder(serial ? "serial" : "integer");
  case TypeKind::BigInt:
    return builder(serial ? "bigserial" : "bigint", {"mode: \"number\""});
  case TypeKind::Real:
    return builder("real");
  case TypeKind::DoublePrecision:
    return builder("doublePrecision");
  case TypeKind::Numeric:
    return builder("numeric", numericOptions(t));
  case TypeKind::Text:
    return builder("text");
  case TypeKind::Varchar:
    addModifier(options, t, 0, "length");
    return builder("varchar", options);
  case TypeKind::Char:
    addModifier(options, t, 0, "length");
    return builder("char", options);
  case TypeKind::Bytes:
    return custom("bytea", "Uint8Array");
  case TypeKind::Date:
    return builder("date");
  case TypeKind::Time:
  case TypeKind::TimeTz:
  case TypeKind::Timestamp:
  case TypeKind::TimestampTz:
    addModifier(options, t, 0, "precision");
    if (t.kind == TypeKind::TimeTz || t.kind == TypeKind::TimestampTz)
      options.push_back("withTimezone: true");
    return builder(t.kind == TypeKind::Time || t.kind == TypeKind::TimeTz
                       ? "time"
                       : "timestamp",
                   options);
  case TypeKind::Interval:
    addModifier(options, t, 0, "precision");
    return builder("interval", options);
  case TypeKind::Uuid:
    return builder("uuid");
  case TypeKind::Json:
    return builder("json");
  case TypeKind::Jsonb:
    return builder("jsonb");
  case TypeKind::Enum:
    return {};
  case TypeKind::Native:
    if (t.numModifiers == 0 && (t.name == "inet" || t.name == "cidr" ||
                                t.name == "macaddr" || t.name == "macaddr8"))
      return builder(t.name);
    return custom(nativeSpelling(t));
  }
  llvm_unreachable("unknown type kind");
}

std::vector<std::string> unsignedOption(const ir::Type &t,
                                        std::vector<std::string> options = {}) {
  if (t.isUnsigned)
    options.push_back("unsigned: true");
  return options;
}

/// MySQL's fractional seconds: the IR's precision, else PostgreSQL's 6
/// (the MySQL backend writes the same).
std::string fsp(const ir::Type &t) {
  return fmt::format("fsp: {}", t.numModifiers ? t.modifiers[0] : 6);
}

TSColumnType mysqlType(const ir::Column &column) {
  const ir::Type &t = column.type;
  std::vector<std::string> options;
  switch (t.kind) {
  case TypeKind::Boolean:
    return builder("boolean");
  case TypeKind::SmallInt:
    return builder("smallint", unsignedOption(t));
  case TypeKind::Integer:
    return builder("int", unsignedOption(t));
  case TypeKind::BigInt:
    return builder("bigint", unsignedOption(t, {"mode: \"number\""}));
  case TypeKind::Real:
    return builder("float", unsignedOption(t));
  case TypeKind::DoublePrecision:
    return builder("double", unsignedOption(t));
  case TypeKind::Numeric:
    return builder("decimal", unsignedOption(t, numericOptions(t)));
  case TypeKind::Text:
    return builder("text");
  case TypeKind::Varchar:
    addModifier(options, t, 0, "length");
    return builder("varchar", options);
  case TypeKind::Char:
    addModifier(options, t, 0, "length");
    return builder("char", options);
  case TypeKind::Bytes:
    return custom("blob", "Uint8Array");
  case TypeKind::Date:
    return builder("date");
  case TypeKind::Time:
  case TypeKind::TimeTz:
    return builder("time", {fsp(t)});
  case TypeKind::Timestamp:
    return builder("datetime", {fsp(t)});
  case TypeKind::TimestampTz:
    return builder("timestamp", {fsp(t)});
  case TypeKind::Uuid:
    return builder("char", {"length: 36"});
  case TypeKind::Json:
  case TypeKind::Jsonb:
    return builder("json");
  case TypeKind::Enum:
    return {};
  case TypeKind::Interval:
    return custom("interval"); // not held: the legality pass reported it
  case TypeKind::Native:
    break;
  }
  StringRef name = t.name;
  if (name == "tinyint" || name == "mediumint")
    return builder(name, unsignedOption(t));
  if ((name == "tinytext" || name == "mediumtext" || name == "longtext") &&
      t.numModifiers == 0)
    return builder(name);
  if (name == "binary" || name == "varbinary") {
    addModifier(options, t, 0, "length");
    if (!options.empty() || name == "binary")
      return builder(name, options);
  }
  if (name == "year" && t.numModifiers == 0)
    return builder("year");
  if (name == "datetime")
    return builder("datetime", {fsp(t)});
  if (name == "float" && t.numModifiers == 0)
    return builder("float", unsignedOption(t));
  std::string spelling = nativeSpelling(t);
  if (t.isUnsigned)
    spelling += " unsigned";
  return custom(spelling, name.ends_with("blob") ? "Uint8Array" : "string");
}

TSColumnType sqliteType(const ir::Column &column) {
  const ir::Type &t = column.type;
  std::vector<std::string> options;
  switch (t.kind) {
  case TypeKind::Boolean:
    return builder("integer", {"mode: \"boolean\""});
  case TypeKind::SmallInt:
  case TypeKind::Integer:
  case TypeKind::BigInt:
    return builder("integer");
  case TypeKind::Real:
  case TypeKind::DoublePrecision:
    return builder("real");
  case TypeKind::Numeric:
    return builder("numeric");
  case TypeKind::Varchar:
  case TypeKind::Char:
    addModifier(options, t, 0, "length");
    return builder("text", options);
  case TypeKind::Text:
  case TypeKind::Date:
  case TypeKind::Time:
  case TypeKind::TimeTz:
  case TypeKind::Timestamp:
  case TypeKind::TimestampTz:
  case TypeKind::Interval:
  case TypeKind::Uuid:
    return builder("text");
  case TypeKind::Json:
  case TypeKind::Jsonb:
    return builder("text", {"mode: \"json\""});
  case TypeKind::Bytes:
    return builder("blob");
  case TypeKind::Enum:
    return {};
  case TypeKind::Native:
    return custom(nativeSpelling(t), "unknown");
  }
  llvm_unreachable("unknown type kind");
}

} // namespace

TSColumnType schemac::backends::getTSColumnType(Dialect d,
                                                const ir::Column &column) {
  switch (d) {
  case Dialect::PostgreSQL:
    return postgresType(column);
  case Dialect::MySQL:
    return mysqlType(column);
  case Dialect::SQLite:
    return sqliteType(column);
  }
  llvm_unreachable("unknown dialect");
}

StringRef schemac::backends::getDrizzleCoreModule(Dialect d) {
  switch (d) {
  case Dialect::PostgreSQL:
    return "drizzle-orm/pg-core";
  case Dialect::MySQL:
    return "drizzle-orm/mysql-core";
  case Dialect::SQLite:
    return "drizzle-orm/sqlite-core";
  }
  llvm_unreachable("unknown dialect");
}
