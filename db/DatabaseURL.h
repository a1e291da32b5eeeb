//===- DatabaseURL.h - database URLs: parsing and redaction
//----------------===//
//
// The URLs every command that talks to a database accepts:
//   postgres://... and postgresql://...  libpq URIs, passed to libpq as given
//   mysql://... and mariadb://... user[:password]@host[:port]/db[?socket=]
//   sqlite:PATH, sqlite://PATH, sqlite::memory:
// A URL's password must never reach any output: print redact(url) instead.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_DB_DATABASEURL_H
#define SCHEMAC_DB_DATABASEURL_H

#include "ir/Dialect.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace schemac::db {

struct DatabaseURL {
  ir::Dialect dialect = ir::Dialect::PostgreSQL;
  /// The URL as given (with its password): only for the client library.
  std::string text;
  /// The URL with any password replaced by `****`: for every message.
  std::string redacted;

  // MySQL: the decoded parts; empty or 0 = the client library's default.
  std::string user, password, host, database, socket;
  unsigned port = 0;
  bool hasPassword = false;

  // SQLite: the file, or ":memory:".
  std::string path;
};

/// True if `s` starts with a scheme schemac connects to (so a diff side is
/// a database, not a file).
bool isDatabaseURL(llvm::StringRef s);

/// Parses a URL; the error message quotes it redacted.
llvm::Expected<DatabaseURL> parseDatabaseURL(llvm::StringRef url);

/// `url` with the password of its userinfo and any `password=` query
/// parameter replaced by `****`. Safe on text that is not a URL.
std::string redactURL(llvm::StringRef url);

} // namespace schemac::db

#endif
