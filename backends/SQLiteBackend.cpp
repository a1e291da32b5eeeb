//===- SQLiteBackend.cpp - the "sqlite" backend: DDL for SQLite 3.40 ------===//
//
// Tables in name order (SQLite accepts references to tables created later,
// so foreign-key cycles load), then indexes and views. The statements come
// from SQLiteDDL.
//
//===----------------------------------------------------------------------===//

#include "backends/Backends.h"
#include "backends/SQLFragments.h"
#include "backends/SQLiteDDL.h"
#include "ir/ViewOrder.h"

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

class SQLiteBackend : public Backend {
public:
  StringRef getName() const override { return "sqlite"; }
  StringRef getDescription() const override {
    return "the complete DDL for SQLite 3.40";
  }
  bool run(const Schema &schema, llvm::raw_ostream &os,
           DiagnosticEngine &diags) override {
    SQLiteDDL ddl(schema, diags);
    std::vector<std::string> statements;
    for (const auto &table : schema.tables)
      statements.push_back(ddl.createTable(*table));
    for (const auto &table : schema.tables)
      for (const Index &index : table->indexes)
        statements.push_back(ddl.createIndex(*table, index));
    for (const View *view : orderViewsForCreation(schema))
      statements.push_back(ddl.createView(*view));
    if (ddl.hasErrors())
      return false;
    os << joinStatements(statements);
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> schemac::createSQLiteBackend() {
  return std::make_unique<SQLiteBackend>();
}
