//===- PullCommand.cpp - `schemac pull`: a live database as a schema ------===//

#include "db/DatabaseURL.h"
#include "driver/Commands.h"
#include "driver/Pipeline.h"
#include "llvm/Support/GlobPattern.h"
#include <CLI/CLI.hpp>
#include <memory>

using namespace schemac;
using namespace schemac::driver;

static const char *const pullExamples = R"(
URL is postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?host=SOCKETDIR&sslmode=...]
(libpq: PGPASSWORD and ~/.pgpass work), mysql://USER[:PASSWORD]@HOST[:PORT]/DB
[?socket=PATH] (or mariadb://; MYSQL_PWD works), sqlite:PATH or
sqlite::memory:. Passwords never appear in output.

Examples:
  schemac pull --url postgres://app@localhost/shop -o shop.schema
                              the database as a schema file you can own
  schemac pull --url sqlite:app.db --format json -o snapshot.json
                              the database as a snapshot
  schemac pull --url mysql://root@localhost/shop --table 'order*' --exclude '*_log'
                              only some tables
)";

namespace {
struct PullArgs {
  std::string url;
  std::string format = "dsl";
  IntrospectOptions introspect;
};

std::string checkGlob(const std::string &glob) {
  if (auto pattern = llvm::GlobPattern::create(glob); !pattern)
    return "invalid glob '" + glob +
           "': " + llvm::toString(pattern.takeError());
  return {};
}
} // namespace

Command driver::addPullCommand(CLI::App &root) {
  CLI::App *cmd = root.add_subcommand(
      "pull", "Read a live database into the schema language or a snapshot");
  auto opts = std::make_shared<CommonOptions>();
  auto args = std::make_shared<PullArgs>();
  addCommonOptions(*cmd, *opts, /*withInputs=*/false);
  addOutputOptions(*cmd, *opts);
  cmd->add_option("--url", args->url, "The database to read")
      ->type_name("URL")
      ->required();
  cmd->add_option("--format", args->format,
                  "What to write: dsl (the schema language) or json (a "
                  "snapshot)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"dsl", "json"}))
      ->capture_default_str();
  cmd->add_option("--schema", args->introspect.namespaces,
                  "PostgreSQL: read only this schema (repeatable); default: "
                  "every schema but the system's")
      ->type_name("NAME");
  cmd->add_option("--table", args->introspect.tables,
                  "Read only tables matching GLOB (name or schema.name; "
                  "repeatable)")
      ->type_name("GLOB")
      ->check(CLI::Validator(checkGlob, ""));
  cmd->add_option("--exclude", args->introspect.excludes,
                  "Leave out tables matching GLOB (repeatable)")
      ->type_name("GLOB")
      ->check(CLI::Validator(checkGlob, ""));
  cmd->footer(pullExamples);
  return {cmd, [opts, args] {
            Session session(*opts);
            if (!session.loadConfig())
              return session.finish();
            // readDatabase reports a bad URL; here it only picks names.
            if (auto url = db::parseDatabaseURL(args->url))
              session.setFallbackDialect(url->dialect);
            else
              llvm::consumeError(url.takeError());
            ir::Schema schema;
            if (!session.readDatabase(args->url, schema, args->introspect))
              return session.finish();
            if (Backend *backend = session.getBackend(
                    args->format, "--format=" + args->format))
              session.emit(*backend, schema);
            return session.finish();
          }};
}
