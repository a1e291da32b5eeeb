//===- SnapshotNames.h - enumeration names in JSON snapshots --------------===//
//
// Private to ir/: the writer and the reader share these tables (indexed by
// enumerator value), so a name can never be written that cannot be read.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_SNAPSHOTNAMES_H
#define SCHEMAC_IR_SNAPSHOTNAMES_H

#include "ir/Schema.h"
#include <iterator>
#include <optional>

namespace schemac::ir::snapshot {

/// Deepest JSON nesting a snapshot may have; bounds the recursion of the
/// reader and of later walks over loaded expressions.
constexpr unsigned MaxNesting = 2000;

inline const llvm::StringRef IdentityNames[] = {"none", "always", "byDefault",
                                                "serial"};
inline const llvm::StringRef RefActionNames[] = {
    "noAction", "restrict", "cascade", "setNull", "setDefault"};
inline const llvm::StringRef ConstraintKindNames[] = {"primaryKey", "unique",
                                                      "foreignKey", "check"};
inline const llvm::StringRef SortOrderNames[] = {"default", "asc", "desc"};
inline const llvm::StringRef NullsOrderNames[] = {"default", "first", "last"};
inline const llvm::StringRef UnaryOpNames[] = {"neg", "plus", "not", "bitNot"};
inline const llvm::StringRef BinaryOpNames[] = {
    "or",
    "and",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "like",
    "notLike",
    "ilike",
    "notIlike",
    "isDistinctFrom",
    "isNotDistinctFrom",
    "concat",
    "add",
    "sub",
    "mul",
    "div",
    "mod",
    "pow",
    "bitAnd",
    "bitOr",
    "shiftLeft",
    "shiftRight",
    "jsonGet",
    "jsonGetText",
    "jsonPath",
    "jsonPathText",
    "contains",
    "containedBy",
    "overlaps",
    "regexMatch",
    "regexIMatch",
    "notRegexMatch",
    "notRegexIMatch",
};
static_assert(std::size(BinaryOpNames) == size_t(BinaryOp::NotRegexIMatch) + 1,
              "one name per BinaryOp");
inline const llvm::StringRef ExprKindNames[] = {
    "null", "bool", "number", "string", "column",  "func",  "unary", "binary",
    "cast", "case", "in",     "isNull", "between", "array", "raw",
};
static_assert(std::size(ExprKindNames) == size_t(Expr::Kind::Raw) + 1,
              "one name per Expr::Kind");

template <typename E, size_t N>
llvm::StringRef nameOf(const llvm::StringRef (&names)[N], E e) {
  return names[size_t(e)];
}

template <typename E, size_t N>
std::optional<E> parseName(const llvm::StringRef (&names)[N],
                           llvm::StringRef s) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == s)
      return E(i);
  return std::nullopt;
}

} // namespace schemac::ir::snapshot

#endif
