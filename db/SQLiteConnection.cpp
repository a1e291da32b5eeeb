//===- SQLiteConnection.cpp - the Connection over sqlite3 -----------------===//

#include "db/Connections.h"
#include "llvm/Support/FileSystem.h"
#include <sqlite3.h>

using namespace schemac;
using namespace schemac::db;
using llvm::StringRef;

namespace {

class SQLiteConnection : public Connection {
public:
  SQLiteConnection(DatabaseURL url, sqlite3 *db)
      : Connection(std::move(url)), db(db) {}
  ~SQLiteConnection() override { sqlite3_close_v2(db); }

  ir::Dialect getDialect() const override { return ir::Dialect::SQLite; }
  std::string getServerVersion() override { return sqlite3_libversion(); }

  /// Runs every statement of `sql`; returns the rows of the first that
  /// has any columns.
  llvm::Expected<QueryResult> query(StringRef sql) override {
    QueryResult result;
    bool haveColumns = false;
    const char *begin = sql.data(), *end = sql.data() + sql.size();
    const char *next = begin;
    while (next < end) {
      sqlite3_stmt *stmt = nullptr;
      const char *tail = nullptr;
      if (sqlite3_prepare_v2(db, next, int(end - next), &stmt, &tail) !=
          SQLITE_OK)
        return lastError(next - begin);
      std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> guard(
          stmt, sqlite3_finalize);
      size_t stmtOffset = next - begin;
      next = tail;
      if (!stmt) // white space or a comment
        continue;
      int cols = sqlite3_column_count(stmt);
      bool keep = cols > 0 && !haveColumns;
      if (keep) {
        haveColumns = true;
        for (int c = 0; c < cols; ++c)
          result.addColumn(sqlite3_column_name(stmt, c));
      }
      int rc;
      while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (!keep)
          continue;
        for (int c = 0; c < cols; ++c) {
          if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
            result.addCell(std::nullopt);
            continue;
          }
          auto *text =
              reinterpret_cast<const char *>(sqlite3_column_text(stmt, c));
          result.addCell(StringRef(text, sqlite3_column_bytes(stmt, c)));
        }
      }
      if (rc != SQLITE_DONE)
        return lastError(stmtOffset);
    }
    return result;
  }

private:
  /// The error of the statement starting at `stmtOffset` in the script.
  llvm::Error lastError(size_t stmtOffset) {
    int offset = sqlite3_error_offset(db);
    return llvm::make_error<DatabaseError>(
        sqlite3_errmsg(db), std::to_string(sqlite3_extended_errcode(db)),
        offset >= 0 ? std::optional<size_t>(stmtOffset + offset)
                    : std::nullopt);
  }

  sqlite3 *db;
};

} // namespace

llvm::Expected<std::unique_ptr<Connection>>
db::connectSQLite(const DatabaseURL &url, const ConnectOptions &options) {
  bool memory = url.path == ":memory:";
  if (!memory && !options.createSQLiteFile && !llvm::sys::fs::exists(url.path))
    return connectionError(url, "no such database file");
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI;
  if (options.createSQLiteFile)
    flags |= SQLITE_OPEN_CREATE;
  sqlite3 *db = nullptr;
  if (sqlite3_open_v2(url.path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return connectionError(url, message);
  }
  sqlite3_busy_timeout(db, 5000);
  // Opening is lazy: read the header now, so a file that is not a database
  // fails here and not in the first query.
  if (sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    std::string message = sqlite3_errmsg(db);
    sqlite3_close_v2(db);
    return connectionError(url, message);
  }
  return std::make_unique<SQLiteConnection>(url, db);
}
