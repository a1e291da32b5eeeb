//===- IRTestUtil.h - builds Schema IR for the unit tests -----------------===//
#ifndef SCHEMAC_TEST_UNIT_IRTESTUTIL_H
#define SCHEMAC_TEST_UNIT_IRTESTUTIL_H

#include "ir/Schema.h"

namespace schemac::irtest {

/// Fills `s` with one of everything the IR can hold (comments, rename hints,
/// every constraint kind, expression kinds, index options, views) and
/// canonicalizes it.
void buildFullSchema(ir::Schema &s);

/// Column reference helper.
inline const ir::Expr *col(ir::Schema &s, llvm::StringRef name) {
  return s.getArena().create<ir::ColumnRef>("", s.save(name), SourceRange());
}

} // namespace schemac::irtest

#endif
