//===- Dialect.h - the SQL dialects schemac targets -----------------------===//
#ifndef SCHEMAC_IR_DIALECT_H
#define SCHEMAC_IR_DIALECT_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace schemac::ir {

enum class Dialect : uint8_t { PostgreSQL, MySQL, SQLite };

/// Canonical lower-case name: "postgresql", "mysql", "sqlite".
llvm::StringRef getDialectName(Dialect d);
/// Accepts the canonical names and common aliases (postgres, pg, mariadb).
std::optional<Dialect> parseDialect(llvm::StringRef name);

} // namespace schemac::ir

#endif
