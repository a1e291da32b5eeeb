//===- MySQLColumns.cpp - columns and their types from information_schema -===//
//
// COLUMN_TYPE is the exact type ("int(10) unsigned", "enum('a','b')",
// "datetime(6)"); it is mapped back to the IR kind export wrote it for
// (docs/dialects.md has both directions). MariaDB gives defaults and
// generation expressions as SQL text; they are parsed like a schema file's.
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/MySQLIntrospector.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using namespace schemac::introspect;
using ir::TypeKind;
using llvm::StringRef;

/// The quoted values of "enum('a','b''c')" (MySQL doubles quotes inside;
/// backslashes are kept as they are, MariaDB does not escape them here).
static std::vector<std::string> parseEnumValues(StringRef args) {
  std::vector<std::string> values;
  size_t i = 0;
  while (i < args.size()) {
    if (args[i] != '\'') {
      ++i;
      continue;
    }
    std::string value;
    for (++i; i < args.size(); ++i) {
      if (args[i] == '\'') {
        if (i + 1 < args.size() && args[i + 1] == '\'') {
          value += '\'';
          ++i;
          continue;
        }
        break;
      }
      value += args[i];
    }
    ++i;
    values.push_back(std::move(value));
  }
  return values;
}

/// The display width MySQL gives an integer type when none is written; a
/// different one is kept only for the native types that can hold it.
static int64_t defaultDisplayWidth(StringRef name, bool isUnsigned) {
  if (name == "tinyint")
    return isUnsigned ? 3 : 4;
  if (name == "smallint")
    return isUnsigned ? 5 : 6;
  if (name == "mediumint")
    return isUnsigned ? 8 : 9;
  if (name == "int")
    return isUnsigned ? 10 : 11;
  return 20;
}

MySQLColumnType introspect::parseMySQLColumnType(StringRef columnType,
                                                 ir::Schema &schema) {
  MySQLColumnType out;
  StringRef text = columnType.trim();
  StringRef name = text.take_until([](char c) { return c == '(' || c == ' '; });
  StringRef rest = text.drop_front(name.size());
  StringRef args;
  if (rest.starts_with("(")) {
    // Enum values may hold ')': find the closing one outside quotes.
    size_t i = 1;
    bool inQuote = false;
    for (; i < rest.size(); ++i) {
      if (rest[i] == '\'')
        inQuote = !inQuote;
      else if (rest[i] == ')' && !inQuote)
        break;
    }
    args = rest.slice(1, i);
    rest = rest.drop_front(std::min(i + 1, rest.size()));
  }
  std::string lowerName = name.lower();
  name = lowerName;
  llvm::SmallVector<StringRef, 4> words;
  rest.split(words, ' ', -1, false);
  bool isUnsigned = false;
  for (StringRef word : words) {
    if (word.equals_insensitive("unsigned"))
      isUnsigned = true;
    else if (word.equals_insensitive("zerofill"))
      out.warning = "ZEROFILL is not in the schema language; the column is "
                    "kept without it";
    else if (word.equals_insensitive("signed"))
      ;
    else
      out.warning = ("'" + word + "' in type '" + columnType +
                     "' is not in the schema language; it is left out")
                        .str();
  }
  llvm::SmallVector<int64_t, 2> mods;
  if (name != "enum" && name != "set") {
    llvm::SmallVector<StringRef, 2> parts;
    args.split(parts, ',', -1, false);
    for (StringRef part : parts) {
      int64_t v = 0;
      if (!part.trim().getAsInteger(10, v))
        mods.push_back(v);
    }
  }

  ir::Type &t = out.type;
  t.isUnsigned = isUnsigned;
  auto setKind = [&](TypeKind kind) { t.kind = kind; };
  auto setNative = [&](StringRef native) {
    t.kind = TypeKind::Native;
    t.name = schema.save(native);
  };
  auto takeMods = [&](size_t max) {
    for (size_t i = 0; i < mods.size() && i < max; ++i)
      t.addModifier(mods[i]);
  };
  /// time/datetime/timestamp: 6 digits is what export writes for none.
  auto fractional = [&](TypeKind kind) {
    setKind(kind);
    int64_t p = mods.empty() ? 0 : mods[0];
    if (p != 6)
      t.addModifier(p);
  };

  if (name == "tinyint" && !mods.empty() && mods[0] == 1 && !isUnsigned) {
    setKind(TypeKind::Boolean);
  } else if (name == "tinyint" || name == "mediumint") {
    setNative(name);
    if (!mods.empty() && mods[0] != defaultDisplayWidth(name, isUnsigned))
      t.addModifier(mods[0]);
  } else if (name == "smallint" || name == "int" || name == "integer" ||
             name == "bigint") {
    // Display widths mean nothing (MySQL 8 drops them); they are not kept.
    setKind(name == "smallint" ? TypeKind::SmallInt
            : name == "bigint" ? TypeKind::BigInt
                               : TypeKind::Integer);
  } else if (name == "float") {
    // Export writes real as float too; `float` is MySQL's own spelling.
    setNative("float");
    takeMods(2);
  } else if (name == "double" || name == "real") {
    setKind(TypeKind::DoublePrecision);
    if (!mods.empty())
      out.warning = ("the precision of '" + columnType +
                     "' is not in the schema language; it is kept as double")
                        .str();
  } else if (name == "decimal" || name == "numeric") {
    setKind(TypeKind::Numeric);
    takeMods(2);
  } else if (name == "char" && mods.size() == 1 && mods[0] == 36) {
    // What export writes for uuid.
    setKind(TypeKind::Uuid);
  } else if (name == "uuid") {
    setKind(TypeKind::Uuid); // MariaDB 10.7's own type
  } else if (name == "char" || name == "varchar") {
    setKind(name == "char" ? TypeKind::Char : TypeKind::Varchar);
    takeMods(1);
  } else if (name == "text") {
    setKind(TypeKind::Text);
  } else if (name == "blob") {
    setKind(TypeKind::Bytes);
  } else if (name == "json") {
    setKind(TypeKind::Json); // MySQL 8
  } else if (name == "date") {
    setKind(TypeKind::Date);
  } else if (name == "time") {
    fractional(TypeKind::Time);
  } else if (name == "datetime") {
    fractional(TypeKind::Timestamp);
  } else if (name == "timestamp") {
    fractional(TypeKind::TimestampTz);
  } else if (name == "year") {
    setNative("year"); // year(4): the only width MariaDB has
  } else if (name == "enum") {
    setKind(TypeKind::Enum);
    out.enumValues = parseEnumValues(args);
  } else if (const ir::BuiltinTypeInfo *info = ir::lookupBuiltinType(name);
             info && info->kind == TypeKind::Native &&
             (info->dialectMask & (1u << unsigned(ir::Dialect::MySQL)))) {
    // tinytext ... longblob, binary(n), varbinary(n), bit(n).
    setNative(info->nativeName);
    takeMods(info->maxModifiers);
  } else {
    // set(...), geometry, inet6 ...: kept by name.
    t.kind = TypeKind::Native;
    t.name = schema.save(name == "set" ? (name + "(" + args + ")").str()
                                       : name.str());
    if (name != "set")
      takeMods(2);
    out.warning = ("type '" + columnType +
                   "' is not one the schema language knows; it is kept by "
                   "name")
                      .str();
  }
  return out;
}

/// Whether the type holds text with a collation of its own.
static bool hasCollation(const ir::Type &t) {
  switch (t.kind) {
  case TypeKind::Text:
  case TypeKind::Varchar:
  case TypeKind::Char:
  case TypeKind::Uuid:
  case TypeKind::Enum:
    return true;
  case TypeKind::Native:
    return t.name.ends_with("text") || t.name.starts_with("set(");
  default:
    return false;
  }
}

/// MySQL 8 gives a literal default as its bare value: a string for every
/// type but numbers and bits.
static std::string quoteMySQL8Default(StringRef text, const ir::Type &t) {
  if (t.isInteger() || t.kind == TypeKind::Numeric ||
      t.kind == TypeKind::Real || t.kind == TypeKind::DoublePrecision ||
      t.kind == TypeKind::Boolean ||
      (t.kind == TypeKind::Native &&
       (t.name == "tinyint" || t.name == "mediumint" || t.name == "float")))
    return text.str();
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'')
      out += c;
  }
  return out + "'";
}

bool MySQLReader::readColumns() {
  auto result = ctx.query(
      "SELECT TABLE_NAME AS tbl, COLUMN_NAME AS name, COLUMN_TYPE AS type, "
      "IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, EXTRA AS extra, "
      "GENERATION_EXPRESSION AS generated, COLLATION_NAME AS collation, "
      "COLUMN_COMMENT AS comment "
      "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
      "ORDER BY TABLE_NAME, ORDINAL_POSITION",
      "reading columns");
  if (!result)
    return false;

  struct Pending {
    TableInfo *info;
    size_t column;
    StringRef text;
    bool generated;
  };
  std::vector<Pending> pending;
  for (size_t i = 0; i < result->getNumRows(); ++i) {
    db::ResultRow row(*result, i);
    TableInfo *info = findTable(row["tbl"]);
    if (!info)
      continue; // a view, or filtered out
    ir::Table &table = *info->table;
    ir::Column col;
    col.name = ctx.save(row["name"]);
    std::string where = info->displayName() + ", column " + col.name.str();

    MySQLColumnType parsed = parseMySQLColumnType(row["type"], schema);
    col.type = parsed.type;
    bool isJson = info->jsonColumns.count(col.name) &&
                  col.type.kind == TypeKind::Native &&
                  col.type.name == "longtext";
    if (isJson)
      col.type = ir::Type::get(TypeKind::Json);
    else if (!parsed.warning.empty())
      ctx.warnUnsupported(where, parsed.warning);
    if (col.type.kind == TypeKind::Enum)
      info->enumColumns.push_back({table.columns.size(), parsed.enumValues});

    col.nullable = row["nullable"] == "YES";
    col.comment = ctx.save(row["comment"]);
    StringRef collation = row["collation"];
    if (!isJson && hasCollation(col.type) && !collation.empty() &&
        collation != info->collation)
      col.collation = ctx.save(collation);

    StringRef extra = row["extra"];
    llvm::SmallVector<StringRef, 4> words;
    extra.split(words, ' ', -1, false);
    bool onUpdate = false;
    for (size_t w = 0; w < words.size(); ++w) {
      StringRef word = words[w];
      if (word.equals_insensitive("auto_increment")) {
        col.identity = ir::Identity::ByDefault;
      } else if (word.equals_insensitive("virtual") ||
                 word.equals_insensitive("stored") ||
                 word.equals_insensitive("persistent")) {
        col.generated =
            ir::Generated{nullptr, !word.equals_insensitive("virtual")};
        ++w; // GENERATED
      } else if (word.equals_insensitive("on") && w + 1 < words.size() &&
                 words[w + 1].equals_insensitive("update")) {
        onUpdate = true;
        break;
      } else if (word.equals_insensitive("default_generated")) {
        // MySQL 8: the default is an expression.
      } else if (word.equals_insensitive("invisible")) {
        ctx.warnUnsupported(where, "INVISIBLE is not in the schema language; "
                                   "the column is kept visible");
      } else {
        ctx.warnUnsupported(where, "'" + word +
                                       "' is not in the schema language; it "
                                       "is left out");
      }
    }
    if (onUpdate)
      ctx.warnUnsupported(
          where, "'" +
                     extra.substr(extra.find_insensitive("on update")).trim() +
                     "' is not in the schema language; the column "
                     "keeps its default only");

    if (col.generated) {
      if (auto expr = row.optional("generated"); expr && !expr->empty())
        pending.push_back({info, table.columns.size(), *expr, true});
    } else if (auto dflt = row.optional("dflt");
               dflt && !dflt->equals_insensitive("NULL")) {
      StringRef text = *dflt;
      std::string quoted;
      if (!isMariaDB && !extra.contains_insensitive("default_generated") &&
          !(col.type.kind == TypeKind::TimestampTz ||
            col.type.kind == TypeKind::Timestamp)) {
        quoted = quoteMySQL8Default(text, col.type);
        text = quoted;
      }
      pending.push_back({info, table.columns.size(), ctx.save(text), false});
    }
    info->columnIndex[col.name] = table.columns.size();
    table.columns.push_back(col);
  }

  // Expressions once every column of the table is known.
  for (const Pending &p : pending) {
    ir::Table &table = *p.info->table;
    ir::Column &col = table.columns[p.column];
    std::string where = p.info->displayName() + ", column " + col.name.str() +
                        (p.generated ? ", generated" : ", default");
    const ir::Expr *e = parse(p.text, where);
    if (p.generated)
      col.generated->expr = mapMySQLExpr(e, table, nullptr, schema.getArena());
    else
      col.defaultValue = mapMySQLExpr(e, table, &col, schema.getArena());
  }
  return true;
}
