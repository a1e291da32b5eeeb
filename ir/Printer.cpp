//===- Printer.cpp - the textual IR dump and expression rendering ---------===//
//
// printSchema writes one block per object in canonical order: namespaces,
// enums, sequences, tables, views. Every IR field is visible; defaults that
// carry no information (no comment, NO ACTION) are left out. Names print as
// written, double-quoted when not plain identifiers; strings print as SQL
// literals.
//
//===----------------------------------------------------------------------===//

#include "ir/Printer.h"
#include "llvm/ADT/StringExtras.h"

namespace schemac::ir {

std::string formatIdentifier(llvm::StringRef name) {
  bool plain =
      !name.empty() && (llvm::isAlpha(name[0]) || name[0] == '_') &&
      llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; });
  if (plain)
    return name.str();
  std::string out = "\"";
  for (char c : name) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
  return out;
}

namespace {

void printString(llvm::StringRef s, llvm::raw_ostream &os) {
  os << '\'';
  for (char c : s) {
    if (c == '\'')
      os << '\'';
    os << c;
  }
  os << '\'';
}

/// Collations always print quoted ("C", "en_US"), as pg_dump does.
void printCollation(llvm::StringRef name, llvm::raw_ostream &os) {
  os << " collate \"";
  for (char c : name) {
    if (c == '"')
      os << '"';
    os << c;
  }
  os << '"';
}

void printQualified(const QualifiedName &n, llvm::raw_ostream &os) {
  if (!n.ns.empty())
    os << formatIdentifier(n.ns) << '.';
  os << formatIdentifier(n.name);
}

void printNameList(llvm::ArrayRef<llvm::StringRef> names,
                   llvm::raw_ostream &os) {
  llvm::ListSeparator sep;
  for (llvm::StringRef n : names)
    os << sep << formatIdentifier(n);
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

class ExprPrinter {
public:
  explicit ExprPrinter(llvm::raw_ostream &os) : os(os) {}

  /// Prints `e`, parenthesized when it binds looser than `minPrec`.
  void print(const Expr *e, unsigned minPrec = 0) {
    if (!e) {
      os << "<null>";
      return;
    }
    bool parens = getExprPrecedence(e) < minPrec;
    if (parens)
      os << '(';
    printBare(e);
    if (parens)
      os << ')';
  }

private:
  void printList(llvm::ArrayRef<const Expr *> list) {
    llvm::ListSeparator sep;
    for (const Expr *e : list) {
      os << sep;
      print(e);
    }
  }

  void printBinary(const BinaryExpr *b) {
    unsigned prec = getBinaryOpPrecedence(b->getOp());
    // Levels 4-6 do not associate; the others associate to the left.
    bool nonAssoc = prec >= 4 && prec <= 6;
    print(b->getLHS(), nonAssoc ? prec + 1 : prec);
    os << ' ' << getBinaryOpSpelling(b->getOp()) << ' ';
    print(b->getRHS(), prec + 1);
  }

  void printBare(const Expr *e) {
    using llvm::cast;
    switch (e->getKind()) {
    case Expr::Kind::Null:
      os << "NULL";
      return;
    case Expr::Kind::Bool:
      os << (cast<BoolLiteral>(e)->getValue() ? "TRUE" : "FALSE");
      return;
    case Expr::Kind::Number:
      os << cast<NumberLiteral>(e)->getText();
      return;
    case Expr::Kind::String:
      printString(cast<StringLiteral>(e)->getValue(), os);
      return;
    case Expr::Kind::ColumnRef: {
      auto *c = cast<ColumnRef>(e);
      if (!c->getTable().empty())
        os << formatIdentifier(c->getTable()) << '.';
      os << formatIdentifier(c->getColumn());
      return;
    }
    case Expr::Kind::FuncCall: {
      auto *f = cast<FuncCall>(e);
      if (!f->getSchema().empty())
        os << formatIdentifier(f->getSchema()) << '.';
      os << formatIdentifier(f->getName());
      if (f->hasNoParens())
        return;
      os << '(';
      if (f->isDistinct())
        os << "DISTINCT ";
      if (f->isStar())
        os << '*';
      else
        printList(f->getArgs());
      os << ')';
      return;
    }
    case Expr::Kind::Unary: {
      auto *u = cast<UnaryExpr>(e);
      unsigned prec = getUnaryOpPrecedence(u->getOp());
      os << getUnaryOpSpelling(u->getOp());
      if (u->getOp() == UnaryOp::Not)
        os << ' ';
      // Equal precedence also gets parentheses: "- -x" would read as "--".
      // Prefix ~ takes PostgreSQL's operator level (its operand extends
      // over + there) but binds tightest in MySQL and the language: only
      // an atom or unary operand reads the same everywhere.
      print(u->getOperand(), u->getOp() == UnaryOp::BitNot
                                 ? std::max(prec + 1, 11u)
                                 : prec + 1);
      return;
    }
    case Expr::Kind::Binary:
      printBinary(cast<BinaryExpr>(e));
      return;
    case Expr::Kind::Cast: {
      auto *c = cast<CastExpr>(e);
      print(c->getOperand(), 12);
      os << "::" << getTypeSpelling(c->getType());
      return;
    }
    case Expr::Kind::Case: {
      auto *c = cast<CaseExpr>(e);
      os << "CASE";
      if (c->getOperand()) {
        os << ' ';
        print(c->getOperand());
      }
      for (const CaseWhen &w : c->getWhens()) {
        os << " WHEN ";
        print(w.condition);
        os << " THEN ";
        print(w.result);
      }
      if (c->getElse()) {
        os << " ELSE ";
        print(c->getElse());
      }
      os << " END";
      return;
    }
    case Expr::Kind::In: {
      auto *i = cast<InExpr>(e);
      print(i->getOperand(), 7);
      os << (i->isNegated() ? " NOT IN (" : " IN (");
      printList(i->getList());
      os << ')';
      return;
    }
    case Expr::Kind::IsNull: {
      auto *i = cast<IsNullExpr>(e);
      print(i->getOperand(), 5);
      os << (i->isNegated() ? " IS NOT NULL" : " IS NULL");
      return;
    }
    case Expr::Kind::Between: {
      auto *b = cast<BetweenExpr>(e);
      print(b->getOperand(), 7);
      os << (b->isNegated() ? " NOT BETWEEN " : " BETWEEN ");
      print(b->getLow(), 7);
      os << " AND ";
      print(b->getHigh(), 7);
      return;
    }
    case Expr::Kind::Array:
      os << "ARRAY[";
      printList(cast<ArrayExpr>(e)->getElements());
      os << ']';
      return;
    case Expr::Kind::Raw:
      os << "$$" << cast<RawSQL>(e)->getText() << "$$";
      return;
    }
  }

  llvm::raw_ostream &os;
};

//===----------------------------------------------------------------------===//
// Schema objects
//===----------------------------------------------------------------------===//

void printWas(llvm::ArrayRef<llvm::StringRef> was, llvm::raw_ostream &os) {
  if (was.empty())
    return;
  os << " was(";
  printNameList(was, os);
  os << ')';
}

/// The indented comment/was lines under an object header.
void printObjectExtras(const SchemaObject &o, llvm::raw_ostream &os) {
  if (!o.comment.empty()) {
    os << "  comment ";
    printString(o.comment, os);
    os << '\n';
  }
  if (!o.was.empty()) {
    os << "  was ";
    printNameList(o.was, os);
    os << '\n';
  }
}

void printEnum(const EnumType &e, llvm::raw_ostream &os) {
  os << "enum ";
  printQualified(e.name, os);
  os << " {";
  llvm::ListSeparator sep(",");
  for (const EnumValue &v : e.values) {
    os << sep << ' ';
    // Plain values print bare, others as strings (as the language takes them).
    if (formatIdentifier(v.name) == v.name)
      os << v.name;
    else
      printString(v.name, os);
    printWas(v.was, os);
  }
  os << (e.values.empty() ? "}\n" : " }\n");
  printObjectExtras(e, os);
}

void printSequence(const Sequence &s, llvm::raw_ostream &os) {
  os << "sequence ";
  printQualified(s.name, os);
  os << " as " << getTypeSpelling(s.type);
  auto opt = [&](llvm::StringRef word, const std::optional<int64_t> &v) {
    if (v)
      os << ' ' << word << ' ' << *v;
  };
  opt("start", s.start);
  opt("increment", s.increment);
  opt("minvalue", s.minValue);
  opt("maxvalue", s.maxValue);
  opt("cache", s.cache);
  if (s.cycle)
    os << " cycle";
  if (s.ownedBy) {
    os << " owned by ";
    printQualified(s.ownedBy->table, os);
    os << '.' << formatIdentifier(s.ownedBy->column);
  }
  os << '\n';
  printObjectExtras(s, os);
}

llvm::StringRef getIdentityText(Identity i) {
  switch (i) {
  case Identity::None:
    return "";
  case Identity::Always:
    return "always";
  case Identity::ByDefault:
    return "by default";
  case Identity::Serial:
    return "serial";
  }
  return "";
}

llvm::StringRef getRefActionText(RefAction a) {
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
  return "";
}

void printColumn(const Column &c, llvm::raw_ostream &os) {
  os << "  column " << formatIdentifier(c.name) << ' '
     << getTypeSpelling(c.type) << (c.nullable ? " null" : " not null");
  if (c.defaultValue) {
    os << " default ";
    printExpr(c.defaultValue, os);
  }
  if (c.identity != Identity::None)
    os << " identity(" << getIdentityText(c.identity) << ')';
  if (c.generated) {
    os << " generated (";
    printExpr(c.generated->expr, os);
    os << (c.generated->stored ? ") stored" : ") virtual");
  }
  if (!c.collation.empty())
    printCollation(c.collation, os);
  if (!c.comment.empty()) {
    os << " comment ";
    printString(c.comment, os);
  }
  printWas(c.was, os);
  os << '\n';
}

void printColumnList(llvm::ArrayRef<llvm::StringRef> cols,
                     llvm::raw_ostream &os) {
  os << '(';
  printNameList(cols, os);
  os << ')';
}

void printConstraint(const Constraint &c, llvm::raw_ostream &os) {
  os << "  constraint " << formatIdentifier(c.name) << ' ';
  switch (c.getKind()) {
  case Constraint::Kind::PrimaryKey:
    os << "primary key ";
    printColumnList(llvm::cast<PrimaryKey>(c).columns, os);
    break;
  case Constraint::Kind::Unique: {
    auto &u = llvm::cast<UniqueConstraint>(c);
    os << (u.nullsNotDistinct ? "unique nulls not distinct " : "unique ");
    printColumnList(u.columns, os);
    break;
  }
  case Constraint::Kind::ForeignKey: {
    auto &fk = llvm::cast<ForeignKey>(c);
    os << "foreign key ";
    printColumnList(fk.columns, os);
    os << " references ";
    printQualified(fk.refTable, os);
    os << ' ';
    printColumnList(fk.refColumns, os);
    if (fk.onDelete != RefAction::NoAction)
      os << " on delete " << getRefActionText(fk.onDelete);
    if (fk.onUpdate != RefAction::NoAction)
      os << " on update " << getRefActionText(fk.onUpdate);
    if (fk.deferrable)
      os << " deferrable";
    if (fk.initiallyDeferred)
      os << " initially deferred";
    break;
  }
  case Constraint::Kind::Check:
    os << "check (";
    printExpr(llvm::cast<CheckConstraint>(c).expr, os);
    os << ')';
    break;
  }
  if (!c.nameExplicit)
    os << " [derived]";
  printWas(c.was, os);
  os << '\n';
}

void printIndex(const Index &idx, llvm::raw_ostream &os) {
  os << "  " << (idx.unique ? "unique index " : "index ")
     << formatIdentifier(idx.name) << " on (";
  llvm::ListSeparator sep;
  for (const IndexElement &el : idx.elements) {
    os << sep;
    printExpr(el.expr, os);
    if (el.prefixLength)
      os << '(' << *el.prefixLength << ')';
    if (!el.collation.empty())
      printCollation(el.collation, os);
    if (!el.opclass.empty())
      os << ' ' << formatIdentifier(el.opclass);
    if (el.order != SortOrder::Default)
      os << (el.order == SortOrder::Asc ? " asc" : " desc");
    if (el.nulls != NullsOrder::Default)
      os << (el.nulls == NullsOrder::First ? " nulls first" : " nulls last");
  }
  os << ')';
  if (!idx.method.empty())
    os << " using " << formatIdentifier(idx.method);
  if (!idx.include.empty()) {
    os << " include ";
    printColumnList(idx.include, os);
  }
  if (idx.where) {
    os << " where (";
    printExpr(idx.where, os);
    os << ')';
  }
  if (!idx.nameExplicit)
    os << " [derived]";
  if (!idx.comment.empty()) {
    os << " comment ";
    printString(idx.comment, os);
  }
  printWas(idx.was, os);
  os << '\n';
}

/// One indented `options` line with the options that are set, if any.
void printTableOptions(const TableOptions &o, llvm::raw_ostream &os) {
  std::string line;
  auto add = [&](llvm::StringRef text) { line += " " + text.str(); };
  if (o.strict)
    add("strict");
  if (o.withoutRowid)
    add("without_rowid");
  if (!o.engine.empty())
    add("engine=" + formatIdentifier(o.engine));
  if (!o.charset.empty())
    add("charset=" + formatIdentifier(o.charset));
  if (!o.collation.empty())
    add("collation=" + formatIdentifier(o.collation));
  if (!line.empty())
    os << "  options" << line << '\n';
}

void printTable(const Table &t, llvm::raw_ostream &os) {
  os << "table ";
  printQualified(t.name, os);
  os << " {\n";
  printObjectExtras(t, os);
  printTableOptions(t.options, os);
  for (const Column &c : t.columns)
    printColumn(c, os);
  for (const auto &c : t.constraints)
    printConstraint(*c, os);
  for (const Index &idx : t.indexes)
    printIndex(idx, os);
  os << "}\n";
}

void printView(const View &v, llvm::raw_ostream &os) {
  os << (v.materialized ? "materialized view " : "view ");
  printQualified(v.name, os);
  os << " as $$" << v.query << "$$\n";
  printObjectExtras(v, os);
}

} // namespace

void printExpr(const Expr *e, llvm::raw_ostream &os) {
  ExprPrinter(os).print(e);
}

std::string exprToString(const Expr *e) {
  std::string s;
  llvm::raw_string_ostream os(s);
  printExpr(e, os);
  return s;
}

void printSchema(const Schema &schema, llvm::raw_ostream &os) {
  for (const Namespace &ns : schema.namespaces) {
    os << "namespace " << formatIdentifier(ns.name) << '\n';
    if (!ns.comment.empty()) {
      os << "  comment ";
      printString(ns.comment, os);
      os << '\n';
    }
  }
  for (const auto &e : schema.enums)
    printEnum(*e, os);
  for (const auto &s : schema.sequences)
    printSequence(*s, os);
  for (const auto &t : schema.tables)
    printTable(*t, os);
  for (const auto &v : schema.views)
    printView(*v, os);
}

} // namespace schemac::ir
