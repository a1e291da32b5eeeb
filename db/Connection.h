//===- Connection.h - one small interface over libpq, libmariadb, sqlite3 -===//
//
// Introspection, push and migrate talk to databases only through this
// interface, so they never see a client library. Results come back as text
// (each library's text protocol), copied into one QueryResult.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_DB_CONNECTION_H
#define SCHEMAC_DB_CONNECTION_H

#include "db/DatabaseURL.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/StringSaver.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace schemac::db {

/// A failed statement or connection: the server's message and, where the
/// server gives them, its SQLSTATE and the 0-based byte offset in the
/// statement it points at.
class DatabaseError : public llvm::ErrorInfo<DatabaseError> {
public:
  static char ID;
  DatabaseError(std::string message, std::string sqlState = {},
                std::optional<size_t> offset = std::nullopt)
      : message(std::move(message)), sqlState(std::move(sqlState)),
        offset(offset) {}
  void log(llvm::raw_ostream &os) const override { os << message; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }
  const std::string &getMessage() const { return message; }
  llvm::StringRef getSQLState() const { return sqlState; }
  std::optional<size_t> getOffset() const { return offset; }

private:
  std::string message;
  std::string sqlState;
  std::optional<size_t> offset;
};

/// The rows of one query, all values as text. NULL reads as "" through get
/// and as nullopt through getOptional.
class QueryResult {
public:
  size_t getNumRows() const {
    return numColumns ? cells.size() / numColumns : 0;
  }
  unsigned getNumColumns() const { return numColumns; }
  llvm::StringRef getColumnName(unsigned col) const { return columnNames[col]; }
  /// The index of the column called `name`; asserts it exists.
  unsigned getColumnIndex(llvm::StringRef name) const;

  llvm::StringRef get(size_t row, unsigned col) const {
    return cells[row * numColumns + col];
  }
  bool isNull(size_t row, unsigned col) const {
    return nulls.test(row * numColumns + col);
  }
  std::optional<llvm::StringRef> getOptional(size_t row, unsigned col) const {
    if (isNull(row, col))
      return std::nullopt;
    return get(row, col);
  }

  // Building (connections only).
  void addColumn(llvm::StringRef name);
  void reserveRows(size_t rows);
  /// Appends the next cell, row by row; nullopt is NULL.
  void addCell(std::optional<llvm::StringRef> value);

private:
  unsigned numColumns = 0;
  std::vector<std::string> columnNames;
  llvm::StringMap<unsigned> columnIndex;
  std::vector<llvm::StringRef> cells;
  llvm::BitVector nulls;
  std::unique_ptr<llvm::BumpPtrAllocator> alloc =
      std::make_unique<llvm::BumpPtrAllocator>();
};

/// A row of a QueryResult addressed by column name, for readable catalog
/// readers: `row["relname"]`.
class ResultRow {
public:
  ResultRow(const QueryResult &result, size_t row) : result(result), row(row) {}
  llvm::StringRef operator[](llvm::StringRef column) const {
    return result.get(row, result.getColumnIndex(column));
  }
  std::optional<llvm::StringRef> optional(llvm::StringRef column) const {
    return result.getOptional(row, result.getColumnIndex(column));
  }
  bool isNull(llvm::StringRef column) const {
    return result.isNull(row, result.getColumnIndex(column));
  }
  /// The column as a boolean ("t"/"true"/"1"/"YES" are true).
  bool flag(llvm::StringRef column) const;
  /// The column as an integer; nullopt when NULL or not a number.
  std::optional<int64_t> integer(llvm::StringRef column) const;

private:
  const QueryResult &result;
  size_t row;
};

class Connection {
public:
  virtual ~Connection() = default;
  virtual ir::Dialect getDialect() const = 0;
  /// The server's version string ("15.6", "10.11.6-MariaDB", "3.40.1").
  virtual std::string getServerVersion() = 0;
  /// Runs one statement and returns its rows (none for statements that
  /// return none).
  virtual llvm::Expected<QueryResult> query(llvm::StringRef sql) = 0;
  /// Runs one statement, discarding any rows.
  llvm::Error execute(llvm::StringRef sql);

  const DatabaseURL &getURL() const { return url; }

protected:
  explicit Connection(DatabaseURL url) : url(std::move(url)) {}
  DatabaseURL url;
};

struct ConnectOptions {
  /// SQLite: create the file if it does not exist (push, migrate); pull
  /// and diff must not leave an empty database behind a mistyped path.
  bool createSQLiteFile = false;
};

/// Connects to `url`. A failure is a DatabaseError whose message names the
/// redacted URL and carries the server's or library's message.
llvm::Expected<std::unique_ptr<Connection>>
connect(const DatabaseURL &url, const ConnectOptions &options = {});

} // namespace schemac::db

#endif
