//===- ExportCommand.cpp - `schemac export`: the whole schema as DDL ------===//

#include "backends/TypeScript.h"
#include "driver/Commands.h"
#include "driver/Pipeline.h"
#include <CLI/CLI.hpp>
#include <memory>

using namespace schemac;
using namespace schemac::driver;

static const char *const exportExamples = R"(
Examples:
  schemac export schema/ --dialect postgresql
                                        print CREATE statements for the schema
  schemac export schema/ --dialect postgresql -o schema.sql --depfile schema.sql.d
  schemac export app.schema --dialect sqlite -o app.sql && sqlite3 app.db < app.sql
                                        create a SQLite database, no server needed
  schemac export --format json -o snapshot.json
                                        dialect and inputs from schemac.toml
  schemac export snapshot.json --format dsl -o app.schema
                                        write a snapshot back as a schema file
  schemac export schema/ --dialect postgresql --format ts -o schema.ts
                                        drizzle-orm schema code for the dialect
)";

Command driver::addExportCommand(CLI::App &root) {
  CLI::App *cmd = root.add_subcommand(
      "export", "Export the whole schema as SQL DDL for one dialect, a "
                "snapshot or a schema file");
  auto opts = std::make_shared<CommonOptions>();
  auto format = std::make_shared<std::string>("sql");
  addCommonOptions(*cmd, *opts);
  addOutputOptions(*cmd, *opts);
  cmd->add_option("--format", *format,
                  "What to write: sql (DDL for --dialect), json (snapshot), "
                  "ir (textual IR), dsl (a schema file; --dialect optional) "
                  "or ts (drizzle-orm schema code for --dialect)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"sql", "json", "ir", "dsl", "ts"}))
      ->capture_default_str();
  auto tsCasing = std::make_shared<std::string>("camel");
  cmd->add_option("--ts-casing", *tsCasing,
                  "TypeScript names for --format ts: camel (createdAt) or "
                  "preserve (created_at); database names stay exact")
      ->type_name("CASING")
      ->check(CLI::IsMember({"camel", "preserve"}))
      ->capture_default_str();
  cmd->footer(exportExamples);
  return {cmd, [opts, format, tsCasing] {
            Session session(*opts);
            if (!session.loadConfig())
              return session.finish();
            std::optional<ir::Dialect> dialect = session.getDialect();
            // A schema file needs no target: without one, sema derives
            // names by PostgreSQL's rules, as `compile` does, and the file
            // re-derives them the same way (docs/backends.md).
            if (!dialect && *format != "dsl") {
              session.getDiags().report(
                  DiagID::UnknownDialect, {},
                  "no target dialect: give --dialect or set 'dialect' in "
                  "schemac.toml");
              return session.finish();
            }
            ir::Schema schema;
            if (!session.buildSchema(schema))
              return session.finish();
            if (*format == "ts") {
              TypeScriptOptions ts;
              ts.dialect = *dialect;
              ts.casing = *parseTypeScriptCasing(*tsCasing);
              session.emit(*createTypeScriptBackend(ts), schema);
              return session.finish();
            }
            std::string backendName =
                *format == "sql" ? ir::getDialectName(*dialect).str() : *format;
            std::string what =
                *format == "sql"
                    ? "exporting to " + ir::getDialectName(*dialect).str()
                    : "--format=" + *format;
            if (Backend *backend = session.getBackend(backendName, what))
              session.emit(*backend, schema);
            return session.finish();
          }};
}
