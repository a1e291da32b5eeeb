//===- BackendsTest.cpp - quoting, SQL expressions, PostgreSQL DDL --------===//

#include "backends/Backends.h"
#include "backends/DialectCapabilities.h"
#include "backends/DialectLegality.h"
#include "backends/SQLExprPrinter.h"
#include "backends/SQLQuoting.h"
#include "backends/SQLTypes.h"
#include "gtest/gtest.h"

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

constexpr Dialect PG = Dialect::PostgreSQL;

Type tinyint() {
  Type t = Type::get(TypeKind::Native);
  t.name = "tinyint";
  return t;
}

TEST(SQLQuotingTest, PostgresQuotesOnlyWhenNeeded) {
  EXPECT_EQ(quoteIdentifier(PG, "users"), "users");
  EXPECT_EQ(quoteIdentifier(PG, "_a1$"), "_a1$");
  EXPECT_EQ(quoteIdentifier(PG, "Users"), "\"Users\"");
  EXPECT_EQ(quoteIdentifier(PG, "user"), "\"user\""); // reserved
  EXPECT_EQ(quoteIdentifier(PG, "full"), "\"full\""); // type/function
  EXPECT_EQ(quoteIdentifier(PG, "time"), "\"time\""); // column-name
  EXPECT_EQ(quoteIdentifier(PG, "name"), "name");     // unreserved
  EXPECT_EQ(quoteIdentifier(PG, "1a"), "\"1a\"");
  EXPECT_EQ(quoteIdentifier(PG, "$a"), "\"$a\"");
  EXPECT_EQ(quoteIdentifier(PG, "a b"), "\"a b\"");
  EXPECT_EQ(quoteIdentifier(PG, "caf\xc3\xa9"), "\"caf\xc3\xa9\"");
  EXPECT_EQ(quoteIdentifier(PG, "say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(quoteIdentifier(PG, ""), "\"\"");
}

TEST(SQLQuotingTest, KeywordCategories) {
  EXPECT_EQ(getPostgresKeywordCategory("select"),
            PostgresKeywordCategory::Reserved);
  EXPECT_EQ(getPostgresKeywordCategory("left"),
            PostgresKeywordCategory::TypeFunction);
  EXPECT_EQ(getPostgresKeywordCategory("coalesce"),
            PostgresKeywordCategory::ColumnName);
  EXPECT_EQ(getPostgresKeywordCategory("abort"), PostgresKeywordCategory::None);
  EXPECT_EQ(getPostgresKeywordCategory("SELECT"),
            PostgresKeywordCategory::None); // only lower case is a keyword
}

TEST(SQLQuotingTest, OtherDialectsAlwaysQuote) {
  EXPECT_EQ(quoteIdentifier(Dialect::MySQL, "a`b"), "`a``b`");
  EXPECT_EQ(quoteIdentifier(Dialect::SQLite, "a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(quoteQualifiedName(Dialect::MySQL, {"db", "t"}), "`db`.`t`");
  EXPECT_EQ(quoteQualifiedName(PG, {"", "t"}), "t");
  EXPECT_EQ(quoteQualifiedName(PG, {"Blog", "t"}), "\"Blog\".t");
}

TEST(SQLQuotingTest, FunctionNames) {
  EXPECT_EQ(quoteFunctionName(PG, "coalesce"), "coalesce");
  EXPECT_EQ(quoteFunctionName(PG, "left"), "left");
  EXPECT_EQ(quoteFunctionName(PG, "select"), "\"select\"");
  EXPECT_EQ(quoteFunctionName(PG, "MyFunc"), "\"MyFunc\"");
  EXPECT_EQ(quoteFunctionName(Dialect::MySQL, "now"), "now");
}

TEST(SQLQuotingTest, StringLiterals) {
  EXPECT_EQ(quoteStringLiteral(PG, "it's"), "'it''s'");
  EXPECT_EQ(quoteStringLiteral(PG, "a\\b"), "'a\\b'");
  EXPECT_EQ(quoteStringLiteral(Dialect::SQLite, "a\\b"), "'a\\b'");
  EXPECT_EQ(quoteStringLiteral(Dialect::MySQL, "it's a\\b"), "'it''s a\\\\b'");
}

TEST(SQLTypesTest, PostgresNames) {
  Type varchar = Type::get(TypeKind::Varchar);
  EXPECT_EQ(getPostgresTypeName(varchar), "character varying");
  varchar.addModifier(255);
  EXPECT_EQ(getPostgresTypeName(varchar), "character varying(255)");
  Type ts = Type::get(TypeKind::TimestampTz);
  ts.addModifier(3);
  EXPECT_EQ(getPostgresTypeName(ts), "timestamp(3) with time zone");
  Type numeric = Type::get(TypeKind::Numeric);
  numeric.addModifier(10);
  numeric.addModifier(2);
  EXPECT_EQ(getPostgresTypeName(numeric), "numeric(10,2)");
  Type texts = Type::get(TypeKind::Text);
  texts.arrayDims = 2;
  EXPECT_EQ(getPostgresTypeName(texts), "text[][]");
  Type status = Type::get(TypeKind::Enum);
  status.ns = "blog";
  status.name = "Status";
  EXPECT_EQ(getPostgresTypeName(status), "blog.\"Status\"");
  Type inet = Type::get(TypeKind::Native);
  inet.name = "inet";
  EXPECT_EQ(getPostgresTypeName(inet), "inet");
  Type unsignedInt = Type::get(TypeKind::Integer);
  unsignedInt.isUnsigned = true;
  EXPECT_FALSE(isNativeTypeOf(Dialect::PostgreSQL, tinyint()));
  EXPECT_TRUE(isNativeTypeOf(Dialect::MySQL, tinyint()));
  EXPECT_EQ(getCastTargetName(Dialect::MySQL, unsignedInt), "UNSIGNED");
  EXPECT_EQ(getCastTargetName(Dialect::SQLite, texts), std::nullopt);
}

class SQLExprTest : public ::testing::Test {
protected:
  const Expr *col(StringRef name, StringRef table = "") {
    return arena.create<ColumnRef>(table, name, SourceRange());
  }
  const Expr *num(StringRef text) {
    return arena.create<NumberLiteral>(text, SourceRange());
  }
  const Expr *str(StringRef value) {
    return arena.create<StringLiteral>(value, SourceRange());
  }
  const Expr *bin(BinaryOp op, const Expr *lhs, const Expr *rhs) {
    return arena.create<BinaryExpr>(op, lhs, rhs, SourceRange());
  }
  const Expr *un(UnaryOp op, const Expr *operand) {
    return arena.create<UnaryExpr>(op, operand, SourceRange());
  }
  const Expr *call(StringRef name, llvm::ArrayRef<const Expr *> args,
                   bool star = false, bool distinct = false,
                   bool noParens = false) {
    return arena.create<FuncCall>("", name, arena.copyArray(args), star,
                                  distinct, noParens, SourceRange());
  }
  const Expr *castTo(const Expr *e, TypeKind kind) {
    return arena.create<CastExpr>(e, Type::get(kind), SourceRange());
  }
  const Expr *raw(StringRef text) {
    return arena.create<RawSQL>(text, SourceRange());
  }
  std::string print(const Expr *e, Dialect d = PG) {
    SQLExprPrinter printer(d, nullptr);
    std::string text = printer.print(e);
    EXPECT_FALSE(printer.hasErrors()) << text;
    return text;
  }

  ExprArena arena;
  const Expr *a = col("a"), *b = col("b"), *c = col("c");
};

TEST_F(SQLExprTest, ArithmeticParentheses) {
  using B = BinaryOp;
  EXPECT_EQ(print(bin(B::Mul, bin(B::Add, a, b), c)), "(a + b) * c");
  EXPECT_EQ(print(bin(B::Add, a, bin(B::Mul, b, c))), "a + b * c");
  EXPECT_EQ(print(bin(B::Sub, bin(B::Sub, a, b), c)), "a - b - c");
  EXPECT_EQ(print(bin(B::Sub, a, bin(B::Sub, b, c))), "a - (b - c)");
  EXPECT_EQ(print(bin(B::Concat, bin(B::Concat, a, str(" ")), b)),
            "a || ' ' || b");
  EXPECT_EQ(print(bin(B::Pow, un(UnaryOp::Neg, num("2")), num("2"))), "-2 ^ 2");
  EXPECT_EQ(print(un(UnaryOp::Neg, bin(B::Pow, num("2"), num("2")))),
            "-(2 ^ 2)");
  EXPECT_EQ(print(un(UnaryOp::Neg, un(UnaryOp::Neg, a))), "-(-a)");
  EXPECT_EQ(print(bin(B::Sub, a, un(UnaryOp::Neg, num("1")))), "a - -1");
  EXPECT_EQ(print(un(UnaryOp::BitNot, bin(B::BitAnd, a, b))), "~(a & b)");
}

TEST_F(SQLExprTest, BooleanAndComparisonParentheses) {
  using B = BinaryOp;
  EXPECT_EQ(print(bin(B::And, bin(B::Or, a, b), c)), "(a OR b) AND c");
  EXPECT_EQ(print(bin(B::Or, a, bin(B::And, b, c))), "a OR b AND c");
  EXPECT_EQ(print(un(UnaryOp::Not, bin(B::And, a, b))), "NOT (a AND b)");
  EXPECT_EQ(print(bin(B::And, un(UnaryOp::Not, a), b)), "NOT a AND b");
  EXPECT_EQ(print(un(UnaryOp::Not, bin(B::Eq, a, b))), "NOT a = b");
  EXPECT_EQ(print(bin(B::Eq, un(UnaryOp::Not, a), b)), "(NOT a) = b");
  EXPECT_EQ(print(bin(B::Eq, bin(B::Eq, a, b), c)), "(a = b) = c");
  EXPECT_EQ(print(bin(B::Eq, a, bin(B::Like, b, c))), "a = b LIKE c");
  EXPECT_EQ(print(bin(B::Like, bin(B::Eq, a, b), c)), "(a = b) LIKE c");
  auto *isNull = arena.create<IsNullExpr>(b, false, SourceRange());
  EXPECT_EQ(print(bin(B::Eq, a, isNull)), "a = (b IS NULL)");
  auto *notNull =
      arena.create<IsNullExpr>(bin(B::Add, a, b), true, SourceRange());
  EXPECT_EQ(print(notNull), "a + b IS NOT NULL");
}

TEST_F(SQLExprTest, SpecialForms) {
  const Expr *list[] = {num("1"), str("x")};
  auto *in = arena.create<InExpr>(a, arena.copyArray<const Expr *>(list), true,
                                  SourceRange());
  EXPECT_EQ(print(in), "a NOT IN (1, 'x')");
  auto *between = arena.create<BetweenExpr>(
      a, num("1"), bin(BinaryOp::Add, b, num("2")), false, SourceRange());
  EXPECT_EQ(print(between), "a BETWEEN 1 AND b + 2");
  CaseWhen whens[] = {{bin(BinaryOp::Gt, a, num("0")), str("pos")}};
  auto *caseExpr = arena.create<CaseExpr>(
      nullptr, arena.copyArray<CaseWhen>(whens), str("neg"), SourceRange());
  EXPECT_EQ(print(caseExpr), "CASE WHEN a > 0 THEN 'pos' ELSE 'neg' END");
  auto *array = arena.create<ArrayExpr>(arena.copyArray<const Expr *>(list),
                                        SourceRange());
  EXPECT_EQ(print(array), "ARRAY[1, 'x']");
  EXPECT_EQ(print(arena.create<NullLiteral>(SourceRange())), "NULL");
  EXPECT_EQ(print(arena.create<BoolLiteral>(true, SourceRange())), "TRUE");
  EXPECT_EQ(print(col("Name", "T")), "\"T\".\"Name\"");
}

TEST_F(SQLExprTest, Calls) {
  EXPECT_EQ(print(call("count", {}, /*star=*/true)), "count(*)");
  EXPECT_EQ(print(call("count", {a}, false, /*distinct=*/true)),
            "count(DISTINCT a)");
  EXPECT_EQ(print(call("coalesce", {a, b})), "coalesce(a, b)");
  EXPECT_EQ(print(call("current_timestamp", {}, false, false,
                       /*noParens=*/true)),
            "CURRENT_TIMESTAMP");
  EXPECT_EQ(print(call("Weird Name", {})), "\"Weird Name\"()");
}

TEST_F(SQLExprTest, CastsAndRaw) {
  EXPECT_EQ(print(castTo(a, TypeKind::Text)), "a::text");
  EXPECT_EQ(print(castTo(bin(BinaryOp::Add, a, b), TypeKind::Text)),
            "(a + b)::text");
  EXPECT_EQ(print(castTo(un(UnaryOp::Neg, num("1")), TypeKind::BigInt)),
            "(-1)::bigint");
  EXPECT_EQ(print(castTo(castTo(a, TypeKind::Text), TypeKind::Integer)),
            "a::text::integer");
  EXPECT_EQ(print(castTo(a, TypeKind::BigInt), Dialect::MySQL),
            "CAST(`a` AS SIGNED)");
  EXPECT_EQ(print(castTo(a, TypeKind::Text), Dialect::SQLite),
            "CAST(\"a\" AS TEXT)");
  EXPECT_EQ(print(raw("  a+b ")), "a+b");
  EXPECT_EQ(print(bin(BinaryOp::Mul, raw("a+b"), c)), "(a+b) * c");
}

TEST_F(SQLExprTest, Operands) {
  SQLExprPrinter printer(PG, nullptr);
  EXPECT_EQ(printer.printOperand(call("now", {})), "now()");
  EXPECT_EQ(printer.printOperand(bin(BinaryOp::Add, a, num("1"))), "a + 1");
  EXPECT_EQ(printer.printOperand(bin(BinaryOp::Eq, a, num("1"))), "(a = 1)");
  EXPECT_EQ(printer.printOperand(raw("nextval('s')")), "(nextval('s'))");
}

TEST_F(SQLExprTest, OtherDialects) {
  using B = BinaryOp;
  EXPECT_EQ(print(bin(B::Concat, a, b), Dialect::MySQL), "CONCAT(`a`, `b`)");
  EXPECT_EQ(print(bin(B::IsDistinctFrom, a, b), Dialect::MySQL),
            "NOT (`a` <=> `b`)");
  EXPECT_EQ(print(bin(B::Add, bin(B::Concat, a, b), c), Dialect::SQLite),
            "(\"a\" || \"b\") + \"c\"");
  EXPECT_EQ(print(bin(B::Concat, bin(B::Add, a, b), c), Dialect::SQLite),
            "(\"a\" + \"b\") || \"c\"");
  EXPECT_EQ(print(bin(B::Eq, bin(B::Add, a, b), c), Dialect::SQLite),
            "\"a\" + \"b\" = \"c\"");

  SourceManager sm;
  DiagnosticEngine diags(sm);
  SQLExprPrinter printer(Dialect::SQLite, &diags);
  printer.print(bin(B::ILike, a, b));
  EXPECT_TRUE(printer.hasErrors());
  ASSERT_EQ(diags.getDiagnostics().size(), 1u);
  EXPECT_EQ(diags.getDiagnostics()[0].id, DiagID::DialectUnsupported);
}

/// A two-table schema with a foreign-key cycle, built directly in the IR.
class PostgresBackendTest : public ::testing::Test {
protected:
  Table &addTable(StringRef name) {
    schema.tables.push_back(std::make_unique<Table>());
    Table &table = *schema.tables.back();
    table.name = {"", name};
    Column id;
    id.name = "id";
    id.type = Type::get(TypeKind::BigInt);
    id.identity = Identity::ByDefault;
    table.columns.push_back(id);
    auto pk = std::make_unique<PrimaryKey>();
    pk->name = schema.save((name + "_pkey").str());
    pk->columns = {"id"};
    table.constraints.push_back(std::move(pk));
    return table;
  }
  void addReference(Table &from, StringRef column, StringRef to) {
    Column c;
    c.name = column;
    c.type = Type::get(TypeKind::BigInt);
    c.nullable = true;
    from.columns.push_back(c);
    auto fk = std::make_unique<ForeignKey>();
    fk->name = schema.save((from.name.name + "_" + column + "_fkey").str());
    fk->columns = {column};
    fk->refTable = {"", to};
    fk->refColumns = {"id"};
    fk->onDelete = RefAction::SetNull;
    fk->deferrable = true;
    from.constraints.push_back(std::move(fk));
  }
  bool run(std::string &out, DiagnosticEngine &diags) {
    schema.canonicalize();
    llvm::raw_string_ostream os(out);
    return createPostgresBackend()->run(schema, os, diags);
  }

  Schema schema;
  SourceManager sm;
};

TEST_F(PostgresBackendTest, ForeignKeyCycle) {
  addReference(addTable("a"), "b_id", "b");
  addReference(addTable("b"), "a_id", "a");
  DiagnosticEngine diags(sm);
  std::string out;
  ASSERT_TRUE(run(out, diags));
  EXPECT_EQ(out, R"(CREATE TABLE a (
  id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
  b_id bigint,
  CONSTRAINT a_pkey PRIMARY KEY (id)
);

CREATE TABLE b (
  id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
  a_id bigint,
  CONSTRAINT b_pkey PRIMARY KEY (id)
);

ALTER TABLE a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES b (id) ON DELETE SET NULL DEFERRABLE;

ALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE SET NULL DEFERRABLE;
)");
}

// The legality pass, not the backend, rejects what PostgreSQL cannot hold
// (a snapshot has no source positions, so sema never saw these).
TEST_F(PostgresBackendTest, LegalityReportsVirtualColumn) {
  Table &table = addTable("t");
  Column virtualColumn;
  virtualColumn.name = "v";
  virtualColumn.type = Type::get(TypeKind::Integer);
  virtualColumn.generated = Generated{
      schema.getArena().create<NumberLiteral>("1", SourceRange()), false};
  table.columns.push_back(virtualColumn);
  DiagnosticEngine diags(sm);
  EXPECT_FALSE(checkDialectLegality(schema, PG, diags));
  ASSERT_EQ(diags.getDiagnostics().size(), 1u);
  EXPECT_EQ(diags.getDiagnostics()[0].id, DiagID::DialectUnsupported);
}

TEST_F(PostgresBackendTest, LegalityReportsForeignTypeAndCrossSchemaOwner) {
  Table &table = addTable("t");
  Column text;
  text.name = "m";
  text.type = Type::get(TypeKind::Native);
  text.type.name = "mediumtext"; // MySQL only
  table.columns.push_back(text);
  auto sequence = std::make_unique<Sequence>();
  sequence->name = {"other", "s"};
  sequence->ownedBy = ColumnOwner{{"", "t"}, "id"};
  schema.sequences.push_back(std::move(sequence));
  DiagnosticEngine diags(sm);
  EXPECT_FALSE(checkDialectLegality(schema, PG, diags));
  ASSERT_EQ(diags.getDiagnostics().size(), 2u);
  for (const Diagnostic &diag : diags.getDiagnostics())
    EXPECT_EQ(diag.id, DiagID::DialectUnsupported) << diag.message;
}

TEST(BackendRegistryTest, FindsEveryBackend) {
  BackendRegistry registry;
  registerBackends(registry);
  for (StringRef name : {"postgresql", "mysql", "sqlite", "ir", "json"}) {
    Backend *backend = registry.find(name);
    ASSERT_NE(backend, nullptr) << name.str();
    EXPECT_EQ(backend->getName(), name);
  }
  EXPECT_EQ(registry.find("oracle"), nullptr);
}

} // namespace
