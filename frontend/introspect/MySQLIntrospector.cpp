//===- MySQLIntrospector.cpp - a MySQL database into the Schema IR --------===//
//
// Reads the connection's database from information_schema with a fixed
// number of queries: the database's defaults, tables and views, check
// constraints, columns, foreign keys and index keys. Table options are kept
// only where they differ from what the table would get without them, the
// way a schema file leaves them out.
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/MySQLIntrospector.h"
#include "ir/InlineEnums.h"
#include "llvm/ADT/STLExtras.h"

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

bool introspect::introspectMySQL(IntrospectContext &ctx) {
  return MySQLReader(ctx).run();
}

std::string MySQLReader::databaseLiteral() const {
  std::string out = "'";
  for (char c : database) {
    if (c == '\'' || c == '\\')
      out += c;
    out += c;
  }
  return out + "'";
}

const ir::Expr *MySQLReader::parse(StringRef text, const llvm::Twine &where) {
  return ctx.parseExpr(normalizeMySQLText(text, database), where);
}

bool MySQLReader::run() {
  if (!readDatabase() || !readTables() || !readChecks() || !readColumns() ||
      !readKeys() || !readIndexes())
    return false;
  makeEnums();
  markDerivedNames();
  schema.canonicalize(); // canonicalizeInlineEnums looks enums up
  ir::canonicalizeInlineEnums(schema);
  return true;
}

bool MySQLReader::readDatabase() {
  auto result = ctx.query(
      "SELECT DATABASE() AS db, @@default_storage_engine AS engine, "
      "s.DEFAULT_CHARACTER_SET_NAME AS charset, "
      "s.DEFAULT_COLLATION_NAME AS collation "
      "FROM information_schema.SCHEMATA s WHERE s.SCHEMA_NAME = DATABASE()",
      "reading the database");
  if (!result)
    return false;
  if (result->getNumRows() == 0) {
    // No current database: the URL names one, so this is unlikely.
    ctx.warnUnsupported("database", "the connection has no current database");
    return false;
  }
  db::ResultRow row(*result, 0);
  database = row["db"].str();
  defaultEngine = row["engine"].str();
  defaultCharset = row["charset"].str();
  defaultCollation = row["collation"].str();
  isMariaDB = StringRef(ctx.getConnection().getServerVersion())
                  .contains_insensitive("mariadb");
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

/// Whether the `(` that starts `text` closes at its very end (quotes,
/// strings and nesting honoured).
static bool isEnclosedInParens(StringRef text) {
  if (!text.starts_with("(") || !text.ends_with(")"))
    return false;
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\' && quote != '`')
        ++i;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`')
      quote = c;
    else if (c == '(')
      ++depth;
    else if (c == ')' && --depth == 0)
      return i + 1 == text.size();
  }
  return false;
}

/// The view body with the database's own qualifiers dropped, so two
/// databases made from one schema read back the same text.
static std::string viewBody(StringRef text, StringRef database) {
  std::string qualifier = "`";
  for (char c : database) {
    qualifier += c;
    if (c == '`')
      qualifier += c;
  }
  qualifier += "`.";
  std::string out;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      out += c;
      if (c == '\\' && quote != '`' && i + 1 < text.size())
        out += text[++i];
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '`' && text.substr(i).starts_with(qualifier)) {
      i += qualifier.size() - 1;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`')
      quote = c;
    out += c;
  }
  // CREATE VIEW v AS (SELECT ...) keeps its parentheses (drizzle-kit
  // writes them); the same view without them is the same view.
  StringRef body = StringRef(out).trim();
  if (isEnclosedInParens(body))
    return body.drop_front().drop_back().trim().str();
  return out;
}

bool MySQLReader::readTables() {
  auto result = ctx.query(
      "SELECT t.TABLE_NAME AS name, t.TABLE_TYPE AS kind, t.ENGINE AS engine, "
      "t.TABLE_COLLATION AS collation, t.TABLE_COMMENT AS comment, "
      "c.CHARACTER_SET_NAME AS charset, d.COLLATION_NAME AS charset_default, "
      "v.VIEW_DEFINITION AS definition, v.CHECK_OPTION AS check_option "
      "FROM information_schema.TABLES t "
      "LEFT JOIN information_schema.COLLATIONS c "
      "ON c.COLLATION_NAME = t.TABLE_COLLATION "
      "LEFT JOIN information_schema.COLLATIONS d "
      "ON d.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME AND d.IS_DEFAULT = 'Yes' "
      "LEFT JOIN information_schema.VIEWS v "
      "ON v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME "
      "WHERE t.TABLE_SCHEMA = DATABASE() ORDER BY t.TABLE_NAME",
      "reading tables");
  if (!result)
    return false;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    StringRef name = row["name"];
    StringRef kind = row["kind"];
    if (kind == "VIEW") {
      if (isExcluded(ctx.getOptions(), name))
        continue;
      auto view = std::make_unique<ir::View>();
      view->name = {"", ctx.save(name)};
      view->query = ctx.save(viewBody(row["definition"], database));
      StringRef checkOption = row["check_option"];
      if (!checkOption.empty() && checkOption != "NONE")
        ctx.warnUnsupported("view " + name,
                            "WITH " + checkOption +
                                " CHECK OPTION is not in the schema "
                                "language; the view is kept without it");
      schema.views.push_back(std::move(view));
      continue;
    }
    if (kind != "BASE TABLE") {
      // SEQUENCE (MariaDB), SYSTEM VERSIONED, temporary tables.
      if (ctx.includesTable({"", name}))
        ctx.warnUnsupported((kind.lower() + " " + name),
                            "this kind of table is not in the schema "
                            "language; it is left out");
      continue;
    }
    if (!ctx.includesTable({"", name}))
      continue;
    auto table = std::make_unique<ir::Table>();
    table->name = {"", ctx.save(name)};
    table->comment = ctx.save(row["comment"]);
    StringRef engine = row["engine"];
    if (!engine.equals_insensitive(defaultEngine))
      table->options.engine = ctx.save(engine);
    // The collation is kept when it is not the one the table gets from its
    // charset (or, in the database's charset, from the database); the
    // charset when it is not the database's or the collation is kept (as
    // SHOW CREATE TABLE writes both).
    StringRef charset = row["charset"];
    StringRef collation = row["collation"];
    bool ownCharset = !charset.empty() && charset != defaultCharset;
    StringRef expected =
        ownCharset ? row["charset_default"] : StringRef(defaultCollation);
    if (!collation.empty() && collation != expected) {
      table->options.collation = ctx.save(collation);
      ownCharset = !charset.empty();
    }
    if (ownCharset)
      table->options.charset = ctx.save(charset);
    TableInfo &info = tables[name];
    info.table = table.get();
    info.collation = ctx.save(collation);
    info.charset = ctx.save(charset);
    schema.tables.push_back(std::move(table));
  }
  return true;
}

void MySQLReader::makeEnums() {
  for (auto &entry : tables) {
    TableInfo &info = entry.second;
    for (auto &[columnIndex, values] : info.enumColumns) {
      ir::Column &column = info.table->columns[columnIndex];
      auto e = std::make_unique<ir::EnumType>();
      e->name = {
          "", ctx.save(info.table->name.name.str() + "_" + column.name.str())};
      for (const std::string &value : values)
        e->values.push_back({ctx.save(value), {}, {}});
      column.type.kind = ir::TypeKind::Enum;
      column.type.ns = "";
      column.type.name = e->name.name;
      schema.enums.push_back(std::move(e));
    }
  }
}
