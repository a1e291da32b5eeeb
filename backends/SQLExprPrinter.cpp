//===- SQLExprPrinter.cpp - IR expressions printed as SQL per dialect -----===//

#include "backends/SQLExprPrinter.h"
#include "backends/SQLFragments.h"
#include "backends/SQLQuoting.h"
#include "backends/SQLTypes.h"
#include "llvm/Support/raw_ostream.h"
#include <climits>
#include <fmt/format.h>

using namespace schemac;
using namespace schemac::backends;
using namespace schemac::ir;
using llvm::cast;
using llvm::StringRef;

namespace {

/// Operator families whose relative binding all three dialects agree on
/// (Logic below Compare below Arith); `Other` operators (||, bit, JSON,
/// regex) sit differently in each dialect.
enum class Tier : uint8_t { Atom, Arith, Other, Compare, Logic, Raw };

/// How tightly a printed expression binds: its level (the shared precedence
/// of ir::getExprPrecedence, shifted so raw SQL sits below everything), its
/// tier, and whether its operator is non-associative.
struct Binding {
  unsigned level;
  Tier tier;
  bool nonAssoc = false;
};

constexpr unsigned AtomLevel = UINT_MAX;

unsigned levelOf(BinaryOp op) { return getBinaryOpPrecedence(op) + 1; }
unsigned levelOf(const Expr *e) { return getExprPrecedence(e) + 1; }

Tier getTier(BinaryOp op) {
  switch (op) {
  case BinaryOp::Or:
  case BinaryOp::And:
    return Tier::Logic;
  case BinaryOp::Eq:
  case BinaryOp::Ne:
  case BinaryOp::Lt:
  case BinaryOp::Le:
  case BinaryOp::Gt:
  case BinaryOp::Ge:
  case BinaryOp::Like:
  case BinaryOp::NotLike:
  case BinaryOp::ILike:
  case BinaryOp::NotILike:
  case BinaryOp::IsDistinctFrom:
  case BinaryOp::IsNotDistinctFrom:
    return Tier::Compare;
  case BinaryOp::Add:
  case BinaryOp::Sub:
  case BinaryOp::Mul:
  case BinaryOp::Div:
  case BinaryOp::Mod:
    return Tier::Arith;
  default:
    return Tier::Other;
  }
}

/// How a binary operator is written on a dialect.
enum class OpForm : uint8_t { Infix, Function, NotInfix, Unsupported };
struct OpSpelling {
  OpForm form;
  StringRef text; ///< operator or function name
};

OpSpelling getOpSpelling(Dialect d, BinaryOp op) {
  OpSpelling infix{OpForm::Infix, getBinaryOpSpelling(op)};
  if (d == Dialect::PostgreSQL)
    return infix;
  switch (op) {
  case BinaryOp::ILike:
  case BinaryOp::NotILike:
  case BinaryOp::JsonPath:
  case BinaryOp::JsonPathText:
  case BinaryOp::Contains:
  case BinaryOp::ContainedBy:
  case BinaryOp::Overlaps:
  case BinaryOp::RegexIMatch:
  case BinaryOp::NotRegexIMatch:
    return {OpForm::Unsupported, infix.text};
  default:
    break;
  }
  if (d == Dialect::MySQL) {
    switch (op) {
    case BinaryOp::Concat:
      return {OpForm::Function, "CONCAT"}; // || is OR on MySQL
    case BinaryOp::Pow:
      return {OpForm::Function, "POWER"}; // ^ is XOR on MySQL
    case BinaryOp::IsNotDistinctFrom:
      return {OpForm::Infix, "<=>"};
    case BinaryOp::IsDistinctFrom:
      return {OpForm::NotInfix, "<=>"};
    case BinaryOp::RegexMatch:
      return {OpForm::Infix, "REGEXP"};
    case BinaryOp::NotRegexMatch:
      return {OpForm::Infix, "NOT REGEXP"};
    case BinaryOp::JsonGet:
    case BinaryOp::JsonGetText: // MySQL's -> takes a JSON path, not a key
      return {OpForm::Unsupported, infix.text};
    default:
      return infix;
    }
  }
  switch (op) { // SQLite
  case BinaryOp::IsNotDistinctFrom:
    return {OpForm::Infix, "IS"};
  case BinaryOp::IsDistinctFrom:
    return {OpForm::Infix, "IS NOT"};
  case BinaryOp::Pow:
  case BinaryOp::RegexMatch:
  case BinaryOp::NotRegexMatch:
    return {OpForm::Unsupported, infix.text};
  default:
    return infix;
  }
}

bool isSymbolicUnary(const Expr *e) {
  const auto *u = llvm::dyn_cast<UnaryExpr>(e);
  return u && u->getOp() != UnaryOp::Not;
}

class Emitter {
public:
  Emitter(SQLExprPrinter &printer, llvm::raw_ostream &os)
      : printer(printer), d(printer.getDialect()), os(os) {}

  void emit(const Expr *e);
  Binding getBinding(const Expr *e) const;
  /// Whether `child`, an operand of an expression binding as `parent`, must
  /// be parenthesized. `right`: it follows the operator (so an equal level
  /// would regroup it).
  bool needsParens(Binding parent, const Expr *child, bool right) const;
  void emitChild(const Expr *child, bool parens);
  void emitChild(Binding parent, const Expr *child, bool right) {
    emitChild(child, needsParens(parent, child, right));
  }

private:
  void emitList(llvm::ArrayRef<const Expr *> items);
  void emitCall(const FuncCall *call);
  void emitUnary(const UnaryExpr *u);
  void emitBinary(const BinaryExpr *b);
  void emitCast(const CastExpr *c);
  void emitCase(const CaseExpr *c);

  SQLExprPrinter &printer;
  Dialect d;
  llvm::raw_ostream &os;
};

Binding Emitter::getBinding(const Expr *e) const {
  switch (e->getKind()) {
  case Expr::Kind::Raw:
    return {0, Tier::Raw};
  case Expr::Kind::Unary:
    switch (cast<UnaryExpr>(e)->getOp()) {
    case UnaryOp::Not:
      return {levelOf(e), Tier::Logic};
    case UnaryOp::Neg:
    case UnaryOp::Plus:
      return {levelOf(e), Tier::Arith};
    case UnaryOp::BitNot:
      return {levelOf(e), Tier::Other};
    }
    llvm_unreachable("unknown unary operator");
  case Expr::Kind::Binary: {
    BinaryOp op = cast<BinaryExpr>(e)->getOp();
    switch (getOpSpelling(d, op).form) {
    case OpForm::Function:
      return {AtomLevel, Tier::Atom};
    case OpForm::NotInfix: // NOT (a <=> b)
      return {getUnaryOpPrecedence(UnaryOp::Not) + 1, Tier::Logic};
    default:
      return {levelOf(e), getTier(op), getTier(op) == Tier::Compare};
    }
  }
  case Expr::Kind::IsNull:
  case Expr::Kind::In:
  case Expr::Kind::Between:
    return {levelOf(e), Tier::Compare, true};
  default:
    return {AtomLevel, Tier::Atom};
  }
}

bool Emitter::needsParens(Binding parent, const Expr *child, bool right) const {
  Binding c = getBinding(child);
  if (c.tier == Tier::Atom)
    return false;
  if (c.tier == Tier::Raw || parent.tier == Tier::Atom)
    return true;
  bool byLevel = c.level < parent.level ||
                 (c.level == parent.level && (right || parent.nonAssoc));
  if (d == Dialect::PostgreSQL || parent.tier == Tier::Logic ||
      (parent.tier == Tier::Arith && c.tier == Tier::Arith))
    return byLevel;
  // Arithmetic binds tighter than comparisons everywhere; any other pairing
  // is grouped differently by some dialect.
  return !(parent.tier == Tier::Compare && c.tier == Tier::Arith);
}

void Emitter::emitChild(const Expr *child, bool parens) {
  if (parens)
    os << '(';
  emit(child);
  if (parens)
    os << ')';
}

void Emitter::emitList(llvm::ArrayRef<const Expr *> items) {
  bool first = true;
  for (const Expr *item : items) {
    if (!first)
      os << ", ";
    first = false;
    emitChild(item, getBinding(item).tier == Tier::Raw);
  }
}

void Emitter::emitCall(const FuncCall *call) {
  if (call->hasNoParens()) {
    os << call->getName().upper();
    return;
  }
  // SQLite has no now(); CURRENT_TIMESTAMP is its current time (in whole
  // seconds, as text).
  if (d == Dialect::SQLite && call->getSchema().empty() &&
      call->getArgs().empty() && !call->isStar() &&
      call->getName().equals_insensitive("now")) {
    os << "CURRENT_TIMESTAMP";
    return;
  }
  if (!call->getSchema().empty())
    os << quoteIdentifier(d, call->getSchema()) << '.';
  os << quoteFunctionName(d, call->getName()) << '(';
  if (call->isStar())
    os << '*';
  if (call->isDistinct())
    os << "DISTINCT ";
  emitList(call->getArgs());
  os << ')';
}

void Emitter::emitUnary(const UnaryExpr *u) {
  Binding self = getBinding(u);
  const Expr *operand = u->getOperand();
  switch (u->getOp()) {
  case UnaryOp::Not:
    os << "NOT ";
    emitChild(operand, needsParens(self, operand, /*right=*/false));
    return;
  case UnaryOp::Neg:
  case UnaryOp::Plus:
  case UnaryOp::BitNot:
    // "- -a" must not become the comment "--a". A prefix operator groups
    // before an infix one of its own level, so equal levels need parens.
    os << getUnaryOpSpelling(u->getOp());
    // Prefix ~ has PostgreSQL's operator level, where its operand extends
    // over `+`; elsewhere it binds tightest. An operand that is not an atom
    // or a unary gets parentheses, so every reader agrees.
    emitChild(operand,
              isSymbolicUnary(operand) ||
                  needsParens(self, operand, /*right=*/true) ||
                  (u->getOp() == UnaryOp::BitNot &&
                   getExprPrecedence(operand) <
                       getUnaryOpPrecedence(UnaryOp::Neg)));
    return;
  }
}

void Emitter::emitBinary(const BinaryExpr *b) {
  OpSpelling spelling = getOpSpelling(d, b->getOp());
  switch (spelling.form) {
  case OpForm::Unsupported:
    printer.reportUnsupported(
        b->getRange(), fmt::format("the operator {}", spelling.text.str()));
    break;
  case OpForm::Function:
    os << spelling.text << '(';
    emitList({b->getLHS(), b->getRHS()});
    os << ')';
    return;
  case OpForm::NotInfix: {
    Binding inner{levelOf(b->getOp()), Tier::Compare, true};
    os << "NOT (";
    emitChild(inner, b->getLHS(), /*right=*/false);
    os << ' ' << spelling.text << ' ';
    emitChild(inner, b->getRHS(), /*right=*/true);
    os << ')';
    return;
  }
  case OpForm::Infix:
    break;
  }
  Binding self = getBinding(b);
  emitChild(self, b->getLHS(), /*right=*/false);
  os << ' ' << spelling.text << ' ';
  emitChild(self, b->getRHS(), /*right=*/true);
}

void Emitter::emitCast(const CastExpr *c) {
  std::optional<std::string> type = getCastTargetName(d, c->getType());
  if (!type) {
    printer.reportUnsupported(
        c->getRange(),
        fmt::format("a cast to {}", getTypeSpelling(c->getType())));
    type = getTypeSpelling(c->getType());
  }
  if (d == Dialect::PostgreSQL) {
    // :: binds tighter than every operator: only atoms stay bare.
    emitChild(c->getOperand(), getBinding(c->getOperand()).tier != Tier::Atom);
    os << "::" << *type;
    return;
  }
  os << "CAST(";
  emitChild(c->getOperand(), getBinding(c->getOperand()).tier == Tier::Raw);
  os << " AS " << *type << ')';
}

void Emitter::emitCase(const CaseExpr *c) {
  os << "CASE";
  if (const Expr *operand = c->getOperand()) {
    os << ' ';
    emitChild(operand, getBinding(operand).tier == Tier::Raw);
  }
  for (const CaseWhen &when : c->getWhens()) {
    os << " WHEN ";
    emitChild(when.condition, getBinding(when.condition).tier == Tier::Raw);
    os << " THEN ";
    emitChild(when.result, getBinding(when.result).tier == Tier::Raw);
  }
  if (const Expr *elseResult = c->getElse()) {
    os << " ELSE ";
    emitChild(elseResult, getBinding(elseResult).tier == Tier::Raw);
  }
  os << " END";
}

void Emitter::emit(const Expr *e) {
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
    os << quoteStringLiteral(d, cast<StringLiteral>(e)->getValue());
    return;
  case Expr::Kind::ColumnRef: {
    const auto *ref = cast<ColumnRef>(e);
    if (!ref->getTable().empty())
      os << quoteIdentifier(d, ref->getTable()) << '.';
    os << quoteIdentifier(d, ref->getColumn());
    return;
  }
  case Expr::Kind::FuncCall:
    emitCall(cast<FuncCall>(e));
    return;
  case Expr::Kind::Unary:
    emitUnary(cast<UnaryExpr>(e));
    return;
  case Expr::Kind::Binary:
    emitBinary(cast<BinaryExpr>(e));
    return;
  case Expr::Kind::Cast:
    emitCast(cast<CastExpr>(e));
    return;
  case Expr::Kind::Case:
    emitCase(cast<CaseExpr>(e));
    return;
  case Expr::Kind::In: {
    const auto *in = cast<InExpr>(e);
    emitChild(getBinding(in), in->getOperand(), /*right=*/false);
    os << (in->isNegated() ? " NOT IN (" : " IN (");
    emitList(in->getList());
    os << ')';
    return;
  }
  case Expr::Kind::IsNull: {
    const auto *isNull = cast<IsNullExpr>(e);
    emitChild(getBinding(isNull), isNull->getOperand(), /*right=*/false);
    os << (isNull->isNegated() ? " IS NOT NULL" : " IS NULL");
    return;
  }
  case Expr::Kind::Between: {
    const auto *between = cast<BetweenExpr>(e);
    Binding self = getBinding(between);
    emitChild(self, between->getOperand(), /*right=*/false);
    os << (between->isNegated() ? " NOT BETWEEN " : " BETWEEN ");
    emitChild(self, between->getLow(), /*right=*/true);
    os << " AND ";
    emitChild(self, between->getHigh(), /*right=*/true);
    return;
  }
  case Expr::Kind::Array:
    if (d != Dialect::PostgreSQL)
      printer.reportUnsupported(e->getRange(), "an array constructor");
    os << "ARRAY[";
    emitList(cast<ArrayExpr>(e)->getElements());
    os << ']';
    return;
  case Expr::Kind::Raw:
    os << getRawSQLText(cast<RawSQL>(e)->getText());
    return;
  }
}

} // namespace

void SQLExprPrinter::reportUnsupported(SourceRange range, StringRef what) {
  failed = true;
  if (diags)
    diags->report(DiagID::DialectUnsupported, range,
                  fmt::format("{} cannot express {}",
                              getDialectName(dialect).str(), what.str()));
}

std::string SQLExprPrinter::print(const Expr *e) {
  std::string text;
  llvm::raw_string_ostream os(text);
  Emitter(*this, os).emit(e);
  return text;
}

std::string SQLExprPrinter::printOperand(const Expr *e) {
  std::string text;
  llvm::raw_string_ostream os(text);
  Emitter emitter(*this, os);
  // Bind as a comparison's right operand: only tighter forms stay bare.
  Binding comparison{levelOf(BinaryOp::Eq), Tier::Compare, true};
  emitter.emitChild(comparison, e, /*right=*/true);
  return text;
}
