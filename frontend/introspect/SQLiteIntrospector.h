//===- SQLiteIntrospector.h - the state of one SQLite pull ----------------===//
//
// One reader per pull of the main database: four queries whatever its size
// (sqlite_schema with pragma_table_list, then pragma_table_xinfo,
// pragma_foreign_key_list and pragma_index_list with pragma_index_xinfo,
// each joined to sqlite_schema so one query covers every table). What the
// pragmas do not tell (checks, constraint names, collations, generated
// expressions, AUTOINCREMENT, DEFERRABLE, doc comments) is read from the
// stored CREATE text (SQLiteCreateTable.h). What export writes is mapped
// back to the IR sema builds for the same schema file (docs/dialects.md,
// "Pulling from SQLite").
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_SQLITEINTROSPECTOR_H
#define SCHEMAC_FRONTEND_INTROSPECT_SQLITEINTROSPECTOR_H

#include "frontend/introspect/IntrospectContext.h"
#include "frontend/introspect/SQLiteCreateTable.h"
#include "llvm/ADT/StringMap.h"

namespace schemac::introspect {

/// A declared column type as the IR type export would declare alike:
/// schemac's own names first (`TIMESTAMPTZ TEXT`), then the schema
/// language's built-in spellings (`INT`, `VARCHAR(20)`), then SQLite's
/// affinity rules. `warning` says what is lost when the name is unknown or
/// export's name has another affinity.
struct SQLiteColumnType {
  ir::Type type;
  std::string warning;
};
SQLiteColumnType parseSQLiteColumnType(llvm::StringRef declared,
                                       ir::Schema &schema);

/// SQLite's built-in collations (BINARY, NOCASE, RTRIM, in any case) in the
/// schema language's spelling, lower case; other names as written.
llvm::StringRef normalizeSQLiteCollation(llvm::StringRef name,
                                         ir::Schema &schema);

/// SQLite expression text in the schema language's lexical form: `x` and
/// [x] become "x", `==` is `=`, `a IS b` / `a IS NOT b` are IS [NOT]
/// DISTINCT FROM, ISNULL / NOTNULL / `x NOT NULL` are IS [NOT] NULL, and
/// comments are dropped. Spacing is kept.
std::string normalizeSQLiteText(llvm::StringRef text);

/// Maps a parsed check, generated expression, index key or predicate back
/// to what sema builds: CURRENT_TIMESTAMP is now() (SQLite's spelling of
/// it), `t.col` is `col`, and a column reference takes the case of the
/// column of `table` it names (SQLite ignores ASCII case; the IR does not).
const ir::Expr *mapSQLiteExpr(const ir::Expr *e, ir::ExprArena &arena,
                              const ir::Table *table = nullptr);

class SQLiteReader {
public:
  explicit SQLiteReader(IntrospectContext &ctx)
      : ctx(ctx), schema(ctx.getSchema()) {}
  bool run();

private:
  struct TableInfo {
    ir::Table *table = nullptr;
    /// The CREATE TABLE text split up; nullopt if it was not understood.
    std::optional<SQLiteCreateTable> def;
    /// Column positions by lower-case name (SQLite ignores ASCII case).
    llvm::StringMap<size_t> columnIndex;
    /// Primary key columns by their position in the key (pragma `pk`).
    std::vector<std::pair<int64_t, llvm::StringRef>> primaryKey;
    /// Declared types as pragma_table_xinfo gives them, by column position.
    std::vector<llvm::StringRef> declaredTypes;
    /// Column-level checks (name, parsed), until checks are made.
    std::vector<std::pair<llvm::StringRef, const ir::Expr *>> columnChecks;
    /// Enum values per enum column, until enums are made.
    std::vector<std::pair<size_t, std::vector<std::string>>> enumColumns;
    /// Unique constraints by SQLite's autoindex number (declaration order).
    std::vector<std::pair<unsigned, ir::UniqueConstraint *>> uniques;
    std::string displayName() const {
      return "table " + table->name.name.str();
    }
    ir::Column *findColumn(llvm::StringRef name);
    SQLiteColumnDef *findColumnDef(llvm::StringRef name) {
      return def ? def->findColumn(name) : nullptr;
    }
  };

  bool readSchema();
  void readTable(llvm::StringRef name, llvm::StringRef sql, bool strict,
                 bool withoutRowid);
  void readView(llvm::StringRef name, llvm::StringRef sql);
  bool readColumns();
  void readColumnText(TableInfo &info, ir::Column &col, SQLiteColumnDef &def,
                      llvm::StringRef pragmaType);
  void makePrimaryKey(TableInfo &info);
  /// Checks, and the column references of generated expressions, once all
  /// columns of the table are known.
  void makeChecks(TableInfo &info);
  bool readForeignKeys();
  bool readIndexes();
  void makeEnums();
  /// Gives unnamed primary keys and uniques sema's sqlite_autoindex names
  /// and sets nameExplicit on indexes (docs/naming.md).
  void nameKeys();

  TableInfo *findTable(llvm::StringRef name);
  const ir::Expr *parse(llvm::StringRef text, const llvm::Twine &where);
  /// The WHERE of the pragma queries: user tables that were read.
  static llvm::StringRef userTables();

  IntrospectContext &ctx;
  ir::Schema &schema;
  /// The sqlite_schema rows: the split CREATE texts point into them.
  std::optional<db::QueryResult> schemaRows;
  /// Tables read, by lower-case name, and in name order (for a stable
  /// order of warnings and derived names).
  llvm::StringMap<TableInfo> tables;
  std::vector<TableInfo *> orderedTables;
  /// CREATE INDEX text by index name.
  llvm::StringMap<llvm::StringRef> indexSQL;
  /// Indexes to name once all are read: table and position.
  struct PendingIndex {
    ir::Table *table;
    size_t pos;
    std::vector<std::string> words;
  };
  std::vector<PendingIndex> pendingIndexes;
};

} // namespace schemac::introspect

#endif
