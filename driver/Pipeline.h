//===- Pipeline.h - the steps every subcommand shares ---------------------===//
//
// A Session is one schemac invocation: it owns the sources and diagnostics,
// applies schemac.toml under the command-line options, turns FILES into
// schema files, runs parse -> sema -> verify, writes outputs and depfiles,
// and finally prints the diagnostics and picks the exit code.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_DRIVER_PIPELINE_H
#define SCHEMAC_DRIVER_PIPELINE_H

#include "backends/Backend.h"
#include "diagnostics/Diagnostic.h"
#include "driver/Config.h"
#include "driver/Options.h"
#include "frontend/introspect/Introspect.h"
#include "ir/Schema.h"
#include <optional>
#include <string>
#include <vector>

namespace schemac::driver {

class MigrationLayout;
struct FolderState;

/// Exit codes (docs/cli.md): 0 success, 1 diagnostics or user error,
/// 2 usage error.
enum ExitCode : int { ExitSuccess = 0, ExitFailure = 1, ExitUsage = 2 };

class Session {
public:
  explicit Session(const CommonOptions &opts);

  DiagnosticEngine &getDiags() { return diags; }
  SourceManager &getSourceManager() { return sm; }
  const Config &getConfig() const { return config; }

  /// Reads schemac.toml (found, given by --config, or skipped by
  /// --no-config). Returns false if it has errors.
  bool loadConfig();
  /// --dialect, else the config's dialect, else the fallback (the dialect
  /// of a database the command reads), else none.
  std::optional<ir::Dialect> getDialect() const;
  void setFallbackDialect(ir::Dialect d) { fallbackDialect = d; }

  /// FILES, or the config's `schema` paths.
  const std::vector<std::string> &getInputs() const;
  /// Paths expanded to files: directories are searched recursively for
  /// *.schema, sorted by path. Missing paths are file-not-found diagnostics.
  std::vector<std::string> collectInputs(const std::vector<std::string> &paths);

  /// Reads one file into the SourceManager (recorded for the depfile).
  /// Unreadable files and non-UTF-8 text are reported; returns nothing then.
  std::optional<FileID> readFile(llvm::StringRef path);

  /// Reads the schema (readSchema) and, when a dialect is chosen, checks
  /// that the dialect can hold it (backends/DialectLegality.h). Returns false
  /// if any error was reported (the schema must not be emitted then).
  bool buildSchema(ir::Schema &schema);
  /// The same for the schema in `paths` rather than FILES.
  bool buildSchema(const std::vector<std::string> &paths, ir::Schema &schema);

  /// Parses every input in `paths`, analyzes and verifies the schema; a
  /// single `.json` input is loaded as a snapshot instead, and a single
  /// migrations folder (schemac's, or another tool's generate wrote) as its
  /// latest state, and a single database URL as what the database holds.
  bool readSchema(const std::vector<std::string> &paths, ir::Schema &schema);

  /// Connects to the database at `url` and reads it into an empty schema
  /// (frontend/introspect). Connection and query failures are reported with
  /// the URL redacted.
  bool readDatabase(llvm::StringRef url, ir::Schema &schema,
                    const IntrospectOptions &options = {});

  /// Rewrites what `fileSide` spells in its own way into the form the
  /// database at `url` stores it in, so each compares equal to its pulled
  /// self: on PostgreSQL the view queries, defaults, generated expressions,
  /// checks and index expressions (PostgresViewQueries.h,
  /// PostgresStoredExprs.h), on MySQL the table options equal to the
  /// database's defaults (StoredForm.h). A connection failure here leaves
  /// them as they are (readDatabase has already reported it).
  void matchServerForms(llvm::StringRef url, ir::Schema &fileSide);

  /// Loads and verifies a JSON snapshot (ir/JSON.h) into an empty schema.
  bool loadSnapshot(llvm::StringRef path, ir::Schema &schema);

  /// Verifies a migrations folder of `layout` (its sum, where it keeps
  /// one) and loads its latest state into `schema` (none: it stays empty).
  /// Returns what the folder holds, or nothing after reporting why not.
  std::optional<FolderState> loadMigrationsFolder(const MigrationLayout &layout,
                                                  llvm::StringRef dir,
                                                  ir::Schema &schema);

  /// The registered backend called `name`; reports an error (naming what
  /// the user asked for, `what`) and returns null if there is none.
  Backend *getBackend(llvm::StringRef name, llvm::StringRef what);

  /// Runs `backend` on `schema` and writes the result to -o (atomically,
  /// honouring --write-if-changed, then the depfile) or stdout. Nothing is
  /// written if the backend reports an error.
  bool emit(Backend &backend, const ir::Schema &schema);
  /// Writes `text` as emit does.
  bool writeOutput(const std::string &text);

  /// Prints the diagnostics (sorted) where the options say and returns the
  /// exit code: ExitFailure if any error was reported.
  int finish();

  /// Number of schema files buildSchema read.
  size_t getNumSchemaFiles() const { return numSchemaFiles; }

private:
  bool reportWriteError(llvm::StringRef path, llvm::Error err);
  /// Writes --depfile, if asked for, after the output file.
  bool writeDepfile();

  const CommonOptions &opts;
  SourceManager sm;
  DiagnosticEngine diags;
  Config config;
  BackendRegistry backends;
  /// Every file read (config included), in reading order, for --depfile.
  std::vector<std::string> filesRead;
  size_t numSchemaFiles = 0;
  std::optional<ir::Dialect> fallbackDialect;
};

} // namespace schemac::driver

#endif
