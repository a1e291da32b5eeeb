//===- LibPQ.cpp - load libpq on first use --------------------------------===//

#include "db/LibPQ.h"
#include "db/ClientLibrary.h"

using namespace schemac::db;

// db/CMakeLists.txt passes the SONAME of the libpq pkg-config finds and the
// Debian package that installs it.
static const ClientLibraryInfo libPQInfo = {"PostgreSQL", SCHEMAC_LIBPQ_SONAME,
                                            SCHEMAC_LIBPQ_PACKAGE};

llvm::Expected<const LibPQ &> schemac::db::loadLibPQ() {
  // A function-local static: initialized once, thread-safe.
  static const LoadedClientLibrary<LibPQ> loaded = [] {
    ClientLibraryLoader loader(libPQInfo);
    LoadedClientLibrary<LibPQ> result;
#define SCHEMAC_LIBPQ_RESOLVE(name)                                            \
  loader.resolve(#name, result.functions.name);
    SCHEMAC_LIBPQ_FUNCTIONS(SCHEMAC_LIBPQ_RESOLVE)
#undef SCHEMAC_LIBPQ_RESOLVE
    result.error = loader.getError();
    return result;
  }();
  return loaded.get();
}
