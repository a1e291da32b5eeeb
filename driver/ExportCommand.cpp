//===- ExportCommand.cpp - `schemac export`: the whole schema as DDL ------===//

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
)";

Command driver::addExportCommand(CLI::App &root) {
  CLI::App *cmd = root.add_subcommand(
      "export", "Export the whole schema as SQL DDL for one dialect");
  auto opts = std::make_shared<CommonOptions>();
  auto format = std::make_shared<std::string>("sql");
  addCommonOptions(*cmd, *opts);
  addOutputOptions(*cmd, *opts);
  cmd->add_option("--format", *format,
                  "What to write: sql (DDL for --dialect), json (snapshot) "
                  "or ir (textual IR)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"sql", "json", "ir"}))
      ->capture_default_str();
  cmd->footer(exportExamples);
  return {cmd, [opts, format] {
            Session session(*opts);
            if (!session.loadConfig())
              return session.finish();
            std::optional<ir::Dialect> dialect = session.getDialect();
            if (!dialect) {
              session.getDiags().report(
                  DiagID::UnknownDialect, {},
                  "no target dialect: give --dialect or set 'dialect' in "
                  "schemac.toml");
              return session.finish();
            }
            ir::Schema schema;
            if (!session.buildSchema(schema))
              return session.finish();
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
