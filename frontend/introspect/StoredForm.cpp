//===- StoredForm.cpp - a schema in the form a database holds it ---------===//

#include "frontend/introspect/StoredForm.h"
#include "backends/DialectCapabilities.h"
#include "backends/SQLiteStorage.h"
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

void introspect::toStoredForm(ir::Dialect dialect, ir::Schema &schema) {
  if (!backends::getCapabilities(dialect).namedEnums)
    ir::canonicalizeInlineEnums(schema);
  switch (dialect) {
  case ir::Dialect::PostgreSQL:
    canonicalizePostgresStorage(schema);
    break;
  case ir::Dialect::MySQL:
    canonicalizeMySQLStorage(schema);
    break;
  case ir::Dialect::SQLite:
    backends::canonicalizeSQLiteStorage(schema);
    break;
  }
}
