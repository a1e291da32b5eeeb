//===- Options.h - options every schemac subcommand shares ----------------===//
#ifndef SCHEMAC_DRIVER_OPTIONS_H
#define SCHEMAC_DRIVER_OPTIONS_H

#include "backends/MigrationSQL.h"
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
/// How a migration is computed and written, from the command line (diff,
/// generate).
struct DiffRequestArgs {
  std::vector<std::string> renames; ///< --rename KIND:OLD=NEW, validated
  std::vector<std::string> allowed; ///< --allow CODE[=OBJECT], validated
  bool interactive = false;         ///< --interactive
  bool concurrently = false;        ///< --concurrently (PostgreSQL)
};

/// Adds the repeatable --rename and --allow, --interactive and
/// --concurrently.
void addDiffRequestOptions(CLI::App &cmd, DiffRequestArgs &args);

/// The diff options the arguments ask for; with --interactive, after asking
/// about possible renames (driver/InteractiveRenames.h).
ir::DiffOptions makeDiffOptions(const DiffRequestArgs &args,
                                const ir::Schema &from, const ir::Schema &to,
                                DiagnosticEngine &diags);

/// How to write the SQL for `dialect`; std::nullopt after reporting an
/// option the dialect does not have.
std::optional<backends::MigrationSQLOptions>
makeSQLOptions(const DiffRequestArgs &args, ir::Dialect dialect,
               DiagnosticEngine &diags);

/// The validated `--allow` values as hazard allowances.
std::vector<ir::HazardAllowance>
parseAllowances(llvm::ArrayRef<std::string> allowed);

} // namespace schemac::driver

#endif
