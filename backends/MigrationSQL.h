//===- MigrationSQL.h - a Migration IR as SQL statements per dialect ------===//
//
// The migration writers print what ir::diffSchemas decided, in its order,
// one or more statements per change; they decide nothing about order or
// matching. What a dialect cannot migrate (yet) is reported as
// migration-unsupported, and nothing is written then.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_MIGRATIONSQL_H
#define SCHEMAC_BACKENDS_MIGRATIONSQL_H

#include "diagnostics/Diagnostic.h"
#include "ir/Migration.h"
#include <optional>
#include <string>

namespace schemac::backends {

/// How a migration is written, where a dialect offers a choice.
struct MigrationSQLOptions {
  /// PostgreSQL: build and drop indexes of existing tables CONCURRENTLY,
  /// without blocking writes; the script then runs outside a transaction.
  bool concurrentIndexes = false;
};

/// The migration from `from` to `to` as a SQL script for dialect `d` (each
/// statement ends in ";\n", a blank line between two); std::nullopt after
/// reporting what `d` cannot migrate.
std::optional<std::string>
writeMigrationSQL(ir::Dialect d, const ir::Migration &migration,
                  const ir::Schema &from, const ir::Schema &to,
                  DiagnosticEngine &diags,
                  const MigrationSQLOptions &options = {});

/// The PostgreSQL writer (PostgresMigration.cpp).
std::optional<std::string>
writePostgresMigration(const ir::Migration &migration, DiagnosticEngine &diags,
                       const MigrationSQLOptions &options);

/// The MySQL writer (MySQLMigration.cpp): statements run one by one (MySQL
/// DDL commits implicitly).
std::optional<std::string> writeMySQLMigration(const ir::Migration &migration,
                                               const ir::Schema &to,
                                               DiagnosticEngine &diags);

/// The SQLite writer (SQLiteMigration.cpp): a self-contained script with
/// its own PRAGMAs and transaction.
std::optional<std::string> writeSQLiteMigration(const ir::Migration &migration,
                                                const ir::Schema &from,
                                                const ir::Schema &to,
                                                DiagnosticEngine &diags);

} // namespace schemac::backends

#endif
