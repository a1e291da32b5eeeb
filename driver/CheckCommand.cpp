//===- CheckCommand.cpp - `schemac check`: diagnostics only ---------------===//

#include "driver/Commands.h"
#include "driver/Pipeline.h"
#include "llvm/Support/raw_ostream.h"
#include <CLI/CLI.hpp>
#include <memory>

using namespace schemac;
using namespace schemac::driver;

static const char *const checkExamples = R"(
Examples:
  schemac check schema/                 check every *.schema file under schema/
  schemac check a.schema b.schema --dialect mysql
  schemac check --diagnostics-format=sarif --diagnostics-file=check.sarif
                                        use `schema` from schemac.toml, SARIF for CI
)";

Command driver::addCheckCommand(CLI::App &root) {
  CLI::App *cmd = root.add_subcommand(
      "check", "Parse and analyze schema files and report diagnostics");
  auto opts = std::make_shared<CommonOptions>();
  addCommonOptions(*cmd, *opts);
  cmd->footer(checkExamples);
  return {cmd, [opts] {
            Session session(*opts);
            if (session.loadConfig()) {
              ir::Schema schema;
              if (session.buildSchema(schema) && opts->verbose)
                llvm::outs()
                    << "checked " << session.getNumSchemaFiles()
                    << (session.getNumSchemaFiles() == 1 ? " file" : " files")
                    << ": no errors\n";
            }
            return session.finish();
          }};
}
