//===- DbmateLayout.cpp - dbmate's one file with up and down sections -----===//
//
// `<version>_<name>.sql` holding `-- migrate:up` and `-- migrate:down`
// sections; a section that cannot run in a transaction is marked
// `transaction:false`, as dbmate reads it.
//
//===----------------------------------------------------------------------===//
#include "migrate/MigrationFolder.h"
#include "driver/layouts/Layouts.h"

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

namespace {
class Dbmate final : public MigrationLayout {
public:
  llvm::StringRef getName() const override { return "dbmate"; }

  llvm::Expected<FolderState> read(llvm::StringRef dir) const override {
    return readToolFolder(dir, "^([0-9]+_.*)\\.sql$");
  }

  llvm::Expected<std::string> write(llvm::StringRef dir,
                                    const NewMigration &m) const override {
    std::string file = m.version + "_" + m.name + ".sql";
    auto section = [](llvm::raw_ostream &os, llvm::StringRef direction,
                      const std::string &sql) {
      os << "-- migrate:" << direction
         << (NewMigration::isNoTransaction(sql) ? " transaction:false" : "")
         << "\n"
         << sql;
    };
    auto writeBoth = [&](llvm::raw_ostream &os) {
      section(os, "up", m.up);
      os << "\n";
      section(os, "down", m.down);
    };
    if (llvm::Error err = writeFiles(dir, {{file, writeBoth}}, m))
      return err;
    return joinPath(dir, file);
  }
};
const Dbmate Instance;
} // namespace

const MigrationLayout &driver::DbmateLayout = Instance;
