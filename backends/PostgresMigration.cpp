//===- PostgresMigration.cpp - a Migration IR as PostgreSQL 15 statements -===//
//
// Every change becomes ALTER/CREATE/DROP statements built from PostgresDDL.
// Legalization for PostgreSQL happens here: an enum that loses or reorders
// values is rebuilt (rename the old type, create the new one, convert each
// column through text, drop the old), and a column type change converts
// its values with USING.
//
//===----------------------------------------------------------------------===//

#include "backends/MigrationSQL.h"
#include "backends/PostgresDDL.h"
#include "backends/SQLFragments.h"
#include "backends/SQLTypes.h"
#include "ir/Naming.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

bool isStringKind(TypeKind k) {
  return k == TypeKind::Text || k == TypeKind::Varchar || k == TypeKind::Char;
}

/// Both text types of the same shape: the change needs no USING.
bool isStringToString(const Type &from, const Type &to) {
  return isStringKind(from.kind) && isStringKind(to.kind) &&
         from.arrayDims == to.arrayDims;
}

} // namespace

namespace {

class PostgresMigrationWriter {
public:
  PostgresMigrationWriter(DiagnosticEngine &diags,
                          const MigrationSQLOptions &options)
      : diags(diags), options(options), ddl(diags) {}

  std::optional<std::string> write(const Migration &migration);

private:
  void emit(std::string statement) { out.push_back(std::move(statement)); }
  /// The table a change names, as it is called when the change runs.
  const QualifiedName &currentTable(const Change &c) const {
    return c.toTable ? c.toTable->name : c.fromTable->name;
  }
  std::string alterTable(const Change &c) const {
    return "ALTER TABLE " + ddl.quote(currentTable(c));
  }
  /// RENAME TO, then SET SCHEMA when the namespace changed too.
  void renameObject(StringRef what, const QualifiedName &from,
                    const QualifiedName &to, bool isType = false);
  void rebuildEnum(const Change &c);
  void alterColumn(const Change &c);
  /// The sequence of a serial column: its drop before, its creation after
  /// the column's other changes.
  void dropSerialSequence(const Change &c);
  void makeSerial(const Change &c);
  /// New values of an identity or serial column continue after the rows'.
  void continueAfterRows(const Change &c, const std::string &sequence);
  void alterSequence(const Change &c);
  void write(const Change &c);

  DiagnosticEngine &diags;
  const MigrationSQLOptions &options;
  PostgresDDL ddl;
  /// Statements that cannot run inside a transaction were written.
  bool concurrent = false;
  /// Old table key -> new namespace, for tables that change namespace:
  /// PostgreSQL moves the sequences they own with them.
  llvm::StringMap<StringRef> movedTables;
  std::vector<std::string> out;
};

void PostgresMigrationWriter::renameObject(StringRef what,
                                           const QualifiedName &from,
                                           const QualifiedName &to,
                                           bool isType) {
  auto name = [&](const QualifiedName &n) {
    return isType ? ddl.enumName(n) : ddl.quote(n);
  };
  QualifiedName current = from;
  if (from.name != to.name) {
    emit(fmt::format("ALTER {} {} RENAME TO {}", what.str(), name(from),
                     ddl.quote(to.name)));
    current.name = to.name;
  }
  if (from.ns != to.ns)
    emit(fmt::format("ALTER {} {} SET SCHEMA {}", what.str(), name(current),
                     ddl.quote(to.ns.empty() ? StringRef("public") : to.ns)));
}

void PostgresMigrationWriter::rebuildEnum(const Change &c) {
  // The old type steps aside under a name no schema uses, so the new one
  // can take its name; columns convert through text, so a removed value
  // still in use fails the statement rather than vanishing.
  QualifiedName name = c.toEnum->name;
  std::string oldName = (llvm::Twine(name.name) + "__schemac_old").str();
  emit(fmt::format("ALTER TYPE {} RENAME TO {}", ddl.enumName(name),
                   ddl.quote(oldName)));
  emit(ddl.createEnum(*c.toEnum));
  for (const EnumColumnUse &use : c.enumColumns) {
    std::string table = "ALTER TABLE " + ddl.quote(use.table);
    std::string column = ddl.quote(use.column);
    if (use.hasDefault)
      emit(fmt::format("{} ALTER COLUMN {} DROP DEFAULT", table, column));
    std::string brackets;
    for (unsigned i = 0; i < use.arrayDims; ++i)
      brackets += "[]";
    emit(fmt::format("{} ALTER COLUMN {} TYPE {}{} USING {}::text{}::{}{}",
                     table, column, ddl.enumName(name), brackets, column,
                     brackets, ddl.enumName(name), brackets));
  }
  emit("DROP TYPE " + ddl.enumName({name.ns, oldName}));
}

void PostgresMigrationWriter::alterColumn(const Change &c) {
  const Column &a = *c.fromColumn, &b = *c.toColumn;
  std::string prefix = alterTable(c) + " ALTER COLUMN " + ddl.quote(b.name);
  bool identityChanged = c.aspects & AspectIdentity;
  if (identityChanged && a.identity == Identity::Serial)
    dropSerialSequence(c);
  else if (identityChanged && a.identity != Identity::None &&
           (b.identity == Identity::None || b.identity == Identity::Serial))
    emit(prefix + " DROP IDENTITY");
  if (c.aspects & AspectGenerated)
    emit(prefix + " DROP EXPRESSION");
  // A default that cannot be cast to the new type would stop the change:
  // it goes first and is set again after.
  bool retype = c.aspects & (AspectType | AspectCollation);
  bool resetDefault = (c.aspects & AspectDefault) ||
                      (retype && a.defaultValue && b.defaultValue);
  if (a.defaultValue && (resetDefault || retype))
    emit(prefix + " DROP DEFAULT");
  if (retype) {
    // A serial spelling is no type: its sequence is made separately.
    Column plain = b;
    if (plain.identity == Identity::Serial)
      plain.identity = Identity::None;
    std::string type = ddl.columnType(plain);
    std::string text = prefix + " TYPE " + type;
    if (!b.collation.empty())
      text += " COLLATE " + ddl.quote(b.collation);
    // USING col::type is an explicit cast, which silently truncates text
    // to a shorter varchar or char; between string types the assignment
    // cast PostgreSQL applies without USING fails on a value too long.
    if ((c.aspects & AspectType) && !isStringToString(a.type, b.type))
      text += " USING " + ddl.quote(b.name) + "::" + type;
    emit(text);
  }
  if (b.defaultValue && (resetDefault || !a.defaultValue))
    emit(prefix + " SET DEFAULT " + ddl.operand(b.defaultValue));
  if (c.aspects & AspectNullability)
    emit(prefix + (b.nullable ? " DROP NOT NULL" : " SET NOT NULL"));
  if (!identityChanged || b.identity == Identity::None)
    return;
  if (b.identity == Identity::Serial) {
    makeSerial(c);
    return;
  }
  StringRef kind = b.identity == Identity::Always ? "ALWAYS" : "BY DEFAULT";
  if (a.identity == Identity::Always || a.identity == Identity::ByDefault) {
    emit(fmt::format("{} SET GENERATED {}", prefix, kind.str()));
    return;
  }
  emit(fmt::format("{} ADD GENERATED {} AS IDENTITY", prefix, kind.str()));
  continueAfterRows(c, fmt::format("pg_get_serial_sequence({}, {})",
                                   ddl.literal(ddl.quote(currentTable(c))),
                                   ddl.literal(b.name)));
}

void PostgresMigrationWriter::dropSerialSequence(const Change &c) {
  // The sequence's name is whatever PostgreSQL chose when the column was
  // made (renames of the table do not rename it), so it is looked up.
  const Column &b = *c.toColumn;
  emit(alterTable(c) + " ALTER COLUMN " + ddl.quote(b.name) + " DROP DEFAULT");
  emit(fmt::format("DO $schemac$ BEGIN EXECUTE 'DROP SEQUENCE ' || "
                   "pg_get_serial_sequence({}, {}); END $schemac$",
                   ddl.literal(ddl.quote(currentTable(c))),
                   ddl.literal(b.name)));
}

void PostgresMigrationWriter::makeSerial(const Change &c) {
  // The name PostgreSQL gives a serial's sequence: <table>_<column>_seq.
  const Column &b = *c.toColumn;
  QualifiedName table = currentTable(c);
  QualifiedName sequence{table.ns,
                         ir::makeObjectName(table.name, b.name, "seq")};
  std::string name = ddl.quote(sequence);
  emit(fmt::format("CREATE SEQUENCE {} AS {} OWNED BY {}.{}", name,
                   getPostgresTypeName(b.type), ddl.quote(table),
                   ddl.quote(b.name)));
  continueAfterRows(c, ddl.literal(name));
  emit(fmt::format("{} ALTER COLUMN {} SET DEFAULT nextval({}::regclass)",
                   alterTable(c), ddl.quote(b.name), ddl.literal(name)));
}

void PostgresMigrationWriter::continueAfterRows(const Change &c,
                                                const std::string &sequence) {
  std::string column = ddl.quote(c.toColumn->name);
  emit(fmt::format("SELECT setval({}, COALESCE(max({}), 0) + 1, false) FROM {}",
                   sequence, column, ddl.quote(currentTable(c))));
}

void PostgresMigrationWriter::alterSequence(const Change &c) {
  const Sequence &b = *c.toSequence;
  std::string text = "ALTER SEQUENCE " + ddl.quote(b.name);
  size_t bare = text.size();
  if (const Sequence *a = c.fromSequence) {
    if (!(a->type == b.type))
      text += " AS " + getPostgresTypeName(b.type);
    auto option = [&](const std::optional<int64_t> &x,
                      const std::optional<int64_t> &y, StringRef set,
                      StringRef none) {
      if (x == y)
        return;
      text += y ? fmt::format(" {} {}", set.str(), *y) : " " + none.str();
    };
    option(a->increment, b.increment, "INCREMENT BY", "INCREMENT BY 1");
    option(a->minValue, b.minValue, "MINVALUE", "NO MINVALUE");
    option(a->maxValue, b.maxValue, "MAXVALUE", "NO MAXVALUE");
    // START WITH changes what RESTART goes back to, not the current value.
    // Unset, it is the first value of the range: the minimum going up, the
    // maximum going down.
    bool ascending = b.increment.value_or(1) > 0;
    std::string defaultStart = fmt::format(
        "START WITH {}", ascending ? b.minValue.value_or(1)
                                   : b.maxValue.value_or(-1));
    option(a->start, b.start, "START WITH", defaultStart);
    option(a->cache, b.cache, "CACHE", "CACHE 1");
    if (a->cycle != b.cycle)
      text += b.cycle ? " CYCLE" : " NO CYCLE";
  }
  bool ownerChanged =
      !c.fromSequence ||
      c.fromSequence->ownedBy.has_value() != b.ownedBy.has_value() ||
      (b.ownedBy && (c.fromSequence->ownedBy->table != b.ownedBy->table ||
                     c.fromSequence->ownedBy->column != b.ownedBy->column));
  if (ownerChanged)
    text += b.ownedBy ? " OWNED BY " + ddl.quote(b.ownedBy->table) + '.' +
                            ddl.quote(b.ownedBy->column)
                      : std::string(" OWNED BY NONE");
  if (text.size() != bare)
    emit(text);
}

void PostgresMigrationWriter::write(const Change &c) {
  switch (c.kind) {
  case ChangeKind::CreateNamespace:
    // `public` exists in every database.
    if (c.toNamespace->name != "public")
      emit(ddl.createSchema(*c.toNamespace));
    return;
  case ChangeKind::DropNamespace:
    if (c.fromNamespace->name != "public")
      emit("DROP SCHEMA " + ddl.quote(c.fromNamespace->name));
    return;
  case ChangeKind::CreateEnum:
    emit(ddl.createEnum(*c.toEnum));
    return;
  case ChangeKind::DropEnum:
    emit("DROP TYPE " + ddl.enumName(c.fromEnum->name));
    return;
  case ChangeKind::RenameEnum:
    renameObject("TYPE", c.fromEnum->name, c.toEnum->name, /*isType=*/true);
    return;
  case ChangeKind::AddEnumValue: {
    std::string text = "ALTER TYPE " + ddl.enumName(c.toEnum->name) +
                       " ADD VALUE " + ddl.literal(c.value);
    if (!c.otherValue.empty())
      text += " BEFORE " + ddl.literal(c.otherValue);
    emit(text);
    return;
  }
  case ChangeKind::RenameEnumValue:
    emit("ALTER TYPE " + ddl.enumName(c.toEnum->name) + " RENAME VALUE " +
         ddl.literal(c.value) + " TO " + ddl.literal(c.otherValue));
    return;
  case ChangeKind::RebuildEnum:
    rebuildEnum(c);
    return;
  case ChangeKind::CreateSequence:
    emit(ddl.createSequence(*c.toSequence));
    return;
  case ChangeKind::DropSequence:
    emit("DROP SEQUENCE " + ddl.quote(c.fromSequence->name));
    return;
  case ChangeKind::RenameSequence: {
    // An owned sequence cannot move alone; when its table moves to the same
    // namespace it goes along, so only its name changes here.
    QualifiedName to = c.toSequence->name;
    if (const auto &owner = c.fromSequence->ownedBy) {
      auto moved = movedTables.find(owner->table.key());
      if (moved != movedTables.end() && moved->second == to.ns)
        to.ns = c.fromSequence->name.ns;
    }
    renameObject("SEQUENCE", c.fromSequence->name, to);
    return;
  }
  case ChangeKind::AlterSequence:
    alterSequence(c);
    return;
  case ChangeKind::CreateTable:
    emit(ddl.createTable(*c.toTable));
    return;
  case ChangeKind::DropTable:
    emit("DROP TABLE " + ddl.quote(c.fromTable->name));
    return;
  case ChangeKind::RenameTable:
    renameObject("TABLE", c.fromTable->name, c.toTable->name);
    return;
  case ChangeKind::AlterTableOptions:
    return; // other dialects' options: nothing on PostgreSQL
  case ChangeKind::AddColumn:
    emit(alterTable(c) + " ADD COLUMN " + ddl.columnDefinition(*c.toColumn));
    return;
  case ChangeKind::DropColumn:
    emit(alterTable(c) + " DROP COLUMN " + ddl.quote(c.fromColumn->name));
    return;
  case ChangeKind::RenameColumn:
    emit(alterTable(c) + " RENAME COLUMN " + ddl.quote(c.fromColumn->name) +
         " TO " + ddl.quote(c.toColumn->name));
    return;
  case ChangeKind::AlterColumn:
    alterColumn(c);
    return;
  case ChangeKind::AddConstraint:
    emit(ddl.addConstraint(*c.toTable, *c.toConstraint));
    return;
  case ChangeKind::DropConstraint:
    emit(alterTable(c) + " DROP CONSTRAINT " +
         ddl.quote(c.fromConstraint->name));
    return;
  case ChangeKind::RenameConstraint:
    emit(alterTable(c) + " RENAME CONSTRAINT " +
         ddl.quote(c.fromConstraint->name) + " TO " +
         ddl.quote(c.toConstraint->name));
    return;
  case ChangeKind::CreateIndex: {
    // Only an existing table has rows whose scan would block writes.
    bool concurrently = options.concurrentIndexes && c.fromTable;
    concurrent |= concurrently;
    emit(ddl.createIndex(*c.toTable, *c.toIndex, concurrently));
    return;
  }
  case ChangeKind::DropIndex:
    concurrent |= options.concurrentIndexes;
    emit(std::string("DROP INDEX ") +
         (options.concurrentIndexes ? "CONCURRENTLY " : "") +
         ddl.quote(QualifiedName{currentTable(c).ns, c.fromIndex->name}));
    return;
  case ChangeKind::RenameIndex:
    emit("ALTER INDEX " +
         ddl.quote(QualifiedName{currentTable(c).ns, c.fromIndex->name}) +
         " RENAME TO " + ddl.quote(c.toIndex->name));
    return;
  case ChangeKind::CreateView:
    emit(ddl.createView(*c.toView));
    return;
  case ChangeKind::DropView:
    emit(fmt::format("DROP {}VIEW {}",
                     c.fromView->materialized ? "MATERIALIZED " : "",
                     ddl.quote(c.fromView->name)));
    return;
  case ChangeKind::SetComment:
    emit(ddl.commentOn(c.toNamespace, c.toEnum, c.toSequence, c.toTable,
                       c.toColumn, c.toIndex, c.toView));
    return;
  }
}

std::optional<std::string>
PostgresMigrationWriter::write(const Migration &migration) {
  for (const Change &c : migration.changes)
    if (c.kind == ChangeKind::RenameTable &&
        c.fromTable->name.ns != c.toTable->name.ns)
      movedTables[c.fromTable->name.key()] = c.toTable->name.ns;
  for (const Change &c : migration.changes)
    write(c);
  if (diags.hasErrors())
    return std::nullopt;
  // PostgreSQL refuses to use an enum value added in the same transaction
  // (a default or cast naming it), so such a migration runs statement by
  // statement; the directive says so to whatever applies it.
  // Neither can CREATE/DROP INDEX CONCURRENTLY run inside one.
  bool addsEnumValues = llvm::any_of(migration.changes, [](const Change &c) {
    return c.kind == ChangeKind::AddEnumValue;
  });
  std::string header;
  if (addsEnumValues)
    header = "-- schemac:no-transaction (PostgreSQL cannot use an enum value "
             "added in the same transaction)\n\n";
  else if (concurrent)
    header = "-- schemac:no-transaction (indexes are built and dropped "
             "CONCURRENTLY)\n\n";
  return header + joinStatements(out);
}

} // namespace

std::optional<std::string>
backends::writePostgresMigration(const Migration &migration,
                                 DiagnosticEngine &diags,
                                 const MigrationSQLOptions &options) {
  return PostgresMigrationWriter(diags, options).write(migration);
}
