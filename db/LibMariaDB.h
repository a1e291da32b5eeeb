//===- LibMariaDB.h - the libmariadb functions, loaded on first use -------===//
//
// MySQLConnection calls libmariadb only through this table, which
// loadLibMariaDB() fills from libmariadb.so.3 the first time a MySQL or
// MariaDB connection is made (see ClientLibrary.h for why). The slots take
// their types from mysql.h's own prototypes, so they cannot drift from the
// library.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_DB_LIBMARIADB_H
#define SCHEMAC_DB_LIBMARIADB_H

#include "llvm/Support/Error.h"
#include <mysql.h>

/// Every libmariadb function MySQLConnection.cpp calls; one list for the
/// table and its loader.
#define SCHEMAC_LIBMARIADB_FUNCTIONS(X)                                        \
  X(mysql_close)                                                               \
  X(mysql_error)                                                               \
  X(mysql_fetch_fields)                                                        \
  X(mysql_fetch_lengths)                                                       \
  X(mysql_fetch_row)                                                           \
  X(mysql_field_count)                                                         \
  X(mysql_free_result)                                                         \
  X(mysql_get_server_info)                                                     \
  X(mysql_init)                                                                \
  X(mysql_next_result)                                                         \
  X(mysql_num_fields)                                                          \
  X(mysql_num_rows)                                                            \
  X(mysql_options)                                                             \
  X(mysql_real_connect)                                                        \
  X(mysql_real_query)                                                          \
  X(mysql_sqlstate)                                                            \
  X(mysql_store_result)

namespace schemac::db {

/// libmariadb's functions, each slot named like the function it holds.
struct LibMariaDB {
#define SCHEMAC_LIBMARIADB_SLOT(name) decltype(&::name) name = nullptr;
  SCHEMAC_LIBMARIADB_FUNCTIONS(SCHEMAC_LIBMARIADB_SLOT)
#undef SCHEMAC_LIBMARIADB_SLOT
};

/// libmariadb, opened on the first call; every later call (from any thread)
/// returns the same table, or the same failure: "cannot load the MariaDB
/// client library libmariadb.so.3: ...".
llvm::Expected<const LibMariaDB &> loadLibMariaDB();

} // namespace schemac::db

#endif
