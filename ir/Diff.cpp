//===- Diff.cpp - match, compare and order: two schemas to a migration ----===//
//
// Objects are matched by name first, then by rename requests and `@was`
// hints; what matched is compared, and each change is filed under the
// phase it runs in (see Phase). Phases are the dependency graph's levels:
// a statement only needs what an earlier phase made or kept, so the
// concatenation is a topological order; within a phase changes follow the
// canonical (name) order of the schemas, which makes the output
// deterministic.
//
//===----------------------------------------------------------------------===//

#include "ir/Diff.h"
#include "ir/Printer.h"
#include "ir/ViewOrder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::ir;
using llvm::StringRef;

std::optional<RenameRequest> ir::parseRenameRequest(StringRef text) {
  auto [kindName, rest] = text.split(':');
  auto [from, to] = rest.split('=');
  std::optional<RenameRequest::Kind> kind =
      llvm::StringSwitch<std::optional<RenameRequest::Kind>>(kindName)
          .Case("table", RenameRequest::Kind::Table)
          .Case("column", RenameRequest::Kind::Column)
          .Case("enum", RenameRequest::Kind::Enum)
          .Case("sequence", RenameRequest::Kind::Sequence)
          .Case("index", RenameRequest::Kind::Index)
          .Case("constraint", RenameRequest::Kind::Constraint)
          .Case("value", RenameRequest::Kind::EnumValue)
          .Default(std::nullopt);
  if (!kind || from.empty() || to.empty())
    return std::nullopt;
  bool member = *kind == RenameRequest::Kind::Column ||
                *kind == RenameRequest::Kind::Index ||
                *kind == RenameRequest::Kind::Constraint ||
                *kind == RenameRequest::Kind::EnumValue;
  if (member && !from.contains('.'))
    return std::nullopt;
  return RenameRequest{*kind, from.str(), to.str()};
}

namespace {

/// Execution order. Drops of what depends on a changing object come first,
/// then dropped tables (whose index and key names new tables may reuse),
/// renames, creations in dependency order, and drops of the remaining
/// objects once nothing uses them.
enum Phase : unsigned {
  DropViews,
  DropForeignKeys,
  DropKeysAndIndexes,
  DropTables,
  CreateNamespaces, // before renames: an object may move into a new one
  RenameObjects,
  RenameMembers,
  CreateTypes,
  CreateTables,
  AlterTables,
  AddKeysAndIndexes,
  AddForeignKeys,
  DropColumns,
  DropTypes,
  DropNamespaces,
  CreateViews,
  Comments,
  NumPhases
};

/// "[ns.]name" as written in a rename request; `ns` when it has none.
/// `public.` names the default namespace, as PostgreSQL spells it.
QualifiedName splitQualified(StringRef text, StringRef ns = {}) {
  if (!text.contains('.'))
    return {ns, text};
  auto [prefix, name] = text.rsplit('.');
  return {prefix == "public" ? StringRef() : prefix, name};
}

/// Pairs old and new objects of one kind.
template <typename T> struct Matching {
  std::vector<std::pair<const T *, const T *>> pairs;
  std::vector<const T *> dropped, created;
};

/// Matches by key, then by requested renames (new key -> old key), then by
/// the new objects' former keys (their `@was`, newest first). An old object
/// is taken once; one whose key is still in use is never a rename source.
template <typename T>
Matching<T> match(llvm::ArrayRef<const T *> olds, llvm::ArrayRef<const T *> news,
                  llvm::function_ref<std::string(const T *)> key,
                  llvm::function_ref<std::vector<std::string>(const T *)> was,
                  const llvm::StringMap<std::string> &requested) {
  Matching<T> m;
  llvm::StringMap<size_t> oldIndex;
  for (size_t i = 0; i < olds.size(); ++i)
    oldIndex.try_emplace(key(olds[i]), i);
  std::vector<bool> taken(olds.size(), false);
  std::vector<const T *> newMatch(news.size(), nullptr);
  llvm::StringSet<> newKeys;
  for (const T *n : news)
    newKeys.insert(key(n));
  for (size_t j = 0; j < news.size(); ++j) {
    auto it = oldIndex.find(key(news[j]));
    if (it != oldIndex.end() && !taken[it->second]) {
      taken[it->second] = true;
      newMatch[j] = olds[it->second];
    }
  }
  auto tryRename = [&](size_t j, const std::string &oldKey) {
    if (newMatch[j] || newKeys.count(oldKey))
      return;
    auto it = oldIndex.find(oldKey);
    if (it != oldIndex.end() && !taken[it->second]) {
      taken[it->second] = true;
      newMatch[j] = olds[it->second];
    }
  };
  for (size_t j = 0; j < news.size(); ++j) {
    auto req = requested.find(key(news[j]));
    if (req != requested.end())
      tryRename(j, req->second);
    for (const std::string &former : was(news[j]))
      tryRename(j, former);
  }
  for (size_t j = 0; j < news.size(); ++j) {
    if (newMatch[j])
      m.pairs.push_back({newMatch[j], news[j]});
    else
      m.created.push_back(news[j]);
  }
  for (size_t i = 0; i < olds.size(); ++i)
    if (!taken[i])
      m.dropped.push_back(olds[i]);
  return m;
}

/// Pairs each created object with a dropped one of the same definition and
/// returns the created ones left. For constraints and indexes only: a
/// renamed table keeps their names while the new schema derives new ones,
/// and no data is at stake, so no hint is needed. Paired drops become null.
template <typename T, typename Same>
std::vector<const T *> pairByDefinition(Matching<T> &m, Same same) {
  std::vector<const T *> created;
  for (const T *b : m.created) {
    auto it = llvm::find_if(
        m.dropped, [&](const T *a) { return a && same(*a, *b); });
    if (it == m.dropped.end()) {
      created.push_back(b);
      continue;
    }
    m.pairs.push_back({*it, b});
    *it = nullptr;
  }
  return created;
}

template <typename T>
std::vector<const T *> pointers(const std::vector<std::unique_ptr<T>> &v) {
  std::vector<const T *> out;
  for (const auto &p : v)
    out.push_back(p.get());
  return out;
}

template <typename T> std::vector<const T *> pointers(const std::vector<T> &v) {
  std::vector<const T *> out;
  for (const T &x : v)
    out.push_back(&x);
  return out;
}

/// The keys an object's `@was` names: in its own namespace, or (for an
/// object moved out of it) in the default one.
std::vector<std::string> formerKeys(const SchemaObject *o) {
  std::vector<std::string> keys;
  for (StringRef was : o->was) {
    keys.push_back(QualifiedName{o->name.ns, was}.key());
    if (!o->name.ns.empty())
      keys.push_back(QualifiedName{StringRef(), was}.key());
  }
  return keys;
}

std::vector<std::string> formerNames(llvm::ArrayRef<StringRef> was) {
  return std::vector<std::string>(was.begin(), was.end());
}

/// A matched table with the renames of its columns (old name -> new).
struct TablePair {
  const Table *from, *to;
  llvm::StringMap<StringRef> columnRenames;
  Matching<Column> columns;
  /// New names of columns dropped and added again (a generation expression
  /// changed): keys and indexes over them go with them and come back.
  llvm::StringSet<> recreated;
};

class Differ {
public:
  Differ(const Schema &from, const Schema &to, const DiffOptions &options,
         DiagnosticEngine &diags)
      : from(from), to(to), options(options), diags(diags) {}

  Migration run();

private:
  Change &add(Phase phase, ChangeKind kind) {
    Change &c = phases[phase].emplace_back();
    c.kind = kind;
    return c;
  }
  /// Requested renames of one kind, keyed by the new key.
  llvm::StringMap<std::string> requests(RenameRequest::Kind kind,
                                        StringRef tableKey = {});

  void diffNamespaces();
  void diffEnums();
  void diffEnumValues(const EnumType &a, const EnumType &b);
  void diffSequences();
  void diffTables();
  void diffTable(TablePair &tp);
  void diffColumns(TablePair &tp);
  void diffConstraints(TablePair &tp);
  void diffIndexes(TablePair &tp);
  void createTable(const Table &t);
  void diffViews();
  void comment(StringRef before, StringRef after, Change proto);
  void warnPossibleRenames(const Matching<Table> &tables);
  void checkRequestsUsed();
  /// Fills the columns each RebuildEnum converts (needs the table pairs).
  void listEnumColumns();
  /// Drops and re-adds unchanged foreign keys whose referenced key is
  /// dropped (and perhaps re-created): the database ties a foreign key to
  /// the index of the key it references, so that key cannot go first.
  void recreateForeignKeysOnDroppedKeys();
  /// Leaves out drops of sequences whose owning column is dropped: the
  /// database drops them with it.
  void keepOwnedSequenceDrops();

  // Comparisons of an old definition with a new one, through the renames.
  bool sameType(const Type &a, const Type &b) const;
  std::vector<StringRef> renamed(const TablePair &tp,
                                 llvm::ArrayRef<StringRef> columns) const;
  const Expr *renamed(const TablePair &tp, const Expr *e);
  bool sameExpr(const TablePair &tp, const Expr *a, const Expr *b);
  /// Whether the columns or expression name a recreated column of `tp`.
  bool touchesRecreated(const TablePair &tp, llvm::ArrayRef<StringRef> columns,
                        const Expr *e) const;
  bool sameConstraint(const TablePair &tp, const Constraint &a,
                      const Constraint &b);
  bool sameIndex(const TablePair &tp, const Index &a, const Index &b);
  uint8_t typeChangeHazards(const Type &a, const Type &b) const;

  const Schema &from, &to;
  const DiffOptions &options;
  DiagnosticEngine &diags;
  ExprArena scratch;
  std::vector<Change> phases[NumPhases];
  /// Old enum key -> new enum; new enum -> old; old table -> its pair.
  llvm::StringMap<const EnumType *> enumRenames;
  llvm::DenseMap<const EnumType *, const EnumType *> oldEnumOfNew;
  llvm::DenseMap<const Table *, TablePair *> pairOfOld;
  std::vector<std::unique_ptr<TablePair>> tablePairs;
  /// Tables whose columns change in a way views over them cannot survive.
  llvm::DenseSet<const Table *> reshapedTables;
  /// Foreign keys that did not change: old and new, and the table pair.
  struct KeptForeignKey {
    const TablePair *tp;
    const ForeignKey *from, *to;
  };
  std::vector<KeptForeignKey> keptForeignKeys;
  /// Old keys of enums rebuilt (values dropped or reordered).
  llvm::StringSet<> rebuiltEnums;
};

llvm::StringMap<std::string> Differ::requests(RenameRequest::Kind kind,
                                              StringRef tableKey) {
  llvm::StringMap<std::string> out;
  for (const RenameRequest &r : options.renames) {
    if (r.kind != kind)
      continue;
    if (tableKey.empty()) {
      QualifiedName old = splitQualified(r.from);
      out[splitQualified(r.to, old.ns).key()] = old.key();
      continue;
    }
    auto [table, member] = StringRef(r.from).rsplit('.');
    if (splitQualified(table).key() == tableKey)
      out[r.to] = member.str();
  }
  return out;
}

bool Differ::sameType(const Type &a, const Type &b) const {
  if (a.kind == TypeKind::Enum && b.kind == TypeKind::Enum) {
    auto it = enumRenames.find(QualifiedName{a.ns, a.name}.key());
    QualifiedName renamedTo =
        it != enumRenames.end() ? it->second->name : QualifiedName{a.ns, a.name};
    return a.arrayDims == b.arrayDims && renamedTo == QualifiedName{b.ns, b.name};
  }
  return a == b;
}

std::vector<StringRef> Differ::renamed(const TablePair &tp,
                                       llvm::ArrayRef<StringRef> columns) const {
  std::vector<StringRef> out;
  for (StringRef c : columns) {
    auto it = tp.columnRenames.find(c);
    out.push_back(it != tp.columnRenames.end() ? it->second : c);
  }
  return out;
}

const Expr *Differ::renamed(const TablePair &tp, const Expr *e) {
  if (!e || tp.columnRenames.empty())
    return e;
  return cloneExpr(e, scratch, [&](const ColumnRef *ref, ExprArena &arena) {
    auto it = tp.columnRenames.find(ref->getColumn());
    StringRef column =
        it != tp.columnRenames.end() ? it->second : ref->getColumn();
    return arena.create<ColumnRef>(ref->getTable(), column, ref->getRange());
  });
}

bool Differ::sameExpr(const TablePair &tp, const Expr *a, const Expr *b) {
  return exprEquals(renamed(tp, a), b);
}

bool Differ::touchesRecreated(const TablePair &tp,
                              llvm::ArrayRef<StringRef> columns,
                              const Expr *e) const {
  if (tp.recreated.empty())
    return false;
  bool touches = llvm::any_of(
      columns, [&](StringRef c) { return tp.recreated.count(c) != 0; });
  if (e)
    forEachColumnRef(e, [&](const ColumnRef *ref) {
      touches |= tp.recreated.count(ref->getColumn()) != 0;
    });
  return touches;
}

bool Differ::sameConstraint(const TablePair &tp, const Constraint &a,
                            const Constraint &b) {
  if (a.getKind() != b.getKind())
    return false;
  const Expr *check = nullptr;
  std::vector<StringRef> columns;
  if (const auto *pk = llvm::dyn_cast<PrimaryKey>(&b))
    columns = pk->columns;
  else if (const auto *u = llvm::dyn_cast<UniqueConstraint>(&b))
    columns = u->columns;
  else if (const auto *fk = llvm::dyn_cast<ForeignKey>(&b))
    columns = fk->columns;
  else
    check = llvm::cast<CheckConstraint>(b).expr;
  if (touchesRecreated(tp, columns, check))
    return false;
  if (const auto *x = llvm::dyn_cast<PrimaryKey>(&a))
    return renamed(tp, x->columns) == llvm::cast<PrimaryKey>(b).columns;
  if (const auto *x = llvm::dyn_cast<UniqueConstraint>(&a)) {
    const auto &y = llvm::cast<UniqueConstraint>(b);
    return renamed(tp, x->columns) == y.columns &&
           x->nullsNotDistinct == y.nullsNotDistinct;
  }
  if (const auto *x = llvm::dyn_cast<ForeignKey>(&a)) {
    const auto &y = llvm::cast<ForeignKey>(b);
    // The referenced table as the new schema names it, with its renames.
    const Table *oldRef = from.findTable(x->refTable);
    auto refPair = oldRef ? pairOfOld.find(oldRef) : pairOfOld.end();
    if (refPair == pairOfOld.end() || refPair->second->to->name != y.refTable)
      return false;
    return renamed(tp, x->columns) == y.columns &&
           renamed(*refPair->second, x->refColumns) == y.refColumns &&
           x->onDelete == y.onDelete && x->onUpdate == y.onUpdate &&
           x->deferrable == y.deferrable &&
           x->initiallyDeferred == y.initiallyDeferred;
  }
  return sameExpr(tp, llvm::cast<CheckConstraint>(a).expr,
                  llvm::cast<CheckConstraint>(b).expr);
}

bool Differ::sameIndex(const TablePair &tp, const Index &a, const Index &b) {
  if (touchesRecreated(tp, b.include, b.where) ||
      llvm::any_of(b.elements, [&](const IndexElement &el) {
        return touchesRecreated(tp, {}, el.expr);
      }))
    return false;
  if (a.unique != b.unique || a.method != b.method ||
      renamed(tp, a.include) != b.include || !sameExpr(tp, a.where, b.where) ||
      a.elements.size() != b.elements.size())
    return false;
  for (size_t i = 0; i < a.elements.size(); ++i) {
    const IndexElement &x = a.elements[i], &y = b.elements[i];
    if (!sameExpr(tp, x.expr, y.expr) || x.collation != y.collation ||
        x.opclass != y.opclass || x.order != y.order || x.nulls != y.nulls ||
        x.prefixLength != y.prefixLength)
      return false;
  }
  return true;
}

/// Widening keeps every value: a longer varchar, varchar to text, a wider
/// integer or float, more numeric precision at the same scale.
uint8_t Differ::typeChangeHazards(const Type &a, const Type &b) const {
  auto rank = [](TypeKind k) {
    switch (k) {
    case TypeKind::SmallInt:
      return 1;
    case TypeKind::Integer:
      return 2;
    case TypeKind::BigInt:
      return 3;
    default:
      return 0;
    }
  };
  bool widening = false;
  if (a.arrayDims == b.arrayDims && !a.isUnsigned && !b.isUnsigned) {
    if (rank(a.kind) && rank(b.kind))
      widening = rank(a.kind) <= rank(b.kind);
    else if ((a.kind == TypeKind::Varchar || a.kind == TypeKind::Char) &&
             b.kind == TypeKind::Text)
      widening = true;
    else if (a.kind == TypeKind::Varchar && b.kind == TypeKind::Varchar)
      widening = b.numModifiers == 0 ||
                 (a.numModifiers && a.modifiers[0] <= b.modifiers[0]);
    else if (a.kind == TypeKind::Real && b.kind == TypeKind::DoublePrecision)
      widening = true;
    else if (a.kind == TypeKind::Numeric && b.kind == TypeKind::Numeric)
      widening = b.numModifiers == 0 ||
                 (a.numModifiers == b.numModifiers &&
                  a.modifiers[0] - a.modifiers[1] <=
                      b.modifiers[0] - b.modifiers[1] &&
                  a.modifiers[1] <= b.modifiers[1]);
  }
  if (widening)
    return a.kind == b.kind && a.kind == TypeKind::Varchar ? HazardNone
                                                           : HazardRewrite;
  return HazardDataDependent | HazardRewrite;
}

void Differ::comment(StringRef before, StringRef after, Change proto) {
  if (before == after)
    return;
  proto.kind = ChangeKind::SetComment;
  phases[Comments].push_back(proto);
}

void Differ::diffNamespaces() {
  llvm::StringMap<const Namespace *> old;
  for (const Namespace &ns : from.namespaces)
    old[ns.name] = &ns;
  for (const Namespace &ns : to.namespaces) {
    auto it = old.find(ns.name);
    if (it == old.end()) {
      add(CreateNamespaces, ChangeKind::CreateNamespace).toNamespace = &ns;
      Change c{};
      c.toNamespace = &ns;
      comment("", ns.comment, c);
      continue;
    }
    Change c{};
    c.fromNamespace = it->second;
    c.toNamespace = &ns;
    comment(it->second->comment, ns.comment, c);
    old.erase(it);
  }
  for (const Namespace &ns : from.namespaces)
    if (old.count(ns.name))
      add(DropNamespaces, ChangeKind::DropNamespace).fromNamespace = &ns;
}

void Differ::diffEnumValues(const EnumType &a, const EnumType &b) {
  // Value renames from --rename value:..., then from @was hints.
  llvm::StringSet<> newNames, oldNames;
  for (const EnumValue &v : b.values)
    newNames.insert(v.name);
  for (const EnumValue &v : a.values)
    oldNames.insert(v.name);
  llvm::StringMap<std::string> requested =
      requests(RenameRequest::Kind::EnumValue, b.name.key());
  llvm::StringMap<StringRef> renames; // old -> new
  for (const EnumValue &v : b.values) {
    if (oldNames.count(v.name))
      continue;
    std::vector<StringRef> formers;
    auto req = requested.find(v.name);
    if (req != requested.end())
      formers.push_back(req->second);
    formers.insert(formers.end(), v.was.begin(), v.was.end());
    for (StringRef was : formers)
      if (oldNames.count(was) && !newNames.count(was) &&
          !renames.count(was)) {
        renames[was] = v.name;
        break;
      }
  }
  std::vector<StringRef> old;
  for (const EnumValue &v : a.values) {
    auto it = renames.find(v.name);
    old.push_back(it != renames.end() ? it->second : StringRef(v.name));
  }
  // The old values (renamed) must keep their order within the new ones;
  // new values are then added before their next old neighbour.
  std::vector<StringRef> kept;
  for (const EnumValue &v : b.values)
    if (llvm::is_contained(old, v.name))
      kept.push_back(v.name);
  if (kept != old) {
    rebuiltEnums.insert(a.name.key());
    Change &c = add(CreateTypes, ChangeKind::RebuildEnum);
    c.fromEnum = &a;
    c.toEnum = &b;
    if (kept.size() < old.size())
      c.hazards |= HazardDestructive | HazardRewrite;
    else
      c.hazards |= HazardRewrite;
    return;
  }
  for (const EnumValue &v : a.values) {
    auto it = renames.find(v.name);
    if (it == renames.end())
      continue;
    Change &c = add(RenameMembers, ChangeKind::RenameEnumValue);
    c.fromEnum = &a;
    c.toEnum = &b;
    c.value = v.name;
    c.otherValue = it->second;
  }
  for (size_t i = 0; i < b.values.size(); ++i) {
    if (llvm::is_contained(old, b.values[i].name))
      continue;
    Change &c = add(CreateTypes, ChangeKind::AddEnumValue);
    c.fromEnum = &a;
    c.toEnum = &b;
    c.value = b.values[i].name;
    // Before the next value that exists already (added values are added in
    // order, so a run of new values each goes before the same old one).
    for (size_t j = i + 1; j < b.values.size(); ++j)
      if (llvm::is_contained(old, b.values[j].name)) {
        c.otherValue = b.values[j].name;
        break;
      }
  }
}

void Differ::diffEnums() {
  auto m = match<EnumType>(
      pointers(from.enums), pointers(to.enums),
      [](const EnumType *e) { return e->name.key(); },
      [](const EnumType *e) { return formerKeys(e); },
      requests(RenameRequest::Kind::Enum));
  for (auto [a, b] : m.pairs) {
    oldEnumOfNew[b] = a;
    if (a->name != b->name) {
      Change &c = add(RenameObjects, ChangeKind::RenameEnum);
      c.fromEnum = a;
      c.toEnum = b;
      enumRenames[a->name.key()] = b;
    }
    diffEnumValues(*a, *b);
    Change c{};
    c.fromEnum = a;
    c.toEnum = b;
    comment(a->comment, b->comment, c);
  }
  for (const EnumType *e : m.created) {
    add(CreateTypes, ChangeKind::CreateEnum).toEnum = e;
    Change c{};
    c.toEnum = e;
    comment("", e->comment, c);
  }
  for (const EnumType *e : m.dropped) {
    Change &c = add(DropTypes, ChangeKind::DropEnum);
    c.fromEnum = e;
    c.hazards = HazardDestructive;
  }
}

void Differ::diffSequences() {
  auto m = match<Sequence>(
      pointers(from.sequences), pointers(to.sequences),
      [](const Sequence *s) { return s->name.key(); },
      [](const Sequence *s) { return formerKeys(s); },
      requests(RenameRequest::Kind::Sequence));
  for (auto [a, b] : m.pairs) {
    if (a->name != b->name) {
      Change &c = add(RenameObjects, ChangeKind::RenameSequence);
      c.fromSequence = a;
      c.toSequence = b;
    }
    bool sameOwner = a->ownedBy.has_value() == b->ownedBy.has_value() &&
                     (!a->ownedBy || a->ownedBy->column == b->ownedBy->column);
    if (!(a->type == b->type) || a->start != b->start ||
        a->increment != b->increment || a->minValue != b->minValue ||
        a->maxValue != b->maxValue || a->cache != b->cache ||
        a->cycle != b->cycle || !sameOwner) {
      Change &c = add(AlterTables, ChangeKind::AlterSequence);
      c.fromSequence = a;
      c.toSequence = b;
    }
    Change c{};
    c.fromSequence = a;
    c.toSequence = b;
    comment(a->comment, b->comment, c);
  }
  for (const Sequence *s : m.created) {
    add(CreateTypes, ChangeKind::CreateSequence).toSequence = s;
    // Its owner may be a table created later: owned once tables exist.
    if (s->ownedBy)
      add(AlterTables, ChangeKind::AlterSequence).toSequence = s;
    Change c{};
    c.toSequence = s;
    comment("", s->comment, c);
  }
  for (const Sequence *s : m.dropped)
    add(DropTypes, ChangeKind::DropSequence).fromSequence = s;
}

void Differ::createTable(const Table &t) {
  add(CreateTables, ChangeKind::CreateTable).toTable = &t;
  for (const auto &constraint : t.constraints)
    if (const auto *fk = llvm::dyn_cast<ForeignKey>(constraint.get())) {
      Change &c = add(AddForeignKeys, ChangeKind::AddConstraint);
      c.toTable = &t;
      c.toConstraint = fk;
    }
  for (const Index &index : t.indexes) {
    Change &c = add(AddKeysAndIndexes, ChangeKind::CreateIndex);
    c.toTable = &t;
    c.toIndex = &index;
  }
  Change proto{};
  proto.toTable = &t;
  comment("", t.comment, proto);
  for (const Column &column : t.columns) {
    proto.toColumn = &column;
    comment("", column.comment, proto);
  }
  proto.toColumn = nullptr;
  for (const Index &index : t.indexes) {
    proto.toIndex = &index;
    comment("", index.comment, proto);
  }
}

void Differ::diffColumns(TablePair &tp) {
  // A generated column reading a retyped column blocks the type change
  // (PostgreSQL refuses it), so it is made anew like a changed one.
  llvm::StringSet<> retyped;
  for (auto [a, b] : tp.columns.pairs)
    if (!sameType(a->type, b->type))
      retyped.insert(b->name);
  auto readsRetyped = [&](const Column *c) {
    bool reads = false;
    if (c->generated && !retyped.empty())
      forEachColumnRef(c->generated->expr, [&](const ColumnRef *ref) {
        reads |= retyped.count(ref->getColumn()) != 0;
      });
    return reads;
  };
  std::vector<const Column *> recreated;
  // Where this table's drops of recreated columns go: before its changes.
  size_t dropAt = phases[AlterTables].size();
  for (auto [a, b] : tp.columns.pairs) {
    if (a->name != b->name) {
      Change &c = add(RenameMembers, ChangeKind::RenameColumn);
      c.fromTable = tp.from;
      c.toTable = tp.to;
      c.fromColumn = a;
      c.toColumn = b;
      reshapedTables.insert(tp.from);
    }
    uint8_t aspects = 0, hazards = 0;
    if (!sameType(a->type, b->type)) {
      aspects |= AspectType;
      hazards |= typeChangeHazards(a->type, b->type);
      reshapedTables.insert(tp.from);
    }
    if (a->nullable != b->nullable) {
      aspects |= AspectNullability;
      if (!b->nullable)
        hazards |= HazardDataDependent;
    }
    // A rebuilt enum's columns lose their defaults during the rebuild.
    bool defaultDropped =
        a->defaultValue && a->type.kind == TypeKind::Enum &&
        rebuiltEnums.count(QualifiedName{a->type.ns, a->type.name}.key());
    if (!sameExpr(tp, a->defaultValue, b->defaultValue) ||
        (defaultDropped && b->defaultValue))
      aspects |= AspectDefault;
    if (a->identity != b->identity)
      aspects |= AspectIdentity;
    if (a->collation != b->collation) {
      aspects |= AspectCollation;
      hazards |= HazardRewrite;
    }
    bool sameGenerated =
        a->generated.has_value() == b->generated.has_value() &&
        (!a->generated || (a->generated->stored == b->generated->stored &&
                           sameExpr(tp, a->generated->expr,
                                    b->generated->expr)));
    if (!sameGenerated || readsRetyped(b)) {
      // Only dropping the expression keeps the column; a new or changed
      // expression recomputes it, so the column is made anew: dropped
      // before the columns it reads change, added after them.
      if (a->generated && !b->generated) {
        aspects |= AspectGenerated;
      } else {
        Change drop{};
        drop.kind = ChangeKind::DropColumn;
        drop.fromTable = tp.from;
        drop.toTable = tp.to;
        drop.fromColumn = a;
        auto &alters = phases[AlterTables];
        alters.insert(alters.begin() + dropAt++, drop);
        tp.recreated.insert(b->name);
        recreated.push_back(b);
        reshapedTables.insert(tp.from);
        continue;
      }
    }
    if (aspects) {
      Change &c = add(AlterTables, ChangeKind::AlterColumn);
      c.fromTable = tp.from;
      c.toTable = tp.to;
      c.fromColumn = a;
      c.toColumn = b;
      c.aspects = aspects;
      c.hazards = hazards;
    }
    Change proto{};
    proto.fromTable = tp.from;
    proto.toTable = tp.to;
    proto.toColumn = b;
    comment(a->comment, b->comment, proto);
  }
  for (const Column *b : tp.columns.created) {
    Change &c = add(AlterTables, ChangeKind::AddColumn);
    c.fromTable = tp.from;
    c.toTable = tp.to;
    c.toColumn = b;
    if (!b->nullable && !b->defaultValue && b->identity == Identity::None &&
        !b->generated)
      c.hazards = HazardDataDependent;
    Change proto{};
    proto.toTable = tp.to;
    proto.toColumn = b;
    comment("", b->comment, proto);
  }
  for (const Column *b : recreated) {
    Change &c = add(AlterTables, ChangeKind::AddColumn);
    c.fromTable = tp.from;
    c.toTable = tp.to;
    c.toColumn = b;
    c.hazards = HazardRewrite;
  }
  for (const Column *a : tp.columns.dropped) {
    Change &c = add(DropColumns, ChangeKind::DropColumn);
    c.fromTable = tp.from;
    c.toTable = tp.to;
    c.fromColumn = a;
    c.hazards = HazardDestructive;
    reshapedTables.insert(tp.from);
  }
  // A dropped column and an added one of the same type look like a rename.
  for (const Column *b : tp.columns.created)
    for (const Column *a : tp.columns.dropped)
      if (sameType(a->type, b->type)) {
        if (options.renameCandidates)
          options.renameCandidates->push_back(
              {RenameRequest::Kind::Column,
               tp.to->name.str() + "." + a->name.str(), b->name.str()});
        diags.report(
            DiagID::PossibleRename, b->range,
            fmt::format("column '{}' of table '{}' is added and '{}' dropped; "
                        "if '{}' was renamed, add @was({}) to column '{}' (or "
                        "pass --rename column:{}.{}={}), else its values are "
                        "lost",
                        b->name.str(), tp.to->name.str(), a->name.str(),
                        a->name.str(), formatIdentifier(a->name), b->name.str(),
                        tp.to->name.str(), a->name.str(), b->name.str()));
        break;
      }
}

void Differ::diffConstraints(TablePair &tp) {
  auto m = match<Constraint>(
      pointers(tp.from->constraints), pointers(tp.to->constraints),
      // Unnamed ones (SQLite keeps them) have no name to match by: each
      // gets a key of its own and is paired by definition below.
      [](const Constraint *c) {
        return c->name.empty() ? fmt::format("\x1f{}", (const void *)c)
                               : c->name.str();
      },
      [](const Constraint *c) { return formerNames(c->was); },
      requests(RenameRequest::Kind::Constraint, tp.to->name.key()));
  std::vector<const Constraint *> created =
      pairByDefinition(m, [&](const Constraint &a, const Constraint &b) {
        return sameConstraint(tp, a, b);
      });
  for (auto [a, b] : m.pairs) {
    if (!sameConstraint(tp, *a, *b)) {
      Change &drop = add(llvm::isa<ForeignKey>(a) ? DropForeignKeys
                                                  : DropKeysAndIndexes,
                         ChangeKind::DropConstraint);
      drop.fromTable = tp.from;
      drop.fromConstraint = a;
      created.push_back(b);
      continue;
    }
    if (const auto *fk = llvm::dyn_cast<ForeignKey>(a))
      keptForeignKeys.push_back({&tp, fk, llvm::cast<ForeignKey>(b)});
    if (a->name != b->name) {
      Change &c = add(RenameMembers, ChangeKind::RenameConstraint);
      c.fromTable = tp.from;
      c.toTable = tp.to;
      c.fromConstraint = a;
      c.toConstraint = b;
    }
  }
  for (const Constraint *b : created) {
    Change &c = add(llvm::isa<ForeignKey>(b) ? AddForeignKeys
                                             : AddKeysAndIndexes,
                    ChangeKind::AddConstraint);
    c.fromTable = tp.from;
    c.toTable = tp.to;
    c.toConstraint = b;
    c.hazards = HazardDataDependent;
  }
  for (const Constraint *a : m.dropped) {
    if (!a)
      continue;
    Change &c = add(llvm::isa<ForeignKey>(a) ? DropForeignKeys
                                             : DropKeysAndIndexes,
                    ChangeKind::DropConstraint);
    c.fromTable = tp.from;
    c.fromConstraint = a;
  }
}

void Differ::diffIndexes(TablePair &tp) {
  auto m = match<Index>(
      pointers(tp.from->indexes), pointers(tp.to->indexes),
      [](const Index *i) { return i->name.str(); },
      [](const Index *i) { return formerNames(i->was); },
      requests(RenameRequest::Kind::Index, tp.to->name.key()));
  std::vector<const Index *> created =
      pairByDefinition(m, [&](const Index &a, const Index &b) {
        return sameIndex(tp, a, b);
      });
  for (auto [a, b] : m.pairs) {
    if (!sameIndex(tp, *a, *b)) {
      Change &drop = add(DropKeysAndIndexes, ChangeKind::DropIndex);
      drop.fromTable = tp.from;
      drop.fromIndex = a;
      created.push_back(b);
      continue;
    }
    if (a->name != b->name) {
      Change &c = add(RenameMembers, ChangeKind::RenameIndex);
      c.fromTable = tp.from;
      c.toTable = tp.to;
      c.fromIndex = a;
      c.toIndex = b;
    }
    Change proto{};
    proto.toTable = tp.to;
    proto.toIndex = b;
    comment(a->comment, b->comment, proto);
  }
  for (const Index *b : created) {
    Change &c = add(AddKeysAndIndexes, ChangeKind::CreateIndex);
    c.fromTable = tp.from;
    c.toTable = tp.to;
    c.toIndex = b;
    c.hazards = HazardRewrite | (b->unique ? HazardDataDependent : 0);
    Change proto{};
    proto.toTable = tp.to;
    proto.toIndex = b;
    comment("", b->comment, proto);
  }
  for (const Index *a : m.dropped) {
    if (!a)
      continue;
    Change &c = add(DropKeysAndIndexes, ChangeKind::DropIndex);
    c.fromTable = tp.from;
    c.fromIndex = a;
  }
}

void Differ::diffTable(TablePair &tp) {
  if (tp.from->name != tp.to->name) {
    Change &c = add(RenameObjects, ChangeKind::RenameTable);
    c.fromTable = tp.from;
    c.toTable = tp.to;
  }
  if (!(tp.from->options == tp.to->options)) {
    Change &c = add(AlterTables, ChangeKind::AlterTableOptions);
    c.fromTable = tp.from;
    c.toTable = tp.to;
  }
  diffColumns(tp);
  diffConstraints(tp);
  diffIndexes(tp);
  Change proto{};
  proto.fromTable = tp.from;
  proto.toTable = tp.to;
  comment(tp.from->comment, tp.to->comment, proto);
}

void Differ::warnPossibleRenames(const Matching<Table> &tables) {
  auto sameColumns = [&](const Table *a, const Table *b) {
    return a->columns.size() == b->columns.size() &&
           llvm::all_of(llvm::zip(a->columns, b->columns), [&](auto pair) {
             return std::get<0>(pair).name == std::get<1>(pair).name &&
                    sameType(std::get<0>(pair).type, std::get<1>(pair).type);
           });
  };
  for (const Table *b : tables.created)
    for (const Table *a : tables.dropped)
      if (sameColumns(a, b)) {
        // @was names a table in the same namespace or the default one;
        // other moves can only be requested.
        std::string hint =
            a->name.ns.empty() || a->name.ns == b->name.ns
                ? fmt::format("add @was({}) to table '{}' (or pass --rename "
                              "table:{}={})",
                              formatIdentifier(a->name.name), b->name.str(),
                              a->name.str(), b->name.str())
                : fmt::format("pass --rename table:{}={}", a->name.str(),
                              b->name.ns.empty() ? "public." + b->name.str()
                                                 : b->name.str());
        if (options.renameCandidates)
          options.renameCandidates->push_back(
              {RenameRequest::Kind::Table, a->name.str(),
               b->name.ns.empty() ? "public." + b->name.str()
                                  : b->name.str()});
        diags.report(
            DiagID::PossibleRename, b->range,
            fmt::format("table '{}' is created and '{}' dropped with the same "
                        "columns; if '{}' was renamed, {}, else its rows are "
                        "lost",
                        b->name.str(), a->name.str(), a->name.str(), hint));
        break;
      }
}

void Differ::diffTables() {
  auto m = match<Table>(
      pointers(from.tables), pointers(to.tables),
      [](const Table *t) { return t->name.key(); },
      [](const Table *t) { return formerKeys(t); },
      requests(RenameRequest::Kind::Table));
  // Pair every matched table and its columns first: constraints compare
  // foreign keys through the renames of the tables they reference.
  for (auto [a, b] : m.pairs) {
    auto tp = std::make_unique<TablePair>();
    tp->from = a;
    tp->to = b;
    tp->columns = match<Column>(
        pointers(a->columns), pointers(b->columns),
        [](const Column *c) { return c->name.str(); },
        [](const Column *c) { return formerNames(c->was); },
        requests(RenameRequest::Kind::Column, b->name.key()));
    for (auto [x, y] : tp->columns.pairs)
      if (x->name != y->name)
        tp->columnRenames[x->name] = y->name;
    pairOfOld[a] = tp.get();
    tablePairs.push_back(std::move(tp));
  }
  for (auto &tp : tablePairs)
    diffTable(*tp);
  for (const Table *t : m.created)
    createTable(*t);
  for (const Table *t : m.dropped) {
    Change &c = add(DropTables, ChangeKind::DropTable);
    c.fromTable = t;
    c.hazards = HazardDestructive;
    reshapedTables.insert(t);
    // Its foreign keys go first, so dropped tables that reference each
    // other drop in any order.
    for (const auto &constraint : t->constraints)
      if (llvm::isa<ForeignKey>(constraint.get())) {
        Change &fk = add(DropForeignKeys, ChangeKind::DropConstraint);
        fk.fromTable = t;
        fk.fromConstraint = constraint.get();
      }
  }
  warnPossibleRenames(m);
}

void Differ::diffViews() {
  // A view is made anew when its query or kind changed, or when a table or
  // view it reads is reshaped; it is dropped before and created after.
  llvm::StringSet<> reshapedNames;
  for (const Table *t : reshapedTables)
    reshapedNames.insert(StringRef(t->name.name).lower());
  llvm::DenseSet<const View *> dropOld;
  llvm::DenseSet<const View *> createNew;
  std::vector<const View *> fromOrder = orderViewsForCreation(from);
  for (const View *a : fromOrder) {
    const View *b = to.findView(a->name);
    bool readsReshaped = false;
    forEachSQLIdentifier(a->query, [&](StringRef word) {
      readsReshaped |= reshapedNames.count(word) != 0;
    });
    if (!b || b->query != a->query || b->materialized != a->materialized ||
        readsReshaped) {
      dropOld.insert(a);
      reshapedNames.insert(StringRef(a->name.name).lower());
      if (b)
        createNew.insert(b);
    } else {
      Change c{};
      c.fromView = a;
      c.toView = b;
      comment(a->comment, b->comment, c);
    }
  }
  for (const View *b : pointers(to.views))
    if (!from.findView(b->name))
      createNew.insert(b);
  for (const View *a : llvm::reverse(fromOrder))
    if (dropOld.count(a))
      add(DropViews, ChangeKind::DropView).fromView = a;
  for (const View *b : orderViewsForCreation(to))
    if (createNew.count(b)) {
      add(CreateViews, ChangeKind::CreateView).toView = b;
      Change c{};
      c.toView = b;
      comment("", b->comment, c);
    }
}

/// Whether `schema` has what a rename request names: a table, enum or
/// sequence by [ns.]name, or a member of `table` by its name.
static bool hasRequested(const Schema &schema, const Table *table,
                         const EnumType *enumType, RenameRequest::Kind kind,
                         StringRef name) {
  switch (kind) {
  case RenameRequest::Kind::Table:
    return schema.findTable(splitQualified(name)) != nullptr;
  case RenameRequest::Kind::Enum:
    return schema.findEnum(splitQualified(name)) != nullptr;
  case RenameRequest::Kind::Sequence:
    return schema.findSequence(splitQualified(name)) != nullptr;
  case RenameRequest::Kind::Column:
    return table && table->findColumn(name) != nullptr;
  case RenameRequest::Kind::Index:
    return table && llvm::any_of(table->indexes, [&](const Index &i) {
             return i.name == name;
           });
  case RenameRequest::Kind::Constraint:
    return table && llvm::any_of(table->constraints, [&](const auto &c) {
             return c->name == name;
           });
  case RenameRequest::Kind::EnumValue:
    return enumType && llvm::any_of(enumType->values, [&](const EnumValue &v) {
             return v.name == name;
           });
  }
  return false;
}

void Differ::checkRequestsUsed() {
  for (const RenameRequest &r : options.renames) {
    StringRef name = r.from;
    const TablePair *pair = nullptr;
    const EnumType *newEnum = nullptr, *oldEnum = nullptr;
    if (r.kind == RenameRequest::Kind::EnumValue) {
      // ENUM.VALUE: ENUM as the new schema names it, VALUE as the old.
      auto [enumName, value] = StringRef(r.from).rsplit('.');
      name = value;
      newEnum = to.findEnum(splitQualified(enumName));
      oldEnum = oldEnumOfNew.lookup(newEnum);
    } else if (r.kind == RenameRequest::Kind::Column ||
               r.kind == RenameRequest::Kind::Index ||
               r.kind == RenameRequest::Kind::Constraint) {
      // TABLE.MEMBER: TABLE as the new schema names it, MEMBER as the old.
      auto [table, member] = StringRef(r.from).rsplit('.');
      name = member;
      for (const auto &tp : tablePairs)
        if (tp->to->name == splitQualified(table))
          pair = tp.get();
    }
    if (!hasRequested(from, pair ? pair->from : nullptr, oldEnum, r.kind,
                      name))
      diags.report(DiagID::InvalidRename, {},
                   fmt::format("--rename {}: the old schema has no such object",
                               r.from));
    else if (hasRequested(to, pair ? pair->to : nullptr, newEnum, r.kind,
                          name))
      // Objects are matched by name first, so the old one keeps its name.
      diags.report(DiagID::InvalidRename, {},
                   fmt::format("--rename {}: the new schema still has '{}', "
                               "so it is kept; renaming away from a name in "
                               "use, or swapping names, takes two migrations "
                               "(through a temporary name)",
                               r.from, name.str()));
  }
}

void Differ::listEnumColumns() {
  for (Change &c : phases[CreateTypes]) {
    if (c.kind != ChangeKind::RebuildEnum)
      continue;
    for (const auto &table : from.tables) {
      const TablePair *tp = pairOfOld.lookup(table.get());
      for (const Column &column : table->columns) {
        const Type &t = column.type;
        if (t.kind != TypeKind::Enum ||
            QualifiedName{t.ns, t.name} != c.fromEnum->name)
          continue;
        EnumColumnUse use;
        use.table = tp ? tp->to->name : table->name;
        auto renamedTo = tp ? tp->columnRenames.find(column.name)
                            : llvm::StringMap<StringRef>::const_iterator();
        use.column = tp && renamedTo != tp->columnRenames.end()
                         ? renamedTo->second
                         : StringRef(column.name);
        use.hasDefault = column.defaultValue != nullptr;
        use.arrayDims = t.arrayDims;
        c.enumColumns.push_back(use);
      }
    }
  }
}

/// "table\x1fcol\x1fcol": a table's key by its sorted columns.
static std::string keySignature(const Table *table,
                                llvm::ArrayRef<StringRef> columns) {
  std::vector<StringRef> sorted(columns.begin(), columns.end());
  llvm::sort(sorted);
  std::string out = table->name.key();
  for (StringRef c : sorted)
    out += ("\x1f" + c).str();
  return out;
}

void Differ::recreateForeignKeysOnDroppedKeys() {
  llvm::StringSet<> droppedKeys;
  for (const Change &c : phases[DropKeysAndIndexes]) {
    if (c.kind == ChangeKind::DropConstraint) {
      if (const auto *pk = llvm::dyn_cast<PrimaryKey>(c.fromConstraint))
        droppedKeys.insert(keySignature(c.fromTable, pk->columns));
      else if (const auto *u =
                   llvm::dyn_cast<UniqueConstraint>(c.fromConstraint))
        droppedKeys.insert(keySignature(c.fromTable, u->columns));
    } else if (c.kind == ChangeKind::DropIndex && c.fromIndex->unique) {
      std::vector<StringRef> columns;
      for (const IndexElement &e : c.fromIndex->elements)
        if (const auto *ref = llvm::dyn_cast<ColumnRef>(e.expr))
          columns.push_back(ref->getColumn());
      if (columns.size() == c.fromIndex->elements.size())
        droppedKeys.insert(keySignature(c.fromTable, columns));
    }
  }
  if (droppedKeys.empty())
    return;
  for (const KeptForeignKey &k : keptForeignKeys) {
    const Table *target = from.findTable(k.from->refTable);
    if (!target ||
        !droppedKeys.count(keySignature(target, k.from->refColumns)))
      continue;
    Change &drop = add(DropForeignKeys, ChangeKind::DropConstraint);
    drop.fromTable = k.tp->from;
    drop.fromConstraint = k.from;
    Change &re = add(AddForeignKeys, ChangeKind::AddConstraint);
    re.fromTable = k.tp->from;
    re.toTable = k.tp->to;
    re.toConstraint = k.to;
    // Dropped first, it is added under its new name: no rename.
    llvm::erase_if(phases[RenameMembers], [&](const Change &c) {
      return c.kind == ChangeKind::RenameConstraint &&
             c.fromConstraint == k.from;
    });
  }
}

void Differ::keepOwnedSequenceDrops() {
  auto ownerDropped = [&](const Sequence *s) {
    if (!s->ownedBy)
      return false;
    const Table *owner = from.findTable(s->ownedBy->table);
    if (!owner)
      return false;
    auto pair = pairOfOld.find(owner);
    if (pair == pairOfOld.end())
      return true; // the table is dropped
    return llvm::any_of(pair->second->columns.dropped, [&](const Column *c) {
      return c->name == s->ownedBy->column;
    });
  };
  llvm::erase_if(phases[DropTypes], [&](const Change &c) {
    return c.kind == ChangeKind::DropSequence && ownerDropped(c.fromSequence);
  });
}

Migration Differ::run() {
  diffNamespaces();
  diffEnums();
  diffSequences();
  diffTables();
  checkRequestsUsed(); // needs the table pairs for members
  listEnumColumns();
  recreateForeignKeysOnDroppedKeys();
  keepOwnedSequenceDrops();
  diffViews();
  Migration m;
  for (auto &phase : phases)
    for (Change &c : phase)
      m.changes.push_back(c);
  return m;
}

} // namespace

Migration ir::diffSchemas(const Schema &from, const Schema &to,
                          const DiffOptions &options,
                          DiagnosticEngine &diags) {
  return Differ(from, to, options, diags).run();
}

std::optional<HazardAllowance> ir::parseHazardAllowance(StringRef text) {
  auto [code, object] = text.split('=');
  uint8_t hazard = llvm::StringSwitch<uint8_t>(code)
                       .Case("destructive-change", HazardDestructive)
                       .Case("data-dependent-change", HazardDataDependent)
                       .Case("table-rewrite", HazardRewrite)
                       .Default(HazardNone);
  if (hazard == HazardNone || (text.contains('=') && object.empty()))
    return std::nullopt;
  return HazardAllowance{hazard, object.str()};
}

/// The hazards of `c` that no allowance accepts.
static uint8_t unallowedHazards(const Change &c,
                                llvm::ArrayRef<HazardAllowance> allowed) {
  uint8_t hazards = c.hazards;
  for (const HazardAllowance &allow : allowed) {
    if (!(hazards & allow.hazards))
      continue;
    bool covers = allow.object.empty();
    for (const std::string &name : getChangeObjectNames(c))
      covers |= name == allow.object ||
                StringRef(name).starts_with(allow.object + ".");
    if (covers)
      hazards &= ~allow.hazards;
  }
  return hazards;
}

void ir::reportHazards(const Migration &migration, DiagnosticEngine &diags,
                       llvm::ArrayRef<HazardAllowance> allowed) {
  for (const Change &c : migration.changes) {
    uint8_t hazards = unallowedHazards(c, allowed);
    if (!hazards)
      continue;
    // The narrowest object the change has a position for: in the new
    // schema, or for what is dropped, in the old one.
    SourceRange range;
    for (SourceRange r :
         {c.toColumn ? c.toColumn->range : SourceRange(),
          c.toConstraint ? c.toConstraint->range : SourceRange(),
          c.toIndex ? c.toIndex->range : SourceRange(),
          c.toEnum ? c.toEnum->range : SourceRange(),
          c.fromColumn ? c.fromColumn->range : SourceRange(),
          c.fromEnum ? c.fromEnum->range : SourceRange(),
          c.toTable ? c.toTable->range : SourceRange(),
          c.fromTable ? c.fromTable->range : SourceRange()})
      if (!range.isValid() && r.isValid())
        range = r;
    std::string what = describeChange(c);
    if (hazards & HazardDestructive)
      diags.report(DiagID::DestructiveChange, range,
                   fmt::format("'{}' deletes data", what));
    if (hazards & HazardDataDependent)
      diags.report(DiagID::DataDependentChange, range,
                   fmt::format("'{}' fails if existing rows do not allow it",
                               what));
    if (hazards & HazardRewrite)
      diags.report(DiagID::TableRewrite, range,
                   fmt::format("'{}' rewrites or locks the table while it "
                               "runs",
                               what));
  }
}
