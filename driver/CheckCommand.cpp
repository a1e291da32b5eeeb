//===- CheckCommand.cpp - `schemac check`: diagnostics only ---------------===//

#include "driver/Commands.h"
#include "migrate/MigrationFolder.h"
#include "driver/Pipeline.h"
#include "llvm/Support/raw_ostream.h"
#include <CLI/CLI.hpp>
#include <memory>

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

static const char *const checkExamples = R"(
Examples:
  schemac check schema/                 check every *.schema file under schema/
  schemac check a.schema b.schema --dialect mysql
  schemac check --diagnostics-format=sarif --diagnostics-file=check.sarif
                                        use `schema` from schemac.toml, SARIF for CI
  schemac check --dir migrations        verify a migrations folder's schemac.sum
)";

Command driver::addCheckCommand(CLI::App &root) {
  CLI::App *cmd = root.add_subcommand(
      "check", "Parse and analyze schema files and report diagnostics");
  auto opts = std::make_shared<CommonOptions>();
  auto dir = std::make_shared<std::string>();
  addCommonOptions(*cmd, *opts);
  cmd->add_option("--dir", *dir,
                  "Verify this migrations folder against its schemac.sum "
                  "(and check FILES only if given)")
      ->type_name("DIR");
  cmd->footer(checkExamples);
  return {cmd, [opts, dir] {
            Session session(*opts);
            if (!dir->empty()) {
              if (llvm::Error err = verifySum(*dir))
                session.getDiags().report(DiagID::MigrationFolderInvalid, {},
                                          llvm::toString(std::move(err)));
              else if (opts->verbose)
                llvm::outs() << "checked " << *dir << ": schemac.sum matches\n";
              if (opts->inputs.empty())
                return session.finish();
            }
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
