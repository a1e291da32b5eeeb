//===- ClientLibrary.h - a database client library loaded on first use ----===//
//
// Linking libpq and libmariadb made every schemac process pay ~17 ms in the
// dynamic loader for them and their dependencies (Kerberos, LDAP, GnuTLS...),
// while most runs (check, compile, export, generate, editors, build systems)
// never connect to a server. So db/ opens them with dlopen() the first time a
// connection of their dialect is made and calls them through a table of
// function pointers (LibPQ.h, LibMariaDB.h). SQLite stays linked: it is cheap.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_DB_CLIENTLIBRARY_H
#define SCHEMAC_DB_CLIENTLIBRARY_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace schemac::db {

/// One client library: what to open and what the messages call it.
struct ClientLibraryInfo {
  /// What it is the client of, for messages: "PostgreSQL".
  const char *product;
  /// The SONAME to dlopen(): "libpq.so.5".
  const char *soname;
  /// The Debian package that installs it: "libpq5".
  const char *package;
};

/// Opens a client library and resolves its functions, keeping the first
/// failure as a message. A library it opened is never closed, so resolved
/// functions stay valid for the life of the process.
class ClientLibraryLoader {
public:
  explicit ClientLibraryLoader(const ClientLibraryInfo &info);

  /// Sets `slot` to the library's function `name`; null after a failure.
  template <typename Function> void resolve(const char *name, Function &slot) {
    slot = reinterpret_cast<Function>(lookup(name));
  }

  /// Empty when the library and every function asked for resolved; else
  /// "cannot load the PostgreSQL client library libpq.so.5: REASON (install
  /// the Debian package libpq5)" with the dynamic loader's REASON.
  const std::string &getError() const { return error; }

private:
  void *lookup(const char *name);
  void fail(llvm::StringRef reason);

  const ClientLibraryInfo &info;
  void *handle = nullptr;
  std::string error;
};

/// The outcome of loading a client library once per process: its function
/// table, or why it could not be loaded.
template <typename Table> struct LoadedClientLibrary {
  Table functions;
  std::string error;

  /// The table, or the load failure as a new error on every call.
  llvm::Expected<const Table &> get() const {
    if (!error.empty())
      return llvm::make_error<llvm::StringError>(
          error, llvm::inconvertibleErrorCode());
    return functions;
  }
};

} // namespace schemac::db

#endif
