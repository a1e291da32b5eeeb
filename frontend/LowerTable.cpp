//===- LowerTable.cpp - tables and their columns to the IR ----------------===//
//
// Columns are declared first (so checks and keys may name later columns),
// then column options, table constraints and indexes are lowered in source
// order, which is the order derived names are chosen in.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include <fmt/format.h>

namespace schemac::sema {

void SemaImpl::lowerTable(TableInfo &info) {
  const ast::TableDef &def = *info.def;
  info.table = std::make_unique<ir::Table>();
  ir::Table &t = *info.table;
  info.ir = &t;
  t.name = qualify(def.name);
  t.comment = out.save(def.doc);
  t.range = def.range;
  lowerTableAttributes(def, t);

  t.columns.reserve(def.columns.size());
  for (const ast::ColumnDef &col : def.columns)
    lowerColumn(info, col);
  for (size_t i = 0; i < t.columns.size(); ++i)
    lowerColumnOptions(info, *info.columnDefs[i], t.columns[i]);
  checkGenerated(info);
  for (const ast::ConstraintDef &c : def.constraints)
    lowerTableConstraint(info, c);
  dropRedundantKeys(info);
  for (const ast::IndexDef &idx : def.indexes)
    lowerIndex(info, idx);
}

void SemaImpl::lowerColumn(TableInfo &info, const ast::ColumnDef &def) {
  ir::Table &t = *info.ir;
  auto [it, inserted] =
      info.columnIndex.try_emplace(def.name.name, t.columns.size());
  if (!inserted) {
    reportDuplicate(def.name.range,
                    fmt::format("column {} in table {}", quoted(def.name.name),
                                quoted(t.name)),
                    info.columnDefs[it->second]->name.range,
                    "previous definition is here");
    return;
  }
  checkNameLength(def.name, "column");
  ir::Column col;
  col.name = out.save(def.name.name);
  bool isSerial = false;
  std::optional<ir::Type> type = resolveType(def.type, isSerial);
  if (type)
    col.type = *type;
  if (isSerial) {
    if (col.type.arrayDims != 0)
      diags.report(DiagID::ConflictingColumnOptions, def.type.range,
                   fmt::format("column {} cannot be an array of a serial type",
                               quoted(col.name)));
    else
      col.identity = ir::Identity::Serial;
  }
  col.nullable = def.nullable;
  col.comment = out.save(def.doc);
  col.range = def.range;
  col.typeRange = def.type.range;
  lowerAttributes(def.attributes, col.was);
  t.columns.push_back(col);
  info.columnDefs.push_back(&def);
  info.typeResolved.push_back(type.has_value());
}

void SemaImpl::checkGenerated(TableInfo &info) {
  ir::Table &t = *info.ir;
  for (ir::Column &col : t.columns) {
    if (!col.generated)
      continue;
    if (!checkColumnRefs(info, col.generated->expr, "a generation expression"))
      continue;
    col.generated->expr = unqualifyColumnRefs(col.generated->expr);
    ir::forEachColumnRef(col.generated->expr, [&](const ir::ColumnRef *ref) {
      const ir::Column &target =
          t.columns[info.columnIndex.find(ref->getColumn())->second];
      if (target.generated)
        diags.report(DiagID::UnsupportedExpression, ref->getRange(),
                     fmt::format("generated column {} cannot refer to "
                                 "generated column {}",
                                 quoted(col.name), quoted(target.name)));
    });
  }
}

} // namespace schemac::sema
