//===- History.h - the table that records applied migrations --------------===//
//
// `__schemac_migrations` (PostgreSQL: in its own schema, `schemac` by
// default): one row per migration, by name, with its checksum, status
// (applied, or running/failed for one that ran without a transaction),
// times, duration, the statements that ran and schemac's version.
// Times are ISO 8601 UTC text, the same on every dialect.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_MIGRATE_HISTORY_H
#define SCHEMAC_MIGRATE_HISTORY_H

#include "db/Connection.h"
#include "schemac/Migrate.h"
#include <string>
#include <vector>

namespace schemac::migrator {

struct HistoryRow {
  std::string name, checksum, status, startedAt, finishedAt;
  uint64_t durationMs = 0;
  unsigned statementsRun = 0;
};

class History {
public:
  History(db::Connection &conn, const MigrateOptions &options);

  /// The quoted, qualified table name.
  const std::string &getTableName() const { return table; }

  /// Whether the table exists (status must not create it).
  llvm::Expected<bool> exists();
  /// Creates the table (and its PostgreSQL schema) unless it exists.
  llvm::Error create();
  /// Every row, by name.
  llvm::Expected<std::vector<HistoryRow>> load();
  /// Whether `name` has a row (read inside a transaction by SQLite, which
  /// has no lock spanning the run).
  llvm::Expected<bool> hasRow(llvm::StringRef name);

  // Statements; the caller runs them where they belong (inside the
  // migration's transaction, or on their own).
  std::string insertSQL(const HistoryRow &row) const;
  std::string updateSQL(const HistoryRow &row) const;
  std::string deleteSQL(llvm::StringRef name) const;

  /// A quoted string literal for this dialect.
  std::string literal(llvm::StringRef s) const;

private:
  db::Connection &conn;
  const MigrateOptions &options;
  std::string table;
};

/// Now as ISO 8601 UTC with milliseconds: 2026-11-26T19:52:14.123Z.
std::string currentTimestamp();

} // namespace schemac::migrator

#endif
