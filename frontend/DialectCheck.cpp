//===- DialectCheck.cpp - constructs the target dialect cannot hold -------===//
//
// Only with an explicit target: a schema may use any dialect's features
// until it is compiled for one. Types are checked where they are resolved
// (TypeResolution.cpp); this pass covers columns, keys, indexes and views.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include <fmt/format.h>

namespace schemac::sema {

void SemaImpl::checkDialect() {
  if (!opts.dialect)
    return;
  ir::Dialect d = *opts.dialect;
  bool pg = d == ir::Dialect::PostgreSQL;
  std::string dialectName = ir::getDialectName(d).str();
  auto unsupported = [&](SourceRange range, llvm::StringRef what) {
    diags.report(DiagID::DialectUnsupported, range,
                 fmt::format("{} {} not supported by {}", what.str(),
                             what.ends_with("s") ? "are" : "is", dialectName));
  };

  for (TableInfo &info : tables) {
    for (size_t i = 0; i < info.ir->columns.size(); ++i) {
      const ir::Column &col = info.ir->columns[i];
      const ast::ColumnDef &def = *info.columnDefs[i];
      if (col.type.arrayDims && !pg)
        unsupported(def.type.range, "array types");
      if (col.type.isUnsigned && pg)
        unsupported(def.type.range, "unsigned types");
      if (col.generated && !col.generated->stored && pg)
        unsupported(def.range, "virtual generated columns");
    }
    for (const auto &c : info.ir->constraints) {
      if (auto *u = llvm::dyn_cast<ir::UniqueConstraint>(c.get()))
        if (u->nullsNotDistinct && !pg)
          unsupported(u->range, "unique nulls not distinct");
      if (auto *fk = llvm::dyn_cast<ir::ForeignKey>(c.get()))
        if (fk->deferrable && d == ir::Dialect::MySQL)
          unsupported(fk->range, "deferrable foreign keys");
    }
    for (const ir::Index &idx : info.ir->indexes) {
      if (!idx.include.empty() && !pg)
        unsupported(idx.range, "index include columns");
      if (idx.where && d == ir::Dialect::MySQL)
        unsupported(idx.range, "partial indexes");
    }
  }
  for (const auto &v : out.views)
    if (v->materialized && !pg)
      unsupported(v->range, "materialized views");
}

} // namespace schemac::sema
