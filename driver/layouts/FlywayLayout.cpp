//===- FlywayLayout.cpp - Flyway's V<version>__<name>.sql files -----------===//
//
// `V<version>__<name>.sql` and its undo `U<version>__<name>.sql`. A script
// that cannot run in a transaction gets Flyway's per-script configuration,
// `V<version>__<name>.sql.conf` with `executeInTransaction=false`.
//
//===----------------------------------------------------------------------===//
#include "migrate/MigrationFolder.h"
#include "driver/layouts/Layouts.h"

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

namespace {
class Flyway final : public MigrationLayout {
public:
  llvm::StringRef getName() const override { return "flyway"; }

  llvm::Expected<FolderState> read(llvm::StringRef dir) const override {
    return readToolFolder(dir, "^V([0-9]+__.*)\\.sql$");
  }

  llvm::Expected<std::string> write(llvm::StringRef dir,
                                    const NewMigration &m) const override {
    std::string stem = m.version + "__" + m.name + ".sql";
    auto writeUp = [&](llvm::raw_ostream &os) { os << m.up; };
    auto writeDown = [&](llvm::raw_ostream &os) { os << m.down; };
    auto noTransaction = [](llvm::raw_ostream &os) {
      os << "executeInTransaction=false\n";
    };
    std::vector<std::pair<std::string, ContentWriter>> files{
        {"V" + stem, writeUp}, {"U" + stem, writeDown}};
    if (!m.upTransactional())
      files.push_back({"V" + stem + ".conf", noTransaction});
    if (!m.downTransactional())
      files.push_back({"U" + stem + ".conf", noTransaction});
    if (llvm::Error err = writeFiles(dir, files, m))
      return err;
    return joinPath(dir, "V" + stem);
  }
};
const Flyway Instance;
} // namespace

const MigrationLayout &driver::FlywayLayout = Instance;
