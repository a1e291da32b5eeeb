//===- SQLiteStorage.h - schemas in the form a SQLite database holds them -===//
//
// SQLite stores several schema facts alike, so a database pulled back can
// only give one of them: the rowid alias is always declared INTEGER PRIMARY
// KEY, whatever integer type the schema gave it; serial, identity and
// identity always all become AUTOINCREMENT; collation names are
// case-insensitive (export writes them upper case). Comparing a schema file
// with a SQLite database would report those as changes, each a table
// rebuild, right after the file was applied. Like canonicalizeInlineEnums,
// both sides are put into that one form before they are compared.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_SQLITESTORAGE_H
#define SCHEMAC_BACKENDS_SQLITESTORAGE_H

#include "ir/Schema.h"

namespace schemac::backends {

/// Rewrites `schema` into the form above: the rowid column (as
/// getSQLiteRowidColumn decides) becomes `integer`, an identity of it
/// `identity` (by default), and collations lower case. Idempotent; the DDL
/// export writes for the result is the same as for `schema`.
void canonicalizeSQLiteStorage(ir::Schema &schema);

} // namespace schemac::backends

#endif
