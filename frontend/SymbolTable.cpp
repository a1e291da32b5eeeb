//===- SymbolTable.cpp - declares every object and finds duplicates -------===//
//
// Namespaces, enums and relations (tables, views, sequences) of all files
// are declared before anything is lowered, so references work across files
// and regardless of order. Relations share one namespace, as in PostgreSQL;
// they are declared in source order (file order, then offset) so that the
// "previous definition" of a duplicate is the one written first.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include <algorithm>
#include <fmt/format.h>

namespace schemac::sema {

ir::QualifiedName SemaImpl::qualify(const ast::QualifiedIdent &name) {
  return {out.save(name.ns.name), out.save(name.name.name)};
}

bool SemaImpl::checkNamespace(const ast::QualifiedIdent &name) {
  if (name.ns.empty() || namespaces.count(name.ns.name))
    return true;
  diags.report(DiagID::UnknownNamespace, name.ns.range,
               fmt::format("unknown schema {}; declare it with 'schema {}'",
                           quoted(name.ns.name), name.ns.name.str()));
  return false;
}

const RelationDecl *
SemaImpl::findRelation(const ir::QualifiedName &name) const {
  auto it = relations.find(name.key());
  return it == relations.end() ? nullptr : &it->second;
}

EnumInfo *SemaImpl::findEnum(const ir::QualifiedName &name) {
  auto it = enums.find(name.key());
  return it == enums.end() ? nullptr : &it->second;
}

namespace {
/// A relation declaration with its position, for ordering.
struct RelationSite {
  unsigned file;
  uint32_t offset;
  RelationKind kind;
  const void *def;
  const ast::QualifiedIdent *name;
};
} // namespace

void SemaImpl::declareAll(llvm::ArrayRef<const ast::File *> files) {
  for (const ast::File *f : files)
    for (const ast::NamespaceDef &ns : f->namespaces) {
      auto [it, inserted] = namespaces.try_emplace(ns.name.name, ns.name.range);
      if (!inserted) {
        reportDuplicate(ns.name.range, "schema " + quoted(ns.name.name),
                        it->second, "previous definition is here");
        continue;
      }
      checkNameLength(ns.name, "schema");
      out.namespaces.push_back(
          {out.save(ns.name.name), out.save(ns.doc), ns.range});
    }

  for (const ast::File *f : files)
    for (const ast::EnumDef &e : f->enums) {
      checkNamespace(e.name);
      ir::QualifiedName qn = qualify(e.name);
      auto [it, inserted] =
          enums.try_emplace(qn.key(), EnumInfo{&e, nullptr, {}});
      if (!inserted) {
        reportDuplicate(e.name.range, "enum " + quoted(qn),
                        it->second.def->name.range,
                        "previous definition is here");
        continue;
      }
      enumList.push_back(&it->second);
    }

  std::vector<RelationSite> sites;
  for (unsigned i = 0; i < files.size(); ++i) {
    for (const ast::TableDef &t : files[i]->tables)
      sites.push_back({i, t.range.begin, RelationKind::Table, &t, &t.name});
    for (const ast::ViewDef &v : files[i]->views)
      sites.push_back({i, v.range.begin, RelationKind::View, &v, &v.name});
    for (const ast::SequenceDef &s : files[i]->sequences)
      sites.push_back({i, s.range.begin, RelationKind::Sequence, &s, &s.name});
  }
  std::stable_sort(sites.begin(), sites.end(),
                   [](const RelationSite &a, const RelationSite &b) {
                     return a.file != b.file ? a.file < b.file
                                             : a.offset < b.offset;
                   });

  size_t numTables = 0;
  for (const RelationSite &s : sites)
    numTables += s.kind == RelationKind::Table;
  tables.reserve(numTables);

  for (const RelationSite &s : sites) {
    checkNamespace(*s.name);
    ir::QualifiedName qn = qualify(*s.name);
    llvm::StringRef kindName = getRelationKindName(s.kind);
    auto [it, inserted] = relations.try_emplace(
        qn.key(), RelationDecl{s.kind, qn, s.name->range, 0});
    if (!inserted) {
      const RelationDecl &prev = it->second;
      std::string note =
          prev.kind == s.kind
              ? std::string("previous definition is here")
              : fmt::format("{} is already a {} here; tables, views and "
                            "sequences share one namespace",
                            quoted(qn), getRelationKindName(prev.kind).str());
      reportDuplicate(s.name->range, kindName.str() + " " + quoted(qn),
                      prev.range, note);
      continue;
    }
    checkNameLength(s.name->name, kindName);
    scopes[qn.ns].relations.try_emplace(
        qn.name, NameOwner{kindName.str() + " " + quoted(qn), s.name->range});
    RelationDecl &decl = it->second;
    switch (s.kind) {
    case RelationKind::Table: {
      decl.index = tables.size();
      TableInfo info;
      info.def = static_cast<const ast::TableDef *>(s.def);
      tables.push_back(std::move(info));
      break;
    }
    case RelationKind::View:
      decl.index = views.size();
      views.push_back(static_cast<const ast::ViewDef *>(s.def));
      break;
    case RelationKind::Sequence:
      decl.index = sequences.size();
      sequences.push_back(static_cast<const ast::SequenceDef *>(s.def));
      break;
    }
  }
}

} // namespace schemac::sema
