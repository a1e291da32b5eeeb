//===- Options.cpp - options every schemac subcommand shares --------------===//

#include "driver/Options.h"
#include "driver/InteractiveRenames.h"
#include "ir/Dialect.h"
#include "ir/Diff.h"
#include <CLI/CLI.hpp>
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::driver;

/// Rejects unknown dialect names while parsing, so they are usage errors.
static std::string checkDialect(const std::string &name) {
  if (ir::parseDialect(name))
    return {};
  return "unknown dialect '" + name +
         "' (expected postgresql, mysql or sqlite)";
}

void driver::addCommonOptions(CLI::App &cmd, CommonOptions &opts,
                              bool withInputs) {
  if (withInputs)
    cmd.add_option("FILES", opts.inputs,
                   "Schema files or directories (searched recursively for "
                   "*.schema); default: `schema` from schemac.toml")
        ->type_name("FILE");
  cmd.add_option("--diagnostics-format", opts.diagnosticsFormat,
                 "How to print diagnostics: text, json (LSP-shaped) or sarif")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->group("Diagnostics");
  cmd.add_option("--diagnostics-file", opts.diagnosticsFile,
                 "Write diagnostics to FILE instead of stderr")
      ->type_name("FILE")
      ->group("Diagnostics");
  cmd.add_option("--color", opts.color,
                 "Colour text diagnostics: auto (stderr is a terminal), "
                 "always or never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->group("Diagnostics");
  cmd.add_option("--dialect", opts.dialect,
                 "Target dialect: postgresql, mysql or sqlite (overrides "
                 "schemac.toml)")
      ->type_name("DIALECT")
      ->check(CLI::Validator(checkDialect, ""));
  auto *config =
      cmd.add_option(
             "--config", opts.configFile,
             "Use this config file instead of searching for schemac.toml")
          ->type_name("FILE");
  cmd.add_flag("--no-config", opts.noConfig, "Ignore schemac.toml files")
      ->excludes(config);
  cmd.add_flag("-v,--verbose", opts.verbose, "Report progress on success");
}

/// Rejects malformed rename requests while parsing (usage errors).
static std::string checkRename(const std::string &text) {
  if (ir::parseRenameRequest(text))
    return {};
  return "'" + text +
         "' is not KIND:OLD=NEW (e.g. table:old=new, column:t.old=new)";
}

static std::string checkAllowance(const std::string &text) {
  if (ir::parseHazardAllowance(text))
    return {};
  return "'" + text +
         "' is not CODE[=OBJECT], CODE one of destructive-change, "
         "data-dependent-change, table-rewrite";
}

void driver::addDiffRequestOptions(CLI::App &cmd, DiffRequestArgs &args) {
  cmd.add_option("--rename", args.renames,
                 "A rename the schemas do not state (repeatable)")
      ->type_name("KIND:OLD=NEW")
      ->check(CLI::Validator(checkRename, ""));
  cmd.add_option("--allow", args.allowed,
                 "Accept a hazard: no warning for CODE on OBJECT (a table, "
                 "TABLE.MEMBER, ...) or, without =OBJECT, anywhere "
                 "(repeatable)")
      ->type_name("CODE[=OBJECT]")
      ->check(CLI::Validator(checkAllowance, ""));
  cmd.add_flag("--concurrently", args.concurrently,
               "PostgreSQL: build and drop indexes of existing tables "
               "CONCURRENTLY (the script then runs outside a transaction)");
  cmd.add_flag("--interactive", args.interactive,
               "Ask on the terminal whether each possible rename is one "
               "(never without a terminal)");
}

ir::DiffOptions driver::makeDiffOptions(const DiffRequestArgs &args,
                                        const ir::Schema &from,
                                        const ir::Schema &to,
                                        DiagnosticEngine &diags) {
  ir::DiffOptions options;
  for (const std::string &text : args.renames)
    options.renames.push_back(*ir::parseRenameRequest(text));
  if (args.interactive)
    askForRenames(from, to, options, diags);
  return options;
}

std::optional<backends::MigrationSQLOptions>
driver::makeSQLOptions(const DiffRequestArgs &args, ir::Dialect dialect,
                       DiagnosticEngine &diags) {
  backends::MigrationSQLOptions options;
  options.concurrentIndexes = args.concurrently;
  if (args.concurrently && dialect != ir::Dialect::PostgreSQL) {
    diags.report(DiagID::DialectUnsupported, {},
                 fmt::format("{} cannot build indexes CONCURRENTLY "
                             "(--concurrently is PostgreSQL's)",
                             ir::getDialectName(dialect)));
    return std::nullopt;
  }
  return options;
}

std::vector<ir::HazardAllowance>
driver::parseAllowances(llvm::ArrayRef<std::string> allowed) {
  std::vector<ir::HazardAllowance> out;
  for (const std::string &text : allowed)
    out.push_back(*ir::parseHazardAllowance(text));
  return out;
}

void driver::addOutputOptions(CLI::App &cmd, CommonOptions &opts) {
  auto *output = cmd.add_option("-o,--output", opts.outputFile,
                                "Write to FILE (atomically, and only on "
                                "success) instead of stdout")
                     ->type_name("FILE")
                     ->group("Output");
  cmd.add_flag("--write-if-changed", opts.writeIfChanged,
               "Leave FILE untouched if it already has the same contents")
      ->needs(output)
      ->group("Output");
  cmd.add_option("--depfile", opts.depfile,
                 "Write a Makefile-syntax dependency file listing every "
                 "input read")
      ->type_name("FILE")
      ->needs(output)
      ->group("Output");
}
