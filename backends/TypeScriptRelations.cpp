//===- TypeScriptRelations.cpp - relations() from foreign keys ------------===//
//
// drizzle-orm's relational queries need relations() declared beside the
// tables. Every foreign key defines two: `one` on the referencing table
// (named after its column, `buyer_id` -> `buyer`) and `many` on the
// referenced one (named after the referencing table). Where one pair of
// tables has several keys, or a table references itself, both sides carry
// the key's name as relationName so drizzle can pair them.
//
//===----------------------------------------------------------------------===//

#include "backends/TypeScriptEmitter.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

struct RelationEntry {
  std::string name;
  std::string text; ///< the value: one(...) or many(...)
  bool isOne;
};

struct TableRelations {
  std::vector<RelationEntry> entries;
  llvm::StringSet<> used; ///< column properties and relation names
};

std::string capitalize(std::string s) {
  if (!s.empty())
    s[0] = llvm::toUpper(s[0]);
  return s;
}

/// `base`, else `base` + `alt`, else numbered: unique among `used`.
std::string uniqueName(TableRelations &r, std::string base,
                       const std::string &alt) {
  if (base.empty())
    base = alt;
  std::string name = base;
  if (r.used.contains(name))
    name = base + capitalize(alt);
  for (unsigned n = 2; r.used.contains(name); ++n)
    name = base + capitalize(alt) + std::to_string(n);
  r.used.insert(name);
  return name;
}

} // namespace

void TSEmitter::emitRelations() {
  llvm::DenseMap<const Table *, TableRelations> rels;
  auto relationsOf = [&](const Table *t) -> TableRelations & {
    auto [it, inserted] = rels.try_emplace(t);
    if (inserted)
      for (const std::string &key : names(*t).keys)
        it->second.used.insert(key);
    return it->second;
  };
  // How many keys link each (child, parent) pair.
  std::map<std::pair<const Table *, const Table *>, unsigned> pairCount;
  for (const auto &table : schema.tables)
    for (const auto &c : table->constraints)
      if (const auto *fk = llvm::dyn_cast<ForeignKey>(c.get()))
        if (const Table *parent = schema.findTable(fk->refTable))
          ++pairCount[{table.get(), parent}];

  for (const auto &table : schema.tables) {
    const Table *child = table.get();
    for (const auto &c : table->constraints) {
      const auto *fk = llvm::dyn_cast<ForeignKey>(c.get());
      if (!fk)
        continue;
      const Table *parent = schema.findTable(fk->refTable);
      if (!parent)
        continue;
      const std::string &childVar = names(*child).var;
      const std::string &parentVar = names(*parent).var;
      bool named = child == parent || pairCount[{child, parent}] > 1;
      std::string relationName =
          named ? fmt::format("relationName: {}",
                              quoteTSString(child->name.name.str() + "_" +
                                            (fk->name.empty()
                                                 ? llvm::join(fk->columns, "_")
                                                 : fk->name.str())))
                : "";
      // The referencing side: one(parent).
      std::string base;
      if (fk->columns.size() == 1) {
        StringRef col = fk->columns[0];
        if (col.size() > 3 && col.ends_with_insensitive("_id"))
          col = col.drop_back(3);
        else if (col.size() > 2 && col.ends_with("Id"))
          col = col.drop_back(2);
        base = tsName(col);
      } else if (fk->nameExplicit) {
        base = tsName(fk->name);
      }
      if (!isPlainTSIdentifier(base))
        base = "";
      TableRelations &childRels = relationsOf(child);
      std::string oneName = uniqueName(childRels, base, parentVar);
      std::vector<std::string> fields, refs;
      for (StringRef col : fk->columns)
        fields.push_back(columnOf(*child, col));
      for (StringRef col : fk->refColumns)
        refs.push_back(columnOf(*parent, col));
      std::string one = fmt::format(
          "one({}, {{\n    fields: [{}],\n    references: [{}],\n", parentVar,
          llvm::join(fields, ", "), llvm::join(refs, ", "));
      if (named)
        one += "    " + relationName + ",\n";
      one += "  })";
      childRels.entries.push_back({oneName, one, true});
      // The referenced side: many(child).
      TableRelations &parentRels = relationsOf(parent);
      std::string manyBase =
          named ? childVar + "By" + capitalize(oneName) : childVar;
      std::string manyName = uniqueName(parentRels, manyBase, "list");
      std::string many =
          named ? fmt::format("many({}, {{ {} }})", childVar, relationName)
                : fmt::format("many({})", childVar);
      parentRels.entries.push_back({manyName, many, false});
    }
  }
  for (const auto &table : schema.tables) {
    auto it = rels.find(table.get());
    if (it == rels.end() || it->second.entries.empty())
      continue;
    bool hasOne = false, hasMany = false;
    for (const RelationEntry &e : it->second.entries)
      (e.isOne ? hasOne : hasMany) = true;
    std::string helpers = hasOne && hasMany ? "one, many"
                          : hasOne          ? "one"
                                            : "many";
    const std::string &var = names(*table).var;
    useDrizzle("relations");
    body += fmt::format("\nexport const {} = relations({}, ({{ {} }}) => ({{\n",
                        consts.allocate(var + "Relations", "Of"), var, helpers);
    for (const RelationEntry &e : it->second.entries)
      body += fmt::format("  {}: {},\n", formatPropertyKey(e.name), e.text);
    body += "}));\n";
  }
}
