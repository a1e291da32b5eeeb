//===- LiquibaseLayout.cpp - Liquibase formatted SQL changelogs -----------===//
//
// `<version>_<name>.sql`, a formatted SQL changelog with one changeset
// (`schemac:<version>_<name>`, stable) whose `--rollback` lines are the
// down migration, and `changelog.yaml`, the master changelog that includes
// every one in order. A changeset that cannot run in a transaction says
// `runInTransaction:false`.
//
//===----------------------------------------------------------------------===//
#include "migrate/MigrationFolder.h"
#include "driver/layouts/Layouts.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

static const char *const Pattern = "^([0-9]+_.*)\\.sql$";

namespace {
class Liquibase final : public MigrationLayout {
public:
  llvm::StringRef getName() const override { return "liquibase"; }

  llvm::Expected<FolderState> read(llvm::StringRef dir) const override {
    return readToolFolder(dir, Pattern);
  }

  llvm::Expected<std::string> write(llvm::StringRef dir,
                                    const NewMigration &m) const override {
    std::string id = m.version + "_" + m.name;
    auto writeChangelog = [&](llvm::raw_ostream &os) {
      os << "--liquibase formatted sql\n\n--changeset schemac:" << id
         << (m.upTransactional() ? "" : " runInTransaction:false") << "\n"
         << m.up;
      llvm::SmallVector<llvm::StringRef> lines;
      llvm::StringRef(m.down).split(lines, '\n', -1, /*KeepEmpty=*/false);
      for (llvm::StringRef line : lines)
        os << "--rollback " << line << "\n";
    };
    if (llvm::Error err = writeFiles(dir, {{id + ".sql", writeChangelog}}, m))
      return err;
    auto all = listMatching(dir, Pattern);
    if (!all)
      return all.takeError();
    auto writeMaster = [&](llvm::raw_ostream &os) {
      os << "databaseChangeLog:\n";
      for (const std::string &file : *all)
        os << "  - include:\n      file: " << file
           << ".sql\n      relativeToChangelogFile: true\n";
    };
    if (llvm::Error err =
            writeFileAtomically(joinPath(dir, "changelog.yaml"), writeMaster))
      return err;
    return joinPath(dir, id + ".sql");
  }
};
const Liquibase Instance;
} // namespace

const MigrationLayout &driver::LiquibaseLayout = Instance;
