//===- Config.h - schemac.toml: discovery and loading ---------------------===//
#ifndef SCHEMAC_DRIVER_CONFIG_H
#define SCHEMAC_DRIVER_CONFIG_H

#include "diagnostics/Diagnostic.h"
#include "ir/Dialect.h"
#include <optional>
#include <string>
#include <vector>

namespace schemac::driver {

/// The settings of one schemac.toml. Paths are already joined with the
/// config file's directory, so they are usable from the current directory.
struct Config {
  std::string path; ///< the file read; empty if there was none
  std::optional<ir::Dialect> dialect;
  std::vector<std::string> schemaPaths;
  std::string outDir;
  std::string databaseURLEnv;
};

/// Finds schemac.toml in the current directory or its parents. Returns the
/// path relative to the current directory ("schemac.toml",
/// "../schemac.toml", ...), or nothing.
std::optional<std::string> findConfigFile();

/// Parses the config file at `path` (already added to the engine's
/// SourceManager as `file`). Unknown keys, wrong types and bad values are
/// config-error diagnostics at the key or value; returns false on errors.
bool loadConfig(FileID file, llvm::StringRef path, Config &config,
                DiagnosticEngine &diags);

} // namespace schemac::driver

#endif
