//===- LibMariaDB.cpp - load libmariadb on first use ----------------------===//

#include "db/LibMariaDB.h"
#include "db/ClientLibrary.h"

using namespace schemac::db;

// db/CMakeLists.txt passes the SONAME of the libmariadb pkg-config finds and
// the Debian package that installs it.
static const ClientLibraryInfo libMariaDBInfo = {
    "MariaDB", SCHEMAC_LIBMARIADB_SONAME, SCHEMAC_LIBMARIADB_PACKAGE};

llvm::Expected<const LibMariaDB &> schemac::db::loadLibMariaDB() {
  // A function-local static: initialized once, thread-safe.
  static const LoadedClientLibrary<LibMariaDB> loaded = [] {
    ClientLibraryLoader loader(libMariaDBInfo);
    LoadedClientLibrary<LibMariaDB> result;
#define SCHEMAC_LIBMARIADB_RESOLVE(name)                                       \
  loader.resolve(#name, result.functions.name);
    SCHEMAC_LIBMARIADB_FUNCTIONS(SCHEMAC_LIBMARIADB_RESOLVE)
#undef SCHEMAC_LIBMARIADB_RESOLVE
    result.error = loader.getError();
    return result;
  }();
  return loaded.get();
}
