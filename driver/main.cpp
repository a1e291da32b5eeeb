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

/// The subcommands the command line selected ("migrate resolve"), for the
/// help hint; empty for none.
static std::string selectedCommand(const CLI::App &root) {
  std::string path;
  for (const CLI::App *app = &root; !app->get_subcommands().empty();) {
    app = app->get_subcommands().front();
    path += (path.empty() ? "" : " ") + app->get_name();
  }
  return path;
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
                                addGenerateCommand(root), addMigrateCommand(root),
                                addPullCommand(root), addPushCommand(root)};

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
    std::string cmd = selectedCommand(root);
    std::string name = cmd.empty() ? "schemac" : "schemac " + cmd;
    llvm::errs() << "schemac: error: " << e.what() << "\nRun '" << name
                 << " --help' for more information.\n";
    return ExitUsage;
  }

  for (const Command &command : commands)
    if (command.app->parsed())
      return command.run();
  return ExitUsage;
}
