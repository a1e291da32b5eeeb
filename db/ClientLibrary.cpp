//===- ClientLibrary.cpp - dlopen() a database client library -------------===//

#include "db/ClientLibrary.h"
#include <dlfcn.h>

using namespace schemac::db;

ClientLibraryLoader::ClientLibraryLoader(const ClientLibraryInfo &info)
    : info(info) {
  // RTLD_NOW: a library missing one of its own dependencies fails here, with
  // the loader's message, instead of at some later call.
  handle = dlopen(info.soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    fail(dlerror());
}

void *ClientLibraryLoader::lookup(const char *name) {
  if (!error.empty())
    return nullptr;
  dlerror(); // Clear an earlier message: only this lookup's counts.
  void *address = dlsym(handle, name);
  if (!address) {
    const char *reason = dlerror();
    fail(reason ? reason : (llvm::Twine(name) + " is null").str());
  }
  return address;
}

void ClientLibraryLoader::fail(llvm::StringRef reason) {
  error = (llvm::Twine("cannot load the ") + info.product + " client library " +
           info.soname + ": " + reason + " (install the Debian package " +
           info.package + ")")
              .str();
}
