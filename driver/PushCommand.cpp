//===- PushCommand.cpp - `schemac push`: a schema straight to a database --===//
//
// Introspect, diff, print the plan with its hazards, and apply it the way
// `migrate` applies a migration (one transaction where the database
// allows), without recording anything. Changes that drop data or depend on
// the rows need --force, or a yes on a terminal.
//
//===----------------------------------------------------------------------===//

#include "backends/MigrationSQL.h"
#include "db/DatabaseURL.h"
#include "driver/Commands.h"
#include "driver/Pipeline.h"
#include "driver/Prompt.h"
#include "frontend/introspect/StoredForm.h"
#include "ir/Diff.h"
#include "migrate/ApplyScript.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <CLI/CLI.hpp>
#include <memory>

using namespace schemac;
using namespace schemac::driver;

static const char *const pushExamples = R"(
FILES as for `check` (default: `schema` from schemac.toml); URL as for
`schemac pull`. For prototyping: production databases deserve reviewed
migrations (`schemac generate`, `schemac migrate`).

Examples:
  schemac push schema/ --url sqlite:dev.db
                              make the database match the schema
  schemac push schema/ --url postgres://app@localhost/dev --dry-run
                              print the plan and its hazards, change nothing
  schemac push schema/ --url mysql://root@localhost/dev --force
                              also apply changes that drop data

Exit codes: 0 applied (or nothing to do, or --dry-run), 1 errors or a plan
that needs --force without a terminal to ask on, 2 usage errors.
)";

namespace {
struct PushArgs {
  std::string url;
  bool dryRun = false;
  bool force = false;
  DiffRequestArgs request;
};

/// Counts the hazard warnings that make a push need --force.
unsigned countRiskyHazards(const DiagnosticEngine &diags) {
  unsigned n = 0;
  for (const Diagnostic &d : diags.getDiagnostics())
    if (d.id == DiagID::DestructiveChange ||
        d.id == DiagID::DataDependentChange)
      ++n;
  return n;
}
} // namespace

Command driver::addPushCommand(CLI::App &root) {
  CLI::App *cmd = root.add_subcommand(
      "push", "Make a database match the schema directly (no migration files)");
  auto opts = std::make_shared<CommonOptions>();
  auto args = std::make_shared<PushArgs>();
  addCommonOptions(*cmd, *opts);
  cmd->add_option("--url", args->url, "The database to change")
      ->type_name("URL")
      ->envname("SCHEMAC_DATABASE_URL")
      ->required();
  cmd->add_flag("--dry-run", args->dryRun,
                "Print the plan and its hazards; change nothing");
  cmd->add_flag("--force", args->force,
                "Apply changes that drop data or depend on the rows without "
                "asking");
  addDiffRequestOptions(*cmd, args->request);
  cmd->footer(pushExamples);
  return {
      cmd, [opts, args] {
        Session session(*opts);
        if (!session.loadConfig())
          return session.finish();
        llvm::Expected<db::DatabaseURL> url = db::parseDatabaseURL(args->url);
        if (!url) {
          session.getDiags().report(DiagID::InvalidDatabaseURL, {},
                                    llvm::toString(url.takeError()));
          return session.finish();
        }
        session.setFallbackDialect(url->dialect);
        ir::Dialect dialect = *session.getDialect();
        ir::Schema current, wanted;
        if (!session.buildSchema(wanted))
          return session.finish();
        // A database that does not exist yet is empty (SQLite creates
        // the file when the plan is applied).
        bool missingFile = url->dialect == ir::Dialect::SQLite &&
                           url->path != ":memory:" &&
                           !llvm::sys::fs::exists(url->path);
        if (!missingFile && !session.readDatabase(args->url, current))
          return session.finish();
        session.matchServerForms(args->url, wanted);
        introspect::toStoredForm(dialect, current);
        introspect::toStoredForm(dialect, wanted);
        DiagnosticEngine &diags = session.getDiags();
        ir::DiffOptions diffOptions =
            makeDiffOptions(args->request, current, wanted, diags);
        ir::Migration migration =
            ir::diffSchemas(current, wanted, diffOptions, diags);
        ir::reportHazards(migration, diags,
                          parseAllowances(args->request.allowed));
        if (diags.hasErrors())
          return session.finish();
        llvm::raw_ostream &os = llvm::outs();
        if (migration.empty()) {
          os << "nothing to push: the database matches the schema\n";
          return session.finish();
        }
        auto sqlOptions = makeSQLOptions(args->request, dialect, diags);
        if (!sqlOptions)
          return session.finish();
        std::optional<std::string> sql = backends::writeMigrationSQL(
            dialect, migration, current, wanted, diags, *sqlOptions);
        if (!sql)
          return session.finish();
        os << *sql;
        if (!llvm::StringRef(*sql).ends_with("\n"))
          os << '\n';
        os.flush();
        if (args->dryRun)
          return session.finish();
        if (unsigned risky = countRiskyHazards(diags); risky && !args->force) {
          bool inputOpen = true;
          bool yes = canAskUser() &&
                     askYesNo(std::to_string(risky) +
                                  " change(s) above may delete data or fail on "
                                  "existing rows; apply the plan",
                              inputOpen);
          if (!yes) {
            diags.report(DiagID::MigrationRefused, {},
                         "nothing was changed: the plan drops data or "
                         "depends on the rows (warnings above); review "
                         "it, then rerun with --force or --allow "
                         "CODE=OBJECT");
            return session.finish();
          }
        }
        db::ConnectOptions connect;
        connect.createSQLiteFile = true;
        llvm::Expected<std::unique_ptr<db::Connection>> conn =
            db::connect(*url, connect);
        if (!conn) {
          diags.report(DiagID::ConnectionFailed, {},
                       llvm::toString(conn.takeError()));
          return session.finish();
        }
        if (llvm::Error e = applyScript(**conn, "push", *sql)) {
          llvm::handleAllErrors(
              std::move(e),
              [&](const MigrationError &m) {
                diags.report(
                    DiagID::MigrationFailed, {},
                    "push failed at line " + std::to_string(m.line) +
                        " of the plan: " + m.message +
                        (m.recordedAsFailed || dialect == ir::Dialect::MySQL
                             ? " (the statements before it stay applied: "
                               "MySQL cannot roll DDL back)"
                             : " (rolled back: the database is "
                               "unchanged)"));
              },
              [&](const llvm::ErrorInfoBase &e) {
                diags.report(DiagID::QueryFailed, {}, e.message());
              });
          return session.finish();
        }
        os << "pushed " << migration.changes.size() << " change(s)\n";
        return session.finish();
      }};
}
