//===- AtlasLayout.cpp - Atlas's migration directory and atlas.sum --------===//
//
// `<version>_<name>.sql` (Atlas plans down migrations itself, and would run
// a down file as a migration, so none is written) and `atlas.sum`, computed
// with Atlas's own algorithm so `atlas migrate validate` accepts the folder:
// one SHA-256 over each .sql file's name and contents in name order, each
// file's line the base64 digest so far, and the first line the digest of
// all lines' names and hashes. A script that cannot run in a transaction
// starts with Atlas's `-- atlas:txmode none` directive.
//
//===----------------------------------------------------------------------===//
#include "migrate/MigrationFolder.h"
#include "driver/layouts/Layouts.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA256.h"

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

static const char *const SumFile = "atlas.sum";

/// Whether a file opts out of the sum (`atlas:sum ignore` on its first
/// line), as Atlas checks it.
static bool ignoredBySum(llvm::StringRef contents) {
  llvm::StringRef line = contents.split('\n').first;
  size_t at = line.find("atlas:");
  if (at == llvm::StringRef::npos)
    return false;
  auto [name, rest] = line.substr(at + 6).split(' ');
  return name == "sum" && rest.trim() == "ignore";
}

/// atlas.sum for the .sql files of `dir` as they are now.
static llvm::Expected<std::string> computeAtlasSum(llvm::StringRef dir) {
  auto files = listMatching(dir, "^(.*\\.sql)$");
  if (!files)
    return files.takeError();
  llvm::SHA256 running;
  std::vector<std::pair<std::string, std::string>> lines;
  for (const std::string &file : *files) {
    auto buffer = llvm::MemoryBuffer::getFile(joinPath(dir, file));
    if (!buffer)
      return llvm::createStringError(buffer.getError(), "cannot read '%s'",
                                     file.c_str());
    running.update(file);
    if (ignoredBySum((*buffer)->getBuffer()))
      continue;
    running.update((*buffer)->getBuffer());
    lines.push_back({file, llvm::encodeBase64(running.result())});
  }
  llvm::SHA256 total;
  std::string body;
  for (const auto &[name, hash] : lines) {
    total.update(name);
    total.update(hash);
    body += name + " h1:" + hash + "\n";
  }
  return "h1:" + llvm::encodeBase64(total.final()) + "\n" + body;
}

namespace {
class Atlas final : public MigrationLayout {
public:
  llvm::StringRef getName() const override { return "atlas"; }

  llvm::Expected<FolderState> read(llvm::StringRef dir) const override {
    auto versions = listMatching(dir, "^([0-9]+.*)\\.sql$");
    if (!versions)
      return versions.takeError();
    std::string sumPath = joinPath(dir, SumFile);
    auto recorded = llvm::MemoryBuffer::getFile(sumPath);
    if (!versions->empty()) {
      auto now = computeAtlasSum(dir);
      if (!now)
        return now.takeError();
      if (!recorded || (*recorded)->getBuffer() != *now)
        return llvm::createStringError(
            std::errc::invalid_argument,
            "'%s' is missing or does not match the migration files (what "
            "`atlas migrate validate` checks)",
            sumPath.c_str());
    }
    return FolderState{std::move(*versions), findStateSnapshot(dir)};
  }

  llvm::Expected<std::string> write(llvm::StringRef dir,
                                    const NewMigration &m) const override {
    std::string file = m.version + "_" + m.name + ".sql";
    auto writeUp = [&](llvm::raw_ostream &os) {
      if (!m.upTransactional())
        os << "-- atlas:txmode none\n\n";
      os << m.up;
    };
    if (llvm::Error err = writeFiles(dir, {{file, writeUp}}, m))
      return err;
    auto sum = computeAtlasSum(dir);
    if (!sum)
      return sum.takeError();
    if (llvm::Error err =
            writeFileAtomically(joinPath(dir, SumFile), *sum, false))
      return err;
    return joinPath(dir, file);
  }
};
const Atlas Instance;
} // namespace

const MigrationLayout &driver::AtlasLayout = Instance;
