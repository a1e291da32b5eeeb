//===- CompileCommand.cpp - `schemac compile`: the Schema IR as text/JSON -===//

#include "driver/Commands.h"
#include "driver/Pipeline.h"
#include <CLI/CLI.hpp>
#include <memory>

using namespace schemac;
using namespace schemac::driver;

static const char *const compileExamples = R"(
Examples:
  schemac compile schema/ --emit=ir     print the textual IR (used by tests)
  schemac compile schema/ --emit=json -o snapshot.json
                                        write a versioned JSON snapshot
  schemac compile schema/ --emit=json -o snapshot.json --write-if-changed \
      --depfile snapshot.json.d         for build systems
)";

Command driver::addCompileCommand(CLI::App &root) {
  CLI::App *cmd = root.add_subcommand(
      "compile", "Compile schema files to the Schema IR (text or JSON)");
  auto opts = std::make_shared<CommonOptions>();
  auto emit = std::make_shared<std::string>("ir");
  addCommonOptions(*cmd, *opts);
  addOutputOptions(*cmd, *opts);
  cmd->add_option("--emit", *emit,
                  "What to write: ir (textual IR) or json (snapshot)")
      ->type_name("KIND")
      ->check(CLI::IsMember({"ir", "json"}))
      ->capture_default_str();
  cmd->footer(compileExamples);
  return {cmd, [opts, emit] {
            Session session(*opts);
            if (!session.loadConfig())
              return session.finish();
            ir::Schema schema;
            if (session.buildSchema(schema))
              if (Backend *backend =
                      session.getBackend(*emit, "--emit=" + *emit))
                session.emit(*backend, schema);
            return session.finish();
          }};
}
