//===- SQLiteColumns.cpp - columns of a SQLite pull -----------------------===//
//
// pragma_table_xinfo gives each column's declared type (verbatim), NOT
// NULL, primary key position and whether it is generated; the CREATE TABLE
// text adds its default as written, collation, generation expression,
// AUTOINCREMENT, checks and comment. A declared type is mapped back to the
// IR type export declares that way (docs/dialects.md has both directions);
// an inline `CHECK (col IN ('a', 'b'))` on a TEXT column is an enum.
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/SQLiteIntrospector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace schemac;
using namespace schemac::introspect;
using ir::TypeKind;
using llvm::StringRef;

namespace {

enum class Affinity { Integer, Text, Blob, Real, Numeric };

/// SQLite's rules (https://sqlite.org/datatype3.html, 3.1), in order.
Affinity getAffinity(StringRef declared) {
  std::string upper = declared.upper();
  StringRef t = upper;
  if (t.contains("INT"))
    return Affinity::Integer;
  if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT"))
    return Affinity::Text;
  if (t.contains("BLOB") || t.trim().empty())
    return Affinity::Blob;
  if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB"))
    return Affinity::Real;
  return Affinity::Numeric;
}

StringRef getAffinityName(Affinity a) {
  switch (a) {
  case Affinity::Integer:
    return "INTEGER";
  case Affinity::Text:
    return "TEXT";
  case Affinity::Blob:
    return "BLOB";
  case Affinity::Real:
    return "REAL";
  case Affinity::Numeric:
    return "NUMERIC";
  }
  return "";
}

/// The affinity of the name export declares for `t` outside STRICT tables
/// (backends/SQLiteDDL.cpp).
Affinity getExportAffinity(const ir::Type &t) {
  switch (t.kind) {
  case TypeKind::SmallInt:
  case TypeKind::Integer:
  case TypeKind::BigInt:
    return Affinity::Integer;
  case TypeKind::Real:
  case TypeKind::DoublePrecision:
    return Affinity::Real;
  case TypeKind::Boolean:
  case TypeKind::Numeric:
  case TypeKind::Native:
    return Affinity::Numeric;
  case TypeKind::Bytes:
    return Affinity::Blob;
  default:
    return Affinity::Text;
  }
}

/// schemac's own two-word names (TEXT affinity, the IR kind in front).
std::optional<TypeKind> getSchemacTextType(StringRef upper) {
  return llvm::StringSwitch<std::optional<TypeKind>>(upper)
      .Case("DATE TEXT", TypeKind::Date)
      .Case("TIME TEXT", TypeKind::Time)
      .Case("TIMETZ TEXT", TypeKind::TimeTz)
      .Case("TIMESTAMP TEXT", TypeKind::Timestamp)
      .Case("TIMESTAMPTZ TEXT", TypeKind::TimestampTz)
      .Case("UUID TEXT", TypeKind::Uuid)
      .Case("JSON TEXT", TypeKind::Json)
      .Case("JSONB TEXT", TypeKind::Jsonb)
      .Default(std::nullopt);
}

/// The kind for a name no table knows, by its affinity and words.
ir::Type guessType(StringRef upper, Affinity affinity) {
  switch (affinity) {
  case Affinity::Integer:
    return ir::Type::get(upper.contains("BIG") ? TypeKind::BigInt
                                               : TypeKind::Integer);
  case Affinity::Text:
    if (upper.contains("VARCHAR") || upper.contains("VARYING"))
      return ir::Type::get(TypeKind::Varchar);
    if (upper.contains("CHAR") && !upper.contains("CLOB"))
      return ir::Type::get(TypeKind::Char);
    return ir::Type::get(TypeKind::Text);
  case Affinity::Blob:
    return ir::Type::get(TypeKind::Bytes);
  case Affinity::Real:
    return ir::Type::get(TypeKind::DoublePrecision);
  case Affinity::Numeric:
    if (upper.starts_with("DATETIME") || upper.starts_with("TIMESTAMP"))
      return ir::Type::get(TypeKind::Timestamp);
    if (upper.starts_with("DATE"))
      return ir::Type::get(TypeKind::Date);
    if (upper.starts_with("TIME"))
      return ir::Type::get(TypeKind::Time);
    return ir::Type::get(TypeKind::Numeric);
  }
  return ir::Type::get(TypeKind::Numeric);
}

unsigned getMaxModifiers(TypeKind kind) {
  switch (kind) {
  case TypeKind::Numeric:
    return 2;
  case TypeKind::Varchar:
  case TypeKind::Char:
    return 1;
  default:
    return 0; // SQLite ignores them; export writes none
  }
}

} // namespace

SQLiteColumnType introspect::parseSQLiteColumnType(StringRef declared,
                                                   ir::Schema &schema) {
  SQLiteColumnType out;
  // One space between words, as export writes them.
  llvm::SmallVector<StringRef, 4> words;
  declared.split(words, ' ', -1, false);
  std::string text = llvm::join(words, " ");
  std::string upper = StringRef(text).upper();
  StringRef base = StringRef(upper).take_until([](char c) { return c == '('; });
  StringRef args = StringRef(upper).drop_front(base.size());
  base = base.rtrim();
  llvm::SmallVector<int64_t, 2> mods;
  bool modsRead = true;
  if (args.consume_front("(")) {
    size_t close = args.find(')');
    llvm::SmallVector<StringRef, 2> parts;
    args.take_front(close).split(parts, ',');
    for (StringRef part : parts) {
      int64_t v;
      if (part.trim().getAsInteger(10, v))
        modsRead = false;
      else
        mods.push_back(v);
    }
    // Words after the modifiers ("VARCHAR(20) COLLATE" never gets here).
    if (close == StringRef::npos || !args.drop_front(close + 1).trim().empty())
      modsRead = false;
  }

  ir::Type &t = out.type;
  bool known = true;
  if (upper.empty()) {
    // No type: BLOB affinity, which export's BLOB has too.
    t = ir::Type::get(TypeKind::Bytes);
    return out;
  }
  if (auto kind = getSchemacTextType(upper)) {
    t = ir::Type::get(*kind);
  } else if (const ir::BuiltinTypeInfo *info =
                 ir::lookupBuiltinType(StringRef(base).lower());
             info &&
             (info->dialectMask & (1u << unsigned(ir::Dialect::SQLite)))) {
    t = ir::Type::get(info->kind);
    if (info->kind == TypeKind::Native)
      t.name = schema.save(info->nativeName);
  } else {
    t = guessType(base, getAffinity(upper));
    known = false;
  }
  if (modsRead)
    for (size_t i = 0; i < mods.size() && i < getMaxModifiers(t.kind); ++i)
      t.addModifier(mods[i]);

  Affinity declaredAffinity = getAffinity(upper);
  Affinity exportAffinity = getExportAffinity(t);
  std::string spelling = ir::getTypeSpelling(t);
  if (declaredAffinity != exportAffinity)
    out.warning =
        ("declared type '" + text + "' has " +
         getAffinityName(declaredAffinity) + " affinity; it is pulled as " +
         spelling + ", which export declares with " +
         getAffinityName(exportAffinity) + " affinity")
            .str();
  else if (!known || !modsRead)
    out.warning =
        ("declared type '" + text +
         "' is not one the schema language knows; it is pulled as " + spelling +
         " (the same " + getAffinityName(declaredAffinity) + " affinity)")
            .str();
  return out;
}

StringRef introspect::normalizeSQLiteCollation(StringRef name,
                                               ir::Schema &schema) {
  for (StringRef builtin : {"binary", "nocase", "rtrim"})
    if (name.equals_insensitive(builtin))
      return builtin;
  return schema.save(name);
}

/// The values of `col IN ('a', 'b', ...)` on column `name`; nullopt for any
/// other expression.
static std::optional<std::vector<std::string>> getEnumValues(const ir::Expr *e,
                                                             StringRef name) {
  const auto *in = llvm::dyn_cast_or_null<ir::InExpr>(e);
  if (!in || in->isNegated() || in->getList().empty())
    return std::nullopt;
  const auto *ref = llvm::dyn_cast<ir::ColumnRef>(in->getOperand());
  if (!ref || !ref->getTable().empty() ||
      !ref->getColumn().equals_insensitive(name))
    return std::nullopt;
  std::vector<std::string> values;
  for (const ir::Expr *item : in->getList()) {
    const auto *s = llvm::dyn_cast<ir::StringLiteral>(item);
    if (!s || llvm::is_contained(values, s->getValue()))
      return std::nullopt;
    values.push_back(s->getValue().str());
  }
  return values;
}

bool SQLiteReader::readColumns() {
  auto result = ctx.query(
      ("SELECT m.name AS tbl, p.name AS name, p.type AS type, "
       "p.\"notnull\" AS not_null, p.dflt_value AS dflt, p.pk AS pk, "
       "p.hidden AS hidden "
       "FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p WHERE " +
       userTables() + " ORDER BY m.name, p.cid")
          .str(),
      "reading columns");
  if (!result)
    return false;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    TableInfo *info = findTable(row["tbl"]);
    if (!info)
      continue; // filtered out, or a shadow table
    ir::Table &table = *info->table;
    ir::Column col;
    col.name = ctx.save(row["name"]);
    std::string where = info->displayName() + ", column " + col.name.str();
    StringRef declared = ctx.save(row["type"]);
    SQLiteColumnType parsed = parseSQLiteColumnType(declared, schema);
    col.type = parsed.type;
    if (!parsed.warning.empty() && !table.options.strict)
      ctx.warnUnsupported(where, parsed.warning);
    col.nullable = !row.flag("not_null");
    if (int64_t pk = row.integer("pk").value_or(0)) {
      info->primaryKey.push_back({pk, col.name});
      col.nullable = false; // the IR's primary keys are NOT NULL
    }
    int64_t hidden = row.integer("hidden").value_or(0);
    if (hidden == 2 || hidden == 3)
      col.generated = ir::Generated{nullptr, hidden == 3};

    size_t pos = table.columns.size();
    info->columnIndex[col.name.lower()] = pos;
    info->declaredTypes.push_back(declared);
    table.columns.push_back(col);
    if (SQLiteColumnDef *def = info->findColumnDef(col.name)) {
      readColumnText(*info, table.columns[pos], *def, declared);
    } else if (auto dflt = row.optional("dflt")) {
      table.columns[pos].defaultValue = parse(*dflt, where + ", default");
    }
    if (table.columns[pos].generated && !table.columns[pos].generated->expr) {
      ctx.warnUnsupported(where, "its generation expression was not read; it "
                                 "is pulled as an ordinary column");
      table.columns[pos].generated.reset();
    }
  }
  return true;
}

void SQLiteReader::readColumnText(TableInfo &info, ir::Column &col,
                                  SQLiteColumnDef &def, StringRef declared) {
  std::string where = info.displayName() + ", column " + col.name.str();
  col.comment = ctx.save(def.comment);
  if (!def.collation.empty())
    col.collation = normalizeSQLiteCollation(def.collation, schema);
  if (def.hasDefault) {
    if (def.defaultIsQuotedIdent) {
      // DEFAULT "x": SQLite's legacy string literal.
      std::string value = def.defaultText.drop_front().drop_back().str();
      size_t at = 0;
      while ((at = value.find("\"\"", at)) != std::string::npos)
        value.erase(at++, 1);
      col.defaultValue = schema.getArena().create<ir::StringLiteral>(
          ctx.save(value), SourceRange());
    } else {
      const ir::Expr *e = parse(def.defaultText, where + ", default");
      // DEFAULT (CURRENT_TIMESTAMP) is what export writes for now(); a bare
      // CURRENT_TIMESTAMP stays the keyword the schema wrote.
      col.defaultValue =
          def.defaultParenthesized ? mapSQLiteExpr(e, schema.getArena()) : e;
    }
  }
  if (def.generated && col.generated)
    col.generated->expr = parse(*def.generated, where + ", generated");
  if (def.autoincrement)
    col.identity = ir::Identity::ByDefault;
  if (def.onConflict)
    ctx.warnUnsupported(where, "ON CONFLICT clauses are not in the schema "
                               "language; they are left out");

  // An inline, unnamed CHECK (col IN ('a', ...)) on a TEXT column is how
  // export writes an enum column; other column checks are table checks.
  bool text = StringRef(declared).equals_insensitive("TEXT") &&
              col.type.kind == TypeKind::Text;
  bool isEnum = false;
  for (const SQLiteCheck &check : def.checks) {
    const ir::Expr *e =
        parse(check.expr,
              where + ", check" + (check.name.empty() ? "" : " " + check.name));
    if (text && !isEnum && check.name.empty())
      if (auto values = getEnumValues(e, col.name)) {
        info.enumColumns.push_back(
            {size_t(&col - info.table->columns.data()), std::move(*values)});
        isEnum = true;
        continue;
      }
    info.columnChecks.push_back({ctx.save(check.name), e});
  }
}

void SQLiteReader::makeChecks(TableInfo &info) {
  auto add = [&](StringRef name, const ir::Expr *e) {
    auto check = std::make_unique<ir::CheckConstraint>();
    check->name = name;
    check->nameExplicit = !name.empty();
    check->expr = mapSQLiteExpr(e, schema.getArena(), info.table);
    info.table->constraints.push_back(std::move(check));
  };
  for (ir::Column &col : info.table->columns)
    if (col.generated)
      col.generated->expr =
          mapSQLiteExpr(col.generated->expr, schema.getArena(), info.table);
  // Column checks first: they come first in the text, and export writes
  // every check at the table's level in the same order.
  for (auto &[name, e] : info.columnChecks)
    add(name, e);
  if (!info.def)
    return;
  for (const SQLiteTableConstraintDef &c : info.def->constraints)
    if (c.kind == SQLiteTableConstraintDef::Kind::Check)
      add(ctx.save(c.name),
          parse(c.expr, info.displayName() + ", check" +
                            (c.name.empty() ? "" : " " + c.name)));
}
