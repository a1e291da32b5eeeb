//===- Options.h - options every schemac subcommand shares ----------------===//
#ifndef SCHEMAC_DRIVER_OPTIONS_H
#define SCHEMAC_DRIVER_OPTIONS_H

#include "ir/Diff.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace schemac::driver {

/// What the command line said, before the config file fills the gaps.
/// Empty strings mean "not given".
struct CommonOptions {
  std::vector<std::string> inputs;
  std::string diagnosticsFormat = "text";
  std::string diagnosticsFile;
  std::string color = "auto";
  std::string dialect;
  std::string configFile;
  bool noConfig = false;
  bool verbose = false;
  // Output options (only for commands that write a file).
  std::string outputFile;
  bool writeIfChanged = false;
  std::string depfile;
};

/// Adds FILES (unless !withInputs), diagnostics, colour, dialect and config
/// options to `cmd`.
void addCommonOptions(CLI::App &cmd, CommonOptions &opts,
                      bool withInputs = true);
/// Adds -o, --write-if-changed and --depfile (which requires -o).
void addOutputOptions(CLI::App &cmd, CommonOptions &opts);
/// Adds the repeatable --rename KIND:OLD=NEW (diff, generate).
void addRenameOption(CLI::App &cmd, std::vector<std::string> &renames);

/// `--allow CODE[=OBJECT]` (repeatable), validated while parsing.
void addAllowOption(CLI::App &cmd, std::vector<std::string> &allowed);

/// The validated `--allow` values as hazard allowances.
std::vector<ir::HazardAllowance>
parseAllowances(llvm::ArrayRef<std::string> allowed);

} // namespace schemac::driver

#endif
