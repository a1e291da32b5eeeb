//===- Introspect.h - a live database into the Schema IR ------------------===//
//
// The other frontend: reads a database's catalogs with a fixed number of
// queries (never one per table) and builds the same IR the schema language
// would, so `schemac diff --from URL --to FILES` is empty right after FILES
// were applied. Server-normalized expression text ('x'::text, nextval(...)
// behind a serial) is parsed and mapped back to the form sema produces.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_INTROSPECT_H
#define SCHEMAC_FRONTEND_INTROSPECT_INTROSPECT_H

#include "db/Connection.h"
#include "diagnostics/Diagnostic.h"
#include "ir/Schema.h"
#include <string>
#include <vector>

namespace schemac {

struct IntrospectOptions {
  /// Namespaces to read (PostgreSQL schemas); empty: every schema that is
  /// not the system's or an extension's. Ignored by MySQL and SQLite, which
  /// read the connection's database.
  std::vector<std::string> namespaces;
  /// Table globs (`*`, `?`, `[...]`) matched against `name` and `ns.name`;
  /// empty: every table. Views and enums are kept whatever the filter.
  std::vector<std::string> tables;
  /// Tables (and views) matching any of these globs are left out.
  std::vector<std::string> excludes;
  /// schemac migrate's own history table (and, on PostgreSQL, its schema
  /// when nothing else is in it) is not part of the application's schema.
  std::string historyTable = "__schemac_migrations";
  std::string historySchema = "schemac";
};

/// Reads the database behind `conn` into `out` (empty) and canonicalizes it.
/// Objects the IR cannot hold exactly are kept in the closest form with an
/// `introspection-unsupported` warning; failed queries are `query-failed`
/// errors. Returns false if an error was reported.
bool introspectDatabase(db::Connection &conn, ir::Schema &out,
                        DiagnosticEngine &diags,
                        const IntrospectOptions &options);

} // namespace schemac

#endif
