//===- MySQLMigration.cpp - a Migration IR as MySQL / MariaDB statements --===//
//
// MySQL changes a column with MODIFY COLUMN and its full new definition
// (type, NULL, default, AUTO_INCREMENT, collation and comment at once).
// Enums live inline in their columns, so an enum change modifies every
// column of it; a renamed value goes through the list holding both names,
// an UPDATE, and the final list, so no row loses its value. DDL is not
// transactional on MySQL: the statements run one by one, so each must leave
// a table InnoDB accepts: an AUTO_INCREMENT column keyed, a foreign key
// backed by an index and over columns of one type.
//
//===----------------------------------------------------------------------===//

#include "backends/MigrationSQL.h"
#include "backends/MySQLDDL.h"
#include "backends/SQLFragments.h"
#include "backends/SQLQuoting.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

/// Whether `columns` starts with every column of `prefix`.
bool startsWith(llvm::ArrayRef<StringRef> columns,
                llvm::ArrayRef<StringRef> prefix) {
  return !prefix.empty() && columns.size() >= prefix.size() &&
         llvm::equal(columns.take_front(prefix.size()), prefix);
}

/// Whether a column of this type has a character set (and so takes the
/// table's default one when it names no collation of its own).
bool hasCharset(const Type &t) {
  switch (t.kind) {
  case TypeKind::Text:
  case TypeKind::Varchar:
  case TypeKind::Char:
  case TypeKind::Uuid:
  case TypeKind::Enum:
    return true;
  case TypeKind::Native: {
    std::string name = t.name.lower();
    StringRef n(name);
    return n.contains("text") || n.contains("char") ||
           n.starts_with("enum") || n.starts_with("set");
  }
  default:
    return false;
  }
}

const ForeignKey *findForeignKey(const Table &t, StringRef name) {
  for (const auto &k : t.constraints)
    if (const auto *fk = llvm::dyn_cast<ForeignKey>(k.get()))
      if (fk->name == name)
        return fk;
  return nullptr;
}

/// A foreign key of the new schema and its table.
struct ForeignKeyUse {
  const Table *table;
  const ForeignKey *fk;
};

/// Whether an AlterColumn changes what InnoDB refuses to change under a
/// foreign key (error 1832): the type or the collation.
bool isRetype(const Change &c) {
  return c.kind == ChangeKind::AlterColumn &&
         (c.aspects & (AspectType | AspectCollation));
}

class MySQLMigrationWriter {
public:
  MySQLMigrationWriter(const Schema &to, DiagnosticEngine &diags)
      : to(to), diags(diags), ddl(to, diags) {}

  std::optional<std::string> write(const Migration &m);

private:
  std::string quote(StringRef name) const { return ddl.quote(name); }
  std::string table(const Change &c) const {
    return quote(c.toTable ? c.toTable->name.name : c.fromTable->name.name);
  }
  /// `c`'s new definition, as ADD COLUMN and MODIFY COLUMN take it.
  std::string definition(const Column &c, StringRef enumValues = {}) {
    return StringRef(ddl.columnDefinition(c, enumValues)).ltrim().str();
  }
  /// MODIFY COLUMN with `c`'s new definition (listing `enumValues` if given).
  std::string modify(const Table &t, const Column &c,
                     StringRef enumValues = {}) {
    return "ALTER TABLE " + quote(t.name.name) + " MODIFY COLUMN " +
           definition(c, enumValues);
  }
  void collect(const Migration &m);
  /// The foreign keys of the new schema the migration keeps that use
  /// column `column` of `t`, on either side.
  std::vector<ForeignKeyUse> keptForeignKeysOver(const Table &t,
                                                 StringRef column) const;
  /// Foreign keys over columns retyped: dropped before the first such
  /// change, added again after the last.
  void planLiftedForeignKeys(const Migration &m);
  void liftForeignKeys(const Change &c);
  void restoreForeignKeys(size_t changeIndex);
  /// The new table an old one becomes; null if it is dropped.
  const Table *newTableOf(const Table &old) const;
  /// Calls `fn` with every column of `e` that exists when enums change.
  void forEachEnumColumn(
      const EnumType &e,
      llvm::function_ref<void(const Table &, const Column &)> fn) const;
  void renameEnumValues(const Change &c);
  void alterTableOptions(const Change &c);
  void alterColumn(const Change &c);
  void replaceVirtualColumn(const Change &c);
  /// Whether a key or index of old table `t` that this migration keeps
  /// starts with `column`, other than `except`.
  bool isKeyedAfterDrops(const Table &t, StringRef column,
                         const void *except) const;
  /// Before a key or index of old table `t` is dropped: what InnoDB needs
  /// keyed while it goes (an AUTO_INCREMENT column, a foreign key).
  void beforeKeyDrop(const Table &t, llvm::ArrayRef<StringRef> columns);
  /// After `c` added a key or index with `columns`: what waited for it.
  void afterKeyAdd(const Change &c, llvm::ArrayRef<StringRef> columns);
  void dropConstraint(const Change &c);
  void dropForeignKey(const Change &c, StringRef liveName);
  void renameForeignKey(const Change &c);
  /// Whether the object of SetComment `comment` was created or modified
  /// by a statement of this migration that wrote its comment too.
  bool isWrittenWhole(const Change &comment) const;
  void write(const Change &c);
  void unsupported(const Change &c) {
    diags.report(DiagID::MigrationUnsupported, {},
                 fmt::format("mysql: cannot migrate '{}'", describeChange(c)));
    ok = false;
  }

  const Schema &to;
  DiagnosticEngine &diags;
  MySQLDDL ddl;
  std::vector<std::string> out;
  bool ok = true;
  llvm::DenseSet<const EnumType *> modifiedEnums;
  /// Columns that do not exist yet when enums change (added later, or in
  /// tables created later): they get their values when they are made.
  llvm::DenseSet<const Column *> madeLater;
  /// New enum -> its renamed values (old name, new name).
  llvm::DenseMap<const EnumType *,
                 std::vector<std::pair<StringRef, StringRef>>>
      valueRenames;
  llvm::DenseMap<const Table *, const Table *> renamedTo;
  /// Old keys, indexes and foreign keys the migration drops; new foreign
  /// keys it adds; new tables that get a new primary key.
  llvm::DenseSet<const void *> droppedKeys, addedForeignKeys;
  llvm::DenseSet<const Table *> primaryKeyAdded;
  /// Old AUTO_INCREMENT columns that lose it (or go).
  llvm::DenseSet<const Column *> identityLost, identityCleared;
  /// New tables whose primary key drop waits for the new key.
  llvm::DenseSet<const Table *> primaryKeyDropDeferred;
  /// Columns made AUTO_INCREMENT once their key is added.
  std::vector<std::pair<const Table *, const Column *>> identityDeferred;
  /// Foreign keys whose own index was made or dropped already.
  llvm::DenseSet<const ForeignKey *> foreignKeyIndexDone;
  /// Foreign keys lifted around retyped columns, in schema order, with the
  /// index of the last change that retypes one of their columns.
  std::vector<std::pair<ForeignKeyUse, size_t>> liftedForeignKeys;
  llvm::DenseSet<const ForeignKey *> liftedYet;
  /// New objects whose comment a statement wrote with their definition,
  /// and new tables created whole.
  llvm::DenseSet<const void *> writtenWhole;
  llvm::DenseSet<const Table *> createdTables;
};

void MySQLMigrationWriter::collect(const Migration &m) {
  for (const Change &c : m.changes) {
    switch (c.kind) {
    case ChangeKind::AddColumn:
      madeLater.insert(c.toColumn);
      break;
    case ChangeKind::CreateTable:
      for (const Column &col : c.toTable->columns)
        madeLater.insert(&col);
      break;
    case ChangeKind::RenameTable:
      renamedTo[c.fromTable] = c.toTable;
      break;
    case ChangeKind::RenameEnumValue:
      valueRenames[c.toEnum].emplace_back(c.value, c.otherValue);
      break;
    case ChangeKind::DropConstraint:
      droppedKeys.insert(c.fromConstraint);
      break;
    case ChangeKind::DropIndex:
      droppedKeys.insert(c.fromIndex);
      break;
    case ChangeKind::AddConstraint:
      if (llvm::isa<ForeignKey>(c.toConstraint))
        addedForeignKeys.insert(c.toConstraint);
      else if (llvm::isa<PrimaryKey>(c.toConstraint))
        primaryKeyAdded.insert(c.toTable);
      break;
    case ChangeKind::AlterColumn:
      if (c.fromColumn->identity != Identity::None &&
          c.toColumn->identity == Identity::None)
        identityLost.insert(c.fromColumn);
      break;
    case ChangeKind::DropColumn:
      if (c.fromColumn->identity != Identity::None)
        identityLost.insert(c.fromColumn);
      break;
    default:
      break;
    }
  }
}

std::vector<ForeignKeyUse>
MySQLMigrationWriter::keptForeignKeysOver(const Table &t,
                                          StringRef column) const {
  std::vector<ForeignKeyUse> uses;
  for (const auto &owner : to.tables)
    for (const auto &k : owner->constraints) {
      const auto *fk = llvm::dyn_cast<ForeignKey>(k.get());
      if (!fk || addedForeignKeys.count(fk))
        continue;
      if ((owner.get() == &t && llvm::is_contained(fk->columns, column)) ||
          (fk->refTable == t.name && llvm::is_contained(fk->refColumns, column)))
        uses.push_back({owner.get(), fk});
    }
  return uses;
}

void MySQLMigrationWriter::planLiftedForeignKeys(const Migration &m) {
  llvm::DenseMap<const ForeignKey *, size_t> last;
  for (size_t i = 0; i < m.changes.size(); ++i)
    if (isRetype(m.changes[i]))
      for (ForeignKeyUse use : keptForeignKeysOver(*m.changes[i].toTable,
                                                   m.changes[i].toColumn->name))
        last[use.fk] = i;
  for (const auto &owner : to.tables)
    for (const auto &k : owner->constraints)
      if (const auto *fk = llvm::dyn_cast<ForeignKey>(k.get()))
        if (last.count(fk))
          liftedForeignKeys.push_back({{owner.get(), fk}, last[fk]});
}

void MySQLMigrationWriter::liftForeignKeys(const Change &c) {
  if (!isRetype(c))
    return;
  for (ForeignKeyUse use : keptForeignKeysOver(*c.toTable, c.toColumn->name))
    if (liftedYet.insert(use.fk).second)
      out.push_back("ALTER TABLE " + quote(use.table->name.name) +
                    " DROP FOREIGN KEY " + quote(use.fk->name));
}

void MySQLMigrationWriter::restoreForeignKeys(size_t changeIndex) {
  // Its index stayed: only the constraint comes back.
  for (auto [use, last] : liftedForeignKeys)
    if (last == changeIndex)
      out.push_back(ddl.addForeignKey(*use.table, *use.fk));
}

const Table *MySQLMigrationWriter::newTableOf(const Table &old) const {
  if (const Table *renamed = renamedTo.lookup(&old))
    return renamed;
  return to.findTable(old.name);
}

void MySQLMigrationWriter::forEachEnumColumn(
    const EnumType &e,
    llvm::function_ref<void(const Table &, const Column &)> fn) const {
  for (const auto &t : to.tables)
    for (const Column &c : t->columns)
      if (c.type.kind == TypeKind::Enum && !madeLater.count(&c) &&
          QualifiedName{c.type.ns, c.type.name} == e.name)
        fn(*t, c);
}

void MySQLMigrationWriter::renameEnumValues(const Change &c) {
  // Once per enum, for all its renamed values: the list with both names of
  // each, the rows moved over, then the final list. A list per value would
  // drop the old names of the others while rows still hold them.
  if (!modifiedEnums.insert(c.toEnum).second)
    return;
  const auto &renames = valueRenames[c.toEnum];
  std::string both;
  for (const EnumValue &v : c.toEnum->values) {
    both += (both.empty() ? "" : ",") + quoteStringLiteral(Dialect::MySQL,
                                                           v.name);
    for (auto [oldName, newName] : renames)
      if (v.name == newName)
        both += "," + quoteStringLiteral(Dialect::MySQL, oldName);
  }
  forEachEnumColumn(*c.toEnum, [&](const Table &t, const Column &col) {
    out.push_back(modify(t, col, both));
    for (auto [oldName, newName] : renames)
      out.push_back(fmt::format(
          "UPDATE {} SET {} = {} WHERE {} = {}", quote(t.name.name),
          quote(col.name), quoteStringLiteral(Dialect::MySQL, newName),
          quote(col.name), quoteStringLiteral(Dialect::MySQL, oldName)));
    out.push_back(modify(t, col));
    writtenWhole.insert(&col);
  });
}

void MySQLMigrationWriter::alterTableOptions(const Change &c) {
  const TableOptions &was = c.fromTable->options, &now = c.toTable->options;
  std::vector<std::string> clauses;
  std::string options = ddl.tableOptions(*c.toTable);
  if (!options.empty())
    clauses.push_back(options);
  // An engine removed: the table goes back to the server's default.
  if (!was.engine.empty() && now.engine.empty())
    clauses.push_back("ENGINE=InnoDB");
  // The database's default collation cannot be named in a script (CHARSET
  // DEFAULT takes the charset's own default collation, not the database's).
  if (now.charset.empty() && now.collation.empty() &&
      (!was.charset.empty() || !was.collation.empty()))
    diags.report(DiagID::DialectApproximation, {},
                 fmt::format("mysql: table '{}' keeps its character set and "
                             "collation; the database's default is not "
                             "restored",
                             c.toTable->name.name));
  // The table's default only applies to columns made later: the existing
  // text columns without a collation of their own are made anew to take
  // it, as a fresh table would have them.
  bool restated = !now.charset.empty() || !now.collation.empty();
  if (restated &&
      (was.charset != now.charset || was.collation != now.collation))
    for (const Column &col : c.toTable->columns)
      if (hasCharset(col.type) && col.collation.empty() && !col.generated &&
          !madeLater.count(&col)) {
        clauses.push_back("MODIFY COLUMN " + definition(col));
        writtenWhole.insert(&col);
      }
  if (clauses.empty())
    return;
  out.push_back("ALTER TABLE " + table(c) + ' ' + llvm::join(clauses, ", "));
  if (!c.toTable->comment.empty())
    writtenWhole.insert(c.toTable);
}

void MySQLMigrationWriter::alterColumn(const Change &c) {
  // Its whole new definition was written already (with its enum's values
  // or its table's charset), or only AUTO_INCREMENT goes and went before
  // its key.
  if (writtenWhole.count(c.toColumn) ||
      (c.aspects == AspectIdentity && identityCleared.count(c.fromColumn)))
    return;
  writtenWhole.insert(c.toColumn);
  if (c.fromColumn->generated && !c.fromColumn->generated->stored &&
      !c.toColumn->generated) {
    replaceVirtualColumn(c);
    return;
  }
  // InnoDB wants an AUTO_INCREMENT column keyed at every moment: one whose
  // key comes later in the migration gets it once the key is there.
  if (c.toColumn->identity != Identity::None &&
      c.fromColumn->identity == Identity::None &&
      !isKeyedAfterDrops(*c.fromTable, c.fromColumn->name, nullptr)) {
    identityDeferred.emplace_back(c.toTable, c.toColumn);
    return;
  }
  out.push_back(modify(*c.toTable, *c.toColumn));
}

void MySQLMigrationWriter::replaceVirtualColumn(const Change &c) {
  // MariaDB cannot MODIFY a VIRTUAL column into a plain one (error 1907):
  // a new column takes its values and its place. The keys over it would go
  // with it, so those are left to a human.
  const Table &old = *c.fromTable;
  auto covers = [&](llvm::ArrayRef<StringRef> columns) {
    return llvm::is_contained(columns, c.fromColumn->name);
  };
  bool keyed = llvm::any_of(old.indexes, [&](const Index &index) {
    return llvm::any_of(index.elements, [&](const IndexElement &e) {
      const auto *ref = llvm::dyn_cast<ColumnRef>(e.expr);
      return !ref || ref->getColumn() == c.fromColumn->name;
    });
  });
  for (const auto &k : old.constraints)
    if (const auto *fk = llvm::dyn_cast<ForeignKey>(k.get()))
      keyed |= covers(fk->columns);
    else
      keyed |= covers(getMySQLKeyColumns(*k));
  if (keyed) {
    unsupported(c);
    return;
  }
  const Column &col = *c.toColumn;
  std::string temp = (col.name + "__schemac_new").str();
  Column copy = col;
  copy.name = temp;
  std::string t = table(c);
  out.push_back("ALTER TABLE " + t + " ADD COLUMN " + definition(copy));
  out.push_back("UPDATE " + t + " SET " + quote(temp) + " = " +
                quote(col.name));
  out.push_back("ALTER TABLE " + t + " DROP COLUMN " + quote(col.name));
  out.push_back("ALTER TABLE " + t + " RENAME COLUMN " + quote(temp) +
                " TO " + quote(col.name));
}

bool MySQLMigrationWriter::isKeyedAfterDrops(const Table &t, StringRef column,
                                             const void *except) const {
  auto keeps = [&](const void *key, llvm::ArrayRef<StringRef> columns) {
    return key != except && !droppedKeys.count(key) && !columns.empty() &&
           columns.front() == column;
  };
  for (const auto &k : t.constraints)
    if (keeps(k.get(), getMySQLKeyColumns(*k)))
      return true;
  return llvm::any_of(t.indexes, [&](const Index &index) {
    return keeps(&index, getMySQLKeyColumns(index));
  });
}

void MySQLMigrationWriter::beforeKeyDrop(const Table &t,
                                         llvm::ArrayRef<StringRef> columns) {
  // An AUTO_INCREMENT column that loses it: lose it before its key goes.
  if (!columns.empty())
    if (const Column *col = t.findColumn(columns.front()))
      if (identityLost.count(col) && identityCleared.insert(col).second) {
        Column plain = *col;
        plain.identity = Identity::None;
        out.push_back(modify(t, plain));
      }
  // A kept foreign key backed by a key in the old table but by its own
  // index in the new one: the index comes first, or InnoDB refuses the
  // drop (error 1553).
  const Table *now = newTableOf(t);
  if (!now)
    return;
  for (const auto &k : t.constraints) {
    const auto *fk = llvm::dyn_cast<ForeignKey>(k.get());
    if (!fk || droppedKeys.count(fk) || ddl.foreignKeyIndex(t, *fk))
      continue;
    const ForeignKey *kept = findForeignKey(*now, fk->name);
    if (kept && ddl.foreignKeyIndex(*now, *kept) &&
        foreignKeyIndexDone.insert(kept).second)
      out.push_back(ddl.createForeignKeyIndex(t.name.name, *fk));
  }
}

void MySQLMigrationWriter::afterKeyAdd(const Change &c,
                                       llvm::ArrayRef<StringRef> columns) {
  // A column whose AUTO_INCREMENT waited for this key.
  llvm::erase_if(identityDeferred, [&](const auto &pending) {
    if (pending.first != c.toTable || columns.empty() ||
        columns.front() != pending.second->name)
      return false;
    out.push_back(modify(*pending.first, *pending.second));
    return true;
  });
  // A kept foreign key that had its own index and is backed by this key
  // now: its index goes, as the new schema's export has none.
  if (!c.fromTable)
    return;
  for (const auto &k : c.toTable->constraints) {
    const auto *fk = llvm::dyn_cast<ForeignKey>(k.get());
    if (!fk || addedForeignKeys.count(fk) || !startsWith(columns, fk->columns))
      continue;
    const ForeignKey *was = findForeignKey(*c.fromTable, fk->name);
    if (was && ddl.foreignKeyIndex(*c.fromTable, *was) &&
        !ddl.foreignKeyIndex(*c.toTable, *fk) &&
        foreignKeyIndexDone.insert(fk).second)
      out.push_back("DROP INDEX " + quote(fk->name) + " ON " + table(c));
  }
}

void MySQLMigrationWriter::dropConstraint(const Change &c) {
  const Constraint &k = *c.fromConstraint;
  if (const auto *fk = llvm::dyn_cast<ForeignKey>(&k)) {
    dropForeignKey(c, fk->name);
    return;
  }
  if (!llvm::isa<CheckConstraint>(k))
    beforeKeyDrop(*c.fromTable, getMySQLKeyColumns(k));
  std::string prefix = "ALTER TABLE " + table(c);
  if (llvm::isa<PrimaryKey>(k)) {
    // A kept AUTO_INCREMENT column keyed only by it: the key is replaced in
    // one statement when the new one is added (InnoDB error 1075).
    StringRef first = getMySQLKeyColumns(k).front();
    const Column *col = c.fromTable->findColumn(first);
    const Table *now = newTableOf(*c.fromTable);
    if (col && col->identity != Identity::None && !identityLost.count(col) &&
        now && primaryKeyAdded.count(now) &&
        !isKeyedAfterDrops(*c.fromTable, first, &k)) {
      primaryKeyDropDeferred.insert(now);
      return;
    }
    out.push_back(prefix + " DROP PRIMARY KEY");
  } else if (llvm::isa<UniqueConstraint>(k)) {
    out.push_back(prefix + " DROP INDEX " + quote(k.name));
  } else {
    out.push_back(prefix + " DROP CONSTRAINT " + quote(k.name));
  }
}

void MySQLMigrationWriter::dropForeignKey(const Change &c,
                                          StringRef liveName) {
  std::string prefix = "ALTER TABLE " + table(c);
  const auto &fk = llvm::cast<ForeignKey>(*c.fromConstraint);
  out.push_back(prefix + " DROP FOREIGN KEY " + quote(liveName));
  // The index made for it goes too, when the export made one.
  if (ddl.foreignKeyIndex(*c.fromTable, fk))
    out.push_back(prefix + " DROP INDEX " + quote(fk.name));
}

void MySQLMigrationWriter::renameForeignKey(const Change &c) {
  // RENAME TABLE renames the foreign keys named `<old>_ibfk_<n>` to
  // `<new>_ibfk_<n>`, not the indexes made for them.
  const auto &was = llvm::cast<ForeignKey>(*c.fromConstraint);
  const auto &now = llvm::cast<ForeignKey>(*c.toConstraint);
  std::string liveName = was.name.str();
  StringRef oldTable = c.fromTable->name.name, newTable = c.toTable->name.name;
  std::string innoPrefix = (oldTable + "_ibfk_").str();
  if (oldTable != newTable && StringRef(liveName).starts_with(innoPrefix))
    liveName = newTable.str() + liveName.substr(oldTable.size());
  if (liveName != now.name) {
    // Foreign keys cannot be renamed: made anew.
    dropForeignKey(c, liveName);
    Change add = c;
    add.kind = ChangeKind::AddConstraint;
    write(add);
    return;
  }
  std::optional<std::string> oldIndex = ddl.foreignKeyIndex(*c.fromTable, was);
  std::optional<std::string> newIndex = ddl.foreignKeyIndex(*c.toTable, now);
  if (oldIndex && newIndex)
    out.push_back("ALTER TABLE " + table(c) + " RENAME INDEX " +
                  quote(was.name) + " TO " + quote(now.name));
  else if (oldIndex)
    out.push_back("DROP INDEX " + quote(was.name) + " ON " + table(c));
  else if (newIndex)
    out.push_back(*newIndex);
}

bool MySQLMigrationWriter::isWrittenWhole(const Change &comment) const {
  if (comment.toColumn)
    return writtenWhole.count(comment.toColumn) ||
           createdTables.count(comment.toTable);
  if (comment.toIndex)
    return writtenWhole.count(comment.toIndex);
  return comment.toTable && writtenWhole.count(comment.toTable);
}

void MySQLMigrationWriter::write(const Change &c) {
  switch (c.kind) {
  case ChangeKind::CreateEnum:
  case ChangeKind::DropEnum:
  case ChangeKind::RenameEnum:
    return; // enums live in their columns
  case ChangeKind::AddEnumValue:
  case ChangeKind::RebuildEnum:
    // Once per enum: the column definition carries every value.
    if (modifiedEnums.insert(c.toEnum).second)
      forEachEnumColumn(*c.toEnum, [&](const Table &t, const Column &col) {
        out.push_back(modify(t, col));
        writtenWhole.insert(&col);
      });
    return;
  case ChangeKind::RenameEnumValue:
    renameEnumValues(c);
    return;
  case ChangeKind::CreateTable:
    out.push_back(ddl.createTable(*c.toTable));
    writtenWhole.insert(c.toTable);
    createdTables.insert(c.toTable);
    return;
  case ChangeKind::DropTable:
    out.push_back("DROP TABLE " + quote(c.fromTable->name.name));
    return;
  case ChangeKind::RenameTable:
    out.push_back("RENAME TABLE " + quote(c.fromTable->name.name) + " TO " +
                  quote(c.toTable->name.name));
    return;
  case ChangeKind::AlterTableOptions:
    alterTableOptions(c);
    return;
  case ChangeKind::AddColumn:
    writtenWhole.insert(c.toColumn);
    out.push_back("ALTER TABLE " + table(c) + " ADD COLUMN " +
                  StringRef(ddl.columnDefinition(*c.toColumn)).ltrim().str());
    return;
  case ChangeKind::DropColumn:
    out.push_back("ALTER TABLE " + table(c) + " DROP COLUMN " +
                  quote(c.fromColumn->name));
    return;
  case ChangeKind::RenameColumn:
    out.push_back("ALTER TABLE " + table(c) + " RENAME COLUMN " +
                  quote(c.fromColumn->name) + " TO " + quote(c.toColumn->name));
    return;
  case ChangeKind::AlterColumn:
    alterColumn(c);
    return;
  case ChangeKind::AddConstraint:
    if (const auto *fk = llvm::dyn_cast<ForeignKey>(c.toConstraint)) {
      if (std::optional<std::string> index =
              ddl.foreignKeyIndex(*c.toTable, *fk))
        out.push_back(*index);
      out.push_back(ddl.addForeignKey(*c.toTable, *fk));
      return;
    }
    if (llvm::isa<PrimaryKey>(c.toConstraint) &&
        primaryKeyDropDeferred.erase(c.toTable))
      out.push_back("ALTER TABLE " + table(c) + " DROP PRIMARY KEY, ADD " +
                    ddl.keyDefinition(*c.toConstraint));
    else
      out.push_back("ALTER TABLE " + table(c) + " ADD " +
                    ddl.keyDefinition(*c.toConstraint));
    afterKeyAdd(c, getMySQLKeyColumns(*c.toConstraint));
    return;
  case ChangeKind::DropConstraint:
    dropConstraint(c);
    return;
  case ChangeKind::RenameConstraint:
    // The primary key is always PRIMARY; a unique key is an index.
    if (llvm::isa<PrimaryKey>(c.toConstraint))
      return;
    if (llvm::isa<UniqueConstraint>(c.toConstraint)) {
      out.push_back("ALTER TABLE " + table(c) + " RENAME INDEX " +
                    quote(c.fromConstraint->name) + " TO " +
                    quote(c.toConstraint->name));
      return;
    }
    if (llvm::isa<ForeignKey>(c.toConstraint)) {
      renameForeignKey(c);
      return;
    }
    // Checks cannot be renamed: made anew.
    {
      dropConstraint(c);
      Change add = c;
      add.kind = ChangeKind::AddConstraint;
      write(add);
    }
    return;
  case ChangeKind::CreateIndex:
    out.push_back(ddl.createIndex(*c.toTable, *c.toIndex));
    writtenWhole.insert(c.toIndex);
    afterKeyAdd(c, getMySQLKeyColumns(*c.toIndex));
    return;
  case ChangeKind::DropIndex:
    beforeKeyDrop(*c.fromTable, getMySQLKeyColumns(*c.fromIndex));
    out.push_back("DROP INDEX " + quote(c.fromIndex->name) + " ON " +
                  table(c));
    return;
  case ChangeKind::RenameIndex:
    out.push_back("ALTER TABLE " + table(c) + " RENAME INDEX " +
                  quote(c.fromIndex->name) + " TO " + quote(c.toIndex->name));
    return;
  case ChangeKind::CreateView:
    out.push_back(ddl.createView(*c.toView));
    return;
  case ChangeKind::DropView:
    out.push_back("DROP VIEW " + quote(c.fromView->name.name));
    return;
  case ChangeKind::SetComment:
    // Written with the definition of what the migration made or modified.
    if (isWrittenWhole(c))
      return;
    if (c.toColumn) {
      out.push_back(modify(*c.toTable, *c.toColumn));
    } else if (c.toIndex) { // an index comment: the index made anew
      out.push_back("DROP INDEX " + quote(c.toIndex->name) + " ON " +
                    table(c));
      out.push_back(ddl.createIndex(*c.toTable, *c.toIndex));
    } else if (c.toTable) {
      out.push_back("ALTER TABLE " + table(c) + " COMMENT = " +
                    quoteStringLiteral(Dialect::MySQL, c.toTable->comment));
    }
    return; // enums and views keep no comment on MySQL
  default:
    unsupported(c);
    return;
  }
}

std::optional<std::string> MySQLMigrationWriter::write(const Migration &m) {
  collect(m);
  planLiftedForeignKeys(m);
  for (size_t i = 0; i < m.changes.size(); ++i) {
    liftForeignKeys(m.changes[i]);
    write(m.changes[i]);
    restoreForeignKeys(i);
  }
  // AUTO_INCREMENT whose key never came: written anyway, MySQL says why.
  for (auto [t, col] : identityDeferred)
    out.push_back(modify(*t, *col));
  if (!ok || diags.hasErrors() || ddl.hasErrors())
    return std::nullopt;
  return joinStatements(out);
}

} // namespace

std::optional<std::string>
backends::writeMySQLMigration(const Migration &migration, const Schema &to,
                              DiagnosticEngine &diags) {
  return MySQLMigrationWriter(to, diags).write(migration);
}
