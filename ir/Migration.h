//===- Migration.h - the Migration IR: typed changes between two schemas --===//
//
// A Migration is the ordered list of changes that turns one Schema IR (the
// `from` side) into another (`to`). Each change names the objects it
// touches on both sides as pointers into those schemas, which must outlive
// the migration; a change carries no SQL. Passes build it (ir/Diff.h:
// compare, match renames, order) and backends print it per dialect.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_MIGRATION_H
#define SCHEMAC_IR_MIGRATION_H

#include "ir/Schema.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <vector>

namespace schemac::ir {

/// What one change does. Grouped by the object it touches; the printer
/// spells each as its lower-case, dash-separated name.
enum class ChangeKind : uint8_t {
  CreateNamespace,
  DropNamespace,
  CreateEnum,
  DropEnum,
  RenameEnum,
  AddEnumValue,
  RenameEnumValue,
  /// Values removed or reordered: the type is rebuilt (PostgreSQL cannot
  /// drop or move a value).
  RebuildEnum,
  CreateSequence,
  DropSequence,
  RenameSequence,
  AlterSequence,
  CreateTable,
  DropTable,
  RenameTable,
  /// Storage options (SQLite STRICT / WITHOUT ROWID, MySQL engine...).
  AlterTableOptions,
  AddColumn,
  DropColumn,
  RenameColumn,
  AlterColumn,
  AddConstraint,
  DropConstraint,
  RenameConstraint,
  CreateIndex,
  DropIndex,
  RenameIndex,
  CreateView,
  DropView,
  SetComment,
};

/// The aspects of a column an AlterColumn changes (a bit set).
enum ColumnAspect : uint8_t {
  AspectType = 1 << 0,
  AspectNullability = 1 << 1,
  AspectDefault = 1 << 2,
  AspectIdentity = 1 << 3,
  AspectGenerated = 1 << 4,
  AspectCollation = 1 << 5,
};

/// Why a change needs care (a bit set); each becomes a diagnostic.
enum Hazard : uint8_t {
  HazardNone = 0,
  /// Data is lost: a dropped table, column or enum value, a narrower type.
  HazardDestructive = 1 << 0,
  /// Fails if the rows do not allow it: NOT NULL, UNIQUE, a check, a
  /// foreign key, a NOT NULL column without default on a non-empty table.
  HazardDataDependent = 1 << 1,
  /// Rewrites the table or holds a strong lock on it while scanning.
  HazardRewrite = 1 << 2,
};

/// A column whose type is an enum being rebuilt, named as it is when the
/// rebuild runs (after renames, before other column changes).
struct EnumColumnUse {
  QualifiedName table;
  llvm::StringRef column;
  bool hasDefault = false; ///< dropped first: it cannot be cast
  uint8_t arrayDims = 0;
};

/// One change. Pointers are null where the kind does not use them; `from*`
/// point into the old schema, `to*` into the new one. A change that runs
/// before renames (dropping keys, indexes and views) has only its `from`
/// table; later ones name the table by its `to` side when it has one.
struct Change {
  ChangeKind kind;
  uint8_t aspects = 0; ///< AlterColumn: ColumnAspect bits
  uint8_t hazards = HazardNone;
  const Namespace *fromNamespace = nullptr, *toNamespace = nullptr;
  const EnumType *fromEnum = nullptr, *toEnum = nullptr;
  const Sequence *fromSequence = nullptr, *toSequence = nullptr;
  const Table *fromTable = nullptr, *toTable = nullptr;
  const Column *fromColumn = nullptr, *toColumn = nullptr;
  const Constraint *fromConstraint = nullptr, *toConstraint = nullptr;
  const Index *fromIndex = nullptr, *toIndex = nullptr;
  const View *fromView = nullptr, *toView = nullptr;
  /// AddEnumValue: the value and its neighbour in the new order ("" at the
  /// end); RenameEnumValue: the old and the new name.
  llvm::StringRef value, otherValue;
  /// RebuildEnum: every column of the type, to convert.
  std::vector<EnumColumnUse> enumColumns;
};

class Migration {
public:
  std::vector<Change> changes;
  bool empty() const { return changes.empty(); }
};

/// The lower-case name of a kind ("add-column").
llvm::StringRef getChangeKindName(ChangeKind kind);

/// "add-column t.c integer": the kind and what it touches, for messages.
std::string describeChange(const Change &c);

/// The names of what a change touches, unquoted and dot-joined ("t",
/// "blog.posts.title"): old and new for a rename.
std::vector<std::string> getChangeObjectNames(const Change &c);

/// The textual Migration IR (`--emit=migration-ir`): one line per change,
/// stable for lit tests.
void printMigration(const Migration &m, llvm::raw_ostream &os);

/// The changes as JSON for tools (`--emit json`): per change its kind,
/// description, table (unquoted, "ns.name"), aspects and hazards.
llvm::json::Array migrationToJSON(const Migration &m);

} // namespace schemac::ir

#endif
