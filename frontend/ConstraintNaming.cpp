//===- ConstraintNaming.cpp - final names of constraints and indexes ------===//
//
// Explicit names are reserved first; a clash is an error, because the
// database would reject the DDL. Then every unnamed constraint and index gets
// the name the target database would derive, avoiding taken names the way
// the database does (see docs/naming.md). PostgreSQL scopes:
//  - relations: tables, views, sequences, the implicit sequences of serial
//    and identity columns, indexes, and primary-key/unique constraints (they
//    create an index of the same name), per namespace;
//  - constraints: every constraint name in the namespace, which derived
//    names avoid (ChooseConstraintName); explicit names need only be unique
//    per table.
// Derived names are chosen in the order PostgreSQL's DDL creates them:
// tables sorted by name; per table checks (CREATE TABLE), primary key and
// uniques (its index statements); then foreign keys and indexes (added
// after all tables).
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include "llvm/ADT/STLExtras.h"
#include <fmt/format.h>

namespace schemac::sema {

static llvm::StringRef getNamedKindName(ir::NamedKind k) {
  switch (k) {
  case ir::NamedKind::PrimaryKey:
    return "primary key";
  case ir::NamedKind::Unique:
    return "unique constraint";
  case ir::NamedKind::ForeignKey:
    return "foreign key";
  case ir::NamedKind::Check:
    return "check constraint";
  case ir::NamedKind::Index:
    return "index";
  }
  return "constraint";
}

/// Whether the object creates an index, whose name is a relation name.
static bool hasIndexName(ir::NamedKind k) {
  return k == ir::NamedKind::PrimaryKey || k == ir::NamedKind::Unique ||
         k == ir::NamedKind::Index;
}

namespace {
/// Assigns names; lives for one assignNames() call.
class Namer {
public:
  Namer(SemaImpl &sema) : sema(sema), dialect(sema.namingDialect()) {}

  void run();

private:
  void nameImplicitSequences(TableInfo &info);
  void reserveExplicit(TableInfo &info, NamingItem &item);
  void derive(TableInfo &info, NamingItem &item);
  void setName(TableInfo &info, NamingItem &item, llvm::StringRef name,
               bool isExplicit);
  SourceRange getRange(TableInfo &info, const NamingItem &item) const {
    return item.constraint ? item.constraint->range
                           : info.ir->indexes[item.indexPos].range;
  }
  /// An explicit name already taken: the error, and a note at the first use.
  void reportCollision(SourceRange range, std::string message,
                       SourceRange previous) {
    Diagnostic &d =
        sema.diags.report(DiagID::NameCollision, range, std::move(message));
    d.notes.push_back({previous, "previous use of the name is here"});
  }
  /// Index names are per table on MySQL and per namespace elsewhere.
  bool indexNamesPerTable() const { return dialect == ir::Dialect::MySQL; }

  SemaImpl &sema;
  ir::Dialect dialect;
};
} // namespace

void Namer::nameImplicitSequences(TableInfo &info) {
  NamespaceScope &scope = sema.scopes[info.ir->name.ns];
  for (auto &[column, range] : info.implicitSequences) {
    ir::NameParts parts{info.ir->name.name.str(), column, "seq"};
    std::string name = ir::chooseName(dialect, parts, [&](llvm::StringRef n) {
      return scope.relations.count(n) != 0;
    });
    scope.relations.try_emplace(
        name, NameOwner{fmt::format("the sequence of serial/identity column "
                                    "{} of table {}",
                                    quoted(column), quoted(info.ir->name)),
                        range});
  }
}

void Namer::reserveExplicit(TableInfo &info, NamingItem &item) {
  const ast::Ident &id = item.explicitName;
  std::string what =
      fmt::format("{} {}", getNamedKindName(item.kind).str(), quoted(id.name));
  sema.checkNameLength(id, getNamedKindName(item.kind));
  // Collisions are about the names the database keeps (truncated ones).
  llvm::StringRef name = sema.getStoredName(id);
  NamespaceScope &scope = sema.scopes[info.ir->name.ns];
  bool isConstraint = item.kind != ir::NamedKind::Index;
  if (isConstraint) {
    auto [it, inserted] = info.constraintNames.try_emplace(name, id.range);
    if (!inserted) {
      reportCollision(id.range,
                      fmt::format("table {} already has a constraint named {}",
                                  quoted(info.ir->name), quoted(name)),
                      it->second);
    }
    scope.constraints.try_emplace(name, NameOwner{what, id.range});
  }
  // MySQL names every primary key PRIMARY; its written name is not kept.
  bool mysqlPrimary =
      dialect == ir::Dialect::MySQL && item.kind == ir::NamedKind::PrimaryKey;
  if (hasIndexName(item.kind) && !mysqlPrimary) {
    if (indexNamesPerTable()) {
      auto [it, inserted] = info.indexNames.try_emplace(name, id.range);
      if (!inserted) {
        reportCollision(id.range,
                        fmt::format("table {} already has an index named {}",
                                    quoted(info.ir->name), quoted(name)),
                        it->second);
      }
    } else {
      auto [it, inserted] =
          scope.relations.try_emplace(name, NameOwner{what, id.range});
      if (!inserted) {
        reportCollision(id.range,
                        fmt::format("{} has the same name as {}; indexes, "
                                    "tables, views and sequences share one "
                                    "namespace",
                                    what, it->second.description),
                        it->second.range);
      }
    }
  }
  setName(info, item, name, true);
}

void Namer::derive(TableInfo &info, NamingItem &item) {
  NamespaceScope &scope = sema.scopes[info.ir->name.ns];
  ir::NameParts parts =
      ir::deriveNameParts(dialect, item.kind, info.ir->name.name, item.words);
  bool perTable = hasIndexName(item.kind) && indexNamesPerTable();
  std::string name = ir::chooseName(dialect, parts, [&](llvm::StringRef n) {
    switch (item.kind) {
    case ir::NamedKind::PrimaryKey:
    case ir::NamedKind::Unique:
      if (perTable)
        return info.indexNames.count(n) != 0;
      return scope.relations.count(n) != 0 || scope.constraints.count(n) != 0;
    case ir::NamedKind::Index:
      if (perTable)
        return info.indexNames.count(n) != 0;
      return scope.relations.count(n) != 0;
    case ir::NamedKind::ForeignKey:
    case ir::NamedKind::Check:
      return scope.constraints.count(n) != 0;
    }
    return false;
  });
  std::string what =
      fmt::format("{} {}", getNamedKindName(item.kind).str(), quoted(name));
  SourceRange range = getRange(info, item);
  if (item.kind != ir::NamedKind::Index)
    scope.constraints.try_emplace(name, NameOwner{what, range});
  if (hasIndexName(item.kind)) {
    if (perTable)
      info.indexNames.try_emplace(name, range);
    else
      scope.relations.try_emplace(name, NameOwner{what, range});
  }
  setName(info, item, name, false);
}

void Namer::setName(TableInfo &info, NamingItem &item, llvm::StringRef name,
                    bool isExplicit) {
  llvm::StringRef saved = sema.out.save(name);
  if (item.constraint) {
    item.constraint->name = saved;
    item.constraint->nameExplicit = isExplicit;
  } else {
    ir::Index &idx = info.ir->indexes[item.indexPos];
    idx.name = saved;
    idx.nameExplicit = isExplicit;
  }
}

void Namer::run() {
  std::vector<TableInfo *> ordered;
  ordered.reserve(sema.tables.size());
  for (TableInfo &t : sema.tables)
    ordered.push_back(&t);
  llvm::sort(ordered, [](const TableInfo *a, const TableInfo *b) {
    return a->ir->name < b->ir->name;
  });

  for (TableInfo *t : ordered)
    nameImplicitSequences(*t);
  for (TableInfo *t : ordered)
    for (NamingItem &item : t->naming)
      if (!item.explicitName.empty())
        reserveExplicit(*t, item);

  auto deriveKinds = [&](std::initializer_list<ir::NamedKind> kinds) {
    for (TableInfo *t : ordered)
      for (ir::NamedKind k : kinds)
        for (NamingItem &item : t->naming)
          if (item.kind == k && item.explicitName.empty())
            derive(*t, item);
  };
  deriveKinds(
      {ir::NamedKind::Check, ir::NamedKind::PrimaryKey, ir::NamedKind::Unique});
  deriveKinds({ir::NamedKind::ForeignKey});
  deriveKinds({ir::NamedKind::Index});
}

void SemaImpl::assignNames() { Namer(*this).run(); }

} // namespace schemac::sema
