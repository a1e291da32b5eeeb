//===- StoredForm.cpp - a schema in the form a database holds it ---------===//

#include "frontend/introspect/StoredForm.h"
#include "backends/DialectCapabilities.h"
#include "backends/SQLiteDDL.h"
#include "backends/SQLiteStorage.h"
#include "frontend/introspect/SQLiteIntrospector.h"
#include "ir/InlineEnums.h"

using namespace schemac;

/// PostgreSQL's form: NUMERIC(p) is NUMERIC(p,0), and prints so.
static void canonicalizePostgresStorage(ir::Schema &schema) {
  for (const std::unique_ptr<ir::Table> &table : schema.tables)
    for (ir::Column &column : table->columns)
      if (column.type.kind == ir::TypeKind::Numeric &&
          column.type.numModifiers == 1)
        column.type.addModifier(0);
}

/// What the dialect does not keep reads back empty: the other dialects'
/// table options (export ignores them), and the doc comments of enums and
/// views where it keeps none (export drops them with a warning).
static void dropWhatIsNotKept(ir::Dialect dialect, ir::Schema &schema) {
  for (const std::unique_ptr<ir::Table> &table : schema.tables) {
    ir::TableOptions &options = table->options;
    if (dialect != ir::Dialect::MySQL)
      options.engine = options.charset = options.collation = "";
    if (dialect != ir::Dialect::SQLite)
      options.strict = options.withoutRowid = false;
  }
  const backends::DialectCapabilities &caps =
      backends::getCapabilities(dialect);
  if (!caps.enumComments)
    for (auto &e : schema.enums)
      e->comment = "";
  if (!caps.viewComments)
    for (auto &view : schema.views)
      view->comment = "";
}

/// SQLite's form of a STRICT table's column types: the pull's reading of the
/// one of INTEGER, REAL, TEXT, BLOB and ANY export declares (`varchar(20)`
/// is `text`, `boolean` is `integer`, `numeric(10,2)` is `any`).
static void canonicalizeSQLiteStrictTypes(ir::Schema &schema) {
  for (const std::unique_ptr<ir::Table> &table : schema.tables)
    if (table->options.strict)
      for (ir::Column &column : table->columns)
        if (column.type.kind != ir::TypeKind::Enum) // its IN check stays
          column.type =
              introspect::parseSQLiteColumnType(
                  backends::getSQLiteStrictTypeName(column.type), schema)
                  .type;
}

void introspect::toStoredForm(ir::Dialect dialect, ir::Schema &schema) {
  if (!backends::getCapabilities(dialect).namedEnums)
    ir::canonicalizeInlineEnums(schema);
  dropWhatIsNotKept(dialect, schema);
  switch (dialect) {
  case ir::Dialect::PostgreSQL:
    canonicalizePostgresStorage(schema);
    break;
  case ir::Dialect::MySQL:
    canonicalizeMySQLStorage(schema);
    break;
  case ir::Dialect::SQLite:
    canonicalizeSQLiteStrictTypes(schema);
    backends::canonicalizeSQLiteStorage(schema);
    break;
  }
}
