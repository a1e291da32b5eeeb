//===- Commands.h - the schemac subcommands, one file each ----------------===//
#ifndef SCHEMAC_DRIVER_COMMANDS_H
#define SCHEMAC_DRIVER_COMMANDS_H

#include <functional>

namespace CLI {
class App;
} // namespace CLI

namespace schemac::driver {

/// A registered subcommand: its CLI11 app, and what to run when the command
/// line selected it (returns the exit code).
struct Command {
  CLI::App *app;
  std::function<int()> run;
};

Command addCheckCommand(CLI::App &root);
Command addCompileCommand(CLI::App &root);
Command addDiffCommand(CLI::App &root);
Command addExportCommand(CLI::App &root);
Command addGenerateCommand(CLI::App &root);
Command addMigrateCommand(CLI::App &root);
Command addPullCommand(CLI::App &root);
Command addPushCommand(CLI::App &root);

} // namespace schemac::driver

#endif
