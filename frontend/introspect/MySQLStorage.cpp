//===- MySQLStorage.cpp - schemas in the form a MySQL database holds them -===//
//
// Each rewrite is what the MySQL pull (MySQLColumns.cpp, MySQLKeys.cpp,
// MySQLExprMapping.cpp) reads back for what export writes; the column type
// goes through the pull's own mapping of export's type name, so the two
// cannot drift apart.
//
//===----------------------------------------------------------------------===//

#include "backends/SQLTypes.h"
#include "frontend/introspect/MySQLIntrospector.h"
#include "frontend/introspect/StoredForm.h"
#include "llvm/ADT/STLExtras.h"

using namespace schemac;
using namespace schemac::ir;

/// The type a pull reads back for the column type export writes for `t`.
static Type storedType(const Type &t, Schema &schema) {
  // Enums are inline already (toStoredForm); MySQL has no arrays and no
  // time zone or interval types (dialect legality refuses them).
  if (t.kind == TypeKind::Enum || t.kind == TypeKind::TimeTz ||
      t.kind == TypeKind::Interval || t.arrayDims)
    return t;
  Type stored = introspect::parseMySQLColumnType(
                    backends::getMySQLTypeName(t, ""), schema)
                    .type;
  // The server gives DECIMAL(p) its scale: it prints decimal(p,0).
  if (stored.kind == TypeKind::Numeric && stored.numModifiers == 1)
    stored.addModifier(0);
  return stored;
}

/// Whether `e` is the current time at the precision of a `precision`-digit
/// timestamp column: export writes CURRENT_TIMESTAMP(p) for each of these.
static bool isCurrentTime(const Expr *e, int64_t precision) {
  const auto *call = llvm::dyn_cast_or_null<FuncCall>(e);
  if (!call || !call->getSchema().empty() ||
      !llvm::is_contained({"now", "current_timestamp", "localtimestamp"},
                          call->getName()))
    return false;
  if (call->getArgs().empty())
    return true;
  const auto *n = llvm::dyn_cast<NumberLiteral>(call->getArgs()[0]);
  return call->getArgs().size() == 1 && n &&
         n->getText() == std::to_string(precision);
}

static void canonicalizeColumn(Column &column, Schema &schema) {
  column.type = storedType(column.type, schema);
  if (column.identity != Identity::None)
    column.identity = Identity::ByDefault;
  const Type &t = column.type;
  if ((t.kind == TypeKind::Timestamp || t.kind == TypeKind::TimestampTz) &&
      isCurrentTime(column.defaultValue, t.numModifiers ? t.modifiers[0] : 6))
    column.defaultValue = schema.getArena().create<FuncCall>(
        "", "now", llvm::ArrayRef<const Expr *>(), false, false, false,
        SourceRange());
}

/// A unique index MySQL reads back as a unique key: plain columns, in
/// B-tree order, without a comment.
static bool isPlainUniqueIndex(const Index &index) {
  return index.unique && index.method.empty() && index.comment.empty() &&
         index.include.empty() && !index.where &&
         llvm::all_of(index.elements, [](const IndexElement &e) {
           return llvm::isa<ColumnRef>(e.expr) && !e.prefixLength &&
                  e.collation.empty() && e.opclass.empty() &&
                  e.order == SortOrder::Default &&
                  e.nulls == NullsOrder::Default;
         });
}

static void canonicalizeKeys(Table &table) {
  for (std::unique_ptr<Constraint> &c : table.constraints) {
    if (llvm::isa<PrimaryKey>(c.get())) {
      c->name = "PRIMARY";
    } else if (auto *fk = llvm::dyn_cast<ForeignKey>(c.get())) {
      if (fk->onDelete == RefAction::Restrict)
        fk->onDelete = RefAction::NoAction;
      if (fk->onUpdate == RefAction::Restrict)
        fk->onUpdate = RefAction::NoAction;
    }
  }
  for (Index &index : table.indexes)
    for (IndexElement &element : index.elements)
      if (element.order == SortOrder::Asc)
        element.order = SortOrder::Default;
  std::vector<Index> kept;
  for (Index &index : table.indexes) {
    if (!isPlainUniqueIndex(index)) {
      kept.push_back(std::move(index));
      continue;
    }
    auto unique = std::make_unique<UniqueConstraint>();
    unique->name = index.name;
    unique->nameExplicit = true;
    for (const IndexElement &e : index.elements)
      unique->columns.push_back(llvm::cast<ColumnRef>(e.expr)->getColumn());
    table.constraints.push_back(std::move(unique));
  }
  table.indexes = std::move(kept);
}

void introspect::canonicalizeMySQLStorage(Schema &schema) {
  for (const std::unique_ptr<Table> &table : schema.tables) {
    for (Column &column : table->columns)
      canonicalizeColumn(column, schema);
    canonicalizeKeys(*table);
  }
  schema.canonicalize(); // constraints sorted again
}
