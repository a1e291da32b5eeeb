//===- MySQLIntrospector.h - the state of one MySQL/MariaDB pull ----------===//
//
// One reader per pull of the connection's database (DATABASE()): each
// information_schema view is one query over the whole database, never one
// per table; rows are attached to their tables through a map keyed by
// table name. What export writes is mapped back to the IR sema builds for
// the same schema file (docs/dialects.md, "Pulling from MySQL").
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_MYSQLINTROSPECTOR_H
#define SCHEMAC_FRONTEND_INTROSPECT_MYSQLINTROSPECTOR_H

#include "frontend/introspect/IntrospectContext.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace schemac::introspect {

/// A COLUMN_TYPE ("int(10) unsigned", "enum('a','b')") as an IR type; enum
/// values go to `enumValues`. Types the IR has no kind for are kept by name
/// with a reason in `warning`.
struct MySQLColumnType {
  ir::Type type;
  std::vector<std::string> enumValues;
  std::string warning;
};
MySQLColumnType parseMySQLColumnType(llvm::StringRef columnType,
                                     ir::Schema &schema);

/// Server text (defaults, checks, generation expressions, view bodies) in
/// the schema language's lexical form: `name` becomes "name", MySQL string
/// escapes (\n, \\, \') become plain literals, and `db`. qualifiers of the
/// connection's database are dropped.
std::string normalizeMySQLText(llvm::StringRef text, llvm::StringRef database);

/// Maps a parsed server expression back to what sema builds: octet_length
/// is length, current_timestamp(p) is now(), 1/0 in a boolean context are
/// true/false. `column` (may be null) is the column a default belongs to;
/// `condition`: `e` is a check, a boolean context.
const ir::Expr *mapMySQLExpr(const ir::Expr *e, const ir::Table &table,
                             const ir::Column *column, ir::ExprArena &arena,
                             bool condition = false);

class MySQLReader {
public:
  explicit MySQLReader(IntrospectContext &ctx)
      : ctx(ctx), schema(ctx.getSchema()) {}
  bool run();

private:
  struct TableInfo {
    ir::Table *table = nullptr;
    llvm::StringRef collation; ///< TABLE_COLLATION, for column collations
    llvm::StringRef charset;
    llvm::StringMap<size_t> columnIndex;
    /// Columns whose json_valid check made them json (the check is dropped).
    llvm::StringSet<> jsonColumns;
    /// Enum values per enum column, until enums are made.
    std::vector<std::pair<size_t, std::vector<std::string>>> enumColumns;
    std::string displayName() const {
      return "table " + table->name.name.str();
    }
  };

  bool readDatabase();
  bool readTables();
  bool readColumns();
  bool readChecks();
  void makeChecks();
  bool readKeys();
  bool readIndexes();
  void makeEnums();
  /// Sets nameExplicit on every constraint and index, simulating the order
  /// in which sema derives names (docs/naming.md).
  void markDerivedNames();

  TableInfo *findTable(llvm::StringRef name) {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : &it->second;
  }
  /// A string literal of the connection's database name, for WHERE.
  std::string databaseLiteral() const;
  const ir::Expr *parse(llvm::StringRef text, const llvm::Twine &where);

  IntrospectContext &ctx;
  ir::Schema &schema;
  std::string database;
  std::string defaultEngine, defaultCharset, defaultCollation;
  /// MySQL 8 prints literal defaults unquoted; MariaDB as SQL.
  bool isMariaDB = true;
  /// CHECK_CONSTRAINTS rows, read before the columns (a json_valid check
  /// makes a longtext column json) and turned into constraints after them.
  struct PendingCheck {
    llvm::StringRef table, name, clause;
    bool columnLevel;
  };
  std::optional<db::QueryResult> checkRows;
  std::vector<PendingCheck> pendingChecks;
  llvm::StringMap<TableInfo> tables;
  /// Foreign key names per table, so their implicit indexes are skipped.
  llvm::StringMap<llvm::StringMap<std::vector<std::string>>> foreignKeyColumns;
};

} // namespace schemac::introspect

#endif
