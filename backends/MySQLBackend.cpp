//===- MySQLBackend.cpp - the "mysql" backend: DDL for MySQL and MariaDB --===//
//
// One CREATE TABLE per table with its columns, keys, checks and options;
// then indexes (CREATE INDEX), the index every foreign key needs where no
// key starts with its columns, the foreign keys (ALTER TABLE, after every
// table, so cycles work) and views. Enums are written inline as ENUM(...),
// identity and serial columns as AUTO_INCREMENT, doc comments as COMMENT
// clauses. Tested on MariaDB 10.11; docs/dialects.md has the mapping and
// the MySQL 8 differences. The legality pass has rejected what MySQL
// cannot hold before this runs.
//
//===----------------------------------------------------------------------===//

#include "backends/Backends.h"
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

std::string quote(StringRef name) { return quoteIdentifier(My, name); }
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

class DDLWriter {
public:
  DDLWriter(const Schema &schema, DiagnosticEngine &diags)
      : schema(schema), exprs(My, &diags) {}

  std::string write();
  bool hasErrors() const { return exprs.hasErrors(); }

private:
  std::string enumValues(const Type &t) const;
  std::string defaultClause(const Column &column);
  std::string columnDefinition(const Column &column);
  std::string tableStatement(const Table &table);
  std::string indexStatement(const Table &table, const Index &index);
  /// The index a foreign key needs, unless a key already starts with its
  /// columns (InnoDB would create one implicitly, under the FK's name).
  std::optional<std::string> foreignKeyIndex(const Table &table,
                                             const ForeignKey &fk);
  std::string foreignKeyStatement(const Table &table, const ForeignKey &fk);

  const Schema &schema;
  SQLExprPrinter exprs;
};

std::string DDLWriter::enumValues(const Type &t) const {
  std::string values;
  if (const EnumType *e = schema.findEnum({t.ns, t.name}))
    for (const EnumValue &value : e->values)
      values += (values.empty() ? "" : ",") + literal(value.name);
  return values;
}

std::string DDLWriter::defaultClause(const Column &column) {
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

std::string DDLWriter::columnDefinition(const Column &column) {
  std::string def = "  " + quote(column.name) + ' ' +
                    getMySQLTypeName(column.type, enumValues(column.type));
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

std::string DDLWriter::tableStatement(const Table &table) {
  std::vector<std::string> lines;
  for (const Column &column : table.columns)
    lines.push_back(columnDefinition(column));
  // MySQL names the primary key PRIMARY whatever it is called.
  for (const auto &constraint : table.constraints) {
    if (const auto *pk = llvm::dyn_cast<PrimaryKey>(constraint.get()))
      lines.push_back("  PRIMARY KEY (" + quoteList(pk->columns) + ')');
    else if (const auto *u = llvm::dyn_cast<UniqueConstraint>(constraint.get()))
      lines.push_back("  UNIQUE KEY " + quote(u->name) + " (" +
                      quoteList(u->columns) + ')');
    else if (const auto *c = llvm::dyn_cast<CheckConstraint>(constraint.get()))
      lines.push_back("  CONSTRAINT " + quote(c->name) + " CHECK (" +
                      exprs.print(c->expr) + ')');
  }
  std::string text = "CREATE TABLE " + quote(table.name.name) + " (\n";
  for (size_t i = 0; i < lines.size(); ++i)
    text += (i ? ",\n" : "") + lines[i];
  text += "\n)";
  const TableOptions &options = table.options;
  if (!options.engine.empty())
    text += " ENGINE=" + optionName(options.engine);
  if (!options.charset.empty())
    text += " DEFAULT CHARSET=" + optionName(options.charset);
  if (!options.collation.empty())
    text += " COLLATE=" + optionName(options.collation);
  if (!table.comment.empty())
    text += " COMMENT=" + literal(table.comment);
  return text;
}

std::string DDLWriter::indexStatement(const Table &table, const Index &index) {
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

std::optional<std::string> DDLWriter::foreignKeyIndex(const Table &table,
                                                      const ForeignKey &fk) {
  auto startsWithFK = [&](llvm::ArrayRef<StringRef> columns) {
    return columns.size() >= fk.columns.size() &&
           llvm::equal(columns.take_front(fk.columns.size()), fk.columns);
  };
  for (const auto &constraint : table.constraints) {
    if (const auto *pk = llvm::dyn_cast<PrimaryKey>(constraint.get()))
      if (startsWithFK(pk->columns))
        return std::nullopt;
    if (const auto *u = llvm::dyn_cast<UniqueConstraint>(constraint.get()))
      if (startsWithFK(u->columns))
        return std::nullopt;
  }
  for (const Index &index : table.indexes) {
    std::vector<StringRef> columns;
    // A prefix key cannot back a foreign key: columns end before it.
    for (const IndexElement &element : index.elements) {
      if (element.prefixLength)
        break;
      columns.push_back(llvm::cast<ColumnRef>(element.expr)->getColumn());
    }
    if (startsWithFK(columns))
      return std::nullopt;
  }
  return "CREATE INDEX " + quote(fk.name) + " ON " + quote(table.name.name) +
         " (" + quoteList(fk.columns) + ')';
}

std::string DDLWriter::foreignKeyStatement(const Table &table,
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

std::string DDLWriter::write() {
  std::vector<std::string> statements;
  for (const auto &table : schema.tables)
    statements.push_back(tableStatement(*table));
  for (const auto &table : schema.tables)
    for (const Index &index : table->indexes)
      statements.push_back(indexStatement(*table, index));
  for (const auto &table : schema.tables)
    for (const auto &constraint : table->constraints)
      if (const auto *fk = llvm::dyn_cast<ForeignKey>(constraint.get())) {
        if (std::optional<std::string> index = foreignKeyIndex(*table, *fk))
          statements.push_back(*index);
        statements.push_back(foreignKeyStatement(*table, *fk));
      }
  for (const View *view : orderViewsForCreation(schema))
    statements.push_back("CREATE VIEW " + quote(view->name.name) + " AS\n" +
                         getViewBody(view->query));
  return joinStatements(statements);
}

class MySQLBackend : public Backend {
public:
  StringRef getName() const override { return "mysql"; }
  StringRef getDescription() const override {
    return "the complete DDL for MySQL 8 and MariaDB 10.11";
  }
  bool run(const Schema &schema, llvm::raw_ostream &os,
           DiagnosticEngine &diags) override {
    DDLWriter writer(schema, diags);
    std::string text = writer.write();
    if (writer.hasErrors())
      return false;
    os << text;
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> schemac::createMySQLBackend() {
  return std::make_unique<MySQLBackend>();
}
