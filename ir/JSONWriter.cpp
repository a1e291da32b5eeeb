//===- JSONWriter.cpp - writes Schema IR snapshots ------------------------===//
//
// Streams the snapshot with llvm::json::OStream, one writer per IR struct.
// Keys come in a fixed, readable order (name first); defaults are omitted
// (empty strings and lists, false flags, NO ACTION), so files stay small and
// the bytes depend only on the IR.
//
//===----------------------------------------------------------------------===//

#include "ir/JSON.h"
#include "ir/SnapshotNames.h"

namespace schemac::ir {

using namespace snapshot;

namespace {

/// llvm::json only holds UTF-8; stray bytes (say, a Latin-1 source file)
/// become U+FFFD instead of tripping its assertion.
llvm::json::Value utf8(llvm::StringRef s) {
  if (llvm::json::isUTF8(s))
    return s;
  return llvm::json::fixUTF8(s);
}

class Writer {
public:
  explicit Writer(llvm::raw_ostream &os) : j(os, 2) {}

  void write(const Schema &schema) {
    j.object([&] {
      j.attribute("format", "schemac-snapshot");
      j.attribute("version", SnapshotVersion);
      j.attributeArray("namespaces", [&] {
        for (const Namespace &ns : schema.namespaces)
          write(ns);
      });
      list("enums", schema.enums);
      list("sequences", schema.sequences);
      list("tables", schema.tables);
      list("views", schema.views);
    });
  }

private:
  template <typename T>
  void list(llvm::StringRef key, const std::vector<std::unique_ptr<T>> &objs) {
    j.attributeArray(key, [&] {
      for (const auto &obj : objs)
        write(*obj);
    });
  }

  void str(llvm::StringRef key, llvm::StringRef s) {
    if (!s.empty())
      j.attribute(key, utf8(s));
  }
  void opt(llvm::StringRef key, const std::optional<int64_t> &v) {
    if (v)
      j.attribute(key, *v);
  }
  void flag(llvm::StringRef key, bool b) {
    if (b)
      j.attribute(key, true);
  }
  void names(llvm::StringRef key, llvm::ArrayRef<llvm::StringRef> list) {
    j.attributeArray(key, [&] {
      for (llvm::StringRef s : list)
        j.value(utf8(s));
    });
  }
  void optNames(llvm::StringRef key, llvm::ArrayRef<llvm::StringRef> list) {
    if (!list.empty())
      names(key, list);
  }
  void expr(llvm::StringRef key, const Expr *e) {
    if (e)
      j.attributeObject(key, [&] { writeExpr(e); });
  }
  void exprs(llvm::StringRef key, llvm::ArrayRef<const Expr *> list) {
    j.attributeArray(key, [&] {
      for (const Expr *e : list)
        j.object([&] { writeExpr(e); });
    });
  }

  void type(llvm::StringRef key, const Type &t) {
    j.attributeObject(key, [&] {
      j.attribute("kind", getTypeKindName(t.kind));
      str("ns", t.ns);
      str("name", t.name);
      if (t.numModifiers)
        j.attributeArray("modifiers", [&] {
          for (unsigned i = 0; i < t.numModifiers; ++i)
            j.value(t.modifiers[i]);
        });
      if (t.arrayDims)
        j.attribute("arrayDims", int64_t(t.arrayDims));
      flag("unsigned", t.isUnsigned);
    });
  }

  /// The members of one expression object.
  void writeExpr(const Expr *e) {
    using llvm::cast;
    j.attribute("kind", nameOf(ExprKindNames, e->getKind()));
    switch (e->getKind()) {
    case Expr::Kind::Null:
      return;
    case Expr::Kind::Bool:
      j.attribute("value", cast<BoolLiteral>(e)->getValue());
      return;
    case Expr::Kind::Number:
      j.attribute("text", utf8(cast<NumberLiteral>(e)->getText()));
      return;
    case Expr::Kind::String:
      j.attribute("value", utf8(cast<StringLiteral>(e)->getValue()));
      return;
    case Expr::Kind::ColumnRef:
      str("table", cast<ColumnRef>(e)->getTable());
      j.attribute("column", utf8(cast<ColumnRef>(e)->getColumn()));
      return;
    case Expr::Kind::FuncCall: {
      auto *f = cast<FuncCall>(e);
      str("schema", f->getSchema());
      j.attribute("name", utf8(f->getName()));
      if (!f->getArgs().empty())
        exprs("args", f->getArgs());
      flag("star", f->isStar());
      flag("distinct", f->isDistinct());
      flag("noParens", f->hasNoParens());
      return;
    }
    case Expr::Kind::Unary:
      j.attribute("op", nameOf(UnaryOpNames, cast<UnaryExpr>(e)->getOp()));
      expr("operand", cast<UnaryExpr>(e)->getOperand());
      return;
    case Expr::Kind::Binary:
      j.attribute("op", nameOf(BinaryOpNames, cast<BinaryExpr>(e)->getOp()));
      expr("lhs", cast<BinaryExpr>(e)->getLHS());
      expr("rhs", cast<BinaryExpr>(e)->getRHS());
      return;
    case Expr::Kind::Cast:
      expr("operand", cast<CastExpr>(e)->getOperand());
      type("type", cast<CastExpr>(e)->getType());
      return;
    case Expr::Kind::Case: {
      auto *c = cast<CaseExpr>(e);
      expr("operand", c->getOperand());
      j.attributeArray("whens", [&] {
        for (const CaseWhen &w : c->getWhens())
          j.object([&] {
            expr("when", w.condition);
            expr("then", w.result);
          });
      });
      expr("else", c->getElse());
      return;
    }
    case Expr::Kind::In:
      expr("operand", cast<InExpr>(e)->getOperand());
      exprs("list", cast<InExpr>(e)->getList());
      flag("negated", cast<InExpr>(e)->isNegated());
      return;
    case Expr::Kind::IsNull:
      expr("operand", cast<IsNullExpr>(e)->getOperand());
      flag("negated", cast<IsNullExpr>(e)->isNegated());
      return;
    case Expr::Kind::Between: {
      auto *b = cast<BetweenExpr>(e);
      expr("operand", b->getOperand());
      expr("low", b->getLow());
      expr("high", b->getHigh());
      flag("negated", b->isNegated());
      return;
    }
    case Expr::Kind::Array:
      exprs("elements", cast<ArrayExpr>(e)->getElements());
      return;
    case Expr::Kind::Raw:
      j.attribute("text", utf8(cast<RawSQL>(e)->getText()));
      return;
    }
  }

  /// The members every top-level object starts with.
  void header(const SchemaObject &obj) {
    str("ns", obj.name.ns);
    j.attribute("name", utf8(obj.name.name));
    str("comment", obj.comment);
    optNames("was", obj.was);
  }

  void write(const Namespace &ns) {
    j.object([&] {
      j.attribute("name", utf8(ns.name));
      str("comment", ns.comment);
    });
  }

  void write(const EnumType &e) {
    j.object([&] {
      header(e);
      j.attributeArray("values", [&] {
        for (const EnumValue &v : e.values)
          j.object([&] {
            j.attribute("name", utf8(v.name));
            optNames("was", v.was);
          });
      });
    });
  }

  void write(const Sequence &s) {
    j.object([&] {
      header(s);
      type("type", s.type);
      opt("start", s.start);
      opt("increment", s.increment);
      opt("minValue", s.minValue);
      opt("maxValue", s.maxValue);
      opt("cache", s.cache);
      flag("cycle", s.cycle);
      if (s.ownedBy)
        j.attributeObject("ownedBy", [&] {
          str("ns", s.ownedBy->table.ns);
          j.attribute("table", utf8(s.ownedBy->table.name));
          j.attribute("column", utf8(s.ownedBy->column));
        });
    });
  }

  void write(const Column &c) {
    j.object([&] {
      j.attribute("name", utf8(c.name));
      type("type", c.type);
      flag("nullable", c.nullable);
      expr("default", c.defaultValue);
      if (c.identity != Identity::None)
        j.attribute("identity", nameOf(IdentityNames, c.identity));
      if (c.generated)
        j.attributeObject("generated", [&] {
          expr("expr", c.generated->expr);
          j.attribute("stored", c.generated->stored);
        });
      str("collation", c.collation);
      str("comment", c.comment);
      optNames("was", c.was);
    });
  }

  void write(const Constraint &c) {
    j.object([&] {
      j.attribute("name", utf8(c.name));
      j.attribute("kind", nameOf(ConstraintKindNames, c.getKind()));
      flag("nameExplicit", c.nameExplicit);
      switch (c.getKind()) {
      case Constraint::Kind::PrimaryKey:
        names("columns", llvm::cast<PrimaryKey>(c).columns);
        break;
      case Constraint::Kind::Unique:
        names("columns", llvm::cast<UniqueConstraint>(c).columns);
        flag("nullsNotDistinct",
             llvm::cast<UniqueConstraint>(c).nullsNotDistinct);
        break;
      case Constraint::Kind::ForeignKey: {
        auto &fk = llvm::cast<ForeignKey>(c);
        names("columns", fk.columns);
        j.attributeObject("refTable", [&] {
          str("ns", fk.refTable.ns);
          j.attribute("name", utf8(fk.refTable.name));
        });
        names("refColumns", fk.refColumns);
        if (fk.onDelete != RefAction::NoAction)
          j.attribute("onDelete", nameOf(RefActionNames, fk.onDelete));
        if (fk.onUpdate != RefAction::NoAction)
          j.attribute("onUpdate", nameOf(RefActionNames, fk.onUpdate));
        flag("deferrable", fk.deferrable);
        flag("initiallyDeferred", fk.initiallyDeferred);
        break;
      }
      case Constraint::Kind::Check:
        expr("expr", llvm::cast<CheckConstraint>(c).expr);
        break;
      }
      optNames("was", c.was);
    });
  }

  void write(const Index &idx) {
    j.object([&] {
      j.attribute("name", utf8(idx.name));
      flag("nameExplicit", idx.nameExplicit);
      flag("unique", idx.unique);
      str("method", idx.method);
      j.attributeArray("elements", [&] {
        for (const IndexElement &el : idx.elements)
          j.object([&] {
            expr("expr", el.expr);
            opt("prefixLength", el.prefixLength);
            str("collation", el.collation);
            str("opclass", el.opclass);
            if (el.order != SortOrder::Default)
              j.attribute("order", nameOf(SortOrderNames, el.order));
            if (el.nulls != NullsOrder::Default)
              j.attribute("nulls", nameOf(NullsOrderNames, el.nulls));
          });
      });
      optNames("include", idx.include);
      expr("where", idx.where);
      str("comment", idx.comment);
      optNames("was", idx.was);
    });
  }

  void write(const Table &t) {
    j.object([&] {
      header(t);
      const TableOptions &o = t.options;
      if (o.strict || o.withoutRowid || !o.engine.empty() ||
          !o.charset.empty() || !o.collation.empty())
        j.attributeObject("options", [&] {
          flag("strict", o.strict);
          flag("withoutRowid", o.withoutRowid);
          str("engine", o.engine);
          str("charset", o.charset);
          str("collation", o.collation);
        });
      j.attributeArray("columns", [&] {
        for (const Column &c : t.columns)
          write(c);
      });
      if (!t.constraints.empty())
        j.attributeArray("constraints", [&] {
          for (const auto &c : t.constraints)
            write(*c);
        });
      if (!t.indexes.empty())
        j.attributeArray("indexes", [&] {
          for (const Index &idx : t.indexes)
            write(idx);
        });
    });
  }

  void write(const View &v) {
    j.object([&] {
      header(v);
      flag("materialized", v.materialized);
      j.attribute("query", utf8(v.query));
    });
  }

  llvm::json::OStream j;
};

} // namespace

void writeSnapshot(const Schema &schema, llvm::raw_ostream &os) {
  Writer(os).write(schema);
  os << '\n';
}

llvm::json::Value schemaToJSON(const Schema &schema) {
  // The snapshot text is the single source of truth for the format.
  std::string text;
  llvm::raw_string_ostream os(text);
  writeSnapshot(schema, os);
  return llvm::cantFail(llvm::json::parse(text));
}

} // namespace schemac::ir
