//===- TypeScriptTypes.h - IR column types as drizzle-orm column builders -===//
//
// Each dialect's drizzle-orm core module has its own column builders
// (`varchar({ length: 320 })` in pg-core and mysql-core, `text()` for every
// string in sqlite-core). This maps one IR type to the builder and its
// config entries; a type without a builder becomes a `customType` that
// writes the exact SQL type name, so the DDL drizzle-kit derives keeps it.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_TYPESCRIPTTYPES_H
#define SCHEMAC_BACKENDS_TYPESCRIPTTYPES_H

#include "ir/Schema.h"
#include <string>
#include <vector>

namespace schemac::backends {

struct TSColumnType {
  /// The builder imported from the dialect's core module ("varchar"); empty
  /// for an enum (the emitter decides) or a custom type.
  std::string builder;
  /// Entries of the builder's config object, in order ("length: 320").
  std::vector<std::string> options;
  /// For a custom type: the SQL type it declares ("tsvector", "bytea").
  std::string customSQLType;
  /// For a custom type: the TypeScript type of its values.
  std::string customDataType;
};

/// The builder for `column`'s type (its element type for PostgreSQL
/// arrays). Serial columns get PostgreSQL's serial builders.
TSColumnType getTSColumnType(ir::Dialect d, const ir::Column &column);

/// The drizzle-orm core module of a dialect ("drizzle-orm/pg-core").
llvm::StringRef getDrizzleCoreModule(ir::Dialect d);

} // namespace schemac::backends

#endif
