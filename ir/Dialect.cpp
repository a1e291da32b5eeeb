//===- Dialect.cpp - dialect names and their aliases ----------------------===//

#include "ir/Dialect.h"
#include "llvm/ADT/StringSwitch.h"

namespace schemac::ir {

llvm::StringRef getDialectName(Dialect d) {
  switch (d) {
  case Dialect::PostgreSQL:
    return "postgresql";
  case Dialect::MySQL:
    return "mysql";
  case Dialect::SQLite:
    return "sqlite";
  }
  return "";
}

std::optional<Dialect> parseDialect(llvm::StringRef name) {
  std::string lower = name.lower();
  return llvm::StringSwitch<std::optional<Dialect>>(lower)
      .Cases("postgresql", "postgres", "pg", Dialect::PostgreSQL)
      .Cases("mysql", "mariadb", Dialect::MySQL)
      .Cases("sqlite", "sqlite3", Dialect::SQLite)
      .Default(std::nullopt);
}

} // namespace schemac::ir
