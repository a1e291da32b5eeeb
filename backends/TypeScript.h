//===- TypeScript.h - the Schema IR as drizzle-orm schema code ------------===//
//
// The "typescript-<dialect>" backends: one TypeScript module declaring the
// schema with drizzle-orm's core module for the dialect (pg-core,
// mysql-core, sqlite-core): schemas, enums, sequences, tables with their
// columns, keys, checks and indexes, views, and relations() for every
// foreign key. Database names are kept exactly as string arguments; the
// TypeScript names are derived from them (camelCase by default).
//
// What drizzle-orm cannot express is written in the closest form with a
// comment and reported as a dialect-approximation warning.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_BACKENDS_TYPESCRIPT_H
#define SCHEMAC_BACKENDS_TYPESCRIPT_H

#include "backends/Backend.h"
#include "diagnostics/Diagnostic.h"
#include "ir/Schema.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>

namespace schemac {

/// How TypeScript property and const names are derived from database names.
enum class TypeScriptCasing : uint8_t {
  Camel,    ///< created_at -> createdAt (the database name stays an argument)
  Preserve, ///< the database name itself, quoted where it is no identifier
};

/// "camel" or "preserve".
std::optional<TypeScriptCasing> parseTypeScriptCasing(llvm::StringRef name);

struct TypeScriptOptions {
  ir::Dialect dialect = ir::Dialect::PostgreSQL;
  TypeScriptCasing casing = TypeScriptCasing::Camel;
};

/// Writes the drizzle-orm module for `schema`, which the dialect's legality
/// pass accepted. Approximations are warnings in `diags`; returns false if
/// an error was reported (then the output must be discarded).
bool printTypeScript(const ir::Schema &schema, llvm::raw_ostream &os,
                     const TypeScriptOptions &options, DiagnosticEngine &diags);

/// A backend named "typescript-<dialect>" ("typescript-postgresql") that
/// calls printTypeScript with `options`.
std::unique_ptr<Backend>
createTypeScriptBackend(const TypeScriptOptions &options);

} // namespace schemac

#endif
