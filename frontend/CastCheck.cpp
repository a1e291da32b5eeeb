//===- CastCheck.cpp - the target types of casts inside expressions -------===//
//
// The parser resolves a cast's built-in type itself and takes any other name
// for an enum, so sema checks that the enum exists. Whether the target
// dialect holds the type is the legality pass's question
// (backends/DialectLegality.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include <fmt/format.h>

namespace schemac::sema {

void SemaImpl::checkCastType(const ir::CastExpr &cast) {
  const ir::Type &t = cast.getType();
  if (t.kind == ir::TypeKind::Enum) {
    if (!findEnum({t.ns, t.name}))
      diags.report(DiagID::UnknownType, cast.getRange(),
                   fmt::format("cast to unknown type {}",
                               quoted(ir::QualifiedName{t.ns, t.name})));
  }
}

void SemaImpl::checkCastTypes(const ir::Expr *e) {
  if (!e)
    return;
  if (auto *cast = llvm::dyn_cast<ir::CastExpr>(e))
    checkCastType(*cast);
  ir::forEachChild(e, [&](const ir::Expr *child) { checkCastTypes(child); });
}

void SemaImpl::checkCastTypes() {
  for (TableInfo &info : tables) {
    for (const ir::Column &col : info.ir->columns) {
      checkCastTypes(col.defaultValue);
      if (col.generated)
        checkCastTypes(col.generated->expr);
    }
    for (const auto &c : info.ir->constraints)
      if (auto *check = llvm::dyn_cast<ir::CheckConstraint>(c.get()))
        checkCastTypes(check->expr);
    for (const ir::Index &index : info.ir->indexes) {
      for (const ir::IndexElement &el : index.elements)
        checkCastTypes(el.expr);
      checkCastTypes(index.where);
    }
  }
}

} // namespace schemac::sema
