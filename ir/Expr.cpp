//===- Expr.cpp - operator tables, structural equality, cloning -----------===//
//
// Precedence levels follow PostgreSQL's grammar (higher binds tighter):
//   1 OR
//   2 AND
//   3 NOT (prefix)
//   4 IS [NOT] NULL, IS [NOT] DISTINCT FROM
//   5 comparison: = <> < <= > >=
//   6 LIKE ILIKE BETWEEN IN
//   7 all other operators: || -> ->> #> #>> @> <@ && ~ ~* !~ !~* & | << >>
//     and prefix ~
//   8 + -
//   9 * / %
//  10 ^
//  11 unary minus and plus
//  12 ::  (casts)
//  13 atoms: literals, column references, calls, CASE, ARRAY[...], raw SQL
//
//===----------------------------------------------------------------------===//

#include "ir/Expr.h"
#include "llvm/ADT/StringExtras.h"

namespace schemac::ir {

bool NumberLiteral::isInteger() const {
  return !text.empty() && llvm::all_of(text, llvm::isDigit);
}

llvm::StringRef getUnaryOpSpelling(UnaryOp op) {
  switch (op) {
  case UnaryOp::Neg:
    return "-";
  case UnaryOp::Plus:
    return "+";
  case UnaryOp::Not:
    return "NOT";
  case UnaryOp::BitNot:
    return "~";
  }
  return "";
}

unsigned getUnaryOpPrecedence(UnaryOp op) {
  switch (op) {
  case UnaryOp::Not:
    return 3;
  case UnaryOp::BitNot:
    return 7;
  case UnaryOp::Neg:
  case UnaryOp::Plus:
    return 11;
  }
  return 11;
}

llvm::StringRef getBinaryOpSpelling(BinaryOp op) {
  using B = BinaryOp;
  switch (op) {
  case B::Or:
    return "OR";
  case B::And:
    return "AND";
  case B::Eq:
    return "=";
  case B::Ne:
    return "<>";
  case B::Lt:
    return "<";
  case B::Le:
    return "<=";
  case B::Gt:
    return ">";
  case B::Ge:
    return ">=";
  case B::Like:
    return "LIKE";
  case B::NotLike:
    return "NOT LIKE";
  case B::ILike:
    return "ILIKE";
  case B::NotILike:
    return "NOT ILIKE";
  case B::IsDistinctFrom:
    return "IS DISTINCT FROM";
  case B::IsNotDistinctFrom:
    return "IS NOT DISTINCT FROM";
  case B::Concat:
    return "||";
  case B::Add:
    return "+";
  case B::Sub:
    return "-";
  case B::Mul:
    return "*";
  case B::Div:
    return "/";
  case B::Mod:
    return "%";
  case B::Pow:
    return "^";
  case B::BitAnd:
    return "&";
  case B::BitOr:
    return "|";
  case B::ShiftLeft:
    return "<<";
  case B::ShiftRight:
    return ">>";
  case B::JsonGet:
    return "->";
  case B::JsonGetText:
    return "->>";
  case B::JsonPath:
    return "#>";
  case B::JsonPathText:
    return "#>>";
  case B::Contains:
    return "@>";
  case B::ContainedBy:
    return "<@";
  case B::Overlaps:
    return "&&";
  case B::RegexMatch:
    return "~";
  case B::RegexIMatch:
    return "~*";
  case B::NotRegexMatch:
    return "!~";
  case B::NotRegexIMatch:
    return "!~*";
  }
  return "";
}

unsigned getBinaryOpPrecedence(BinaryOp op) {
  using B = BinaryOp;
  switch (op) {
  case B::Or:
    return 1;
  case B::And:
    return 2;
  case B::IsDistinctFrom:
  case B::IsNotDistinctFrom:
    return 4;
  case B::Eq:
  case B::Ne:
  case B::Lt:
  case B::Le:
  case B::Gt:
  case B::Ge:
    return 5;
  case B::Like:
  case B::NotLike:
  case B::ILike:
  case B::NotILike:
    return 6;
  case B::Add:
  case B::Sub:
    return 8;
  case B::Mul:
  case B::Div:
  case B::Mod:
    return 9;
  case B::Pow:
    return 10;
  default:
    return 7;
  }
}

unsigned getExprPrecedence(const Expr *e) {
  switch (e->getKind()) {
  case Expr::Kind::Unary:
    return getUnaryOpPrecedence(llvm::cast<UnaryExpr>(e)->getOp());
  case Expr::Kind::Binary:
    return getBinaryOpPrecedence(llvm::cast<BinaryExpr>(e)->getOp());
  case Expr::Kind::IsNull:
    return 4;
  case Expr::Kind::In:
  case Expr::Kind::Between:
    return 6;
  case Expr::Kind::Cast:
    return 12;
  default:
    return 13;
  }
}

namespace {

/// Equal when both texts match with every white space run taken as one
/// space and leading/trailing white space ignored.
bool rawTextEquals(llvm::StringRef a, llvm::StringRef b) {
  a = a.trim();
  b = b.trim();
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    bool wa = llvm::isSpace(a[i]), wb = llvm::isSpace(b[j]);
    if (wa != wb)
      return false;
    if (wa) {
      while (i < a.size() && llvm::isSpace(a[i]))
        ++i;
      while (j < b.size() && llvm::isSpace(b[j]))
        ++j;
      continue;
    }
    if (a[i++] != b[j++])
      return false;
  }
  return i == a.size() && j == b.size();
}

bool listEquals(llvm::ArrayRef<const Expr *> a,
                llvm::ArrayRef<const Expr *> b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!exprEquals(a[i], b[i]))
      return false;
  return true;
}

} // namespace

bool exprEquals(const Expr *a, const Expr *b) {
  if (a == b)
    return true;
  if (!a || !b || a->getKind() != b->getKind())
    return false;
  using llvm::cast;
  switch (a->getKind()) {
  case Expr::Kind::Null:
    return true;
  case Expr::Kind::Bool:
    return cast<BoolLiteral>(a)->getValue() == cast<BoolLiteral>(b)->getValue();
  case Expr::Kind::Number:
    return cast<NumberLiteral>(a)->getText() ==
           cast<NumberLiteral>(b)->getText();
  case Expr::Kind::String:
    return cast<StringLiteral>(a)->getValue() ==
           cast<StringLiteral>(b)->getValue();
  case Expr::Kind::ColumnRef: {
    auto *x = cast<ColumnRef>(a), *y = cast<ColumnRef>(b);
    return x->getTable() == y->getTable() && x->getColumn() == y->getColumn();
  }
  case Expr::Kind::FuncCall: {
    auto *x = cast<FuncCall>(a), *y = cast<FuncCall>(b);
    return x->getSchema() == y->getSchema() && x->getName() == y->getName() &&
           x->isStar() == y->isStar() && x->isDistinct() == y->isDistinct() &&
           x->hasNoParens() == y->hasNoParens() &&
           listEquals(x->getArgs(), y->getArgs());
  }
  case Expr::Kind::Unary: {
    auto *x = cast<UnaryExpr>(a), *y = cast<UnaryExpr>(b);
    return x->getOp() == y->getOp() &&
           exprEquals(x->getOperand(), y->getOperand());
  }
  case Expr::Kind::Binary: {
    auto *x = cast<BinaryExpr>(a), *y = cast<BinaryExpr>(b);
    return x->getOp() == y->getOp() && exprEquals(x->getLHS(), y->getLHS()) &&
           exprEquals(x->getRHS(), y->getRHS());
  }
  case Expr::Kind::Cast: {
    auto *x = cast<CastExpr>(a), *y = cast<CastExpr>(b);
    return x->getType() == y->getType() &&
           exprEquals(x->getOperand(), y->getOperand());
  }
  case Expr::Kind::Case: {
    auto *x = cast<CaseExpr>(a), *y = cast<CaseExpr>(b);
    if (x->getWhens().size() != y->getWhens().size() ||
        !exprEquals(x->getOperand(), y->getOperand()) ||
        !exprEquals(x->getElse(), y->getElse()))
      return false;
    for (size_t i = 0; i < x->getWhens().size(); ++i)
      if (!exprEquals(x->getWhens()[i].condition, y->getWhens()[i].condition) ||
          !exprEquals(x->getWhens()[i].result, y->getWhens()[i].result))
        return false;
    return true;
  }
  case Expr::Kind::In: {
    auto *x = cast<InExpr>(a), *y = cast<InExpr>(b);
    return x->isNegated() == y->isNegated() &&
           exprEquals(x->getOperand(), y->getOperand()) &&
           listEquals(x->getList(), y->getList());
  }
  case Expr::Kind::IsNull: {
    auto *x = cast<IsNullExpr>(a), *y = cast<IsNullExpr>(b);
    return x->isNegated() == y->isNegated() &&
           exprEquals(x->getOperand(), y->getOperand());
  }
  case Expr::Kind::Between: {
    auto *x = cast<BetweenExpr>(a), *y = cast<BetweenExpr>(b);
    return x->isNegated() == y->isNegated() &&
           exprEquals(x->getOperand(), y->getOperand()) &&
           exprEquals(x->getLow(), y->getLow()) &&
           exprEquals(x->getHigh(), y->getHigh());
  }
  case Expr::Kind::Array:
    return listEquals(cast<ArrayExpr>(a)->getElements(),
                      cast<ArrayExpr>(b)->getElements());
  case Expr::Kind::Raw:
    return rawTextEquals(cast<RawSQL>(a)->getText(),
                         cast<RawSQL>(b)->getText());
  }
  return false;
}

namespace {

llvm::StringRef saveOpt(llvm::StringRef s, ExprArena &into) {
  return s.empty() ? llvm::StringRef() : into.save(s);
}

llvm::ArrayRef<const Expr *> cloneList(llvm::ArrayRef<const Expr *> list,
                                       ExprArena &into,
                                       ColumnRefMapper mapColumnRef,
                                       FileID file) {
  llvm::SmallVector<const Expr *, 8> out;
  out.reserve(list.size());
  for (const Expr *e : list)
    out.push_back(cloneExpr(e, into, mapColumnRef, file));
  return into.copyArray<const Expr *>(out);
}

} // namespace

const Expr *cloneExpr(const Expr *e, ExprArena &into,
                      ColumnRefMapper mapColumnRef, FileID file) {
  if (!e)
    return nullptr;
  using llvm::cast;
  SourceRange r = e->getRange();
  if (file)
    r.file = file;
  switch (e->getKind()) {
  case Expr::Kind::Null:
    return into.create<NullLiteral>(r);
  case Expr::Kind::Bool:
    return into.create<BoolLiteral>(cast<BoolLiteral>(e)->getValue(), r);
  case Expr::Kind::Number:
    return into.create<NumberLiteral>(
        into.save(cast<NumberLiteral>(e)->getText()), r);
  case Expr::Kind::String:
    return into.create<StringLiteral>(
        into.save(cast<StringLiteral>(e)->getValue()), r);
  case Expr::Kind::ColumnRef: {
    auto *c = cast<ColumnRef>(e);
    if (mapColumnRef)
      return mapColumnRef(c, into);
    return into.create<ColumnRef>(saveOpt(c->getTable(), into),
                                  into.save(c->getColumn()), r);
  }
  case Expr::Kind::FuncCall: {
    auto *f = cast<FuncCall>(e);
    return into.create<FuncCall>(
        saveOpt(f->getSchema(), into), into.save(f->getName()),
        cloneList(f->getArgs(), into, mapColumnRef, file), f->isStar(),
        f->isDistinct(), f->hasNoParens(), r);
  }
  case Expr::Kind::Unary: {
    auto *u = cast<UnaryExpr>(e);
    return into.create<UnaryExpr>(
        u->getOp(), cloneExpr(u->getOperand(), into, mapColumnRef, file), r);
  }
  case Expr::Kind::Binary: {
    auto *b = cast<BinaryExpr>(e);
    return into.create<BinaryExpr>(
        b->getOp(), cloneExpr(b->getLHS(), into, mapColumnRef, file),
        cloneExpr(b->getRHS(), into, mapColumnRef, file), r);
  }
  case Expr::Kind::Cast: {
    auto *c = cast<CastExpr>(e);
    Type t = c->getType();
    t.ns = saveOpt(t.ns, into);
    t.name = saveOpt(t.name, into);
    return into.create<CastExpr>(
        cloneExpr(c->getOperand(), into, mapColumnRef, file), t, r);
  }
  case Expr::Kind::Case: {
    auto *c = cast<CaseExpr>(e);
    llvm::SmallVector<CaseWhen, 4> whens;
    for (const CaseWhen &w : c->getWhens())
      whens.push_back({cloneExpr(w.condition, into, mapColumnRef, file),
                       cloneExpr(w.result, into, mapColumnRef, file)});
    return into.create<CaseExpr>(
        cloneExpr(c->getOperand(), into, mapColumnRef, file),
        into.copyArray<CaseWhen>(whens),
        cloneExpr(c->getElse(), into, mapColumnRef, file), r);
  }
  case Expr::Kind::In: {
    auto *i = cast<InExpr>(e);
    return into.create<InExpr>(
        cloneExpr(i->getOperand(), into, mapColumnRef, file),
        cloneList(i->getList(), into, mapColumnRef, file), i->isNegated(), r);
  }
  case Expr::Kind::IsNull: {
    auto *i = cast<IsNullExpr>(e);
    return into.create<IsNullExpr>(
        cloneExpr(i->getOperand(), into, mapColumnRef, file), i->isNegated(),
        r);
  }
  case Expr::Kind::Between: {
    auto *b = cast<BetweenExpr>(e);
    return into.create<BetweenExpr>(
        cloneExpr(b->getOperand(), into, mapColumnRef, file),
        cloneExpr(b->getLow(), into, mapColumnRef, file),
        cloneExpr(b->getHigh(), into, mapColumnRef, file), b->isNegated(), r);
  }
  case Expr::Kind::Array:
    return into.create<ArrayExpr>(
        cloneList(cast<ArrayExpr>(e)->getElements(), into, mapColumnRef, file),
        r);
  case Expr::Kind::Raw:
    return into.create<RawSQL>(into.save(cast<RawSQL>(e)->getText()), r);
  }
  return nullptr;
}

const Expr *mapChildren(const Expr *e, ExprArena &arena,
                        llvm::function_ref<const Expr *(const Expr *)> fn) {
  using llvm::cast;
  auto map = [&](const Expr *child) { return child ? fn(child) : nullptr; };
  auto mapList = [&](llvm::ArrayRef<const Expr *> list) {
    llvm::SmallVector<const Expr *, 8> out;
    for (const Expr *x : list)
      out.push_back(map(x));
    return arena.copyArray<const Expr *>(out);
  };
  SourceRange none;
  switch (e->getKind()) {
  case Expr::Kind::Null:
  case Expr::Kind::Bool:
  case Expr::Kind::Number:
  case Expr::Kind::String:
  case Expr::Kind::ColumnRef:
  case Expr::Kind::Raw:
    return e;
  case Expr::Kind::FuncCall: {
    auto *f = cast<FuncCall>(e);
    return arena.create<FuncCall>(f->getSchema(), f->getName(),
                                  mapList(f->getArgs()), f->isStar(),
                                  f->isDistinct(), f->hasNoParens(), none);
  }
  case Expr::Kind::Unary: {
    auto *u = cast<UnaryExpr>(e);
    return arena.create<UnaryExpr>(u->getOp(), map(u->getOperand()), none);
  }
  case Expr::Kind::Binary: {
    auto *b = cast<BinaryExpr>(e);
    return arena.create<BinaryExpr>(b->getOp(), map(b->getLHS()),
                                    map(b->getRHS()), none);
  }
  case Expr::Kind::Cast: {
    auto *c = cast<CastExpr>(e);
    return arena.create<CastExpr>(map(c->getOperand()), c->getType(), none);
  }
  case Expr::Kind::Case: {
    auto *c = cast<CaseExpr>(e);
    llvm::SmallVector<CaseWhen, 4> whens;
    for (const CaseWhen &w : c->getWhens())
      whens.push_back({map(w.condition), map(w.result)});
    return arena.create<CaseExpr>(map(c->getOperand()),
                                  arena.copyArray<CaseWhen>(whens),
                                  map(c->getElse()), none);
  }
  case Expr::Kind::In: {
    auto *i = cast<InExpr>(e);
    return arena.create<InExpr>(map(i->getOperand()), mapList(i->getList()),
                                i->isNegated(), none);
  }
  case Expr::Kind::IsNull: {
    auto *i = cast<IsNullExpr>(e);
    return arena.create<IsNullExpr>(map(i->getOperand()), i->isNegated(), none);
  }
  case Expr::Kind::Between: {
    auto *b = cast<BetweenExpr>(e);
    return arena.create<BetweenExpr>(map(b->getOperand()), map(b->getLow()),
                                     map(b->getHigh()), b->isNegated(), none);
  }
  case Expr::Kind::Array:
    return arena.create<ArrayExpr>(mapList(cast<ArrayExpr>(e)->getElements()),
                                   none);
  }
  return e;
}

void forEachChild(const Expr *e, llvm::function_ref<void(const Expr *)> fn) {
  using llvm::cast;
  auto each = [&](llvm::ArrayRef<const Expr *> list) {
    for (const Expr *x : list)
      fn(x);
  };
  switch (e->getKind()) {
  case Expr::Kind::Null:
  case Expr::Kind::Bool:
  case Expr::Kind::Number:
  case Expr::Kind::String:
  case Expr::Kind::ColumnRef:
  case Expr::Kind::Raw:
    return;
  case Expr::Kind::FuncCall:
    return each(cast<FuncCall>(e)->getArgs());
  case Expr::Kind::Unary:
    return fn(cast<UnaryExpr>(e)->getOperand());
  case Expr::Kind::Binary:
    fn(cast<BinaryExpr>(e)->getLHS());
    return fn(cast<BinaryExpr>(e)->getRHS());
  case Expr::Kind::Cast:
    return fn(cast<CastExpr>(e)->getOperand());
  case Expr::Kind::Case: {
    auto *c = cast<CaseExpr>(e);
    if (c->getOperand())
      fn(c->getOperand());
    for (const CaseWhen &w : c->getWhens()) {
      fn(w.condition);
      fn(w.result);
    }
    if (c->getElse())
      fn(c->getElse());
    return;
  }
  case Expr::Kind::In:
    fn(cast<InExpr>(e)->getOperand());
    return each(cast<InExpr>(e)->getList());
  case Expr::Kind::IsNull:
    return fn(cast<IsNullExpr>(e)->getOperand());
  case Expr::Kind::Between: {
    auto *b = cast<BetweenExpr>(e);
    fn(b->getOperand());
    fn(b->getLow());
    return fn(b->getHigh());
  }
  case Expr::Kind::Array:
    return each(cast<ArrayExpr>(e)->getElements());
  }
}

void forEachColumnRef(const Expr *e,
                      llvm::function_ref<void(const ColumnRef *)> fn) {
  if (!e)
    return;
  if (auto *ref = llvm::dyn_cast<ColumnRef>(e))
    return fn(ref);
  forEachChild(e, [&](const Expr *child) { forEachColumnRef(child, fn); });
}

} // namespace schemac::ir
