//===- LibPQ.h - the libpq functions, loaded on first use -----------------===//
//
// PostgresConnection calls libpq only through this table, which loadLibPQ()
// fills from libpq.so.5 the first time a PostgreSQL connection is made (see
// ClientLibrary.h for why). The slots take their types from libpq-fe.h's own
// prototypes, so they cannot drift from the library.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_DB_LIBPQ_H
#define SCHEMAC_DB_LIBPQ_H

#include "llvm/Support/Error.h"
#include <libpq-fe.h>

/// Every libpq function PostgresConnection.cpp calls; one list for the table
/// and its loader.
#define SCHEMAC_LIBPQ_FUNCTIONS(X)                                             \
  X(PQclear)                                                                   \
  X(PQconnectdbParams)                                                         \
  X(PQerrorMessage)                                                            \
  X(PQexec)                                                                    \
  X(PQfinish)                                                                  \
  X(PQfname)                                                                   \
  X(PQgetisnull)                                                               \
  X(PQgetlength)                                                               \
  X(PQgetvalue)                                                                \
  X(PQnfields)                                                                 \
  X(PQntuples)                                                                 \
  X(PQparameterStatus)                                                         \
  X(PQresultErrorField)                                                        \
  X(PQresultErrorMessage)                                                      \
  X(PQresultStatus)                                                            \
  X(PQsetNoticeProcessor)                                                      \
  X(PQstatus)

namespace schemac::db {

/// libpq's functions, each slot named like the function it holds.
struct LibPQ {
#define SCHEMAC_LIBPQ_SLOT(name) decltype(&::name) name = nullptr;
  SCHEMAC_LIBPQ_FUNCTIONS(SCHEMAC_LIBPQ_SLOT)
#undef SCHEMAC_LIBPQ_SLOT
};

/// libpq, opened on the first call; every later call (from any thread)
/// returns the same table, or the same failure: "cannot load the PostgreSQL
/// client library libpq.so.5: ...".
llvm::Expected<const LibPQ &> loadLibPQ();

} // namespace schemac::db

#endif
