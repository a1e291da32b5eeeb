//===- SQLFragments.h - DDL pieces every SQL backend spells the same ------===//
#ifndef SCHEMAC_BACKENDS_SQLFRAGMENTS_H
#define SCHEMAC_BACKENDS_SQLFRAGMENTS_H

#include "ir/Schema.h"
#include "llvm/ADT/StringRef.h"

namespace schemac::backends {

/// "CASCADE", "SET NULL", ... as in ON DELETE / ON UPDATE.
llvm::StringRef getRefActionSQL(ir::RefAction action);

/// A view query as a statement's tail: no surrounding blanks, no ';'.
llvm::StringRef getViewBody(llvm::StringRef query);

} // namespace schemac::backends

#endif
