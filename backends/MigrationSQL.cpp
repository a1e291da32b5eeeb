//===- MigrationSQL.cpp - the migration writer of each dialect ------------===//

#include "backends/MigrationSQL.h"
#include "llvm/Support/ErrorHandling.h"

using namespace schemac;
using namespace schemac::backends;

std::optional<std::string>
backends::writeMigrationSQL(ir::Dialect d, const ir::Migration &migration,
                            const ir::Schema &from, const ir::Schema &to,
                            DiagnosticEngine &diags,
                            const MigrationSQLOptions &options) {
  switch (d) {
  case ir::Dialect::PostgreSQL:
    return writePostgresMigration(migration, diags, options);
  case ir::Dialect::MySQL:
    return writeMySQLMigration(migration, to, diags);
  case ir::Dialect::SQLite:
    return writeSQLiteMigration(migration, from, to, diags);
  }
  llvm_unreachable("unknown dialect");
}
