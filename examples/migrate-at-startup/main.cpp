// An application that brings its database up to date before it serves:
//   app URL MIGRATIONS_DIR
// Exits 1 (with the reason) if a migration cannot be applied.
#include "schemac/Migrate.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  if (argc != 3) {
    llvm::errs() << "usage: app URL MIGRATIONS_DIR\n";
    return 2;
  }
  llvm::Expected<schemac::MigrateReport> report =
      schemac::migrate(argv[1], argv[2]);
  if (!report) {
    llvm::errs() << "app: cannot migrate the database: "
                 << llvm::toString(report.takeError()) << "\n";
    return 1;
  }
  for (const schemac::AppliedMigration &m : report->applied)
    llvm::outs() << "app: applied " << m.name << "\n";
  llvm::outs() << "app: database up to date (" << report->migrations.size()
               << " migrations); serving\n";
  return 0;
}
