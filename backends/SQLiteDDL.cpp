//===- SQLiteDDL.cpp - SQLite 3.40 statements for single IR objects -------===//
//
// One CREATE TABLE per table holding every column and constraint, foreign
// keys included (SQLite cannot add them later). Declared type names are chosen
// for their SQLite affinity and keep the IR meaning readable
// (docs/dialects.md). SQLite has no COMMENT, but it keeps the CREATE text
// verbatim in sqlite_schema, so doc comments become
// `--` lines inside the statements.
//
//===----------------------------------------------------------------------===//

#include "backends/SQLiteDDL.h"
#include "backends/DialectLegality.h"
#include "backends/SQLExprPrinter.h"
#include "backends/SQLFragments.h"
#include "backends/SQLQuoting.h"
#include "ir/ViewOrder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

constexpr Dialect Lite = Dialect::SQLite;

std::string literal(StringRef text) { return quoteStringLiteral(Lite, text); }

std::string quoteList(llvm::ArrayRef<StringRef> names) {
  return quoteIdentifierList(Lite, names);
}

/// "(p)" or "(p,s)" for the type's modifiers; "" without any.
std::string modifiers(const Type &t) {
  if (t.numModifiers == 0)
    return "";
  if (t.numModifiers == 1)
    return fmt::format("({})", t.modifiers[0]);
  return fmt::format("({},{})", t.modifiers[0], t.modifiers[1]);
}

/// A doc comment as `--` lines, each ending in a newline; "" if none.
std::string commentLines(StringRef text, StringRef indent) {
  std::string out;
  if (text.empty())
    return out;
  llvm::SmallVector<StringRef, 4> lines;
  text.split(lines, '\n');
  for (StringRef line : lines) {
    line = line.rtrim();
    out += indent.str() + (line.empty() ? "--" : "-- " + line.str()) + '\n';
  }
  return out;
}

} // namespace

/// The declared type: its affinity is the right one (INT -> INTEGER,
/// CHAR/TEXT -> TEXT, BLOB, REAL/DOUB -> REAL, else NUMERIC) and its name
/// keeps the IR meaning. Types SQLite has no affinity for and whose values
/// are text get a two-word name ending in TEXT; `interval` cannot be named
/// (any name holding "INT" has INTEGER affinity), so it is plain TEXT.
std::string backends::getSQLiteTypeName(const Type &t) {
  switch (t.kind) {
  case TypeKind::Boolean:
    return "BOOLEAN";
  case TypeKind::SmallInt:
    return "SMALLINT";
  case TypeKind::Integer:
    return "INTEGER";
  case TypeKind::BigInt:
    return "BIGINT";
  case TypeKind::Real:
    return "REAL";
  case TypeKind::DoublePrecision:
    return "DOUBLE PRECISION";
  case TypeKind::Numeric:
    return "NUMERIC" + modifiers(t);
  case TypeKind::Text:
  case TypeKind::Enum: // checked by an inline CHECK (col IN (...))
  case TypeKind::Interval:
    return "TEXT";
  case TypeKind::Varchar:
    return "VARCHAR" + modifiers(t);
  case TypeKind::Char:
    return "CHARACTER" + modifiers(t);
  case TypeKind::Bytes:
    return "BLOB";
  case TypeKind::Date:
    return "DATE TEXT";
  case TypeKind::Time:
    return "TIME TEXT";
  case TypeKind::TimeTz:
    return "TIMETZ TEXT";
  case TypeKind::Timestamp:
    return "TIMESTAMP TEXT";
  case TypeKind::TimestampTz:
    return "TIMESTAMPTZ TEXT";
  case TypeKind::Uuid:
    return "UUID TEXT";
  case TypeKind::Json:
    return "JSON TEXT";
  case TypeKind::Jsonb:
    return "JSONB TEXT";
  case TypeKind::Native:
    return StringRef(t.name).upper() + modifiers(t);
  }
  llvm_unreachable("unknown type kind");
}

/// The declared type in a STRICT table, which takes only INT, INTEGER,
/// REAL, TEXT, BLOB and ANY. Numeric becomes ANY: no STRICT type keeps both
/// exact integers and decimals, and ANY stores values unconverted (unlike
/// NUMERIC affinity, which turns '1.50' into 1.5).
std::string backends::getSQLiteStrictTypeName(const Type &t) {
  switch (t.kind) {
  case TypeKind::Boolean:
  case TypeKind::SmallInt:
  case TypeKind::Integer:
  case TypeKind::BigInt:
    return "INTEGER";
  case TypeKind::Real:
  case TypeKind::DoublePrecision:
    return "REAL";
  case TypeKind::Numeric:
  case TypeKind::Native: // `any`, the one native SQLite type
    return "ANY";
  case TypeKind::Bytes:
    return "BLOB";
  default:
    return "TEXT";
  }
}

bool backends::isBareSQLiteDefault(const Expr *e) {
  if (const auto *u = llvm::dyn_cast<UnaryExpr>(e))
    return (u->getOp() == UnaryOp::Neg || u->getOp() == UnaryOp::Plus) &&
           llvm::isa<NumberLiteral>(u->getOperand());
  if (const auto *call = llvm::dyn_cast<FuncCall>(e))
    return call->hasNoParens();
  return llvm::isa<NullLiteral, BoolLiteral, NumberLiteral, StringLiteral>(e);
}

SQLiteDDL::SQLiteDDL(const Schema &schema, DiagnosticEngine &diags)
    : schema(schema), exprs(Lite, &diags) {}

std::string SQLiteDDL::quote(StringRef name) const {
  return quoteIdentifier(Lite, name);
}

std::string SQLiteDDL::columnDefinition(const Table &table,
                                        const Column &column) {
  std::string def =
      commentLines(column.comment, "  ") + "  " + quote(column.name) + ' ';
  if (&column == getSQLiteRowidColumn(table)) {
    def += "INTEGER";
    const PrimaryKey *pk = table.getPrimaryKey();
    if (pk->nameExplicit)
      def += " CONSTRAINT " + quote(pk->name);
    def += " PRIMARY KEY";
    // Identity values are never reused, as with a sequence; a plain rowid
    // reuses the largest after it is deleted.
    if (column.identity != Identity::None)
      def += " AUTOINCREMENT";
  } else {
    def += table.options.strict ? getSQLiteStrictTypeName(column.type)
                                : getSQLiteTypeName(column.type);
  }
  if (!column.collation.empty())
    def += " COLLATE " + column.collation.upper();
  if (column.defaultValue) {
    std::string value = exprs.print(column.defaultValue);
    def +=
        " DEFAULT " +
        (isBareSQLiteDefault(column.defaultValue) ? value : '(' + value + ')');
  }
  if (column.generated)
    def += " GENERATED ALWAYS AS (" + exprs.print(column.generated->expr) +
           (column.generated->stored ? ") STORED" : ") VIRTUAL");
  if (!column.nullable)
    def += " NOT NULL";
  if (column.type.kind == TypeKind::Enum && column.type.arrayDims == 0) {
    if (const EnumType *e =
            schema.findEnum({column.type.ns, column.type.name})) {
      std::string values;
      for (const EnumValue &value : e->values)
        values += (values.empty() ? "" : ", ") + literal(value.name);
      def += " CHECK (" + quote(column.name) + " IN (" + values + "))";
    }
  }
  return def;
}

std::string SQLiteDDL::tableConstraint(const Constraint &constraint) {
  std::string def = "  ";
  if (constraint.nameExplicit)
    def += "CONSTRAINT " + quote(constraint.name) + ' ';
  if (const auto *pk = llvm::dyn_cast<PrimaryKey>(&constraint))
    return def + "PRIMARY KEY (" + quoteList(pk->columns) + ')';
  if (const auto *unique = llvm::dyn_cast<UniqueConstraint>(&constraint))
    return def + "UNIQUE (" + quoteList(unique->columns) + ')';
  if (const auto *fk = llvm::dyn_cast<ForeignKey>(&constraint)) {
    def += "FOREIGN KEY (" + quoteList(fk->columns) + ") REFERENCES " +
           quote(fk->refTable.name);
    if (!fk->refColumns.empty())
      def += " (" + quoteList(fk->refColumns) + ')';
    if (fk->onDelete != RefAction::NoAction)
      def += (" ON DELETE " + getRefActionSQL(fk->onDelete)).str();
    if (fk->onUpdate != RefAction::NoAction)
      def += (" ON UPDATE " + getRefActionSQL(fk->onUpdate)).str();
    // Plain DEFERRABLE is INITIALLY IMMEDIATE on SQLite, as on PostgreSQL.
    if (fk->deferrable)
      def += fk->initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED"
                                   : " DEFERRABLE INITIALLY IMMEDIATE";
    return def;
  }
  const auto &check = llvm::cast<CheckConstraint>(constraint);
  return def + "CHECK (" + exprs.print(check.expr) + ')';
}

std::string SQLiteDDL::createTable(const Table &table, StringRef name) {
  std::vector<std::string> lines;
  for (const Column &column : table.columns)
    lines.push_back(columnDefinition(table, column));
  const Column *rowid = getSQLiteRowidColumn(table);
  for (const auto &constraint : table.constraints)
    if (!(rowid && llvm::isa<PrimaryKey>(constraint.get())))
      lines.push_back(tableConstraint(*constraint));

  // The table's comment comes first, unindented; a column's comment lines
  // precede it, indented like the column.
  std::string text = "CREATE TABLE " +
                     quote(name.empty() ? StringRef(table.name.name) : name) +
                     " (\n" + commentLines(table.comment, "");
  for (size_t i = 0; i < lines.size(); ++i)
    text += (i ? ",\n" : "") + lines[i];
  text += "\n)";
  if (table.options.withoutRowid)
    text += " WITHOUT ROWID";
  if (table.options.strict)
    text += table.options.withoutRowid ? ", STRICT" : " STRICT";
  return text;
}

std::string SQLiteDDL::indexElement(const IndexElement &element) {
  std::string text;
  const auto *ref = llvm::dyn_cast<ColumnRef>(element.expr);
  if (ref && ref->getTable().empty())
    text = quote(ref->getColumn());
  else
    text = '(' + exprs.print(element.expr) + ')';
  if (!element.collation.empty())
    text += " COLLATE " + element.collation.upper();
  text += getSortOrderSQL(element.order);
  return text;
}

std::string SQLiteDDL::createIndex(const Table &table, const Index &index) {
  std::string text = index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  text += quote(index.name) + " ON " + quote(table.name.name) + " (";
  if (!index.comment.empty())
    text += '\n' + commentLines(index.comment, "  ") + "  ";
  for (size_t i = 0; i < index.elements.size(); ++i)
    text += (i ? ", " : "") + indexElement(index.elements[i]);
  text += ')';
  if (index.where)
    text += " WHERE " + exprs.print(index.where);
  return text;
}

std::string SQLiteDDL::createView(const View &view) {
  return "CREATE VIEW " + quote(view.name.name) + " AS\n" +
         commentLines(view.comment, "") + getViewBody(view.query);
}
