//===- Diff.h - compare two Schema IRs into an ordered Migration ----------===//
//
// diffSchemas runs the passes that make a migration: match objects by name
// and by rename hints (`@was` in the new schema, and explicit requests),
// compare what matched structurally (types by meaning, expressions as
// trees, column lists through the column renames), and order the changes so
// every statement finds what it needs (docs/migrations.md has the order).
// A dropped object and a created one that look alike are never taken for a
// rename; they get a possible-rename warning that names the hint to add.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_DIFF_H
#define SCHEMAC_IR_DIFF_H

#include "diagnostics/Diagnostic.h"
#include "ir/Migration.h"
#include <string>
#include <vector>

namespace schemac::ir {

/// A rename given outside the schema (`--rename KIND:OLD=NEW`).
struct RenameRequest {
  enum class Kind : uint8_t {
    Table, Column, Enum, Sequence, Index, Constraint, EnumValue
  };
  Kind kind;
  /// Tables, enums, sequences: [ns.]name. Columns, indexes, constraints:
  /// [ns.]table.name; enum values: [ns.]enum.value (the enum's new name);
  /// `to` is then the new name alone.
  std::string from, to;
};

/// Parses "table:old=new" and the like; std::nullopt if malformed.
std::optional<RenameRequest> parseRenameRequest(llvm::StringRef text);

struct DiffOptions {
  std::vector<RenameRequest> renames;
  /// When set, receives the rename each possible-rename warning suggests
  /// (for asking the user, `--interactive`).
  std::vector<RenameRequest> *renameCandidates = nullptr;
};

/// A hazard accepted for one object (`--allow CODE[=OBJECT]`): its warning
/// is not reported. OBJECT is a name as the warning shows it, unquoted:
/// `t`, `blog.posts`, `t.label`; a table covers its members, a namespace
/// its objects, and no OBJECT covers everything.
struct HazardAllowance {
  uint8_t hazards; ///< Hazard bits
  std::string object;
};

/// Parses "destructive-change=t.label" and the like; std::nullopt if the
/// code is not a hazard's.
std::optional<HazardAllowance> parseHazardAllowance(llvm::StringRef text);

/// Reports each change's hazards as warnings (destructive-change,
/// data-dependent-change, table-rewrite) at the object's position, except
/// those `allowed` accepts.
void reportHazards(const Migration &migration, DiagnosticEngine &diags,
                   llvm::ArrayRef<HazardAllowance> allowed = {});

/// The changes that turn `from` into `to`, in execution order. Both schemas
/// must outlive the result. Possible renames are reported as warnings;
/// rename requests that match nothing are errors.
Migration diffSchemas(const Schema &from, const Schema &to,
                      const DiffOptions &options, DiagnosticEngine &diags);

} // namespace schemac::ir

#endif
