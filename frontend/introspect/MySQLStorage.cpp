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
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

using namespace schemac;
using namespace schemac::ir;
using llvm::StringRef;

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

/// A one-element IN as the comparison MySQL stores it as, anywhere in `e`.
static const Expr *storedCondition(const Expr *e, ExprArena &arena) {
  if (!e)
    return nullptr;
  if (const auto *in = llvm::dyn_cast<InExpr>(e);
      in && in->getList().size() == 1)
    return arena.create<BinaryExpr>(
        in->isNegated() ? BinaryOp::Ne : BinaryOp::Eq,
        storedCondition(in->getOperand(), arena),
        storedCondition(in->getList()[0], arena), SourceRange());
  return mapChildren(e, arena, [&](const Expr *child) {
    return storedCondition(child, arena);
  });
}

/// `digits` of a decimal literal with exactly `scale` fraction digits, as
/// MySQL prints a DECIMAL(p,s) default; empty if it would round.
static std::string withScale(llvm::StringRef digits, int64_t scale) {
  auto [whole, fraction] = digits.split('.');
  if (whole.empty() || !llvm::all_of(whole, llvm::isDigit) ||
      !llvm::all_of(fraction, llvm::isDigit) || fraction.size() > size_t(scale))
    return "";
  std::string out = whole.str();
  if (scale > 0)
    out += "." + fraction.str() + std::string(scale - fraction.size(), '0');
  return out;
}

/// 'HH:MM[:SS[.f]]' as MySQL prints a time at `precision` digits; empty if
/// `text` is not of that form.
static std::string storedTime(llvm::StringRef text, int64_t precision) {
  llvm::SmallVector<llvm::StringRef, 3> parts;
  auto [clock, fraction] = text.split('.');
  clock.split(parts, ':');
  if (parts.size() < 2 || parts.size() > 3 ||
      fraction.size() > size_t(precision) ||
      !llvm::all_of(fraction, llvm::isDigit))
    return "";
  std::string out;
  for (size_t i = 0; i < 3; ++i) {
    llvm::StringRef part = i < parts.size() ? parts[i] : "00";
    if (part.empty() || part.size() > 2 || !llvm::all_of(part, llvm::isDigit))
      return "";
    out += (i ? ":" : "") + std::string(2 - part.size(), '0') + part.str();
  }
  if (precision > 0)
    out += "." + fraction.str() + std::string(precision - fraction.size(), '0');
  return out;
}

/// 'YYYY-MM-DD[ HH:MM[:SS[.f]]]' as MySQL prints a datetime at `precision`
/// digits; empty if `text` is not of that form.
static std::string storedDateTime(llvm::StringRef text, int64_t precision) {
  auto [date, time] = text.split(' ');
  llvm::SmallVector<llvm::StringRef, 3> parts;
  date.split(parts, '-');
  if (parts.size() != 3 || parts[0].size() != 4 || parts[1].size() != 2 ||
      parts[2].size() != 2 || !llvm::all_of(parts, [](llvm::StringRef p) {
        return llvm::all_of(p, llvm::isDigit);
      }))
    return "";
  std::string clock = storedTime(time.empty() ? "00:00" : time, precision);
  return clock.empty() ? "" : date.str() + " " + clock;
}

/// A literal default in the form MySQL prints it back: DECIMAL(p,s) with s
/// digits, times and datetimes in full with the column's fraction digits.
static const Expr *storedDefault(const Expr *e, const Type &t,
                                 ExprArena &arena) {
  int64_t precision = t.numModifiers ? t.modifiers[0] : 6;
  if (const auto *n = llvm::dyn_cast_or_null<NumberLiteral>(e)) {
    if (t.kind != TypeKind::Numeric || t.numModifiers != 2)
      return e;
    std::string text = withScale(n->getText(), t.modifiers[1]);
    return text.empty()
               ? e
               : arena.create<NumberLiteral>(arena.save(text), SourceRange());
  }
  const auto *s = llvm::dyn_cast_or_null<StringLiteral>(e);
  if (!s)
    return e;
  std::string text;
  if (t.kind == TypeKind::Time)
    text = storedTime(s->getValue(), precision);
  else if (t.kind == TypeKind::Timestamp || t.kind == TypeKind::TimestampTz)
    text = storedDateTime(s->getValue(), precision);
  return text.empty()
             ? e
             : arena.create<StringLiteral>(arena.save(text), SourceRange());
}

static void canonicalizeColumn(Column &column, Schema &schema) {
  ExprArena &arena = schema.getArena();
  column.type = storedType(column.type, schema);
  if (column.identity != Identity::None)
    column.identity = Identity::ByDefault;
  const Type &t = column.type;
  if ((t.kind == TypeKind::Timestamp || t.kind == TypeKind::TimestampTz) &&
      isCurrentTime(column.defaultValue, t.numModifiers ? t.modifiers[0] : 6))
    column.defaultValue =
        arena.create<FuncCall>("", "now", llvm::ArrayRef<const Expr *>(), false,
                               false, false, SourceRange());
  else if (t.arrayDims == 0)
    column.defaultValue = storedDefault(column.defaultValue, t, arena);
  if (column.generated)
    column.generated->expr = storedCondition(column.generated->expr, arena);
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

static void canonicalizeKeys(Table &table, ExprArena &arena) {
  for (std::unique_ptr<Constraint> &c : table.constraints) {
    if (auto *check = llvm::dyn_cast<CheckConstraint>(c.get())) {
      check->expr = storedCondition(check->expr, arena);
    } else if (llvm::isa<PrimaryKey>(c.get())) {
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
    canonicalizeKeys(*table, schema.getArena());
  }
  schema.canonicalize(); // constraints sorted again
}

void introspect::dropDefaultMySQLTableOptions(db::Connection &conn,
                                              Schema &schema) {
  llvm::Expected<db::QueryResult> defaults = conn.query(
      "SELECT @@default_storage_engine AS engine, "
      "s.DEFAULT_CHARACTER_SET_NAME AS charset, "
      "s.DEFAULT_COLLATION_NAME AS collation "
      "FROM information_schema.SCHEMATA s WHERE s.SCHEMA_NAME = DATABASE()");
  llvm::Expected<db::QueryResult> collations = conn.query(
      "SELECT COLLATION_NAME AS name, CHARACTER_SET_NAME AS "
      "charset, IS_DEFAULT AS dflt FROM information_schema.COLLATIONS");
  if (!defaults || !collations || defaults->getNumRows() != 1) {
    if (!defaults)
      llvm::consumeError(defaults.takeError());
    if (!collations)
      llvm::consumeError(collations.takeError());
    return;
  }
  db::ResultRow database(*defaults, 0);
  llvm::StringMap<std::string> charsetOf, defaultCollationOf;
  for (size_t r = 0; r < collations->getNumRows(); ++r) {
    db::ResultRow row(*collations, r);
    charsetOf[row["name"].lower()] = row["charset"].str();
    if (row["dflt"].equals_insensitive("yes"))
      defaultCollationOf[row["charset"].lower()] = row["name"].str();
  }
  StringRef dbCharset = database["charset"],
            dbCollation = database["collation"];
  for (const std::unique_ptr<Table> &table : schema.tables) {
    TableOptions &options = table->options;
    if (options.engine.equals_insensitive(database["engine"]))
      options.engine = "";
    // The charset and collation the server gives the table for export's
    // DEFAULT CHARSET / COLLATE, then MySQLIntrospector's rule for keeping
    // them.
    std::string charset = options.charset.lower();
    if (charset.empty() && !options.collation.empty())
      charset = charsetOf.lookup(options.collation.lower());
    else if (charset.empty())
      charset = dbCharset.lower();
    if (charset.empty())
      continue; // not a collation the server knows: leave it to differ
    std::string collation =
        !options.collation.empty() ? options.collation.lower()
        : !options.charset.empty() ? defaultCollationOf.lookup(charset)
                                   : dbCollation.lower();
    // A pull leaves out a column's collation that is the table's.
    for (Column &column : table->columns)
      if (column.collation.equals_insensitive(collation))
        column.collation = "";
    if (options.charset.empty() && options.collation.empty())
      continue;
    bool ownCharset = charset != dbCharset.lower();
    std::string expected =
        ownCharset ? defaultCollationOf.lookup(charset) : dbCollation.lower();
    bool ownCollation = collation != expected;
    // As the server names them (lower case).
    options.collation = ownCollation ? schema.save(collation) : "";
    options.charset = ownCharset || ownCollation ? schema.save(charset) : "";
  }
}
