//===- StoredForm.h - a schema in the form a database holds it -----------===//
//
// A database keeps one form for several spellings of the same fact (MySQL
// stores `real` as FLOAT, `serial` as AUTO_INCREMENT, `on delete restrict`
// as NO ACTION; SQLite's rowid alias is always INTEGER), so a pull reads
// back that one form. diff and push compare a database with a schema read
// from files or a snapshot; both sides are first put into the database's
// form, so a schema that was just applied has nothing left to migrate.
// The rewrites never change what a database made from the schema holds.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_STOREDFORM_H
#define SCHEMAC_FRONTEND_INTROSPECT_STOREDFORM_H

#include "db/Connection.h"
#include "ir/Schema.h"

namespace schemac::introspect {

/// Rewrites `schema` into the form a `dialect` database holds it in: enums
/// inline where the dialect has no enum types, then the dialect's own
/// storage forms (PostgreSQL's numeric(p) is numeric(p,0);
/// canonicalizeSQLiteStorage, canonicalizeMySQLStorage).
/// Idempotent.
void toStoredForm(ir::Dialect dialect, ir::Schema &schema);

/// MySQL's forms, each what a MySQL pull reads back for what export writes
/// (docs/dialects.md, "Pulling from MySQL"): column types as the pull maps
/// the type export writes (`real` is native float, `jsonb` json, `char(36)`
/// uuid, `timestamp(6)` the bare type, `numeric(p)` numeric(p,0)); every
/// identity an auto-increment (`identity`); a current-time default of a
/// timestamp column `now()`, other literal defaults as MySQL prints them
/// (decimal scale, full times); one-element IN lists comparisons; RESTRICT
/// actions NO ACTION; `asc` keys no order; a unique index of plain columns
/// a unique constraint; the primary key named PRIMARY.
void canonicalizeMySQLStorage(ir::Schema &schema);

/// Drops the table options of `schema` (read from schema files) that equal
/// the defaults of the MySQL database behind `conn`, as a pull leaves them
/// out: `@engine(InnoDB)` on a server whose default engine is InnoDB, a
/// charset or collation the table would get from the database anyway; and
/// a column's collation that is its table's. A failed query leaves the
/// options as they are.
void dropDefaultMySQLTableOptions(db::Connection &conn, ir::Schema &schema);

} // namespace schemac::introspect

#endif
