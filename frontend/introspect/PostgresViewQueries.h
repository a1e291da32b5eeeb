//===- PostgresViewQueries.h - view queries in PostgreSQL's stored form ---===//
//
// A view's query is raw SQL in the IR. PostgreSQL keeps no text of it: it
// stores the parsed query and prints it back with pg_get_viewdef (columns
// qualified, literals cast, its own layout). A schema file's query therefore
// never equals the pulled one as text. The way out is to ask the server for
// the form it would store: see normalizePostgresViewQueries.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_POSTGRESVIEWQUERIES_H
#define SCHEMAC_FRONTEND_INTROSPECT_POSTGRESVIEWQUERIES_H

#include "db/Connection.h"
#include "ir/Schema.h"

namespace schemac::introspect {

/// The text a pull reads for a view: pg_get_viewdef's, trimmed, without the
/// trailing semicolon.
llvm::StringRef trimPostgresViewQuery(llvm::StringRef query);

/// Replaces the query of every view of `schema` (read from schema files) by
/// the text a pull of the database behind `conn` would read for it, so the
/// two compare equal when they mean the same. Each query becomes a
/// temporary view inside a transaction that is rolled back (nothing is left
/// in the database), read back with pg_get_viewdef. A query the server
/// rejects (it reads a table the database does not have yet) keeps its
/// text: it differs, as it should. Returns the number of views rewritten.
unsigned normalizePostgresViewQueries(db::Connection &conn, ir::Schema &schema);

} // namespace schemac::introspect

#endif
