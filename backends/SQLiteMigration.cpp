//===- SQLiteMigration.cpp - a Migration IR as a SQLite 3.40 script -------===//
//
// SQLite alters little in place: it renames tables and columns, adds simple
// columns, and creates and drops indexes and views. Every other change to a
// table (a column's type, nullability or default, a key, a check, a dropped
// column, an enum's values, a comment) rebuilds the table the way the SQLite
// documentation prescribes: create the new table under a temporary name,
// copy the rows, drop the old table, rename the new one, create its indexes.
//
// Foreign keys are switched off around the whole script (PRAGMA
// foreign_keys is a no-op inside a transaction), so dropping a rebuilt
// parent never deletes its children through ON DELETE CASCADE;
// `PRAGMA foreign_key_check` runs before COMMIT and must print nothing.
// The rebuild's rename runs with legacy_alter_table on, so the views and
// foreign keys that name the table keep naming it.
//
//===----------------------------------------------------------------------===//

#include "backends/MigrationSQL.h"
#include "backends/SQLFragments.h"
#include "backends/SQLQuoting.h"
#include "backends/SQLiteDDL.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

/// A default ADD COLUMN takes: a literal (SQLite refuses expressions).
bool isConstantDefault(const Expr *e) {
  if (const auto *u = llvm::dyn_cast<UnaryExpr>(e))
    return u->getOp() == UnaryOp::Neg && llvm::isa<NumberLiteral>(u->getOperand());
  return llvm::isa<NullLiteral, BoolLiteral, NumberLiteral, StringLiteral>(e);
}

/// Whether ALTER TABLE ADD COLUMN can add `c` as the new schema has it.
bool canAddInPlace(const Column &c) {
  if (c.generated || c.identity != Identity::None || !c.comment.empty() ||
      c.type.kind == TypeKind::Enum) // its CHECK is easier rebuilt
    return false;
  if (c.defaultValue)
    return isConstantDefault(c.defaultValue);
  return c.nullable;
}

class SQLiteMigrationWriter {
public:
  SQLiteMigrationWriter(const Schema &from, const Schema &to,
                        DiagnosticEngine &diags)
      : from(from), to(to), diags(diags), ddl(to, diags) {}

  std::optional<std::string> write(const Migration &m);

private:
  std::string quote(StringRef name) const { return ddl.quote(name); }
  /// The old table that becomes `t`, and the new table `t` becomes
  /// (through a rename or by name); null if there is none.
  const Table *oldTableOf(const Table &t) const;
  const Table *newTableOf(const Table &t) const;
  void planRebuilds(const Migration &m);
  void rebuild(const Table &t);
  /// What the copy of a rebuild selects for new column `c` from its old
  /// self `was` (named `source`): the column, or for an enum with renamed
  /// values a CASE mapping them, since the new CHECK refuses the old names.
  std::string copySource(const Column &c, const Column &was,
                         StringRef source) const;
  /// Whether the change is done by its table's rebuild (or by CREATE TABLE
  /// of a new table) and writes nothing itself.
  bool coveredByTable(const Change &c) const;
  void write(const Change &c);
  void unsupported(const Change &c) {
    diags.report(DiagID::MigrationUnsupported, {},
                 fmt::format("sqlite: cannot migrate '{}'",
                             describeChange(c)));
    ok = false;
  }

  const Schema &from, &to;
  DiagnosticEngine &diags;
  SQLiteDDL ddl;
  std::vector<std::string> out;
  /// New tables rebuilt, in schema order, and the old tables they replace.
  std::vector<const Table *> rebuilt;
  llvm::DenseSet<const Table *> rebuiltNew, rebuiltOld, created;
  /// Renamed tables: old -> new and new -> old.
  llvm::DenseMap<const Table *, const Table *> renamedTo, renamedFrom;
  /// (new table, new column) -> old column name, for renamed columns.
  llvm::DenseMap<const Column *, StringRef> columnSource;
  /// New enum -> its renamed values (old name, new name).
  llvm::DenseMap<const EnumType *,
                  std::vector<std::pair<StringRef, StringRef>>>
      valueRenames;
  bool ok = true;
};

const Table *SQLiteMigrationWriter::oldTableOf(const Table &t) const {
  if (const Table *old = renamedFrom.lookup(&t))
    return old;
  return from.findTable(t.name);
}

const Table *SQLiteMigrationWriter::newTableOf(const Table &t) const {
  if (const Table *renamed = renamedTo.lookup(&t))
    return renamed;
  return to.findTable(t.name);
}

void SQLiteMigrationWriter::planRebuilds(const Migration &m) {
  llvm::DenseSet<const Table *> rebuild;
  auto enumTables = [&](const EnumType &e) {
    for (const auto &t : to.tables)
      for (const Column &c : t->columns)
        if (c.type.kind == TypeKind::Enum &&
            QualifiedName{c.type.ns, c.type.name} == e.name)
          rebuild.insert(t.get());
  };
  // What is created and renamed first: keys are dropped before tables are
  // renamed, and a dropped key must find its table's new self.
  for (const Change &c : m.changes) {
    if (c.kind == ChangeKind::CreateTable) {
      created.insert(c.toTable);
    } else if (c.kind == ChangeKind::RenameTable) {
      renamedTo[c.fromTable] = c.toTable;
      renamedFrom[c.toTable] = c.fromTable;
    } else if (c.kind == ChangeKind::RenameColumn) {
      columnSource[c.toColumn] = c.fromColumn->name;
    } else if (c.kind == ChangeKind::RenameEnumValue) {
      valueRenames[c.toEnum].emplace_back(c.value, c.otherValue);
    }
  }
  for (const Change &c : m.changes) {
    switch (c.kind) {
    case ChangeKind::AddColumn:
      if (!canAddInPlace(*c.toColumn))
        rebuild.insert(c.toTable);
      break;
    case ChangeKind::AlterTableOptions: // only SQLite's own count
      if (c.fromTable->options.strict != c.toTable->options.strict ||
          c.fromTable->options.withoutRowid != c.toTable->options.withoutRowid)
        rebuild.insert(c.toTable);
      break;
    case ChangeKind::AlterColumn:
    case ChangeKind::DropColumn:
      rebuild.insert(c.toTable);
      break;
    case ChangeKind::RenameConstraint:
      // Only a name written in the table's text needs the table anew;
      // derived ones (sqlite_autoindex_*) follow a table rename by
      // themselves. Indexes are dropped and created in place.
      if (c.fromConstraint->nameExplicit || c.toConstraint->nameExplicit)
        rebuild.insert(c.toTable);
      break;
    case ChangeKind::AddConstraint:
      if (c.toTable && !created.count(c.toTable))
        rebuild.insert(c.toTable);
      break;
    case ChangeKind::DropConstraint:
      // Of a table that stays (a dropped one's go with it).
      if (const Table *t = newTableOf(*c.fromTable))
        rebuild.insert(t);
      break;
    case ChangeKind::SetComment:
      if (c.toTable && !created.count(c.toTable))
        rebuild.insert(c.toTable);
      break;
    case ChangeKind::AddEnumValue:
    case ChangeKind::RenameEnumValue:
    case ChangeKind::RebuildEnum:
      enumTables(*c.toEnum);
      break;
    default:
      break;
    }
  }
  for (const auto &t : to.tables)
    if (rebuild.count(t.get()) && !created.count(t.get())) {
      rebuilt.push_back(t.get());
      rebuiltNew.insert(t.get());
      if (const Table *old = oldTableOf(*t))
        rebuiltOld.insert(old);
    }
}

void SQLiteMigrationWriter::rebuild(const Table &t) {
  const Table *old = oldTableOf(t);
  std::string temp = (t.name.name + "__schemac_new").str();
  out.push_back(ddl.createTable(t, temp));
  // Copy what each new column had: its old self, or what it was renamed
  // from; new and generated columns take their defaults or expressions. A
  // generated column made plain keeps its values: SELECT reads them.
  std::vector<StringRef> targets;
  std::vector<std::string> sources;
  for (const Column &c : t.columns) {
    if (c.generated)
      continue;
    auto renamed = columnSource.find(&c);
    StringRef source =
        renamed != columnSource.end() ? renamed->second : StringRef(c.name);
    const Column *was = old ? old->findColumn(source) : nullptr;
    if (!was)
      continue;
    targets.push_back(c.name);
    sources.push_back(copySource(c, *was, source));
  }
  if (!targets.empty())
    out.push_back(fmt::format("INSERT INTO {} ({}) SELECT {} FROM {}",
                              quote(temp),
                              quoteIdentifierList(Dialect::SQLite, targets),
                              llvm::join(sources, ", "), quote(t.name.name)));
  out.push_back("DROP TABLE " + quote(t.name.name));
  out.push_back("PRAGMA legacy_alter_table = ON");
  out.push_back("ALTER TABLE " + quote(temp) + " RENAME TO " +
                quote(t.name.name));
  out.push_back("PRAGMA legacy_alter_table = OFF");
  for (const Index &index : t.indexes)
    out.push_back(ddl.createIndex(t, index));
}

std::string SQLiteMigrationWriter::copySource(const Column &c,
                                              const Column &was,
                                              StringRef source) const {
  std::string column = quote(source);
  if (c.type.kind != TypeKind::Enum || was.type.kind != TypeKind::Enum)
    return column;
  const EnumType *e = to.findEnum({c.type.ns, c.type.name});
  auto renames = valueRenames.find(e);
  if (!e || renames == valueRenames.end())
    return column;
  std::string text = "CASE " + column;
  for (auto [oldName, newName] : renames->second)
    text += " WHEN " + quoteStringLiteral(Dialect::SQLite, oldName) +
            " THEN " + quoteStringLiteral(Dialect::SQLite, newName);
  return text + " ELSE " + column + " END";
}

bool SQLiteMigrationWriter::coveredByTable(const Change &c) const {
  switch (c.kind) {
  case ChangeKind::AddColumn:
  case ChangeKind::AlterColumn:
  case ChangeKind::AlterTableOptions:
  case ChangeKind::DropColumn:
  case ChangeKind::RenameColumn:
  case ChangeKind::RenameConstraint:
  case ChangeKind::RenameIndex:
  case ChangeKind::AddConstraint:
  case ChangeKind::CreateIndex:
  case ChangeKind::SetComment:
    return c.toTable &&
           (rebuiltNew.count(c.toTable) ||
            (created.count(c.toTable) && c.kind != ChangeKind::CreateIndex));
  case ChangeKind::DropConstraint:
  case ChangeKind::DropIndex:
    return rebuiltOld.count(c.fromTable) != 0;
  default:
    return false;
  }
}

void SQLiteMigrationWriter::write(const Change &c) {
  if (coveredByTable(c))
    return;
  switch (c.kind) {
  case ChangeKind::CreateEnum:
  case ChangeKind::DropEnum:
  case ChangeKind::RenameEnum:
  case ChangeKind::AddEnumValue:
  case ChangeKind::RenameEnumValue:
  case ChangeKind::RebuildEnum:
  case ChangeKind::DropConstraint: // of a dropped table: goes with it
  case ChangeKind::AlterTableOptions: // another dialect's options
    return; // SQLite has no enum types: their CHECKs live in the tables
  case ChangeKind::CreateTable:
    out.push_back(ddl.createTable(*c.toTable));
    return;
  case ChangeKind::DropTable:
    out.push_back("DROP TABLE " + quote(c.fromTable->name.name));
    return;
  case ChangeKind::RenameTable:
    out.push_back("ALTER TABLE " + quote(c.fromTable->name.name) +
                  " RENAME TO " + quote(c.toTable->name.name));
    return;
  case ChangeKind::AddColumn:
    out.push_back("ALTER TABLE " + quote(c.toTable->name.name) +
                  " ADD COLUMN " +
                  StringRef(ddl.columnDefinition(*c.toTable, *c.toColumn))
                      .ltrim()
                      .str());
    return;
  case ChangeKind::RenameColumn:
    out.push_back("ALTER TABLE " + quote(c.toTable->name.name) +
                  " RENAME COLUMN " + quote(c.fromColumn->name) + " TO " +
                  quote(c.toColumn->name));
    return;
  case ChangeKind::CreateIndex:
    out.push_back(ddl.createIndex(*c.toTable, *c.toIndex));
    return;
  case ChangeKind::DropIndex:
    out.push_back("DROP INDEX " + quote(c.fromIndex->name));
    return;
  case ChangeKind::RenameIndex: // SQLite has no ALTER INDEX ... RENAME
    out.push_back("DROP INDEX " + quote(c.fromIndex->name));
    out.push_back(ddl.createIndex(*c.toTable, *c.toIndex));
    return;
  case ChangeKind::RenameConstraint:
    return; // a derived name, kept by SQLite itself (see planRebuilds)
  case ChangeKind::CreateView:
    out.push_back(ddl.createView(*c.toView));
    return;
  case ChangeKind::DropView:
    out.push_back("DROP VIEW " + quote(c.fromView->name.name));
    return;
  case ChangeKind::SetComment:
    if (c.toView) { // kept in the view's text: made anew
      out.push_back("DROP VIEW " + quote(c.toView->name.name));
      out.push_back(ddl.createView(*c.toView));
      return;
    }
    if (c.toEnum)
      return; // nowhere to keep it (a dialect-approximation warning)
    unsupported(c);
    return;
  default:
    unsupported(c);
    return;
  }
}

std::optional<std::string> SQLiteMigrationWriter::write(const Migration &m) {
  planRebuilds(m);
  // Rebuilds run once every rename is done and before anything is added,
  // so they see the old columns under their old names and the new table
  // gets everything at once.
  auto isEarly = [](const Change &c) {
    switch (c.kind) {
    case ChangeKind::DropView:
    case ChangeKind::DropConstraint:
    case ChangeKind::DropIndex:
    case ChangeKind::RenameTable:
    case ChangeKind::RenameColumn:
    case ChangeKind::RenameConstraint:
    case ChangeKind::RenameIndex:
    case ChangeKind::RenameEnum:
    case ChangeKind::RenameEnumValue:
      return true;
    default:
      return false;
    }
  };
  bool rebuiltYet = false;
  for (const Change &c : m.changes) {
    if (!rebuiltYet && !isEarly(c)) {
      for (const Table *t : rebuilt)
        rebuild(*t);
      rebuiltYet = true;
    }
    write(c);
  }
  if (!rebuiltYet)
    for (const Table *t : rebuilt)
      rebuild(*t);
  if (!ok || diags.hasErrors() || ddl.hasErrors())
    return std::nullopt;
  if (out.empty())
    return std::string();
  std::vector<std::string> script{"PRAGMA foreign_keys = OFF", "BEGIN"};
  script.insert(script.end(), out.begin(), out.end());
  script.push_back("PRAGMA foreign_key_check");
  script.push_back("COMMIT");
  script.push_back("PRAGMA foreign_keys = ON");
  return "-- Foreign keys are off while the tables change (no cascading "
         "deletes);\n-- foreign_key_check must print nothing before "
         "COMMIT.\n\n" +
         joinStatements(script);
}

} // namespace

std::optional<std::string>
backends::writeSQLiteMigration(const Migration &migration, const Schema &from,
                               const Schema &to, DiagnosticEngine &diags) {
  return SQLiteMigrationWriter(from, to, diags).write(migration);
}
