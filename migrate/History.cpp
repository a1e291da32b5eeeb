//===- History.cpp - the table that records applied migrations ------------===//

#include "migrate/History.h"
#include "llvm/Support/FormatVariadic.h"
#include <chrono>
#include <ctime>

using namespace schemac;
using namespace schemac::migrator;
using llvm::StringRef;

#ifndef SCHEMAC_VERSION
#define SCHEMAC_VERSION "unknown"
#endif

namespace {

std::string quoteIdentifier(ir::Dialect d, StringRef name) {
  char q = d == ir::Dialect::MySQL ? '`' : '"';
  std::string out(1, q);
  for (char c : name) {
    if (c == q)
      out += q;
    out += c;
  }
  out += q;
  return out;
}

} // namespace

std::string migrator::currentTimestamp() {
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t seconds = system_clock::to_time_t(now);
  auto millis =
      duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc;
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  return llvm::formatv("{0}.{1:d3}Z", text, millis).str();
}

History::History(db::Connection &conn, const MigrateOptions &options)
    : conn(conn), options(options) {
  ir::Dialect d = conn.getDialect();
  table = quoteIdentifier(d, options.historyTable);
  if (d == ir::Dialect::PostgreSQL)
    table = quoteIdentifier(d, options.historySchema) + "." + table;
}

std::string History::literal(StringRef s) const {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += '\'';
    // MySQL reads backslash escapes in literals unless told otherwise.
    if (c == '\\' && conn.getDialect() == ir::Dialect::MySQL)
      out += '\\';
    out += c;
  }
  return out + "'";
}

llvm::Expected<bool> History::exists() {
  std::string sql;
  switch (conn.getDialect()) {
  case ir::Dialect::PostgreSQL:
    sql = "SELECT to_regclass(" + literal(table) + ") IS NOT NULL AS found";
    break;
  case ir::Dialect::MySQL:
    sql = "SELECT COUNT(*) AS found FROM information_schema.tables WHERE "
          "table_schema = DATABASE() AND table_name = " +
          literal(options.historyTable);
    break;
  case ir::Dialect::SQLite:
    sql = "SELECT COUNT(*) AS found FROM sqlite_schema WHERE type = 'table' "
          "AND name = " +
          literal(options.historyTable);
    break;
  }
  llvm::Expected<db::QueryResult> result = conn.query(sql);
  if (!result)
    return result.takeError();
  return db::ResultRow(*result, 0).flag("found");
}

llvm::Error History::create() {
  ir::Dialect d = conn.getDialect();
  if (d == ir::Dialect::PostgreSQL)
    if (auto e = conn.execute("CREATE SCHEMA IF NOT EXISTS " +
                              quoteIdentifier(d, options.historySchema)))
      return e;
  StringRef text = d == ir::Dialect::MySQL ? "varchar(255)" : "text";
  StringRef integer = d == ir::Dialect::SQLite ? "integer" : "bigint";
  return conn.execute(llvm::formatv("CREATE TABLE IF NOT EXISTS {0} (\n"
                                    "  name {1} NOT NULL PRIMARY KEY,\n"
                                    "  checksum {1} NOT NULL,\n"
                                    "  status {1} NOT NULL,\n"
                                    "  started_at {1} NOT NULL,\n"
                                    "  finished_at {1},\n"
                                    "  duration_ms {2},\n"
                                    "  statements_run {2} NOT NULL,\n"
                                    "  schemac_version {1} NOT NULL\n"
                                    ")",
                                    table, text, integer)
                          .str());
}

llvm::Expected<std::vector<HistoryRow>> History::load() {
  llvm::Expected<db::QueryResult> result = conn.query(
      "SELECT name, checksum, status, started_at, finished_at, duration_ms, "
      "statements_run FROM " +
      table + " ORDER BY name");
  if (!result)
    return result.takeError();
  std::vector<HistoryRow> rows;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow r(*result, i);
    HistoryRow row;
    row.name = r["name"].str();
    row.checksum = r["checksum"].str();
    row.status = r["status"].str();
    row.startedAt = r["started_at"].str();
    row.finishedAt = r["finished_at"].str();
    row.durationMs = r.integer("duration_ms").value_or(0);
    row.statementsRun = r.integer("statements_run").value_or(0);
    rows.push_back(std::move(row));
  }
  return rows;
}

llvm::Expected<bool> History::hasRow(StringRef name) {
  llvm::Expected<db::QueryResult> result =
      conn.query("SELECT COUNT(*) AS found FROM " + table +
                 " WHERE name = " + literal(name));
  if (!result)
    return result.takeError();
  return db::ResultRow(*result, 0).flag("found");
}

std::string History::insertSQL(const HistoryRow &row) const {
  return llvm::formatv(
      "INSERT INTO {0} (name, checksum, status, started_at, finished_at, "
      "duration_ms, statements_run, schemac_version) VALUES ({1}, {2}, {3}, "
      "{4}, {5}, {6}, {7}, {8})",
      table, literal(row.name), literal(row.checksum), literal(row.status),
      literal(row.startedAt),
      row.finishedAt.empty() ? "NULL" : literal(row.finishedAt), row.durationMs,
      row.statementsRun, literal(SCHEMAC_VERSION));
}

std::string History::updateSQL(const HistoryRow &row) const {
  return llvm::formatv(
      "UPDATE {0} SET checksum = {1}, status = {2}, finished_at = {3}, "
      "duration_ms = {4}, statements_run = {5} WHERE name = {6}",
      table, literal(row.checksum), literal(row.status),
      row.finishedAt.empty() ? "NULL" : literal(row.finishedAt), row.durationMs,
      row.statementsRun, literal(row.name));
}

std::string History::deleteSQL(StringRef name) const {
  return "DELETE FROM " + table + " WHERE name = " + literal(name);
}
