//===- ExprCheck.cpp - column references in expressions ------------------===//
//
// Checks, defaults, generated columns, index keys and predicates may only
// name columns of their own table; a qualifier must be that table's name and
// is dropped, as the database stores `a` for `t.a`, so both compare equal.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include "llvm/ADT/STLExtras.h"
#include <fmt/format.h>

namespace schemac::sema {

void forEachColumnRef(const ir::Expr *e,
                      llvm::function_ref<void(const ir::ColumnRef *)> fn) {
  if (!e)
    return;
  using K = ir::Expr::Kind;
  switch (e->getKind()) {
  case K::Null:
  case K::Bool:
  case K::Number:
  case K::String:
  case K::Raw:
    return;
  case K::ColumnRef:
    fn(llvm::cast<ir::ColumnRef>(e));
    return;
  case K::FuncCall:
    for (const ir::Expr *a : llvm::cast<ir::FuncCall>(e)->getArgs())
      forEachColumnRef(a, fn);
    return;
  case K::Unary:
    forEachColumnRef(llvm::cast<ir::UnaryExpr>(e)->getOperand(), fn);
    return;
  case K::Binary: {
    auto *b = llvm::cast<ir::BinaryExpr>(e);
    forEachColumnRef(b->getLHS(), fn);
    forEachColumnRef(b->getRHS(), fn);
    return;
  }
  case K::Cast:
    forEachColumnRef(llvm::cast<ir::CastExpr>(e)->getOperand(), fn);
    return;
  case K::Case: {
    auto *c = llvm::cast<ir::CaseExpr>(e);
    forEachColumnRef(c->getOperand(), fn);
    for (const ir::CaseWhen &w : c->getWhens()) {
      forEachColumnRef(w.condition, fn);
      forEachColumnRef(w.result, fn);
    }
    forEachColumnRef(c->getElse(), fn);
    return;
  }
  case K::In: {
    auto *in = llvm::cast<ir::InExpr>(e);
    forEachColumnRef(in->getOperand(), fn);
    for (const ir::Expr *x : in->getList())
      forEachColumnRef(x, fn);
    return;
  }
  case K::IsNull:
    forEachColumnRef(llvm::cast<ir::IsNullExpr>(e)->getOperand(), fn);
    return;
  case K::Between: {
    auto *b = llvm::cast<ir::BetweenExpr>(e);
    forEachColumnRef(b->getOperand(), fn);
    forEachColumnRef(b->getLow(), fn);
    forEachColumnRef(b->getHigh(), fn);
    return;
  }
  case K::Array:
    for (const ir::Expr *x : llvm::cast<ir::ArrayExpr>(e)->getElements())
      forEachColumnRef(x, fn);
    return;
  }
}

bool SemaImpl::checkColumnRefs(TableInfo &info, const ir::Expr *e,
                               llvm::StringRef context,
                               std::vector<llvm::StringRef> *referenced) {
  bool ok = true;
  const ir::QualifiedName &table = info.ir->name;
  forEachColumnRef(e, [&](const ir::ColumnRef *ref) {
    if (!ref->getTable().empty() && ref->getTable() != table.name) {
      diags.report(DiagID::UnknownTable, ref->getRange(),
                   fmt::format("{} can only refer to columns of table {}, "
                               "not of {}",
                               context.str(), quoted(table),
                               quoted(ref->getTable())));
      ok = false;
      return;
    }
    auto it = info.columnIndex.find(ref->getColumn());
    if (it == info.columnIndex.end()) {
      diags.report(DiagID::UnknownColumn, ref->getRange(),
                   fmt::format("table {} has no column {}", quoted(table),
                               quoted(ref->getColumn())));
      ok = false;
      return;
    }
    if (referenced && !llvm::is_contained(*referenced, ref->getColumn()))
      referenced->push_back(info.ir->columns[it->second].name);
  });
  return ok;
}

/// Copies `e` with every column reference unqualified.
static const ir::Expr *rebuildUnqualified(const ir::Expr *e,
                                          ir::ExprArena &arena) {
  if (!e)
    return nullptr;
  auto rebuild = [&](const ir::Expr *x) {
    return rebuildUnqualified(x, arena);
  };
  auto rebuildList = [&](llvm::ArrayRef<const ir::Expr *> xs) {
    std::vector<const ir::Expr *> out;
    for (const ir::Expr *x : xs)
      out.push_back(rebuild(x));
    return arena.copyArray(llvm::ArrayRef<const ir::Expr *>(out));
  };
  SourceRange r = e->getRange();
  using K = ir::Expr::Kind;
  switch (e->getKind()) {
  case K::Null:
  case K::Bool:
  case K::Number:
  case K::String:
  case K::Raw:
    return e;
  case K::ColumnRef: {
    auto *ref = llvm::cast<ir::ColumnRef>(e);
    if (ref->getTable().empty())
      return e;
    return arena.create<ir::ColumnRef>(llvm::StringRef(), ref->getColumn(), r);
  }
  case K::FuncCall: {
    auto *f = llvm::cast<ir::FuncCall>(e);
    return arena.create<ir::FuncCall>(f->getSchema(), f->getName(),
                                      rebuildList(f->getArgs()), f->isStar(),
                                      f->isDistinct(), f->hasNoParens(), r);
  }
  case K::Unary: {
    auto *u = llvm::cast<ir::UnaryExpr>(e);
    return arena.create<ir::UnaryExpr>(u->getOp(), rebuild(u->getOperand()), r);
  }
  case K::Binary: {
    auto *b = llvm::cast<ir::BinaryExpr>(e);
    return arena.create<ir::BinaryExpr>(b->getOp(), rebuild(b->getLHS()),
                                        rebuild(b->getRHS()), r);
  }
  case K::Cast: {
    auto *c = llvm::cast<ir::CastExpr>(e);
    return arena.create<ir::CastExpr>(rebuild(c->getOperand()), c->getType(),
                                      r);
  }
  case K::Case: {
    auto *c = llvm::cast<ir::CaseExpr>(e);
    std::vector<ir::CaseWhen> whens;
    for (const ir::CaseWhen &w : c->getWhens())
      whens.push_back({rebuild(w.condition), rebuild(w.result)});
    return arena.create<ir::CaseExpr>(
        rebuild(c->getOperand()),
        arena.copyArray(llvm::ArrayRef<ir::CaseWhen>(whens)),
        rebuild(c->getElse()), r);
  }
  case K::In: {
    auto *in = llvm::cast<ir::InExpr>(e);
    return arena.create<ir::InExpr>(rebuild(in->getOperand()),
                                    rebuildList(in->getList()), in->isNegated(),
                                    r);
  }
  case K::IsNull: {
    auto *n = llvm::cast<ir::IsNullExpr>(e);
    return arena.create<ir::IsNullExpr>(rebuild(n->getOperand()),
                                        n->isNegated(), r);
  }
  case K::Between: {
    auto *b = llvm::cast<ir::BetweenExpr>(e);
    return arena.create<ir::BetweenExpr>(
        rebuild(b->getOperand()), rebuild(b->getLow()), rebuild(b->getHigh()),
        b->isNegated(), r);
  }
  case K::Array:
    return arena.create<ir::ArrayExpr>(
        rebuildList(llvm::cast<ir::ArrayExpr>(e)->getElements()), r);
  }
  return e;
}

const ir::Expr *SemaImpl::unqualifyColumnRefs(const ir::Expr *e) {
  bool qualified = false;
  forEachColumnRef(e, [&](const ir::ColumnRef *ref) {
    qualified |= !ref->getTable().empty();
  });
  return qualified ? rebuildUnqualified(e, out.getArena()) : e;
}

} // namespace schemac::sema
