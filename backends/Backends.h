//===- Backends.h - factories for the backends schemac ships --------------===//
#ifndef SCHEMAC_BACKENDS_BACKENDS_H
#define SCHEMAC_BACKENDS_BACKENDS_H

#include "backends/Backend.h"
#include <memory>

namespace schemac {

/// "ir": the textual Schema IR (ir::printSchema).
std::unique_ptr<Backend> createIRBackend();
/// "json": the versioned JSON snapshot (ir::writeSnapshot).
std::unique_ptr<Backend> createJSONBackend();
/// "postgresql": the complete DDL for PostgreSQL 15.
std::unique_ptr<Backend> createPostgresBackend();
/// "mysql": the complete DDL for MySQL 8 and MariaDB 10.11.
std::unique_ptr<Backend> createMySQLBackend();
/// "sqlite": the complete DDL for SQLite 3.40.
std::unique_ptr<Backend> createSQLiteBackend();
/// "dsl": the schema language (printSchemaLanguage, SchemaLanguage.h).
std::unique_ptr<Backend> createSchemaLanguageBackend();
/// "typescript-<dialect>": drizzle-orm schema code (TypeScript.h).
std::unique_ptr<Backend> createTypeScriptBackend(ir::Dialect dialect);

} // namespace schemac

#endif
