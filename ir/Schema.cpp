//===- Schema.cpp - lookups, canonical order and equality of the IR -------===//

#include "ir/Schema.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"

namespace schemac::ir {

namespace {
/// Builds the lookup key into a stack buffer (no allocation for most names).
llvm::StringRef buildKey(const QualifiedName &n,
                         llvm::SmallVectorImpl<char> &buf) {
  buf.clear();
  if (!n.ns.empty()) {
    buf.append(n.ns.begin(), n.ns.end());
    buf.push_back('\x1f');
  }
  buf.append(n.name.begin(), n.name.end());
  return llvm::StringRef(buf.data(), buf.size());
}
} // namespace

std::string QualifiedName::key() const {
  llvm::SmallString<64> buf;
  return buildKey(*this, buf).str();
}

std::string QualifiedName::str() const {
  if (ns.empty())
    return name.str();
  return (ns + "." + name).str();
}

Column *Table::findColumn(llvm::StringRef name) {
  for (Column &c : columns)
    if (c.name == name)
      return &c;
  return nullptr;
}

const Column *Table::findColumn(llvm::StringRef name) const {
  return const_cast<Table *>(this)->findColumn(name);
}

const PrimaryKey *Table::getPrimaryKey() const {
  for (const auto &c : constraints)
    if (auto *pk = llvm::dyn_cast<PrimaryKey>(c.get()))
      return pk;
  return nullptr;
}

namespace {

template <typename T> void sortByName(std::vector<std::unique_ptr<T>> &list) {
  llvm::stable_sort(
      list, [](const std::unique_ptr<T> &a, const std::unique_ptr<T> &b) {
        return a->name < b->name;
      });
}

/// Rebuilds a name map; with duplicate keys the first object (in canonical
/// order) wins and the verifier reports the duplicate.
template <typename T>
void rebuildMap(llvm::StringMap<T *> &map,
                const std::vector<std::unique_ptr<T>> &list) {
  map = llvm::StringMap<T *>(list.size());
  llvm::SmallString<64> buf;
  for (const auto &obj : list)
    map.try_emplace(buildKey(obj->name, buf), obj.get());
}

template <typename T>
T *lookup(const llvm::StringMap<T *> &map, const QualifiedName &name) {
  llvm::SmallString<64> buf;
  auto it = map.find(buildKey(name, buf));
  return it == map.end() ? nullptr : it->second;
}

} // namespace

void Schema::canonicalize() {
  llvm::stable_sort(namespaces, [](const Namespace &a, const Namespace &b) {
    return a.name < b.name;
  });
  sortByName(enums);
  sortByName(sequences);
  sortByName(tables);
  sortByName(views);
  for (auto &t : tables) {
    llvm::stable_sort(t->constraints, [](const std::unique_ptr<Constraint> &a,
                                         const std::unique_ptr<Constraint> &b) {
      if (a->getKind() != b->getKind())
        return a->getKind() < b->getKind();
      return a->name < b->name;
    });
    llvm::stable_sort(t->indexes, [](const Index &a, const Index &b) {
      return a.name < b.name;
    });
  }
  rebuildMap(tableMap, tables);
  rebuildMap(enumMap, enums);
  rebuildMap(sequenceMap, sequences);
  rebuildMap(viewMap, views);
}

Table *Schema::findTable(const QualifiedName &name) const {
  return lookup(tableMap, name);
}
EnumType *Schema::findEnum(const QualifiedName &name) const {
  return lookup(enumMap, name);
}
Sequence *Schema::findSequence(const QualifiedName &name) const {
  return lookup(sequenceMap, name);
}
View *Schema::findView(const QualifiedName &name) const {
  return lookup(viewMap, name);
}

//===----------------------------------------------------------------------===//
// Structural equality
//===----------------------------------------------------------------------===//

namespace {

bool objectEquals(const SchemaObject &a, const SchemaObject &b) {
  return a.name == b.name && a.comment == b.comment && a.was == b.was;
}

bool enumEquals(const EnumType &a, const EnumType &b) {
  if (!objectEquals(a, b) || a.values.size() != b.values.size())
    return false;
  for (size_t i = 0; i < a.values.size(); ++i)
    if (a.values[i].name != b.values[i].name ||
        a.values[i].was != b.values[i].was)
      return false;
  return true;
}

bool ownerEquals(const std::optional<ColumnOwner> &a,
                 const std::optional<ColumnOwner> &b) {
  if (a.has_value() != b.has_value())
    return false;
  return !a || (a->table == b->table && a->column == b->column);
}

bool sequenceEquals(const Sequence &a, const Sequence &b) {
  return objectEquals(a, b) && a.type == b.type && a.start == b.start &&
         a.increment == b.increment && a.minValue == b.minValue &&
         a.maxValue == b.maxValue && a.cache == b.cache && a.cycle == b.cycle &&
         ownerEquals(a.ownedBy, b.ownedBy);
}

bool columnEquals(const Column &a, const Column &b) {
  if (a.name != b.name || a.type != b.type || a.nullable != b.nullable ||
      !exprEquals(a.defaultValue, b.defaultValue) || a.identity != b.identity ||
      a.collation != b.collation || a.comment != b.comment || a.was != b.was ||
      a.generated.has_value() != b.generated.has_value())
    return false;
  return !a.generated || (a.generated->stored == b.generated->stored &&
                          exprEquals(a.generated->expr, b.generated->expr));
}

bool constraintEquals(const Constraint &a, const Constraint &b) {
  if (a.getKind() != b.getKind() || a.name != b.name ||
      a.nameExplicit != b.nameExplicit || a.was != b.was)
    return false;
  switch (a.getKind()) {
  case Constraint::Kind::PrimaryKey:
    return llvm::cast<PrimaryKey>(a).columns ==
           llvm::cast<PrimaryKey>(b).columns;
  case Constraint::Kind::Unique: {
    auto &x = llvm::cast<UniqueConstraint>(a);
    auto &y = llvm::cast<UniqueConstraint>(b);
    return x.columns == y.columns && x.nullsNotDistinct == y.nullsNotDistinct;
  }
  case Constraint::Kind::ForeignKey: {
    auto &x = llvm::cast<ForeignKey>(a);
    auto &y = llvm::cast<ForeignKey>(b);
    return x.columns == y.columns && x.refTable == y.refTable &&
           x.refColumns == y.refColumns && x.onDelete == y.onDelete &&
           x.onUpdate == y.onUpdate && x.deferrable == y.deferrable &&
           x.initiallyDeferred == y.initiallyDeferred;
  }
  case Constraint::Kind::Check:
    return exprEquals(llvm::cast<CheckConstraint>(a).expr,
                      llvm::cast<CheckConstraint>(b).expr);
  }
  return false;
}

bool indexEquals(const Index &a, const Index &b) {
  if (a.name != b.name || a.nameExplicit != b.nameExplicit ||
      a.unique != b.unique || a.method != b.method || a.include != b.include ||
      !exprEquals(a.where, b.where) || a.comment != b.comment ||
      a.was != b.was || a.elements.size() != b.elements.size())
    return false;
  for (size_t i = 0; i < a.elements.size(); ++i) {
    const IndexElement &x = a.elements[i], &y = b.elements[i];
    if (!exprEquals(x.expr, y.expr) || x.collation != y.collation ||
        x.opclass != y.opclass || x.order != y.order || x.nulls != y.nulls ||
        x.prefixLength != y.prefixLength)
      return false;
  }
  return true;
}

bool tableEquals(const Table &a, const Table &b) {
  if (!objectEquals(a, b) || !(a.options == b.options) ||
      a.columns.size() != b.columns.size() ||
      a.constraints.size() != b.constraints.size() ||
      a.indexes.size() != b.indexes.size())
    return false;
  for (size_t i = 0; i < a.columns.size(); ++i)
    if (!columnEquals(a.columns[i], b.columns[i]))
      return false;
  for (size_t i = 0; i < a.constraints.size(); ++i)
    if (!constraintEquals(*a.constraints[i], *b.constraints[i]))
      return false;
  for (size_t i = 0; i < a.indexes.size(); ++i)
    if (!indexEquals(a.indexes[i], b.indexes[i]))
      return false;
  return true;
}

bool viewEquals(const View &a, const View &b) {
  return objectEquals(a, b) && a.query == b.query &&
         a.materialized == b.materialized;
}

template <typename T, typename Eq>
bool listEquals(const std::vector<std::unique_ptr<T>> &a,
                const std::vector<std::unique_ptr<T>> &b, Eq eq) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!eq(*a[i], *b[i]))
      return false;
  return true;
}

} // namespace

bool schemaEquals(const Schema &a, const Schema &b) {
  if (a.namespaces.size() != b.namespaces.size())
    return false;
  for (size_t i = 0; i < a.namespaces.size(); ++i)
    if (a.namespaces[i].name != b.namespaces[i].name ||
        a.namespaces[i].comment != b.namespaces[i].comment)
      return false;
  return listEquals(a.enums, b.enums, enumEquals) &&
         listEquals(a.sequences, b.sequences, sequenceEquals) &&
         listEquals(a.tables, b.tables, tableEquals) &&
         listEquals(a.views, b.views, viewEquals);
}

} // namespace schemac::ir
