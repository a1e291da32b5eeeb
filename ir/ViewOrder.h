//===- ViewOrder.h - creation order for views that read other views -------===//
//
// A view must be created after the views its query reads. View queries are
// raw SQL, so dependencies are found by scanning the query for identifiers
// that name another view (unquoted words fold to lower case, as PostgreSQL
// and SQLite resolve them). A false match (a column that happens to share a
// view's name) only adds an ordering constraint, never drops a view.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_VIEWORDER_H
#define SCHEMAC_IR_VIEWORDER_H

#include "ir/Schema.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace schemac::ir {

/// Calls `fn` with each identifier in SQL text as the database resolves it:
/// unquoted words lower-cased, "quoted" ones exact. String literals and
/// comments are skipped.
void forEachSQLIdentifier(llvm::StringRef sql,
                          llvm::function_ref<void(llvm::StringRef)> fn);

/// Every view of `schema`, each after the views its query names; otherwise
/// in canonical (name) order. Views in a (false) cycle keep name order.
std::vector<const View *> orderViewsForCreation(const Schema &schema);

} // namespace schemac::ir

#endif
