//===- GolangMigrateLayout.cpp - golang-migrate's .up.sql and .down.sql ---===//
//
// `<version>_<name>.up.sql` and `<version>_<name>.down.sql`. golang-migrate
// has no per-file transaction setting: its PostgreSQL driver sends a file as
// one multi-statement query unless the URL says `x-multi-statement=true`,
// which a script that cannot run in a transaction needs; its first line
// says so.
//
//===----------------------------------------------------------------------===//
#include "migrate/MigrationFolder.h"
#include "driver/layouts/Layouts.h"

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

namespace {
class GolangMigrate final : public MigrationLayout {
public:
  llvm::StringRef getName() const override { return "golang-migrate"; }

  llvm::Expected<FolderState> read(llvm::StringRef dir) const override {
    return readToolFolder(dir, "^([0-9]+_.*)\\.(up|down)\\.sql$");
  }

  llvm::Expected<std::string> write(llvm::StringRef dir,
                                    const NewMigration &m) const override {
    std::string stem = m.version + "_" + m.name;
    auto script = [](const std::string &sql) {
      return [&sql](llvm::raw_ostream &os) {
        if (NewMigration::isNoTransaction(sql))
          os << "-- golang-migrate: run with x-multi-statement=true (the "
                "statements below cannot share a transaction)\n";
        os << sql;
      };
    };
    auto writeUp = script(m.up);
    auto writeDown = script(m.down);
    if (llvm::Error err = writeFiles(
            dir, {{stem + ".up.sql", writeUp}, {stem + ".down.sql", writeDown}},
            m))
      return err;
    return joinPath(dir, stem + ".up.sql");
  }
};
const GolangMigrate Instance;
} // namespace

const MigrationLayout &driver::GolangMigrateLayout = Instance;
