//===- Verifier.cpp - checks the Schema IR's invariants -------------------===//

#include "ir/Verifier.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <fmt/format.h>

namespace schemac::ir {

namespace {

class Verifier {
public:
  explicit Verifier(const Schema &schema) : schema(schema) {}

  std::vector<std::string> run() {
    checkTopLevelNames();
    for (const auto &e : schema.enums)
      checkEnum(*e);
    for (const auto &s : schema.sequences)
      checkSequence(*s);
    for (const auto &t : schema.tables)
      checkTable(*t);
    return std::move(problems);
  }

private:
  template <typename... Args>
  void report(fmt::format_string<Args...> f, Args &&...args) {
    problems.push_back(fmt::format(f, std::forward<Args>(args)...));
  }

  template <typename T>
  void checkUnique(const std::vector<std::unique_ptr<T>> &list,
                   llvm::StringRef what) {
    llvm::StringSet<> seen;
    for (const auto &obj : list) {
      if (obj->name.name.empty())
        report("{} with an empty name", what);
      else if (!seen.insert(obj->name.key()).second)
        report("duplicate {} '{}'", what, obj->name.str());
    }
  }

  void checkTopLevelNames() {
    llvm::StringSet<> seen;
    for (const Namespace &ns : schema.namespaces)
      if (!seen.insert(ns.name).second)
        report("duplicate namespace '{}'", ns.name.str());
    checkUnique(schema.enums, "enum");
    checkUnique(schema.sequences, "sequence");
    checkUnique(schema.tables, "table");
    checkUnique(schema.views, "view");
    for (const auto &t : schema.tables)
      tables.try_emplace(t->name.key(), t.get());
    for (const auto &e : schema.enums)
      enums.insert(e->name.key());
  }

  const Table *findTable(const QualifiedName &name) const {
    auto it = tables.find(name.key());
    return it == tables.end() ? nullptr : it->second;
  }

  void checkEnum(const EnumType &e) {
    llvm::StringSet<> seen;
    for (const EnumValue &v : e.values)
      if (!seen.insert(v.name).second)
        report("enum '{}': duplicate value '{}'", e.name.str(), v.name.str());
  }

  void checkSequence(const Sequence &s) {
    if (!s.ownedBy)
      return;
    const Table *t = findTable(s.ownedBy->table);
    if (!t)
      report("sequence '{}': owned by unknown table '{}'", s.name.str(),
             s.ownedBy->table.str());
    else if (!t->findColumn(s.ownedBy->column))
      report("sequence '{}': owned by unknown column '{}.{}'", s.name.str(),
             s.ownedBy->table.str(), s.ownedBy->column.str());
  }

  /// Problems in one table, prefixed with its name.
  class TableChecker {
  public:
    TableChecker(Verifier &v, const Table &t) : v(v), t(t) {
      prefix = fmt::format("table '{}'", t.name.str());
    }

    void run() {
      for (const Column &c : t.columns)
        checkColumn(c);
      // After all columns: generated expressions may use later columns.
      checkGenerated();
      for (const auto &c : t.constraints)
        checkConstraint(*c);
      for (const Index &idx : t.indexes)
        checkIndex(idx);
    }

  private:
    template <typename... Args>
    void report(fmt::format_string<Args...> f, Args &&...args) {
      v.problems.push_back(prefix + ": " +
                           fmt::format(f, std::forward<Args>(args)...));
    }

    bool hasColumn(llvm::StringRef name) const { return columns.count(name); }

    void checkColumn(const Column &c) {
      if (c.name.empty())
        report("column with an empty name");
      else if (!columns.insert(c.name).second)
        report("duplicate column '{}'", c.name.str());
      if (c.type.kind == TypeKind::Enum &&
          !v.enums.count(QualifiedName{c.type.ns, c.type.name}.key()))
        report("column '{}' has unknown enum type '{}'", c.name.str(),
               QualifiedName{c.type.ns, c.type.name}.str());
      if (c.identity != Identity::None && !c.type.isInteger())
        report("column '{}' is an identity or serial but not an integer",
               c.name.str());
    }

    void checkColumns(llvm::StringRef what,
                      llvm::ArrayRef<llvm::StringRef> names) {
      for (llvm::StringRef n : names)
        if (!hasColumn(n))
          report("{} references unknown column '{}'", what, n.str());
    }

    /// Every unqualified (or this-table-qualified) column reference in `e`
    /// must name a column of the table.
    void checkExprColumns(llvm::StringRef what, const Expr *e) {
      forEachColumnRef(e, [&](const ColumnRef *c) {
        if ((c->getTable().empty() || c->getTable() == t.name.name) &&
            !hasColumn(c->getColumn()))
          report("{} references unknown column '{}'", what,
                 c->getColumn().str());
      });
    }

    void checkGenerated() {
      for (const Column &c : t.columns) {
        if (!c.generated)
          continue;
        std::string what = fmt::format("generated column '{}'", c.name.str());
        if (!c.generated->expr)
          report("{} has no expression", what);
        checkExprColumns(what, c.generated->expr);
      }
    }

    void checkConstraint(const Constraint &c) {
      std::string what = fmt::format("constraint '{}'", c.name.str());
      // SQLite gives unnamed foreign keys and checks no name at all; every
      // other constraint is named (explicitly or by the naming rules).
      bool mayBeUnnamed = !c.nameExplicit && (llvm::isa<ForeignKey>(c) ||
                                              llvm::isa<CheckConstraint>(c));
      if (c.name.empty()) {
        if (!mayBeUnnamed)
          report("constraint with an empty name");
      } else if (!constraintNames.insert(c.name).second)
        report("duplicate constraint name '{}'", c.name.str());
      switch (c.getKind()) {
      case Constraint::Kind::PrimaryKey: {
        auto &pk = llvm::cast<PrimaryKey>(c);
        if (++primaryKeys == 2)
          report("more than one primary key");
        if (pk.columns.empty())
          report("{} has no columns", what);
        checkColumns(what, pk.columns);
        indexLikeNames.insert(c.name);
        break;
      }
      case Constraint::Kind::Unique: {
        auto &u = llvm::cast<UniqueConstraint>(c);
        if (u.columns.empty())
          report("{} has no columns", what);
        checkColumns(what, u.columns);
        indexLikeNames.insert(c.name);
        break;
      }
      case Constraint::Kind::ForeignKey:
        checkForeignKey(llvm::cast<ForeignKey>(c), what);
        break;
      case Constraint::Kind::Check: {
        auto &ck = llvm::cast<CheckConstraint>(c);
        if (!ck.expr)
          report("{} has no expression", what);
        checkExprColumns(what, ck.expr);
        break;
      }
      }
    }

    void checkForeignKey(const ForeignKey &fk, const std::string &what) {
      if (fk.columns.empty())
        report("{} has no columns", what);
      checkColumns(what, fk.columns);
      const Table *target = v.findTable(fk.refTable);
      if (!target) {
        report("{} references unknown table '{}'", what, fk.refTable.str());
        return;
      }
      if (fk.refColumns.size() != fk.columns.size())
        report("{} has {} columns but references {}", what, fk.columns.size(),
               fk.refColumns.size());
      for (llvm::StringRef n : fk.refColumns)
        if (!target->findColumn(n))
          report("{} references unknown column '{}.{}'", what,
                 fk.refTable.str(), n.str());
    }

    void checkIndex(const Index &idx) {
      std::string what = fmt::format("index '{}'", idx.name.str());
      if (idx.name.empty())
        report("index with an empty name");
      else if (!indexNames.insert(idx.name).second)
        report("duplicate index name '{}'", idx.name.str());
      else if (indexLikeNames.count(idx.name))
        report("index name '{}' is also a key constraint's name",
               idx.name.str());
      if (idx.elements.empty())
        report("{} has no elements", what);
      for (size_t i = 0; i < idx.elements.size(); ++i) {
        const IndexElement &el = idx.elements[i];
        if (!el.expr)
          report("{} element {} has no expression", what, i);
        if (el.prefixLength &&
            (*el.prefixLength <= 0 || !llvm::isa_and_nonnull<ColumnRef>(el.expr)))
          report("{} element {} has a prefix length but is not a column, or "
                 "the length is not positive",
                 what, i);
        checkExprColumns(what, idx.elements[i].expr);
      }
      checkColumns(what, idx.include);
      checkExprColumns(what, idx.where);
    }

    Verifier &v;
    const Table &t;
    std::string prefix;
    llvm::StringSet<> columns, constraintNames, indexNames, indexLikeNames;
    unsigned primaryKeys = 0;
  };

  void checkTable(const Table &t) { TableChecker(*this, t).run(); }

  const Schema &schema;
  // Own lookup tables: the schema's maps are stale before canonicalize().
  llvm::StringMap<const Table *> tables;
  llvm::StringSet<> enums;
  std::vector<std::string> problems;
};

} // namespace

std::vector<std::string> verifySchema(const Schema &schema) {
  return Verifier(schema).run();
}

} // namespace schemac::ir
