//===- TypeScriptTables.cpp - declarations: types, enums, tables, views ---===//
//
// Writes drizzle-orm declarations in the style of hand-written code: one
// `export const` per object, columns as `key: builder(config).option()`
// chains, the table's keys, checks and indexes in the third argument's
// array. Every constraint and index is given its IR name, so the database
// drizzle-kit creates has exactly the names schemac's own DDL gives it.
//
//===----------------------------------------------------------------------===//

#include "backends/SQLQuoting.h"
#include "backends/SQLTypes.h"
#include "backends/SQLiteDDL.h"
#include "backends/TypeScriptEmitter.h"
#include "backends/TypeScriptTypes.h"
#include "ir/Naming.h"
#include "ir/ViewOrder.h"
#include "llvm/ADT/StringExtras.h"
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::StringRef;

namespace {

std::string join(const std::vector<std::string> &items, StringRef sep) {
  std::string out;
  for (const std::string &item : items)
    out += (out.empty() ? "" : sep.str()) + item;
  return out;
}

/// `{ a: 1, b: 2 }`, or "" for no entries.
std::string configObject(const std::vector<std::string> &entries) {
  return entries.empty() ? "" : "{ " + join(entries, ", ") + " }";
}

/// A JSDoc block for a database comment, indented by `indent`.
std::string jsDoc(StringRef comment, StringRef indent) {
  llvm::SmallVector<StringRef, 4> lines;
  comment.split(lines, '\n');
  auto clean = [](StringRef line) {
    std::string s = line.rtrim().str();
    size_t pos;
    while ((pos = s.find("*/")) != std::string::npos)
      s.replace(pos, 2, "*\\/");
    return s;
  };
  if (lines.size() == 1)
    return fmt::format("{}/** {} */\n", indent.str(), clean(lines[0]));
  std::string out = indent.str() + "/**\n";
  for (StringRef line : lines)
    out += indent.str() + (line.trim().empty() ? " *" : " * " + clean(line)) +
           "\n";
  return out + indent.str() + " */\n";
}

/// A JavaScript number for an int64, or a string beyond 2^53.
std::string jsNumber(int64_t v) {
  if (v > (int64_t(1) << 53) || v < -(int64_t(1) << 53))
    return fmt::format("\"{}\"", v);
  return std::to_string(v);
}

StringRef actionName(RefAction a) {
  switch (a) {
  case RefAction::NoAction:
    return "no action";
  case RefAction::Restrict:
    return "restrict";
  case RefAction::Cascade:
    return "cascade";
  case RefAction::SetNull:
    return "set null";
  case RefAction::SetDefault:
    return "set default";
  }
  return "no action";
}

/// The name drizzle-orm gives a foreign key declared without one
/// (ForeignKey.getName): table, columns, foreign table, foreign columns.
std::string drizzleForeignKeyName(const Table &table, const ForeignKey &fk) {
  std::vector<std::string> chunks{table.name.name.str()};
  for (StringRef c : fk.columns)
    chunks.push_back(c.str());
  chunks.push_back(fk.refTable.name.str());
  for (StringRef c : fk.refColumns)
    chunks.push_back(c.str());
  return join(chunks, "_") + "_fk";
}

/// True if `from` reaches `to` through foreign keys.
bool reaches(const Schema &schema, const Table *from, const Table *to) {
  std::vector<const Table *> work{from};
  std::set<const Table *> seen{from};
  while (!work.empty()) {
    const Table *t = work.back();
    work.pop_back();
    if (t == to)
      return true;
    for (const auto &c : t->constraints)
      if (const auto *fk = llvm::dyn_cast<ForeignKey>(c.get()))
        if (const Table *next = schema.findTable(fk->refTable))
          if (seen.insert(next).second)
            work.push_back(next);
  }
  return false;
}

bool isLiteralNumber(const Expr *e, std::string &text) {
  if (const auto *u = llvm::dyn_cast<UnaryExpr>(e))
    if (u->getOp() == UnaryOp::Neg)
      if (const auto *n = llvm::dyn_cast<NumberLiteral>(u->getOperand())) {
        text = "-" + n->getText().str();
        return true;
      }
  if (const auto *n = llvm::dyn_cast<NumberLiteral>(e)) {
    text = n->getText().str();
    return true;
  }
  return false;
}

bool isCall(const Expr *e, StringRef name) {
  const auto *call = llvm::dyn_cast<FuncCall>(e);
  return call && call->getArgs().empty() && call->getSchema().empty() &&
         call->getName().equals_insensitive(name) && !call->hasNoParens();
}

/// What the column's values are in TypeScript, for typed .default(value).
enum class TSValueKind { Number, String, Boolean, Other };

TSValueKind valueKind(Dialect d, const Type &t) {
  if (t.arrayDims)
    return TSValueKind::Other;
  switch (t.kind) {
  case TypeKind::Boolean:
    return TSValueKind::Boolean;
  case TypeKind::SmallInt:
  case TypeKind::Integer:
  case TypeKind::BigInt:
  case TypeKind::Real:
  case TypeKind::DoublePrecision:
    return TSValueKind::Number;
  case TypeKind::Numeric:
    // pg-core and mysql-core read decimals as strings; sqlite-core too.
    return TSValueKind::String;
  case TypeKind::Text:
  case TypeKind::Varchar:
  case TypeKind::Char:
  case TypeKind::Enum:
  case TypeKind::Uuid:
    return TSValueKind::String;
  case TypeKind::Native:
    if (d == Dialect::MySQL &&
        (t.name == "tinyint" || t.name == "mediumint" || t.name == "year"))
      return TSValueKind::Number;
    if (d == Dialect::MySQL && t.name.ends_with("text"))
      return TSValueKind::String;
    return TSValueKind::Other;
  default:
    return TSValueKind::Other;
  }
}

} // namespace

//===----------------------------------------------------------------------===//
// Preamble: custom types, schemas, enums, sequences
//===----------------------------------------------------------------------===//

void TSEmitter::emitPreamble() {
  std::string &os = body;
  for (const auto &[sqlType, var] : customTypes) {
    useCore("customType");
    os += fmt::format("\nconst {} = customType<{{ data: {} }}>({{\n"
                      "  dataType() {{\n    return {};\n  }},\n}});\n",
                      var, customDataTypes[sqlType], quoteTSString(sqlType));
  }
  if (options.dialect != Dialect::PostgreSQL) {
    for (const Namespace &ns : schema.namespaces)
      warn(ns.range, fmt::format("schema '{}'", ns.name.str()),
           "the dialect has no schemas; drizzle-orm declares none");
    return;
  }
  // Namespaces in name order (StringMap order is not stable).
  std::vector<std::string> nsNames;
  for (const auto &entry : namespaceVars)
    nsNames.push_back(entry.first().str());
  std::sort(nsNames.begin(), nsNames.end());
  for (const std::string &name : nsNames) {
    os += "\n";
    for (const Namespace &n : schema.namespaces)
      if (n.name == name && !n.comment.empty()) {
        os += jsDoc(n.comment, "");
        warn(n.range, fmt::format("schema '{}'", name),
             "drizzle-orm keeps no database comments; written as a JSDoc "
             "comment only");
      }
    useCore("pgSchema");
    os += fmt::format("export const {} = pgSchema({});\n", namespaceVars[name],
                      quoteTSString(name));
  }
  for (const auto &e : schema.enums) {
    std::string fn = e->name.ns.empty() || e->name.ns == "public"
                         ? "pgEnum"
                         : namespaceVars[e->name.ns] + ".enum";
    if (fn == "pgEnum")
      useCore("pgEnum");
    std::vector<std::string> values;
    for (const EnumValue &v : e->values)
      values.push_back(quoteTSString(v.name));
    os += "\n";
    if (!e->comment.empty()) {
      os += jsDoc(e->comment, "");
      warn(e->range, fmt::format("enum '{}'", e->name.str()),
           "drizzle-orm keeps no database comments; written as a JSDoc "
           "comment only");
    }
    std::string head =
        fmt::format("export const {} = {}({}, [", enumVars[e->name.key()], fn,
                    quoteTSString(e->name.name));
    std::string line = head + join(values, ", ") + "]);";
    if (line.size() <= 80)
      os += line + "\n";
    else
      os += head + "\n  " + join(values, ",\n  ") + ",\n]);\n";
  }
  for (const auto &s : schema.sequences) {
    std::string context = fmt::format("sequence '{}'", s->name.str());
    std::string fn = s->name.ns.empty() || s->name.ns == "public"
                         ? "pgSequence"
                         : namespaceVars[s->name.ns] + ".sequence";
    if (fn == "pgSequence")
      useCore("pgSequence");
    std::vector<std::string> opts;
    if (s->start)
      opts.push_back("startWith: " + jsNumber(*s->start));
    if (s->increment)
      opts.push_back("increment: " + jsNumber(*s->increment));
    if (s->minValue)
      opts.push_back("minValue: " + jsNumber(*s->minValue));
    if (s->maxValue)
      opts.push_back("maxValue: " + jsNumber(*s->maxValue));
    if (s->cache)
      opts.push_back("cache: " + jsNumber(*s->cache));
    if (s->cycle)
      opts.push_back("cycle: true");
    os += "\n";
    if (!s->comment.empty()) {
      os += jsDoc(s->comment, "");
      warn(s->range, context,
           "drizzle-orm keeps no database comments; written as a JSDoc "
           "comment only");
    }
    if (s->type.kind != TypeKind::BigInt) {
      std::string type = getPostgresTypeName(s->type);
      os += fmt::format("// AS {}: drizzle-orm sequences are always bigint.\n",
                        type);
      warn(s->range, context,
           fmt::format("drizzle-orm sequences have no data type; 'as {}' "
                       "becomes bigint",
                       type));
    }
    if (s->ownedBy) {
      os += fmt::format("// OWNED BY {}.{}: drizzle-orm has no sequence "
                        "ownership.\n",
                        s->ownedBy->table.str(), s->ownedBy->column.str());
      warn(s->range, context,
           "drizzle-orm has no sequence ownership; OWNED BY is left out");
    }
    std::string args = quoteTSString(s->name.name);
    if (!opts.empty())
      args += ", " + configObject(opts);
    std::string line = fmt::format("export const {} = {}({});",
                                   sequenceVars[s->name.key()], fn, args);
    if (line.size() <= 80 || opts.empty())
      os += line + "\n";
    else
      os += fmt::format("export const {} = {}({}, {{\n  {},\n}});\n",
                        sequenceVars[s->name.key()], fn,
                        quoteTSString(s->name.name), join(opts, ",\n  "));
  }
}

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

namespace {

/// Writes one table; a new object per table keeps the state small.
class TableWriter {
public:
  TableWriter(TSEmitter &em, const Table &table)
      : em(em), table(table), names(em.names(table)),
        context(fmt::format("table '{}'", table.name.str())) {}

  void write();

private:
  void planConstraints();
  std::string column(size_t i);
  std::string columnBuilder(const Column &c);
  std::string defaultCall(const Column &c);
  std::string sqlDefault(const Column &c);
  std::string self(StringRef column) const {
    return formatMemberAccess("table", names.keyOf.lookup(column));
  }
  std::string columnList(llvm::ArrayRef<StringRef> columns) const {
    std::vector<std::string> items;
    for (StringRef c : columns)
      items.push_back(self(c));
    return join(items, ", ");
  }
  void extraForeignKey(const ForeignKey &fk);
  void extraIndex(const Index &index);
  std::string indexElement(const IndexElement &e, bool &isSQL);
  void warnAt(SourceRange r, const std::string &what, const std::string &msg) {
    em.warn(r, what, msg);
  }

  TSEmitter &em;
  const Table &table;
  const TSTableNames &names;
  std::string context;
  Dialect d() const { return em.dialect(); }

  const PrimaryKey *inlinePK = nullptr;
  llvm::DenseMap<const Column *, const UniqueConstraint *> inlineUnique;
  llvm::DenseMap<const Column *, const ForeignKey *> inlineFK;
  /// The entries of the third argument, each possibly several lines.
  std::vector<std::string> extras;
  /// A foreign key in `extras` closes a reference cycle: TypeScript cannot
  /// infer the callback's type then, so it is annotated.
  bool annotateExtras = false;
  unsigned unnamedChecks = 0;

  /// The quoted name to give drizzle-orm, or "" where the IR's name is
  /// derived and SQLite keeps none (its constraints are unnamed).
  std::string constraintName(const Constraint &c) const {
    if (d() == Dialect::SQLite && !c.nameExplicit)
      return "";
    return quoteTSString(c.name);
  }
};

void TableWriter::planConstraints() {
  const PrimaryKey *pk = table.getPrimaryKey();
  if (pk && pk->columns.size() == 1) {
    // PostgreSQL names an inline key <table>_pkey, MySQL PRIMARY; SQLite
    // keys have no name.
    if (d() != Dialect::PostgreSQL ||
        pk->name == makeObjectName(table.name.name, "", "pkey"))
      inlinePK = pk;
  }
  for (const auto &c : table.constraints) {
    if (const auto *u = llvm::dyn_cast<UniqueConstraint>(c.get())) {
      if (u->columns.size() == 1) {
        const Column *col = table.findColumn(u->columns[0]);
        if (col && !inlineUnique.count(col)) {
          inlineUnique[col] = u;
          continue;
        }
      }
      std::string s = fmt::format("unique({}).on({})", constraintName(*u),
                                  columnList(u->columns));
      if (u->nullsNotDistinct)
        s += ".nullsNotDistinct()";
      em.useCore("unique");
      extras.push_back(s);
    } else if (const auto *fk = llvm::dyn_cast<ForeignKey>(c.get())) {
      const Table *parent = em.schema.findTable(fk->refTable);
      const Column *col =
          fk->columns.size() == 1 ? table.findColumn(fk->columns[0]) : nullptr;
      // Inline only where drizzle-orm's own name is the IR's and the
      // reference is no cycle (a lazy reference to a table being defined
      // makes TypeScript infer `any`).
      bool nameKept = fk->name == drizzleForeignKeyName(table, *fk) ||
                      constraintName(*fk).empty();
      if (col && parent && parent != &table && !fk->deferrable &&
          !inlineFK.count(col) && nameKept &&
          !reaches(em.schema, parent, &table)) {
        inlineFK[col] = fk;
        continue;
      }
      extraForeignKey(*fk);
    } else if (const auto *check = llvm::dyn_cast<CheckConstraint>(c.get())) {
      em.useCore("check");
      // drizzle-orm needs a name where SQLite has none.
      std::string name = constraintName(*check);
      if (name.empty())
        name = quoteTSString(
            fmt::format("{}_check{}", table.name.name.str(), ++unnamedChecks));
      extras.push_back(
          fmt::format("check({}, {})", name, em.sqlOf(check->expr)));
    } else if (const auto *p = llvm::dyn_cast<PrimaryKey>(c.get())) {
      if (p == inlinePK)
        continue;
      em.useCore("primaryKey");
      std::string name = d() == Dialect::PostgreSQL
                             ? "name: " + quoteTSString(p->name) + ", "
                             : "";
      extras.push_back(fmt::format("primaryKey({{ {}columns: [{}] }})", name,
                                   columnList(p->columns)));
    }
  }
  for (const Index &index : table.indexes)
    extraIndex(index);
}

void TableWriter::extraForeignKey(const ForeignKey &fk) {
  em.useCore("foreignKey");
  const Table *parent = em.schema.findTable(fk.refTable);
  if (parent && parent != &table && reaches(em.schema, parent, &table))
    annotateExtras = true;
  std::vector<std::string> refs;
  for (StringRef c : fk.refColumns)
    refs.push_back(parent == &table ? self(c)
                   : parent         ? em.columnOf(*parent, c)
                                    : c.str());
  std::string s;
  if (fk.deferrable) {
    std::string clause =
        fk.initiallyDeferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE";
    s += fmt::format("// {}: drizzle-orm has no deferrable foreign keys.\n",
                     clause);
    warnAt(fk.range, context,
           fmt::format("drizzle-orm has no deferrable foreign keys; {} of "
                       "the foreign key ({}) is left out",
                       clause, llvm::join(fk.columns, ", ")));
  }
  std::string name = constraintName(fk);
  s += fmt::format("foreignKey({{\n{}  columns: [{}],\n  "
                   "foreignColumns: [{}],\n}})",
                   name.empty() ? "" : "  name: " + name + ",\n",
                   columnList(fk.columns), join(refs, ", "));
  if (fk.onDelete != RefAction::NoAction)
    s += fmt::format(".onDelete(\"{}\")", actionName(fk.onDelete).str());
  if (fk.onUpdate != RefAction::NoAction)
    s += fmt::format(".onUpdate(\"{}\")", actionName(fk.onUpdate).str());
  extras.push_back(s);
}

std::string TableWriter::indexElement(const IndexElement &e, bool &isSQL) {
  const auto *ref = llvm::dyn_cast<ColumnRef>(e.expr);
  bool plain = ref && e.collation.empty() && !e.prefixLength;
  if (d() == Dialect::PostgreSQL && plain) {
    std::string s = self(ref->getColumn());
    if (e.order == SortOrder::Asc)
      s += ".asc()";
    else if (e.order == SortOrder::Desc)
      s += ".desc()";
    // drizzle-kit writes NULLS LAST unless told otherwise; PostgreSQL's
    // default after DESC is NULLS FIRST.
    if (e.nulls == NullsOrder::First ||
        (e.nulls == NullsOrder::Default && e.order == SortOrder::Desc))
      s += ".nullsFirst()";
    else if (e.nulls == NullsOrder::Last)
      s += ".nullsLast()";
    if (!e.opclass.empty())
      s += ".op(" + quoteTSString(e.opclass) + ")";
    return s;
  }
  if (plain && e.order == SortOrder::Default &&
      e.nulls == NullsOrder::Default && e.opclass.empty())
    return self(ref->getColumn());
  // The key as the SQL backends write it, verbatim in a sql template.
  isSQL = true;
  std::string text;
  if (ref)
    text = quoteIdentifier(d(), ref->getColumn());
  else if (llvm::isa<FuncCall>(e.expr) || d() != Dialect::PostgreSQL)
    text = d() == Dialect::PostgreSQL ? em.exprs.print(e.expr)
                                      : "(" + em.exprs.print(e.expr) + ")";
  else
    text = "(" + em.exprs.print(e.expr) + ")";
  if (e.prefixLength)
    text += fmt::format("({})", *e.prefixLength);
  if (!e.collation.empty())
    text += " COLLATE " + quoteIdentifier(d(), e.collation);
  if (!e.opclass.empty())
    text += " " + e.opclass.str();
  if (e.order == SortOrder::Asc)
    text += " ASC";
  else if (e.order == SortOrder::Desc)
    text += " DESC";
  if (e.nulls == NullsOrder::First)
    text += " NULLS FIRST";
  else if (e.nulls == NullsOrder::Last)
    text += " NULLS LAST";
  return em.sqlText(text);
}

void TableWriter::extraIndex(const Index &index) {
  std::string fn = index.unique ? "uniqueIndex" : "index";
  em.useCore(fn);
  std::vector<std::string> keys;
  for (const IndexElement &e : index.elements) {
    bool isSQL = false;
    keys.push_back(indexElement(e, isSQL));
  }
  std::string what = fmt::format("index '{}' of table '{}'", index.name.str(),
                                 table.name.str());
  std::string s;
  if (!index.comment.empty()) {
    s += jsDoc(index.comment, "");
    warnAt(index.range, what,
           "drizzle-orm keeps no database comments; written as a JSDoc "
           "comment only");
  }
  if (!index.include.empty()) {
    std::vector<std::string> cols;
    for (StringRef c : index.include)
      cols.push_back(c.str());
    s += fmt::format("// INCLUDE ({}): drizzle-orm has no covering "
                     "columns.\n",
                     join(cols, ", "));
    warnAt(index.range, what,
           "drizzle-orm has no covering indexes; INCLUDE is left out");
  }
  StringRef method = index.method;
  if (d() == Dialect::MySQL && !method.empty() && method != "btree" &&
      method != "hash") {
    s += fmt::format("// USING {}: drizzle-orm knows btree and hash only.\n",
                     method.str());
    warnAt(index.range, what,
           fmt::format("drizzle-orm has no index method '{}'; it is left out",
                       method.str()));
    method = "";
  }
  s += fn + "(" + quoteTSString(index.name) + ")";
  if (d() == Dialect::PostgreSQL && !method.empty())
    s += fmt::format(".using({}, {})", quoteTSString(method), join(keys, ", "));
  else
    s += ".on(" + join(keys, ", ") + ")";
  if (d() == Dialect::MySQL && !method.empty())
    s += ".using(" + quoteTSString(method) + ")";
  if (index.where)
    s += ".where(" + em.sqlOf(index.where) + ")";
  extras.push_back(s);
}

std::string TableWriter::sqlDefault(const Column &c) {
  const Expr *value = c.defaultValue;
  std::string text;
  switch (d()) {
  case Dialect::PostgreSQL:
    text = em.exprs.printOperand(value);
    break;
  case Dialect::MySQL: {
    const Type &t = c.type;
    bool temporal = t.arrayDims == 0 && (t.kind == TypeKind::Timestamp ||
                                         t.kind == TypeKind::TimestampTz);
    if (temporal &&
        (isCall(value, "now") ||
         (llvm::isa<FuncCall>(value) &&
          (llvm::cast<FuncCall>(value)->getName().equals_insensitive(
               "current_timestamp") ||
           llvm::cast<FuncCall>(value)->getName().equals_insensitive(
               "localtimestamp"))))) {
      text = fmt::format("CURRENT_TIMESTAMP({})",
                         t.numModifiers ? t.modifiers[0] : 6);
      break;
    }
    text = "(" + em.exprs.print(value) + ")";
    break;
  }
  case Dialect::SQLite:
    // drizzle-kit writes the text as it is: parentheses only where SQLite
    // needs them, as the SQLite backend writes it.
    text = em.exprs.print(value);
    if (!isBareSQLiteDefault(value))
      text = "(" + text + ")";
    break;
  }
  return ".default(" + em.sqlText(text) + ")";
}

std::string TableWriter::defaultCall(const Column &c) {
  const Expr *value = c.defaultValue;
  if (llvm::isa<NullLiteral>(value))
    return ".default(" + em.sqlText("NULL") + ")";
  TSValueKind kind = valueKind(d(), c.type);
  bool offRow = d() == Dialect::MySQL && isMySQLOffRowType(c.type);
  if (!offRow) {
    std::string number;
    if (kind == TSValueKind::Number && isLiteralNumber(value, number) &&
        number.size() <= 16)
      return ".default(" + number + ")";
    // A decimal's value is a string; on SQLite drizzle-kit would write it
    // as a string literal, which SQLite keeps as such: the number goes as
    // SQL there.
    if (kind == TSValueKind::String && isLiteralNumber(value, number) &&
        c.type.kind == TypeKind::Numeric && d() != Dialect::SQLite)
      return ".default(" + quoteTSString(number) + ")";
    // drizzle-kit writes a MySQL string default without escaping its
    // backslashes, which MySQL reads as escapes: such a value goes as the
    // SQL literal.
    if (const auto *s = llvm::dyn_cast<StringLiteral>(value)) {
      if (kind == TSValueKind::String && d() == Dialect::MySQL &&
          s->getValue().contains('\\'))
        return ".default(" + em.sqlText(em.exprs.print(value)) + ")";
      if (kind == TSValueKind::String)
        return ".default(" + quoteTSString(s->getValue()) + ")";
    }
    if (const auto *b = llvm::dyn_cast<BoolLiteral>(value))
      if (kind == TSValueKind::Boolean)
        return b->getValue() ? ".default(true)" : ".default(false)";
  }
  if (d() == Dialect::PostgreSQL && c.type.arrayDims == 0) {
    TypeKind k = c.type.kind;
    if (isCall(value, "now") &&
        (k == TypeKind::Timestamp || k == TypeKind::TimestampTz ||
         k == TypeKind::Date))
      return ".defaultNow()";
    if (isCall(value, "gen_random_uuid") && k == TypeKind::Uuid)
      return ".defaultRandom()";
  }
  return sqlDefault(c);
}

std::string TableWriter::columnBuilder(const Column &c) {
  TSColumnType type = getTSColumnType(d(), c);
  const std::string &key = names.keyOf.lookup(c.name);
  std::vector<std::string> args;
  // The database name is an argument unless the property says it.
  if (key != c.name)
    args.push_back(quoteTSString(c.name));
  std::string callee;
  if (c.type.kind == TypeKind::Enum && type.builder.empty() &&
      type.customSQLType.empty()) {
    const EnumType *e = em.schema.findEnum({c.type.ns, c.type.name});
    std::vector<std::string> values;
    if (e)
      for (const EnumValue &v : e->values)
        values.push_back(quoteTSString(v.name));
    switch (d()) {
    case Dialect::PostgreSQL:
      callee = em.enumVars.lookup(QualifiedName{c.type.ns, c.type.name}.key());
      break;
    case Dialect::MySQL:
      em.useCore("mysqlEnum");
      callee = "mysqlEnum";
      args.push_back("[" + join(values, ", ") + "]");
      break;
    case Dialect::SQLite:
      em.useCore("text");
      callee = "text";
      args.push_back("{ enum: [" + join(values, ", ") + "] }");
      break;
    }
  } else if (!type.customSQLType.empty()) {
    callee = em.customTypes[type.customSQLType];
  } else {
    em.useCore(type.builder);
    callee = type.builder;
    if (!type.options.empty())
      args.push_back(configObject(type.options));
  }
  std::string s = callee + "(" + join(args, ", ") + ")";
  for (unsigned i = 0; i < c.type.arrayDims; ++i)
    s += ".array()";
  return s;
}

std::string TableWriter::column(size_t i) {
  const Column &c = table.columns[i];
  std::string colContext =
      fmt::format("column '{}' of table '{}'", c.name.str(), table.name.str());
  std::string pre;
  if (!c.comment.empty()) {
    pre += jsDoc(c.comment, "  ");
    warnAt(c.range, colContext,
           "drizzle-orm keeps no database comments; written as a JSDoc "
           "comment only");
  }
  if (!c.collation.empty()) {
    pre += fmt::format("  // COLLATE {}: drizzle-orm has no column "
                       "collations.\n",
                       c.collation.str());
    warnAt(c.range, colContext,
           fmt::format("drizzle-orm has no column collations; COLLATE {} is "
                       "left out",
                       c.collation.str()));
  }
  if (d() == Dialect::SQLite && c.type.kind == TypeKind::Enum &&
      c.type.arrayDims == 0) {
    pre += "  // drizzle-kit writes no CHECK for a text enum.\n";
    warnAt(c.range, colContext,
           "drizzle-kit writes no CHECK for a text enum; the database "
           "accepts other values");
  }
  std::string s = columnBuilder(c);
  bool isPK = inlinePK && inlinePK->columns[0] == c.name;
  bool isIdentity =
      c.identity == Identity::Always || c.identity == Identity::ByDefault;
  if (isPK) {
    if (d() == Dialect::SQLite && c.identity != Identity::None)
      s += ".primaryKey({ autoIncrement: true })";
    else
      s += ".primaryKey()";
  }
  // Primary keys, serials and identities are NOT NULL by themselves.
  bool impliedNotNull = isPK || c.identity == Identity::Serial ||
                        (d() == Dialect::PostgreSQL && isIdentity);
  if (!c.nullable && !impliedNotNull)
    s += ".notNull()";
  if (const UniqueConstraint *u = inlineUnique.lookup(&c)) {
    if (u->nullsNotDistinct)
      s += fmt::format(".unique({}, {{ nulls: \"not distinct\" }})",
                       quoteTSString(u->name));
    else
      s += fmt::format(".unique({})", constraintName(*u));
  }
  if (c.defaultValue && c.identity != Identity::Serial)
    s += defaultCall(c);
  if (c.generated) {
    std::string expr = em.sqlOf(c.generated->expr);
    if (d() == Dialect::PostgreSQL)
      s += ".generatedAlwaysAs(" + expr + ")";
    else
      s += fmt::format(".generatedAlwaysAs({}, {{ mode: \"{}\" }})", expr,
                       c.generated->stored ? "stored" : "virtual");
  }
  if (d() == Dialect::PostgreSQL) {
    if (c.identity == Identity::Always)
      s += ".generatedAlwaysAsIdentity()";
    else if (c.identity == Identity::ByDefault)
      s += ".generatedByDefaultAsIdentity()";
  } else if (d() == Dialect::MySQL && c.identity != Identity::None) {
    s += ".autoincrement()";
  }
  if (const ForeignKey *fk = inlineFK.lookup(&c)) {
    const Table *parent = em.schema.findTable(fk->refTable);
    std::vector<std::string> actions;
    if (fk->onDelete != RefAction::NoAction)
      actions.push_back(
          fmt::format("onDelete: \"{}\"", actionName(fk->onDelete).str()));
    if (fk->onUpdate != RefAction::NoAction)
      actions.push_back(
          fmt::format("onUpdate: \"{}\"", actionName(fk->onUpdate).str()));
    s += fmt::format(".references(() => {}{})",
                     em.columnOf(*parent, fk->refColumns[0]),
                     actions.empty() ? "" : ", " + configObject(actions));
  }
  return pre + "  " + formatPropertyKey(names.keys[i]) + ": " + s + ",\n";
}

void TableWriter::write() {
  planConstraints();
  std::string &os = em.body;
  os += "\n";
  if (!table.comment.empty()) {
    os += jsDoc(table.comment, "");
    warnAt(table.range, context,
           "drizzle-orm keeps no database comments; written as a JSDoc "
           "comment only");
  }
  const TableOptions &o = table.options;
  auto option = [&](bool set, StringRef clause) {
    if (!set)
      return;
    os +=
        fmt::format("// {}: drizzle-orm has no table options.\n", clause.str());
    warnAt(table.range, context,
           fmt::format("drizzle-orm has no table options; {} is left out",
                       clause.str()));
  };
  if (d() == Dialect::MySQL) {
    option(!o.engine.empty(), "ENGINE=" + o.engine.str());
    option(!o.charset.empty(), "DEFAULT CHARSET=" + o.charset.str());
    option(!o.collation.empty(), "COLLATE=" + o.collation.str());
  } else if (d() == Dialect::SQLite) {
    option(o.withoutRowid, "WITHOUT ROWID");
    option(o.strict, "STRICT");
  }
  std::string fn;
  switch (d()) {
  case Dialect::PostgreSQL:
    if (table.name.ns.empty() || table.name.ns == "public") {
      em.useCore("pgTable");
      fn = "pgTable";
    } else {
      fn = em.namespaceVars[table.name.ns] + ".table";
    }
    break;
  case Dialect::MySQL:
    em.useCore("mysqlTable");
    fn = "mysqlTable";
    break;
  case Dialect::SQLite:
    em.useCore("sqliteTable");
    fn = "sqliteTable";
    break;
  }
  os += fmt::format("export const {} = {}({}, {{\n", names.var, fn,
                    quoteTSString(table.name.name));
  for (size_t i = 0; i < table.columns.size(); ++i)
    os += column(i);
  if (extras.empty()) {
    os += "});\n";
    return;
  }
  if (annotateExtras) {
    StringRef type = d() == Dialect::PostgreSQL ? "PgTableExtraConfigValue"
                     : d() == Dialect::MySQL    ? "MySqlTableExtraConfigValue"
                                                : "SQLiteTableExtraConfigValue";
    em.useCore(("type " + type).str());
    os += fmt::format("}}, (table): {}[] => [\n", type.str());
  } else {
    os += "}, (table) => [\n";
  }
  for (const std::string &extra : extras) {
    llvm::SmallVector<StringRef, 8> lines;
    StringRef(extra).split(lines, '\n');
    for (StringRef line : lines)
      os += "  " + line.str() + "\n";
    os.back() = ',';
    os += "\n";
  }
  os += "]);\n";
}

} // namespace

void TSEmitter::emitTable(const Table &table) {
  TableWriter(*this, table).write();
}

//===----------------------------------------------------------------------===//
// Views
//===----------------------------------------------------------------------===//

void TSEmitter::emitViews() {
  for (const View *view : orderViewsForCreation(schema)) {
    std::string context = fmt::format("view '{}'", view->name.str());
    body += "\n";
    if (!view->comment.empty()) {
      body += jsDoc(view->comment, "");
      warn(view->range, context,
           "drizzle-orm keeps no database comments; written as a JSDoc "
           "comment only");
    }
    std::string fn;
    bool inNamespace = !view->name.ns.empty() && view->name.ns != "public";
    switch (options.dialect) {
    case Dialect::PostgreSQL:
      if (inNamespace)
        fn = namespaceVars[view->name.ns] +
             (view->materialized ? ".materializedView" : ".view");
      else
        fn = view->materialized ? "pgMaterializedView" : "pgView";
      break;
    case Dialect::MySQL:
      fn = "mysqlView";
      break;
    case Dialect::SQLite:
      fn = "sqliteView";
      break;
    }
    if (!inNamespace)
      useCore(fn);
    // The query is raw SQL: its columns are not known, so none are
    // declared and the view is not typed for queries.
    StringRef query = view->query.trim();
    query.consume_back(";");
    query = query.rtrim();
    std::string sqlText = formatSQLTemplate(query);
    useDrizzle("sql");
    if (query.contains('\n'))
      sqlText = "sql`\n  " + sqlText.substr(4, sqlText.size() - 5) + "\n`";
    body += fmt::format("export const {} = {}({}, {{}}).as({});\n",
                        viewVars[view->name.key()], fn,
                        quoteTSString(view->name.name), sqlText);
  }
}
