//===- SQLTypes.h - IR types spelled as SQL type names per dialect --------===//
#ifndef SCHEMAC_BACKENDS_SQLTYPES_H
#define SCHEMAC_BACKENDS_SQLTYPES_H

#include "ir/Type.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace schemac::backends {

/// The PostgreSQL spelling of a column type, as format_type() prints it
/// ("character varying(255)", "timestamp(3) with time zone", "text[]");
/// enums as their (quoted when needed) qualified name. Does not check that
/// PostgreSQL can hold the type: that is the legality pass's job.
std::string getPostgresTypeName(const ir::Type &t);

/// An enum's name for PostgreSQL. pg_catalog comes first on every search
/// path, so an enum in the default namespace whose name is also a built-in
/// type ("time", "money", "inet") is written as public."time".
std::string getPostgresEnumName(llvm::StringRef ns, llvm::StringRef name);

/// The MySQL spelling of a column type, lower case as SHOW CREATE TABLE
/// prints it ("varchar(255)", "datetime(6)", "int unsigned"). Temporal types
/// without a precision keep PostgreSQL's microseconds (MySQL's default is
/// seconds); enums are written inline with `values` (already quoted). The
/// mapping is docs/dialects.md's; legality is checked before.
std::string getMySQLTypeName(const ir::Type &t, llvm::StringRef values);

/// Text, blobs and JSON (MySQL keeps them off-row): a MySQL key over them
/// needs a prefix length, and their literal defaults need parentheses.
bool isMySQLOffRowType(const ir::Type &t);

/// The type to write in a cast on dialect `d`: the column type on
/// PostgreSQL; the CAST target MySQL accepts (SIGNED, CHAR(n), DATETIME(p));
/// the storage class on SQLite (INTEGER, TEXT). std::nullopt when the dialect
/// has no such cast target (arrays outside PostgreSQL, MySQL intervals).
std::optional<std::string> getCastTargetName(ir::Dialect d, const ir::Type &t);

} // namespace schemac::backends

#endif
