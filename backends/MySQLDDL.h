//===- MySQLDDL.h - MySQL and MariaDB statements for single IR objects ----===//
//
// One statement (or clause) per call, without the trailing ';': the export
// writes them for a whole schema (MySQLBackend.cpp), the migration writer
// for the objects a change touches (MySQLMigration.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_MYSQLDDL_H
#define SCHEMAC_BACKENDS_MYSQLDDL_H

#include "backends/SQLExprPrinter.h"
#include "ir/Schema.h"
#include <optional>
#include <string>
#include <vector>

namespace schemac::backends {

/// The columns a primary or unique key or an index starts with, as far as
/// InnoDB can use them to back a foreign key or an AUTO_INCREMENT column:
/// an index stops at a prefix or expression key; other constraints have
/// none.
std::vector<llvm::StringRef> getMySQLKeyColumns(const ir::Constraint &key);
std::vector<llvm::StringRef> getMySQLKeyColumns(const ir::Index &index);

class MySQLDDL {
public:
  /// `schema` holds the enums whose values columns list inline.
  MySQLDDL(const ir::Schema &schema, DiagnosticEngine &diags);

  std::string quote(llvm::StringRef name) const;
  /// CREATE TABLE with columns, keys, checks and options (no foreign keys).
  std::string createTable(const ir::Table &table);
  /// `name type ...` as CREATE TABLE, ADD COLUMN and MODIFY COLUMN write it
  /// (indented by two spaces). An enum column lists `enumValues` (quoted,
  /// comma-separated) when given, else its enum's values.
  std::string columnDefinition(const ir::Column &column,
                               llvm::StringRef enumValues = {});
  /// PRIMARY KEY (...), UNIQUE KEY name (...) or CONSTRAINT name CHECK (...).
  std::string keyDefinition(const ir::Constraint &constraint);
  /// ENGINE=... DEFAULT CHARSET=... COLLATE=... COMMENT=...; "" if none.
  std::string tableOptions(const ir::Table &table) const;
  std::string createIndex(const ir::Table &table, const ir::Index &index);
  /// The index a foreign key needs, unless a key of `table` already starts
  /// with its columns (InnoDB would create one implicitly, under the FK's
  /// name).
  std::optional<std::string> foreignKeyIndex(const ir::Table &table,
                                             const ir::ForeignKey &fk);
  /// CREATE INDEX for the index the export makes for `fk`, on the table
  /// named `table` (a migration may need it before the table is renamed).
  std::string createForeignKeyIndex(llvm::StringRef table,
                                    const ir::ForeignKey &fk) const;
  std::string addForeignKey(const ir::Table &table, const ir::ForeignKey &fk);
  std::string createView(const ir::View &view) const;
  bool hasErrors() const { return exprs.hasErrors(); }

private:
  std::string enumValues(const ir::Type &t) const;
  std::string defaultClause(const ir::Column &column);

  const ir::Schema &schema;
  SQLExprPrinter exprs;
};

} // namespace schemac::backends

#endif
