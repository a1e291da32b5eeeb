//===- Connections.h - the client-library connections (private to db/) ----===//
#ifndef SCHEMAC_DB_CONNECTIONS_H
#define SCHEMAC_DB_CONNECTIONS_H

#include "db/Connection.h"

namespace schemac::db {

llvm::Expected<std::unique_ptr<Connection>>
connectPostgres(const DatabaseURL &url);
llvm::Expected<std::unique_ptr<Connection>>
connectMySQL(const DatabaseURL &url);
llvm::Expected<std::unique_ptr<Connection>>
connectSQLite(const DatabaseURL &url, const ConnectOptions &options);

/// "cannot connect to URL: MESSAGE" with the message's trailing white space
/// and line breaks folded, as a DatabaseError.
llvm::Error connectionError(const DatabaseURL &url, llvm::StringRef message);

} // namespace schemac::db

#endif
