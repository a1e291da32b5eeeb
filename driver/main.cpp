//===- main.cpp - schemac entry point: subcommands and exit codes ---------===//

#include "driver/Commands.h"
#include "driver/Pipeline.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/raw_ostream.h"
#include <CLI/CLI.hpp>
#include <vector>

using namespace schemac::driver;

static const char *const rootFooter = R"(
Run 'schemac COMMAND --help' for a command's options and examples.
Exit codes: 0 success, 1 errors reported, 2 usage error.)";

/// The innermost subcommand the command line selected, for the help hint.
static const CLI::App *selectedCommand(const CLI::App &root) {
  const CLI::App *app = &root;
  while (!app->get_subcommands().empty())
    app = app->get_subcommands().front();
  return app;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::setBugReportMsg("schemac crashed. Please report it with the input "
                        "that caused it and this stack trace.\n");
  CLI::App root("schemac: compile database schemas to SQL, snapshots and "
                "migrations",
                "schemac");
  root.set_version_flag("--version", "schemac " SCHEMAC_VERSION);
  root.require_subcommand(1);
  root.footer(rootFooter);

  std::vector<Command> commands{addCheckCommand(root), addCompileCommand(root),
                                addDiffCommand(root), addExportCommand(root),
                                addGenerateCommand(root), addPullCommand(root)};

  try {
    root.parse(argc, argv);
  } catch (const CLI::CallForHelp &) {
    llvm::outs() << root.help();
    return ExitSuccess;
  } catch (const CLI::CallForAllHelp &) {
    llvm::outs() << root.help("", CLI::AppFormatMode::All);
    return ExitSuccess;
  } catch (const CLI::CallForVersion &e) {
    llvm::outs() << e.what() << '\n';
    return ExitSuccess;
  } catch (const CLI::ParseError &e) {
    const CLI::App *cmd = selectedCommand(root);
    std::string name = cmd == &root ? "schemac" : "schemac " + cmd->get_name();
    llvm::errs() << "schemac: error: " << e.what() << "\nRun '" << name
                 << " --help' for more information.\n";
    return ExitUsage;
  }

  for (const Command &command : commands)
    if (command.app->parsed())
      return command.run();
  return ExitUsage;
}
