//===- SQLiteDDL.h - SQLite statements for single IR objects --------------===//
//
// One statement per call, without the trailing ';': the export writes them
// for a whole schema (SQLiteBackend.cpp), the migration writer for the
// tables it creates and rebuilds (SQLiteMigration.cpp). Every constraint,
// foreign keys included, lives inside CREATE TABLE: SQLite cannot add one
// later.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_SQLITEDDL_H
#define SCHEMAC_BACKENDS_SQLITEDDL_H

#include "backends/SQLExprPrinter.h"
#include "ir/Schema.h"
#include <string>

namespace schemac::backends {

/// Whether SQLite takes the default `e` bare (a literal, a signed number or
/// a keyword function such as CURRENT_TIMESTAMP); anything else must be
/// parenthesized.
bool isBareSQLiteDefault(const ir::Expr *e);

/// The declared type of a column of type `t`, its affinity the right one
/// (DATE TEXT, NUMERIC(10,2), ...).
std::string getSQLiteTypeName(const ir::Type &t);

/// The declared type of a column of type `t` in a STRICT table, which takes
/// only INT, INTEGER, REAL, TEXT, BLOB and ANY.
std::string getSQLiteStrictTypeName(const ir::Type &t);

class SQLiteDDL {
public:
  /// `schema` holds the enums that columns' CHECKs list.
  SQLiteDDL(const ir::Schema &schema, DiagnosticEngine &diags);

  std::string quote(llvm::StringRef name) const;
  /// CREATE TABLE for `table`, under `name` when given (a rebuild's new
  /// table).
  std::string createTable(const ir::Table &table, llvm::StringRef name = {});
  std::string createIndex(const ir::Table &table, const ir::Index &index);
  std::string createView(const ir::View &view);
  /// A column as CREATE TABLE writes it (indented, after its comment lines).
  std::string columnDefinition(const ir::Table &table,
                               const ir::Column &column);
  /// True once an expression SQLite cannot express was reported.
  bool hasErrors() const { return exprs.hasErrors(); }

private:
  std::string tableConstraint(const ir::Constraint &constraint);
  std::string indexElement(const ir::IndexElement &element);

  const ir::Schema &schema;
  SQLExprPrinter exprs;
};

} // namespace schemac::backends

#endif
