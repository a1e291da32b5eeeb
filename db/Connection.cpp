//===- Connection.cpp - query results and the connect dispatcher ----------===//

#include "db/Connection.h"
#include "db/Connections.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using namespace schemac::db;
using llvm::StringRef;

char DatabaseError::ID = 0;

unsigned QueryResult::getColumnIndex(StringRef name) const {
  auto it = columnIndex.find(name);
  assert(it != columnIndex.end() && "the query returns no such column");
  return it->second;
}

void QueryResult::addColumn(StringRef name) {
  columnIndex.try_emplace(name, numColumns++);
  columnNames.push_back(name.str());
}

void QueryResult::reserveRows(size_t rows) {
  cells.reserve(rows * numColumns);
  nulls.reserve(rows * numColumns);
}

void QueryResult::addCell(std::optional<StringRef> value) {
  if (!value) {
    cells.push_back({});
    nulls.push_back(true);
    return;
  }
  cells.push_back(value->empty() ? StringRef("")
                                 : llvm::StringSaver(*alloc).save(*value));
  nulls.push_back(false);
}

bool ResultRow::flag(StringRef column) const {
  StringRef v = (*this)[column];
  return v.equals_insensitive("t") || v.equals_insensitive("true") ||
         v == "1" || v.equals_insensitive("yes");
}

std::optional<int64_t> ResultRow::integer(StringRef column) const {
  int64_t value;
  if (isNull(column) || (*this)[column].getAsInteger(10, value))
    return std::nullopt;
  return value;
}

llvm::Error Connection::execute(StringRef sql) {
  return query(sql).takeError();
}

llvm::Error db::connectionError(const DatabaseURL &url, StringRef message) {
  std::string folded;
  for (StringRef line : llvm::split(message.trim(), '\n')) {
    line = line.trim();
    if (line.empty())
      continue;
    if (!folded.empty())
      folded += ' ';
    folded += line;
  }
  return llvm::make_error<DatabaseError>("cannot connect to " + url.redacted +
                                         ": " + folded);
}

llvm::Expected<std::unique_ptr<Connection>>
db::connect(const DatabaseURL &url, const ConnectOptions &options) {
  switch (url.dialect) {
  case ir::Dialect::PostgreSQL:
    return connectPostgres(url);
  case ir::Dialect::MySQL:
    return connectMySQL(url);
  case ir::Dialect::SQLite:
    return connectSQLite(url, options);
  }
  llvm_unreachable("unknown dialect");
}
