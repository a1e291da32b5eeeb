//===- PostgresStoredExprs.h - expressions in PostgreSQL's stored form ----===//
//
// PostgreSQL keeps no text of a default, generated column or check: it
// stores the parsed expression and prints it back with pg_get_expr
// (literals in their canonical form, '{"a":1}' as '{"a": 1}', '07:00' as
// '07:00:00'; a one-element IN as =; two comparisons as written, not the
// BETWEEN they may mean). The pull maps much of that back, but not every
// literal or operator form. As for view queries (PostgresViewQueries.h),
// the way out is to ask the server for the form it would store.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_POSTGRESSTOREDEXPRS_H
#define SCHEMAC_FRONTEND_INTROSPECT_POSTGRESSTOREDEXPRS_H

#include "db/Connection.h"
#include "diagnostics/Diagnostic.h"
#include "ir/Schema.h"

namespace schemac::introspect {

/// Replaces the defaults, generated expressions, checks, index expressions
/// and index predicates of every table of `schema` (read from schema files)
/// by what a pull of the database behind `conn` reads for them, so the two
/// compare equal when they mean the same. Each table's columns, checks and
/// expression indexes become a temporary table and indexes inside a
/// transaction that is rolled back (nothing is left in the database), read
/// back with pg_get_expr / pg_get_indexdef and mapped as the pull maps them. A
/// table the server rejects (its type is not in the database yet) keeps its
/// text. Parse problems go to `diags`, which the caller keeps quiet. Returns
/// the number of tables rewritten.
unsigned normalizePostgresExpressions(db::Connection &conn, ir::Schema &schema,
                                      DiagnosticEngine &diags);

} // namespace schemac::introspect

#endif
