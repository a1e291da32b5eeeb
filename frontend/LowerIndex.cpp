//===- LowerIndex.cpp - table indexes to the IR ---------------------------===//
#include "frontend/SemaImpl.h"
#include "llvm/ADT/StringSet.h"
#include <fmt/format.h>

namespace schemac::sema {

/// PostgreSQL's ChooseIndexColumnNames: a word repeated within one index
/// becomes word1, word2, ... so the index's column names stay distinct.
static void makeWordsUnique(std::vector<std::string> &words) {
  llvm::StringSet<> used;
  for (std::string &w : words) {
    std::string candidate = w;
    for (unsigned i = 1; used.count(candidate); ++i)
      candidate = w + std::to_string(i);
    used.insert(candidate);
    w = std::move(candidate);
  }
}

void SemaImpl::lowerIndex(TableInfo &info, const ast::IndexDef &def) {
  ir::Index idx;
  idx.unique = def.unique;
  idx.method = out.save(def.method.name);
  idx.comment = out.save(def.doc);
  idx.range = def.range;
  lowerAttributes(def.attributes, idx.was);

  if (def.elements.empty())
    diags.report(DiagID::EmptyKey, def.range, "index lists no keys");
  std::vector<std::string> words;
  bool onlyColumns = true;
  for (const ast::IndexElementDef &el : def.elements) {
    checkColumnRefs(info, el.expr, "an index expression");
    if (auto *ref = llvm::dyn_cast_or_null<ir::ColumnRef>(el.expr)) {
      words.push_back(ref->getColumn().str());
    } else {
      words.push_back(getIndexElementWord(el.expr));
      onlyColumns = false;
    }
    ir::IndexElement e;
    e.expr = unqualifyColumnRefs(el.expr);
    e.collation = out.save(el.collation.name);
    e.opclass = out.save(el.opclass.name);
    e.order = el.order;
    e.nulls = el.nulls;
    idx.elements.push_back(e);
  }
  if (!def.include.empty() && lowerColumnList(info, def.include, def.range,
                                              "the include list", idx.include))
    for (llvm::StringRef c : idx.include)
      words.push_back(c.str());
  if (def.where) {
    checkColumnRefs(info, def.where, "an index predicate");
    idx.where = unqualifyColumnRefs(def.where);
  }
  // PostgreSQL accepts a unique index without predicate or expressions as
  // the target of a foreign key.
  if (idx.unique && !idx.where && onlyColumns && !idx.elements.empty()) {
    std::vector<llvm::StringRef> keyColumns;
    for (const ir::IndexElement &e : idx.elements)
      keyColumns.push_back(llvm::cast<ir::ColumnRef>(e.expr)->getColumn());
    addUniqueKey(info, keyColumns);
  }
  makeWordsUnique(words);
  info.naming.push_back({ir::NamedKind::Index, nullptr,
                         static_cast<unsigned>(info.ir->indexes.size()),
                         def.name, std::move(words)});
  info.ir->indexes.push_back(std::move(idx));
}

} // namespace schemac::sema
