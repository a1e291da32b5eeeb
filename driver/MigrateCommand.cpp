//===- MigrateCommand.cpp - `schemac migrate`: apply a migrations folder --===//
//
// A thin layer over the runtime migrator (include/schemac/Migrate.h), the
// same library applications link: parse options, run, print the report,
// turn errors into diagnostics.
//
//===----------------------------------------------------------------------===//

#include "driver/Commands.h"
#include "driver/Pipeline.h"
#include "schemac/Migrate.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"
#include <CLI/CLI.hpp>
#include <memory>

using namespace schemac;
using namespace schemac::driver;

static const char *const migrateExamples = R"(
DIR is a migrations folder `schemac generate` wrote; its schemac.sum is
verified first. URL as for `schemac pull` (also from $SCHEMAC_DATABASE_URL).

Examples:
  schemac migrate --url postgres://app@localhost/shop --dir migrations
                              apply every pending migration
  schemac migrate --url sqlite:app.db --dir migrations --dry-run
                              list what would run, change nothing
  schemac migrate status --url mysql://root@localhost/shop --dir migrations
                              applied / pending / modified / failed
  schemac migrate down --steps 2 --url sqlite:app.db
                              revert the newest two with their down.sql
  schemac migrate resolve --applied 20260101120000_add_users --url ...
                              after fixing a failed MySQL migration by hand
  schemac migrate baseline 20260101120000_init --url ...
                              adopt a database that already holds that schema

A migration counts as applied by name. Each runs in its own transaction
(--tx) unless its first line is `-- schemac:no-transaction`; on MySQL, which
cannot roll DDL back, a failed migration is recorded as failed and further
runs refuse until `schemac migrate resolve`.
)";

namespace {

struct MigrateArgs {
  std::string url;
  std::string dir = "migrations";
  std::string tx = "each";
  double lockTimeoutSeconds = 60;
  std::string target;
  MigrateOptions options;
  // Subcommands.
  std::string resolveApplied, resolveRolledBack, baselineName;
  unsigned downSteps = 1;
};

const char *getStatusName(MigrationState::Status s) {
  switch (s) {
  case MigrationState::Status::Pending:
    return "pending";
  case MigrationState::Status::Applied:
    return "applied";
  case MigrationState::Status::Modified:
    return "modified";
  case MigrationState::Status::Failed:
    return "failed";
  case MigrationState::Status::Missing:
    return "missing";
  }
  return "unknown";
}

void printStatus(const MigrateReport &report, llvm::raw_ostream &os) {
  size_t width = 0;
  for (const MigrationState &m : report.migrations)
    width = std::max(width, m.name.size());
  for (const MigrationState &m : report.migrations) {
    std::string line = m.name + std::string(width - m.name.size(), ' ') + "  " +
                       llvm::formatv("{0,-8}", getStatusName(m.status)).str();
    if (m.status == MigrationState::Status::Applied ||
        m.status == MigrationState::Status::Modified)
      line += llvm::formatv("  {0} ({1} ms)", m.appliedAt, m.durationMs).str();
    if (m.status == MigrationState::Status::Failed)
      line += llvm::formatv("  after {0} statements", m.statementsRun).str();
    if (m.status == MigrationState::Status::Pending && m.outOfOrder)
      line += "  out of order (older than the newest applied)";
    os << llvm::StringRef(line).rtrim() << '\n';
  }
}

/// Reports a failed statement at its line of migration.sql.
void reportMigrationError(Session &session, const MigrationError &e,
                          llvm::StringRef dir) {
  std::string path = dir.str() + "/" + e.migration + "/migration.sql";
  SourceRange range;
  if (std::optional<FileID> file = session.readFile(path)) {
    llvm::StringRef text = session.getSourceManager().getBuffer(*file);
    size_t offset = 0;
    for (unsigned line = 1; line < e.line && offset != llvm::StringRef::npos;
         ++line) {
      offset = text.find('\n', offset);
      if (offset != llvm::StringRef::npos)
        ++offset;
    }
    if (offset != llvm::StringRef::npos) {
      size_t end = text.find('\n', offset);
      range = {*file, uint32_t(offset),
               uint32_t(end == llvm::StringRef::npos ? text.size() : end)};
    }
  }
  Diagnostic &d = session.getDiags().report(DiagID::MigrationFailed, range,
                                            "migration " + e.migration +
                                                " failed: " + e.message);
  d.notes.push_back(
      {{},
       e.recordedAsFailed
           ? "the statements before it could not be rolled back: the "
             "migration is recorded as failed; fix the database, then "
             "run `schemac migrate resolve --applied " +
                 e.migration + "` or `--rolled-back " + e.migration + "`"
           : "the migration was rolled back and nothing was recorded"});
}

void reportError(Session &session, llvm::Error error, llvm::StringRef dir) {
  llvm::handleAllErrors(
      std::move(error),
      [&](const MigrationError &e) { reportMigrationError(session, e, dir); },
      [&](const MigrateError &e) {
        DiagID id = DiagID::QueryFailed;
        switch (e.kind) {
        case MigrateError::Kind::Folder:
          id = DiagID::MigrationFolderInvalid;
          break;
        case MigrateError::Kind::Connection:
          id = DiagID::ConnectionFailed;
          break;
        case MigrateError::Kind::Lock:
          id = DiagID::MigrationLockTimeout;
          break;
        case MigrateError::Kind::Refused:
          id = DiagID::MigrationRefused;
          break;
        case MigrateError::Kind::Database:
          id = DiagID::QueryFailed;
          break;
        }
        session.getDiags().report(id, {}, e.message);
      },
      [&](const llvm::ErrorInfoBase &e) {
        session.getDiags().report(DiagID::QueryFailed, {}, e.message());
      });
}

void addConnectionOptions(CLI::App &cmd, MigrateArgs &args) {
  cmd.add_option("--url", args.url, "The database to migrate")
      ->type_name("URL")
      ->envname("SCHEMAC_DATABASE_URL")
      ->required();
  cmd.add_option("--dir", args.dir, "The migrations folder")
      ->type_name("DIR")
      ->capture_default_str();
  cmd.add_option("--history-schema", args.options.historySchema,
                 "PostgreSQL: the schema of the history table")
      ->type_name("NAME")
      ->capture_default_str();
  cmd.add_option("--history-table", args.options.historyTable,
                 "The history table")
      ->type_name("NAME")
      ->capture_default_str();
}

} // namespace

Command driver::addMigrateCommand(CLI::App &root) {
  CLI::App *cmd = root.add_subcommand(
      "migrate", "Apply the pending migrations of a folder to a database");
  auto opts = std::make_shared<CommonOptions>();
  auto args = std::make_shared<MigrateArgs>();
  addCommonOptions(*cmd, *opts, /*withInputs=*/false);
  addConnectionOptions(*cmd, *args);
  cmd->add_option("--tx", args->tx,
                  "Transactions: each (one per migration), all (one for the "
                  "run; not MySQL) or none")
      ->type_name("MODE")
      ->check(CLI::IsMember({"each", "all", "none"}))
      ->capture_default_str();
  cmd->add_flag("--allow-modified", args->options.allowModified,
                "Accept applied migrations whose file changed since");
  cmd->add_flag("--strict-order", args->options.strictOrder,
                "Refuse pending migrations older than the newest applied");
  cmd->add_flag("--dry-run", args->options.dryRun,
                "Print what would run; change nothing");
  cmd->add_option("--to", args->target,
                  "Apply pending migrations up to and including NAME")
      ->type_name("NAME");
  cmd->add_option("--lock-timeout", args->lockTimeoutSeconds,
                  "Seconds to wait for another run's lock")
      ->type_name("SECONDS")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->footer(migrateExamples);

  CLI::App *status = cmd->add_subcommand(
      "status", "Print each migration's state: applied, pending, modified, "
                "failed, missing");
  status->fallthrough();
  CLI::App *resolve = cmd->add_subcommand(
      "resolve", "Settle a migration that failed part-way without a "
                 "transaction (MySQL)");
  resolve->fallthrough();
  auto *asApplied =
      resolve
          ->add_option("--applied", args->resolveApplied,
                       "The database was finished by hand: record NAME "
                       "as applied")
          ->type_name("NAME");
  resolve
      ->add_option("--rolled-back", args->resolveRolledBack,
                   "The database was restored by hand: forget NAME, so the "
                   "next run applies it again")
      ->type_name("NAME")
      ->excludes(asApplied);
  resolve->require_option(1);
  CLI::App *baseline = cmd->add_subcommand(
      "baseline", "Record every migration up to NAME as applied without "
                  "running it (a database that predates schemac)");
  baseline->fallthrough();
  baseline
      ->add_option("NAME", args->baselineName,
                   "The last migration the "
                   "database already holds")
      ->required();
  CLI::App *down = cmd->add_subcommand(
      "down", "Revert the newest applied migrations with their down.sql");
  down->fallthrough();
  down->add_option("--steps", args->downSteps, "How many migrations to revert")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();

  return {cmd, [opts, args, status, resolve, baseline, down] {
            Session session(*opts);
            if (!session.loadConfig())
              return session.finish();
            MigrateOptions options = args->options;
            options.transactions = args->tx == "all"    ? TransactionMode::All
                                   : args->tx == "none" ? TransactionMode::None
                                                        : TransactionMode::Each;
            options.lockTimeoutMs = uint64_t(args->lockTimeoutSeconds * 1000);
            if (!args->target.empty())
              options.target = args->target;
            llvm::raw_ostream &os = llvm::outs();
            auto finish = [&](llvm::Expected<MigrateReport> report,
                              llvm::StringRef verb) {
              if (!report) {
                reportError(session, report.takeError(), args->dir);
                return session.finish();
              }
              for (const AppliedMigration &m : report->applied)
                os << verb << ' ' << m.name << '\n';
              if (verb.empty())
                printStatus(*report, os);
              return session.finish();
            };
            if (status->parsed())
              return finish(getMigrationStatus(args->url, args->dir, options),
                            "");
            if (resolve->parsed()) {
              bool applied = !args->resolveApplied.empty();
              return finish(resolveMigration(args->url, args->dir,
                                             applied ? args->resolveApplied
                                                     : args->resolveRolledBack,
                                             applied, options),
                            applied ? "recorded as applied:"
                                    : "forgotten (pending again):");
            }
            if (baseline->parsed())
              return finish(baselineMigrations(args->url, args->dir,
                                               args->baselineName, options),
                            "recorded as applied (not run):");
            if (down->parsed())
              return finish(revertMigrations(args->url, args->dir,
                                             args->downSteps, options),
                            options.dryRun ? "would revert" : "reverted");
            llvm::Expected<MigrateReport> report =
                migrate(args->url, args->dir, options);
            if (!report) {
              reportError(session, report.takeError(), args->dir);
              return session.finish();
            }
            if (report->applied.empty())
              os << "nothing to apply: the database is up to date\n";
            for (const AppliedMigration &m : report->applied) {
              os << (options.dryRun ? "would apply " : "applied ") << m.name;
              if (!options.dryRun)
                os << " (" << m.durationMs << " ms)";
              if (m.outOfOrder)
                os << ", out of order (older than the newest applied)";
              os << '\n';
            }
            return session.finish();
          }};
}
