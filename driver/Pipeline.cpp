//===- Pipeline.cpp - the steps every subcommand shares -------------------===//

#include "driver/Pipeline.h"
#include "backends/Backend.h"
#include "backends/DialectLegality.h"
#include "diagnostics/DiagnosticPrinter.h"
#include "driver/MigrationLayout.h"
#include "driver/OutputFile.h"
#include "frontend/Parser.h"
#include "frontend/Sema.h"
#include "frontend/introspect/PostgresStoredExprs.h"
#include "frontend/introspect/PostgresViewQueries.h"
#include "frontend/introspect/StoredForm.h"
#include "ir/JSON.h"
#include "ir/Verifier.h"
#include "migrate/MigrationFolder.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

#ifndef SCHEMAC_VERSION
#error "the build defines SCHEMAC_VERSION"
#endif

Session::Session(const CommonOptions &opts) : opts(opts), diags(sm) {
  registerBackends(backends);
}

bool Session::loadConfig() {
  if (opts.noConfig)
    return true;
  std::string path = opts.configFile;
  if (path.empty()) {
    std::optional<std::string> found = findConfigFile();
    if (!found)
      return true;
    path = *found;
  }
  std::optional<FileID> file = readFile(path);
  if (!file)
    return false;
  return driver::loadConfig(*file, path, config, diags);
}

std::optional<ir::Dialect> Session::getDialect() const {
  if (!opts.dialect.empty())
    return ir::parseDialect(opts.dialect);
  if (config.dialect)
    return config.dialect;
  return fallbackDialect;
}

/// Appends the *.schema files under `dir`, sorted by path.
static std::error_code collectDirectory(llvm::StringRef dir,
                                        std::vector<std::string> &out) {
  std::vector<std::string> found;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(dir, ec), end;
       it != end && !ec; it.increment(ec)) {
    llvm::StringRef path = it->path();
    if (llvm::sys::path::extension(path) != ".schema")
      continue;
    if (llvm::sys::fs::is_regular_file(path))
      found.push_back(path.str());
  }
  if (ec)
    return ec;
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return {};
}

const std::vector<std::string> &Session::getInputs() const {
  return opts.inputs.empty() ? config.schemaPaths : opts.inputs;
}

std::vector<std::string>
Session::collectInputs(const std::vector<std::string> &paths) {
  std::vector<std::string> files;
  if (paths.empty()) {
    diags.report(DiagID::FileNotFound, {},
                 "no input files: give FILES or set 'schema' in schemac.toml");
    return files;
  }
  for (const std::string &path : paths) {
    if (!llvm::sys::fs::is_directory(path)) {
      files.push_back(path); // readFile reports it if it cannot be read
      continue;
    }
    size_t before = files.size();
    if (std::error_code ec = collectDirectory(path, files))
      diags.report(
          DiagID::FileNotFound, {},
          fmt::format("cannot read directory '{}': {}", path, ec.message()));
    else if (files.size() == before)
      diags.report(DiagID::FileNotFound, {},
                   fmt::format("no .schema files in directory '{}'", path));
  }
  // The same file named twice (directly and through a directory) is read
  // once; otherwise every declaration in it would be a duplicate.
  llvm::StringSet<> seen;
  std::vector<std::string> unique;
  for (std::string &file : files) {
    llvm::SmallString<256> key(file);
    llvm::sys::path::remove_dots(key, /*remove_dot_dot=*/true);
    if (seen.insert(key).second)
      unique.push_back(std::move(file));
  }
  return unique;
}

std::optional<FileID> Session::readFile(llvm::StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer) {
    diags.report(DiagID::FileNotFound, {},
                 fmt::format("cannot read '{}': {}", path.str(),
                             buffer.getError().message()));
    return std::nullopt;
  }
  llvm::StringRef text = (*buffer)->getBuffer();
  if (text.size() > UINT32_MAX) {
    diags.report(
        DiagID::FileNotFound, {},
        fmt::format("cannot read '{}': file is larger than 4 GiB", path.str()));
    return std::nullopt;
  }
  filesRead.push_back(path.str());
  FileID file = sm.addBuffer(path.str(), text.str());
  text = sm.getBuffer(file);
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.data());
  const llvm::UTF8 *bad = begin;
  if (!llvm::isLegalUTF8String(&bad, begin + text.size())) {
    auto offset = static_cast<uint32_t>(bad - begin);
    diags.report(DiagID::InvalidEncoding, {file, offset, offset + 1},
                 fmt::format("invalid UTF-8 byte 0x{:02X}; schema files "
                             "must be UTF-8 text",
                             static_cast<unsigned>(*bad)));
    return std::nullopt;
  }
  return file;
}

bool Session::loadSnapshot(llvm::StringRef path, ir::Schema &schema) {
  std::optional<FileID> file = readFile(path);
  if (!file)
    return false;
  if (llvm::Error err = ir::readSnapshot(sm.getBuffer(*file), schema)) {
    diags.report(
        DiagID::InvalidSnapshot, SourceRange::point(*file, 0),
        fmt::format("invalid snapshot: {}", llvm::toString(std::move(err))));
    return false;
  }
  for (const std::string &problem : ir::verifySchema(schema))
    diags.report(DiagID::InvalidSnapshot, SourceRange::point(*file, 0),
                 fmt::format("invalid snapshot: {}", problem));
  return !diags.hasErrors();
}

static bool isSnapshotPath(llvm::StringRef path) {
  return llvm::sys::path::extension(path) == ".json";
}

bool Session::buildSchema(ir::Schema &schema) {
  return buildSchema(getInputs(), schema);
}

bool Session::buildSchema(const std::vector<std::string> &paths,
                          ir::Schema &schema) {
  if (!readSchema(paths, schema))
    return false;
  if (std::optional<ir::Dialect> dialect = getDialect())
    return backends::checkDialectLegality(schema, *dialect, diags);
  return true;
}

/// The layout of the migrations folder at `path` (schemac's holds
/// schemac.sum; another tool's, .schemac/snapshot.json), or null when
/// `path` is not one. Atlas's folder is told by its atlas.sum, so it is
/// verified like generate does; other tools keep no sum.
static const MigrationLayout *getFolderLayout(llvm::StringRef path) {
  if (!llvm::sys::fs::is_directory(path))
    return nullptr;
  if (llvm::sys::fs::exists(joinPath(path, SumFileName)))
    return findLayout("schemac");
  if (findStateSnapshot(path).empty())
    return nullptr;
  if (llvm::sys::fs::exists(joinPath(path, "atlas.sum")))
    return findLayout("atlas");
  if (llvm::sys::fs::exists(joinPath(joinPath(path, "meta"), "_journal.json")))
    return findLayout("drizzle");
  return findLayout("flyway"); // any tool layout: they read alike
}

std::optional<FolderState>
Session::loadMigrationsFolder(const MigrationLayout &layout,
                              llvm::StringRef dir, ir::Schema &schema) {
  // The folder must be intact before its snapshot is trusted.
  llvm::Expected<FolderState> folder = layout.read(dir);
  if (!folder) {
    diags.report(DiagID::MigrationFolderInvalid, {},
                 llvm::toString(folder.takeError()));
    return std::nullopt;
  }
  if (!folder->snapshot.empty() && !loadSnapshot(folder->snapshot, schema))
    return std::nullopt;
  return std::move(*folder);
}

bool Session::readDatabase(llvm::StringRef url, ir::Schema &schema,
                           const IntrospectOptions &options) {
  llvm::Expected<db::DatabaseURL> parsed = db::parseDatabaseURL(url);
  if (!parsed) {
    diags.report(DiagID::InvalidDatabaseURL, {},
                 llvm::toString(parsed.takeError()));
    return false;
  }
  llvm::Expected<std::unique_ptr<db::Connection>> conn = db::connect(*parsed);
  if (!conn) {
    diags.report(DiagID::ConnectionFailed, {},
                 llvm::toString(conn.takeError()));
    return false;
  }
  if (!introspectDatabase(**conn, schema, diags, options))
    return false;
  for (const std::string &problem : ir::verifySchema(schema))
    diags.report(DiagID::VerifierFailed, {},
                 fmt::format("internal error: the database read into an "
                             "invalid IR: {}",
                             problem));
  return !diags.hasErrors();
}

void Session::matchServerForms(llvm::StringRef url, ir::Schema &fileSide) {
  llvm::Expected<db::DatabaseURL> parsed = db::parseDatabaseURL(url);
  if (!parsed) {
    llvm::consumeError(parsed.takeError());
    return;
  }
  if (parsed->dialect == ir::Dialect::SQLite)
    return;
  llvm::Expected<std::unique_ptr<db::Connection>> conn = db::connect(*parsed);
  if (!conn) {
    llvm::consumeError(conn.takeError());
    return;
  }
  if (parsed->dialect == ir::Dialect::MySQL) {
    introspect::dropDefaultMySQLTableOptions(**conn, fileSide);
    return;
  }
  introspect::normalizePostgresViewQueries(**conn, fileSide);
  // The server's text of an expression the parser cannot read is kept as
  // raw SQL on both sides alike: no warning about it here.
  DiagnosticEngine quiet(sm);
  introspect::normalizePostgresExpressions(**conn, fileSide, quiet);
}

bool Session::readSchema(const std::vector<std::string> &paths,
                         ir::Schema &schema) {
  if (paths.size() == 1 && db::isDatabaseURL(paths.front()))
    return readDatabase(paths.front(), schema);
  if (paths.size() == 1)
    if (const MigrationLayout *layout = getFolderLayout(paths.front()))
      return loadMigrationsFolder(*layout, paths.front(), schema).has_value();
  std::vector<std::string> inputs = collectInputs(paths);
  if (llvm::any_of(inputs, isSnapshotPath)) {
    if (inputs.size() == 1)
      return loadSnapshot(inputs.front(), schema);
    diags.report(DiagID::InvalidSnapshot, {},
                 "a snapshot (.json) must be the only input");
    return false;
  }
  std::vector<std::unique_ptr<ast::File>> files;
  for (const std::string &path : inputs) {
    std::optional<FileID> file = readFile(path);
    if (!file)
      continue;
    ++numSchemaFiles;
    files.push_back(parseSchemaFile(*file, diags, schema.getArena()));
  }
  // Sema on files with syntax errors would only add follow-on errors.
  if (diags.hasErrors())
    return false;
  std::vector<ast::File *> fileRefs;
  for (const auto &f : files)
    fileRefs.push_back(f.get());
  SemaOptions semaOptions;
  semaOptions.dialect = getDialect();
  if (!analyzeSchema(fileRefs, schema, diags, semaOptions) || diags.hasErrors())
    return false;
  for (const std::string &problem : ir::verifySchema(schema))
    diags.report(DiagID::VerifierFailed, {},
                 fmt::format("internal error: invalid IR: {}", problem));
  return !diags.hasErrors();
}

Backend *Session::getBackend(llvm::StringRef name, llvm::StringRef what) {
  if (Backend *backend = backends.find(name))
    return backend;
  diags.report(DiagID::DialectUnsupported, {},
               fmt::format("{} is not supported yet (no '{}' backend)",
                           what.str(), name.str()));
  return nullptr;
}

bool Session::emit(Backend &backend, const ir::Schema &schema) {
  auto run = [&](llvm::raw_ostream &os) {
    return backend.run(schema, os, diags) && !diags.hasErrors();
  };
  // Into the output file as it is printed: a large schema's text is never
  // held whole in memory. (Standard output and --write-if-changed need
  // the whole text first: nothing is printed or replaced on an error.)
  if (!opts.outputFile.empty() && opts.outputFile != "-" &&
      !opts.writeIfChanged) {
    llvm::Expected<bool> written = writeFileIfComplete(opts.outputFile, run);
    if (!written)
      return reportWriteError(opts.outputFile, written.takeError());
    return *written && writeDepfile();
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  if (!run(os))
    return false;
  os.flush();
  return writeOutput(text);
}

bool Session::reportWriteError(llvm::StringRef path, llvm::Error err) {
  diags.report(DiagID::OutputError, {},
               fmt::format("cannot write '{}': {}", path.str(),
                           llvm::toString(std::move(err))));
  return false;
}

bool Session::writeDepfile() {
  if (opts.depfile.empty())
    return true;
  if (llvm::Error err = writeFileAtomically(
          opts.depfile, formatDepfile(opts.outputFile, filesRead),
          opts.writeIfChanged))
    return reportWriteError(opts.depfile, std::move(err));
  return true;
}

bool Session::writeOutput(const std::string &text) {
  if (opts.outputFile.empty() || opts.outputFile == "-") {
    llvm::raw_fd_ostream &out = llvm::outs();
    out << text;
    out.flush();
    if (!out.has_error())
      return true;
    std::error_code ec = out.error();
    out.clear_error(); // reported here, not by a fatal error at exit
    return reportWriteError("<stdout>", llvm::errorCodeToError(ec));
  }
  if (llvm::Error err =
          writeFileAtomically(opts.outputFile, text, opts.writeIfChanged))
    return reportWriteError(opts.outputFile, std::move(err));
  return writeDepfile();
}

/// `--color=auto` colours when stderr is a terminal and NO_COLOR is unset.
static bool shouldUseColor(llvm::StringRef mode) {
  if (mode == "always")
    return true;
  if (mode == "never")
    return false;
  return llvm::sys::Process::StandardErrIsDisplayed() &&
         !llvm::sys::Process::GetEnv("NO_COLOR");
}

int Session::finish() {
  diags.sortByLocation();
  DiagnosticFormat format = parseDiagnosticFormat(opts.diagnosticsFormat)
                                .value_or(DiagnosticFormat::Text);
  int code = diags.hasErrors() ? ExitFailure : ExitSuccess;
  if (!opts.diagnosticsFile.empty()) {
    std::string text;
    llvm::raw_string_ostream os(text);
    printDiagnostics(diags, format, os, /*useColor=*/false, SCHEMAC_VERSION);
    os.flush();
    if (llvm::Error err =
            writeFileAtomically(opts.diagnosticsFile, text, false)) {
      llvm::errs() << "schemac: error: cannot write '" << opts.diagnosticsFile
                   << "': " << llvm::toString(std::move(err)) << " ["
                   << getDiagInfo(DiagID::OutputError).code << "]\n";
      return ExitFailure;
    }
    return code;
  }
  // Machine formats always print a document (an empty one on success), so
  // consumers can parse stderr unconditionally.
  if (format != DiagnosticFormat::Text || !diags.getDiagnostics().empty())
    printDiagnostics(diags, format, llvm::errs(), shouldUseColor(opts.color),
                     SCHEMAC_VERSION);
  return code;
}
