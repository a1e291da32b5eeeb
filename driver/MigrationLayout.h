//===- MigrationLayout.h - migration folders in each tool's layout --------===//
//
// `schemac generate --layout NAME` writes the folder a migration tool reads:
// schemac's own, Flyway's, golang-migrate's, dbmate's, Liquibase's,
// Atlas's or drizzle-orm's. Each layout is a small writer behind this
// interface, in driver/layouts/; docs/migrations.md describes each. Layouts
// other than schemac's keep the schema after the latest migration in
// `.schemac/snapshot.json` beside the tool's files, so generate keeps
// working on a folder of that layout.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_DRIVER_MIGRATIONLAYOUT_H
#define SCHEMAC_DRIVER_MIGRATIONLAYOUT_H

#include "driver/OutputFile.h"
#include "ir/Dialect.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace schemac::driver {

/// A migration generate computed, to be laid out as files.
struct NewMigration {
  std::string version;                           ///< yyyymmddHHMMSS
  std::string name;                              ///< --name
  ir::Dialect dialect = ir::Dialect::PostgreSQL; ///< what `up` is written for
  /// The SQL; a script that must run outside a transaction starts with the
  /// `-- schemac:no-transaction` directive.
  std::string up, down;
  ContentWriter writeSnapshot; ///< the schema after it, as JSON
  bool upTransactional() const { return !isNoTransaction(up); }
  bool downTransactional() const { return !isNoTransaction(down); }
  static bool isNoTransaction(llvm::StringRef sql) {
    return sql.starts_with("-- schemac:no-transaction");
  }
};

/// What a folder holds: its migrations' ids (oldest first; an id sorts
/// like its version) and its latest snapshot ("" when it has none).
struct FolderState {
  std::vector<std::string> migrations;
  std::string snapshot;
};

class MigrationLayout {
public:
  virtual ~MigrationLayout() = default;
  virtual llvm::StringRef getName() const = 0;
  /// Verifies what the folder keeps for integrity and reads its state. An
  /// absent folder is an empty one.
  virtual llvm::Expected<FolderState> read(llvm::StringRef dir) const = 0;
  /// Why the tool cannot run `m` ("" when it can); checked before writing.
  virtual std::string refuse(const NewMigration &m) const { return {}; }
  /// Writes the migration's files, each atomically, then what indexes the
  /// folder (a sum, a changelog) and the state. Returns what to print: the
  /// new migration's directory or main file.
  virtual llvm::Expected<std::string> write(llvm::StringRef dir,
                                            const NewMigration &m) const = 0;
};

/// The layout called `name`, or null.
const MigrationLayout *findLayout(llvm::StringRef name);
/// Every layout's name, for --help and errors.
std::vector<std::string> getLayoutNames();

// Shared by the layouts (MigrationLayout.cpp).

/// The ids of the files in `dir` whose names match `pattern` (a regex
/// whose first group is the id), sorted.
llvm::Expected<std::vector<std::string>> listMatching(llvm::StringRef dir,
                                                      llvm::StringRef pattern);
/// `.schemac/snapshot.json` in `dir`, when there is one.
std::string findStateSnapshot(llvm::StringRef dir);
/// The state of a tool's folder: the ids `pattern` finds (as listMatching)
/// and the state snapshot.
llvm::Expected<FolderState> readToolFolder(llvm::StringRef dir,
                                           llvm::StringRef pattern);
/// Writes `files` (name -> writer) into `dir`, creating it, then the state
/// snapshot into `.schemac/`.
llvm::Error
writeFiles(llvm::StringRef dir,
           llvm::ArrayRef<std::pair<std::string, ContentWriter>> files,
           const NewMigration &m);

} // namespace schemac::driver

#endif
