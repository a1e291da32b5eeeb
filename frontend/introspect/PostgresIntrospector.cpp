//===- PostgresIntrospector.cpp - a PostgreSQL database into the Schema IR ===//
//
// Namespaces, enums, sequences, tables and views from pg_catalog; columns,
// constraints and indexes are in PostgresTables.cpp. Objects that belong to
// an extension (pg_depend deptype 'e') and the system's schemas are left
// out; `public` is the default namespace "".
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/PostgresIntrospector.h"
#include "frontend/introspect/PostgresExprMapping.h"
#include "frontend/introspect/PostgresViewQueries.h"
#include "llvm/ADT/StringExtras.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

llvm::SmallVector<int64_t, 4> introspect::parseIntList(StringRef text) {
  llvm::SmallVector<int64_t, 4> out;
  text = text.trim();
  text.consume_front("{");
  text.consume_back("}");
  llvm::SmallVector<StringRef, 8> parts;
  text.split(parts, text.contains(',') ? ',' : ' ', -1, false);
  for (StringRef p : parts) {
    int64_t v = 0;
    if (!p.trim().getAsInteger(10, v))
      out.push_back(v);
  }
  return out;
}

std::optional<StringRef> PostgresReader::namespaceOf(StringRef oid) const {
  auto it = namespaces.find(toOid(oid));
  if (it == namespaces.end())
    return std::nullopt;
  return it->second;
}

std::string PostgresReader::inNamespaces(StringRef column, bool all) const {
  std::string list;
  auto add = [&](Oid oid) {
    list += (list.empty() ? "" : ",") + std::to_string(oid);
  };
  if (all)
    for (const auto &entry : allNamespaces)
      add(entry.first);
  else
    for (const auto &entry : namespaces)
      add(entry.first);
  return fmt::format("{} = ANY('{{{}}}'::oid[])", column.str(), list);
}

/// Extension members of a catalog (pg_class, pg_type, pg_namespace).
static std::string notInExtension(StringRef catalog, StringRef oidColumn) {
  return fmt::format("NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE "
                     "x.classid = 'pg_catalog.{}'::regclass AND x.objid = {} "
                     "AND x.deptype = 'e')",
                     catalog.str(), oidColumn.str());
}

bool PostgresReader::readNamespaces() {
  std::string sql =
      "SELECT n.oid, n.nspname, d.description FROM pg_catalog.pg_namespace n "
      "LEFT JOIN pg_catalog.pg_description d ON d.objoid = n.oid AND "
      "d.classoid = 'pg_catalog.pg_namespace'::regclass AND d.objsubid = 0 "
      "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND "
      "n.nspname NOT LIKE 'pg\\_%' AND " +
      notInExtension("pg_namespace", "n.oid") + " ORDER BY n.nspname";
  auto result = ctx.query(sql, "reading schemas");
  if (!result)
    return false;
  const auto &wanted = ctx.getOptions().namespaces;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    StringRef name = row["nspname"];
    Oid oid = toOid(row["oid"]);
    ir::Namespace ns;
    ns.name = name == "public" ? StringRef() : ctx.save(name);
    ns.comment = ctx.save(row["description"]);
    allNamespaces[oid] = ns;
    if (!wanted.empty() && !llvm::is_contained(wanted, name.str()))
      continue;
    namespaces[oid] = ns.name;
    if (!ns.name.empty())
      schema.namespaces.push_back(ns);
  }
  return true;
}

void PostgresReader::addOutsideEnums() {
  llvm::StringSet<> declared;
  for (const ir::Namespace &ns : schema.namespaces)
    declared.insert(ns.name);
  for (auto &[oid, entry] : outsideEnums) {
    if (!entry.second)
      continue; // no read column uses it
    ir::EnumType &e = *entry.first;
    if (!e.name.ns.empty() && declared.insert(e.name.ns).second)
      for (const auto &ns : allNamespaces)
        if (ns.second.name == e.name.ns)
          schema.namespaces.push_back(ns.second);
    schema.enums.push_back(std::move(entry.first));
  }
}

bool PostgresReader::readExtensions() {
  auto result = ctx.query("SELECT extname FROM pg_catalog.pg_extension WHERE "
                          "extname <> 'plpgsql' ORDER BY extname",
                          "reading extensions");
  if (!result)
    return false;
  for (size_t i = 0; i < result->getNumRows(); ++i)
    ctx.warnUnsupported("extension " + result->get(i, 0),
                        "extensions are not expressed; its objects are left "
                        "out, and it must exist before the pulled schema is "
                        "applied");
  return true;
}

bool PostgresReader::readEnums() {
  std::string sql =
      "SELECT t.oid, t.typnamespace, t.typname, e.enumlabel, d.description "
      "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_enum e ON e.enumtypid = "
      "t.oid LEFT JOIN pg_catalog.pg_description d ON d.objoid = t.oid AND "
      "d.classoid = 'pg_catalog.pg_type'::regclass AND d.objsubid = 0 WHERE " +
      inNamespaces("t.typnamespace", /*all=*/true) + " AND " +
      notInExtension("pg_type", "t.oid") + " ORDER BY t.oid, e.enumsortorder";
  auto result = ctx.query(sql, "reading enums");
  if (!result)
    return false;
  ir::EnumType *current = nullptr;
  Oid currentOid = 0;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    Oid oid = toOid(row["oid"]);
    if (!current || oid != currentOid) {
      auto e = std::make_unique<ir::EnumType>();
      Oid nsOid = toOid(row["typnamespace"]);
      e->name = {allNamespaces[nsOid].name, ctx.save(row["typname"])};
      e->comment = ctx.save(row["description"]);
      current = e.get();
      currentOid = oid;
      // An enum outside --schema is read only if a read column uses it.
      if (namespaces.count(nsOid))
        schema.enums.push_back(std::move(e));
      else
        outsideEnums[oid] = {std::move(e), false};
    }
    ir::EnumValue value;
    value.name = ctx.save(row["enumlabel"]);
    current->values.push_back(value);
  }
  return true;
}

bool PostgresReader::isExcluded(const ir::QualifiedName &name) const {
  std::string qualified = name.ns.empty() ? name.name.str() : name.str();
  for (const std::string &glob : ctx.getOptions().excludes)
    if (auto pattern = llvm::GlobPattern::create(glob)) {
      if (pattern->match(name.name) || pattern->match(qualified))
        return true;
    } else {
      llvm::consumeError(pattern.takeError());
    }
  return false;
}

bool PostgresReader::readRelations() {
  std::string sql =
      "SELECT c.oid, c.relnamespace, c.relname, c.relkind, c.relpersistence, "
      "c.relispartition, c.relrowsecurity, d.description, "
      "CASE WHEN c.relkind IN ('v', 'm') THEN "
      "pg_catalog.pg_get_viewdef(c.oid, true) END AS viewdef, "
      "c.relkind IN ('r', 'p') AND EXISTS (SELECT 1 FROM "
      "pg_catalog.pg_inherits h WHERE h.inhrelid = c.oid) AS inherits, "
      "CASE WHEN c.relkind = 'S' THEN c.oid::regclass::text END AS regclass, "
      "pg_catalog.format_type(s.seqtypid, NULL) AS seqtype, s.seqstart, "
      "s.seqincrement, s.seqmax, s.seqmin, s.seqcache, s.seqcycle, "
      "dep.refobjid AS ownertable, dep.refobjsubid AS ownercolumn, "
      "dep.deptype AS ownerdep "
      "FROM pg_catalog.pg_class c "
      "LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND "
      "d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0 "
      "LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid "
      "LEFT JOIN pg_catalog.pg_depend dep ON c.relkind = 'S' AND "
      "dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid "
      "AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND "
      "dep.deptype IN ('a', 'i') "
      "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND " +
      inNamespaces("c.relnamespace") + " AND " +
      notInExtension("pg_class", "c.oid");
  auto result = ctx.query(sql, "reading tables, views and sequences");
  if (!result)
    return false;
  schema.tables.reserve(result->getNumRows());
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    ir::QualifiedName name{*namespaceOf(row["relnamespace"]),
                           ctx.save(row["relname"])};
    StringRef kind = row["relkind"];
    Oid oid = toOid(row["oid"]);
    std::string qualified =
        (name.ns.empty() ? "public" : name.ns.str()) + "." + name.name.str();
    if (kind == "c" || kind == "f") {
      ctx.warnUnsupported((kind == "c" ? "composite type " : "foreign table ") +
                              qualified,
                          "the schema language cannot express it; it is left "
                          "out");
      continue;
    }
    if (kind == "S") {
      SequenceInfo &info = sequences[oid];
      auto seq = std::make_unique<ir::Sequence>();
      seq->name = name;
      seq->comment = ctx.save(row["description"]);
      if (auto t = parsePostgresBuiltinType(row["seqtype"], schema))
        seq->type = *t;
      int64_t start = row.integer("seqstart").value_or(1);
      int64_t increment = row.integer("seqincrement").value_or(1);
      int64_t max = row.integer("seqmax").value_or(0);
      int64_t min = row.integer("seqmin").value_or(0);
      int64_t cache = row.integer("seqcache").value_or(1);
      bool cycle = row.flag("seqcycle");
      // PostgreSQL's defaults for the type and direction.
      int64_t typeMax = seq->type.kind == ir::TypeKind::SmallInt  ? INT16_MAX
                        : seq->type.kind == ir::TypeKind::Integer ? INT32_MAX
                                                                  : INT64_MAX;
      int64_t typeMin = seq->type.kind == ir::TypeKind::SmallInt  ? INT16_MIN
                        : seq->type.kind == ir::TypeKind::Integer ? INT32_MIN
                                                                  : INT64_MIN;
      int64_t defMin = increment > 0 ? 1 : typeMin;
      int64_t defMax = increment > 0 ? typeMax : -1;
      int64_t defStart = increment > 0 ? min : max;
      if (increment != 1)
        seq->increment = increment;
      if (min != defMin)
        seq->minValue = min;
      if (max != defMax)
        seq->maxValue = max;
      if (start != defStart)
        seq->start = start;
      if (cache != 1)
        seq->cache = cache;
      seq->cycle = cycle;
      info.hasDefaults = increment == 1 && min == defMin && max == defMax &&
                         start == defStart && cache == 1 && !cycle;
      info.regclass = row["regclass"].str();
      if (!row.isNull("ownerdep")) {
        info.dependency = row["ownerdep"].front();
        info.ownerTable = toOid(row["ownertable"]);
        info.ownerColumn = row.integer("ownercolumn").value_or(0);
        ownedSequences[{info.ownerTable, info.ownerColumn}] = oid;
      }
      info.seq = std::move(seq);
      continue;
    }
    if (kind == "v" || kind == "m") {
      // Views are kept whatever --table says, but --exclude leaves them out.
      if (isExcluded(name))
        continue;
      auto view = std::make_unique<ir::View>();
      view->name = name;
      view->comment = ctx.save(row["description"]);
      view->materialized = kind == "m";
      view->query = ctx.save(trimPostgresViewQuery(row["viewdef"]));
      schema.views.push_back(std::move(view));
      continue;
    }
    if (!ctx.includesTable(name))
      continue;
    auto table = std::make_unique<ir::Table>();
    table->name = name;
    table->comment = ctx.save(row["description"]);
    TableInfo &info = tables[oid];
    info.table = table.get();
    info.displayName = "table " + qualified;
    if (kind == "p")
      ctx.warnUnsupported(info.displayName,
                          "partitioning is not expressed; it is read as a "
                          "plain table");
    if (row.flag("relispartition") || row.flag("inherits"))
      ctx.warnUnsupported(info.displayName,
                          "it is a partition or inherits from another table; "
                          "it is read as a plain table");
    if (row["relpersistence"] == "u")
      ctx.warnUnsupported(info.displayName,
                          "UNLOGGED is not expressed; it is read as a logged "
                          "table");
    if (row.flag("relrowsecurity"))
      ctx.warnUnsupported(info.displayName,
                          "row-level security is not expressed");
    schema.tables.push_back(std::move(table));
  }
  return true;
}

void PostgresReader::finishSequences() {
  for (auto &[oid, info] : sequences) {
    if (info.consumed)
      continue;
    if (info.dependency) {
      // An owned sequence belongs to its table: left out with it when
      // --table/--exclude leave the table out.
      auto it = tables.find(info.ownerTable);
      if (it == tables.end() || info.dependency == 'i')
        continue;
      StringRef column = it->second.columnName(info.ownerColumn);
      if (!column.empty())
        info.seq->ownedBy = ir::ColumnOwner{it->second.table->name, column};
    }
    schema.sequences.push_back(std::move(info.seq));
  }
}

bool PostgresReader::run() {
  std::string version = ctx.getConnection().getServerVersion();
  int major = 0;
  StringRef(version).split('.').first.getAsInteger(10, major);
  serverVersion = major * 10000;
  // Objects of `public` print unqualified, of every other schema qualified,
  // as the schema language writes them.
  if (!ctx.query("SET search_path = public", "setting the search path"))
    return false;
  if (!readExtensions() || !readNamespaces() || !readEnums() ||
      !readRelations() || !readColumns() || !readConstraints() ||
      !readIndexes())
    return false;
  addOutsideEnums();
  markDerivedNames();
  finishSequences();
  return true;
}

bool introspect::introspectPostgres(IntrospectContext &ctx) {
  return PostgresReader(ctx).run();
}
