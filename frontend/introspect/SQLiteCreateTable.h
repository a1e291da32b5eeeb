//===- SQLiteCreateTable.h - splitting SQLite's stored CREATE statements --===//
//
// SQLite's pragmas tell columns, keys and indexes, but not check
// constraints, constraint names, generated-column expressions, COLLATE,
// AUTOINCREMENT, DEFERRABLE or the `--` doc comments export writes. SQLite
// keeps every CREATE statement verbatim in sqlite_schema.sql, so these are
// read from that text: the tokens of SQLiteTokens.h are split into column
// and constraint definitions. Expressions stay text (StringRefs into the
// statement) for the schema language's expression parser.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_SQLITECREATETABLE_H
#define SCHEMAC_FRONTEND_INTROSPECT_SQLITECREATETABLE_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace schemac::introspect {

/// A REFERENCES clause, on a column or in a FOREIGN KEY constraint.
struct SQLiteReference {
  std::string table;
  std::vector<std::string> columns; ///< empty: the primary key
  std::string onDelete, onUpdate;   ///< upper case, "" = not written
  bool deferrable = false;          ///< DEFERRABLE (not NOT DEFERRABLE)
  bool initiallyDeferred = false;
  std::string match; ///< MATCH name as written (SQLite ignores it)
  bool used = false; ///< matched to a pragma_foreign_key_list row (reader)
};

struct SQLiteCheck {
  std::string name;     ///< CONSTRAINT name; empty if none
  llvm::StringRef expr; ///< between the parentheses
};

struct SQLiteColumnDef {
  std::string name;
  std::string type; ///< declared type, words joined by one space ("" if none)
  std::string comment;
  std::string collation;       ///< as written
  llvm::StringRef defaultText; ///< without the parentheses of DEFAULT (x)
  bool defaultParenthesized = false;
  bool hasDefault = false;
  /// DEFAULT "x": a double-quoted identifier, which SQLite takes as a
  /// string when it names no column (defaultText is then the decoded text).
  bool defaultIsQuotedIdent = false;
  bool primaryKey = false, autoincrement = false, primaryKeyDesc = false;
  std::string primaryKeyName;
  bool notNull = false;
  bool unique = false;
  std::string uniqueName;
  bool uniqueUsed = false; ///< matched to a pragma_index_list row (reader)
  std::vector<SQLiteCheck> checks;
  std::optional<llvm::StringRef> generated;
  bool stored = false; ///< STORED; VIRTUAL is the default
  std::optional<SQLiteReference> reference;
  std::string referenceName;
  bool onConflict = false; ///< some ON CONFLICT clause was written
};

struct SQLiteTableConstraintDef {
  enum class Kind { PrimaryKey, Unique, Check, ForeignKey } kind;
  std::string name;
  std::vector<std::string> columns;
  llvm::StringRef expr;      ///< Check
  SQLiteReference reference; ///< ForeignKey
  bool onConflict = false;
  bool autoincrement = false; ///< PRIMARY KEY (col AUTOINCREMENT)
  /// COLLATE, ASC or DESC on a key column: the IR keeps plain column lists.
  bool keyOptions = false;
  bool used = false; ///< matched to a pragma row (reader)
};

struct SQLiteCreateTable {
  /// `--` lines right after `(` that are not indented, or on the line of
  /// the `(` itself.
  std::string comment;
  std::vector<SQLiteColumnDef> columns;
  std::vector<SQLiteTableConstraintDef> constraints;
  bool withoutRowid = false, strict = false;

  SQLiteColumnDef *findColumn(llvm::StringRef name);
  /// Every REFERENCES clause, inline or FOREIGN KEY, in the order of the
  /// text (SQLite's own order), with its columns and CONSTRAINT name.
  struct ForeignKeyRef {
    std::vector<std::string> columns;
    SQLiteReference *reference;
    const std::string *name;
  };
  std::vector<ForeignKeyRef> foreignKeys();
};

/// Splits a stored CREATE TABLE statement; nullopt with `error` set when the
/// text is not one this splitter understands.
std::optional<SQLiteCreateTable> parseSQLiteCreateTable(llvm::StringRef sql,
                                                        std::string &error);

struct SQLiteIndexElementDef {
  llvm::StringRef expr; ///< the key without COLLATE / ASC / DESC
  bool isColumn = false;
  std::string column; ///< when isColumn: the unquoted name
  std::string collation;
  bool asc = false, desc = false;
};

struct SQLiteCreateIndex {
  std::string comment; ///< `--` lines right after the key list's `(`
  std::vector<SQLiteIndexElementDef> elements;
  llvm::StringRef where;
};

/// CREATE [UNIQUE] INDEX ... ON t (keys) [WHERE pred], in
/// SQLiteCreateIndex.cpp with the view splitter.

std::optional<SQLiteCreateIndex> parseSQLiteCreateIndex(llvm::StringRef sql,
                                                        std::string &error);

struct SQLiteCreateView {
  std::string comment;        ///< `--` lines right after AS
  llvm::StringRef query;      ///< the rest, trimmed, without a trailing `;`
  bool hasColumnList = false; ///< CREATE VIEW v (a, b) AS ...
};

std::optional<SQLiteCreateView> parseSQLiteCreateView(llvm::StringRef sql,
                                                      std::string &error);

} // namespace schemac::introspect

#endif
