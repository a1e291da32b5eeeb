//===- DatabaseLock.cpp - one migrate run at a time per database ----------===//

#include "migrate/DatabaseLock.h"
#include "schemac/Migrate.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#include <thread>

using namespace schemac;
using namespace schemac::migrator;
using llvm::StringRef;

static llvm::Error lockTimeout(uint64_t timeoutMs) {
  return llvm::make_error<MigrateError>(
      MigrateError::Kind::Lock,
      "another schemac migrate run holds the migration lock; gave up after " +
          std::to_string(timeoutMs) + " ms (--lock-timeout)");
}

llvm::Expected<DatabaseLock> DatabaseLock::acquire(db::Connection &conn,
                                                   StringRef tableName,
                                                   uint64_t timeoutMs) {
  switch (conn.getDialect()) {
  case ir::Dialect::SQLite:
    return DatabaseLock(nullptr, "");
  case ir::Dialect::PostgreSQL: {
    // A stable 63-bit key per history table, polled so the timeout is ours.
    std::string key = std::to_string(
        llvm::xxh3_64bits(("schemac migrate " + tableName).str()) >> 1);
    auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (true) {
      llvm::Expected<db::QueryResult> got =
          conn.query("SELECT pg_try_advisory_lock(" + key + ") AS locked");
      if (!got)
        return got.takeError();
      if (db::ResultRow(*got, 0).flag("locked"))
        return DatabaseLock(&conn, key);
      if (std::chrono::steady_clock::now() >= deadline)
        return lockTimeout(timeoutMs);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  case ir::Dialect::MySQL: {
    // Lock names are per server: qualify with the database; at most 64
    // characters.
    std::string name = ("schemac." + tableName).str();
    llvm::Expected<db::QueryResult> got =
        conn.query("SELECT GET_LOCK(CONCAT(LEFT(DATABASE(), 32), '.', '" +
                   llvm::toHex(llvm::xxh3_64bits(name)) + "'), " +
                   std::to_string((timeoutMs + 999) / 1000) + ") AS locked");
    if (!got)
      return got.takeError();
    if (!db::ResultRow(*got, 0).flag("locked"))
      return lockTimeout(timeoutMs);
    return DatabaseLock(&conn, "");
  }
  }
  llvm_unreachable("unknown dialect");
}

DatabaseLock::~DatabaseLock() {
  if (!conn)
    return;
  // Errors are ignored: the lock dies with the connection anyway.
  if (conn->getDialect() == ir::Dialect::PostgreSQL)
    llvm::consumeError(conn->execute("SELECT pg_advisory_unlock(" + key + ")"));
  else
    llvm::consumeError(conn->execute("SELECT RELEASE_ALL_LOCKS()"));
}
