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

bool SemaImpl::checkColumnRefs(TableInfo &info, const ir::Expr *e,
                               llvm::StringRef context,
                               std::vector<llvm::StringRef> *referenced) {
  bool ok = true;
  const ir::QualifiedName &table = info.ir->name;
  ir::forEachColumnRef(e, [&](const ir::ColumnRef *ref) {
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

const ir::Expr *SemaImpl::unqualifyColumnRefs(const ir::Expr *e) {
  bool qualified = false;
  ir::forEachColumnRef(e, [&](const ir::ColumnRef *ref) {
    qualified |= !ref->getTable().empty();
  });
  if (!qualified)
    return e;
  return ir::cloneExpr(
      e, out.getArena(), [](const ir::ColumnRef *ref, ir::ExprArena &arena) {
        return arena.create<ir::ColumnRef>(llvm::StringRef(), ref->getColumn(),
                                           ref->getRange());
      });
}

} // namespace schemac::sema
