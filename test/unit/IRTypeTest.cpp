//===- IRTypeTest.cpp - dialect names, the type table, type spellings -----===//

#include "ir/Type.h"
#include "gtest/gtest.h"

using namespace schemac::ir;

namespace {

TEST(DialectTest, NamesAndAliases) {
  EXPECT_EQ(getDialectName(Dialect::PostgreSQL), "postgresql");
  EXPECT_EQ(getDialectName(Dialect::MySQL), "mysql");
  EXPECT_EQ(getDialectName(Dialect::SQLite), "sqlite");
  EXPECT_EQ(parseDialect("pg"), Dialect::PostgreSQL);
  EXPECT_EQ(parseDialect("postgres"), Dialect::PostgreSQL);
  EXPECT_EQ(parseDialect("PostgreSQL"), Dialect::PostgreSQL);
  EXPECT_EQ(parseDialect("mariadb"), Dialect::MySQL);
  EXPECT_EQ(parseDialect("sqlite3"), Dialect::SQLite);
  EXPECT_EQ(parseDialect("oracle"), std::nullopt);
}

TEST(TypeTableTest, PortableAliases) {
  struct Case {
    const char *spelling;
    TypeKind kind;
  } cases[] = {
      {"int2", TypeKind::SmallInt},
      {"int", TypeKind::Integer},
      {"int4", TypeKind::Integer},
      {"int8", TypeKind::BigInt},
      {"float4", TypeKind::Real},
      {"double precision", TypeKind::DoublePrecision},
      {"float8", TypeKind::DoublePrecision},
      {"decimal", TypeKind::Numeric},
      {"character varying", TypeKind::Varchar},
      {"character", TypeKind::Char},
      {"blob", TypeKind::Bytes},
      {"bool", TypeKind::Boolean},
      {"time without time zone", TypeKind::Time},
      {"time with time zone", TypeKind::TimeTz},
      {"timestamp without time zone", TypeKind::Timestamp},
      {"timestamp with time zone", TypeKind::TimestampTz},
      {"jsonb", TypeKind::Jsonb},
  };
  for (const Case &c : cases) {
    const BuiltinTypeInfo *info = lookupBuiltinType(c.spelling);
    ASSERT_NE(info, nullptr) << c.spelling;
    EXPECT_EQ(info->kind, c.kind) << c.spelling;
    EXPECT_EQ(info->dialectMask, 7) << c.spelling;
    EXPECT_FALSE(info->isSerial) << c.spelling;
  }
  EXPECT_EQ(lookupBuiltinType("INT"), nullptr) << "callers lower-case";
  EXPECT_EQ(lookupBuiltinType("varchar2"), nullptr);
  EXPECT_EQ(lookupBuiltinType(""), nullptr);
}

TEST(TypeTableTest, SerialsAndModifiers) {
  const BuiltinTypeInfo *s = lookupBuiltinType("bigserial");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->isSerial);
  EXPECT_EQ(s->kind, TypeKind::BigInt);
  EXPECT_EQ(lookupBuiltinType("serial2")->kind, TypeKind::SmallInt);
  EXPECT_EQ(lookupBuiltinType("serial4")->kind, TypeKind::Integer);
  EXPECT_TRUE(lookupBuiltinType("serial8")->isSerial);
  EXPECT_EQ(lookupBuiltinType("numeric")->maxModifiers, 2);
  EXPECT_EQ(lookupBuiltinType("varchar")->maxModifiers, 1);
  EXPECT_EQ(lookupBuiltinType("timestamptz")->maxModifiers, 1);
  EXPECT_EQ(lookupBuiltinType("text")->maxModifiers, 0);
  EXPECT_EQ(lookupBuiltinType("varbinary")->minModifiers, 1);
}

TEST(TypeTableTest, NativeTypesAndMasks) {
  const BuiltinTypeInfo *inet = lookupBuiltinType("inet");
  ASSERT_TRUE(inet);
  EXPECT_EQ(inet->kind, TypeKind::Native);
  EXPECT_EQ(inet->nativeName, "inet");
  EXPECT_EQ(inet->dialectMask, 1);
  EXPECT_EQ(lookupBuiltinType("bit varying")->nativeName, "varbit");
  EXPECT_EQ(lookupBuiltinType("bit")->dialectMask, 3);
  EXPECT_EQ(lookupBuiltinType("mediumtext")->dialectMask, 2);
  EXPECT_EQ(lookupBuiltinType("datetime")->maxModifiers, 1);
  EXPECT_EQ(lookupBuiltinType("any")->dialectMask, 4);
  for (const char *name : {"tstzrange", "daterange", "oid", "circle", "xml",
                           "money", "macaddr8", "tsquery"})
    EXPECT_EQ(lookupBuiltinType(name)->dialectMask, 1) << name;
  for (const char *name : {"tinyint", "mediumint", "longtext", "tinyblob",
                           "longblob", "binary", "year", "float"})
    EXPECT_EQ(lookupBuiltinType(name)->dialectMask, 2) << name;
}

TEST(TypeTest, EqualityAndSpelling) {
  Type a = Type::get(TypeKind::Varchar);
  a.addModifier(255);
  EXPECT_EQ(getTypeSpelling(a), "varchar(255)");
  Type b = Type::get(TypeKind::Varchar);
  EXPECT_NE(a, b);
  b.addModifier(255);
  EXPECT_EQ(a, b);
  b.arrayDims = 1;
  EXPECT_NE(a, b);

  Type n = Type::get(TypeKind::Numeric);
  n.addModifier(10);
  n.addModifier(2);
  EXPECT_EQ(getTypeSpelling(n), "numeric(10, 2)");
  n.isUnsigned = true;
  EXPECT_EQ(getTypeSpelling(n), "numeric(10, 2) unsigned");

  Type ts = Type::get(TypeKind::TimestampTz);
  ts.addModifier(3);
  EXPECT_EQ(getTypeSpelling(ts), "timestamptz(3)");
  Type arr = Type::get(TypeKind::BigInt);
  arr.arrayDims = 2;
  EXPECT_EQ(getTypeSpelling(arr), "bigint[][]");
  EXPECT_EQ(getTypeSpelling(Type::get(TypeKind::DoublePrecision)),
            "double precision");

  Type e = Type::get(TypeKind::Enum);
  e.name = "role";
  EXPECT_EQ(getTypeSpelling(e), "role");
  e.ns = "blog";
  EXPECT_EQ(getTypeSpelling(e), "blog.role");
  e.name = "my status";
  EXPECT_EQ(getTypeSpelling(e), "blog.\"my status\"");
  e.ns = "";
  e.name = "text";
  EXPECT_EQ(getTypeSpelling(e), "\"text\"") << "not the built-in type";

  Type inet = Type::get(TypeKind::Native);
  inet.name = "inet";
  EXPECT_EQ(getTypeSpelling(inet), "inet");
  Type other = inet;
  other.name = "cidr";
  EXPECT_NE(inet, other);
}

TEST(TypeTest, KindNamesRoundTrip) {
  for (unsigned k = 0; k <= unsigned(TypeKind::Native); ++k) {
    llvm::StringRef name = getTypeKindName(TypeKind(k));
    EXPECT_FALSE(name.empty());
    EXPECT_EQ(parseTypeKindName(name), TypeKind(k)) << name.str();
  }
  EXPECT_EQ(getTypeKindName(TypeKind::BigInt), "bigint");
  EXPECT_EQ(getTypeKindName(TypeKind::Native), "native");
  EXPECT_EQ(parseTypeKindName("foo"), std::nullopt);
}

} // namespace
