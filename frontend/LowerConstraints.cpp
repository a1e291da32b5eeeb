//===- LowerConstraints.cpp - primary keys, uniques, checks, FK shells ----===//
//
// Column-level and table-level constraints become the same IR constraints.
// Names are assigned later (ConstraintNaming.cpp); foreign keys are resolved
// once every table is lowered (ForeignKeys.cpp).
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <fmt/format.h>

namespace schemac::sema {

std::string getColumnSetKey(llvm::ArrayRef<llvm::StringRef> columns) {
  std::vector<llvm::StringRef> sorted(columns.begin(), columns.end());
  llvm::sort(sorted);
  std::string key;
  for (llvm::StringRef c : sorted) {
    key += c.str();
    key += '\x1f';
  }
  return key;
}

void SemaImpl::addUniqueKey(TableInfo &info,
                            llvm::ArrayRef<llvm::StringRef> columns) {
  info.uniqueKeys.insert(getColumnSetKey(columns));
}

bool SemaImpl::lowerColumnList(TableInfo &info,
                               llvm::ArrayRef<ast::Ident> idents,
                               SourceRange listRange, llvm::StringRef what,
                               std::vector<llvm::StringRef> &out) {
  if (idents.empty()) {
    diags.report(DiagID::EmptyKey, listRange,
                 fmt::format("{} lists no columns", what.str()));
    return false;
  }
  bool ok = true;
  llvm::StringMap<SourceRange> seen;
  for (const ast::Ident &id : idents) {
    auto it = info.columnIndex.find(id.name);
    if (it == info.columnIndex.end()) {
      diags.report(DiagID::UnknownColumn, id.range,
                   fmt::format("table {} has no column {}",
                               quoted(info.ir->name), quoted(id.name)));
      ok = false;
      continue;
    }
    auto [prev, inserted] = seen.try_emplace(id.name, id.range);
    if (!inserted) {
      Diagnostic &d = diags.report(DiagID::DuplicateColumnInList, id.range,
                                   fmt::format("column {} appears twice in {}",
                                               quoted(id.name), what.str()));
      d.notes.push_back({prev->second, "first listed here"});
      ok = false;
      continue;
    }
    out.push_back(info.ir->columns[it->second].name);
  }
  return ok;
}

void SemaImpl::addPrimaryKey(TableInfo &info,
                             std::vector<llvm::StringRef> columns,
                             const ast::Ident &name, SourceRange range,
                             std::vector<llvm::StringRef> was) {
  if (info.primaryKeyRange.isValid()) {
    Diagnostic &d =
        diags.report(DiagID::MultiplePrimaryKeys, range,
                     fmt::format("table {} has more than one primary key",
                                 quoted(info.ir->name)));
    d.notes.push_back({info.primaryKeyRange, "first primary key is here"});
    return;
  }
  info.primaryKeyRange = range;
  addUniqueKey(info, columns);
  auto pk = std::make_unique<ir::PrimaryKey>();
  pk->columns = std::move(columns);
  pk->was = std::move(was);
  pk->range = range;
  info.naming.push_back({ir::NamedKind::PrimaryKey, pk.get(), 0, name, {}});
  info.ir->constraints.push_back(std::move(pk));
}

void SemaImpl::addUnique(TableInfo &info, std::vector<llvm::StringRef> columns,
                         bool nullsNotDistinct, const ast::Ident &name,
                         SourceRange range, std::vector<llvm::StringRef> was) {
  addUniqueKey(info, columns);
  auto u = std::make_unique<ir::UniqueConstraint>();
  std::vector<std::string> words(columns.begin(), columns.end());
  u->columns = std::move(columns);
  u->nullsNotDistinct = nullsNotDistinct;
  u->was = std::move(was);
  u->range = range;
  info.naming.push_back(
      {ir::NamedKind::Unique, u.get(), 0, name, std::move(words)});
  info.ir->constraints.push_back(std::move(u));
}

void SemaImpl::addForeignKey(TableInfo &info,
                             std::vector<llvm::StringRef> columns,
                             std::vector<SourceRange> columnRanges,
                             const ast::ForeignKeyRef &ref,
                             const ast::Ident &name, SourceRange range,
                             std::vector<llvm::StringRef> was) {
  auto fk = std::make_unique<ir::ForeignKey>();
  std::vector<std::string> words(columns.begin(), columns.end());
  fk->columns = std::move(columns);
  fk->onDelete = ref.onDelete;
  fk->onUpdate = ref.onUpdate;
  fk->deferrable = ref.deferrable;
  fk->initiallyDeferred = ref.initiallyDeferred;
  fk->was = std::move(was);
  fk->range = range;
  info.foreignKeys.push_back({fk.get(), ref, std::move(columnRanges), range});
  info.naming.push_back(
      {ir::NamedKind::ForeignKey, fk.get(), 0, name, std::move(words)});
  info.ir->constraints.push_back(std::move(fk));
}

void SemaImpl::addCheck(TableInfo &info, const ir::Expr *expr,
                        const ast::Ident &name, SourceRange range,
                        std::vector<llvm::StringRef> was) {
  std::vector<llvm::StringRef> referenced;
  checkColumnRefs(info, expr, "a check constraint", &referenced);
  auto c = std::make_unique<ir::CheckConstraint>();
  c->expr = unqualifyColumnRefs(expr);
  c->was = std::move(was);
  c->range = range;
  // PostgreSQL names a check after its column only if it reads exactly one.
  std::vector<std::string> words;
  if (referenced.size() == 1)
    words.push_back(referenced.front().str());
  info.naming.push_back(
      {ir::NamedKind::Check, c.get(), 0, name, std::move(words)});
  info.ir->constraints.push_back(std::move(c));
}

void SemaImpl::lowerTableConstraint(TableInfo &info,
                                    const ast::ConstraintDef &def) {
  std::vector<llvm::StringRef> was;
  lowerAttributes(def.attributes, was);
  std::vector<llvm::StringRef> columns;
  switch (def.kind) {
  case ast::ConstraintDef::Kind::PrimaryKey:
    if (!lowerColumnList(info, def.columns, def.range, "the primary key",
                         columns))
      return;
    for (const ast::Ident &id : def.columns) {
      unsigned i = info.columnIndex.find(id.name)->second;
      ir::Column &col = info.ir->columns[i];
      if (col.nullable)
        diags.report(DiagID::NullablePrimaryKey,
                     info.columnDefs[i]->nullableRange,
                     fmt::format("primary-key column {} cannot be nullable",
                                 quoted(col.name)));
      col.nullable = false;
    }
    addPrimaryKey(info, std::move(columns), def.name, def.range,
                  std::move(was));
    return;
  case ast::ConstraintDef::Kind::Unique:
    if (lowerColumnList(info, def.columns, def.range, "the unique constraint",
                        columns))
      addUnique(info, std::move(columns), def.nullsNotDistinct, def.name,
                def.range, std::move(was));
    return;
  case ast::ConstraintDef::Kind::ForeignKey: {
    if (!lowerColumnList(info, def.columns, def.range, "the foreign key",
                         columns))
      return;
    std::vector<SourceRange> ranges;
    for (const ast::Ident &id : def.columns)
      ranges.push_back(id.range);
    addForeignKey(info, std::move(columns), std::move(ranges), def.references,
                  def.name, def.range, std::move(was));
    return;
  }
  case ast::ConstraintDef::Kind::Check:
    addCheck(info, def.check, def.name, def.range, std::move(was));
    return;
  }
}

} // namespace schemac::sema

namespace schemac::sema {

/// The key columns and options PostgreSQL compares to find duplicate index
/// constraints in one CREATE TABLE.
static bool isSameKey(const ir::Constraint *a, const ir::Constraint *b) {
  auto columnsOf = [](const ir::Constraint *c) {
    if (auto *pk = llvm::dyn_cast<ir::PrimaryKey>(c))
      return llvm::ArrayRef<llvm::StringRef>(pk->columns);
    return llvm::ArrayRef<llvm::StringRef>(
        llvm::cast<ir::UniqueConstraint>(c)->columns);
  };
  auto nullsNotDistinct = [](const ir::Constraint *c) {
    auto *u = llvm::dyn_cast<ir::UniqueConstraint>(c);
    return u && u->nullsNotDistinct;
  };
  return columnsOf(a) == columnsOf(b) &&
         nullsNotDistinct(a) == nullsNotDistinct(b);
}

void SemaImpl::dropRedundantKeys(TableInfo &info) {
  if (namingDialect() != ir::Dialect::PostgreSQL)
    return;
  // transformIndexConstraints: the primary key first, then uniques in order;
  // a repeat is dropped, lending its name to an unnamed survivor.
  std::vector<NamingItem *> kept;
  for (NamingItem &item : info.naming)
    if (item.kind == ir::NamedKind::PrimaryKey)
      kept.push_back(&item);
  llvm::SmallPtrSet<const ir::Constraint *, 4> dropped;
  for (NamingItem &item : info.naming) {
    if (item.kind != ir::NamedKind::Unique)
      continue;
    auto same = llvm::find_if(kept, [&](NamingItem *k) {
      return isSameKey(k->constraint, item.constraint);
    });
    if (same == kept.end()) {
      kept.push_back(&item);
      continue;
    }
    NamingItem &survivor = **same;
    bool isPrimary = survivor.kind == ir::NamedKind::PrimaryKey;
    Diagnostic &d = diags.report(
        DiagID::RedundantConstraint, item.constraint->range,
        fmt::format("unique constraint repeats the {} on the same columns; "
                    "PostgreSQL creates only one, so this one is dropped",
                    isPrimary ? "primary key" : "unique constraint"));
    d.notes.push_back({survivor.constraint->range, "the kept one is here"});
    if (survivor.explicitName.empty())
      survivor.explicitName = item.explicitName;
    dropped.insert(item.constraint);
  }
  if (dropped.empty())
    return;
  llvm::erase_if(info.naming, [&](const NamingItem &item) {
    return item.constraint && dropped.count(item.constraint);
  });
  llvm::erase_if(info.ir->constraints,
                 [&](const std::unique_ptr<ir::Constraint> &c) {
                   return dropped.count(c.get()) != 0;
                 });
}

} // namespace schemac::sema
