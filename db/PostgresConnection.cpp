//===- PostgresConnection.cpp - the Connection over libpq -----------------===//

#include "db/Connections.h"
#include "db/LibPQ.h"
#include "llvm/Support/ConvertUTF.h"

using namespace schemac;
using namespace schemac::db;
using llvm::StringRef;

namespace {

/// Byte offset of the 1-based character position PostgreSQL reports.
std::optional<size_t> byteOffsetOfPosition(StringRef sql, const char *field) {
  unsigned position;
  if (!field || StringRef(field).getAsInteger(10, position) || position == 0)
    return std::nullopt;
  size_t offset = 0;
  for (unsigned chars = 1; chars < position && offset < sql.size(); ++chars)
    offset += std::max(1u, unsigned(llvm::getNumBytesForUTF8(sql[offset])));
  return std::min(offset, sql.size());
}

class PostgresConnection : public Connection {
public:
  PostgresConnection(DatabaseURL url, const LibPQ &pq, PGconn *conn)
      : Connection(std::move(url)), pq(pq), conn(conn) {}
  ~PostgresConnection() override { pq.PQfinish(conn); }

  ir::Dialect getDialect() const override { return ir::Dialect::PostgreSQL; }

  std::string getServerVersion() override {
    const char *version = pq.PQparameterStatus(conn, "server_version");
    return version ? version : "";
  }

  llvm::Expected<QueryResult> query(StringRef sql) override {
    std::string text = sql.str();
    std::unique_ptr<PGresult, decltype(LibPQ::PQclear)> res(
        pq.PQexec(conn, text.c_str()), pq.PQclear);
    if (!res)
      return llvm::make_error<DatabaseError>(
          StringRef(pq.PQerrorMessage(conn)).trim().str());
    ExecStatusType status = pq.PQresultStatus(res.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK &&
        status != PGRES_EMPTY_QUERY)
      return makeError(res.get(), sql);
    QueryResult result;
    int rows = pq.PQntuples(res.get()), cols = pq.PQnfields(res.get());
    for (int c = 0; c < cols; ++c)
      result.addColumn(pq.PQfname(res.get(), c));
    result.reserveRows(rows);
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        if (pq.PQgetisnull(res.get(), r, c))
          result.addCell(std::nullopt);
        else
          result.addCell(StringRef(pq.PQgetvalue(res.get(), r, c),
                                   pq.PQgetlength(res.get(), r, c)));
      }
    return result;
  }

private:
  llvm::Error makeError(PGresult *res, StringRef sql) {
    const char *primary = pq.PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    std::string message =
        primary ? primary
                : StringRef(pq.PQresultErrorMessage(res)).trim().str();
    if (const char *detail = pq.PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL))
      message += std::string(" (") + detail + ")";
    const char *state = pq.PQresultErrorField(res, PG_DIAG_SQLSTATE);
    return llvm::make_error<DatabaseError>(
        std::move(message), state ? state : "",
        byteOffsetOfPosition(
            sql, pq.PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION)));
  }

  const LibPQ &pq;
  PGconn *conn;
};

/// Server notices ("table does not exist, skipping") are not ours to print.
void ignoreNotice(void *, const char *) {}

} // namespace

llvm::Expected<std::unique_ptr<Connection>>
db::connectPostgres(const DatabaseURL &url) {
  llvm::Expected<const LibPQ &> pq = loadLibPQ();
  if (!pq)
    return connectionError(url, llvm::toString(pq.takeError()));
  // expand_dbname: the first dbname value is the whole URI; the rest only
  // fill what the URI leaves unset.
  const char *keys[] = {"dbname", "fallback_application_name",
                        "client_encoding", nullptr};
  const char *values[] = {url.text.c_str(), "schemac", "UTF8", nullptr};
  PGconn *conn = pq->PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!conn)
    return connectionError(url, "out of memory");
  if (pq->PQstatus(conn) != CONNECTION_OK) {
    std::string message = pq->PQerrorMessage(conn);
    pq->PQfinish(conn);
    return connectionError(url, message);
  }
  pq->PQsetNoticeProcessor(conn, ignoreNotice, nullptr);
  return std::make_unique<PostgresConnection>(url, *pq, conn);
}
