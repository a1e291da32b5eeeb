//===- SQLiteIntrospector.cpp - a SQLite database into the Schema IR ------===//
//
// Reads the main database with four queries whatever its size: the stored
// CREATE statements (sqlite_schema, with pragma_table_list for what kind of
// table each is), then columns, foreign keys and indexes through the pragma
// table functions joined to sqlite_schema. SQLite's own tables (sqlite_%),
// virtual tables and their shadow tables, and schemac migrate's history
// table are not part of the application's schema.
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/SQLiteIntrospector.h"
#include "ir/InlineEnums.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

bool introspect::introspectSQLite(IntrospectContext &ctx) {
  return SQLiteReader(ctx).run();
}

ir::Column *SQLiteReader::TableInfo::findColumn(StringRef name) {
  auto it = columnIndex.find(name.lower());
  return it == columnIndex.end() ? nullptr : &table->columns[it->second];
}

SQLiteReader::TableInfo *SQLiteReader::findTable(StringRef name) {
  auto it = tables.find(name.lower());
  return it == tables.end() ? nullptr : &it->second;
}

const ir::Expr *SQLiteReader::parse(StringRef text, const llvm::Twine &where) {
  return ctx.parseExpr(normalizeSQLiteText(text), where);
}

StringRef SQLiteReader::userTables() {
  // Virtual tables are left out: their pragmas need the module loaded.
  return "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
         "AND m.sql NOT LIKE 'CREATE VIRTUAL %'";
}

bool SQLiteReader::run() {
  if (!readSchema() || !readColumns())
    return false;
  for (TableInfo *info : orderedTables)
    makePrimaryKey(*info); // foreign keys may reference it
  if (!readForeignKeys() || !readIndexes())
    return false;
  for (TableInfo *info : orderedTables)
    makeChecks(*info);
  makeEnums();
  nameKeys();
  schema.canonicalize(); // canonicalizeInlineEnums looks enums up
  ir::canonicalizeInlineEnums(schema);
  return true;
}

/// Whether the --exclude globs leave out a view (--table keeps views).
static bool isExcluded(const IntrospectOptions &options, StringRef name) {
  for (const std::string &glob : options.excludes)
    if (auto pattern = llvm::GlobPattern::create(glob)) {
      if (pattern->match(name))
        return true;
    } else {
      llvm::consumeError(pattern.takeError());
    }
  return false;
}

bool SQLiteReader::readSchema() {
  schemaRows = ctx.query(
      // pragma_table_list(name) scans every table per call: it is read
      // once, materialized, and joined.
      "WITH l AS MATERIALIZED (SELECT name, type, strict, wr "
      "FROM pragma_table_list WHERE schema = 'main') "
      "SELECT m.type AS type, m.name AS name, m.tbl_name AS tbl, m.sql AS sql, "
      "l.type AS kind, l.strict AS strict, l.wr AS wr "
      "FROM sqlite_schema m "
      "LEFT JOIN l ON l.name = m.name AND m.type IN ('table', 'view') "
      "WHERE m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
      "ORDER BY m.type, m.name",
      "reading sqlite_schema");
  if (!schemaRows)
    return false;
  const std::string &history = ctx.getOptions().historyTable;
  for (size_t i = 0; i < schemaRows->getNumRows(); ++i) {
    db::ResultRow row(*schemaRows, i);
    StringRef type = row["type"], name = row["name"], sql = row["sql"];
    StringRef owner = row["tbl"];
    if (owner.equals_insensitive(history))
      continue;
    if (type == "index") {
      if (!sql.empty()) // automatic indexes have no text
        indexSQL[name] = sql;
    } else if (type == "view") {
      if (!isExcluded(ctx.getOptions(), name))
        readView(name, sql);
    } else if (type == "trigger") {
      if (ctx.includesTable({"", owner}))
        ctx.warnUnsupported("trigger " + name,
                            "triggers are not in the schema language; it is "
                            "left out");
    } else if (type == "table") {
      if (!ctx.includesTable({"", name}))
        continue;
      StringRef kind = row["kind"];
      if (kind == "shadow")
        continue; // part of a virtual table, reported with it
      if (kind == "virtual") {
        ctx.warnUnsupported("table " + name,
                            "virtual tables are not in the schema language; "
                            "it is left out");
        continue;
      }
      readTable(name, sql, row.flag("strict"), row.flag("wr"));
    }
  }
  return true;
}

void SQLiteReader::readTable(StringRef name, StringRef sql, bool strict,
                             bool withoutRowid) {
  auto table = std::make_unique<ir::Table>();
  table->name = {"", ctx.save(name)};
  table->options.strict = strict;
  table->options.withoutRowid = withoutRowid;
  TableInfo &info = tables[name.lower()];
  info.table = table.get();
  orderedTables.push_back(&info);
  std::string error;
  info.def = parseSQLiteCreateTable(sql, error);
  if (info.def)
    table->comment = ctx.save(info.def->comment);
  else
    ctx.warnUnsupported(info.displayName(),
                        "its CREATE TABLE text was not understood (" + error +
                            "); its checks, constraint names, collations, "
                            "generated columns and comments are not read");
  schema.tables.push_back(std::move(table));
}

void SQLiteReader::readView(StringRef name, StringRef sql) {
  std::string error;
  auto def = parseSQLiteCreateView(sql, error);
  if (!def) {
    ctx.warnUnsupported("view " + name, "its CREATE VIEW text was not "
                                        "understood (" +
                                            error + "); it is left out");
    return;
  }
  if (def->hasColumnList)
    ctx.warnUnsupported("view " + name,
                        "a column list (CREATE VIEW v (a, b)) is not in the "
                        "schema language; the view is kept without it");
  auto view = std::make_unique<ir::View>();
  view->name = {"", ctx.save(name)};
  view->query = ctx.save(def->query);
  view->comment = ctx.save(def->comment);
  schema.views.push_back(std::move(view));
}

void SQLiteReader::makeEnums() {
  for (TableInfo *table : orderedTables) {
    TableInfo &info = *table;
    for (auto &[columnIndex, values] : info.enumColumns) {
      ir::Column &column = info.table->columns[columnIndex];
      auto e = std::make_unique<ir::EnumType>();
      e->name = {
          "", ctx.save(info.table->name.name.str() + "_" + column.name.str())};
      for (const std::string &value : values)
        e->values.push_back({ctx.save(value), {}, {}});
      column.type = ir::Type::get(ir::TypeKind::Enum);
      column.type.name = e->name.name;
      schema.enums.push_back(std::move(e));
    }
  }
}
