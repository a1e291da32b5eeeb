//===- GenerateCommand.cpp - `schemac generate`: the next versioned migration //
//
// Reads the folder's latest state (after verifying its integrity file), diffs
// it against the schema files, and hands the migration and its reverse (the
// down migration, renames reversed) to the folder's layout
// (driver/MigrationLayout.h), which writes every file atomically.
//
//===----------------------------------------------------------------------===//

#include "backends/MigrationSQL.h"
#include "driver/Commands.h"
#include "driver/MigrationLayout.h"
#include "driver/OutputFile.h"
#include "driver/Pipeline.h"
#include "ir/Diff.h"
#include "ir/JSON.h"
#include "migrate/MigrationFolder.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <fmt/format.h>
#include <memory>

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

static const char *const generateExamples = R"(
Examples:
  schemac generate schema/ --out migrations --dialect postgresql --name add_users
                              write migrations/<UTC timestamp>_add_users/
  schemac generate --out migrations --timestamp 20260101120000
                              a fixed timestamp, for build systems
  schemac generate --out migrations --custom --name backfill
                              an empty migration for hand-written SQL
  schemac generate --out db/migration --layout flyway --name add_users
                              V<timestamp>__add_users.sql and its undo, for Flyway

Each migration directory holds migration.sql, down.sql and snapshot.json;
migrations/schemac.sum checks them all (see `schemac check --dir`). Other
layouts (flyway, golang-migrate, dbmate, liquibase, atlas, drizzle) keep the
latest state in .schemac/snapshot.json. When the schema has not changed since the
latest snapshot, nothing is written.
)";

namespace {
struct GenerateArgs {
  std::string out, name = "migration", timestamp, layout = "schemac";
  DiffRequestArgs request;
  bool custom = false;
};

std::string utcTimestamp() {
  std::time_t now =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &utc);
  return buf;
}

std::string qualified(const ir::QualifiedName &name) {
  return name.ns.empty() ? name.name.str() : (name.ns + "." + name.name).str();
}

/// The renames of `m`, backwards: what the down migration's diff needs,
/// since the old schema carries no @was naming the new names.
std::vector<ir::RenameRequest> reversedRenames(const ir::Migration &m) {
  using K = ir::RenameRequest::Kind;
  std::vector<ir::RenameRequest> out;
  for (const ir::Change &c : m.changes) {
    switch (c.kind) {
    case ir::ChangeKind::RenameTable:
      out.push_back(
          {K::Table, qualified(c.toTable->name), qualified(c.fromTable->name)});
      break;
    case ir::ChangeKind::RenameEnum:
      out.push_back(
          {K::Enum, qualified(c.toEnum->name), qualified(c.fromEnum->name)});
      break;
    case ir::ChangeKind::RenameSequence:
      out.push_back({K::Sequence, qualified(c.toSequence->name),
                     qualified(c.fromSequence->name)});
      break;
    case ir::ChangeKind::RenameColumn:
      out.push_back(
          {K::Column,
           qualified(c.fromTable->name) + "." + c.toColumn->name.str(),
           c.fromColumn->name.str()});
      break;
    case ir::ChangeKind::RenameConstraint:
      out.push_back(
          {K::Constraint,
           qualified(c.fromTable->name) + "." + c.toConstraint->name.str(),
           c.fromConstraint->name.str()});
      break;
    case ir::ChangeKind::RenameEnumValue:
      // The enum as the down migration's new schema names it.
      out.push_back({K::EnumValue,
                     qualified(c.fromEnum->name) + "." + c.otherValue.str(),
                     c.value.str()});
      break;
    case ir::ChangeKind::RenameIndex:
      out.push_back({K::Index,
                     qualified(c.fromTable->name) + "." + c.toIndex->name.str(),
                     c.fromIndex->name.str()});
      break;
    default:
      break;
    }
  }
  return out;
}

/// The version a migration id starts with: its leading digits.
std::string leadingVersion(llvm::StringRef id) {
  return id.take_while(llvm::isDigit).str();
}

std::string checkName(const std::string &name) {
  bool valid = !name.empty() && llvm::all_of(name, [](char c) {
    return llvm::isAlnum(c) || c == '_' || c == '-';
  });
  return valid ? std::string()
               : "'" + name + "' is not a name of letters, digits, _ and -";
}

std::string checkTimestamp(const std::string &s) {
  bool valid = s.size() == 14 &&
               llvm::all_of(s, [](char c) { return llvm::isDigit(c); });
  return valid ? std::string() : "'" + s + "' is not yyyymmddHHMMSS";
}

} // namespace

Command driver::addGenerateCommand(CLI::App &root) {
  CLI::App *cmd = root.add_subcommand(
      "generate", "Write the next versioned migration into a folder");
  auto opts = std::make_shared<CommonOptions>();
  auto args = std::make_shared<GenerateArgs>();
  addCommonOptions(*cmd, *opts);
  cmd->add_option("--out", args->out, "The migrations folder")
      ->type_name("DIR")
      ->required();
  cmd->add_option("--name", args->name,
                  "The migration's name (letters, digits, _ and -)")
      ->type_name("NAME")
      ->capture_default_str()
      ->check(CLI::Validator(checkName, ""));
  cmd->add_option("--timestamp", args->timestamp,
                  "Use this yyyymmddHHMMSS instead of the current UTC time")
      ->type_name("STAMP")
      ->check(CLI::Validator(checkTimestamp, ""));
  cmd->add_option("--layout", args->layout,
                  "The folder layout: the tool that will apply it")
      ->type_name("NAME")
      ->check(CLI::IsMember(getLayoutNames()))
      ->capture_default_str();
  cmd->add_flag("--custom", args->custom,
                "Write an empty migration for hand-written SQL");
  addDiffRequestOptions(*cmd, args->request);
  cmd->footer(generateExamples);
  return {
      cmd, [opts, args] {
        Session session(*opts);
        DiagnosticEngine &diags = session.getDiags();
        if (!session.loadConfig())
          return session.finish();
        std::optional<ir::Dialect> dialect = session.getDialect();
        if (!dialect) {
          diags.report(DiagID::UnknownDialect, {},
                       "no target dialect: give --dialect or set "
                       "'dialect' in schemac.toml");
          return session.finish();
        }
        const MigrationLayout &layout = *findLayout(args->layout);
        ir::Schema from, to;
        std::optional<FolderState> folder =
            session.loadMigrationsFolder(layout, args->out, from);
        if (!folder)
          return session.finish();
        const std::vector<std::string> &migrations = folder->migrations;
        if (!session.buildSchema(to))
          return session.finish();

        ir::DiffOptions options =
            makeDiffOptions(args->request, from, to, diags);
        ir::Migration up = ir::diffSchemas(from, to, options, diags);
        ir::reportHazards(up, diags, parseAllowances(args->request.allowed));
        if (diags.hasErrors())
          return session.finish();
        if (up.empty() && !args->custom) {
          llvm::errs() << "schemac: no changes since "
                       << (migrations.empty() ? std::string("an empty "
                                                            "database")
                                              : migrations.back())
                       << "; nothing written\n";
          return session.finish();
        }
        // The reverse diff only needs the renames; its hazards are the
        // down migration's business, not this run's.
        ir::DiffOptions back;
        back.renames = reversedRenames(up);
        DiagnosticEngine quiet(session.getSourceManager());
        ir::Migration down = ir::diffSchemas(to, from, back, quiet);

        std::string upSQL, downSQL;
        if (!args->custom) {
          auto sqlOptions = makeSQLOptions(args->request, *dialect, diags);
          if (!sqlOptions)
            return session.finish();
          auto sql = backends::writeMigrationSQL(*dialect, up, from, to, diags,
                                                 *sqlOptions);
          auto reverse = backends::writeMigrationSQL(*dialect, down, to, from,
                                                     diags, *sqlOptions);
          if (!sql || !reverse)
            return session.finish();
          upSQL = std::move(*sql);
          downSQL = std::move(*reverse);
        } else {
          upSQL = "-- Write this migration's SQL here.\n";
          downSQL = "-- Write the SQL that undoes it here.\n";
        }
        NewMigration m;
        m.version = args->timestamp.empty() ? utcTimestamp() : args->timestamp;
        m.name = args->name;
        m.dialect = *dialect;
        m.up = std::move(upSQL);
        m.down = std::move(downSQL);
        // The snapshot is streamed: it is the largest output by far.
        const ir::Schema &state = args->custom ? from : to;
        auto writeSnapshot = [&](llvm::raw_ostream &os) {
          ir::writeSnapshot(state, os);
        };
        m.writeSnapshot = writeSnapshot;
        if (!migrations.empty() &&
            m.version <= leadingVersion(migrations.back())) {
          diags.report(DiagID::MigrationFolderInvalid, {},
                       fmt::format("migration '{}_{}' would not come "
                                   "after the latest, '{}'",
                                   m.version, m.name, migrations.back()));
          return session.finish();
        }
        if (std::string why = layout.refuse(m); !why.empty()) {
          diags.report(DiagID::MigrationUnsupported, {}, why);
          return session.finish();
        }
        llvm::Expected<std::string> written = layout.write(args->out, m);
        if (!written) {
          diags.report(DiagID::OutputError, {},
                       llvm::toString(written.takeError()));
          return session.finish();
        }
        llvm::outs() << *written << "\n";
        return session.finish();
      }};
}
