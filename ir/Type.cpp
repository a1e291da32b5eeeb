//===- Type.cpp - type equality, the built-in type table, spellings -------===//

#include "ir/Type.h"
#include "ir/Printer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <vector>

namespace schemac::ir {

bool Type::operator==(const Type &o) const {
  if (kind != o.kind || numModifiers != o.numModifiers ||
      arrayDims != o.arrayDims || isUnsigned != o.isUnsigned || ns != o.ns ||
      name != o.name)
    return false;
  for (unsigned i = 0; i < numModifiers; ++i)
    if (modifiers[i] != o.modifiers[i])
      return false;
  return true;
}

namespace {

// Bit i of a dialect mask is Dialect i.
constexpr uint8_t PG = 1 << unsigned(Dialect::PostgreSQL);
constexpr uint8_t My = 1 << unsigned(Dialect::MySQL);
constexpr uint8_t Lite = 1 << unsigned(Dialect::SQLite);
constexpr uint8_t All = PG | My | Lite;

using K = TypeKind;

/// Every spelling the schema language accepts as a built-in type. Portable
/// kinds are held by all dialects (backends map them); native ones only by
/// the dialects in their mask.
const BuiltinTypeInfo BuiltinTypes[] = {
    // Portable kinds.
    {"smallint", K::SmallInt, "", 0, 0, false, All},
    {"int2", K::SmallInt, "", 0, 0, false, All},
    {"integer", K::Integer, "", 0, 0, false, All},
    {"int", K::Integer, "", 0, 0, false, All},
    {"int4", K::Integer, "", 0, 0, false, All},
    {"bigint", K::BigInt, "", 0, 0, false, All},
    {"int8", K::BigInt, "", 0, 0, false, All},
    {"smallserial", K::SmallInt, "", 0, 0, true, All},
    {"serial2", K::SmallInt, "", 0, 0, true, All},
    {"serial", K::Integer, "", 0, 0, true, All},
    {"serial4", K::Integer, "", 0, 0, true, All},
    {"bigserial", K::BigInt, "", 0, 0, true, All},
    {"serial8", K::BigInt, "", 0, 0, true, All},
    {"real", K::Real, "", 0, 0, false, All},
    {"float4", K::Real, "", 0, 0, false, All},
    {"double precision", K::DoublePrecision, "", 0, 0, false, All},
    {"float8", K::DoublePrecision, "", 0, 0, false, All},
    {"double", K::DoublePrecision, "", 0, 0, false, All},
    {"numeric", K::Numeric, "", 0, 2, false, All},
    {"decimal", K::Numeric, "", 0, 2, false, All},
    {"text", K::Text, "", 0, 0, false, All},
    {"varchar", K::Varchar, "", 0, 1, false, All},
    {"character varying", K::Varchar, "", 0, 1, false, All},
    {"char", K::Char, "", 0, 1, false, All},
    {"character", K::Char, "", 0, 1, false, All},
    {"bytea", K::Bytes, "", 0, 0, false, All},
    {"blob", K::Bytes, "", 0, 0, false, All},
    {"boolean", K::Boolean, "", 0, 0, false, All},
    {"bool", K::Boolean, "", 0, 0, false, All},
    {"date", K::Date, "", 0, 0, false, All},
    {"time", K::Time, "", 0, 1, false, All},
    {"time without time zone", K::Time, "", 0, 1, false, All},
    {"timetz", K::TimeTz, "", 0, 1, false, All},
    {"time with time zone", K::TimeTz, "", 0, 1, false, All},
    {"timestamp", K::Timestamp, "", 0, 1, false, All},
    {"timestamp without time zone", K::Timestamp, "", 0, 1, false, All},
    {"timestamptz", K::TimestampTz, "", 0, 1, false, All},
    {"timestamp with time zone", K::TimestampTz, "", 0, 1, false, All},
    {"interval", K::Interval, "", 0, 0, false, All},
    {"uuid", K::Uuid, "", 0, 0, false, All},
    {"json", K::Json, "", 0, 0, false, All},
    {"jsonb", K::Jsonb, "", 0, 0, false, All},
    // PostgreSQL-native types.
    {"inet", K::Native, "inet", 0, 0, false, PG},
    {"cidr", K::Native, "cidr", 0, 0, false, PG},
    {"macaddr", K::Native, "macaddr", 0, 0, false, PG},
    {"macaddr8", K::Native, "macaddr8", 0, 0, false, PG},
    {"tsvector", K::Native, "tsvector", 0, 0, false, PG},
    {"tsquery", K::Native, "tsquery", 0, 0, false, PG},
    {"money", K::Native, "money", 0, 0, false, PG},
    {"varbit", K::Native, "varbit", 0, 1, false, PG},
    {"bit varying", K::Native, "varbit", 0, 1, false, PG},
    {"xml", K::Native, "xml", 0, 0, false, PG},
    {"point", K::Native, "point", 0, 0, false, PG},
    {"line", K::Native, "line", 0, 0, false, PG},
    {"lseg", K::Native, "lseg", 0, 0, false, PG},
    {"box", K::Native, "box", 0, 0, false, PG},
    {"path", K::Native, "path", 0, 0, false, PG},
    {"polygon", K::Native, "polygon", 0, 0, false, PG},
    {"circle", K::Native, "circle", 0, 0, false, PG},
    {"int4range", K::Native, "int4range", 0, 0, false, PG},
    {"int8range", K::Native, "int8range", 0, 0, false, PG},
    {"numrange", K::Native, "numrange", 0, 0, false, PG},
    {"tsrange", K::Native, "tsrange", 0, 0, false, PG},
    {"tstzrange", K::Native, "tstzrange", 0, 0, false, PG},
    {"daterange", K::Native, "daterange", 0, 0, false, PG},
    {"oid", K::Native, "oid", 0, 0, false, PG},
    // Shared by PostgreSQL and MySQL.
    {"bit", K::Native, "bit", 0, 1, false, PG | My},
    // MySQL-native types.
    {"tinyint", K::Native, "tinyint", 0, 1, false, My},
    {"mediumint", K::Native, "mediumint", 0, 1, false, My},
    {"tinytext", K::Native, "tinytext", 0, 0, false, My},
    {"mediumtext", K::Native, "mediumtext", 0, 0, false, My},
    {"longtext", K::Native, "longtext", 0, 0, false, My},
    {"tinyblob", K::Native, "tinyblob", 0, 0, false, My},
    {"mediumblob", K::Native, "mediumblob", 0, 0, false, My},
    {"longblob", K::Native, "longblob", 0, 0, false, My},
    {"binary", K::Native, "binary", 0, 1, false, My},
    {"varbinary", K::Native, "varbinary", 1, 1, false, My},
    {"datetime", K::Native, "datetime", 0, 1, false, My},
    {"year", K::Native, "year", 0, 0, false, My},
    {"float", K::Native, "float", 0, 2, false, My},
    // SQLite-native types.
    {"any", K::Native, "any", 0, 0, false, Lite},
};

/// The table's entries sorted by spelling, built once (immutable after).
const std::vector<const BuiltinTypeInfo *> &getSortedBuiltins() {
  static const std::vector<const BuiltinTypeInfo *> sorted = [] {
    std::vector<const BuiltinTypeInfo *> v;
    for (const BuiltinTypeInfo &info : BuiltinTypes)
      v.push_back(&info);
    llvm::sort(v, [](const BuiltinTypeInfo *a, const BuiltinTypeInfo *b) {
      return a->spelling < b->spelling;
    });
    return v;
  }();
  return sorted;
}

/// The canonical spelling of a portable kind (first table spelling wins for
/// readability: "integer", not "int4").
llvm::StringRef getPortableSpelling(TypeKind k) {
  switch (k) {
  case K::Boolean:
    return "boolean";
  case K::SmallInt:
    return "smallint";
  case K::Integer:
    return "integer";
  case K::BigInt:
    return "bigint";
  case K::Real:
    return "real";
  case K::DoublePrecision:
    return "double precision";
  case K::Numeric:
    return "numeric";
  case K::Text:
    return "text";
  case K::Varchar:
    return "varchar";
  case K::Char:
    return "char";
  case K::Bytes:
    return "bytea";
  case K::Date:
    return "date";
  case K::Time:
    return "time";
  case K::TimeTz:
    return "timetz";
  case K::Timestamp:
    return "timestamp";
  case K::TimestampTz:
    return "timestamptz";
  case K::Interval:
    return "interval";
  case K::Uuid:
    return "uuid";
  case K::Json:
    return "json";
  case K::Jsonb:
    return "jsonb";
  case K::Enum:
  case K::Native:
    break;
  }
  return "";
}

/// An enum name part: quoted when it is not a plain identifier or when it
/// would read as a built-in type.
std::string formatTypeNamePart(llvm::StringRef part) {
  if (lookupBuiltinType(part.lower()))
    return "\"" + part.str() + "\"";
  return formatIdentifier(part);
}

} // namespace

const BuiltinTypeInfo *lookupBuiltinType(llvm::StringRef spelling) {
  const auto &sorted = getSortedBuiltins();
  auto it = llvm::partition_point(sorted, [&](const BuiltinTypeInfo *info) {
    return info->spelling < spelling;
  });
  if (it != sorted.end() && (*it)->spelling == spelling)
    return *it;
  return nullptr;
}

llvm::StringRef findSimilarBuiltinType(llvm::StringRef spelling) {
  llvm::StringRef best;
  unsigned bestDistance = 3;
  std::string lower = spelling.lower();
  for (const BuiltinTypeInfo &info : BuiltinTypes) {
    unsigned d = llvm::StringRef(lower).edit_distance(info.spelling, true, bestDistance);
    if (d < bestDistance) {
      best = info.spelling;
      bestDistance = d;
    }
  }
  return best;
}

std::string getTypeSpelling(const Type &t) {
  std::string out;
  if (t.kind == K::Enum) {
    if (!t.ns.empty())
      out = formatTypeNamePart(t.ns) + ".";
    out += formatTypeNamePart(t.name);
  } else if (t.kind == K::Native) {
    out = t.name.str();
  } else {
    out = getPortableSpelling(t.kind).str();
  }
  if (t.numModifiers) {
    out += '(';
    for (unsigned i = 0; i < t.numModifiers; ++i) {
      if (i)
        out += ", ";
      out += std::to_string(t.modifiers[i]);
    }
    out += ')';
  }
  if (t.isUnsigned)
    out += " unsigned";
  for (unsigned i = 0; i < t.arrayDims; ++i)
    out += "[]";
  return out;
}

namespace {
/// JSON kind names, indexed by TypeKind.
const llvm::StringRef KindNames[] = {
    "boolean", "smallint", "integer",   "bigint",      "real",     "double",
    "numeric", "text",     "varchar",   "char",        "bytes",    "date",
    "time",    "timetz",   "timestamp", "timestamptz", "interval", "uuid",
    "json",    "jsonb",    "enum",      "native",
};
static_assert(std::size(KindNames) == size_t(TypeKind::Native) + 1,
              "one name per TypeKind");
} // namespace

llvm::StringRef getTypeKindName(TypeKind k) { return KindNames[unsigned(k)]; }

std::optional<TypeKind> parseTypeKindName(llvm::StringRef name) {
  for (unsigned i = 0; i < std::size(KindNames); ++i)
    if (KindNames[i] == name)
      return TypeKind(i);
  return std::nullopt;
}

} // namespace schemac::ir
