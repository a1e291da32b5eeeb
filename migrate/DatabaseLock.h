//===- DatabaseLock.h - one migrate run at a time per database ------------===//
//
// PostgreSQL: a session advisory lock; MySQL: GET_LOCK. Both are held for
// the whole run and die with the connection, so a killed run never leaves a
// lock behind. SQLite has no lock that spans transactions: there the
// migrator starts each migration with BEGIN IMMEDIATE (the database's write
// lock) and checks the history again inside it.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_MIGRATE_DATABASELOCK_H
#define SCHEMAC_MIGRATE_DATABASELOCK_H

#include "db/Connection.h"

namespace schemac::migrator {

class DatabaseLock {
public:
  /// Waits up to `timeoutMs` for the lock named after `tableName`; the
  /// error says another run holds it.
  static llvm::Expected<DatabaseLock>
  acquire(db::Connection &conn, llvm::StringRef tableName, uint64_t timeoutMs);

  DatabaseLock(DatabaseLock &&other) : conn(other.conn), key(other.key) {
    other.conn = nullptr;
  }
  DatabaseLock &operator=(DatabaseLock &&) = delete;
  ~DatabaseLock();

private:
  DatabaseLock(db::Connection *conn, std::string key)
      : conn(conn), key(std::move(key)) {}
  db::Connection *conn; ///< null: nothing to release (SQLite, moved from)
  std::string key;
};

} // namespace schemac::migrator

#endif
