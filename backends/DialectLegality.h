//===- DialectLegality.h - check a schema against a dialect's capabilities ===//
//
// The one pass that decides whether a schema fits a dialect: it reports
// every construct the dialect cannot hold (dialect-unsupported, an error)
// and every one it keeps only approximately or without its doc comment
// (dialect-approximation, a warning), each at the construct's position. The
// driver runs it whenever a dialect is chosen (check, compile, export), on
// schema files and snapshots alike; SQL backends assume a schema that
// passed it.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_DIALECTLEGALITY_H
#define SCHEMAC_BACKENDS_DIALECTLEGALITY_H

#include "diagnostics/Diagnostic.h"
#include "ir/Schema.h"

namespace schemac::backends {

/// Returns false if any construct of `schema` cannot be held by `d`.
bool checkDialectLegality(const ir::Schema &schema, ir::Dialect d,
                          DiagnosticEngine &diags);

/// The column SQLite makes the rowid alias (a single-column primary key of
/// an integer type, in a table with a rowid), or null. Only that column can
/// auto-increment on SQLite.
const ir::Column *getSQLiteRowidColumn(const ir::Table &table);

} // namespace schemac::backends

#endif
