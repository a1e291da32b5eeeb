//===- DialectLegality.cpp - every construct a dialect cannot hold --------===//
//
// Walks the schema once and asks the dialect's capability table about each
// construct. Messages read "<dialect> cannot hold <what>", at the narrowest
// position the IR keeps (the type of a column, the cast, the index).
// Expressions are printed once through the dialect's expression printer,
// which reports the operators the dialect has no spelling for.
//
//===----------------------------------------------------------------------===//

#include "backends/DialectLegality.h"
#include "backends/DialectCapabilities.h"
#include "backends/SQLExprPrinter.h"
#include "backends/SQLTypes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

bool isBuiltinSQLiteCollation(StringRef name) {
  return name.equals_insensitive("binary") ||
         name.equals_insensitive("nocase") || name.equals_insensitive("rtrim");
}

class LegalityChecker {
public:
  LegalityChecker(const Schema &schema, Dialect d, DiagnosticEngine &diags)
      : schema(schema), caps(getCapabilities(d)), diags(diags),
        dialectName(getDialectName(d).str()), exprs(d, &diags) {}

  bool run();

private:
  void unsupported(SourceRange range, const std::string &what) {
    diags.report(DiagID::DialectUnsupported, range,
                 fmt::format("{} cannot hold {}", dialectName, what));
    ok = false;
  }
  void approximated(SourceRange range, const std::string &what) {
    diags.report(DiagID::DialectApproximation, range,
                 fmt::format("{} {}", dialectName, what));
  }
  /// What of `t` the dialect cannot hold, and a hint to append after the
  /// column's name ("" if none); {"", ""} if it can hold it. A cast needs no
  /// varchar length (MySQL casts to CHAR).
  std::pair<std::string, std::string> typeProblem(const Type &t,
                                                  bool inCast = false);
  void checkColumn(const Table &table, const Column &column);
  void checkAutoIncrement(const Table &table, const Column &column);
  void checkKeyColumns(const Table &table, llvm::ArrayRef<StringRef> columns,
                       SourceRange range, StringRef what);
  void checkConstraint(const Table &table, const Constraint &constraint);
  void checkForeignKeyTypes(const Table &table, const ForeignKey &fk);
  void checkIndex(const Table &table, const Index &index);
  void checkTable(const Table &table);
  /// Reports a name the dialect refuses: too long, ending in a space, or
  /// holding characters outside the Basic Multilingual Plane.
  void checkName(StringRef name, SourceRange range, const std::string &what);
  /// Where the dialect compares names without ASCII case: remembers `name`
  /// in `seen` and reports the second of two names equal that way.
  struct Claim {
    std::string name, what;
  };
  void claimFolded(llvm::StringMap<Claim> &seen, StringRef name,
                   SourceRange range, const std::string &what);
  /// Cast types first; an expression whose casts are legal is printed once
  /// so the printer reports operators the dialect cannot spell.
  void checkExpr(const Expr *e);
  bool checkCasts(const Expr *e);

  const Schema &schema;
  const DialectCapabilities &caps;
  DiagnosticEngine &diags;
  std::string dialectName;
  SQLExprPrinter exprs;
  bool ok = true;
  /// Names of tables, views and (on SQLite) indexes in one namespace.
  llvm::StringMap<Claim> relationNames;
  /// Foreign-key names, where the database keeps one set of them.
  llvm::StringMap<Claim> foreignKeyNames;
};

std::string columnName(const Table &table, const Column &column) {
  return fmt::format("column '{}' of table '{}'", column.name.str(),
                     table.name.str());
}

std::pair<std::string, std::string>
LegalityChecker::typeProblem(const Type &t, bool inCast) {
  std::string spelling = getTypeSpelling(t);
  if (t.arrayDims && !caps.arrays)
    return {fmt::format("the array type '{}'", spelling), ""};
  if (t.isUnsigned && !caps.unsignedNumbers)
    return {fmt::format("the unsigned type '{}'", spelling), ""};
  if ((t.kind == TypeKind::Native && !isNativeTypeOf(caps.dialect, t)) ||
      (t.kind == TypeKind::TimeTz && !caps.timeWithTimeZone) ||
      (t.kind == TypeKind::Interval && !caps.intervals))
    return {fmt::format("the type '{}'", spelling), ""};
  if (t.kind == TypeKind::Varchar && t.numModifiers == 0 && !inCast &&
      !caps.unboundedVarchar)
    return {"varchar without a length",
            "; give one (varchar(n)) or use text"};
  if (t.kind == TypeKind::Numeric && t.numModifiers == 0 &&
      !caps.unboundedNumeric)
    return {"numeric without a precision",
            "; give one (numeric(p,s)): a DECIMAL without one rounds to "
            "DECIMAL(10,0)"};
  if (t.kind == TypeKind::Numeric && caps.maxNumericPrecision &&
      (t.modifiers[0] > caps.maxNumericPrecision ||
       (t.numModifiers > 1 && t.modifiers[1] > caps.maxNumericScale)))
    return {fmt::format("the type '{}'", spelling),
            fmt::format("; precision and scale go up to {} and {}",
                        caps.maxNumericPrecision, caps.maxNumericScale)};
  if (t.kind == TypeKind::Char && caps.maxCharLength && t.numModifiers &&
      t.modifiers[0] > caps.maxCharLength)
    return {fmt::format("the type '{}'", spelling),
            fmt::format("; char takes up to {} characters (use varchar)",
                        caps.maxCharLength)};
  return {"", ""};
}

bool LegalityChecker::checkCasts(const Expr *e) {
  bool legal = true;
  if (const auto *cast = llvm::dyn_cast<CastExpr>(e)) {
    auto [problem, hint] = typeProblem(cast->getType(), /*inCast=*/true);
    if (!problem.empty()) {
      unsupported(cast->getRange(), "a cast to " + problem + hint);
      legal = false;
    }
  }
  forEachChild(e, [&](const Expr *child) { legal &= checkCasts(child); });
  return legal;
}

void LegalityChecker::checkExpr(const Expr *e) {
  if (!e || !checkCasts(e))
    return;
  exprs.print(e);
  if (exprs.hasErrors())
    ok = false;
}

void LegalityChecker::checkAutoIncrement(const Table &table,
                                         const Column &column) {
  std::string what = fmt::format(
      "{} on {}",
      column.identity == Identity::Serial ? "a serial type" : "an identity",
      columnName(table, column));
  switch (caps.autoIncrement) {
  case AutoIncrementScope::AnyIntegerColumn:
    break;
  case AutoIncrementScope::RowidAlias:
    if (&column != getSQLiteRowidColumn(table)) {
      unsupported(column.range,
                  what + (table.options.withoutRowid
                              ? "; a WITHOUT ROWID table has no rowid to "
                                "auto-increment"
                              : "; only a single-column integer primary key "
                                "auto-increments (the rowid)"));
      return;
    }
    break;
  case AutoIncrementScope::FirstKeyColumn: {
    auto leads = [&](llvm::ArrayRef<StringRef> columns) {
      return !columns.empty() && columns.front() == column.name;
    };
    bool isKey = llvm::any_of(table.constraints, [&](const auto &c) {
      if (const auto *pk = llvm::dyn_cast<PrimaryKey>(c.get()))
        return leads(pk->columns);
      if (const auto *u = llvm::dyn_cast<UniqueConstraint>(c.get()))
        return leads(u->columns);
      return false;
    });
    isKey |= llvm::any_of(table.indexes, [&](const Index &index) {
      const auto *ref = llvm::dyn_cast<ColumnRef>(index.elements.front().expr);
      return ref && ref->getColumn() == column.name;
    });
    if (!isKey) {
      unsupported(column.range,
                  what + "; an auto-increment column must be the first "
                         "column of a key");
      return;
    }
    auto first = llvm::find_if(table.columns, [](const Column &c) {
      return c.identity != Identity::None;
    });
    if (&*first != &column) {
      unsupported(column.range, what + "; a table has at most one "
                                       "auto-increment column");
      return;
    }
    break;
  }
  }
  if (column.identity == Identity::Always && !caps.identityAlways)
    approximated(column.range,
                 fmt::format("cannot refuse explicit values for the "
                             "'generated always' identity {}; it becomes a "
                             "plain auto-increment column",
                             columnName(table, column)));
}

void LegalityChecker::checkColumn(const Table &table, const Column &column) {
  auto [problem, hint] = typeProblem(column.type);
  if (!problem.empty())
    unsupported(column.typeRange.isValid() ? column.typeRange : column.range,
                fmt::format("{} of {}{}", problem, columnName(table, column),
                            hint));
  if (column.identity != Identity::None)
    checkAutoIncrement(table, column);
  if (column.generated && !column.generated->stored && !caps.virtualGenerated)
    unsupported(column.range,
                fmt::format("the virtual generated {}; make it 'stored'",
                            columnName(table, column)));
  if (column.generated && !column.nullable && !caps.notNullGenerated)
    unsupported(column.range,
                fmt::format("a NOT NULL generated column ({}); mark it "
                            "nullable with '?'",
                            columnName(table, column)));
  if (!column.collation.empty() &&
      caps.collations == CollationSupport::Builtin &&
      !isBuiltinSQLiteCollation(column.collation))
    unsupported(column.range,
                fmt::format("the collation '{}' of {} (only BINARY, NOCASE "
                            "and RTRIM are built in)",
                            column.collation.str(), columnName(table, column)));
  checkExpr(column.defaultValue);
  if (column.generated)
    checkExpr(column.generated->expr);
}

void LegalityChecker::checkKeyColumns(const Table &table,
                                      llvm::ArrayRef<StringRef> columns,
                                      SourceRange range, StringRef what) {
  if (caps.unboundedKeyColumns)
    return;
  for (StringRef name : columns) {
    const Column *column = table.findColumn(name);
    if (column && isMySQLOffRowType(column->type))
      unsupported(range, fmt::format("the {}-typed {} in {} (a key over it "
                                     "needs a prefix length; use varchar(n))",
                                     getTypeSpelling(column->type),
                                     columnName(table, *column), what.str()));
  }
}

/// Same kind, sign and (for native types) name; string lengths may differ.
static bool isSameForeignKeyType(const Type &a, const Type &b) {
  return a.kind == b.kind && a.isUnsigned == b.isUnsigned &&
         a.arrayDims == b.arrayDims && a.name == b.name && a.ns == b.ns;
}

void LegalityChecker::checkForeignKeyTypes(const Table &table,
                                           const ForeignKey &fk) {
  const Table *target = schema.findTable(fk.refTable);
  if (!target)
    return;
  for (size_t i = 0; i < fk.columns.size() && i < fk.refColumns.size(); ++i) {
    const Column *column = table.findColumn(fk.columns[i]);
    const Column *referenced = target->findColumn(fk.refColumns[i]);
    if (column && referenced &&
        !isSameForeignKeyType(column->type, referenced->type))
      unsupported(fk.range,
                  fmt::format("the foreign key '{}' from the {} column '{}' "
                              "to the {} column '{}' of table '{}' (the "
                              "types must be the same)",
                              fk.name.str(), getTypeSpelling(column->type),
                              column->name.str(),
                              getTypeSpelling(referenced->type),
                              referenced->name.str(), target->name.str()));
  }
}

void LegalityChecker::checkConstraint(const Table &table,
                                      const Constraint &constraint) {
  std::string what = fmt::format("'{}'", constraint.name.str());
  if (const auto *pk = llvm::dyn_cast<PrimaryKey>(&constraint)) {
    checkKeyColumns(table, pk->columns, pk->range, "primary key " + what);
  } else if (const auto *u = llvm::dyn_cast<UniqueConstraint>(&constraint)) {
    checkKeyColumns(table, u->columns, u->range, "unique constraint " + what);
    if (u->nullsNotDistinct && !caps.uniqueNullsNotDistinct)
      unsupported(u->range, "unique nulls not distinct");
  } else if (const auto *fk = llvm::dyn_cast<ForeignKey>(&constraint)) {
    checkKeyColumns(table, fk->columns, fk->range, "foreign key " + what);
    if (fk->deferrable && !caps.deferrableForeignKeys)
      unsupported(fk->range, "the deferrable foreign key " + what);
    if (!caps.looseForeignKeyTypes)
      checkForeignKeyTypes(table, *fk);
    for (RefAction action : {fk->onDelete, fk->onUpdate})
      if (action == RefAction::SetDefault && !caps.setDefaultAction) {
        unsupported(fk->range, "SET DEFAULT in the foreign key " + what);
        break;
      }
  } else {
    checkExpr(llvm::cast<CheckConstraint>(constraint).expr);
  }
}

void LegalityChecker::checkIndex(const Table &table, const Index &index) {
  std::string what = fmt::format("index '{}'", index.name.str());
  if (!index.method.empty() &&
      !llvm::is_contained(caps.indexMethods, index.method.lower()))
    unsupported(index.range, fmt::format("the index method '{}' of {}",
                                         index.method.str(), what));
  if (!index.include.empty() && !caps.indexInclude)
    unsupported(index.range, "the include columns of " + what);
  if (index.where && !caps.partialIndexes)
    unsupported(index.range, "the partial " + what);
  checkExpr(index.where);
  for (const IndexElement &element : index.elements) {
    if (const auto *ref = llvm::dyn_cast<ColumnRef>(element.expr)) {
      if (!element.prefixLength)
        checkKeyColumns(table, {ref->getColumn()}, index.range, what);
      else if (!caps.indexPrefixLengths)
        unsupported(index.range,
                    fmt::format("the prefix length of key column '{}' of {}",
                                ref->getColumn().str(), what));
    } else if (!caps.expressionIndexes)
      unsupported(index.range, fmt::format("the expression key of {} (index "
                                           "a generated column instead)",
                                           what));
    else
      checkExpr(element.expr);
    if (!element.opclass.empty() && !caps.operatorClasses)
      unsupported(index.range, fmt::format("the operator class '{}' of {}",
                                           element.opclass.str(), what));
    if (element.nulls != NullsOrder::Default && !caps.indexNullsOrder)
      unsupported(index.range, "NULLS FIRST/LAST in " + what);
    if (!element.collation.empty()) {
      if (!caps.indexCollations)
        unsupported(index.range, fmt::format("the collation '{}' of a key of {}",
                                             element.collation.str(), what));
      else if (caps.collations == CollationSupport::Builtin &&
               !isBuiltinSQLiteCollation(element.collation))
        unsupported(index.range, fmt::format("the collation '{}' of {}",
                                             element.collation.str(), what));
    }
  }
}

void LegalityChecker::checkName(StringRef name, SourceRange range,
                                const std::string &what) {
  if (caps.maxNameCharacters) {
    // UTF-8 continuation bytes (10xxxxxx) do not start a character.
    size_t characters = llvm::count_if(name, [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    if (characters > caps.maxNameCharacters)
      unsupported(range, fmt::format("the name of {}: {} characters long, "
                                     "at most {} are taken",
                                     what, characters,
                                     caps.maxNameCharacters));
  }
  if (!caps.trailingSpaceInNames && name.ends_with(" "))
    unsupported(range, fmt::format("the name of {}: it ends in a space", what));
  if (!caps.supplementaryCharactersInNames &&
      llvm::any_of(name, [](char c) {
        return static_cast<unsigned char>(c) >= 0xF0;
      }))
    unsupported(range, fmt::format("the name of {}: it holds a character "
                                   "outside the Basic Multilingual Plane "
                                   "(such as an emoji)",
                                   what));
}

void LegalityChecker::claimFolded(llvm::StringMap<Claim> &seen,
                                  StringRef name, SourceRange range,
                                  const std::string &what) {
  auto [it, inserted] =
      seen.try_emplace(name.lower(), Claim{name.str(), what});
  if (!inserted)
    unsupported(range, fmt::format("both {} and {}: {}", it->second.what, what,
                                   name == it->second.name
                                       ? "they share one namespace"
                                       : "it compares these names without "
                                         "ASCII case"));
}

void LegalityChecker::checkTable(const Table &table) {
  std::string tableWhat = fmt::format("table '{}'", table.name.str());
  checkName(table.name.name, table.range, tableWhat);
  if (caps.caseInsensitiveTableNames)
    claimFolded(relationNames, table.name.key(), table.range, tableWhat);
  llvm::StringMap<Claim> columnNames, indexNames;
  for (const Column &column : table.columns) {
    std::string what = columnName(table, column);
    checkName(column.name, column.range, what);
    if (caps.caseInsensitiveColumnNames)
      claimFolded(columnNames, column.name, column.range, what);
  }
  for (const auto &constraint : table.constraints) {
    if (llvm::isa<PrimaryKey>(constraint.get()) && caps.indexNamesPerTable)
      continue; // MySQL names it PRIMARY
    std::string what = fmt::format("constraint '{}' of table '{}'",
                                   constraint->name.str(), table.name.str());
    checkName(constraint->name, constraint->range, what);
    if (llvm::isa<ForeignKey>(constraint.get()) &&
        caps.foreignKeyNamesPerDatabase)
      claimFolded(foreignKeyNames, constraint->name, constraint->range, what);
    if (llvm::isa<UniqueConstraint>(constraint.get()) &&
        caps.caseInsensitiveIndexNames && caps.indexNamesPerTable)
      claimFolded(indexNames, constraint->name, constraint->range, what);
  }
  for (const Index &index : table.indexes) {
    std::string what = fmt::format("index '{}' of table '{}'",
                                   index.name.str(), table.name.str());
    checkName(index.name, index.range, what);
    if (caps.caseInsensitiveIndexNames)
      claimFolded(caps.indexNamesPerTable ? indexNames : relationNames,
                  caps.indexNamesPerTable
                      ? index.name.str()
                      : QualifiedName{table.name.ns, index.name}.key(),
                  index.range, what);
  }
  if (caps.rowidTables && table.options.withoutRowid &&
      !table.getPrimaryKey())
    unsupported(table.range,
                fmt::format("the WITHOUT ROWID table '{}' without a primary "
                            "key",
                            table.name.str()));
  for (const Column &column : table.columns)
    checkColumn(table, column);
  for (const auto &constraint : table.constraints)
    checkConstraint(table, *constraint);
  for (const Index &index : table.indexes)
    checkIndex(table, index);
}

bool LegalityChecker::run() {
  if (!caps.namespaces)
    for (const Namespace &ns : schema.namespaces)
      unsupported(ns.range,
                  fmt::format("the namespace '{}' (schemas as namespaces)",
                              ns.name.str()));
  for (const auto &sequence : schema.sequences) {
    if (!caps.sequences)
      unsupported(sequence->range,
                  fmt::format("the sequence '{}'", sequence->name.str()));
    else if (sequence->ownedBy &&
             sequence->ownedBy->table.ns != sequence->name.ns)
      unsupported(sequence->range,
                  fmt::format("the sequence '{}' owned by a table in another "
                              "schema ('{}')",
                              sequence->name.str(),
                              sequence->ownedBy->table.str()));
  }
  for (const auto &e : schema.enums)
    if (!e->comment.empty() && !caps.enumComments)
      approximated(e->range,
                   fmt::format("keeps no comment on the enum '{}' (its values "
                               "are written into each column); the doc "
                               "comment is dropped",
                               e->name.str()));
  for (const auto &table : schema.tables)
    checkTable(*table);
  for (const auto &view : schema.views) {
    std::string what = fmt::format("view '{}'", view->name.str());
    checkName(view->name.name, view->range, what);
    if (caps.caseInsensitiveTableNames)
      claimFolded(relationNames, view->name.key(), view->range, what);
    if (view->materialized && !caps.materializedViews)
      unsupported(view->range, fmt::format("the materialized view '{}'",
                                           view->name.str()));
    else if (!view->comment.empty() && !caps.viewComments)
      approximated(view->range,
                   fmt::format("keeps no comment on the view '{}'; the doc "
                               "comment is dropped",
                               view->name.str()));
  }
  return ok;
}

} // namespace

bool backends::checkDialectLegality(const Schema &schema, Dialect d,
                                    DiagnosticEngine &diags) {
  return LegalityChecker(schema, d, diags).run();
}

const Column *backends::getSQLiteRowidColumn(const Table &table) {
  if (table.options.withoutRowid)
    return nullptr;
  const PrimaryKey *pk = table.getPrimaryKey();
  if (!pk || pk->columns.size() != 1)
    return nullptr;
  const Column *column = table.findColumn(pk->columns.front());
  return column && column->type.isInteger() && !column->type.isUnsigned
             ? column
             : nullptr;
}
