//===- MySQLExprMapping.cpp - MySQL's printed expressions to sema's IR ----===//
//
// MariaDB prints defaults, checks and generation expressions back in its own
// spelling: `name` identifiers, backslash escapes in strings, true as 1,
// length() as octet_length(), CURRENT_TIMESTAMP(p) as current_timestamp(p),
// CURRENT_DATE as curdate(). The text is first put into the schema
// language's lexical form, parsed, and the tree mapped back to what sema
// builds for the expression export wrote.
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/MySQLIntrospector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using namespace schemac::introspect;
using namespace schemac::ir;
using llvm::dyn_cast;
using llvm::isa;
using llvm::StringRef;

/// A MySQL string literal's content from `text[i]` (just past the opening
/// quote `q`) to the closing quote; `i` ends past it.
static std::string readMySQLString(StringRef text, size_t &i, char q) {
  std::string value;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == q) {
      if (i + 1 < text.size() && text[i + 1] == q) {
        value += q;
        ++i;
        continue;
      }
      ++i;
      return value;
    }
    if (c == '\\' && i + 1 < text.size()) {
      char e = text[++i];
      switch (e) {
      case '0':
        value += '\0';
        break;
      case 'b':
        value += '\b';
        break;
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case 't':
        value += '\t';
        break;
      case 'Z':
        value += '\x1a';
        break;
      case '%':
      case '_':
        // Kept with the backslash: LIKE's escapes.
        value += '\\';
        value += e;
        break;
      default:
        value += e;
      }
      continue;
    }
    value += c;
  }
  return value;
}

std::string introspect::normalizeMySQLText(StringRef text, StringRef database) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '`') {
      std::string name;
      for (++i; i < text.size(); ++i) {
        if (text[i] == '`') {
          if (i + 1 < text.size() && text[i + 1] == '`') {
            name += '`';
            ++i;
            continue;
          }
          ++i;
          break;
        }
        name += text[i];
      }
      // `db`.`t`.`c`: the connection's database is implied.
      if (name == database && i + 1 < text.size() && text[i] == '.' &&
          text[i + 1] == '`') {
        ++i;
        continue;
      }
      out += '"';
      for (char n : name) {
        out += n;
        if (n == '"')
          out += '"';
      }
      out += '"';
      continue;
    }
    if (c == '\'' || c == '"') {
      ++i;
      std::string value = readMySQLString(text, i, c);
      out += '\'';
      for (char v : value) {
        out += v;
        if (v == '\'')
          out += '\'';
      }
      out += '\'';
      continue;
    }
    // A bit literal (b'101', how a bit column's default prints): its value.
    if ((c == 'b' || c == 'B') && i + 1 < text.size() && text[i + 1] == '\'' &&
        (i == 0 || !(llvm::isAlnum(text[i - 1]) || text[i - 1] == '_'))) {
      size_t j = i + 2;
      uint64_t value = 0;
      while (j < text.size() && (text[j] == '0' || text[j] == '1'))
        value = value * 2 + (text[j++] - '0');
      if (j < text.size() && text[j] == '\'' && j - i - 2 <= 64) {
        out += std::to_string(value);
        i = j + 1;
        continue;
      }
    }
    // A charset introducer (_utf8mb4'x'): the literal alone.
    if (c == '_' && (i == 0 || !(llvm::isAlnum(text[i - 1]) ||
                                 text[i - 1] == '_' || text[i - 1] == '"'))) {
      size_t j = i + 1;
      while (j < text.size() && (llvm::isAlnum(text[j]) || text[j] == '_'))
        ++j;
      if (j > i + 1 && j < text.size() && text[j] == '\'') {
        i = j;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

namespace {

bool isBooleanColumn(const Table &table, const Expr *e) {
  const auto *ref = dyn_cast<ColumnRef>(e);
  if (!ref || !ref->getTable().empty())
    return false;
  const Column *col = table.findColumn(ref->getColumn());
  return col && col->type.kind == TypeKind::Boolean && col->type.arrayDims == 0;
}

/// 1 or 0 as true or false; anything else unchanged.
const Expr *asBool(const Expr *e, ExprArena &arena) {
  if (const auto *n = dyn_cast<NumberLiteral>(e)) {
    if (n->getText() == "1")
      return arena.create<BoolLiteral>(true, SourceRange());
    if (n->getText() == "0")
      return arena.create<BoolLiteral>(false, SourceRange());
  }
  return e;
}

bool isBooleanOp(BinaryOp op) {
  return op == BinaryOp::And || op == BinaryOp::Or;
}

class Mapper {
public:
  Mapper(const Table &table, ExprArena &arena) : table(table), arena(arena) {}

  const Expr *map(const Expr *e);

private:
  const Expr *mapCall(const FuncCall *call);
  llvm::ArrayRef<const Expr *> mapList(llvm::ArrayRef<const Expr *> list) {
    llvm::SmallVector<const Expr *, 8> out;
    for (const Expr *e : list)
      out.push_back(map(e));
    return arena.copyArray(llvm::ArrayRef<const Expr *>(out));
  }
  /// A boolean operand (of AND, OR, NOT, WHEN, a check): 1/0 are
  /// true/false, and MariaDB's `flag` <> 0 / `flag` = 0 for a boolean
  /// column in a condition are flag / NOT flag again.
  const Expr *mapCondition(const Expr *e) {
    e = asBool(map(e), arena);
    if (const auto *b = dyn_cast<BinaryExpr>(e)) {
      const auto *rhs = dyn_cast<BoolLiteral>(b->getRHS());
      if (rhs && !rhs->getValue() && isBooleanColumn(table, b->getLHS())) {
        if (b->getOp() == BinaryOp::Ne)
          return b->getLHS();
        if (b->getOp() == BinaryOp::Eq)
          return arena.create<UnaryExpr>(UnaryOp::Not, b->getLHS(),
                                         SourceRange());
      }
    }
    return e;
  }

public:
  const Expr *mapTop(const Expr *e, bool condition) {
    return condition ? mapCondition(e) : map(e);
  }

private:
  const Table &table;
  ExprArena &arena;
};

const Expr *Mapper::mapCall(const FuncCall *call) {
  StringRef name = call->getName();
  llvm::ArrayRef<const Expr *> args = mapList(call->getArgs());
  auto make = [&](StringRef newName, llvm::ArrayRef<const Expr *> newArgs,
                  bool noParens) -> const Expr * {
    return arena.create<FuncCall>(call->getSchema(), arena.save(newName),
                                  newArgs, call->isStar(), call->isDistinct(),
                                  noParens, SourceRange());
  };
  if (call->getSchema().empty()) {
    // MariaDB's names for the synonyms export writes.
    if (name == "octet_length")
      return make("length", args, false);
    if (name == "lcase")
      return make("lower", args, false);
    if (name == "ucase")
      return make("upper", args, false);
    if (name == "curdate" && args.empty())
      return make("current_date", args, true);
    if (name == "curtime" && args.empty())
      return make("current_time", args, true);
    if (name == "current_timestamp" && call->hasNoParens())
      return make("now", args, false);
  }
  return make(name, args, call->hasNoParens());
}

const Expr *Mapper::map(const Expr *e) {
  if (!e)
    return nullptr;
  switch (e->getKind()) {
  case Expr::Kind::FuncCall:
    return mapCall(llvm::cast<FuncCall>(e));
  case Expr::Kind::Unary: {
    const auto *u = llvm::cast<UnaryExpr>(e);
    const Expr *operand = u->getOp() == UnaryOp::Not
                              ? mapCondition(u->getOperand())
                              : map(u->getOperand());
    return arena.create<UnaryExpr>(u->getOp(), operand, SourceRange());
  }
  case Expr::Kind::Binary: {
    const auto *b = llvm::cast<BinaryExpr>(e);
    const Expr *lhs = map(b->getLHS());
    const Expr *rhs = map(b->getRHS());
    if (isBooleanOp(b->getOp())) {
      lhs = mapCondition(b->getLHS());
      rhs = mapCondition(b->getRHS());
    } else if (b->getOp() == BinaryOp::Eq || b->getOp() == BinaryOp::Ne) {
      // flag = 1 compares a boolean column with true.
      if (isBooleanColumn(table, lhs))
        rhs = asBool(rhs, arena);
      if (isBooleanColumn(table, rhs))
        lhs = asBool(lhs, arena);
    }
    return arena.create<BinaryExpr>(b->getOp(), lhs, rhs, SourceRange());
  }
  case Expr::Kind::Case: {
    const auto *c = llvm::cast<CaseExpr>(e);
    llvm::SmallVector<CaseWhen, 4> whens;
    for (const CaseWhen &w : c->getWhens())
      whens.push_back(
          {c->getOperand() ? map(w.condition) : mapCondition(w.condition),
           map(w.result)});
    return arena.create<CaseExpr>(
        map(c->getOperand()), arena.copyArray(llvm::ArrayRef<CaseWhen>(whens)),
        map(c->getElse()), SourceRange());
  }
  default:
    return mapChildren(e, arena, [this](const Expr *c) { return map(c); });
  }
}

/// Whether `e` is the current time at `precision` digits:
/// current_timestamp(p), now(p) (MariaDB writes the first).
bool isCurrentTimestamp(const Expr *e, int64_t precision) {
  const auto *call = dyn_cast<FuncCall>(e);
  if (!call || !call->getSchema().empty() ||
      (call->getName() != "current_timestamp" && call->getName() != "now"))
    return false;
  if (call->getArgs().empty())
    return precision == 0;
  const auto *n = dyn_cast<NumberLiteral>(call->getArgs()[0]);
  return call->getArgs().size() == 1 && n &&
         n->getText() == std::to_string(precision);
}

} // namespace

const Expr *introspect::mapMySQLExpr(const Expr *e, const Table &table,
                                     const Column *column, ExprArena &arena,
                                     bool condition) {
  if (!e)
    return nullptr;
  if (column && column->type.arrayDims == 0) {
    const Type &t = column->type;
    // DEFAULT CURRENT_TIMESTAMP(p) is what export writes for now(),
    // current_timestamp and localtimestamp on a timestamp column.
    if (t.kind == TypeKind::Timestamp || t.kind == TypeKind::TimestampTz) {
      int64_t p = t.numModifiers ? t.modifiers[0] : 6;
      if (isCurrentTimestamp(e, p))
        return arena.create<FuncCall>("", "now", llvm::ArrayRef<const Expr *>(),
                                      false, false, false, SourceRange());
    }
    if (t.kind == TypeKind::Boolean)
      return asBool(Mapper(table, arena).map(e), arena);
  }
  return Mapper(table, arena).mapTop(e, condition);
}
