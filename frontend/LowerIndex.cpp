//===- LowerIndex.cpp - table indexes to the IR ---------------------------===//
#include "frontend/SemaImpl.h"
#include <fmt/format.h>

namespace schemac::sema {

/// MySQL's prefix key `col(N)` reads as a call of a column of the table with
/// one integer: returns the column and N (a positive integer is required
/// once the name is a column's), or nullopt for any other expression.
std::optional<std::pair<const ir::ColumnRef *, int64_t>>
SemaImpl::lowerPrefixKey(TableInfo &info, const ir::Expr *e) {
  const auto *call = llvm::dyn_cast_or_null<ir::FuncCall>(e);
  if (!call || !call->getSchema().empty() || call->getArgs().size() != 1 ||
      !info.columnIndex.count(call->getName()))
    return std::nullopt;
  const auto *n = llvm::dyn_cast<ir::NumberLiteral>(call->getArgs().front());
  int64_t length = 0;
  if (!n || !n->isInteger() || n->getText().getAsInteger(10, length) ||
      length <= 0) {
    diags.report(DiagID::InvalidTypeModifier,
                 call->getArgs().front()->getRange(),
                 fmt::format("the prefix length of key column {} must be a "
                             "positive integer",
                             quoted(call->getName())));
    return std::nullopt;
  }
  const auto *ref = out.getArena().create<ir::ColumnRef>(
      llvm::StringRef(), out.save(call->getName()), call->getRange());
  return std::make_pair(ref, length);
}

/// Spellings a database cannot tell from the defaults become the defaults,
/// so a schema and the database built from it compare equal: ASC, a
/// column's own collation, and on PostgreSQL the nulls order of the
/// direction (last for ASC, first for DESC; SQLite's are the reverse).
static void normalizeIndexElement(const TableInfo &info, ir::Dialect dialect,
                                  ir::IndexElement &e) {
  if (e.order == ir::SortOrder::Asc)
    e.order = ir::SortOrder::Default;
  bool descending = e.order == ir::SortOrder::Desc;
  if (dialect == ir::Dialect::PostgreSQL &&
      ((e.nulls == ir::NullsOrder::Last && !descending) ||
       (e.nulls == ir::NullsOrder::First && descending)))
    e.nulls = ir::NullsOrder::Default;
  if (auto *ref = llvm::dyn_cast_or_null<ir::ColumnRef>(e.expr))
    if (const ir::Column *column = info.ir->findColumn(ref->getColumn()))
      if (!e.collation.empty() && e.collation == column->collation)
        e.collation = {};
}

void SemaImpl::lowerIndex(TableInfo &info, const ast::IndexDef &def) {
  ir::Index idx;
  idx.unique = def.unique;
  // The default method is no method: a database reads it back as none.
  idx.method = llvm::StringRef(def.method.name).equals_insensitive("btree")
                   ? llvm::StringRef()
                   : out.save(def.method.name);
  idx.comment = out.save(def.doc);
  idx.range = def.range;
  lowerAttributes(def.attributes, idx.was);

  if (def.elements.empty())
    diags.report(DiagID::EmptyKey, def.range, "index lists no keys");
  std::vector<std::string> words;
  bool onlyColumns = true;
  for (const ast::IndexElementDef &el : def.elements) {
    ir::IndexElement e;
    if (auto prefix = lowerPrefixKey(info, el.expr)) {
      e.expr = prefix->first;
      e.prefixLength = prefix->second;
      words.push_back(prefix->first->getColumn().str());
      onlyColumns = false; // a prefix key cannot back a foreign key
    } else {
      checkColumnRefs(info, el.expr, "an index expression");
      if (auto *ref = llvm::dyn_cast_or_null<ir::ColumnRef>(el.expr)) {
        words.push_back(ref->getColumn().str());
      } else {
        words.push_back(getIndexElementWord(el.expr));
        onlyColumns = false;
      }
      e.expr = unqualifyColumnRefs(el.expr);
    }
    e.collation = out.save(el.collation.name);
    e.opclass = out.save(el.opclass.name);
    e.order = el.order;
    e.nulls = el.nulls;
    normalizeIndexElement(info, namingDialect(), e);
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
  ir::makeIndexWordsUnique(words);
  info.naming.push_back({ir::NamedKind::Index, nullptr,
                         static_cast<unsigned>(info.ir->indexes.size()),
                         def.name, std::move(words)});
  info.ir->indexes.push_back(std::move(idx));
}

} // namespace schemac::sema
