//===- LowerColumn.cpp - column options: keys, defaults, identity ---------===//
#include "frontend/SemaImpl.h"
#include <fmt/format.h>

namespace schemac::sema {

using OptKind = ast::ColumnOption::Kind;

static llvm::StringRef getOptionName(OptKind k) {
  switch (k) {
  case OptKind::PrimaryKey:
    return "primary key";
  case OptKind::Unique:
    return "unique";
  case OptKind::Default:
    return "default";
  case OptKind::Identity:
    return "identity";
  case OptKind::References:
    return "references";
  case OptKind::Check:
    return "check";
  case OptKind::Generated:
    return "as (generated)";
  case OptKind::Collate:
    return "collate";
  }
  return "option";
}

void SemaImpl::lowerColumnOptions(TableInfo &info, const ast::ColumnDef &def,
                                  ir::Column &col) {
  const ast::ColumnOption *seen[static_cast<unsigned>(OptKind::Collate) + 1] =
      {};
  for (const ast::ColumnOption &opt : def.options) {
    const ast::ColumnOption *&first = seen[static_cast<unsigned>(opt.kind)];
    // A column may carry several checks and references, as in SQL.
    bool repeatable =
        opt.kind == OptKind::Check || opt.kind == OptKind::References;
    if (first && !repeatable) {
      Diagnostic &d = diags.report(
          DiagID::DuplicateColumnOption, opt.range,
          fmt::format("column {} has more than one '{}' option",
                      quoted(col.name), getOptionName(opt.kind).str()));
      d.notes.push_back({first->range, "first given here"});
      continue;
    }
    first = &opt;
    switch (opt.kind) {
    case OptKind::PrimaryKey:
      if (def.nullable)
        diags.report(DiagID::NullablePrimaryKey, def.nullableRange,
                     fmt::format("primary-key column {} cannot be nullable",
                                 quoted(col.name)));
      col.nullable = false;
      addPrimaryKey(info, {col.name}, opt.constraintName, opt.range, {});
      break;
    case OptKind::Unique:
      addUnique(info, {col.name}, false, opt.constraintName, opt.range, {});
      break;
    case OptKind::Identity:
      if (col.identity == ir::Identity::Serial)
        diags.report(DiagID::ConflictingColumnOptions, opt.range,
                     fmt::format("serial column {} cannot also be an identity",
                                 quoted(col.name)));
      else if (!col.type.isInteger() &&
               info.typeResolved[&col - info.ir->columns.data()])
        diags.report(DiagID::IdentityNotInteger, opt.range,
                     fmt::format("identity column {} must have an integer "
                                 "type, not '{}'",
                                 quoted(col.name),
                                 ir::getTypeSpelling(col.type)));
      else
        col.identity = opt.identity;
      break;
    case OptKind::References:
      addForeignKey(info, {col.name}, {def.name.range}, *opt.references,
                    opt.constraintName, opt.range, {});
      break;
    case OptKind::Check:
      addCheck(info, opt.expr, opt.constraintName, opt.range, {});
      break;
    case OptKind::Collate:
      col.collation = out.save(opt.collation.name);
      break;
    case OptKind::Default:
    case OptKind::Generated:
      break; // below, once identity is known
    }
  }

  const ast::ColumnOption *generated =
      seen[static_cast<unsigned>(OptKind::Generated)];
  const ast::ColumnOption *dflt = seen[static_cast<unsigned>(OptKind::Default)];
  if (generated) {
    if (col.identity != ir::Identity::None)
      diags.report(DiagID::GeneratedWithDefault, generated->range,
                   fmt::format("generated column {} cannot be an identity or "
                               "serial column",
                               quoted(col.name)));
    col.generated = ir::Generated{generated->expr, generated->stored};
  }
  if (dflt) {
    if (generated)
      diags.report(DiagID::GeneratedWithDefault, dflt->range,
                   fmt::format("generated column {} cannot have a default",
                               quoted(col.name)));
    else if (col.identity == ir::Identity::Serial)
      diags.report(DiagID::ConflictingColumnOptions, dflt->range,
                   fmt::format("serial column {} cannot have a default",
                               quoted(col.name)));
    else if (col.identity != ir::Identity::None)
      diags.report(DiagID::ConflictingColumnOptions, dflt->range,
                   fmt::format("identity column {} cannot have a default",
                               quoted(col.name)));
    col.defaultValue = lowerDefault(col, dflt->expr);
  }
  if (col.identity != ir::Identity::None &&
      namingDialect() == ir::Dialect::PostgreSQL)
    info.implicitSequences.emplace_back(col.name.str(), def.name.range);
}

/// Checks a string against the values of an enum column's type.
static bool isEnumValue(SemaImpl &sema, const ir::Type &type,
                        llvm::StringRef value) {
  EnumInfo *e = sema.findEnum({type.ns, type.name});
  return !e || e->values.count(value);
}

const ir::Expr *SemaImpl::lowerDefault(const ir::Column &col,
                                       const ir::Expr *e) {
  if (!e)
    return nullptr;
  bool scalarEnum =
      col.type.kind == ir::TypeKind::Enum && col.type.arrayDims == 0;
  if (scalarEnum) {
    ir::QualifiedName enumName{col.type.ns, col.type.name};
    auto *ref = llvm::dyn_cast<ir::ColumnRef>(e);
    if (ref && ref->getTable().empty()) {
      if (!isEnumValue(*this, col.type, ref->getColumn()))
        diags.report(DiagID::UnknownEnumValue, ref->getRange(),
                     fmt::format("{} is not a value of enum {}",
                                 quoted(ref->getColumn()), quoted(enumName)));
      return out.getArena().create<ir::StringLiteral>(
          out.save(ref->getColumn()), ref->getRange());
    }
    if (auto *str = llvm::dyn_cast<ir::StringLiteral>(e))
      if (!isEnumValue(*this, col.type, str->getValue()))
        diags.report(DiagID::UnknownEnumValue, str->getRange(),
                     fmt::format("{} is not a value of enum {}",
                                 quoted(str->getValue()), quoted(enumName)));
  }
  ir::forEachColumnRef(e, [&](const ir::ColumnRef *ref) {
    diags.report(DiagID::UnsupportedExpression, ref->getRange(),
                 "column references are not allowed in a default");
  });
  return e;
}

} // namespace schemac::sema
