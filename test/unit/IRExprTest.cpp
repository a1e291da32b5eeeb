//===- IRExprTest.cpp - expression equality, cloning and printing ---------===//

#include "IRTestUtil.h"
#include "ir/Printer.h"
#include "gtest/gtest.h"

using namespace schemac;
using namespace schemac::ir;

namespace {

class ExprTest : public ::testing::Test {
protected:
  const Expr *num(llvm::StringRef t) {
    return a.create<NumberLiteral>(a.save(t), SourceRange{1, 0, 1});
  }
  const Expr *col(llvm::StringRef c) {
    return a.create<ColumnRef>("", a.save(c), SourceRange{1, 5, 6});
  }
  const Expr *bin(BinaryOp op, const Expr *l, const Expr *r) {
    return a.create<BinaryExpr>(op, l, r, SourceRange());
  }
  const Expr *un(UnaryOp op, const Expr *e) {
    return a.create<UnaryExpr>(op, e, SourceRange());
  }
  const Expr *raw(llvm::StringRef t) {
    return a.create<RawSQL>(a.save(t), SourceRange());
  }
  ExprArena a;
};

TEST_F(ExprTest, NumberIsInteger) {
  EXPECT_TRUE(llvm::cast<NumberLiteral>(num("42"))->isInteger());
  EXPECT_FALSE(llvm::cast<NumberLiteral>(num("4.2"))->isInteger());
  EXPECT_FALSE(llvm::cast<NumberLiteral>(num("1e5"))->isInteger());
}

TEST_F(ExprTest, EqualityIgnoresRanges) {
  const Expr *x = bin(BinaryOp::Add, col("a"), num("1"));
  const Expr *y =
      bin(BinaryOp::Add, a.create<ColumnRef>("", "a", SourceRange{2, 9, 10}),
          a.create<NumberLiteral>("1", SourceRange()));
  EXPECT_TRUE(exprEquals(x, y));
  EXPECT_FALSE(exprEquals(x, bin(BinaryOp::Sub, col("a"), num("1"))));
  EXPECT_FALSE(exprEquals(x, bin(BinaryOp::Add, col("a"), num("1.0"))));
  EXPECT_FALSE(exprEquals(x, nullptr));
  EXPECT_TRUE(exprEquals(nullptr, nullptr));
  EXPECT_FALSE(
      exprEquals(col("a"), a.create<ColumnRef>("t", "a", SourceRange())));
}

TEST_F(ExprTest, RawComparesWithWhiteSpaceFolded) {
  EXPECT_TRUE(exprEquals(raw("select  1\n from t"), raw(" select 1 from\tt ")));
  EXPECT_FALSE(exprEquals(raw("select 1"), raw("select1")));
  EXPECT_FALSE(exprEquals(raw("a b"), raw("a c")));
}

TEST_F(ExprTest, CloneIsEqualAndIndependent) {
  Schema s;
  schemac::irtest::buildFullSchema(s);
  for (const auto &t : s.tables)
    for (const auto &c : t->constraints)
      if (auto *ck = llvm::dyn_cast<CheckConstraint>(c.get())) {
        const Expr *copy;
        {
          ExprArena other;
          copy = cloneExpr(ck->expr, other);
          EXPECT_NE(copy, ck->expr);
          EXPECT_TRUE(exprEquals(copy, ck->expr));
          EXPECT_EQ(exprToString(copy), exprToString(ck->expr));
        }
      }
  EXPECT_EQ(cloneExpr(nullptr, a), nullptr);
}

TEST_F(ExprTest, ForEachColumnRefVisitsEveryKindInSourceOrder) {
  // CASE a WHEN b THEN f(c, ARRAY[d]) ELSE e BETWEEN g AND h END, plus IN and
  // IS NULL around it: every child position of every kind.
  const Expr *call = a.create<FuncCall>(
      "", "f",
      a.copyArray<const Expr *>(
          {col("c"), a.create<ArrayExpr>(a.copyArray<const Expr *>({col("d")}),
                                         SourceRange())}),
      false, false, false, SourceRange());
  const Expr *between =
      a.create<BetweenExpr>(col("e"), col("g"), col("h"), false, SourceRange());
  CaseWhen when{col("b"), call};
  const Expr *caseExpr = a.create<CaseExpr>(
      col("a"), a.copyArray<CaseWhen>({when}), between, SourceRange());
  const Expr *in = a.create<InExpr>(
      caseExpr, a.copyArray<const Expr *>({col("i"), num("1")}), false,
      SourceRange());
  const Expr *e =
      a.create<IsNullExpr>(un(UnaryOp::Not, in), false, SourceRange());

  std::string seen;
  forEachColumnRef(e, [&](const ColumnRef *ref) { seen += ref->getColumn(); });
  EXPECT_EQ(seen, "abcdeghi");
  forEachColumnRef(nullptr, [&](const ColumnRef *) { seen += "!"; });
  EXPECT_EQ(seen, "abcdeghi");
}

TEST_F(ExprTest, CloneMapsColumnRefs) {
  const Expr *e = bin(BinaryOp::Add,
                      a.create<ColumnRef>("t", "x", SourceRange()), num("1"));
  const Expr *copy = cloneExpr(
      e, a, [](const ColumnRef *ref, ExprArena &arena) -> const Expr * {
        return arena.create<ColumnRef>("", ref->getColumn(), ref->getRange());
      });
  EXPECT_TRUE(exprEquals(copy, bin(BinaryOp::Add, col("x"), num("1"))));
  EXPECT_FALSE(exprEquals(copy, e));
}

TEST_F(ExprTest, PrintParenthesizesOnlyWhereNeeded) {
  // (a + 1) * 2, a + 1 * 2, a - (b - c), (a - b) - c
  EXPECT_EQ(exprToString(bin(BinaryOp::Mul,
                             bin(BinaryOp::Add, col("a"), num("1")), num("2"))),
            "(a + 1) * 2");
  EXPECT_EQ(exprToString(bin(BinaryOp::Add, col("a"),
                             bin(BinaryOp::Mul, num("1"), num("2")))),
            "a + 1 * 2");
  EXPECT_EQ(exprToString(bin(BinaryOp::Sub, col("a"),
                             bin(BinaryOp::Sub, col("b"), col("c")))),
            "a - (b - c)");
  EXPECT_EQ(exprToString(bin(BinaryOp::Sub,
                             bin(BinaryOp::Sub, col("a"), col("b")), col("c"))),
            "a - b - c");
  // AND binds tighter than OR; NOT looser than comparison.
  EXPECT_EQ(exprToString(bin(BinaryOp::And,
                             bin(BinaryOp::Or, col("a"), col("b")), col("c"))),
            "(a OR b) AND c");
  EXPECT_EQ(
      exprToString(un(UnaryOp::Not, bin(BinaryOp::Eq, col("a"), num("1")))),
      "NOT a = 1");
  EXPECT_EQ(
      exprToString(un(UnaryOp::Not, bin(BinaryOp::And, col("a"), col("b")))),
      "NOT (a AND b)");
  // Comparisons do not associate.
  EXPECT_EQ(exprToString(bin(BinaryOp::Eq,
                             bin(BinaryOp::Lt, col("a"), col("b")), col("c"))),
            "(a < b) = c");
  // Casts bind tightest; double negation keeps apart.
  const Expr *neg = un(UnaryOp::Neg, num("1"));
  EXPECT_EQ(exprToString(a.create<CastExpr>(neg, Type::get(TypeKind::BigInt),
                                            SourceRange())),
            "(-1)::bigint");
  EXPECT_EQ(exprToString(un(UnaryOp::Neg, neg)), "-(-1)");
  EXPECT_EQ(exprToString(bin(BinaryOp::Concat, col("a"),
                             bin(BinaryOp::Add, col("b"), num("1")))),
            "a || b + 1");
  EXPECT_EQ(exprToString(a.create<IsNullExpr>(
                bin(BinaryOp::Eq, col("a"), col("b")), true, SourceRange())),
            "a = b IS NOT NULL");
  EXPECT_EQ(exprToString(a.create<IsNullExpr>(
                bin(BinaryOp::Or, col("a"), col("b")), false, SourceRange())),
            "(a OR b) IS NULL");
}

TEST_F(ExprTest, PrintEveryKind) {
  Schema s;
  schemac::irtest::buildFullSchema(s);
  const Table *users = s.findTable({"", "users"});
  ASSERT_TRUE(users);
  auto *ck = llvm::cast<CheckConstraint>(users->constraints.back().get());
  EXPECT_EQ(exprToString(ck->expr),
            "length(email) > 2 AND (price IS NULL OR price NOT BETWEEN 0 AND "
            "10) AND role NOT IN ('admin', NULL) AND CASE WHEN TRUE THEN 1 "
            "ELSE 2 END = 1");
  EXPECT_EQ(exprToString(users->findColumn("created_at")->defaultValue),
            "current_timestamp");
  EXPECT_EQ(exprToString(users->findColumn("tags")->defaultValue),
            "'{}'::text[][]");
  const Table *posts = s.findTable({"blog", "posts"});
  ASSERT_TRUE(posts);
  EXPECT_EQ(exprToString(posts->findColumn("data")->defaultValue),
            "pg_catalog.jsonb_build_object(DISTINCT ARRAY[1, 2e10], FALSE)");
  EXPECT_EQ(exprToString(posts->findColumn("n")->defaultValue), "count(*)");
  EXPECT_EQ(exprToString(raw(" x ")), "$$ x $$");
  EXPECT_EQ(exprToString(a.create<StringLiteral>("it's", SourceRange())),
            "'it''s'");
  EXPECT_EQ(exprToString(a.create<ColumnRef>("T", "a b", SourceRange())),
            "T.\"a b\"");
}

} // namespace
