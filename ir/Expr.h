//===- Expr.h - SQL expression trees in the Schema IR ---------------------===//
//
// Defaults, checks, index expressions, partial-index predicates and generated
// columns are parsed into these trees so that they compare structurally
// (`'a'` equals `'a'::text` after normalization) and print per dialect.
// Nodes are immutable, trivially destructible and allocated in an ExprArena;
// strings and child arrays live in the same arena.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_EXPR_H
#define SCHEMAC_IR_EXPR_H

#include "diagnostics/SourceManager.h"
#include "ir/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/StringSaver.h"

namespace schemac::ir {

class Expr {
public:
  enum class Kind : uint8_t {
    Null,
    Bool,
    Number, ///< integer or decimal literal, kept as its exact text
    String,
    ColumnRef,
    FuncCall,
    Unary,
    Binary,
    Cast,
    Case,
    In,
    IsNull,
    Between,
    Array,
    Raw, ///< opaque SQL text: the escape hatch ($$ ... $$)
  };

  Kind getKind() const { return kind; }
  /// Where the expression was written; invalid for IR from JSON or a
  /// database. Never compared or serialized.
  SourceRange getRange() const { return range; }

protected:
  Expr(Kind kind, SourceRange range) : kind(kind), range(range) {}

private:
  Kind kind;
  SourceRange range;
};

class NullLiteral : public Expr {
public:
  explicit NullLiteral(SourceRange r) : Expr(Kind::Null, r) {}
  static bool classof(const Expr *e) { return e->getKind() == Kind::Null; }
};

class BoolLiteral : public Expr {
public:
  BoolLiteral(bool value, SourceRange r) : Expr(Kind::Bool, r), value(value) {}
  bool getValue() const { return value; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Bool; }

private:
  bool value;
};

/// A numeric literal, kept as normalized text (no sign, no leading zeros) so
/// that precision is never lost.
class NumberLiteral : public Expr {
public:
  NumberLiteral(llvm::StringRef text, SourceRange r)
      : Expr(Kind::Number, r), text(text) {}
  llvm::StringRef getText() const { return text; }
  bool isInteger() const;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Number; }

private:
  llvm::StringRef text;
};

/// A string literal; `value` is the decoded content (quotes unescaped).
class StringLiteral : public Expr {
public:
  StringLiteral(llvm::StringRef value, SourceRange r)
      : Expr(Kind::String, r), value(value) {}
  llvm::StringRef getValue() const { return value; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::String; }

private:
  llvm::StringRef value;
};

/// A bare identifier: a column of the enclosing table, or (in a default) an
/// enum value; sema decides which.
class ColumnRef : public Expr {
public:
  ColumnRef(llvm::StringRef table, llvm::StringRef column, SourceRange r)
      : Expr(Kind::ColumnRef, r), table(table), column(column) {}
  llvm::StringRef getTable() const { return table; } ///< empty if unqualified
  llvm::StringRef getColumn() const { return column; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::ColumnRef; }

private:
  llvm::StringRef table, column;
};

/// f(args), f(*), f(DISTINCT args), and the SQL keyword functions written
/// without parentheses (CURRENT_TIMESTAMP) when `noParens` is set. Names are
/// stored lower-case unless they were quoted.
class FuncCall : public Expr {
public:
  FuncCall(llvm::StringRef schema, llvm::StringRef name,
           llvm::ArrayRef<const Expr *> args, bool star, bool distinct,
           bool noParens, SourceRange r)
      : Expr(Kind::FuncCall, r), schema(schema), name(name), args(args),
        star(star), distinct(distinct), noParens(noParens) {}
  llvm::StringRef getSchema() const { return schema; }
  llvm::StringRef getName() const { return name; }
  llvm::ArrayRef<const Expr *> getArgs() const { return args; }
  bool isStar() const { return star; }
  bool isDistinct() const { return distinct; }
  bool hasNoParens() const { return noParens; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::FuncCall; }

private:
  llvm::StringRef schema, name;
  llvm::ArrayRef<const Expr *> args;
  bool star, distinct, noParens;
};

enum class UnaryOp : uint8_t { Neg, Plus, Not, BitNot };
enum class BinaryOp : uint8_t {
  Or,
  And,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  Like,
  NotLike,
  ILike,
  NotILike,
  IsDistinctFrom,
  IsNotDistinctFrom,
  Concat, ///< ||
  Add,
  Sub,
  Mul,
  Div,
  Mod,
  Pow,
  BitAnd,
  BitOr,
  ShiftLeft,
  ShiftRight,
  JsonGet,
  JsonGetText,
  JsonPath,
  JsonPathText, ///< -> ->> #> #>>
  Contains,
  ContainedBy,
  Overlaps, ///< @> <@ &&
  RegexMatch,
  RegexIMatch,
  NotRegexMatch,
  NotRegexIMatch, ///< ~ ~* !~ !~*
};

/// Operator spelling ("+", "AND", "->>") and binding strength (higher binds
/// tighter), shared by every printer so parenthesization is consistent.
llvm::StringRef getUnaryOpSpelling(UnaryOp op);
llvm::StringRef getBinaryOpSpelling(BinaryOp op);
unsigned getBinaryOpPrecedence(BinaryOp op);
unsigned getUnaryOpPrecedence(UnaryOp op);

class UnaryExpr : public Expr {
public:
  UnaryExpr(UnaryOp op, const Expr *operand, SourceRange r)
      : Expr(Kind::Unary, r), op(op), operand(operand) {}
  UnaryOp getOp() const { return op; }
  const Expr *getOperand() const { return operand; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Unary; }

private:
  UnaryOp op;
  const Expr *operand;
};

class BinaryExpr : public Expr {
public:
  BinaryExpr(BinaryOp op, const Expr *lhs, const Expr *rhs, SourceRange r)
      : Expr(Kind::Binary, r), op(op), lhs(lhs), rhs(rhs) {}
  BinaryOp getOp() const { return op; }
  const Expr *getLHS() const { return lhs; }
  const Expr *getRHS() const { return rhs; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Binary; }

private:
  BinaryOp op;
  const Expr *lhs, *rhs;
};

/// expr::type or CAST(expr AS type); one node, printed per dialect.
class CastExpr : public Expr {
public:
  CastExpr(const Expr *operand, Type type, SourceRange r)
      : Expr(Kind::Cast, r), operand(operand), type(type) {}
  const Expr *getOperand() const { return operand; }
  const Type &getType() const { return type; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Cast; }

private:
  const Expr *operand;
  Type type;
};

struct CaseWhen {
  const Expr *condition;
  const Expr *result;
};

/// CASE [operand] WHEN .. THEN .. [ELSE ..] END.
class CaseExpr : public Expr {
public:
  CaseExpr(const Expr *operand, llvm::ArrayRef<CaseWhen> whens,
           const Expr *elseResult, SourceRange r)
      : Expr(Kind::Case, r), operand(operand), whens(whens),
        elseResult(elseResult) {}
  const Expr *getOperand() const { return operand; } ///< may be null
  llvm::ArrayRef<CaseWhen> getWhens() const { return whens; }
  const Expr *getElse() const { return elseResult; } ///< may be null
  static bool classof(const Expr *e) { return e->getKind() == Kind::Case; }

private:
  const Expr *operand;
  llvm::ArrayRef<CaseWhen> whens;
  const Expr *elseResult;
};

/// expr [NOT] IN (list).
class InExpr : public Expr {
public:
  InExpr(const Expr *operand, llvm::ArrayRef<const Expr *> list, bool negated,
         SourceRange r)
      : Expr(Kind::In, r), operand(operand), list(list), negated(negated) {}
  const Expr *getOperand() const { return operand; }
  llvm::ArrayRef<const Expr *> getList() const { return list; }
  bool isNegated() const { return negated; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::In; }

private:
  const Expr *operand;
  llvm::ArrayRef<const Expr *> list;
  bool negated;
};

/// expr IS [NOT] NULL.
class IsNullExpr : public Expr {
public:
  IsNullExpr(const Expr *operand, bool negated, SourceRange r)
      : Expr(Kind::IsNull, r), operand(operand), negated(negated) {}
  const Expr *getOperand() const { return operand; }
  bool isNegated() const { return negated; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::IsNull; }

private:
  const Expr *operand;
  bool negated;
};

/// expr [NOT] BETWEEN low AND high.
class BetweenExpr : public Expr {
public:
  BetweenExpr(const Expr *operand, const Expr *low, const Expr *high,
              bool negated, SourceRange r)
      : Expr(Kind::Between, r), operand(operand), low(low), high(high),
        negated(negated) {}
  const Expr *getOperand() const { return operand; }
  const Expr *getLow() const { return low; }
  const Expr *getHigh() const { return high; }
  bool isNegated() const { return negated; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Between; }

private:
  const Expr *operand, *low, *high;
  bool negated;
};

/// ARRAY[a, b, c].
class ArrayExpr : public Expr {
public:
  ArrayExpr(llvm::ArrayRef<const Expr *> elements, SourceRange r)
      : Expr(Kind::Array, r), elements(elements) {}
  llvm::ArrayRef<const Expr *> getElements() const { return elements; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Array; }

private:
  llvm::ArrayRef<const Expr *> elements;
};

/// SQL text schemac does not model; emitted verbatim, compared as text with
/// white space runs folded.
class RawSQL : public Expr {
public:
  RawSQL(llvm::StringRef text, SourceRange r)
      : Expr(Kind::Raw, r), text(text) {}
  llvm::StringRef getText() const { return text; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Raw; }

private:
  llvm::StringRef text;
};

/// Owns expression nodes, their child arrays and strings. Nodes are trivially
/// destructible, so the arena frees everything at once.
class ExprArena {
public:
  template <typename T, typename... Args> const T *create(Args &&...args) {
    static_assert(std::is_trivially_destructible_v<T>);
    return new (alloc.Allocate<T>()) T(std::forward<Args>(args)...);
  }
  template <typename T> llvm::ArrayRef<T> copyArray(llvm::ArrayRef<T> items) {
    if (items.empty())
      return {};
    T *mem = alloc.Allocate<T>(items.size());
    std::uninitialized_copy(items.begin(), items.end(), mem);
    return {mem, items.size()};
  }
  /// Interns a string (deduplicated); the result lives as long as the arena.
  llvm::StringRef save(llvm::StringRef s) { return strings.save(s); }

private:
  llvm::BumpPtrAllocator alloc;
  llvm::UniqueStringSaver strings{alloc};
};

/// Binding strength of an expression's top-level operator (IS NULL, IN,
/// BETWEEN, casts and operators included); atoms bind tightest. Printers
/// parenthesize a child that binds looser than its context needs.
unsigned getExprPrecedence(const Expr *e);

/// Structural equality: kinds, operators, literal values, names, types;
/// ignores source ranges. Raw SQL compares with white space folded.
bool exprEquals(const Expr *a, const Expr *b);

/// Calls `fn` on each direct child of `e` (operands, arguments, list items,
/// CASE parts), in source order. The one place that knows every node's
/// children, so walks need not repeat the switch.
void forEachChild(const Expr *e, llvm::function_ref<void(const Expr *)> fn);

/// Calls `fn` on every column reference in `e` (may be null), in source order.
void forEachColumnRef(const Expr *e,
                      llvm::function_ref<void(const ColumnRef *)> fn);

/// Rewrites one column reference while cloning (e.g. to drop a qualifier).
using ColumnRefMapper =
    llvm::function_ref<const Expr *(const ColumnRef *, ExprArena &)>;

/// A copy of `e` whose direct children are `fn(child)` (a null child stays
/// null), without a source range; leaves (literals, column references, raw
/// SQL) come back as they are. Rewriting passes handle the kinds they
/// rewrite and let this rebuild the rest.
const Expr *mapChildren(const Expr *e, ExprArena &arena,
                        llvm::function_ref<const Expr *(const Expr *)> fn);

/// Copies an expression tree into another arena (e.g. between schemas);
/// column references go through `mapColumnRef` when one is given. With
/// `file`, every source range moves to that file at the same offsets (the
/// same text parsed again from another buffer).
const Expr *cloneExpr(const Expr *e, ExprArena &into,
                      ColumnRefMapper mapColumnRef = nullptr, FileID file = 0);

} // namespace schemac::ir

#endif
