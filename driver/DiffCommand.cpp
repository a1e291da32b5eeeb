//===- DiffCommand.cpp - `schemac diff`: the migration between two schemas ===//

#include "backends/MigrationSQL.h"
#include "db/DatabaseURL.h"
#include "driver/Commands.h"
#include "driver/Pipeline.h"
#include "frontend/introspect/StoredForm.h"
#include "ir/Diff.h"
#include "llvm/Support/FormatVariadic.h"
#include <CLI/CLI.hpp>
#include <memory>

using namespace schemac;
using namespace schemac::driver;

static const char *const diffExamples = R"(
SRC is schema files or directories, one snapshot (.json), a migrations
folder of any --layout (its sum verified, its latest state), or a database
URL (what the database holds; see `schemac pull --help`).

Examples:
  schemac diff --from old.schema --to new.schema --dialect postgresql
                              print the SQL that migrates old to new
  schemac diff --from snapshot.json --to schema/ --emit migration-ir
                              print the changes as textual Migration IR
  schemac diff --from old.schema --to new.schema --dialect sqlite --emit json
                              the changes, their hazards and the SQL, for tools
  schemac diff --from migrations/ --to schema/ --exit-code > /dev/null
                              exit 1 if the schema changed since the snapshot
  schemac diff --from postgres://app@localhost/shop --to schema/ --exit-code
                              exit 1 if the database differs from the schema
  schemac diff --from old.schema --to new.schema --rename table:accounts=users
                              take a drop and create for a rename

Renames are never guessed: give @was(old) in the new schema or --rename.
KIND is table, column, enum, sequence, index, constraint or value (an enum
value); columns, indexes and constraints are named TABLE.NAME (new table
name), enum values ENUM.VALUE (new enum name):
  --rename column:users.mail=email   --rename value:mood.happy=glad
Exit codes: 0 success (with --exit-code: no change), 1 errors (with
--exit-code: changes), 2 usage errors (with --exit-code: also errors).
)";

namespace {
/// The dialect of the first side that is a database URL, if any.
std::optional<ir::Dialect>
getDatabaseDialect(const std::vector<std::string> &from,
                   const std::vector<std::string> &to) {
  for (const std::vector<std::string> *side : {&from, &to}) {
    if (side->size() != 1 || !db::isDatabaseURL(side->front()))
      continue;
    if (auto url = db::parseDatabaseURL(side->front()))
      return url->dialect;
    else
      llvm::consumeError(url.takeError()); // reading the side reports it
  }
  return std::nullopt;
}

struct DiffArgs {
  std::vector<std::string> from, to;
  DiffRequestArgs request;
  std::string emit = "sql";
  bool exitCode = false;
};
} // namespace

Command driver::addDiffCommand(CLI::App &root) {
  CLI::App *cmd = root.add_subcommand(
      "diff", "Print the migration that turns one schema into another");
  auto opts = std::make_shared<CommonOptions>();
  auto args = std::make_shared<DiffArgs>();
  addCommonOptions(*cmd, *opts, /*withInputs=*/false);
  addOutputOptions(*cmd, *opts);
  cmd->add_option("--from", args->from,
                  "The old schema (SRC); default: an empty database")
      ->type_name("SRC");
  cmd->add_option("--to", args->to,
                  "The new schema (SRC); default: `schema` from schemac.toml")
      ->type_name("SRC");
  cmd->add_option("--emit", args->emit,
                  "What to print: sql (for --dialect), migration-ir or json "
                  "(the changes, and the SQL when a dialect is set)")
      ->type_name("KIND")
      ->check(CLI::IsMember({"sql", "migration-ir", "json"}))
      ->capture_default_str();
  cmd->add_flag("--exit-code", args->exitCode,
                "Exit 1 if the schemas differ, 0 if not, 2 on errors");
  addDiffRequestOptions(*cmd, args->request);
  cmd->footer(diffExamples);
  return {
      cmd, [opts, args] {
        Session session(*opts);
        auto fail = [&] {
          int code = session.finish();
          return args->exitCode ? int(ExitUsage) : code;
        };
        if (!session.loadConfig())
          return fail();
        std::optional<ir::Dialect> databaseDialect =
            getDatabaseDialect(args->from, args->to);
        if (databaseDialect)
          session.setFallbackDialect(*databaseDialect);
        std::optional<ir::Dialect> dialect = session.getDialect();
        if (args->emit == "sql" && !dialect) {
          session.getDiags().report(
              DiagID::UnknownDialect, {},
              "no target dialect: give --dialect or set 'dialect' in "
              "schemac.toml (or --emit migration-ir)");
          return fail();
        }
        ir::Schema from, to;
        if (!args->from.empty() && !session.buildSchema(args->from, from))
          return fail();
        if (!session.buildSchema(
                args->to.empty() ? session.getInputs() : args->to, to))
          return fail();
        // A database side holds view queries and expressions in its own
        // form: give a side read from files the same.
        bool fromURL =
            args->from.size() == 1 && db::isDatabaseURL(args->from[0]);
        bool toURL = args->to.size() == 1 && db::isDatabaseURL(args->to[0]);
        if (fromURL && !toURL)
          session.matchServerForms(args->from[0], to);
        if (toURL && !fromURL)
          session.matchServerForms(args->to[0], from);
        // A database keeps one form for several spellings: compare
        // both sides in the form it holds.
        if (databaseDialect) {
          introspect::toStoredForm(*databaseDialect, from);
          introspect::toStoredForm(*databaseDialect, to);
        }
        ir::DiffOptions options =
            makeDiffOptions(args->request, from, to, session.getDiags());
        ir::Migration migration =
            ir::diffSchemas(from, to, options, session.getDiags());
        ir::reportHazards(migration, session.getDiags(),
                          parseAllowances(args->request.allowed));
        if (session.getDiags().hasErrors())
          return fail();
        std::optional<std::string> sql;
        if (dialect && args->emit != "migration-ir") {
          auto sqlOptions =
              makeSQLOptions(args->request, *dialect, session.getDiags());
          if (!sqlOptions)
            return fail();
          sql = backends::writeMigrationSQL(*dialect, migration, from, to,
                                            session.getDiags(), *sqlOptions);
          if (!sql)
            return fail();
        }
        std::string text;
        llvm::raw_string_ostream os(text);
        if (args->emit == "sql") {
          os << *sql;
        } else if (args->emit == "json") {
          llvm::json::Object out{{"changes", ir::migrationToJSON(migration)}};
          if (sql)
            out["sql"] = std::move(*sql);
          os << llvm::formatv("{0:2}", llvm::json::Value(std::move(out)))
             << '\n';
        } else {
          ir::printMigration(migration, os);
        }
        if (!session.writeOutput(text))
          return fail();
        int code = session.finish();
        if (code != ExitSuccess)
          return args->exitCode ? int(ExitUsage) : code;
        return args->exitCode && !migration.empty() ? int(ExitFailure)
                                                    : int(ExitSuccess);
      }};
}
