//===- TypeScriptNames.h - identifiers and literals in emitted TypeScript -===//
//
// The TypeScript backend names one const per table, enum, schema and view,
// and one property per column. Database names are kept exactly (they are
// string arguments); these helpers derive readable TypeScript names from
// them (camelCase or as is), keep them unique and valid, and quote what
// cannot be bare.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_TYPESCRIPTNAMES_H
#define SCHEMAC_BACKENDS_TYPESCRIPTNAMES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace schemac::backends {

/// `created_at` -> `createdAt`, `Mixed Case` -> `mixedCase`: words split at
/// any ASCII character that is neither a letter nor a digit; an all-upper
/// first word is lowered (`ID_card` -> `idCard`). Non-ASCII text is kept.
std::string toCamelCase(llvm::StringRef name);

/// True for an ASCII identifier ([A-Za-z_$][A-Za-z0-9_$]*); non-ASCII
/// names are quoted rather than trusted to be ID_Start/ID_Continue.
bool isPlainTSIdentifier(llvm::StringRef name);

/// Words that cannot name a const (reserved words, strict-mode words and
/// the globals emitted code relies on).
bool isReservedTSWord(llvm::StringRef name);

/// A double-quoted TypeScript string literal ("a\"b", "\u0007").
std::string quoteTSString(llvm::StringRef value);

/// An object-literal key: bare when plain, else a quoted string.
std::string formatPropertyKey(llvm::StringRef key);

/// `object.key`, or `object["key"]` when the key is not plain.
std::string formatMemberAccess(llvm::StringRef object, llvm::StringRef key);

/// A `sql` tagged template holding SQL text verbatim: backslashes,
/// backticks and `${` escaped.
std::string formatSQLTemplate(llvm::StringRef sqlText);

/// Hands out unique const names: a base made a valid identifier (invalid
/// characters dropped, `_` before a digit), then `suffix` if the name is
/// taken or reserved, then a number.
class TSNameAllocator {
public:
  /// Marks a name as used (imports, helpers).
  void reserve(llvm::StringRef name) { taken.insert(name); }
  bool isTaken(llvm::StringRef name) const { return taken.contains(name); }
  std::string allocate(llvm::StringRef base, llvm::StringRef suffix);

private:
  llvm::StringSet<> taken;
};

} // namespace schemac::backends

#endif
