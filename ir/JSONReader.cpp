//===- JSONReader.cpp - reads Schema IR snapshots -------------------------===//
//
// One reader per IR struct over the compact JSON tree (JSONDOM.h). Every
// type is checked, unknown or repeated fields and unknown kinds are errors,
// and the first problem is reported with its JSON path, e.g.
// "tables[0].columns[2].type.kind: unknown type kind 'foo'".
//
//===----------------------------------------------------------------------===//

#include "ir/JSON.h"
#include "ir/JSONDOM.h"
#include "ir/SnapshotNames.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace schemac::ir {

using namespace snapshot;
using jsondom::Member;
using jsondom::Value;
using Object = llvm::ArrayRef<Member>;

namespace {

/// A position in the document, linked to its parent (like json::Path, but
/// rendered as "tables[0].columns[2].type").
struct JPath {
  const JPath *parent = nullptr;
  llvm::StringRef key;
  size_t index = 0;
  bool isIndex = false;

  JPath field(llvm::StringRef k) const { return {this, k, 0, false}; }
  JPath at(size_t i) const { return {this, "", i, true}; }

  void render(std::string &out) const {
    if (!parent)
      return;
    parent->render(out);
    if (isIndex) {
      out += '[' + std::to_string(index) + ']';
      return;
    }
    if (!out.empty())
      out += '.';
    out += key.str();
  }
};

/// Reads one snapshot into a Schema; the first problem stops everything.
class Reader {
public:
  explicit Reader(Schema &out) : out(out) {}

  llvm::Error takeError() {
    if (!error)
      return llvm::Error::success();
    return llvm::createStringError(llvm::inconvertibleErrorCode(), *error);
  }

  bool fail(const JPath &p, const llvm::Twine &msg) {
    if (!error) {
      std::string path;
      p.render(path);
      error = (path.empty() ? "<root>" : path) + ": " + msg.str();
    }
    return false;
  }

  /// An object's fields, checked against the names the reader asks for.
  class Fields {
  public:
    Fields(Reader &r, Object obj, const JPath &p) : r(r), obj(obj), p(p) {}

    /// Reads `key` with `fn(value, path)` when present.
    template <typename F> bool opt(llvm::StringRef key, F fn) {
      known.push_back(key);
      const Value *v = get(key);
      return !v || fn(*v, p.field(key));
    }
    template <typename F> bool req(llvm::StringRef key, F fn) {
      known.push_back(key);
      const Value *v = get(key);
      if (!v)
        return r.fail(p.field(key), "missing required field");
      return fn(*v, p.field(key));
    }
    /// Fails on a repeated field or one nobody asked for (the first in
    /// document order).
    bool done() {
      llvm::SmallVector<bool, 16> seen(known.size(), false);
      for (const Member &m : obj) {
        auto it = llvm::find(known, m.key);
        if (it == known.end())
          return r.fail(p.field(m.key), "unknown field");
        bool &s = seen[it - known.begin()];
        if (s)
          return r.fail(p.field(m.key), "repeated field");
        s = true;
      }
      return true;
    }

  private:
    const Value *get(llvm::StringRef key) const {
      for (const Member &m : obj)
        if (m.key == key)
          return &m.value;
      return nullptr;
    }

  private:
    Reader &r;
    Object obj;
    const JPath &p;
    llvm::SmallVector<llvm::StringRef, 16> known;
  };

  std::optional<Object> object(const Value &v, const JPath &p) {
    std::optional<Object> o = v.getAsObject();
    if (!o)
      fail(p, "expected an object");
    return o;
  }

  /// Calls fn(element, path) for each element of an array.
  template <typename F> bool array(const Value &v, const JPath &p, F fn) {
    std::optional<llvm::ArrayRef<Value>> a = v.getAsArray();
    if (!a)
      return fail(p, "expected an array");
    for (size_t i = 0; i < a->size(); ++i)
      if (!fn((*a)[i], p.at(i)))
        return false;
    return true;
  }

  bool string(const Value &v, const JPath &p, llvm::StringRef &result) {
    std::optional<llvm::StringRef> s = v.getAsString();
    if (!s)
      return fail(p, "expected a string");
    result = s->empty() ? llvm::StringRef() : out.save(*s);
    return true;
  }
  /// A string that must not be empty (names).
  bool name(const Value &v, const JPath &p, llvm::StringRef &result) {
    if (!string(v, p, result))
      return false;
    return !result.empty() || fail(p, "expected a non-empty string");
  }
  bool boolean(const Value &v, const JPath &p, bool &result) {
    std::optional<bool> b = v.getAsBool();
    if (!b)
      return fail(p, "expected a boolean");
    result = *b;
    return true;
  }
  bool integer(const Value &v, const JPath &p, int64_t &result) {
    std::optional<int64_t> i = v.getAsInteger();
    if (!i)
      return fail(p, "expected an integer");
    result = *i;
    return true;
  }
  bool optInteger(const Value &v, const JPath &p,
                  std::optional<int64_t> &result) {
    int64_t i = 0;
    if (!integer(v, p, i))
      return false;
    result = i;
    return true;
  }
  bool strings(const Value &v, const JPath &p,
               std::vector<llvm::StringRef> &result) {
    return array(v, p, [&](const Value &e, const JPath &ep) {
      return name(e, ep, result.emplace_back());
    });
  }
  /// A name from one of the format's enumerations.
  template <typename E, size_t N>
  bool enumName(const Value &v, const JPath &p,
                const llvm::StringRef (&names)[N], llvm::StringRef what,
                E &result) {
    std::optional<llvm::StringRef> s = v.getAsString();
    if (!s)
      return fail(p, "expected a string");
    std::optional<E> e = parseName<E>(names, *s);
    if (!e)
      return fail(p, "unknown " + what + " '" + *s + "'");
    result = *e;
    return true;
  }

  // Bound member-function readers, for use with Fields.
  auto str(llvm::StringRef &r) {
    return
        [this, &r](const Value &v, const JPath &p) { return string(v, p, r); };
  }
  auto nam(llvm::StringRef &r) {
    return [this, &r](const Value &v, const JPath &p) { return name(v, p, r); };
  }
  auto optInt(std::optional<int64_t> &r) {
    return [this, &r](const Value &v, const JPath &p) {
      return optInteger(v, p, r);
    };
  }
  auto flag(bool &r) {
    return
        [this, &r](const Value &v, const JPath &p) { return boolean(v, p, r); };
  }
  auto strs(std::vector<llvm::StringRef> &r) {
    return
        [this, &r](const Value &v, const JPath &p) { return strings(v, p, r); };
  }
  auto expr(const Expr *&r) {
    return [this, &r](const Value &v, const JPath &p) {
      return readExpr(v, p, r);
    };
  }

  bool readType(const Value &v, const JPath &p, Type &t);
  bool readExpr(const Value &v, const JPath &p, const Expr *&result);
  bool readSchema(const Value &v);

private:
  bool readExprList(const Value &v, const JPath &p,
                    llvm::ArrayRef<const Expr *> &result);
  bool readObjectHeader(Fields &f, SchemaObject &obj);
  bool readNamespace(const Value &v, const JPath &p);
  bool readEnum(const Value &v, const JPath &p);
  bool readSequence(const Value &v, const JPath &p);
  bool readTable(const Value &v, const JPath &p);
  bool readColumn(const Value &v, const JPath &p, Column &c);
  bool readConstraint(const Value &v, const JPath &p,
                      std::unique_ptr<Constraint> &result);
  bool readIndex(const Value &v, const JPath &p, Index &idx);
  bool readView(const Value &v, const JPath &p);

  Schema &out;
  std::optional<std::string> error;
};

bool Reader::readType(const Value &v, const JPath &p, Type &t) {
  std::optional<Object> o = object(v, p);
  if (!o)
    return false;
  Fields f(*this, *o, p);
  return f.req("kind",
               [&](const Value &kv, const JPath &kp) {
                 std::optional<llvm::StringRef> s = kv.getAsString();
                 if (!s)
                   return fail(kp, "expected a string");
                 std::optional<TypeKind> k = parseTypeKindName(*s);
                 if (!k)
                   return fail(kp, "unknown type kind '" + *s + "'");
                 t.kind = *k;
                 return true;
               }) &&
         f.opt("modifiers",
               [&](const Value &mv, const JPath &mp) {
                 return array(mv, mp, [&](const Value &e, const JPath &ep) {
                   if (t.numModifiers == 2)
                     return fail(ep, "a type has at most 2 modifiers");
                   int64_t m = 0;
                   if (!integer(e, ep, m))
                     return false;
                   t.addModifier(m);
                   return true;
                 });
               }) &&
         f.opt("arrayDims",
               [&](const Value &dv, const JPath &dp) {
                 int64_t d = 0;
                 if (!integer(dv, dp, d))
                   return false;
                 if (d < 0 || d > 255)
                   return fail(dp, "array dimensions out of range");
                 t.arrayDims = uint8_t(d);
                 return true;
               }) &&
         f.opt("unsigned", flag(t.isUnsigned)) && f.opt("ns", str(t.ns)) &&
         f.opt("name", str(t.name)) && f.done();
}

bool Reader::readExprList(const Value &v, const JPath &p,
                          llvm::ArrayRef<const Expr *> &result) {
  llvm::SmallVector<const Expr *, 8> list;
  if (!array(v, p, [&](const Value &e, const JPath &ep) {
        return readExpr(e, ep, list.emplace_back());
      }))
    return false;
  result = out.getArena().copyArray<const Expr *>(list);
  return true;
}

/// Digits with an optional fraction and exponent (no sign: negation is a
/// unary expression), so no SQL can hide in a number.
bool isNumberText(llvm::StringRef s) {
  size_t i = 0, digits = 0;
  while (i < s.size() && llvm::isDigit(s[i]))
    ++i, ++digits;
  if (i < s.size() && s[i] == '.')
    for (++i; i < s.size() && llvm::isDigit(s[i]); ++i)
      ++digits;
  if (!digits)
    return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
      ++i;
    size_t start = i;
    while (i < s.size() && llvm::isDigit(s[i]))
      ++i;
    if (i == start)
      return false;
  }
  return i == s.size();
}

bool Reader::readExpr(const Value &v, const JPath &p, const Expr *&result) {
  std::optional<Object> o = object(v, p);
  if (!o)
    return false;
  Fields f(*this, *o, p);
  Expr::Kind kind = Expr::Kind::Null;
  if (!f.req("kind", [&](const Value &kv, const JPath &kp) {
        return enumName(kv, kp, ExprKindNames, "expression kind", kind);
      }))
    return false;
  ExprArena &arena = out.getArena();
  SourceRange r;
  switch (kind) {
  case Expr::Kind::Null:
    result = arena.create<NullLiteral>(r);
    break;
  case Expr::Kind::Bool: {
    bool b = false;
    if (!f.req("value", flag(b)))
      return false;
    result = arena.create<BoolLiteral>(b, r);
    break;
  }
  case Expr::Kind::Number: {
    llvm::StringRef text;
    if (!f.req("text", [&](const Value &tv, const JPath &tp) {
          return string(tv, tp, text) &&
                 (isNumberText(text) || fail(tp, "not a number literal"));
        }))
      return false;
    result = arena.create<NumberLiteral>(text, r);
    break;
  }
  case Expr::Kind::String: {
    llvm::StringRef value;
    if (!f.req("value", str(value)))
      return false;
    result = arena.create<StringLiteral>(value, r);
    break;
  }
  case Expr::Kind::ColumnRef: {
    llvm::StringRef table, column;
    if (!f.opt("table", str(table)) || !f.req("column", nam(column)))
      return false;
    result = arena.create<ColumnRef>(table, column, r);
    break;
  }
  case Expr::Kind::FuncCall: {
    llvm::StringRef schema, name;
    llvm::ArrayRef<const Expr *> args;
    bool star = false, distinct = false, noParens = false;
    if (!f.opt("schema", str(schema)) || !f.req("name", nam(name)) ||
        !f.opt("args",
               [&](const Value &av, const JPath &ap) {
                 return readExprList(av, ap, args);
               }) ||
        !f.opt("star", flag(star)) || !f.opt("distinct", flag(distinct)) ||
        !f.opt("noParens", flag(noParens)))
      return false;
    result =
        arena.create<FuncCall>(schema, name, args, star, distinct, noParens, r);
    break;
  }
  case Expr::Kind::Unary: {
    UnaryOp op = UnaryOp::Neg;
    const Expr *operand = nullptr;
    if (!f.req("op",
               [&](const Value &ov, const JPath &op2) {
                 return enumName(ov, op2, UnaryOpNames, "unary operator", op);
               }) ||
        !f.req("operand", expr(operand)))
      return false;
    result = arena.create<UnaryExpr>(op, operand, r);
    break;
  }
  case Expr::Kind::Binary: {
    BinaryOp op = BinaryOp::Or;
    const Expr *lhs = nullptr, *rhs = nullptr;
    if (!f.req("op",
               [&](const Value &ov, const JPath &op2) {
                 return enumName(ov, op2, BinaryOpNames, "binary operator", op);
               }) ||
        !f.req("lhs", expr(lhs)) || !f.req("rhs", expr(rhs)))
      return false;
    result = arena.create<BinaryExpr>(op, lhs, rhs, r);
    break;
  }
  case Expr::Kind::Cast: {
    const Expr *operand = nullptr;
    Type type;
    if (!f.req("operand", expr(operand)) ||
        !f.req("type", [&](const Value &tv, const JPath &tp) {
          return readType(tv, tp, type);
        }))
      return false;
    result = arena.create<CastExpr>(operand, type, r);
    break;
  }
  case Expr::Kind::Case: {
    const Expr *operand = nullptr, *elseResult = nullptr;
    llvm::SmallVector<CaseWhen, 4> whens;
    auto readWhen = [&](const Value &wv, const JPath &wp) {
      std::optional<Object> wo = object(wv, wp);
      if (!wo)
        return false;
      Fields wf(*this, *wo, wp);
      CaseWhen &w = whens.emplace_back();
      return wf.req("when", expr(w.condition)) &&
             wf.req("then", expr(w.result)) && wf.done();
    };
    if (!f.opt("operand", expr(operand)) ||
        !f.req("whens",
               [&](const Value &av, const JPath &ap) {
                 return array(av, ap, readWhen);
               }) ||
        !f.opt("else", expr(elseResult)))
      return false;
    if (whens.empty())
      return fail(p.field("whens"), "a CASE needs at least one WHEN");
    result = arena.create<CaseExpr>(operand, arena.copyArray<CaseWhen>(whens),
                                    elseResult, r);
    break;
  }
  case Expr::Kind::In: {
    const Expr *operand = nullptr;
    llvm::ArrayRef<const Expr *> list;
    bool negated = false;
    if (!f.req("operand", expr(operand)) ||
        !f.req("list",
               [&](const Value &lv, const JPath &lp) {
                 return readExprList(lv, lp, list);
               }) ||
        !f.opt("negated", flag(negated)))
      return false;
    result = arena.create<InExpr>(operand, list, negated, r);
    break;
  }
  case Expr::Kind::IsNull: {
    const Expr *operand = nullptr;
    bool negated = false;
    if (!f.req("operand", expr(operand)) || !f.opt("negated", flag(negated)))
      return false;
    result = arena.create<IsNullExpr>(operand, negated, r);
    break;
  }
  case Expr::Kind::Between: {
    const Expr *operand = nullptr, *low = nullptr, *high = nullptr;
    bool negated = false;
    if (!f.req("operand", expr(operand)) || !f.req("low", expr(low)) ||
        !f.req("high", expr(high)) || !f.opt("negated", flag(negated)))
      return false;
    result = arena.create<BetweenExpr>(operand, low, high, negated, r);
    break;
  }
  case Expr::Kind::Array: {
    llvm::ArrayRef<const Expr *> elements;
    if (!f.req("elements", [&](const Value &ev, const JPath &ep) {
          return readExprList(ev, ep, elements);
        }))
      return false;
    result = arena.create<ArrayExpr>(elements, r);
    break;
  }
  case Expr::Kind::Raw: {
    llvm::StringRef text;
    if (!f.req("text", str(text)))
      return false;
    result = arena.create<RawSQL>(text, r);
    break;
  }
  }
  return f.done();
}

bool Reader::readObjectHeader(Fields &f, SchemaObject &obj) {
  return f.opt("ns", str(obj.name.ns)) && f.req("name", nam(obj.name.name)) &&
         f.opt("comment", str(obj.comment)) && f.opt("was", strs(obj.was));
}

bool Reader::readNamespace(const Value &v, const JPath &p) {
  std::optional<Object> o = object(v, p);
  if (!o)
    return false;
  Fields f(*this, *o, p);
  Namespace &ns = out.namespaces.emplace_back();
  return f.req("name", nam(ns.name)) && f.opt("comment", str(ns.comment)) &&
         f.done();
}

bool Reader::readEnum(const Value &v, const JPath &p) {
  std::optional<Object> o = object(v, p);
  if (!o)
    return false;
  Fields f(*this, *o, p);
  auto &e = *out.enums.emplace_back(std::make_unique<EnumType>());
  auto readValue = [&](const Value &ev, const JPath &ep) {
    std::optional<Object> eo = object(ev, ep);
    if (!eo)
      return false;
    Fields vf(*this, *eo, ep);
    EnumValue &value = e.values.emplace_back();
    return vf.req("name", nam(value.name)) && vf.opt("was", strs(value.was)) &&
           vf.done();
  };
  return readObjectHeader(f, e) &&
         f.req("values",
               [&](const Value &av, const JPath &ap) {
                 return array(av, ap, readValue);
               }) &&
         f.done();
}

bool Reader::readSequence(const Value &v, const JPath &p) {
  std::optional<Object> o = object(v, p);
  if (!o)
    return false;
  Fields f(*this, *o, p);
  auto &s = *out.sequences.emplace_back(std::make_unique<Sequence>());
  auto readOwner = [&](const Value &ov, const JPath &op) {
    std::optional<Object> oo = object(ov, op);
    if (!oo)
      return false;
    Fields of(*this, *oo, op);
    ColumnOwner &owner = s.ownedBy.emplace();
    return of.opt("ns", str(owner.table.ns)) &&
           of.req("table", nam(owner.table.name)) &&
           of.req("column", nam(owner.column)) && of.done();
  };
  return readObjectHeader(f, s) &&
         f.req("type",
               [&](const Value &tv, const JPath &tp) {
                 return readType(tv, tp, s.type);
               }) &&
         f.opt("start", optInt(s.start)) &&
         f.opt("increment", optInt(s.increment)) &&
         f.opt("minValue", optInt(s.minValue)) &&
         f.opt("maxValue", optInt(s.maxValue)) &&
         f.opt("cache", optInt(s.cache)) && f.opt("cycle", flag(s.cycle)) &&
         f.opt("ownedBy", readOwner) && f.done();
}

bool Reader::readColumn(const Value &v, const JPath &p, Column &c) {
  std::optional<Object> o = object(v, p);
  if (!o)
    return false;
  Fields f(*this, *o, p);
  auto readGenerated = [&](const Value &gv, const JPath &gp) {
    std::optional<Object> go = object(gv, gp);
    if (!go)
      return false;
    Fields gf(*this, *go, gp);
    Generated &g = c.generated.emplace();
    return gf.req("expr", expr(g.expr)) && gf.req("stored", flag(g.stored)) &&
           gf.done();
  };
  return f.req("name", nam(c.name)) &&
         f.req("type",
               [&](const Value &tv, const JPath &tp) {
                 return readType(tv, tp, c.type);
               }) &&
         f.opt("nullable", flag(c.nullable)) &&
         f.opt("default", expr(c.defaultValue)) &&
         f.opt("identity",
               [&](const Value &iv, const JPath &ip) {
                 return enumName(iv, ip, IdentityNames, "identity", c.identity);
               }) &&
         f.opt("generated", readGenerated) &&
         f.opt("collation", str(c.collation)) &&
         f.opt("comment", str(c.comment)) && f.opt("was", strs(c.was)) &&
         f.done();
}

bool Reader::readConstraint(const Value &v, const JPath &p,
                            std::unique_ptr<Constraint> &result) {
  std::optional<Object> o = object(v, p);
  if (!o)
    return false;
  Fields f(*this, *o, p);
  Constraint::Kind kind = Constraint::Kind::Check;
  if (!f.req("kind", [&](const Value &kv, const JPath &kp) {
        return enumName(kv, kp, ConstraintKindNames, "constraint kind", kind);
      }))
    return false;
  bool ok = true;
  switch (kind) {
  case Constraint::Kind::PrimaryKey: {
    auto pk = std::make_unique<PrimaryKey>();
    ok = f.req("columns", strs(pk->columns));
    result = std::move(pk);
    break;
  }
  case Constraint::Kind::Unique: {
    auto u = std::make_unique<UniqueConstraint>();
    ok = f.req("columns", strs(u->columns)) &&
         f.opt("nullsNotDistinct", flag(u->nullsNotDistinct));
    result = std::move(u);
    break;
  }
  case Constraint::Kind::ForeignKey: {
    auto fk = std::make_unique<ForeignKey>();
    auto action = [&](RefAction &a) {
      return [this, &a](const Value &av, const JPath &ap) {
        return enumName(av, ap, RefActionNames, "referential action", a);
      };
    };
    auto readRef = [&](const Value &rv, const JPath &rp) {
      std::optional<Object> ro = object(rv, rp);
      if (!ro)
        return false;
      Fields rf(*this, *ro, rp);
      return rf.opt("ns", str(fk->refTable.ns)) &&
             rf.req("name", nam(fk->refTable.name)) && rf.done();
    };
    ok = f.req("columns", strs(fk->columns)) && f.req("refTable", readRef) &&
         f.req("refColumns", strs(fk->refColumns)) &&
         f.opt("onDelete", action(fk->onDelete)) &&
         f.opt("onUpdate", action(fk->onUpdate)) &&
         f.opt("deferrable", flag(fk->deferrable)) &&
         f.opt("initiallyDeferred", flag(fk->initiallyDeferred));
    result = std::move(fk);
    break;
  }
  case Constraint::Kind::Check: {
    auto ck = std::make_unique<CheckConstraint>();
    ok = f.req("expr", expr(ck->expr));
    result = std::move(ck);
    break;
  }
  }
  // SQLite keeps foreign keys and checks the schema does not name unnamed
  // (docs/naming.md): their derived name is "". Keys always have a name.
  bool mayBeUnnamed =
      kind == Constraint::Kind::ForeignKey || kind == Constraint::Kind::Check;
  if (!ok ||
      !(mayBeUnnamed ? f.req("name", str(result->name))
                     : f.req("name", nam(result->name))) ||
      !f.opt("nameExplicit", flag(result->nameExplicit)))
    return false;
  if (result->name.empty() && result->nameExplicit)
    return fail(p.field("name"), "expected a non-empty string");
  return f.opt("was", strs(result->was)) && f.done();
}

bool Reader::readIndex(const Value &v, const JPath &p, Index &idx) {
  std::optional<Object> o = object(v, p);
  if (!o)
    return false;
  Fields f(*this, *o, p);
  auto readElement = [&](const Value &ev, const JPath &ep) {
    std::optional<Object> eo = object(ev, ep);
    if (!eo)
      return false;
    Fields ef(*this, *eo, ep);
    IndexElement &el = idx.elements.emplace_back();
    return ef.req("expr", expr(el.expr)) &&
           ef.opt("prefixLength", optInt(el.prefixLength)) &&
           ef.opt("collation", str(el.collation)) &&
           ef.opt("opclass", str(el.opclass)) &&
           ef.opt("order",
                  [&](const Value &sv, const JPath &sp) {
                    return enumName(sv, sp, SortOrderNames, "sort order",
                                    el.order);
                  }) &&
           ef.opt("nulls",
                  [&](const Value &nv, const JPath &np) {
                    return enumName(nv, np, NullsOrderNames, "nulls order",
                                    el.nulls);
                  }) &&
           ef.done();
  };
  return f.req("name", nam(idx.name)) &&
         f.opt("nameExplicit", flag(idx.nameExplicit)) &&
         f.opt("unique", flag(idx.unique)) &&
         f.opt("method", str(idx.method)) &&
         f.req("elements",
               [&](const Value &av, const JPath &ap) {
                 return array(av, ap, readElement);
               }) &&
         f.opt("include", strs(idx.include)) &&
         f.opt("where", expr(idx.where)) &&
         f.opt("comment", str(idx.comment)) && f.opt("was", strs(idx.was)) &&
         f.done();
}

bool Reader::readTable(const Value &v, const JPath &p) {
  std::optional<Object> o = object(v, p);
  if (!o)
    return false;
  Fields f(*this, *o, p);
  auto &t = *out.tables.emplace_back(std::make_unique<Table>());
  auto readOptions = [&](const Value &ov, const JPath &op) {
    std::optional<Object> oo = object(ov, op);
    if (!oo)
      return false;
    Fields of(*this, *oo, op);
    TableOptions &o = t.options;
    return of.opt("strict", flag(o.strict)) &&
           of.opt("withoutRowid", flag(o.withoutRowid)) &&
           of.opt("engine", str(o.engine)) &&
           of.opt("charset", str(o.charset)) &&
           of.opt("collation", str(o.collation)) && of.done();
  };
  return readObjectHeader(f, t) && f.opt("options", readOptions) &&
         f.req("columns",
               [&](const Value &av, const JPath &ap) {
                 return array(av, ap, [&](const Value &cv, const JPath &cp) {
                   return readColumn(cv, cp, t.columns.emplace_back());
                 });
               }) &&
         f.opt("constraints",
               [&](const Value &av, const JPath &ap) {
                 return array(av, ap, [&](const Value &cv, const JPath &cp) {
                   return readConstraint(cv, cp, t.constraints.emplace_back());
                 });
               }) &&
         f.opt("indexes",
               [&](const Value &av, const JPath &ap) {
                 return array(av, ap, [&](const Value &iv, const JPath &ip) {
                   return readIndex(iv, ip, t.indexes.emplace_back());
                 });
               }) &&
         f.done();
}

bool Reader::readView(const Value &v, const JPath &p) {
  std::optional<Object> o = object(v, p);
  if (!o)
    return false;
  Fields f(*this, *o, p);
  auto &view = *out.views.emplace_back(std::make_unique<View>());
  return readObjectHeader(f, view) && f.req("query", str(view.query)) &&
         f.opt("materialized", flag(view.materialized)) && f.done();
}

bool Reader::readSchema(const Value &v) {
  JPath root;
  std::optional<Object> o = object(v, root);
  if (!o)
    return false;
  Fields f(*this, *o, root);
  auto each = [&](bool (Reader::*read)(const Value &, const JPath &)) {
    return [this, read](const Value &av, const JPath &ap) {
      return array(av, ap, [&](const Value &ev, const JPath &ep) {
        return (this->*read)(ev, ep);
      });
    };
  };
  return f.req("format",
               [&](const Value &fv, const JPath &fp) {
                 std::optional<llvm::StringRef> s = fv.getAsString();
                 if (s != llvm::StringRef("schemac-snapshot"))
                   return fail(fp, "not a schemac snapshot (expected "
                                   "\"schemac-snapshot\")");
                 return true;
               }) &&
         f.req("version",
               [&](const Value &vv, const JPath &vp) {
                 std::optional<int64_t> n = vv.getAsInteger();
                 if (!n)
                   return fail(vp, "expected an integer");
                 if (*n != SnapshotVersion)
                   return fail(vp, llvm::formatv("unsupported snapshot version "
                                                 "{0} (this schemac reads "
                                                 "version {1})",
                                                 *n, SnapshotVersion));
                 return true;
               }) &&
         f.opt("namespaces", each(&Reader::readNamespace)) &&
         f.opt("enums", each(&Reader::readEnum)) &&
         f.opt("sequences", each(&Reader::readSequence)) &&
         f.opt("tables", each(&Reader::readTable)) &&
         f.opt("views", each(&Reader::readView)) && f.done();
}

} // namespace

llvm::Error readSnapshot(llvm::StringRef text, Schema &out) {
  jsondom::Document doc;
  if (llvm::Error err = doc.parse(text, MaxNesting))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "invalid JSON: " +
                                       llvm::toString(std::move(err)));
  Reader reader(out);
  if (!reader.readSchema(doc.getRoot())) {
    // Leave no half-read objects behind.
    out.namespaces.clear();
    out.enums.clear();
    out.sequences.clear();
    out.tables.clear();
    out.views.clear();
    out.canonicalize();
    return reader.takeError();
  }
  out.canonicalize();
  return llvm::Error::success();
}

} // namespace schemac::ir
