//===- MigrationFolder.h - the versioned migrations folder and its sum ----===//
//
// A migrations folder holds one directory per migration,
// `<yyyymmddHHMMSS>_<name>/` with `migration.sql`, `down.sql` and
// `snapshot.json` (the schema after it), and `schemac.sum`: a chain of
// SHA-256 digests over every file's name and contents, so an edited file,
// a missing one, or two migrations merged from different branches are
// caught before anything reads the folder. docs/migrations.md describes
// the layout and the sum.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_MIGRATE_MIGRATIONFOLDER_H
#define SCHEMAC_MIGRATE_MIGRATIONFOLDER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace schemac::migrator {

constexpr llvm::StringLiteral SumFileName = "schemac.sum";

/// `a/b` with the platform's separator.
std::string joinPath(llvm::StringRef a, llvm::StringRef b);

/// Whether `name` is a migration directory name: 14 digits, '_', a name.
bool isMigrationDirName(llvm::StringRef name);

/// The migration directories of `dir`, oldest first (by name). An absent
/// folder has none.
llvm::Expected<std::vector<std::string>> listMigrations(llvm::StringRef dir);

/// The text of `schemac.sum` for the migrations of `dir` as they are now.
llvm::Expected<std::string> computeSum(llvm::StringRef dir);

/// Checks `schemac.sum` against the files; the error names the first file
/// that differs (edited, added, removed) or says the sum is missing.
llvm::Error verifySum(llvm::StringRef dir);

} // namespace schemac::migrator

#endif
