//===- TypeScriptBackend.cpp - the typescript-<dialect> backends ----------===//
//
// Backend::run has no options, so each dialect is its own registered
// backend ("typescript-postgresql", ...) with camelCase names; the driver
// builds one with other options (--ts-casing) through
// createTypeScriptBackend. This file names every object and drives the
// writers in TypeScriptTables.cpp and TypeScriptRelations.cpp.
//
//===----------------------------------------------------------------------===//

#include "backends/Backends.h"
#include "backends/TypeScript.h"
#include "backends/TypeScriptEmitter.h"
#include "backends/TypeScriptTypes.h"
#include "ir/ViewOrder.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

/// Every name the emitted module may import or declare as a helper, so no
/// table or enum const shadows one.
const char *const ImportedNames[] = {"AnyPgColumn",
                                     "bigint",
                                     "bigserial",
                                     "binary",
                                     "blob",
                                     "boolean",
                                     "char",
                                     "check",
                                     "cidr",
                                     "customType",
                                     "date",
                                     "datetime",
                                     "decimal",
                                     "double",
                                     "doublePrecision",
                                     "float",
                                     "foreignKey",
                                     "index",
                                     "inet",
                                     "int",
                                     "integer",
                                     "interval",
                                     "json",
                                     "jsonb",
                                     "longtext",
                                     "macaddr",
                                     "macaddr8",
                                     "mediumint",
                                     "mediumtext",
                                     "mysqlEnum",
                                     "mysqlTable",
                                     "mysqlView",
                                     "numeric",
                                     "pgEnum",
                                     "pgMaterializedView",
                                     "pgSchema",
                                     "pgSequence",
                                     "pgTable",
                                     "pgView",
                                     "primaryKey",
                                     "real",
                                     "relations",
                                     "serial",
                                     "smallint",
                                     "smallserial",
                                     "sql",
                                     "sqliteTable",
                                     "sqliteView",
                                     "text",
                                     "time",
                                     "timestamp",
                                     "tinyint",
                                     "tinytext",
                                     "unique",
                                     "uniqueIndex",
                                     "uuid",
                                     "varbinary",
                                     "varchar",
                                     "year"};

} // namespace

std::optional<TypeScriptCasing> schemac::parseTypeScriptCasing(StringRef name) {
  if (name == "camel")
    return TypeScriptCasing::Camel;
  if (name == "preserve")
    return TypeScriptCasing::Preserve;
  return std::nullopt;
}

void TSEmitter::useCore(StringRef name) {
  use(getDrizzleCoreModule(options.dialect), name);
}

void TSEmitter::warn(SourceRange range, const std::string &context,
                     const std::string &message) {
  diags.report(DiagID::DialectApproximation, range, context + ": " + message);
}

std::string TSEmitter::tsName(StringRef dbName) const {
  if (options.casing == TypeScriptCasing::Preserve)
    return dbName.str();
  std::string camel = toCamelCase(dbName);
  return camel.empty() ? dbName.str() : camel;
}

std::string TSEmitter::tableVar(const QualifiedName &name) const {
  if (const Table *t = schema.findTable(name)) {
    auto it = tableNames.find(t);
    if (it != tableNames.end())
      return it->second.var;
  }
  return "";
}

std::string TSEmitter::columnOf(const Table &table, StringRef column) const {
  const TSTableNames &n = names(table);
  auto it = n.keyOf.find(column);
  return formatMemberAccess(n.var, it == n.keyOf.end() ? column : it->second);
}

void TSEmitter::assignNames() {
  for (const char *name : ImportedNames)
    consts.reserve(name);
  // Custom SQL types first: their consts read like builders (tsvector()).
  for (const auto &table : schema.tables)
    for (const Column &column : table->columns) {
      TSColumnType type = getTSColumnType(options.dialect, column);
      if (type.customSQLType.empty() || customTypes.count(type.customSQLType))
        continue;
      customTypes[type.customSQLType] =
          consts.allocate(toCamelCase(type.customSQLType), "Type");
      customDataTypes[type.customSQLType] = type.customDataType;
    }
  for (const Namespace &ns : schema.namespaces)
    if (!ns.name.empty() && ns.name != "public")
      namespaceVars[ns.name] = consts.allocate(tsName(ns.name), "Schema");
  // A table in a namespace nobody declared still needs its pgSchema.
  auto namespaceOf = [&](StringRef ns) {
    if (!ns.empty() && ns != "public" && !namespaceVars.count(ns))
      namespaceVars[ns] = consts.allocate(tsName(ns), "Schema");
  };
  if (options.dialect == Dialect::PostgreSQL) {
    for (const auto &e : schema.enums) {
      namespaceOf(e->name.ns);
      enumVars[e->name.key()] = consts.allocate(tsName(e->name.name), "Enum");
    }
    for (const auto &s : schema.sequences) {
      namespaceOf(s->name.ns);
      sequenceVars[s->name.key()] =
          consts.allocate(tsName(s->name.name), "Sequence");
    }
  }
  for (const auto &table : schema.tables) {
    namespaceOf(table->name.ns);
    TSTableNames n;
    n.var = consts.allocate(tsName(table->name.name), "Table");
    for (const Column &column : table->columns) {
      std::string key = tsName(column.name);
      // Two columns that camelCase alike keep their database names.
      if (n.keyOf.count(key) || llvm::is_contained(n.keys, key))
        key = column.name.str();
      n.keys.push_back(key);
      n.keyOf[column.name] = key;
    }
    tableNames[table.get()] = std::move(n);
  }
  for (const auto &view : schema.views) {
    namespaceOf(view->name.ns);
    viewVars[view->name.key()] =
        consts.allocate(tsName(view->name.name), "View");
  }
}

void TSEmitter::finish(llvm::raw_ostream &os) {
  for (const auto &[module, names] : imports) {
    std::string list;
    for (const std::string &name : names)
      list += (list.empty() ? "" : ", ") + name;
    std::string line =
        fmt::format("import {{ {} }} from \"{}\";", list, module);
    if (line.size() <= 80) {
      os << line << '\n';
      continue;
    }
    os << "import {\n";
    for (const std::string &name : names)
      os << "  " << name << ",\n";
    os << "} from \"" << module << "\";\n";
  }
  os << body;
}

bool schemac::printTypeScript(const Schema &schema, llvm::raw_ostream &os,
                              const TypeScriptOptions &options,
                              DiagnosticEngine &diags) {
  TSEmitter emitter(schema, options, diags);
  unsigned errorsBefore = diags.getNumErrors();
  emitter.assignNames();
  emitter.emitPreamble();
  for (const auto &table : schema.tables)
    emitter.emitTable(*table);
  emitter.emitViews();
  emitter.emitRelations();
  if (emitter.exprs.hasErrors() || diags.getNumErrors() != errorsBefore)
    return false;
  emitter.finish(os);
  return true;
}

namespace {

class TypeScriptBackend : public Backend {
public:
  explicit TypeScriptBackend(const TypeScriptOptions &options)
      : options(options),
        name("typescript-" + getDialectName(options.dialect).str()),
        description(fmt::format("drizzle-orm schema code (TypeScript) for {}",
                                getDialectName(options.dialect).str())) {}
  StringRef getName() const override { return name; }
  StringRef getDescription() const override { return description; }
  bool run(const Schema &schema, llvm::raw_ostream &os,
           DiagnosticEngine &diags) override {
    return printTypeScript(schema, os, options, diags);
  }

private:
  TypeScriptOptions options;
  std::string name, description;
};

} // namespace

std::unique_ptr<Backend>
schemac::createTypeScriptBackend(const TypeScriptOptions &options) {
  return std::make_unique<TypeScriptBackend>(options);
}

std::unique_ptr<Backend> schemac::createTypeScriptBackend(Dialect dialect) {
  TypeScriptOptions options;
  options.dialect = dialect;
  return createTypeScriptBackend(options);
}
