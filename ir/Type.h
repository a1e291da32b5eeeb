//===- Type.h - column types in the Schema IR -----------------------------===//
//
// A Type is a small value: a kind, an optional name (enum or dialect-native
// type), up to two integer modifiers and array dimensions. Portable kinds
// compare by meaning (int4 == integer); native kinds by their canonical name.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_TYPE_H
#define SCHEMAC_IR_TYPE_H

#include "ir/Dialect.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>

namespace schemac::ir {

enum class TypeKind : uint8_t {
  Boolean,
  SmallInt,
  Integer,
  BigInt,
  Real,            ///< 4-byte float
  DoublePrecision, ///< 8-byte float
  Numeric,         ///< modifiers: [precision[, scale]]
  Text,
  Varchar, ///< modifiers: [length]
  Char,    ///< modifiers: [length]
  Bytes,   ///< bytea / blob
  Date,
  Time,        ///< modifiers: [fractional precision]
  TimeTz,      ///< modifiers: [fractional precision]
  Timestamp,   ///< modifiers: [fractional precision]
  TimestampTz, ///< modifiers: [fractional precision]
  Interval,
  Uuid,
  Json,
  Jsonb,
  Enum,   ///< `ns` and `name` name the enum
  Native, ///< a dialect-native type: `name` is its canonical spelling
};

struct Type {
  TypeKind kind = TypeKind::Text;
  uint8_t numModifiers = 0;
  uint8_t arrayDims = 0;
  bool isUnsigned = false; ///< MySQL unsigned integers and decimals
  int64_t modifiers[2] = {0, 0};
  /// Enum namespace (empty = default) and name, or the native type name;
  /// interned in the owning Schema.
  llvm::StringRef ns;
  llvm::StringRef name;

  static Type get(TypeKind kind) {
    Type t;
    t.kind = kind;
    return t;
  }
  std::optional<int64_t> getModifier(unsigned i) const {
    if (i < numModifiers)
      return modifiers[i];
    return std::nullopt;
  }
  void addModifier(int64_t v) { modifiers[numModifiers++] = v; }

  bool isInteger() const {
    return arrayDims == 0 &&
           (kind == TypeKind::SmallInt || kind == TypeKind::Integer ||
            kind == TypeKind::BigInt);
  }
  bool operator==(const Type &o) const;
  bool operator!=(const Type &o) const { return !(*this == o); }
};

/// Facts about a built-in type spelling of the schema language.
struct BuiltinTypeInfo {
  llvm::StringRef spelling; ///< as written, lower case ("int4", "varchar")
  TypeKind kind;
  llvm::StringRef nativeName; ///< for TypeKind::Native: canonical name
  uint8_t minModifiers;
  uint8_t maxModifiers;
  /// For serial spellings: the column becomes an identity of kind Serial.
  bool isSerial;
  /// Dialects that can hold the type (bit i = Dialect i).
  uint8_t dialectMask;
};

/// Looks up a (lower-cased, single-space-joined) built-in type spelling such
/// as "integer", "character varying", "timestamp with time zone", "inet".
const BuiltinTypeInfo *lookupBuiltinType(llvm::StringRef spelling);

/// The built-in spelling closest to `spelling` (edit distance at most 2), for
/// "did you mean" hints; empty if none is that close.
llvm::StringRef findSimilarBuiltinType(llvm::StringRef spelling);

/// The schema-language spelling of a type (used by the IR printer and the
/// schema-language backend): "varchar(255)", "bigint[]", "my_enum".
std::string getTypeSpelling(const Type &t);

/// The lower-case name of a kind, as in JSON snapshots ("bigint", "native").
llvm::StringRef getTypeKindName(TypeKind k);
std::optional<TypeKind> parseTypeKindName(llvm::StringRef name);

} // namespace schemac::ir

#endif
