//===- MySQLConnection.cpp - the Connection over libmariadb ---------------===//

#include "db/Connections.h"
#include "db/LibMariaDB.h"
#include <cstdlib>

using namespace schemac;
using namespace schemac::db;
using llvm::StringRef;

namespace {

const char *orNull(const std::string &s) {
  return s.empty() ? nullptr : s.c_str();
}

class MySQLConnection : public Connection {
public:
  MySQLConnection(DatabaseURL url, const LibMariaDB &lib, MYSQL *mysql)
      : Connection(std::move(url)), lib(lib), mysql(mysql) {}
  ~MySQLConnection() override { lib.mysql_close(mysql); }

  ir::Dialect getDialect() const override { return ir::Dialect::MySQL; }

  std::string getServerVersion() override {
    return lib.mysql_get_server_info(mysql);
  }

  llvm::Expected<QueryResult> query(StringRef sql) override {
    if (lib.mysql_real_query(mysql, sql.data(), sql.size()))
      return lastError();
    // A script may return several results (CLIENT_MULTI_STATEMENTS): keep
    // the first with rows, but read them all so a later error is seen.
    QueryResult result;
    bool haveRows = false;
    while (true) {
      if (MYSQL_RES *res = lib.mysql_store_result(mysql)) {
        if (!haveRows) {
          haveRows = true;
          copyRows(res, result);
        }
        lib.mysql_free_result(res);
      } else if (lib.mysql_field_count(mysql) != 0) {
        return lastError();
      }
      int next = lib.mysql_next_result(mysql);
      if (next > 0)
        return lastError();
      if (next < 0)
        break;
    }
    return result;
  }

private:
  void copyRows(MYSQL_RES *res, QueryResult &result) {
    unsigned cols = lib.mysql_num_fields(res);
    MYSQL_FIELD *fields = lib.mysql_fetch_fields(res);
    for (unsigned c = 0; c < cols; ++c)
      result.addColumn(StringRef(fields[c].name, fields[c].name_length));
    result.reserveRows(lib.mysql_num_rows(res));
    while (MYSQL_ROW row = lib.mysql_fetch_row(res)) {
      unsigned long *lengths = lib.mysql_fetch_lengths(res);
      for (unsigned c = 0; c < cols; ++c)
        result.addCell(
            row[c] ? std::optional<StringRef>(StringRef(row[c], lengths[c]))
                   : std::nullopt);
    }
  }

  llvm::Error lastError() {
    return llvm::make_error<DatabaseError>(lib.mysql_error(mysql),
                                           lib.mysql_sqlstate(mysql));
  }

  const LibMariaDB &lib;
  MYSQL *mysql;
};

} // namespace

llvm::Expected<std::unique_ptr<Connection>>
db::connectMySQL(const DatabaseURL &url) {
  llvm::Expected<const LibMariaDB &> lib = loadLibMariaDB();
  if (!lib)
    return connectionError(url, llvm::toString(lib.takeError()));
  MYSQL *mysql = lib->mysql_init(nullptr);
  if (!mysql)
    return connectionError(url, "out of memory");
  lib->mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  lib->mysql_options(mysql, MYSQL_READ_DEFAULT_GROUP, "client");
  unsigned timeout = 10;
  lib->mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
  // The URL's password, else MYSQL_PWD (as the mysql client reads it).
  const char *password = url.hasPassword ? url.password.c_str() : nullptr;
  if (!password)
    password = std::getenv("MYSQL_PWD");
  // A socket wins over a host; localhost without a port means the default
  // socket, as the mysql client does.
  const char *host = url.socket.empty() ? orNull(url.host) : "localhost";
  if (!lib->mysql_real_connect(mysql, host, orNull(url.user), password,
                               url.database.c_str(), url.port,
                               orNull(url.socket), CLIENT_MULTI_STATEMENTS)) {
    std::string message = lib->mysql_error(mysql);
    lib->mysql_close(mysql);
    return connectionError(url, message);
  }
  return std::make_unique<MySQLConnection>(url, *lib, mysql);
}
