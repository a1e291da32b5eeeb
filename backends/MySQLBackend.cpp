//===- MySQLBackend.cpp - the "mysql" backend: DDL for MySQL and MariaDB --===//
//
// Tables first, then indexes, the foreign keys (ALTER TABLE after every
// table, so cycles work, each after the index InnoDB needs) and views. The
// statements come from MySQLDDL. Tested on MariaDB 10.11; the legality
// pass has rejected what MySQL cannot hold before this runs.
//
//===----------------------------------------------------------------------===//

#include "backends/Backends.h"
#include "backends/MySQLDDL.h"
#include "backends/SQLFragments.h"
#include "ir/ViewOrder.h"

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

class MySQLBackend : public Backend {
public:
  StringRef getName() const override { return "mysql"; }
  StringRef getDescription() const override {
    return "the complete DDL for MySQL 8 and MariaDB 10.11";
  }
  bool run(const Schema &schema, llvm::raw_ostream &os,
           DiagnosticEngine &diags) override {
    MySQLDDL ddl(schema, diags);
    std::vector<std::string> statements;
    for (const auto &table : schema.tables)
      statements.push_back(ddl.createTable(*table));
    for (const auto &table : schema.tables)
      for (const Index &index : table->indexes)
        statements.push_back(ddl.createIndex(*table, index));
    for (const auto &table : schema.tables)
      for (const auto &constraint : table->constraints)
        if (const auto *fk = llvm::dyn_cast<ForeignKey>(constraint.get())) {
          if (std::optional<std::string> index =
                  ddl.foreignKeyIndex(*table, *fk))
            statements.push_back(*index);
          statements.push_back(ddl.addForeignKey(*table, *fk));
        }
    for (const View *view : orderViewsForCreation(schema))
      statements.push_back(ddl.createView(*view));
    if (ddl.hasErrors())
      return false;
    os << joinStatements(statements);
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> schemac::createMySQLBackend() {
  return std::make_unique<MySQLBackend>();
}
