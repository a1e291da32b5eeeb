//===- MigrationLayout.cpp - the layout registry and what layouts share ---===//

#include "driver/MigrationLayout.h"
#include "migrate/MigrationFolder.h"
#include "driver/layouts/Layouts.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include <algorithm>

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

static const MigrationLayout *const AllLayouts[] = {
    &SchemacLayout,   &FlywayLayout, &GolangMigrateLayout, &DbmateLayout,
    &LiquibaseLayout, &AtlasLayout,  &DrizzleLayout};

const MigrationLayout *driver::findLayout(llvm::StringRef name) {
  for (const MigrationLayout *layout : AllLayouts)
    if (layout->getName() == name)
      return layout;
  return nullptr;
}

std::vector<std::string> driver::getLayoutNames() {
  std::vector<std::string> names;
  for (const MigrationLayout *layout : AllLayouts)
    names.push_back(layout->getName().str());
  return names;
}

llvm::Expected<std::vector<std::string>>
driver::listMatching(llvm::StringRef dir, llvm::StringRef pattern) {
  std::vector<std::string> ids;
  if (!llvm::sys::fs::is_directory(dir))
    return ids;
  llvm::Regex regex(pattern);
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    llvm::SmallVector<llvm::StringRef, 2> groups;
    if (regex.match(llvm::sys::path::filename(it->path()), &groups))
      ids.push_back(groups[1].str());
  }
  if (ec)
    return llvm::createStringError(ec, "cannot read '%s': %s",
                                   dir.str().c_str(), ec.message().c_str());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::string driver::findStateSnapshot(llvm::StringRef dir) {
  std::string path = joinPath(joinPath(dir, ".schemac"), "snapshot.json");
  return llvm::sys::fs::exists(path) ? path : std::string();
}

llvm::Expected<FolderState> driver::readToolFolder(llvm::StringRef dir,
                                                   llvm::StringRef pattern) {
  auto ids = listMatching(dir, pattern);
  if (!ids)
    return ids.takeError();
  return FolderState{std::move(*ids), findStateSnapshot(dir)};
}

llvm::Error
driver::writeFiles(llvm::StringRef dir,
                   llvm::ArrayRef<std::pair<std::string, ContentWriter>> files,
                   const NewMigration &m) {
  std::string state = joinPath(dir, ".schemac");
  if (std::error_code ec = llvm::sys::fs::create_directories(state))
    return llvm::createStringError(ec, "cannot create '%s': %s", state.c_str(),
                                   ec.message().c_str());
  for (const auto &[name, write] : files)
    if (llvm::Error err = writeFileAtomically(joinPath(dir, name), write))
      return err;
  // The state last, so it never runs ahead of the files.
  return writeFileAtomically(joinPath(state, "snapshot.json"), m.writeSnapshot);
}
