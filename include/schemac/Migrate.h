//===- schemac/Migrate.h - apply a migrations folder to a database --------===//
//
// The runtime migrator, for applications that migrate at start-up and for
// the `schemac migrate` command, which is built on it:
//
//   schemac::MigrateOptions options;
//   llvm::Expected<schemac::MigrateReport> report =
//       schemac::migrate("postgres://app@localhost/shop", "migrations",
//       options);
//   if (!report) { log(llvm::toString(report.takeError())); return 1; }
//
// A migration counts as applied by name, recorded in a history table with
// its checksum. The folder's schemac.sum is verified first; an applied
// migration whose file changed is an error; each migration runs in its own
// transaction unless it starts with `-- schemac:no-transaction`; a database
// lock keeps two concurrent runs from applying anything twice. See
// docs/migrate.md.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_MIGRATE_H
#define SCHEMAC_MIGRATE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace schemac {

enum class TransactionMode {
  Each, ///< one transaction per migration (the default)
  All,  ///< every pending migration in one transaction (not on MySQL)
  None, ///< no transaction: statements commit one by one
};

struct MigrateOptions {
  TransactionMode transactions = TransactionMode::Each;
  /// Accept applied migrations whose file changed (and record the new
  /// checksum) instead of failing.
  bool allowModified = false;
  /// Refuse a pending migration that sorts before the newest applied one
  /// (default: apply it and report it as out of order).
  bool strictOrder = false;
  /// Report what would run; change nothing (not even the history table).
  bool dryRun = false;
  /// Apply pending migrations up to and including this one only.
  std::optional<std::string> target;
  /// How long to wait for another run's lock, in milliseconds.
  uint64_t lockTimeoutMs = 60000;
  /// The history table; on PostgreSQL in `historySchema` (created if
  /// missing), elsewhere in the connection's database.
  std::string historySchema = "schemac";
  std::string historyTable = "__schemac_migrations";
};

/// One migration of the folder and its state in the database.
struct MigrationState {
  enum class Status {
    Pending,  ///< in the folder, not applied
    Applied,  ///< applied, file unchanged
    Modified, ///< applied, but the file changed since
    Failed,   ///< a run failed part-way without a transaction (MySQL DDL, or
              ///< no-transaction): `migrate resolve` decides
    Missing,  ///< recorded as applied, but no longer in the folder
  };
  std::string name;
  Status status = Status::Pending;
  /// Pending but older than the newest applied migration.
  bool outOfOrder = false;
  std::string appliedAt;      ///< when it finished, as the database prints it
  uint64_t durationMs = 0;    ///< applied: how long it ran
  unsigned statementsRun = 0; ///< failed: the statements that did run
};

struct AppliedMigration {
  std::string name;
  uint64_t durationMs = 0;
  /// Older than the newest migration applied before this run.
  bool outOfOrder = false;
};

struct MigrateReport {
  /// Every migration of the folder and of the history, by name, after the
  /// run (for a dry run: as found).
  std::vector<MigrationState> migrations;
  /// What this run applied (for a dry run: would apply), in order. Another
  /// run may apply some of the pending ones first (SQLite, which has no
  /// lock for a whole run): those are not listed.
  std::vector<AppliedMigration> applied;
};

/// Why a run stopped before applying anything, or between migrations.
class MigrateError : public llvm::ErrorInfo<MigrateError> {
public:
  enum class Kind {
    Folder,     ///< the folder is unreadable or does not match schemac.sum
    Connection, ///< the database cannot be reached
    Lock,       ///< another run holds the lock past --lock-timeout
    Refused,    ///< modified or unfinished migrations, --strict-order, --to
    Database,   ///< reading or writing the history failed
  };
  static char ID;
  MigrateError(Kind kind, std::string message)
      : kind(kind), message(std::move(message)) {}
  void log(llvm::raw_ostream &os) const override { os << message; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }
  Kind kind;
  std::string message;
};

/// The error of a failed statement: which migration, which statement
/// (1-based line in migration.sql), and the server's message.
class MigrationError : public llvm::ErrorInfo<MigrationError> {
public:
  static char ID;
  MigrationError(std::string migration, unsigned line, std::string statement,
                 std::string message, bool recordedAsFailed)
      : migration(std::move(migration)), line(line),
        statement(std::move(statement)), message(std::move(message)),
        recordedAsFailed(recordedAsFailed) {}
  void log(llvm::raw_ostream &os) const override;
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }
  std::string migration;
  unsigned line;
  std::string statement;
  std::string message;
  /// True when the statements before it could not be rolled back and the
  /// migration is recorded as failed.
  bool recordedAsFailed;
};

/// Applies the pending migrations of the schemac migrations folder `dir` to
/// the database at `url`.
llvm::Expected<MigrateReport> migrate(llvm::StringRef url, llvm::StringRef dir,
                                      const MigrateOptions &options = {});

/// The state of every migration, changing nothing (no history table is
/// created).
llvm::Expected<MigrateReport>
getMigrationStatus(llvm::StringRef url, llvm::StringRef dir,
                   const MigrateOptions &options = {});

/// Settles a migration recorded as failed (it ran without a transaction
/// and stopped part-way): `applied` records it as applied (the database
/// was finished by hand), otherwise its record is removed (the database was
/// restored by hand) and the next run applies it again.
llvm::Expected<MigrateReport>
resolveMigration(llvm::StringRef url, llvm::StringRef dir, llvm::StringRef name,
                 bool applied, const MigrateOptions &options = {});

/// Records every migration up to and including `name` as applied without
/// running it: for a database that already held that schema before
/// schemac managed it.
llvm::Expected<MigrateReport>
baselineMigrations(llvm::StringRef url, llvm::StringRef dir,
                   llvm::StringRef name, const MigrateOptions &options = {});

/// Reverts the newest `steps` applied migrations with their down.sql,
/// newest first, each in its own transaction like migrate; `applied` of
/// the report lists the reverted ones.
llvm::Expected<MigrateReport>
revertMigrations(llvm::StringRef url, llvm::StringRef dir, unsigned steps,
                 const MigrateOptions &options = {});

} // namespace schemac

#endif
