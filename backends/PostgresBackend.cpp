//===- PostgresBackend.cpp - the "postgresql" backend: DDL for PG 15 ------===//
//
// Emits the complete schema in dependency order: schemas, enums, sequences,
// tables (columns and non-FK constraints), foreign keys (after every table,
// so cycles work), sequence ownership, indexes, views, comments. Every
// constraint and index is created under its IR name, explicit or derived.
//
//===----------------------------------------------------------------------===//

#include "backends/Backends.h"
#include "backends/SQLExprPrinter.h"
#include "backends/SQLQuoting.h"
#include "backends/SQLTypes.h"
#include "llvm/ADT/STLExtras.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

constexpr Dialect PG = Dialect::PostgreSQL;

std::string quote(StringRef name) { return quoteIdentifier(PG, name); }
std::string quote(const QualifiedName &name) {
  return quoteQualifiedName(PG, name);
}
std::string literal(StringRef text) { return quoteStringLiteral(PG, text); }

std::string quoteList(llvm::ArrayRef<StringRef> names) {
  std::string out;
  for (StringRef name : names) {
    if (!out.empty())
      out += ", ";
    out += quote(name);
  }
  return out;
}

/// The serial pseudo-type for an integer column, or "" for other types.
StringRef getSerialName(const Type &t) {
  if (!t.isInteger())
    return "";
  switch (t.kind) {
  case TypeKind::SmallInt:
    return "smallserial";
  case TypeKind::Integer:
    return "serial";
  default:
    return "bigserial";
  }
}

StringRef getRefActionSQL(RefAction action) {
  switch (action) {
  case RefAction::NoAction:
    return "NO ACTION";
  case RefAction::Restrict:
    return "RESTRICT";
  case RefAction::Cascade:
    return "CASCADE";
  case RefAction::SetNull:
    return "SET NULL";
  case RefAction::SetDefault:
    return "SET DEFAULT";
  }
  llvm_unreachable("unknown referential action");
}

/// A view query as the statement's tail: no surrounding blanks, no ';'.
StringRef getViewBody(StringRef query) {
  query = query.trim();
  while (query.consume_back(";"))
    query = query.rtrim();
  return query;
}

class DDLWriter {
public:
  DDLWriter(const Schema &schema, llvm::raw_ostream &os,
            DiagnosticEngine &diags)
      : schema(schema), os(os), diags(diags), exprs(PG, &diags) {}

  /// Reports everything PostgreSQL 15 cannot hold; false if anything was.
  bool check();
  void write();

private:
  void statement(StringRef text);
  std::string columnDefinition(const Column &column);
  std::string tableConstraint(const Constraint &constraint);
  std::string indexElement(const IndexElement &element);
  void writeTable(const Table &table);
  void writeSequence(const Sequence &sequence);
  void writeForeignKey(const Table &table, const ForeignKey &fk);
  void writeIndex(const Table &table, const Index &index);
  void writeComments();

  const Schema &schema;
  llvm::raw_ostream &os;
  DiagnosticEngine &diags;
  SQLExprPrinter exprs;
  bool first = true;
};

bool DDLWriter::check() {
  bool ok = true;
  for (const auto &table : schema.tables) {
    for (const Column &column : table->columns) {
      std::string where = fmt::format("column '{}' of table '{}'",
                                      column.name.str(), table->name.str());
      if (!isPostgresType(column.type)) {
        diags.report(DiagID::DialectUnsupported, column.range,
                     fmt::format("postgresql cannot hold the type '{}' of {}",
                                 getTypeSpelling(column.type), where));
        ok = false;
      }
      if (column.generated && !column.generated->stored) {
        diags.report(DiagID::DialectUnsupported, column.range,
                     fmt::format("postgresql 15 cannot hold the virtual "
                                 "generated {}; make it 'stored'",
                                 where));
        ok = false;
      }
      if (column.identity == Identity::Serial &&
          getSerialName(column.type).empty()) {
        diags.report(DiagID::DialectUnsupported, column.range,
                     fmt::format("postgresql has serial types only for "
                                 "smallint, integer and bigint, not for {}",
                                 where));
        ok = false;
      }
    }
  }
  for (const auto &sequence : schema.sequences) {
    if (sequence->ownedBy && sequence->ownedBy->table.ns != sequence->name.ns) {
      diags.report(DiagID::DialectUnsupported, sequence->range,
                   fmt::format("postgresql requires sequence '{}' to be in "
                               "the schema of its owner table '{}'",
                               sequence->name.str(),
                               sequence->ownedBy->table.str()));
      ok = false;
    }
  }
  return ok;
}

void DDLWriter::statement(StringRef text) {
  if (!first)
    os << '\n';
  first = false;
  os << text << ";\n";
}

std::string DDLWriter::columnDefinition(const Column &column) {
  std::string def = quote(column.name) + ' ';
  if (column.identity == Identity::Serial)
    def += getSerialName(column.type);
  else
    def += getPostgresTypeName(column.type);
  if (!column.collation.empty())
    def += " COLLATE " + quote(column.collation);
  if (column.identity == Identity::Always)
    def += " GENERATED ALWAYS AS IDENTITY";
  else if (column.identity == Identity::ByDefault)
    def += " GENERATED BY DEFAULT AS IDENTITY";
  if (column.defaultValue)
    def += " DEFAULT " + exprs.printOperand(column.defaultValue);
  if (column.generated)
    def += " GENERATED ALWAYS AS (" + exprs.print(column.generated->expr) +
           ") STORED";
  if (!column.nullable)
    def += " NOT NULL";
  return def;
}

std::string DDLWriter::tableConstraint(const Constraint &constraint) {
  std::string def = "CONSTRAINT " + quote(constraint.name) + ' ';
  if (const auto *pk = llvm::dyn_cast<PrimaryKey>(&constraint))
    return def + "PRIMARY KEY (" + quoteList(pk->columns) + ')';
  if (const auto *unique = llvm::dyn_cast<UniqueConstraint>(&constraint))
    return def + "UNIQUE " +
           (unique->nullsNotDistinct ? "NULLS NOT DISTINCT " : "") + '(' +
           quoteList(unique->columns) + ')';
  const auto &check = llvm::cast<CheckConstraint>(constraint);
  return def + "CHECK (" + exprs.print(check.expr) + ')';
}

void DDLWriter::writeTable(const Table &table) {
  std::vector<std::string> lines;
  for (const Column &column : table.columns)
    lines.push_back(columnDefinition(column));
  // In IR order (primary key, unique, check; by name within a kind). Foreign
  // keys come later, once every table exists.
  for (const auto &constraint : table.constraints)
    if (!llvm::isa<ForeignKey>(constraint.get()))
      lines.push_back(tableConstraint(*constraint));

  std::string text = "CREATE TABLE " + quote(table.name) + " (";
  for (size_t i = 0; i < lines.size(); ++i)
    text += (i ? ",\n  " : "\n  ") + lines[i];
  text += lines.empty() ? ")" : "\n)";
  statement(text);
}

void DDLWriter::writeSequence(const Sequence &sequence) {
  std::string text = "CREATE SEQUENCE " + quote(sequence.name) + " AS " +
                     getPostgresTypeName(sequence.type);
  if (sequence.increment)
    text += fmt::format(" INCREMENT BY {}", *sequence.increment);
  if (sequence.minValue)
    text += fmt::format(" MINVALUE {}", *sequence.minValue);
  if (sequence.maxValue)
    text += fmt::format(" MAXVALUE {}", *sequence.maxValue);
  if (sequence.start)
    text += fmt::format(" START WITH {}", *sequence.start);
  if (sequence.cache)
    text += fmt::format(" CACHE {}", *sequence.cache);
  if (sequence.cycle)
    text += " CYCLE";
  statement(text);
}

void DDLWriter::writeForeignKey(const Table &table, const ForeignKey &fk) {
  std::string text = "ALTER TABLE " + quote(table.name) + " ADD CONSTRAINT " +
                     quote(fk.name) + " FOREIGN KEY (" + quoteList(fk.columns) +
                     ") REFERENCES " + quote(fk.refTable);
  if (!fk.refColumns.empty())
    text += " (" + quoteList(fk.refColumns) + ')';
  if (fk.onDelete != RefAction::NoAction)
    text += (" ON DELETE " + getRefActionSQL(fk.onDelete)).str();
  if (fk.onUpdate != RefAction::NoAction)
    text += (" ON UPDATE " + getRefActionSQL(fk.onUpdate)).str();
  if (fk.deferrable)
    text +=
        fk.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
  statement(text);
}

std::string DDLWriter::indexElement(const IndexElement &element) {
  std::string text;
  const auto *ref = llvm::dyn_cast<ColumnRef>(element.expr);
  if (ref && ref->getTable().empty())
    text = quote(ref->getColumn());
  else
    text = '(' + exprs.print(element.expr) + ')';
  if (!element.collation.empty())
    text += " COLLATE " + quote(element.collation);
  if (!element.opclass.empty())
    text += ' ' + quote(element.opclass);
  if (element.order == SortOrder::Asc)
    text += " ASC";
  else if (element.order == SortOrder::Desc)
    text += " DESC";
  if (element.nulls == NullsOrder::First)
    text += " NULLS FIRST";
  else if (element.nulls == NullsOrder::Last)
    text += " NULLS LAST";
  return text;
}

void DDLWriter::writeIndex(const Table &table, const Index &index) {
  std::string text = index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  text += quote(index.name) + " ON " + quote(table.name);
  if (!index.method.empty())
    text += " USING " + quote(index.method);
  text += " (";
  for (size_t i = 0; i < index.elements.size(); ++i)
    text += (i ? ", " : "") + indexElement(index.elements[i]);
  text += ')';
  if (!index.include.empty())
    text += " INCLUDE (" + quoteList(index.include) + ')';
  if (index.where)
    text += " WHERE " + exprs.print(index.where);
  statement(text);
}

void DDLWriter::writeComments() {
  auto comment = [&](StringRef what, const std::string &name, StringRef text) {
    if (!text.empty())
      statement(fmt::format("COMMENT ON {} {} IS {}", what.str(), name,
                            literal(text)));
  };
  for (const Namespace &ns : schema.namespaces)
    comment("SCHEMA", quote(ns.name), ns.comment);
  for (const auto &enumType : schema.enums)
    comment("TYPE", getPostgresEnumName(enumType->name.ns, enumType->name.name),
            enumType->comment);
  for (const auto &sequence : schema.sequences)
    comment("SEQUENCE", quote(sequence->name), sequence->comment);
  for (const auto &table : schema.tables) {
    std::string tableName = quote(table->name);
    comment("TABLE", tableName, table->comment);
    for (const Column &column : table->columns)
      comment("COLUMN", tableName + '.' + quote(column.name), column.comment);
    for (const Index &index : table->indexes)
      comment("INDEX", quote(QualifiedName{table->name.ns, index.name}),
              index.comment);
  }
  for (const auto &view : schema.views)
    comment(view->materialized ? "MATERIALIZED VIEW" : "VIEW",
            quote(view->name), view->comment);
}

void DDLWriter::write() {
  // `public` exists in every new database; creating it again would fail.
  for (const Namespace &ns : schema.namespaces)
    if (ns.name != "public")
      statement("CREATE SCHEMA " + quote(ns.name));
  for (const auto &enumType : schema.enums) {
    std::string values;
    for (const EnumValue &value : enumType->values)
      values += (values.empty() ? "" : ", ") + literal(value.name);
    statement("CREATE TYPE " +
              getPostgresEnumName(enumType->name.ns, enumType->name.name) +
              " AS ENUM (" + values + ')');
  }
  for (const auto &sequence : schema.sequences)
    writeSequence(*sequence);
  for (const auto &table : schema.tables)
    writeTable(*table);
  for (const auto &table : schema.tables)
    for (const auto &constraint : table->constraints)
      if (const auto *fk = llvm::dyn_cast<ForeignKey>(constraint.get()))
        writeForeignKey(*table, *fk);
  for (const auto &sequence : schema.sequences)
    if (sequence->ownedBy)
      statement("ALTER SEQUENCE " + quote(sequence->name) + " OWNED BY " +
                quote(sequence->ownedBy->table) + '.' +
                quote(sequence->ownedBy->column));
  for (const auto &table : schema.tables)
    for (const Index &index : table->indexes)
      writeIndex(*table, index);
  for (const auto &view : schema.views)
    statement(fmt::format("CREATE {}VIEW {} AS\n{}",
                          view->materialized ? "MATERIALIZED " : "",
                          quote(view->name), getViewBody(view->query).str()));
  writeComments();
}

class PostgresBackend : public Backend {
public:
  StringRef getName() const override { return "postgresql"; }
  StringRef getDescription() const override {
    return "the complete DDL for PostgreSQL 15";
  }
  bool run(const Schema &schema, llvm::raw_ostream &os,
           DiagnosticEngine &diags) override {
    DDLWriter writer(schema, os, diags);
    if (!writer.check())
      return false;
    writer.write();
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> schemac::createPostgresBackend() {
  return std::make_unique<PostgresBackend>();
}
