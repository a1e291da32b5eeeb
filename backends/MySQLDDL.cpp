//===- MySQLDDL.cpp - MySQL and MariaDB statements for single IR objects -===//
//
// CREATE TABLE holds a table's columns, keys, checks and options; indexes,
// foreign keys (with the index InnoDB needs) and views are statements of
// their own. Enums are written inline as ENUM(...),
// identity and serial columns as AUTO_INCREMENT, doc comments as COMMENT
// clauses. Tested on MariaDB 10.11; docs/dialects.md has the mapping and
// the MySQL 8 differences. The legality pass has rejected what MySQL
// cannot hold before this runs.
//
//===----------------------------------------------------------------------===//

#include "backends/MySQLDDL.h"
#include "backends/SQLExprPrinter.h"
#include "backends/SQLFragments.h"
#include "backends/SQLQuoting.h"
#include "backends/SQLTypes.h"
#include "ir/ViewOrder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

constexpr Dialect My = Dialect::MySQL;

std::string literal(StringRef text) { return quoteStringLiteral(My, text); }
std::string quoteList(llvm::ArrayRef<StringRef> names) {
  return quoteIdentifierList(My, names);
}

/// A charset or collation name: bare when it is a plain word, else a string.
std::string optionName(StringRef name) {
  bool plain = !name.empty() && llvm::all_of(name, [](char c) {
    return llvm::isAlnum(c) || c == '_';
  });
  return plain ? name.str() : literal(name);
}

/// MySQL takes these defaults bare; anything else as DEFAULT (expr).
bool isBareDefault(const Expr *e) {
  if (const auto *u = llvm::dyn_cast<UnaryExpr>(e))
    return (u->getOp() == UnaryOp::Neg || u->getOp() == UnaryOp::Plus) &&
           llvm::isa<NumberLiteral>(u->getOperand());
  return llvm::isa<NullLiteral, BoolLiteral, NumberLiteral, StringLiteral>(e);
}

/// now(), current_timestamp, localtimestamp...: the current time.
bool isCurrentTimestamp(const Expr *e) {
  const auto *call = llvm::dyn_cast<FuncCall>(e);
  if (!call || !call->getArgs().empty() || !call->getSchema().empty())
    return false;
  StringRef name = call->getName();
  return name.equals_insensitive("now") ||
         name.equals_insensitive("current_timestamp") ||
         name.equals_insensitive("localtimestamp");
}

bool isTemporalWithTime(const Type &t) {
  return t.arrayDims == 0 &&
         (t.kind == TypeKind::Timestamp || t.kind == TypeKind::TimestampTz);
}

} // namespace

MySQLDDL::MySQLDDL(const Schema &schema, DiagnosticEngine &diags)
    : schema(schema), exprs(My, &diags) {}

std::string MySQLDDL::quote(StringRef name) const {
  return quoteIdentifier(My, name);
}

std::string MySQLDDL::enumValues(const Type &t) const {
  std::string values;
  if (const EnumType *e = schema.findEnum({t.ns, t.name}))
    for (const EnumValue &value : e->values)
      values += (values.empty() ? "" : ",") + literal(value.name);
  return values;
}

std::string MySQLDDL::defaultClause(const Column &column) {
  const Expr *value = column.defaultValue;
  if (isCurrentTimestamp(value) && isTemporalWithTime(column.type)) {
    // The precision must match the column's, and it stays bare so MySQL
    // treats it as the special CURRENT_TIMESTAMP default.
    int64_t p = column.type.numModifiers ? column.type.modifiers[0] : 6;
    return fmt::format(" DEFAULT CURRENT_TIMESTAMP({})", p);
  }
  std::string text = exprs.print(value);
  // Off-row columns take literal defaults only in parentheses on MySQL 8
  // (MariaDB takes both).
  if (isBareDefault(value) && !isMySQLOffRowType(column.type))
    return " DEFAULT " + text;
  return " DEFAULT (" + text + ')';
}

std::string MySQLDDL::columnDefinition(const Column &column,
                                       StringRef values) {
  std::string def =
      "  " + quote(column.name) + ' ' +
      getMySQLTypeName(column.type,
                       values.empty() ? enumValues(column.type) : values.str());
  if (!column.collation.empty())
    def += " COLLATE " + optionName(column.collation);
  if (column.generated)
    def += " GENERATED ALWAYS AS (" + exprs.print(column.generated->expr) +
           (column.generated->stored ? ") STORED" : ") VIRTUAL");
  // Generated columns take no NULL clause on MariaDB (legality ensures
  // they are nullable).
  if (!column.generated)
    def += column.nullable ? " NULL" : " NOT NULL";
  if (column.defaultValue)
    def += defaultClause(column);
  if (column.identity != Identity::None)
    def += " AUTO_INCREMENT";
  if (!column.comment.empty())
    def += " COMMENT " + literal(column.comment);
  return def;
}

std::string MySQLDDL::createTable(const Table &table) {
  std::vector<std::string> lines;
  for (const Column &column : table.columns)
    lines.push_back(columnDefinition(column));
  for (const auto &constraint : table.constraints)
    if (!llvm::isa<ForeignKey>(constraint.get()))
      lines.push_back("  " + keyDefinition(*constraint));
  std::string text = "CREATE TABLE " + quote(table.name.name) + " (\n";
  for (size_t i = 0; i < lines.size(); ++i)
    text += (i ? ",\n" : "") + lines[i];
  text += "\n)";
  std::string options = tableOptions(table);
  return options.empty() ? text : text + ' ' + options;
}

std::string MySQLDDL::keyDefinition(const Constraint &constraint) {
  // MySQL names the primary key PRIMARY whatever it is called.
  if (const auto *pk = llvm::dyn_cast<PrimaryKey>(&constraint))
    return "PRIMARY KEY (" + quoteList(pk->columns) + ')';
  if (const auto *u = llvm::dyn_cast<UniqueConstraint>(&constraint))
    return "UNIQUE KEY " + quote(u->name) + " (" + quoteList(u->columns) + ')';
  const auto &check = llvm::cast<CheckConstraint>(constraint);
  return "CONSTRAINT " + quote(check.name) + " CHECK (" +
         exprs.print(check.expr) + ')';
}

std::string MySQLDDL::tableOptions(const Table &table) const {
  std::vector<std::string> parts;
  const TableOptions &options = table.options;
  if (!options.engine.empty())
    parts.push_back("ENGINE=" + optionName(options.engine));
  if (!options.charset.empty())
    parts.push_back("DEFAULT CHARSET=" + optionName(options.charset));
  if (!options.collation.empty())
    parts.push_back("COLLATE=" + optionName(options.collation));
  if (!table.comment.empty())
    parts.push_back("COMMENT=" + literal(table.comment));
  return llvm::join(parts, " ");
}

std::string MySQLDDL::createIndex(const Table &table, const Index &index) {
  std::string text = index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  text += quote(index.name) + " ON " + quote(table.name.name) + " (";
  for (size_t i = 0; i < index.elements.size(); ++i) {
    const IndexElement &element = index.elements[i];
    text += (i ? ", " : "") +
            quote(llvm::cast<ColumnRef>(element.expr)->getColumn());
    if (element.prefixLength)
      text += fmt::format("({})", *element.prefixLength);
    text += getSortOrderSQL(element.order);
  }
  text += ')';
  if (!index.method.empty())
    text += " USING " + index.method.upper();
  if (!index.comment.empty())
    text += " COMMENT " + literal(index.comment);
  return text;
}

std::vector<StringRef> backends::getMySQLKeyColumns(const Constraint &key) {
  if (const auto *pk = llvm::dyn_cast<PrimaryKey>(&key))
    return pk->columns;
  if (const auto *u = llvm::dyn_cast<UniqueConstraint>(&key))
    return u->columns;
  return {};
}

std::vector<StringRef> backends::getMySQLKeyColumns(const Index &index) {
  std::vector<StringRef> columns;
  for (const IndexElement &element : index.elements) {
    const auto *ref = llvm::dyn_cast<ColumnRef>(element.expr);
    if (!ref || element.prefixLength)
      break;
    columns.push_back(ref->getColumn());
  }
  return columns;
}

std::optional<std::string> MySQLDDL::foreignKeyIndex(const Table &table,
                                                      const ForeignKey &fk) {
  auto startsWithFK = [&](llvm::ArrayRef<StringRef> columns) {
    return columns.size() >= fk.columns.size() &&
           llvm::equal(columns.take_front(fk.columns.size()), fk.columns);
  };
  for (const auto &constraint : table.constraints)
    if (startsWithFK(getMySQLKeyColumns(*constraint)))
      return std::nullopt;
  for (const Index &index : table.indexes)
    if (startsWithFK(getMySQLKeyColumns(index)))
      return std::nullopt;
  return createForeignKeyIndex(table.name.name, fk);
}

std::string MySQLDDL::createForeignKeyIndex(StringRef table,
                                            const ForeignKey &fk) const {
  return "CREATE INDEX " + quote(fk.name) + " ON " + quote(table) + " (" +
         quoteList(fk.columns) + ')';
}

std::string MySQLDDL::addForeignKey(const Table &table,
                                    const ForeignKey &fk) {
  std::string text = "ALTER TABLE " + quote(table.name.name) +
                     " ADD CONSTRAINT " + quote(fk.name) + " FOREIGN KEY (" +
                     quoteList(fk.columns) + ") REFERENCES " +
                     quote(fk.refTable.name) + " (" +
                     quoteList(fk.refColumns) + ')';
  if (fk.onDelete != RefAction::NoAction)
    text += (" ON DELETE " + getRefActionSQL(fk.onDelete)).str();
  if (fk.onUpdate != RefAction::NoAction)
    text += (" ON UPDATE " + getRefActionSQL(fk.onUpdate)).str();
  return text;
}

std::string MySQLDDL::createView(const View &view) const {
  return "CREATE VIEW " + quote(view.name.name) + " AS\n" +
         getViewBody(view.query);
}
