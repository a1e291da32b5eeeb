//===- ForeignKeys.cpp - resolves foreign keys against their targets ------===//
//
// Runs after every table is lowered, so keys may point forward, across files
// and across namespaces. The target columns must be the target's primary key
// or a unique key (constraint or plain unique index), as PostgreSQL demands.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include <fmt/format.h>

namespace schemac::sema {

/// Types whose values compare with each other's without a cast.
static unsigned getCompatibilityGroup(ir::TypeKind k) {
  switch (k) {
  case ir::TypeKind::SmallInt:
  case ir::TypeKind::Integer:
  case ir::TypeKind::BigInt:
    return 1;
  case ir::TypeKind::Text:
  case ir::TypeKind::Varchar:
  case ir::TypeKind::Char:
    return 2;
  default:
    return 0;
  }
}

static bool areCompatible(const ir::Type &a, const ir::Type &b) {
  if (a.arrayDims != b.arrayDims)
    return false;
  unsigned group = getCompatibilityGroup(a.kind);
  if (group != 0 && group == getCompatibilityGroup(b.kind))
    return true;
  if (a.kind != b.kind)
    return false;
  if (a.kind == ir::TypeKind::Enum || a.kind == ir::TypeKind::Native)
    return a.ns == b.ns && a.name == b.name;
  return true;
}

static std::string joinColumns(llvm::ArrayRef<llvm::StringRef> columns) {
  std::string s;
  for (llvm::StringRef c : columns) {
    if (!s.empty())
      s += ", ";
    s += c.str();
  }
  return s;
}

void SemaImpl::resolveForeignKeys(TableInfo &info) {
  for (PendingForeignKey &p : info.foreignKeys) {
    const ast::ForeignKeyRef &ref = p.ref;
    ir::ForeignKey &fk = *p.fk;
    if (!checkNamespace(ref.table))
      continue;
    ir::QualifiedName target = qualify(ref.table);
    const RelationDecl *decl = findRelation(target);
    if (!decl || decl->kind != RelationKind::Table) {
      Diagnostic &d = diags.report(
          DiagID::UnknownTable, ref.table.range,
          decl ? fmt::format("foreign key references {} {}, not a table",
                             getRelationKindName(decl->kind).str(),
                             quoted(target))
               : fmt::format("unknown table {}", quoted(target)));
      if (decl)
        d.notes.push_back({decl->range, "declared here"});
      continue;
    }
    TableInfo &ti = tables[decl->index];
    fk.refTable = ti.ir->name;

    std::vector<llvm::StringRef> refColumns;
    if (ref.columns.empty()) {
      const ir::PrimaryKey *pk = ti.ir->getPrimaryKey();
      if (!pk) {
        Diagnostic &d = diags.report(
            DiagID::ForeignKeyNoPrimaryKey, ref.table.range,
            fmt::format("table {} has no primary key; name the referenced "
                        "columns",
                        quoted(target)));
        d.notes.push_back({decl->range, "declared here"});
        continue;
      }
      refColumns = pk->columns;
    } else if (!lowerColumnList(ti, ref.columns, ref.range,
                                "the referenced columns", refColumns)) {
      continue;
    }

    if (refColumns.size() != fk.columns.size()) {
      diags.report(DiagID::ForeignKeyArity, ref.range,
                   fmt::format("foreign key has {} column{} but references {}",
                               fk.columns.size(),
                               fk.columns.size() == 1 ? "" : "s",
                               refColumns.size()));
      continue;
    }
    if (!ti.uniqueKeys.count(getColumnSetKey(refColumns))) {
      Diagnostic &d = diags.report(
          DiagID::ForeignKeyTargetNotUnique, ref.range,
          fmt::format("({}) is neither the primary key nor a unique key of "
                      "table {}",
                      joinColumns(refColumns), quoted(target)));
      d.notes.push_back({decl->range, "declared here"});
    }
    for (size_t i = 0; i < fk.columns.size(); ++i) {
      unsigned local = info.columnIndex.find(fk.columns[i])->second;
      unsigned remote = ti.columnIndex.find(refColumns[i])->second;
      if (!info.typeResolved[local] || !ti.typeResolved[remote])
        continue;
      const ir::Column &a = info.ir->columns[local];
      const ir::Column &b = ti.ir->columns[remote];
      if (!areCompatible(a.type, b.type))
        diags.report(DiagID::ForeignKeyTypeMismatch, p.columnRanges[i],
                     fmt::format("foreign-key column {} has type '{}' but the "
                                 "referenced column {} has type '{}'",
                                 quoted(a.name), ir::getTypeSpelling(a.type),
                                 quoted(target.str() + "." + b.name.str()),
                                 ir::getTypeSpelling(b.type)));
    }
    for (auto [action, what] : {std::pair{fk.onDelete, "ON DELETE"},
                                std::pair{fk.onUpdate, "ON UPDATE"}}) {
      if (action != ir::RefAction::SetNull)
        continue;
      for (llvm::StringRef c : fk.columns)
        if (!info.ir->columns[info.columnIndex.find(c)->second].nullable)
          diags.report(DiagID::SetNullOnNotNull, ref.range,
                       fmt::format("{} SET NULL on column {}, which is NOT "
                                   "NULL",
                                   what, quoted(c)));
    }
    fk.refColumns = std::move(refColumns);
  }
}

} // namespace schemac::sema
