//===- StoredForm.cpp - a schema in the form a database holds it ---------===//

#include "frontend/introspect/StoredForm.h"
#include "backends/DialectCapabilities.h"
#include "backends/SQLiteStorage.h"
#include "ir/InlineEnums.h"

using namespace schemac;

void introspect::toStoredForm(ir::Dialect dialect, ir::Schema &schema) {
  if (!backends::getCapabilities(dialect).namedEnums)
    ir::canonicalizeInlineEnums(schema);
  switch (dialect) {
  case ir::Dialect::PostgreSQL:
    break;
  case ir::Dialect::MySQL:
    canonicalizeMySQLStorage(schema);
    break;
  case ir::Dialect::SQLite:
    backends::canonicalizeSQLiteStorage(schema);
    break;
  }
}
