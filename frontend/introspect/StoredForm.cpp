//===- StoredForm.cpp - a schema in the form a database holds it ---------===//

#include "frontend/introspect/StoredForm.h"
#include "backends/DialectCapabilities.h"
#include "backends/SQLTypes.h"
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

/// SQLite's form of column types: the pull's reading of the type export
/// declares. `timestamp(3)` is `TIMESTAMP TEXT` (SQLite keeps no precision),
/// `interval` plain `TEXT`; a STRICT table declares only INTEGER, REAL,
/// TEXT, BLOB and ANY (`varchar(20)` is `text`, `boolean` `integer`).
static void canonicalizeSQLiteTypes(ir::Schema &schema) {
  for (const std::unique_ptr<ir::Table> &table : schema.tables)
    for (ir::Column &column : table->columns) {
      if (column.type.kind == ir::TypeKind::Enum) // its IN check stays
        continue;
      std::string declared =
          table->options.strict ? backends::getSQLiteStrictTypeName(column.type)
                                : backends::getSQLiteTypeName(column.type);
      column.type = introspect::parseSQLiteColumnType(declared, schema).type;
    }
}

/// `e` with each cast to the type a SQLite pull reads for the cast target
/// export writes (`::bigint` is CAST(... AS INTEGER), read as `::integer`).
static const ir::Expr *storedSQLiteCasts(const ir::Expr *e,
                                         ir::Schema &schema) {
  if (!e)
    return nullptr;
  auto each = [&](const ir::Expr *child) {
    return storedSQLiteCasts(child, schema);
  };
  const auto *cast = llvm::dyn_cast<ir::CastExpr>(e);
  if (!cast)
    return ir::mapChildren(e, schema.getArena(), each);
  std::optional<std::string> target =
      backends::getCastTargetName(ir::Dialect::SQLite, cast->getType());
  ir::Type type = cast->getType();
  if (target)
    type = introspect::parseSQLiteColumnType(*target, schema).type;
  return schema.getArena().create<ir::CastExpr>(
      storedSQLiteCasts(cast->getOperand(), schema), type, cast->getRange());
}

/// Every expression of every table of `schema` through storedSQLiteCasts.
static void canonicalizeSQLiteCasts(ir::Schema &schema) {
  for (const std::unique_ptr<ir::Table> &table : schema.tables) {
    for (ir::Column &column : table->columns) {
      column.defaultValue = storedSQLiteCasts(column.defaultValue, schema);
      if (column.generated)
        column.generated->expr =
            storedSQLiteCasts(column.generated->expr, schema);
    }
    for (std::unique_ptr<ir::Constraint> &c : table->constraints)
      if (auto *check = llvm::dyn_cast<ir::CheckConstraint>(c.get()))
        check->expr = storedSQLiteCasts(check->expr, schema);
    for (ir::Index &index : table->indexes) {
      index.where = storedSQLiteCasts(index.where, schema);
      for (ir::IndexElement &element : index.elements)
        element.expr = storedSQLiteCasts(element.expr, schema);
    }
  }
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
    canonicalizeSQLiteTypes(schema);
    canonicalizeSQLiteCasts(schema);
    backends::canonicalizeSQLiteStorage(schema);
    break;
  }
}
