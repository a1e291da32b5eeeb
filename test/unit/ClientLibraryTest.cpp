//===- ClientLibraryTest.cpp - loading client libraries with dlopen() -----===//
//
// The failures a user meets when libpq5 or libmariadb3 is not installed (or
// is too old) cannot be staged from the driver's tests, whose machine has
// both: a missing library and a missing function are clear messages naming
// the library and the Debian package, and nothing is left half resolved.
//
//===----------------------------------------------------------------------===//

#include "db/ClientLibrary.h"
#include "gtest/gtest.h"
#include <sqlite3.h>

using namespace schemac::db;

namespace {

TEST(ClientLibraryTest, MissingLibraryNamesItAndItsPackage) {
  ClientLibraryInfo info = {"PostgreSQL", "libschemac-no-such-client.so.5",
                            "libpq5"};
  ClientLibraryLoader loader(info);
  decltype(&sqlite3_libversion) slot = &sqlite3_libversion;
  loader.resolve("sqlite3_libversion", slot);
  EXPECT_EQ(slot, nullptr);
  EXPECT_EQ(loader.getError(),
            "cannot load the PostgreSQL client library "
            "libschemac-no-such-client.so.5: libschemac-no-such-client.so.5: "
            "cannot open shared object file: No such file or directory "
            "(install the Debian package libpq5)");
}

TEST(ClientLibraryTest, MissingFunctionNamesIt) {
  ClientLibraryInfo info = {"SQLite", "libsqlite3.so.0", "libsqlite3-0"};
  ClientLibraryLoader loader(info);
  decltype(&sqlite3_libversion) version = nullptr, missing = nullptr;
  loader.resolve("sqlite3_libversion", version);
  loader.resolve("sqlite3_no_such_function", missing);
  EXPECT_NE(version, nullptr);
  EXPECT_EQ(missing, nullptr);
  EXPECT_NE(loader.getError().find("cannot load the SQLite client library "
                                   "libsqlite3.so.0: "),
            std::string::npos)
      << loader.getError();
  EXPECT_NE(loader.getError().find(
                "undefined symbol: sqlite3_no_such_function (install the "
                "Debian package libsqlite3-0)"),
            std::string::npos)
      << loader.getError();
}

TEST(ClientLibraryTest, ResolvedFunctionsAreTheLibrarys) {
  ClientLibraryInfo info = {"SQLite", "libsqlite3.so.0", "libsqlite3-0"};
  ClientLibraryLoader loader(info);
  decltype(&sqlite3_libversion) version = nullptr;
  loader.resolve("sqlite3_libversion", version);
  ASSERT_EQ(loader.getError(), "");
  ASSERT_NE(version, nullptr);
  EXPECT_STREQ(version(), sqlite3_libversion());
}

TEST(ClientLibraryTest, LoadFailureIsAnErrorEveryTime) {
  LoadedClientLibrary<int> loaded{0, "cannot load it"};
  for (int i = 0; i < 2; ++i) {
    llvm::Expected<const int &> table = loaded.get();
    ASSERT_FALSE(bool(table));
    EXPECT_EQ(llvm::toString(table.takeError()), "cannot load it");
  }
  LoadedClientLibrary<int> ok{7, ""};
  llvm::Expected<const int &> table = ok.get();
  ASSERT_TRUE(bool(table));
  EXPECT_EQ(&*table, &ok.functions);
}

} // namespace
