//===- MigrationFolder.cpp - migration directories and schemac.sum --------===//
//
// schemac.sum: the first line is `h1:<digest>` of the whole folder, then one
// line per file, `<dir>/<file> h1:<digest>`, in order (migrations by name,
// files by name within one). Each digest is SHA-256 over the previous one,
// the file's path and its contents (base64), so a change to any file changes
// its line and every later one.
//
//===----------------------------------------------------------------------===//

#include "migrate/MigrationFolder.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include <algorithm>

using namespace schemac;
using namespace schemac::migrator;

namespace {

/// The files of one migration that the sum covers, in order.
const char *const MigrationFiles[] = {"down.sql", "migration.sql",
                                      "snapshot.json"};

} // namespace

std::string migrator::joinPath(llvm::StringRef a, llvm::StringRef b) {
  llvm::SmallString<256> path(a);
  llvm::sys::path::append(path, b);
  return path.str().str();
}

bool migrator::isMigrationDirName(llvm::StringRef name) {
  return name.size() > 15 && name[14] == '_' &&
         llvm::all_of(name.take_front(14), llvm::isDigit);
}

llvm::Expected<std::vector<std::string>>
migrator::listMigrations(llvm::StringRef dir) {
  std::vector<std::string> names;
  if (!llvm::sys::fs::exists(dir))
    return names;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    llvm::StringRef name = llvm::sys::path::filename(it->path());
    if (isMigrationDirName(name) && llvm::sys::fs::is_directory(it->path()))
      names.push_back(name.str());
  }
  if (ec)
    return llvm::createStringError(ec, "cannot read '%s': %s",
                                   dir.str().c_str(), ec.message().c_str());
  std::sort(names.begin(), names.end());
  return names;
}

/// Feeds a file to `hash` in fixed-size reads: a snapshot can be tens of
/// megabytes, and mapping it whole would count against peak memory.
static std::error_code hashFile(const std::string &path, llvm::SHA256 &hash) {
  llvm::Expected<llvm::sys::fs::file_t> file =
      llvm::sys::fs::openNativeFileForRead(path);
  if (!file)
    return llvm::errorToErrorCode(file.takeError());
  std::array<char, 64 * 1024> chunk;
  std::error_code ec;
  while (true) {
    llvm::Expected<size_t> read = llvm::sys::fs::readNativeFile(*file, chunk);
    if (!read) {
      ec = llvm::errorToErrorCode(read.takeError());
      break;
    }
    if (*read == 0)
      break;
    hash.update(llvm::StringRef(chunk.data(), *read));
  }
  llvm::sys::fs::closeFile(*file);
  return ec;
}

llvm::Expected<std::string> migrator::computeSum(llvm::StringRef dir) {
  llvm::Expected<std::vector<std::string>> migrations = listMigrations(dir);
  if (!migrations)
    return migrations.takeError();
  std::array<uint8_t, 32> digest{};
  std::string lines;
  for (const std::string &migration : *migrations) {
    for (const char *file : MigrationFiles) {
      std::string relative = migration + "/" + file;
      llvm::SHA256 hash;
      hash.update(digest);
      hash.update(relative);
      hash.update(llvm::ArrayRef<uint8_t>{0});
      if (std::error_code ec = hashFile(joinPath(dir, relative), hash))
        return llvm::createStringError(ec, "cannot read '%s': %s",
                                       relative.c_str(), ec.message().c_str());
      digest = hash.final();
      lines += relative + " h1:" + llvm::encodeBase64(digest) + "\n";
    }
  }
  return "h1:" + llvm::encodeBase64(digest) + "\n" + lines;
}

llvm::Error migrator::verifySum(llvm::StringRef dir) {
  llvm::Expected<std::vector<std::string>> migrations = listMigrations(dir);
  if (!migrations)
    return migrations.takeError();
  std::string sumPath = joinPath(dir, SumFileName);
  auto recorded = llvm::MemoryBuffer::getFile(sumPath);
  if (!recorded) {
    if (migrations->empty())
      return llvm::Error::success();
    return llvm::createStringError(recorded.getError(),
                                   "'%s' is missing: the folder's migrations "
                                   "cannot be verified",
                                   sumPath.c_str());
  }
  llvm::Expected<std::string> actual = computeSum(dir);
  if (!actual)
    return actual.takeError();
  if ((*recorded)->getBuffer() == *actual)
    return llvm::Error::success();
  // Name the first file whose line differs.
  llvm::SmallVector<llvm::StringRef> want, have;
  (*recorded)->getBuffer().split(want, '\n', -1, false);
  llvm::StringRef(*actual).split(have, '\n', -1, false);
  for (size_t i = 1; i < std::max(want.size(), have.size()); ++i) {
    llvm::StringRef a = i < want.size() ? want[i] : "";
    llvm::StringRef b = i < have.size() ? have[i] : "";
    if (a == b)
      continue;
    llvm::StringRef file = (b.empty() ? a : b).split(' ').first;
    bool sameFile = a.split(' ').first == b.split(' ').first;
    return llvm::createStringError(
        std::errc::invalid_argument,
        "'%s' does not match its migrations: '%s' %s since the sum was "
        "written",
        sumPath.c_str(), file.str().c_str(),
        sameFile    ? "changed (or a file before it did)"
        : b.empty() ? "was removed"
                    : "was added or renamed");
  }
  return llvm::createStringError(std::errc::invalid_argument,
                                 "'%s' does not match its migrations",
                                 sumPath.c_str());
}
