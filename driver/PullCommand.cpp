//===- PullCommand.cpp - `schemac pull`: a live database as a schema ------===//

#include "backends/SchemaLanguage.h"
#include "backends/TypeScript.h"
#include "db/DatabaseURL.h"
#include "driver/Commands.h"
#include "driver/OutputFile.h"
#include "driver/Pipeline.h"
#include "migrate/MigrationFolder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>

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
  schemac pull --url postgres://app@localhost/shop --format ts -o schema.ts
                              the database as drizzle-orm schema code
  schemac pull --url mysql://root@localhost/shop --table 'order*' --exclude '*_log'
                              only some tables
  schemac pull --url postgres://app@localhost/shop -o schema/
                              one file per schema: schema/main.schema for
                              the default one (public), schema/NAME.schema
)";

namespace {
struct PullArgs {
  std::string url;
  std::string format = "dsl";
  std::string tsCasing = "camel";
  IntrospectOptions introspect;
};

std::string checkGlob(const std::string &glob) {
  if (auto pattern = llvm::GlobPattern::create(glob); !pattern)
    return "invalid glob '" + glob +
           "': " + llvm::toString(pattern.takeError());
  return {};
}
/// -o DIR/ or an existing directory: one schema file per namespace.
bool isDirectoryOutput(llvm::StringRef path) {
  return !path.empty() &&
         (path.ends_with("/") || llvm::sys::fs::is_directory(path));
}

/// DIR/main.schema for the default namespace, DIR/NAME.schema for each
/// other one; each written atomically.
void writeNamespaceFiles(Session &session, const ir::Schema &schema,
                         llvm::StringRef dir) {
  if (std::error_code ec = llvm::sys::fs::create_directories(dir)) {
    session.getDiags().report(DiagID::OutputError, {},
                              "cannot create '" + dir.str() +
                                  "': " + ec.message());
    return;
  }
  std::vector<llvm::StringRef> namespaces{""};
  for (const ir::Namespace &ns : schema.namespaces)
    namespaces.push_back(ns.name);
  for (llvm::StringRef ns : namespaces) {
    std::string text;
    llvm::raw_string_ostream os(text);
    SchemaLanguageOptions options;
    options.onlyNamespace = ns;
    options.diags = &session.getDiags();
    printSchemaLanguage(schema, os, options);
    if (text.empty())
      continue;
    std::string path =
        migrator::joinPath(dir, (ns.empty() ? "main" : ns.str()) + ".schema");
    if (llvm::Error e = writeFileAtomically(path, text, /*onlyIfChanged=*/true))
      session.getDiags().report(DiagID::OutputError, {},
                                "cannot write '" + path +
                                    "': " + llvm::toString(std::move(e)));
  }
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
                  "What to write: dsl (the schema language; with -o DIR/ "
                  "one file per schema), json (a snapshot) or ts "
                  "(drizzle-orm schema code for the database's dialect)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"dsl", "json", "ts"}))
      ->capture_default_str();
  cmd->add_option("--ts-casing", args->tsCasing,
                  "TypeScript names for --format ts: camel (createdAt) or "
                  "preserve (created_at); database names stay exact")
      ->type_name("CASING")
      ->check(CLI::IsMember({"camel", "preserve"}))
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
            // readDatabase reports a bad URL; here it only picks names
            // and, for --format ts, the drizzle-orm module.
            std::optional<ir::Dialect> dialect;
            if (auto url = db::parseDatabaseURL(args->url)) {
              dialect = url->dialect;
              session.setFallbackDialect(url->dialect);
            } else {
              llvm::consumeError(url.takeError());
            }
            ir::Schema schema;
            if (!session.readDatabase(args->url, schema, args->introspect))
              return session.finish();
            if (args->format == "ts" && dialect) {
              TypeScriptOptions ts;
              ts.dialect = *dialect;
              ts.casing = *parseTypeScriptCasing(args->tsCasing);
              session.emit(*createTypeScriptBackend(ts), schema);
              return session.finish();
            }
            if (args->format == "dsl" && isDirectoryOutput(opts->outputFile)) {
              writeNamespaceFiles(session, schema, opts->outputFile);
              return session.finish();
            }
            if (Backend *backend = session.getBackend(
                    args->format, "--format=" + args->format))
              session.emit(*backend, schema);
            return session.finish();
          }};
}
