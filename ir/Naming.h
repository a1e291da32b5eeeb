//===- Naming.h - the names databases give unnamed constraints/indexes ----===//
//
// Where the author names nothing, schemac derives the name the target
// database itself would choose, so a schema and the database built from it
// compare equal. PostgreSQL: <table>_pkey, <table>_<cols>_key, _fkey, _check,
// _idx, truncated to 63 bytes the way PostgreSQL's makeObjectName does.
// MySQL and SQLite rules are documented in docs/naming.md.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_NAMING_H
#define SCHEMAC_IR_NAMING_H

#include "ir/Dialect.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace schemac::ir {

/// Longest identifier the dialect keeps, in bytes (63, 64; SQLite: none -> 0).
unsigned getMaxIdentifierLength(Dialect d);

/// PostgreSQL's makeObjectName: name1[_name2]_label, with name1/name2
/// shortened (longer one first) so the result fits in 63 bytes, never
/// cutting a UTF-8 sequence.
std::string makeObjectName(llvm::StringRef name1, llvm::StringRef name2,
                           llvm::StringRef label);

enum class NamedKind : uint8_t { PrimaryKey, Unique, ForeignKey, Check, Index };

/// The parts a derived name is made of: name1 is the table, name2 the
/// underscore-joined column words (may be empty), label the kind suffix
/// ("pkey", "key", "fkey", "check", "idx").
struct NameParts {
  std::string name1, name2, label;
};

/// The parts for a constraint or index on `table` over `columns` (for checks:
/// the columns the expression references, in order; for expression index
/// keys: the word PostgreSQL would use, e.g. the function name or "expr").
NameParts deriveNameParts(Dialect d, NamedKind kind, llvm::StringRef table,
                          llvm::ArrayRef<std::string> columns);

/// PostgreSQL's ChooseIndexColumnNames, which sema uses for every dialect:
/// a word repeated within one index's column words becomes word1, word2, ...
void makeIndexWordsUnique(std::vector<std::string> &words);

/// The first free name: makeObjectName(parts) and then, while `isTaken`,
/// the label suffixed with 1, 2, ... (as PostgreSQL's ChooseRelationName).
std::string chooseName(Dialect d, const NameParts &parts,
                       llvm::function_ref<bool(llvm::StringRef)> isTaken);

} // namespace schemac::ir

#endif
