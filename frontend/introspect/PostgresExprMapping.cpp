//===- PostgresExprMapping.cpp - PostgreSQL's deparsed forms to sema's IR -===//
//
// Casts of literals are dropped: PostgreSQL resolves an untyped literal by
// its context and prints the type it chose ('x'::text, 'simple'::regconfig,
// 0::numeric), so the server cannot tell `'x'` from `'x'::text`; the schema
// file's usual spelling is the one without the cast. The same goes for the
// implicit casts it inserts on columns (varchar to text, integer to numeric).
//
//===----------------------------------------------------------------------===//

#include "frontend/introspect/PostgresExprMapping.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using namespace schemac::introspect;
using namespace schemac::ir;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;
using llvm::StringRef;

namespace {

bool isNumericKind(TypeKind k) {
  switch (k) {
  case TypeKind::SmallInt:
  case TypeKind::Integer:
  case TypeKind::BigInt:
  case TypeKind::Real:
  case TypeKind::DoublePrecision:
  case TypeKind::Numeric:
    return true;
  default:
    return false;
  }
}

/// Whether the cast of a column of type `from` to `to` is one PostgreSQL
/// inserts itself where operand types differ (varchar/char to text, an
/// integer to numeric), so that it prints it whether it was written or not.
/// Casts a person writes on purpose (to bigint, to double precision) stay.
bool isImplicitCast(const Type &from, const Type &to) {
  if (from.arrayDims || to.arrayDims || to.numModifiers)
    return false;
  if (to.kind == TypeKind::Text)
    return from.kind == TypeKind::Varchar || from.kind == TypeKind::Char;
  return to.kind == TypeKind::Numeric && from.isInteger();
}

/// The text of a numeric literal the way the expression parser keeps it
/// (integers without leading zeros, decimals as written, lower-case e).
std::string normalizeNumber(StringRef text) {
  std::string s = text.lower();
  if (s.find_first_of(".e") == std::string::npos) {
    size_t nz = s.find_first_not_of('0');
    return nz == std::string::npos ? "0" : s.substr(nz);
  }
  return s;
}

/// Whether `s` is a plain decimal number: digits, an optional point and
/// exponent, no sign.
bool isNumberText(StringRef s) {
  if (s.empty())
    return false;
  StringRef mantissa = s, exponent;
  size_t e = s.find_first_of("eE");
  if (e != StringRef::npos) {
    mantissa = s.take_front(e);
    exponent = s.drop_front(e + 1);
    if (!exponent.empty() && (exponent[0] == '-' || exponent[0] == '+'))
      exponent = exponent.drop_front();
    if (exponent.empty() || !llvm::all_of(exponent, llvm::isDigit))
      return false;
  }
  bool digits = false, point = false;
  for (char c : mantissa) {
    if (llvm::isDigit(c))
      digits = true;
    else if (c == '.' && !point)
      point = true;
    else
      return false;
  }
  return digits;
}

/// Whether two types resolve an untyped literal alike: the same kind (the
/// text kinds count as one: varchar and char compare as text), the same
/// enum or native type, the same array dimensions.
bool isSameFamily(const Type &a, const Type &b) {
  if (a.arrayDims != b.arrayDims)
    return false;
  auto isText = [](TypeKind k) {
    return k == TypeKind::Text || k == TypeKind::Varchar || k == TypeKind::Char;
  };
  if (isText(a.kind) && isText(b.kind))
    return true;
  if (a.kind != b.kind)
    return false;
  if (a.kind == TypeKind::Enum || a.kind == TypeKind::Native)
    return a.ns == b.ns && a.name == b.name;
  return true;
}

/// Operators whose untyped operands PostgreSQL resolves as text when the
/// other side is not known to be something else.
bool isTextOperator(BinaryOp op) {
  switch (op) {
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
  case BinaryOp::Concat:
  case BinaryOp::RegexMatch:
  case BinaryOp::RegexIMatch:
  case BinaryOp::NotRegexMatch:
  case BinaryOp::NotRegexIMatch:
    return true;
  default:
    return false;
  }
}

/// Rewrites the server's tree. A cast on a literal is dropped only where
/// PostgreSQL would give the bare literal that same type again (opposite a
/// column of the type, as a function argument, as a CASE result): dropping
/// it elsewhere could change what the expression means (`now() - '1
/// day'::interval` is not `now() - '1 day'`).
class Mapper {
public:
  Mapper(const Table &table, ExprArena &arena) : table(table), arena(arena) {}

  const Expr *map(const Expr *e);
  /// `e` without a cast PostgreSQL put on a literal (string, number, null,
  /// array of literals); `e` itself when it is no such cast.
  const Expr *stripLiteralCast(const Expr *e);

private:
  const Expr *mapCast(const CastExpr *c);
  const Expr *mapBinary(const BinaryExpr *b);
  const Expr *mapCall(const FuncCall *call);
  const Expr *mapCase(const CaseExpr *c);
  /// The literal inside `e` if `e` casts a literal to the type an untyped
  /// literal would take opposite `other` (the other operand; null: none,
  /// as for a CASE result) with operator `op`; likewise an integer column
  /// cast to numeric opposite a numeric operand. Else `e`.
  const Expr *stripFor(const Expr *e, const Expr *other,
                       std::optional<BinaryOp> op);
  std::optional<Type> typeOf(const Expr *e) const;
  const Type *columnType(const Expr *e) const {
    const auto *ref = dyn_cast<ColumnRef>(e);
    if (!ref || !ref->getTable().empty())
      return nullptr;
    const Column *col = table.findColumn(ref->getColumn());
    return col ? &col->type : nullptr;
  }
  const Table &table;
  ExprArena &arena;
};

std::optional<Type> Mapper::typeOf(const Expr *e) const {
  if (const Type *t = columnType(e))
    return *t;
  if (const auto *c = dyn_cast<CastExpr>(e))
    return c->getType();
  if (const auto *n = dyn_cast<NumberLiteral>(e))
    return Type::get(n->isInteger() ? TypeKind::Integer : TypeKind::Numeric);
  if (const auto *b = dyn_cast<BinaryExpr>(e)) {
    if (b->getOp() == BinaryOp::Concat)
      return Type::get(TypeKind::Text);
    // Arithmetic on a numeric column stays numeric (n * 2).
    if (b->getOp() == BinaryOp::Add || b->getOp() == BinaryOp::Sub ||
        b->getOp() == BinaryOp::Mul || b->getOp() == BinaryOp::Div)
      for (const Expr *side : {b->getLHS(), b->getRHS()})
        if (const Type *t = columnType(side))
          if (t->kind == TypeKind::Numeric && t->arrayDims == 0)
            return Type::get(TypeKind::Numeric);
  }
  if (const auto *call = dyn_cast<FuncCall>(e))
    if (call->getSchema().empty() &&
        (call->getName() == "lower" || call->getName() == "upper"))
      return Type::get(TypeKind::Text);
  return std::nullopt;
}

const Expr *Mapper::stripLiteralCast(const Expr *e) {
  const auto *c = dyn_cast<CastExpr>(e);
  if (!c)
    return e;
  const Expr *operand = c->getOperand();
  if (isa<StringLiteral, NumberLiteral, NullLiteral>(operand))
    return operand;
  if (const auto *u = dyn_cast<UnaryExpr>(operand))
    if (u->getOp() == UnaryOp::Neg && isa<NumberLiteral>(u->getOperand()))
      return operand;
  if (const auto *a = dyn_cast<ArrayExpr>(operand)) {
    llvm::SmallVector<const Expr *, 8> items;
    for (const Expr *item : a->getElements()) {
      const Expr *plain = stripLiteralCast(item);
      if (isa<CastExpr>(plain))
        return e;
      items.push_back(plain);
    }
    return arena.create<ArrayExpr>(
        arena.copyArray(llvm::ArrayRef<const Expr *>(items)), SourceRange());
  }
  return e;
}

/// Whether `e` is a cast of a literal (what stripLiteralCast removes).
static bool isLiteralCast(const Expr *e) {
  const auto *c = dyn_cast<CastExpr>(e);
  if (!c)
    return false;
  const Expr *operand = c->getOperand();
  if (const auto *u = dyn_cast<UnaryExpr>(operand))
    operand = u->getOp() == UnaryOp::Neg ? u->getOperand() : operand;
  return isa<StringLiteral, NumberLiteral, NullLiteral, ArrayExpr>(operand);
}

const Expr *Mapper::stripFor(const Expr *e, const Expr *other,
                             std::optional<BinaryOp> op) {
  const auto *c = dyn_cast<CastExpr>(e);
  if (!c)
    return e;
  const Type &type = c->getType();
  std::optional<Type> context = other ? typeOf(other) : std::nullopt;
  bool otherIsLiteral =
      other && (isLiteralCast(other) ||
                isa<StringLiteral, NumberLiteral, NullLiteral>(other));
  if (const Type *column = columnType(c->getOperand())) {
    // quantity::numeric * price: PostgreSQL widens the integer itself when
    // the other operand is numeric; opposite a literal it would not (the
    // literal would take the integer's type), so the cast was written.
    if (context && !otherIsLiteral && isImplicitCast(*column, type) &&
        isSameFamily(*context, type))
      return c->getOperand();
    return e;
  }
  if (!isLiteralCast(e))
    return e;
  bool isText = type.kind == TypeKind::Text && type.arrayDims == 0;
  bool fits;
  if (other && isLiteralCast(other))
    // 'a'::text || 'b'::text: two untyped literals resolve as text, and
    // only as text.
    fits = isText && op && isTextOperator(*op) && context &&
           isSameFamily(*context, type);
  else if (context)
    fits = isSameFamily(*context, type);
  else
    fits = isText && (!op || isTextOperator(*op));
  return fits ? stripLiteralCast(e) : e;
}

const Expr *Mapper::mapCast(const CastExpr *c) {
  const Expr *operand = map(c->getOperand());
  const Type &type = c->getType();
  // '-1'::integer is how a negative constant prints: the literal -1.
  if (const auto *s = dyn_cast<StringLiteral>(operand)) {
    StringRef text = s->getValue();
    bool negative = text.consume_front("-");
    if (isNumericKind(type.kind) && type.arrayDims == 0 && isNumberText(text)) {
      const Expr *n = arena.create<NumberLiteral>(
          arena.save(normalizeNumber(text)), SourceRange());
      return negative ? arena.create<UnaryExpr>(UnaryOp::Neg, n, SourceRange())
                      : n;
    }
  }
  if (isa<NullLiteral>(operand))
    return operand;
  // varchar and char columns are relabeled as text wherever text is needed.
  if (const Type *t = columnType(operand))
    if (isImplicitCast(*t, type) && type.kind == TypeKind::Text)
      return operand;
  return arena.create<CastExpr>(operand, type, SourceRange());
}

/// `x = ANY (ARRAY[...])` (an IN list) and `x <> ALL (ARRAY[...])` (NOT IN),
/// the array maybe cast (`::text[]`): the ARRAY's items, or none.
std::optional<llvm::ArrayRef<const Expr *>> getQuantifiedList(const Expr *rhs,
                                                              StringRef word) {
  const auto *call = dyn_cast<FuncCall>(rhs);
  if (!call || !call->getSchema().empty() || call->getName() != word ||
      call->getArgs().size() != 1)
    return std::nullopt;
  const Expr *arg = call->getArgs().front();
  if (const auto *c = dyn_cast<CastExpr>(arg))
    arg = c->getOperand();
  const auto *array = dyn_cast<ArrayExpr>(arg);
  if (!array || array->getElements().empty())
    return std::nullopt;
  return array->getElements();
}

const Expr *Mapper::mapBinary(const BinaryExpr *b) {
  const Expr *lhs = map(b->getLHS());
  const Expr *rhs = map(b->getRHS());
  BinaryOp op = b->getOp();
  if (op == BinaryOp::Eq || op == BinaryOp::Ne) {
    bool negated = op == BinaryOp::Ne;
    if (auto list = getQuantifiedList(rhs, negated ? "all" : "any")) {
      llvm::SmallVector<const Expr *, 8> items;
      for (const Expr *item : *list)
        items.push_back(stripFor(item, lhs, BinaryOp::Eq));
      return arena.create<InExpr>(
          lhs, arena.copyArray(llvm::ArrayRef<const Expr *>(items)), negated,
          SourceRange());
    }
  }
  if (op != BinaryOp::And && op != BinaryOp::Or) {
    const Expr *l = stripFor(lhs, rhs, op);
    const Expr *r = stripFor(rhs, lhs, op);
    return arena.create<BinaryExpr>(op, l, r, SourceRange());
  }
  // BETWEEN is stored as two comparisons of the same operand.
  auto between = [&](BinaryOp lowOp, BinaryOp highOp) -> const Expr * {
    const auto *low = dyn_cast<BinaryExpr>(lhs);
    const auto *high = dyn_cast<BinaryExpr>(rhs);
    if (!low || !high || low->getOp() != lowOp || high->getOp() != highOp ||
        !exprEquals(low->getLHS(), high->getLHS()))
      return nullptr;
    return arena.create<BetweenExpr>(low->getLHS(), low->getRHS(),
                                     high->getRHS(), lowOp == BinaryOp::Lt,
                                     SourceRange());
  };
  if (op == BinaryOp::And)
    if (const Expr *e = between(BinaryOp::Ge, BinaryOp::Le))
      return e;
  if (op == BinaryOp::Or)
    if (const Expr *e = between(BinaryOp::Lt, BinaryOp::Gt))
      return e;
  return arena.create<BinaryExpr>(op, lhs, rhs, SourceRange());
}

const Expr *Mapper::mapCall(const FuncCall *call) {
  // Functions of pg_catalog print qualified only when shadowed; the
  // schema language writes them bare. Arguments are written untyped:
  // to_tsvector('simple', x), not 'simple'::regconfig.
  StringRef schema =
      call->getSchema() == "pg_catalog" ? StringRef() : call->getSchema();
  llvm::SmallVector<const Expr *, 8> args;
  for (const Expr *arg : call->getArgs())
    args.push_back(stripLiteralCast(map(arg)));
  return arena.create<FuncCall>(
      schema, call->getName(),
      arena.copyArray(llvm::ArrayRef<const Expr *>(args)), call->isStar(),
      call->isDistinct(), call->hasNoParens(), SourceRange());
}

const Expr *Mapper::mapCase(const CaseExpr *c) {
  const Expr *operand = map(c->getOperand());
  auto result = [&](const Expr *e) -> const Expr * {
    return e ? stripFor(map(e), nullptr, std::nullopt) : nullptr;
  };
  llvm::SmallVector<CaseWhen, 4> whens;
  for (const CaseWhen &w : c->getWhens()) {
    const Expr *condition = map(w.condition);
    if (operand)
      condition = stripFor(condition, operand, BinaryOp::Eq);
    whens.push_back({condition, result(w.result)});
  }
  return arena.create<CaseExpr>(
      operand, arena.copyArray(llvm::ArrayRef<CaseWhen>(whens)),
      result(c->getElse()), SourceRange());
}

const Expr *Mapper::map(const Expr *e) {
  if (!e)
    return nullptr;
  switch (e->getKind()) {
  case Expr::Kind::ColumnRef: {
    const auto *ref = cast<ColumnRef>(e);
    if (ref->getTable().empty())
      return e;
    return arena.create<ColumnRef>(StringRef(), ref->getColumn(),
                                   SourceRange());
  }
  case Expr::Kind::FuncCall:
    return mapCall(cast<FuncCall>(e));
  case Expr::Kind::Binary:
    return mapBinary(cast<BinaryExpr>(e));
  case Expr::Kind::Cast:
    return mapCast(cast<CastExpr>(e));
  case Expr::Kind::Case:
    return mapCase(cast<CaseExpr>(e));
  default:
    return mapChildren(e, arena, [this](const Expr *c) { return map(c); });
  }
}

/// PostgreSQL's internal name of a type, as a cast's TypeName carries it
/// (for index key words).
StringRef getPgTypeName(const Type &t) {
  switch (t.kind) {
  case TypeKind::Boolean:
    return "bool";
  case TypeKind::SmallInt:
    return "int2";
  case TypeKind::Integer:
    return "int4";
  case TypeKind::BigInt:
    return "int8";
  case TypeKind::Real:
    return "float4";
  case TypeKind::DoublePrecision:
    return "float8";
  case TypeKind::Numeric:
    return "numeric";
  case TypeKind::Text:
    return "text";
  case TypeKind::Varchar:
    return "varchar";
  case TypeKind::Char:
    return "bpchar";
  case TypeKind::Bytes:
    return "bytea";
  case TypeKind::Date:
    return "date";
  case TypeKind::Time:
    return "time";
  case TypeKind::TimeTz:
    return "timetz";
  case TypeKind::Timestamp:
    return "timestamp";
  case TypeKind::TimestampTz:
    return "timestamptz";
  case TypeKind::Interval:
    return "interval";
  case TypeKind::Uuid:
    return "uuid";
  case TypeKind::Json:
    return "json";
  case TypeKind::Jsonb:
    return "jsonb";
  case TypeKind::Enum:
  case TypeKind::Native:
    return t.name;
  }
  return "expr";
}

int figureName(const Expr *e, StringRef &name) {
  if (!e)
    return 0;
  if (const auto *ref = dyn_cast<ColumnRef>(e)) {
    name = ref->getColumn();
    return 2;
  }
  if (const auto *call = dyn_cast<FuncCall>(e)) {
    name = call->getName();
    return 2;
  }
  if (const auto *c = dyn_cast<CastExpr>(e)) {
    int strength = figureName(c->getOperand(), name);
    if (strength <= 1) {
      name = getPgTypeName(c->getType());
      return 1;
    }
    return strength;
  }
  if (const auto *c = dyn_cast<CaseExpr>(e)) {
    int strength = figureName(c->getElse(), name);
    if (strength <= 1) {
      name = "case";
      return 1;
    }
    return strength;
  }
  if (isa<ArrayExpr>(e)) {
    name = "array";
    return 2;
  }
  return 0;
}

} // namespace

const Expr *introspect::mapPostgresExpr(const Expr *e, const Table &table,
                                        ExprArena &arena) {
  return Mapper(table, arena).map(e);
}

const Expr *introspect::mapPostgresDefault(const Expr *e, const Column &column,
                                           const Table &table,
                                           ExprArena &arena) {
  // A default is assigned to the column, so a cast on a literal at the top
  // only restates the column's type ('{}'::jsonb on a jsonb column).
  Mapper mapper(table, arena);
  return mapper.stripLiteralCast(mapper.map(e));
}

std::string introspect::getPostgresIndexKeyWord(const Expr *e) {
  StringRef name;
  if (figureName(e, name) == 0)
    return "expr";
  return name.str();
}

std::optional<Type> introspect::parsePostgresBuiltinType(StringRef formatted,
                                                         Schema &schema) {
  StringRef text = formatted.trim();
  // "timestamp(3) with time zone": the zone clause follows the modifiers.
  StringRef zone;
  for (StringRef suffix : {" with time zone", " without time zone"})
    if (text.ends_with(suffix)) {
      zone = suffix;
      text = text.drop_back(suffix.size());
    }
  llvm::SmallVector<int64_t, 2> mods;
  size_t paren = text.find('(');
  if (paren != StringRef::npos) {
    if (!text.ends_with(")"))
      return std::nullopt;
    StringRef list = text.slice(paren + 1, text.size() - 1);
    text = text.take_front(paren).rtrim();
    llvm::SmallVector<StringRef, 2> parts;
    list.split(parts, ',');
    for (StringRef p : parts) {
      int64_t v;
      if (p.trim().getAsInteger(10, v))
        return std::nullopt;
      mods.push_back(v);
    }
    if (mods.size() > 2)
      return std::nullopt;
  }
  std::string spelling = (text + zone).str();
  const BuiltinTypeInfo *info = lookupBuiltinType(spelling);
  if (!info || info->isSerial ||
      !(info->dialectMask & (1u << unsigned(Dialect::PostgreSQL))) ||
      mods.size() > info->maxModifiers)
    return std::nullopt;
  Type t = Type::get(info->kind);
  if (info->kind == TypeKind::Native)
    t.name = schema.save(info->nativeName);
  for (int64_t m : mods)
    t.addModifier(m);
  return t;
}
