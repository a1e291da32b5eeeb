//===- CastCheck.cpp - the target types of casts inside expressions -------===//
//
// The parser resolves a cast's built-in type itself and takes any other name
// for an enum, so sema checks casts like column types: the enum must exist,
// and with a target dialect the type must be one it holds (SQLite would take
// `CAST(x AS INET)` as NUMERIC affinity and change the value silently).
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
    return;
  }
  if (!opts.dialect)
    return;
  std::string dialectName = ir::getDialectName(*opts.dialect).str();
  if (t.arrayDims && *opts.dialect != ir::Dialect::PostgreSQL) {
    diags.report(DiagID::DialectUnsupported, cast.getRange(),
                 fmt::format("casts to array types are not supported by {}",
                             dialectName));
    return;
  }
  if (t.kind != ir::TypeKind::Native)
    return;
  const ir::BuiltinTypeInfo *info = ir::lookupBuiltinType(t.name);
  if (info &&
      !(info->dialectMask & (1u << static_cast<unsigned>(*opts.dialect))))
    diags.report(DiagID::DialectUnsupported, cast.getRange(),
                 fmt::format("type '{}' in a cast is not supported by {}",
                             t.name.str(), dialectName));
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
