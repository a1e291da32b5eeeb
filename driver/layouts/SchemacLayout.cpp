//===- SchemacLayout.cpp - schemac's own folder: a directory per migration ===//
//
// `<version>_<name>/{migration.sql,down.sql,snapshot.json}` and
// `schemac.sum` (migrate/MigrationFolder.h).
//
//===----------------------------------------------------------------------===//
#include "migrate/MigrationFolder.h"
#include "driver/layouts/Layouts.h"
#include "llvm/Support/FileSystem.h"

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

namespace {
class Schemac final : public MigrationLayout {
public:
  llvm::StringRef getName() const override { return "schemac"; }

  llvm::Expected<FolderState> read(llvm::StringRef dir) const override {
    if (llvm::Error err = verifySum(dir))
      return err;
    auto migrations = listMigrations(dir);
    if (!migrations)
      return migrations.takeError();
    FolderState state;
    state.migrations = std::move(*migrations);
    if (!state.migrations.empty())
      state.snapshot =
          joinPath(joinPath(dir, state.migrations.back()), "snapshot.json");
    return state;
  }

  llvm::Expected<std::string> write(llvm::StringRef dir,
                                    const NewMigration &m) const override {
    std::string path = joinPath(dir, m.version + "_" + m.name);
    if (std::error_code ec = llvm::sys::fs::create_directories(path))
      return llvm::createStringError(ec, "cannot create '%s': %s", path.c_str(),
                                     ec.message().c_str());
    auto writeUp = [&](llvm::raw_ostream &os) { os << m.up; };
    auto writeDown = [&](llvm::raw_ostream &os) { os << m.down; };
    for (auto [file, write] :
         {std::pair<const char *, ContentWriter>{"migration.sql", writeUp},
          {"down.sql", writeDown},
          {"snapshot.json", m.writeSnapshot}})
      if (llvm::Error err = writeFileAtomically(joinPath(path, file), write))
        return err;
    // The sum last: an interrupted run leaves a folder whose sum says so.
    llvm::Expected<std::string> sum = computeSum(dir);
    if (!sum)
      return sum.takeError();
    if (llvm::Error err =
            writeFileAtomically(joinPath(dir, SumFileName), *sum, false))
      return err;
    return path;
  }
};
const Schemac Instance;
} // namespace

const MigrationLayout &driver::SchemacLayout = Instance;
