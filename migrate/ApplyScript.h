//===- ApplyScript.h - run a script the way migrate runs a migration ------===//
#ifndef SCHEMAC_MIGRATE_APPLYSCRIPT_H
#define SCHEMAC_MIGRATE_APPLYSCRIPT_H

#include "db/Connection.h"
#include "schemac/Migrate.h"

namespace schemac {

/// Runs `script` on `conn` as `migrate` runs a migration, without
/// recording it (`schemac push`): in one transaction where the database can
/// roll DDL back (the script's own BEGIN ... COMMIT on SQLite, where a row
/// of `PRAGMA foreign_key_check` fails it), statement by statement on MySQL
/// or after `-- schemac:no-transaction`. A failing statement is a
/// MigrationError named `name`.
llvm::Error applyScript(db::Connection &conn, llvm::StringRef name,
                        llvm::StringRef script);

} // namespace schemac

#endif
