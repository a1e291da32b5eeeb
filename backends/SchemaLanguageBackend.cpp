//===- SchemaLanguageBackend.cpp - the "dsl" backend: .schema text --------===//
//
// Prints the Schema IR in schemac's own language so that parsing and
// analyzing the text gives back the same IR (docs/backends.md, "Schema
// language"). The output is meant to be owned and edited by people, so it is
// canonical and looks hand-written: columns in aligned name/type/options
// columns, single-column keys and references inline, lower-case keywords,
// quotes only where the grammar needs them.
//
// Derived names are left out and re-derived by sema, which names unnamed
// constraints of one kind in declaration order (column options first, then
// table items). Where the order matters (two derived names of one stem, such
// as posts_check and posts_check1, or MySQL's posts_ibfk_1 and _2), the
// items are printed in the order of their numbers.
//
//===----------------------------------------------------------------------===//

#include "backends/Backends.h"
#include "backends/SchemaLanguage.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include <fmt/format.h>

using namespace schemac;
using llvm::cast;
using llvm::dyn_cast;
using llvm::dyn_cast_or_null;
using llvm::StringRef;

//===----------------------------------------------------------------------===//
// Words and names
//===----------------------------------------------------------------------===//

/// Keywords that are not `nonReserved` in grammar/SchemaParser.g4: they
/// cannot be names unless quoted.
static bool isReservedWord(StringRef word) {
  std::string w = word.lower();
  return llvm::StringSwitch<bool>(w)
      .Cases("primary", "unique", "check", "foreign", "constraint", "index",
             true)
      .Cases("default", "identity", "references", "collate", "as", "stored",
             true)
      .Cases("virtual", "unsigned", "on", "not", "null", "true", "false", true)
      .Cases("deferrable", "using", "include", "where", "asc", "desc", true)
      .Cases("and", "or", "is", "in", "between", "like", "ilike", true)
      .Cases("distinct", "from", "case", "when", "then", "else", "end", true)
      .Cases("cast", "array", true)
      .Default(false);
}

/// SQL's keyword functions: an unquoted column reference spelled like one
/// is read as the function (frontend/ParseTreeBridge.cpp).
static bool isKeywordFunction(StringRef word) {
  std::string w = word.lower();
  return llvm::StringSwitch<bool>(w)
      .Cases("current_timestamp", "current_date", "current_time", "localtime",
             "localtimestamp", true)
      .Cases("current_user", "session_user", "current_role", "current_catalog",
             "current_schema", true)
      .Default(false);
}

static bool isPlainIdentifier(StringRef name) {
  return !name.empty() && (llvm::isAlpha(name[0]) || name[0] == '_') &&
         llvm::all_of(name,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

static std::string quoteIdentifier(StringRef name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + '"';
}

std::string schemac::formatSchemaIdentifier(StringRef name) {
  if (isPlainIdentifier(name) && !isReservedWord(name))
    return name.str();
  return quoteIdentifier(name);
}

namespace {

using ir::Expr;

/// A column name at the start of a line. Besides reserved words, the words
/// that continue a multi-word type (`double precision`, `character
/// varying`, `timestamp with time zone`) are quoted, so that the previous
/// column's type cannot swallow the name.
std::string formatColumnName(StringRef name) {
  std::string lower = name.lower();
  if (lower == "precision" || lower == "varying" || lower == "with" ||
      lower == "without")
    return quoteIdentifier(name);
  return formatSchemaIdentifier(name);
}

/// Function names are folded to lower case unless quoted.
std::string formatFunctionName(StringRef name) {
  if (isPlainIdentifier(name) && !isReservedWord(name) && name == name.lower())
    return name.str();
  return quoteIdentifier(name);
}

std::string formatQualified(const ir::QualifiedName &n) {
  std::string out;
  if (!n.ns.empty())
    out = formatSchemaIdentifier(n.ns) + ".";
  return out + formatSchemaIdentifier(n.name);
}

std::string formatString(StringRef s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += '\'';
    out += c;
  }
  return out + '\'';
}

std::string formatNameList(llvm::ArrayRef<StringRef> names) {
  std::string out = "(";
  llvm::ListSeparator sep;
  for (StringRef n : names)
    out += (StringRef(sep) + formatSchemaIdentifier(n)).str();
  return out + ')';
}

/// Width of `s` in code points, for aligning columns.
size_t displayWidth(StringRef s) {
  return llvm::count_if(s, [](char c) { return (c & 0xC0) != 0x80; });
}

/// The sort key of a constraint or index name: its stem and its trailing
/// number (-1 if none), so `posts_check` < `posts_check1` < `posts_check10`
/// and `email` < `email_2`. Derived names of one stem are numbered in
/// declaration order, so they must be printed in key order.
struct NameKey {
  StringRef stem;
  int64_t number = -1;
  StringRef name;
  bool operator<(const NameKey &o) const {
    return std::tie(stem, number, name) < std::tie(o.stem, o.number, o.name);
  }
};

NameKey getNameKey(StringRef name) {
  StringRef stem = name.rtrim("0123456789");
  StringRef digits = name.drop_front(stem.size());
  uint64_t n = 0;
  if (digits.empty() || digits.size() > 18 || digits.getAsInteger(10, n))
    return {name, -1, name};
  if (stem.ends_with("_"))
    stem = stem.drop_back();
  return {stem, static_cast<int64_t>(n), name};
}

/// True if derived names printed in this order come out of sema again.
/// `ranks` are the positions of the names in key order (IR order among
/// equal names, such as SQLite's unnamed foreign keys and checks, whose
/// order the IR keeps): within one stem they must increase.
bool isNamingOrder(llvm::ArrayRef<std::pair<StringRef, size_t>> ranked) {
  llvm::StringMap<size_t> last;
  for (auto [name, rank] : ranked) {
    auto [it, inserted] = last.try_emplace(getNameKey(name).stem, rank);
    if (!inserted && rank <= it->second)
      return false;
    it->second = rank;
  }
  return true;
}

llvm::StringRef getRefActionText(ir::RefAction a) {
  switch (a) {
  case ir::RefAction::NoAction:
    return "no action";
  case ir::RefAction::Restrict:
    return "restrict";
  case ir::RefAction::Cascade:
    return "cascade";
  case ir::RefAction::SetNull:
    return "set null";
  case ir::RefAction::SetDefault:
    return "set default";
  }
  return "no action";
}

/// Checks up to this size (expression nodes) may be printed inline;
/// `price > 0`, `kind in ('a', 'b', 'c')` and `length(code) = 3` are.
constexpr unsigned MaxInlineCheckNodes = 8;

unsigned countNodes(const Expr *e) {
  if (!e)
    return 0;
  unsigned n = 1;
  ir::forEachChild(e, [&](const Expr *child) { n += countNodes(child); });
  return n;
}

/// Where each constraint of `t` is printed: inline on a column, or as a
/// table item (in printing order).
struct Placement {
  std::vector<std::vector<const ir::Constraint *>> inlined; ///< per column
  std::vector<const ir::Constraint *> tableItems;
};

Placement placeConstraints(const ir::Table &t) {
  using Kind = ir::Constraint::Kind;
  // Which constraints go inline: unnamed single-column keys and references
  // without rename hints (a column's attributes are the column's own), and
  // unnamed checks that read only their column. Named ones read better as
  // table items (`unique users_email_key (email)`).
  auto columnIndex = [&](StringRef name) -> size_t {
    const ir::Column *c = t.findColumn(name);
    return c ? static_cast<size_t>(c - t.columns.data()) : t.columns.size();
  };
  auto inlineColumn = [&](const ir::Constraint &c) -> size_t {
    if (!c.was.empty() || c.nameExplicit)
      return t.columns.size();
    if (auto *pk = dyn_cast<ir::PrimaryKey>(&c))
      return pk->columns.size() == 1 ? columnIndex(pk->columns[0])
                                     : t.columns.size();
    if (auto *u = dyn_cast<ir::UniqueConstraint>(&c))
      return u->columns.size() == 1 && !u->nullsNotDistinct
                 ? columnIndex(u->columns[0])
                 : t.columns.size();
    if (auto *fk = dyn_cast<ir::ForeignKey>(&c))
      return fk->columns.size() == 1 ? columnIndex(fk->columns[0])
                                     : t.columns.size();
    // A short check that reads one column goes with it.
    const ir::Expr *e = cast<ir::CheckConstraint>(c).expr;
    if (countNodes(e) > MaxInlineCheckNodes)
      return t.columns.size();
    StringRef only;
    bool single = true;
    ir::forEachColumnRef(e, [&](const ir::ColumnRef *ref) {
      if (!ref->getTable().empty() ||
          (!only.empty() && only != ref->getColumn()))
        single = false;
      only = ref->getColumn();
    });
    return single && !only.empty() ? columnIndex(only) : t.columns.size();
  };
  // Constraints of one kind in key order; then per kind, inline ones only
  // if the derived names still come out in declaration order.
  std::vector<const ir::Constraint *> sorted;
  for (const auto &c : t.constraints)
    sorted.push_back(c.get());
  llvm::stable_sort(sorted,
                    [](const ir::Constraint *a, const ir::Constraint *b) {
                      if (a->getKind() != b->getKind())
                        return a->getKind() < b->getKind();
                      return getNameKey(a->name) < getNameKey(b->name);
                    });
  llvm::DenseMap<const ir::Constraint *, size_t> rank;
  for (size_t i = 0; i < sorted.size(); ++i)
    rank[sorted[i]] = i;
  Placement placed;
  placed.inlined.resize(t.columns.size());
  for (Kind kind :
       {Kind::PrimaryKey, Kind::Unique, Kind::ForeignKey, Kind::Check}) {
    std::vector<std::vector<const ir::Constraint *>> byColumn(t.columns.size());
    std::vector<const ir::Constraint *> rest;
    std::vector<size_t> columnOf(sorted.size());
    std::vector<unsigned> perColumn(t.columns.size() + 1);
    for (size_t i = 0; i < sorted.size(); ++i)
      if (sorted[i]->getKind() == kind)
        ++perColumn[columnOf[i] = inlineColumn(*sorted[i])];
    for (size_t i = 0; i < sorted.size(); ++i) {
      if (sorted[i]->getKind() != kind)
        continue;
      size_t col = columnOf[i];
      // One check per column at most, or the line grows long.
      if (kind == Kind::Check && col < t.columns.size() && perColumn[col] > 1)
        col = t.columns.size();
      (col < t.columns.size() ? byColumn[col] : rest).push_back(sorted[i]);
    }
    std::vector<std::pair<StringRef, size_t>> derived;
    auto addDerived = [&](const ir::Constraint *c) {
      if (!c->nameExplicit)
        derived.push_back({c->name, rank.lookup(c)});
    };
    for (auto &cs : byColumn)
      llvm::for_each(cs, addDerived);
    llvm::for_each(rest, addDerived);
    if (isNamingOrder(derived)) {
      for (size_t i = 0; i < byColumn.size(); ++i)
        llvm::append_range(placed.inlined[i], byColumn[i]);
      llvm::append_range(placed.tableItems, rest);
    } else {
      for (const ir::Constraint *c : sorted)
        if (c->getKind() == kind)
          placed.tableItems.push_back(c);
    }
  }
  return placed;
}

//===----------------------------------------------------------------------===//
// The printer
//===----------------------------------------------------------------------===//

class Printer {
public:
  Printer(const ir::Schema &schema, llvm::raw_ostream &os,
          const SchemaLanguageOptions &options)
      : schema(schema), os(os), options(options) {}

  void run();

private:
  bool wanted(StringRef ns) const {
    return !options.onlyNamespace || *options.onlyNamespace == ns;
  }
  /// Reports a fact the language cannot express (the output keeps going),
  /// naming the object being printed.
  void warn(SourceRange range, std::string message) {
    if (options.diags)
      options.diags->report(DiagID::NotExpressible, range,
                            context + ": " + message);
  }
  void setContext(llvm::StringRef kind, const ir::QualifiedName &name) {
    context = fmt::format("{} '{}'", kind.str(), name.str());
  }
  void setContext(llvm::StringRef kind, llvm::StringRef name,
                  const ir::Table &t) {
    context = fmt::format("{} '{}' of table '{}'", kind.str(), name.str(),
                          t.name.str());
  }
  void startDeclaration() {
    if (!first)
      os << '\n';
    first = false;
  }

  // Expressions, in the grammar's precedence (SchemaParser.g4).
  std::string expr(const Expr *e);
  void printExpr(const Expr *e, unsigned minPrec, llvm::raw_ostream &out);
  void printExprBare(const Expr *e, llvm::raw_ostream &out);
  std::string rawSQL(StringRef text, SourceRange range);

  std::string type(const ir::Type &t, SourceRange range);
  void printDoc(StringRef comment, StringRef indent, SourceRange range);
  std::string attributes(llvm::ArrayRef<StringRef> was);

  void printNamespace(const ir::Namespace &ns);
  void printEnum(const ir::EnumType &e);
  void printSequence(const ir::Sequence &s);
  void printTable(const ir::Table &t);
  void printView(const ir::View &v);

  // Table pieces.
  std::string columnType(const ir::Column &c);
  std::string columnOptions(const ir::Column &c,
                            llvm::ArrayRef<const ir::Constraint *> inlined);
  std::string defaultValue(const ir::Column &c);
  std::string references(const ir::ForeignKey &fk);
  std::string constraintName(const ir::Constraint &c);
  std::string tableConstraint(const ir::Constraint &c);
  std::string index(const ir::Table &t, const ir::Index &idx);

  const ir::Schema &schema;
  llvm::raw_ostream &os;
  const SchemaLanguageOptions &options;
  bool first = true;
  std::string context; ///< the object being printed, for warnings
};

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

std::string Printer::expr(const Expr *e) {
  std::string s;
  llvm::raw_string_ostream out(s);
  printExpr(e, 0, out);
  return s;
}

std::string Printer::rawSQL(StringRef text, SourceRange range) {
  if (text.contains("$$"))
    warn(range, "raw SQL containing '$$' cannot be written in the schema "
                "language: read back, it ends at the first '$$'");
  return text.empty() ? "$$ $$" : ("$$ " + text + " $$").str();
}

/// Prints `e`, parenthesized when it binds looser than `minPrec` (levels of
/// ir/Expr.cpp, which follow the grammar except where noted).
void Printer::printExpr(const Expr *e, unsigned minPrec,
                        llvm::raw_ostream &out) {
  if (!e) {
    out << "null";
    return;
  }
  bool parens = ir::getExprPrecedence(e) < minPrec;
  if (parens)
    out << '(';
  printExprBare(e, out);
  if (parens)
    out << ')';
}

void Printer::printExprBare(const Expr *e, llvm::raw_ostream &out) {
  auto list = [&](llvm::ArrayRef<const Expr *> items) {
    llvm::ListSeparator sep;
    for (const Expr *item : items) {
      out << sep;
      printExpr(item, 0, out);
    }
  };
  switch (e->getKind()) {
  case Expr::Kind::Null:
    out << "null";
    return;
  case Expr::Kind::Bool:
    out << (cast<ir::BoolLiteral>(e)->getValue() ? "true" : "false");
    return;
  case Expr::Kind::Number:
    out << cast<ir::NumberLiteral>(e)->getText();
    return;
  case Expr::Kind::String:
    out << formatString(cast<ir::StringLiteral>(e)->getValue());
    return;
  case Expr::Kind::ColumnRef: {
    auto *c = cast<ir::ColumnRef>(e);
    if (!c->getTable().empty())
      out << formatSchemaIdentifier(c->getTable()) << '.'
          << formatSchemaIdentifier(c->getColumn());
    else if (isKeywordFunction(c->getColumn()))
      out << quoteIdentifier(c->getColumn());
    else
      out << formatSchemaIdentifier(c->getColumn());
    return;
  }
  case Expr::Kind::FuncCall: {
    auto *f = cast<ir::FuncCall>(e);
    if (f->hasNoParens() && f->getSchema().empty() &&
        isKeywordFunction(f->getName())) {
      out << f->getName().lower();
      return;
    }
    if (f->hasNoParens())
      warn(e->getRange(),
           fmt::format("'{}' without parentheses cannot be written in the "
                       "schema language; it is printed as a call",
                       f->getName().str()));
    if (!f->getSchema().empty())
      out << formatFunctionName(f->getSchema()) << '.';
    out << formatFunctionName(f->getName()) << '(';
    if (f->isDistinct())
      out << "distinct ";
    if (f->isStar())
      out << '*';
    else
      list(f->getArgs());
    out << ')';
    return;
  }
  case Expr::Kind::Unary: {
    auto *u = cast<ir::UnaryExpr>(e);
    if (u->getOp() == ir::UnaryOp::Not) {
      out << "not ";
      printExpr(u->getOperand(), ir::getUnaryOpPrecedence(u->getOp()) + 1, out);
      return;
    }
    // The grammar's prefix - + ~ take a cast or an atom (`~` binds as
    // tightly as `-` there, unlike its level in ir/Expr.cpp); a nested
    // prefix gets parentheses so "- -x" never reads as one token.
    out << ir::getUnaryOpSpelling(u->getOp());
    printExpr(u->getOperand(), 12, out);
    return;
  }
  case Expr::Kind::Binary: {
    auto *b = cast<ir::BinaryExpr>(e);
    unsigned prec = ir::getBinaryOpPrecedence(b->getOp());
    // IS DISTINCT FROM, comparisons and LIKE do not chain without
    // parentheses; the other operators associate to the left.
    bool nonAssoc = prec >= 4 && prec <= 6;
    printExpr(b->getLHS(), nonAssoc ? prec + 1 : prec, out);
    out << ' ' << ir::getBinaryOpSpelling(b->getOp()).lower() << ' ';
    printExpr(b->getRHS(), prec + 1, out);
    return;
  }
  case Expr::Kind::Cast: {
    auto *c = cast<ir::CastExpr>(e);
    printExpr(c->getOperand(), 12, out);
    out << "::" << type(c->getType(), e->getRange());
    return;
  }
  case Expr::Kind::Case: {
    auto *c = cast<ir::CaseExpr>(e);
    out << "case";
    if (c->getOperand()) {
      out << ' ';
      printExpr(c->getOperand(), 0, out);
    }
    for (const ir::CaseWhen &w : c->getWhens()) {
      out << " when ";
      printExpr(w.condition, 0, out);
      out << " then ";
      printExpr(w.result, 0, out);
    }
    if (c->getElse()) {
      out << " else ";
      printExpr(c->getElse(), 0, out);
    }
    out << " end";
    return;
  }
  case Expr::Kind::In: {
    auto *i = cast<ir::InExpr>(e);
    printExpr(i->getOperand(), 7, out);
    out << (i->isNegated() ? " not in (" : " in (");
    list(i->getList());
    out << ')';
    return;
  }
  case Expr::Kind::IsNull: {
    auto *i = cast<ir::IsNullExpr>(e);
    printExpr(i->getOperand(), 5, out);
    out << (i->isNegated() ? " is not null" : " is null");
    return;
  }
  case Expr::Kind::Between: {
    auto *b = cast<ir::BetweenExpr>(e);
    printExpr(b->getOperand(), 7, out);
    out << (b->isNegated() ? " not between " : " between ");
    printExpr(b->getLow(), 7, out); // an arith in the grammar
    out << " and ";
    printExpr(b->getHigh(), 7, out);
    return;
  }
  case Expr::Kind::Array:
    out << "array[";
    list(cast<ir::ArrayExpr>(e)->getElements());
    out << ']';
    return;
  case Expr::Kind::Raw:
    out << rawSQL(cast<ir::RawSQL>(e)->getText(), e->getRange());
    return;
  }
}

//===----------------------------------------------------------------------===//
// Types, comments, attributes
//===----------------------------------------------------------------------===//

/// An enum name part, quoted when it is no plain name or would read as a
/// built-in type (`"int"`).
static std::string formatEnumNamePart(StringRef part) {
  if (ir::lookupBuiltinType(part.lower()))
    return quoteIdentifier(part);
  return formatSchemaIdentifier(part);
}

std::string Printer::type(const ir::Type &t, SourceRange range) {
  if (t.kind == ir::TypeKind::Enum) {
    std::string out;
    if (!t.ns.empty())
      out = formatSchemaIdentifier(t.ns) + ".";
    out += formatEnumNamePart(t.name);
    for (unsigned i = 0; i < t.arrayDims; ++i)
      out += "[]";
    return out;
  }
  if (t.kind == ir::TypeKind::Native && !ir::lookupBuiltinType(t.name))
    warn(range, fmt::format("type '{}' has no spelling in the schema "
                            "language; it would be read as an enum",
                            t.name.str()));
  return ir::getTypeSpelling(t);
}

void Printer::printDoc(StringRef comment, StringRef indent, SourceRange range) {
  if (comment.empty())
    return;
  llvm::SmallVector<StringRef, 4> lines;
  comment.split(lines, '\n');
  bool trimmed = false;
  for (StringRef line : lines) {
    StringRef text = line.rtrim();
    trimmed |= text.size() != line.size();
    os << indent << "///";
    if (!text.empty())
      os << ' ' << text;
    os << '\n';
  }
  if (trimmed)
    warn(range, "a doc comment line ends in white space, which the schema "
                "language drops");
}

std::string Printer::attributes(llvm::ArrayRef<StringRef> was) {
  std::string out;
  for (StringRef old : was)
    out += " @was(" + formatSchemaIdentifier(old) + ")";
  return out;
}

//===----------------------------------------------------------------------===//
// Top-level declarations
//===----------------------------------------------------------------------===//

void Printer::printNamespace(const ir::Namespace &ns) {
  startDeclaration();
  context = fmt::format("schema '{}'", ns.name.str());
  printDoc(ns.comment, "", ns.range);
  os << "schema " << formatSchemaIdentifier(ns.name) << '\n';
}

void Printer::printEnum(const ir::EnumType &e) {
  startDeclaration();
  setContext("enum", e.name);
  printDoc(e.comment, "", e.range);
  std::string head =
      "enum " + formatQualified(e.name) + attributes(e.was) + " {";
  std::vector<std::string> values;
  size_t width = head.size() + 2;
  for (const ir::EnumValue &v : e.values) {
    std::string text = isPlainIdentifier(v.name) && !isReservedWord(v.name)
                           ? v.name.str()
                           : formatString(v.name);
    values.push_back(text + attributes(v.was));
    width += values.back().size() + 2;
  }
  os << head;
  if (values.empty()) {
    os << "}\n";
  } else if (width <= 80) {
    os << ' ' << llvm::join(values, ", ") << " }\n";
  } else {
    os << '\n';
    for (const std::string &v : values)
      os << "  " << v << ",\n";
    os << "}\n";
  }
}

void Printer::printSequence(const ir::Sequence &s) {
  startDeclaration();
  setContext("sequence", s.name);
  printDoc(s.comment, "", s.range);
  os << "sequence " << formatQualified(s.name) << attributes(s.was);
  if (s.type.kind != ir::TypeKind::BigInt || s.type.arrayDims ||
      s.type.isUnsigned)
    os << " as " << type(s.type, s.range);
  if (s.start)
    os << " start with " << *s.start;
  if (s.increment)
    os << " increment by " << *s.increment;
  if (s.minValue)
    os << " minvalue " << *s.minValue;
  if (s.maxValue)
    os << " maxvalue " << *s.maxValue;
  if (s.cache)
    os << " cache " << *s.cache;
  if (s.cycle)
    os << " cycle";
  if (s.ownedBy)
    os << " owned by " << formatQualified(s.ownedBy->table) << '.'
       << formatSchemaIdentifier(s.ownedBy->column);
  os << '\n';
}

void Printer::printView(const ir::View &v) {
  startDeclaration();
  setContext("view", v.name);
  printDoc(v.comment, "", v.range);
  os << (v.materialized ? "materialized view " : "view ")
     << formatQualified(v.name) << attributes(v.was) << " as ";
  StringRef query = v.query;
  if (!query.contains('\n')) {
    os << rawSQL(query, v.range) << '\n';
    return;
  }
  if (query.contains("$$"))
    rawSQL(query, v.range); // for the warning
  // The reader trims the body, so the first line can be indented like the
  // others (their common indentation) without changing the query.
  llvm::SmallVector<StringRef, 8> lines;
  query.split(lines, '\n');
  size_t indent = StringRef::npos;
  for (StringRef line : llvm::drop_begin(lines))
    if (!line.trim().empty())
      indent = std::min(indent, line.size() - line.ltrim(" ").size());
  if (indent == StringRef::npos || indent == 0)
    indent = 2;
  os << "$$\n" << std::string(indent, ' ') << query << "\n$$\n";
}

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

std::string Printer::columnType(const ir::Column &c) {
  std::string spelling;
  if (c.identity == ir::Identity::Serial) {
    if (c.type.isInteger()) {
      spelling = c.type.kind == ir::TypeKind::SmallInt  ? "smallserial"
                 : c.type.kind == ir::TypeKind::Integer ? "serial"
                                                        : "bigserial";
      if (c.type.isUnsigned)
        spelling += " unsigned";
    } else {
      warn(c.range, fmt::format("a serial column of type '{}' cannot be "
                                "written in the schema language",
                                ir::getTypeSpelling(c.type)));
    }
  }
  if (spelling.empty())
    spelling = type(c.type, c.range);
  return c.nullable ? spelling + "?" : spelling;
}

std::string Printer::defaultValue(const ir::Column &c) {
  // An enum column's default reads best as the bare value name.
  if (auto *s = dyn_cast<ir::StringLiteral>(c.defaultValue))
    if (c.type.kind == ir::TypeKind::Enum && c.type.arrayDims == 0 &&
        isPlainIdentifier(s->getValue()) && !isReservedWord(s->getValue()) &&
        !isKeywordFunction(s->getValue()))
      return s->getValue().str();
  return expr(c.defaultValue);
}

std::string Printer::references(const ir::ForeignKey &fk) {
  std::string out = "references " + formatQualified(fk.refTable);
  if (!fk.refColumns.empty())
    out += formatNameList(fk.refColumns);
  if (fk.onDelete != ir::RefAction::NoAction)
    out += " on delete " + getRefActionText(fk.onDelete).str();
  if (fk.onUpdate != ir::RefAction::NoAction)
    out += " on update " + getRefActionText(fk.onUpdate).str();
  if (fk.deferrable)
    out +=
        fk.initiallyDeferred ? " deferrable initially deferred" : " deferrable";
  else if (fk.initiallyDeferred)
    warn(fk.range, "a foreign key initially deferred but not deferrable "
                   "cannot be written in the schema language; it is printed "
                   "as not deferrable");
  return out;
}

/// ` NAME` after a table item's keyword, for explicit names only (inline
/// constraints are unnamed).
std::string Printer::constraintName(const ir::Constraint &c) {
  return c.nameExplicit ? " " + formatSchemaIdentifier(c.name) : "";
}

std::string
Printer::columnOptions(const ir::Column &c,
                       llvm::ArrayRef<const ir::Constraint *> inlined) {
  std::vector<std::string> opts;
  auto constraintsOf = [&](ir::Constraint::Kind kind) {
    for (const ir::Constraint *con : inlined) {
      if (con->getKind() != kind)
        continue;
      std::string text;
      if (auto *fk = dyn_cast<ir::ForeignKey>(con))
        text = references(*fk);
      else if (auto *check = dyn_cast<ir::CheckConstraint>(con))
        text = "check (" + expr(check->expr) + ")";
      else
        text =
            kind == ir::Constraint::Kind::PrimaryKey ? "primary key" : "unique";
      opts.push_back(text);
    }
  };
  if (c.identity == ir::Identity::ByDefault)
    opts.push_back("identity");
  else if (c.identity == ir::Identity::Always)
    opts.push_back("identity always");
  if ((c.identity == ir::Identity::ByDefault ||
       c.identity == ir::Identity::Always) &&
      !c.type.isInteger())
    warn(c.range, "an identity column that is not an integer cannot be "
                  "written in the schema language");
  constraintsOf(ir::Constraint::Kind::PrimaryKey);
  constraintsOf(ir::Constraint::Kind::Unique);
  if (c.defaultValue)
    opts.push_back("default " + defaultValue(c));
  if (c.generated)
    opts.push_back("as (" + expr(c.generated->expr) + ")" +
                   (c.generated->stored ? " stored" : " virtual"));
  if (!c.collation.empty())
    opts.push_back("collate " + formatSchemaIdentifier(c.collation));
  constraintsOf(ir::Constraint::Kind::Check);
  constraintsOf(ir::Constraint::Kind::ForeignKey);
  std::string out = llvm::join(opts, " ");
  std::string was = attributes(c.was);
  return out.empty() ? StringRef(was).ltrim().str() : out + was;
}

std::string Printer::tableConstraint(const ir::Constraint &c) {
  std::string name = constraintName(c);
  std::string out;
  switch (c.getKind()) {
  case ir::Constraint::Kind::PrimaryKey:
    out = "primary key" + name + " " +
          formatNameList(cast<ir::PrimaryKey>(c).columns);
    break;
  case ir::Constraint::Kind::Unique: {
    auto &u = cast<ir::UniqueConstraint>(c);
    out = "unique" + name +
          (u.nullsNotDistinct ? " nulls not distinct " : " ") +
          formatNameList(u.columns);
    break;
  }
  case ir::Constraint::Kind::ForeignKey: {
    auto &fk = cast<ir::ForeignKey>(c);
    out = "foreign key" + name + " " + formatNameList(fk.columns) + " " +
          references(fk);
    break;
  }
  case ir::Constraint::Kind::Check:
    out = "check" + name + " (" + expr(cast<ir::CheckConstraint>(c).expr) + ")";
    break;
  }
  return out + attributes(c.was);
}

std::string Printer::index(const ir::Table &t, const ir::Index &idx) {
  std::string out = "index";
  if (idx.nameExplicit)
    out += " " + formatSchemaIdentifier(idx.name);
  out += " (";
  llvm::ListSeparator sep;
  for (const ir::IndexElement &el : idx.elements) {
    out += StringRef(sep).str();
    auto *ref = dyn_cast_or_null<ir::ColumnRef>(el.expr);
    auto *call = dyn_cast_or_null<ir::FuncCall>(el.expr);
    if (call && call->getSchema().empty() && call->getArgs().size() == 1 &&
        !call->hasNoParens() && t.findColumn(call->getName()))
      warn(idx.range,
           fmt::format("index key '{}' would read as a prefix key of column "
                       "'{}' in the schema language",
                       expr(el.expr), call->getName().str()));
    if (el.prefixLength && ref && ref->getTable().empty())
      out += formatSchemaIdentifier(ref->getColumn()) + "(" +
             std::to_string(*el.prefixLength) + ")";
    else
      out += expr(el.expr);
    if (!el.collation.empty())
      out += " collate " + formatSchemaIdentifier(el.collation);
    if (!el.opclass.empty())
      out += " " + formatSchemaIdentifier(el.opclass);
    if (el.order != ir::SortOrder::Default)
      out += el.order == ir::SortOrder::Asc ? " asc" : " desc";
    if (el.nulls != ir::NullsOrder::Default)
      out += el.nulls == ir::NullsOrder::First ? " nulls first" : " nulls last";
  }
  out += ")";
  if (idx.unique)
    out += " unique";
  if (!idx.method.empty())
    out += " using " + formatSchemaIdentifier(idx.method);
  if (!idx.include.empty())
    out += " include " + formatNameList(idx.include);
  if (idx.where)
    out += " where " + expr(idx.where);
  return out + attributes(idx.was);
}

void Printer::printTable(const ir::Table &t) {
  startDeclaration();
  setContext("table", t.name);
  printDoc(t.comment, "", t.range);
  os << "table " << formatQualified(t.name);
  const ir::TableOptions &o = t.options;
  if (o.strict)
    os << " @strict";
  if (o.withoutRowid)
    os << " @without_rowid";
  if (!o.engine.empty())
    os << " @engine(" << formatSchemaIdentifier(o.engine) << ')';
  if (!o.charset.empty())
    os << " @charset(" << formatSchemaIdentifier(o.charset) << ')';
  if (!o.collation.empty())
    os << " @collation(" << formatSchemaIdentifier(o.collation) << ')';
  os << attributes(t.was) << " {\n";

  Placement placed = placeConstraints(t);
  std::vector<std::vector<const ir::Constraint *>> &inlined = placed.inlined;
  std::vector<const ir::Constraint *> &tableItems = placed.tableItems;
  std::vector<const ir::Index *> indexes;
  for (const ir::Index &idx : t.indexes)
    indexes.push_back(&idx);
  llvm::stable_sort(indexes, [](const ir::Index *a, const ir::Index *b) {
    return getNameKey(a->name) < getNameKey(b->name);
  });

  // Columns in three aligned fields: name, type, options.
  struct Line {
    std::string name, type, options;
  };
  std::vector<Line> lines;
  size_t nameWidth = 0, typeWidth = 0;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const ir::Column &c = t.columns[i];
    setContext("column", c.name, t);
    lines.push_back({formatColumnName(c.name), columnType(c),
                     columnOptions(c, inlined[i])});
    nameWidth = std::max(nameWidth, displayWidth(lines.back().name));
    if (!lines.back().options.empty())
      typeWidth = std::max(typeWidth, displayWidth(lines.back().type));
  }
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const Line &l = lines[i];
    setContext("column", t.columns[i].name, t);
    printDoc(t.columns[i].comment, "  ", t.columns[i].range);
    os << "  " << l.name;
    os.indent(nameWidth - displayWidth(l.name) + 2) << l.type;
    if (!l.options.empty())
      os.indent(typeWidth - displayWidth(l.type) + 2) << l.options;
    os << '\n';
  }

  if (!t.columns.empty() && (!tableItems.empty() || !indexes.empty()))
    os << '\n';
  for (const ir::Constraint *c : tableItems) {
    setContext("constraint", c->name, t);
    os << "  " << tableConstraint(*c) << '\n';
  }
  for (const ir::Index *idx : indexes) {
    setContext("index", idx->name, t);
    printDoc(idx->comment, "  ", idx->range);
    os << "  " << index(t, *idx) << '\n';
  }
  os << "}\n";
}

void Printer::run() {
  for (const ir::Namespace &ns : schema.namespaces)
    if (!options.onlyNamespace || *options.onlyNamespace == ns.name)
      printNamespace(ns);
  for (const auto &e : schema.enums)
    if (wanted(e->name.ns))
      printEnum(*e);
  for (const auto &s : schema.sequences)
    if (wanted(s->name.ns))
      printSequence(*s);
  for (const auto &t : schema.tables)
    if (wanted(t->name.ns))
      printTable(*t);
  for (const auto &v : schema.views)
    if (wanted(v->name.ns))
      printView(*v);
}

//===----------------------------------------------------------------------===//
// The backend
//===----------------------------------------------------------------------===//

class SchemaLanguageBackend : public Backend {
public:
  llvm::StringRef getName() const override { return "dsl"; }
  llvm::StringRef getDescription() const override {
    return "the schema in schemac's own language, as a .schema file";
  }
  bool run(const ir::Schema &schema, llvm::raw_ostream &os,
           DiagnosticEngine &diags) override {
    SchemaLanguageOptions options;
    options.diags = &diags;
    printSchemaLanguage(schema, os, options);
    return true;
  }
};

} // namespace

void schemac::printSchemaLanguage(const ir::Schema &schema,
                                  llvm::raw_ostream &os,
                                  const SchemaLanguageOptions &options) {
  Printer(schema, os, options).run();
}

std::unique_ptr<Backend> schemac::createSchemaLanguageBackend() {
  return std::make_unique<SchemaLanguageBackend>();
}
