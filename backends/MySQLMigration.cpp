//===- MySQLMigration.cpp - a Migration IR as MySQL / MariaDB statements --===//
//
// MySQL changes a column with MODIFY COLUMN and its full new definition
// (type, NULL, default, AUTO_INCREMENT, collation and comment at once).
// Enums live inline in their columns, so an enum change modifies every
// column of it; a renamed value goes through the list holding both names,
// an UPDATE, and the final list, so no row loses its value. DDL is not
// transactional on MySQL: the statements run one by one.
//
//===----------------------------------------------------------------------===//

#include "backends/MigrationSQL.h"
#include "backends/MySQLDDL.h"
#include "backends/SQLFragments.h"
#include "backends/SQLQuoting.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

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
  /// MODIFY COLUMN with `c`'s new definition (listing `enumValues` if given).
  std::string modify(const Table &t, const Column &c,
                     StringRef enumValues = {}) {
    return "ALTER TABLE " + quote(t.name.name) + " MODIFY COLUMN " +
           StringRef(ddl.columnDefinition(c, enumValues)).ltrim().str();
  }
  /// Calls `fn` with every column of `e` that exists when enums change.
  void forEachEnumColumn(
      const EnumType &e,
      llvm::function_ref<void(const Table &, const Column &)> fn) const;
  void renameEnumValue(const Change &c);
  void dropConstraint(const Change &c);
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
};

void MySQLMigrationWriter::forEachEnumColumn(
    const EnumType &e,
    llvm::function_ref<void(const Table &, const Column &)> fn) const {
  for (const auto &t : to.tables)
    for (const Column &c : t->columns)
      if (c.type.kind == TypeKind::Enum && !madeLater.count(&c) &&
          QualifiedName{c.type.ns, c.type.name} == e.name)
        fn(*t, c);
}

void MySQLMigrationWriter::renameEnumValue(const Change &c) {
  // The list with both names, the rows moved over, then the final list.
  std::string both;
  for (const EnumValue &v : c.toEnum->values) {
    both += (both.empty() ? "" : ",") + quoteStringLiteral(Dialect::MySQL,
                                                           v.name);
    if (v.name == c.otherValue)
      both += "," + quoteStringLiteral(Dialect::MySQL, c.value);
  }
  forEachEnumColumn(*c.toEnum, [&](const Table &t, const Column &col) {
    out.push_back(modify(t, col, both));
    out.push_back(fmt::format(
        "UPDATE {} SET {} = {} WHERE {} = {}", quote(t.name.name),
        quote(col.name), quoteStringLiteral(Dialect::MySQL, c.otherValue),
        quote(col.name), quoteStringLiteral(Dialect::MySQL, c.value)));
    out.push_back(modify(t, col));
  });
}

void MySQLMigrationWriter::dropConstraint(const Change &c) {
  const Constraint &k = *c.fromConstraint;
  std::string prefix = "ALTER TABLE " + table(c);
  if (llvm::isa<PrimaryKey>(k))
    out.push_back(prefix + " DROP PRIMARY KEY");
  else if (llvm::isa<UniqueConstraint>(k))
    out.push_back(prefix + " DROP INDEX " + quote(k.name));
  else if (llvm::isa<CheckConstraint>(k))
    out.push_back(prefix + " DROP CONSTRAINT " + quote(k.name));
  else {
    out.push_back(prefix + " DROP FOREIGN KEY " + quote(k.name));
    // The index made for it goes too, when the export made one.
    const auto &fk = llvm::cast<ForeignKey>(k);
    if (ddl.foreignKeyIndex(*c.fromTable, fk))
      out.push_back(prefix + " DROP INDEX " + quote(k.name));
  }
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
      });
    return;
  case ChangeKind::RenameEnumValue:
    renameEnumValue(c);
    return;
  case ChangeKind::CreateTable:
    out.push_back(ddl.createTable(*c.toTable));
    return;
  case ChangeKind::DropTable:
    out.push_back("DROP TABLE " + quote(c.fromTable->name.name));
    return;
  case ChangeKind::RenameTable:
    out.push_back("RENAME TABLE " + quote(c.fromTable->name.name) + " TO " +
                  quote(c.toTable->name.name));
    return;
  case ChangeKind::AlterTableOptions: {
    std::string options = ddl.tableOptions(*c.toTable);
    if (!options.empty())
      out.push_back("ALTER TABLE " + table(c) + ' ' + options);
    return;
  }
  case ChangeKind::AddColumn:
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
    out.push_back(modify(*c.toTable, *c.toColumn));
    return;
  case ChangeKind::AddConstraint:
    if (const auto *fk = llvm::dyn_cast<ForeignKey>(c.toConstraint)) {
      if (std::optional<std::string> index =
              ddl.foreignKeyIndex(*c.toTable, *fk))
        out.push_back(*index);
      out.push_back(ddl.addForeignKey(*c.toTable, *fk));
      return;
    }
    out.push_back("ALTER TABLE " + table(c) + " ADD " +
                  ddl.keyDefinition(*c.toConstraint));
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
    // Checks and foreign keys cannot be renamed: made anew.
    {
      Change drop = c;
      dropConstraint(drop);
      Change add = c;
      add.kind = ChangeKind::AddConstraint;
      write(add);
    }
    return;
  case ChangeKind::CreateIndex:
    out.push_back(ddl.createIndex(*c.toTable, *c.toIndex));
    return;
  case ChangeKind::DropIndex:
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
  for (const Change &c : m.changes) {
    if (c.kind == ChangeKind::AddColumn)
      madeLater.insert(c.toColumn);
    if (c.kind == ChangeKind::CreateTable)
      for (const Column &col : c.toTable->columns)
        madeLater.insert(&col);
  }
  for (const Change &c : m.changes)
    write(c);
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
