//===- PostgresBackend.cpp - the "postgresql" backend: DDL for PG 15 ------===//
//
// Emits the complete schema in dependency order: schemas, enums, sequences,
// tables (columns and non-FK constraints), foreign keys (after every table,
// so cycles work), sequence ownership, indexes, views, comments. Every
// constraint and index is created under its IR name, explicit or derived.
// The statements themselves come from PostgresDDL.
//
//===----------------------------------------------------------------------===//

#include "backends/Backends.h"
#include "backends/PostgresDDL.h"
#include "backends/SQLFragments.h"
#include "ir/ViewOrder.h"

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

std::vector<std::string> schemaStatements(const Schema &schema,
                                          PostgresDDL &ddl) {
  std::vector<std::string> out;
  // `public` exists in every new database; creating it again would fail.
  for (const Namespace &ns : schema.namespaces)
    if (ns.name != "public")
      out.push_back(ddl.createSchema(ns));
  for (const auto &enumType : schema.enums)
    out.push_back(ddl.createEnum(*enumType));
  for (const auto &sequence : schema.sequences)
    out.push_back(ddl.createSequence(*sequence));
  for (const auto &table : schema.tables)
    out.push_back(ddl.createTable(*table));
  for (const auto &table : schema.tables)
    for (const auto &constraint : table->constraints)
      if (const auto *fk = llvm::dyn_cast<ForeignKey>(constraint.get()))
        out.push_back(ddl.addForeignKey(*table, *fk));
  for (const auto &sequence : schema.sequences)
    if (sequence->ownedBy)
      out.push_back(ddl.sequenceOwnedBy(*sequence));
  for (const auto &table : schema.tables)
    for (const Index &index : table->indexes)
      out.push_back(ddl.createIndex(*table, index));
  for (const View *view : orderViewsForCreation(schema))
    out.push_back(ddl.createView(*view));

  // Comments last, each object kind in schema order.
  for (const Namespace &ns : schema.namespaces)
    if (!ns.comment.empty())
      out.push_back(ddl.commentOn(&ns, nullptr, nullptr, nullptr, nullptr,
                                  nullptr, nullptr));
  for (const auto &e : schema.enums)
    if (!e->comment.empty())
      out.push_back(ddl.commentOn(nullptr, e.get(), nullptr, nullptr, nullptr,
                                  nullptr, nullptr));
  for (const auto &s : schema.sequences)
    if (!s->comment.empty())
      out.push_back(ddl.commentOn(nullptr, nullptr, s.get(), nullptr, nullptr,
                                  nullptr, nullptr));
  for (const auto &table : schema.tables) {
    const Table *t = table.get();
    if (!t->comment.empty())
      out.push_back(ddl.commentOn(nullptr, nullptr, nullptr, t, nullptr,
                                  nullptr, nullptr));
    for (const Column &column : t->columns)
      if (!column.comment.empty())
        out.push_back(ddl.commentOn(nullptr, nullptr, nullptr, t, &column,
                                    nullptr, nullptr));
    for (const Index &index : t->indexes)
      if (!index.comment.empty())
        out.push_back(ddl.commentOn(nullptr, nullptr, nullptr, t, nullptr,
                                    &index, nullptr));
  }
  for (const auto &view : schema.views)
    if (!view->comment.empty())
      out.push_back(ddl.commentOn(nullptr, nullptr, nullptr, nullptr, nullptr,
                                  nullptr, view.get()));
  return out;
}

class PostgresBackend : public Backend {
public:
  StringRef getName() const override { return "postgresql"; }
  StringRef getDescription() const override {
    return "the complete DDL for PostgreSQL 15";
  }
  bool run(const Schema &schema, llvm::raw_ostream &os,
           DiagnosticEngine &diags) override {
    PostgresDDL ddl(diags);
    os << joinStatements(schemaStatements(schema, ddl));
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> schemac::createPostgresBackend() {
  return std::make_unique<PostgresBackend>();
}
