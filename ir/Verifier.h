//===- Verifier.h - checks the Schema IR's invariants ---------------------===//
//
// Catches bugs in passes and corrupt snapshots: every reference resolves
// (FK tables/columns, enum types, sequence owners, index/constraint columns),
// names are unique where the database needs them unique, expressions are
// non-null where required. Reports each problem; returns false if any.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_VERIFIER_H
#define SCHEMAC_IR_VERIFIER_H

#include "ir/Schema.h"
#include <string>
#include <vector>

namespace schemac::ir {

/// Returns the problems found (empty when the IR is valid).
std::vector<std::string> verifySchema(const Schema &schema);

} // namespace schemac::ir

#endif
