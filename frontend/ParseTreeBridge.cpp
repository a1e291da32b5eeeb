//===- ParseTreeBridge.cpp - ANTLR parse tree to schemac AST --------------===//
//
// The only file that sees ANTLR types. It feeds ANTLR the source in place
// (SourceCharStream), lexes, reports lexical errors (unterminated literals,
// stray characters) itself, parses with SLL and falls back to full LL only
// when SLL fails, turns ANTLR's syntax errors into diagnostics naming the
// expected tokens, and converts the parse tree into the AST of
// frontend/AST.h.
//
//===----------------------------------------------------------------------===//

#include "frontend/CodePointIndex.h"
#include "frontend/Parser.h"

#include "SchemaLexer.h"
#include "SchemaParser.h"
#include "antlr4-runtime.h"
#include "llvm/Support/ConvertUTF.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <fmt/format.h>

using namespace schemac;
using schemac_grammar::SchemaLexer;
using schemac_grammar::SchemaParser;
using P = schemac_grammar::SchemaParser;

namespace {

/// ANTLR's own ANTLRInputStream copies the buffer and widens it to UTF-32
/// at about 20 bytes per input byte (34 MB for a 1.7 MB schema). This
/// stream reads the buffer in place: nothing extra for ASCII, and the
/// CodePointIndex's offset per code point otherwise.
/// An ANTLR character stream over a buffer that outlives it.
class SourceCharStream : public antlr4::CharStream {
public:
  SourceCharStream(llvm::StringRef text, const CodePointIndex &points)
      : text(text), points(points) {}

  void consume() override;
  size_t LA(ssize_t i) override;
  ssize_t mark() override { return -1; }
  void release(ssize_t) override {}
  size_t index() override { return position; }
  void seek(size_t to) override { position = std::min(to, points.size()); }
  size_t size() override { return points.size(); }
  std::string getSourceName() const override { return "<schema>"; }
  std::string getText(const antlr4::misc::Interval &interval) override;
  std::string toString() const override { return text.str(); }

private:
  uint32_t codePointAt(size_t i) const;

  llvm::StringRef text;
  const CodePointIndex &points;
  size_t position = 0;
};

void SourceCharStream::consume() {
  if (position >= points.size())
    throw antlr4::IllegalStateException("cannot consume EOF");
  ++position;
}

size_t SourceCharStream::LA(ssize_t i) {
  if (i == 0)
    return 0; // undefined, as in ANTLR's own streams
  // LA(1) is the current code point, LA(-1) the one before it.
  ssize_t at = i > 0 ? (ssize_t)position + i - 1 : (ssize_t)position + i;
  if (at < 0 || (size_t)at >= points.size())
    return antlr4::IntStream::EOF;
  return codePointAt(at);
}

uint32_t SourceCharStream::codePointAt(size_t i) const {
  if (points.isAscii())
    return (unsigned char)text[i];
  uint32_t begin = points.byteOffset(i), end = points.byteOffset(i + 1);
  auto *source = reinterpret_cast<const llvm::UTF8 *>(text.data() + begin);
  if (end - begin == 1)
    return *source;
  llvm::UTF32 codePoint = 0xFFFD; // what invalid UTF-8 reads as
  llvm::UTF32 *target = &codePoint;
  llvm::ConvertUTF8toUTF32(&source, source + (end - begin), &target, target + 1,
                           llvm::lenientConversion);
  return codePoint;
}

std::string SourceCharStream::getText(const antlr4::misc::Interval &interval) {
  if (interval.a < 0 || interval.b < interval.a ||
      (size_t)interval.a >= points.size())
    return "";
  size_t last = std::min<size_t>(interval.b, points.size() - 1);
  uint32_t begin = points.byteOffset(interval.a);
  uint32_t end = points.byteOffset(last + 1);
  return text.substr(begin, end - begin).str();
}

/// How tokens are named in "expected ..." messages.
std::string describeTokenType(const antlr4::dfa::Vocabulary &vocab,
                              size_t type) {
  switch (type) {
  case antlr4::Token::EOF:
    return "end of file";
  case P::IDENT:
  case P::QUOTED_IDENT:
    return "identifier";
  case P::INTEGER:
    return "integer";
  case P::DECIMAL:
    return "number";
  case P::STRING:
    return "string literal";
  case P::RAW_SQL:
    return "raw SQL ($$...$$)";
  case P::DOC_COMMENT:
    return "doc comment";
  }
  std::string literal = vocab.getLiteralName(type);
  if (!literal.empty())
    return literal; // already quoted: '::'
  return "'" + llvm::StringRef(vocab.getSymbolicName(type)).lower() + "'";
}

bool isNonReservedKeyword(size_t type) {
  switch (type) {
  case P::SCHEMA:
  case P::ENUM:
  case P::SEQUENCE:
  case P::TABLE:
  case P::VIEW:
  case P::MATERIALIZED:
  case P::KEY:
  case P::ALWAYS:
  case P::DELETE:
  case P::UPDATE:
  case P::CASCADE:
  case P::RESTRICT:
  case P::SET:
  case P::NO:
  case P::ACTION:
  case P::INITIALLY:
  case P::DEFERRED:
  case P::IMMEDIATE:
  case P::NULLS:
  case P::FIRST:
  case P::LAST:
  case P::START:
  case P::INCREMENT:
  case P::MINVALUE:
  case P::MAXVALUE:
  case P::CACHE:
  case P::CYCLE:
  case P::OWNED:
  case P::BY:
  case P::WITH:
  case P::WITHOUT:
  case P::TIME:
  case P::TIMESTAMP:
  case P::ZONE:
  case P::DOUBLE:
  case P::PRECISION:
  case P::CHARACTER:
  case P::VARYING:
  case P::BIT:
    return true;
  }
  return false;
}

/// Tokens that can start an expression; collapsed to "expression" in messages.
bool startsExpression(size_t type) {
  switch (type) {
  case P::NULL_:
  case P::TRUE_:
  case P::FALSE_:
  case P::INTEGER:
  case P::DECIMAL:
  case P::STRING:
  case P::RAW_SQL:
  case P::LPAREN:
  case P::CAST:
  case P::CASE:
  case P::ARRAY:
  case P::MINUS:
  case P::PLUS:
  case P::TILDE:
  case P::NOT:
    return true;
  }
  return false;
}

/// Turns ANTLR syntax errors into diagnostics: "expected X, found Y".
class SyntaxErrorListener : public antlr4::BaseErrorListener {
public:
  SyntaxErrorListener(FileID file, DiagnosticEngine &diags,
                      const CodePointIndex &offsets)
      : file(file), diags(diags), offsets(offsets) {}

  void syntaxError(antlr4::Recognizer *recognizer, antlr4::Token *offending,
                   size_t, size_t, const std::string &,
                   std::exception_ptr) override {
    auto *parser = dynamic_cast<antlr4::Parser *>(recognizer);
    if (!parser || !offending)
      return;
    const auto &vocab = parser->getVocabulary();
    std::vector<ssize_t> expected;
    try {
      expected = parser->getExpectedTokens().toList();
    } catch (...) {
      // The expected set is a nicety; the error itself is still reported.
    }
    bool sawIdent = false, sawExpr = false;
    std::vector<std::string> names;
    for (ssize_t t : expected) {
      size_t type = static_cast<size_t>(t);
      if (type == P::IDENT || type == P::QUOTED_IDENT ||
          isNonReservedKeyword(type)) {
        sawIdent = true;
        continue;
      }
      if (startsExpression(type)) {
        sawExpr = true;
        continue;
      }
      names.push_back(describeTokenType(vocab, type));
    }
    if (sawExpr)
      names.insert(names.begin(), "expression");
    else if (sawIdent)
      names.insert(names.begin(), "identifier");
    names.erase(std::unique(names.begin(), names.end()), names.end());

    std::string found = offending->getType() == antlr4::Token::EOF
                            ? "end of file"
                            : "'" + offending->getText() + "'";
    std::string message;
    if (names.empty())
      message = fmt::format("unexpected {}", found);
    else if (names.size() == 1)
      message = fmt::format("expected {}, found {}", names[0], found);
    else if (names.size() <= 8)
      message = fmt::format("expected one of {}, found {}",
                            llvm::join(names, ", "), found);
    else
      message = fmt::format("unexpected {}", found);

    SourceRange range;
    if (offending->getType() == antlr4::Token::EOF) {
      uint32_t end = diags.getSourceManager().getBuffer(file).size();
      range = SourceRange::point(file, end);
    } else {
      range = {file, offsets.byteOffset(offending->getStartIndex()),
               offsets.byteOffset(offending->getStopIndex() + 1)};
    }
    diags.report(DiagID::SyntaxError, range, std::move(message));
  }

private:
  FileID file;
  DiagnosticEngine &diags;
  const CodePointIndex &offsets;
};

/// Builds AST nodes and IR expressions from parse-tree contexts.
class TreeConverter {
public:
  TreeConverter(FileID file, DiagnosticEngine &diags, ir::ExprArena &arena,
                const CodePointIndex &offsets)
      : file(file), diags(diags), arena(arena), offsets(offsets) {}

  void convertFile(P::FileContext *ctx, ast::File &out);
  void convertDeclaration(P::DeclarationContext *ctx, ast::File &out);
  const ir::Expr *expr(P::ExprContext *ctx);
  const ir::Expr *arith(P::ArithContext *ctx);

private:
  SourceRange range(antlr4::Token *tok) const {
    if (!tok || tok->getType() == antlr4::Token::EOF)
      return {};
    return {file, offsets.byteOffset(tok->getStartIndex()),
            offsets.byteOffset(tok->getStopIndex() + 1)};
  }
  SourceRange range(antlr4::tree::TerminalNode *node) const {
    return node ? range(node->getSymbol()) : SourceRange();
  }
  SourceRange range(antlr4::ParserRuleContext *ctx) const {
    if (!ctx || !ctx->getStart())
      return {};
    SourceRange begin = range(ctx->getStart());
    antlr4::Token *stop = ctx->getStop();
    if (!stop || stop->getStopIndex() + 1 < ctx->getStart()->getStartIndex())
      return begin;
    return {file, begin.begin, offsets.byteOffset(stop->getStopIndex() + 1)};
  }

  llvm::StringRef save(llvm::StringRef s) { return arena.save(s); }
  ast::Ident ident(P::IdentifierContext *ctx);
  ast::QualifiedIdent qualified(P::QualifiedNameContext *ctx);
  std::vector<ast::Ident> identList(P::IdentifierListContext *ctx);
  llvm::StringRef doc(P::DocCommentContext *ctx);
  std::vector<ast::Attribute>
  attributes(const std::vector<P::AttributeContext *> &list);
  std::optional<int64_t> signedInteger(P::SignedIntegerContext *ctx);
  ast::TypeRef typeRef(P::TypeRefContext *ctx);
  ir::Type castType(P::TypeRefContext *ctx);
  ast::ForeignKeyRef references(P::ReferencesContext *ctx);

  void enumDecl(P::EnumDeclContext *ctx, llvm::StringRef docText,
                ast::File &out);
  void sequenceDecl(P::SequenceDeclContext *ctx, llvm::StringRef docText,
                    ast::File &out);
  void tableDecl(P::TableDeclContext *ctx, llvm::StringRef docText,
                 ast::File &out);
  void viewDecl(P::ViewDeclContext *ctx, llvm::StringRef docText,
                ast::File &out);
  ast::ColumnDef columnDef(P::ColumnDefContext *ctx);
  ast::ConstraintDef tableConstraint(P::TableConstraintContext *ctx);
  ast::IndexDef indexDef(P::IndexDefContext *ctx);

  const ir::Expr *primary(P::PrimaryContext *ctx);
  llvm::ArrayRef<const ir::Expr *>
  exprList(const std::vector<P::ExprContext *> &list, size_t from = 0);
  const ir::Expr *binary(ir::BinaryOp op, P::ExprContext *lhs,
                         P::ExprContext *rhs, SourceRange r) {
    return arena.create<ir::BinaryExpr>(op, expr(lhs), expr(rhs), r);
  }

  FileID file;
  DiagnosticEngine &diags;
  ir::ExprArena &arena;
  const CodePointIndex &offsets;
};

/// Removes the quotes of a delimited token and undoubles the quote char.
std::string unquote(llvm::StringRef text, char quote) {
  std::string out;
  llvm::StringRef body = text.drop_front().drop_back();
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    out.push_back(body[i]);
    if (body[i] == quote && i + 1 < body.size() && body[i + 1] == quote)
      ++i;
  }
  return out;
}

/// Drops `$$` delimiters and surrounding white space of raw SQL.
llvm::StringRef rawBody(llvm::StringRef text) {
  return text.drop_front(2).drop_back(2).trim();
}

ast::Ident TreeConverter::ident(P::IdentifierContext *ctx) {
  if (!ctx)
    return {};
  ast::Ident id;
  id.range = range(ctx);
  // Single-token rule: the token's text avoids RuleContext::getText, which
  // concatenates children through a stringstream (13% of parse time).
  std::string text = ctx->getStart()->getText();
  if (ctx->QUOTED_IDENT()) {
    std::string name = unquote(text, '"');
    if (name.empty())
      diags.report(DiagID::SyntaxError, id.range,
                   "an identifier cannot be empty");
    id.name = save(name);
  } else {
    id.name = save(text);
  }
  return id;
}

ast::QualifiedIdent TreeConverter::qualified(P::QualifiedNameContext *ctx) {
  ast::QualifiedIdent q;
  if (!ctx)
    return q;
  q.range = range(ctx);
  auto parts = ctx->identifier();
  if (parts.size() == 2) {
    q.ns = ident(parts[0]);
    q.name = ident(parts[1]);
  } else if (parts.size() == 1) {
    q.name = ident(parts[0]);
  }
  return q;
}

std::vector<ast::Ident>
TreeConverter::identList(P::IdentifierListContext *ctx) {
  std::vector<ast::Ident> out;
  if (ctx)
    for (auto *id : ctx->identifier())
      out.push_back(ident(id));
  return out;
}

llvm::StringRef TreeConverter::doc(P::DocCommentContext *ctx) {
  if (!ctx)
    return {};
  std::string text;
  for (auto *line : ctx->DOC_COMMENT()) {
    std::string lineText = line->getText();
    llvm::StringRef body = llvm::StringRef(lineText).drop_front(3);
    if (body.starts_with(" "))
      body = body.drop_front();
    if (!text.empty())
      text += '\n';
    text += body.rtrim().str();
  }
  return save(text);
}

std::vector<ast::Attribute>
TreeConverter::attributes(const std::vector<P::AttributeContext *> &list) {
  std::vector<ast::Attribute> out;
  for (auto *a : list) {
    ast::Attribute attr;
    auto ids = a->identifier();
    if (ids.empty())
      continue;
    attr.name = ident(ids[0]);
    for (size_t i = 1; i < ids.size(); ++i)
      attr.args.push_back(ident(ids[i]));
    attr.range = range(a);
    out.push_back(std::move(attr));
  }
  return out;
}

std::optional<int64_t>
TreeConverter::signedInteger(P::SignedIntegerContext *ctx) {
  if (!ctx || !ctx->INTEGER())
    return std::nullopt;
  int64_t value = 0;
  // Parse the magnitude as unsigned so INT64_MIN is accepted.
  uint64_t magnitude = 0;
  bool negative = ctx->MINUS() != nullptr;
  if (llvm::StringRef(ctx->INTEGER()->getText()).getAsInteger(10, magnitude) ||
      magnitude > (negative ? uint64_t(INT64_MAX) + 1 : uint64_t(INT64_MAX))) {
    diags.report(DiagID::InvalidNumber, range(ctx),
                 fmt::format("integer '{}' is out of range for a 64-bit value",
                             ctx->getText()));
    return std::nullopt;
  }
  value = negative ? int64_t(0 - magnitude) : int64_t(magnitude);
  return value;
}

ast::TypeRef TreeConverter::typeRef(P::TypeRefContext *ctx) {
  ast::TypeRef t;
  t.range = range(ctx);
  P::TypeNameContext *name = ctx->typeName();
  std::string spelling;
  if (name->DOUBLE())
    spelling = "double precision";
  else if (name->CHARACTER())
    spelling = "character varying";
  else if (name->BIT())
    spelling = "bit varying";
  else {
    t.name = qualified(name->qualifiedName());
    auto parts = name->qualifiedName()->identifier();
    if (parts.size() == 1 && !parts[0]->QUOTED_IDENT())
      spelling = llvm::StringRef(parts[0]->getStart()->getText()).lower();
  }
  if (name->qualifiedName() == nullptr) {
    t.name.name = {save(spelling), range(name)};
    t.name.range = range(name);
  }
  if (P::TimeZoneContext *tz = ctx->timeZone())
    spelling += tz->WITH() ? " with time zone" : " without time zone";
  t.builtinSpelling = save(spelling);

  auto mods = ctx->signedInteger();
  if (!mods.empty()) {
    t.modifiersRange = {file, range(ctx->LPAREN()).begin,
                        range(ctx->RPAREN()).end};
    for (auto *m : mods)
      if (auto v = signedInteger(m))
        t.modifiers.push_back(*v);
  }
  t.isUnsigned = ctx->UNSIGNED() != nullptr;
  t.arrayDims =
      static_cast<uint8_t>(std::min<size_t>(ctx->arraySuffix().size(), 255));
  return t;
}

/// Cast targets are resolved here against the built-in table; any other name
/// is taken as an enum, which sema checks like a column type.
ir::Type TreeConverter::castType(P::TypeRefContext *ctx) {
  ast::TypeRef ref = typeRef(ctx);
  ir::Type type;
  const ir::BuiltinTypeInfo *info =
      ref.builtinSpelling.empty() ? nullptr
                                  : ir::lookupBuiltinType(ref.builtinSpelling);
  if (info) {
    type.kind = info->kind;
    if (info->kind == ir::TypeKind::Native)
      type.name = save(info->nativeName);
  } else {
    type.kind = ir::TypeKind::Enum;
    type.ns = ref.name.ns.name;
    type.name = ref.name.name.name;
  }
  for (size_t i = 0; i < ref.modifiers.size() && i < 2; ++i)
    type.addModifier(ref.modifiers[i]);
  if (ref.modifiers.size() > 2)
    diags.report(DiagID::InvalidTypeModifier, ref.modifiersRange,
                 "a type takes at most two modifiers");
  type.isUnsigned = ref.isUnsigned;
  type.arrayDims = ref.arrayDims;
  return type;
}

ir::RefAction refAction(P::ActionKindContext *ctx) {
  if (ctx->CASCADE())
    return ir::RefAction::Cascade;
  if (ctx->RESTRICT())
    return ir::RefAction::Restrict;
  if (ctx->NULL_())
    return ir::RefAction::SetNull;
  if (ctx->DEFAULT())
    return ir::RefAction::SetDefault;
  return ir::RefAction::NoAction;
}

ast::ForeignKeyRef TreeConverter::references(P::ReferencesContext *ctx) {
  ast::ForeignKeyRef ref;
  ref.range = range(ctx);
  ref.table = qualified(ctx->qualifiedName());
  ref.columns = identList(ctx->identifierList());
  for (auto *action : ctx->referentialAction()) {
    if (action->DELETE())
      ref.onDelete = refAction(action->actionKind());
    else
      ref.onUpdate = refAction(action->actionKind());
  }
  if (auto *d = ctx->deferrability()) {
    ref.deferrable = d->NOT() == nullptr;
    ref.initiallyDeferred = d->DEFERRED() != nullptr;
  }
  return ref;
}

void TreeConverter::convertFile(P::FileContext *ctx, ast::File &out) {
  for (auto *decl : ctx->declaration())
    convertDeclaration(decl, out);
}

void TreeConverter::convertDeclaration(P::DeclarationContext *decl,
                                       ast::File &out) {
  llvm::StringRef docText = doc(decl->docComment());
  if (auto *s = decl->schemaDecl()) {
    out.namespaces.push_back({ident(s->identifier()), docText, range(s)});
  } else if (auto *e = decl->enumDecl()) {
    enumDecl(e, docText, out);
  } else if (auto *s = decl->sequenceDecl()) {
    sequenceDecl(s, docText, out);
  } else if (auto *t = decl->tableDecl()) {
    tableDecl(t, docText, out);
  } else if (auto *v = decl->viewDecl()) {
    viewDecl(v, docText, out);
  }
}

void TreeConverter::enumDecl(P::EnumDeclContext *ctx, llvm::StringRef docText,
                             ast::File &out) {
  ast::EnumDef def;
  def.name = qualified(ctx->qualifiedName());
  def.attributes = attributes(ctx->attribute());
  def.doc = docText;
  def.range = range(ctx);
  for (auto *v : ctx->enumValue()) {
    ast::EnumValueDef value;
    if (v->STRING())
      value.name = {save(unquote(v->STRING()->getText(), '\'')),
                    range(v->STRING())};
    else
      value.name = ident(v->identifier());
    value.attributes = attributes(v->attribute());
    value.range = range(v);
    def.values.push_back(std::move(value));
  }
  out.enums.push_back(std::move(def));
}

void TreeConverter::sequenceDecl(P::SequenceDeclContext *ctx,
                                 llvm::StringRef docText, ast::File &out) {
  using Kind = ast::SequenceOption::Kind;
  ast::SequenceDef def;
  def.name = qualified(ctx->qualifiedName());
  def.attributes = attributes(ctx->attribute());
  def.doc = docText;
  def.range = range(ctx);
  for (auto *o : ctx->sequenceOption()) {
    ast::SequenceOption opt;
    opt.range = range(o);
    auto number = [&](Kind kind, P::SignedIntegerContext *n) {
      opt.kind = kind;
      if (auto v = signedInteger(n))
        opt.value = *v;
      else
        return false;
      return true;
    };
    bool ok = true;
    if (auto *a = dynamic_cast<P::SeqAsContext *>(o)) {
      opt.kind = Kind::As;
      opt.type = typeRef(a->typeRef());
    } else if (auto *s = dynamic_cast<P::SeqStartContext *>(o)) {
      ok = number(Kind::Start, s->signedInteger());
    } else if (auto *i = dynamic_cast<P::SeqIncrementContext *>(o)) {
      ok = number(Kind::Increment, i->signedInteger());
    } else if (auto *mn = dynamic_cast<P::SeqMinValueContext *>(o)) {
      ok = number(Kind::MinValue, mn->signedInteger());
    } else if (auto *mx = dynamic_cast<P::SeqMaxValueContext *>(o)) {
      ok = number(Kind::MaxValue, mx->signedInteger());
    } else if (auto *c = dynamic_cast<P::SeqCacheContext *>(o)) {
      ok = number(Kind::Cache, c->signedInteger());
    } else if (dynamic_cast<P::SeqCycleContext *>(o)) {
      opt.kind = Kind::Cycle;
    } else if (auto *ob = dynamic_cast<P::SeqOwnedByContext *>(o)) {
      opt.kind = Kind::OwnedBy;
      opt.ownerTable = qualified(ob->qualifiedName());
      opt.ownerColumn = ident(ob->identifier());
    } else {
      continue;
    }
    if (ok)
      def.options.push_back(std::move(opt));
  }
  out.sequences.push_back(std::move(def));
}

void TreeConverter::tableDecl(P::TableDeclContext *ctx, llvm::StringRef docText,
                              ast::File &out) {
  ast::TableDef def;
  def.name = qualified(ctx->qualifiedName());
  def.attributes = attributes(ctx->attribute());
  def.doc = docText;
  def.range = range(ctx);
  // Exact capacities: a schema's AST is mostly its columns, and vector
  // doubling would leave a third of it unused.
  std::vector<P::TableItemContext *> items = ctx->tableItem();
  def.columns.reserve(llvm::count_if(
      items, [](P::TableItemContext *item) { return item->columnDef(); }));
  for (auto *item : items) {
    llvm::StringRef itemDoc = doc(item->docComment());
    if (auto *c = item->columnDef()) {
      def.columns.push_back(columnDef(c));
      def.columns.back().doc = itemDoc;
    } else if (auto *tc = item->tableConstraint()) {
      def.constraints.push_back(tableConstraint(tc));
    } else if (auto *ix = item->indexDef()) {
      def.indexes.push_back(indexDef(ix));
      def.indexes.back().doc = itemDoc;
    }
  }
  out.tables.push_back(std::move(def));
}

void TreeConverter::viewDecl(P::ViewDeclContext *ctx, llvm::StringRef docText,
                             ast::File &out) {
  ast::ViewDef def;
  def.name = qualified(ctx->qualifiedName());
  def.materialized = ctx->MATERIALIZED() != nullptr;
  def.attributes = attributes(ctx->attribute());
  def.doc = docText;
  def.range = range(ctx);
  if (ctx->RAW_SQL()) {
    def.query = save(rawBody(ctx->RAW_SQL()->getText()));
    def.queryRange = range(ctx->RAW_SQL());
  }
  out.views.push_back(std::move(def));
}

ast::ColumnDef TreeConverter::columnDef(P::ColumnDefContext *ctx) {
  using Kind = ast::ColumnOption::Kind;
  ast::ColumnDef col;
  col.name = ident(ctx->identifier());
  col.type = typeRef(ctx->typeRef());
  if (ctx->QUESTION()) {
    col.nullable = true;
    col.nullableRange = range(ctx->QUESTION());
  }
  col.attributes = attributes(ctx->attribute());
  col.range = range(ctx);
  std::vector<P::ColumnOptionContext *> options = ctx->columnOption();
  col.options.reserve(options.size());
  for (auto *o : options) {
    ast::ColumnOption opt;
    opt.range = range(o);
    if (auto *pk = dynamic_cast<P::ColPrimaryKeyContext *>(o)) {
      opt.kind = Kind::PrimaryKey;
      opt.constraintName = ident(pk->identifier());
    } else if (auto *u = dynamic_cast<P::ColUniqueContext *>(o)) {
      opt.kind = Kind::Unique;
      opt.constraintName = ident(u->identifier());
    } else if (auto *c = dynamic_cast<P::ColCheckContext *>(o)) {
      opt.kind = Kind::Check;
      opt.constraintName = ident(c->identifier());
      opt.expr = expr(c->expr());
    } else if (auto *r = dynamic_cast<P::ColReferencesContext *>(o)) {
      opt.kind = Kind::References;
      opt.constraintName = ident(r->identifier());
      opt.references =
          std::make_unique<ast::ForeignKeyRef>(references(r->references()));
    } else if (auto *d = dynamic_cast<P::ColDefaultContext *>(o)) {
      opt.kind = Kind::Default;
      opt.expr = expr(d->expr());
    } else if (auto *id = dynamic_cast<P::ColIdentityContext *>(o)) {
      opt.kind = Kind::Identity;
      opt.identity =
          id->ALWAYS() ? ir::Identity::Always : ir::Identity::ByDefault;
    } else if (auto *g = dynamic_cast<P::ColGeneratedContext *>(o)) {
      opt.kind = Kind::Generated;
      opt.expr = expr(g->expr());
      opt.stored = g->VIRTUAL() == nullptr;
    } else if (auto *cl = dynamic_cast<P::ColCollateContext *>(o)) {
      opt.kind = Kind::Collate;
      opt.collation = ident(cl->identifier());
    } else {
      continue;
    }
    col.options.push_back(std::move(opt));
  }
  return col;
}

ast::ConstraintDef
TreeConverter::tableConstraint(P::TableConstraintContext *ctx) {
  using Kind = ast::ConstraintDef::Kind;
  ast::ConstraintDef def;
  def.range = range(ctx);
  if (auto *pk = dynamic_cast<P::TablePrimaryKeyContext *>(ctx)) {
    def.kind = Kind::PrimaryKey;
    def.name = ident(pk->identifier());
    def.columns = identList(pk->identifierList());
    def.attributes = attributes(pk->attribute());
  } else if (auto *u = dynamic_cast<P::TableUniqueContext *>(ctx)) {
    def.kind = Kind::Unique;
    def.name = ident(u->identifier());
    def.nullsNotDistinct = u->DISTINCT() != nullptr;
    def.columns = identList(u->identifierList());
    def.attributes = attributes(u->attribute());
  } else if (auto *fk = dynamic_cast<P::TableForeignKeyContext *>(ctx)) {
    def.kind = Kind::ForeignKey;
    def.name = ident(fk->identifier());
    def.columns = identList(fk->identifierList());
    def.references = references(fk->references());
    def.attributes = attributes(fk->attribute());
  } else if (auto *c = dynamic_cast<P::TableCheckContext *>(ctx)) {
    def.kind = Kind::Check;
    def.name = ident(c->identifier());
    def.check = expr(c->expr());
    def.attributes = attributes(c->attribute());
  }
  return def;
}

ast::IndexDef TreeConverter::indexDef(P::IndexDefContext *ctx) {
  ast::IndexDef def;
  def.range = range(ctx);
  def.name = ident(ctx->identifier());
  def.attributes = attributes(ctx->attribute());
  for (auto *e : ctx->indexElement()) {
    ast::IndexElementDef el;
    el.range = range(e);
    el.expr = expr(e->expr());
    auto ids = e->identifier();
    size_t next = 0;
    if (e->COLLATE() && next < ids.size())
      el.collation = ident(ids[next++]);
    if (next < ids.size())
      el.opclass = ident(ids[next]);
    if (e->ASC())
      el.order = ir::SortOrder::Asc;
    else if (e->DESC())
      el.order = ir::SortOrder::Desc;
    if (e->FIRST())
      el.nulls = ir::NullsOrder::First;
    else if (e->LAST())
      el.nulls = ir::NullsOrder::Last;
    def.elements.push_back(el);
  }
  for (auto *o : ctx->indexOption()) {
    if (dynamic_cast<P::IndexUniqueContext *>(o))
      def.unique = true;
    else if (auto *u = dynamic_cast<P::IndexUsingContext *>(o))
      def.method = ident(u->identifier());
    else if (auto *inc = dynamic_cast<P::IndexIncludeContext *>(o))
      def.include = identList(inc->identifierList());
    else if (auto *w = dynamic_cast<P::IndexWhereContext *>(o))
      def.where = expr(w->expr());
  }
  return def;
}

llvm::ArrayRef<const ir::Expr *>
TreeConverter::exprList(const std::vector<P::ExprContext *> &list,
                        size_t from) {
  llvm::SmallVector<const ir::Expr *, 8> items;
  for (size_t i = from; i < list.size(); ++i)
    items.push_back(expr(list[i]));
  return arena.copyArray(llvm::ArrayRef<const ir::Expr *>(items));
}

ir::BinaryOp binaryOpFor(size_t tokenType) {
  using B = ir::BinaryOp;
  switch (tokenType) {
  case P::STAR:
    return B::Mul;
  case P::SLASH:
    return B::Div;
  case P::PERCENT:
    return B::Mod;
  case P::PLUS:
    return B::Add;
  case P::MINUS:
    return B::Sub;
  case P::CONCAT:
    return B::Concat;
  case P::ARROW:
    return B::JsonGet;
  case P::ARROW_TEXT:
    return B::JsonGetText;
  case P::HASH_ARROW:
    return B::JsonPath;
  case P::HASH_ARROW_TEXT:
    return B::JsonPathText;
  case P::CONTAINS:
    return B::Contains;
  case P::CONTAINED_BY:
    return B::ContainedBy;
  case P::OVERLAPS:
    return B::Overlaps;
  case P::TILDE:
    return B::RegexMatch;
  case P::REGEX_IMATCH:
    return B::RegexIMatch;
  case P::NOT_REGEX_MATCH:
    return B::NotRegexMatch;
  case P::NOT_REGEX_IMATCH:
    return B::NotRegexIMatch;
  case P::LIKE_OP: // ~~ and friends: PostgreSQL's spelling of [NOT] [I]LIKE
    return B::Like;
  case P::NOT_LIKE_OP:
    return B::NotLike;
  case P::ILIKE_OP:
    return B::ILike;
  case P::NOT_ILIKE_OP:
    return B::NotILike;
  case P::AMPERSAND:
    return B::BitAnd;
  case P::PIPE:
    return B::BitOr;
  case P::SHIFT_LEFT:
    return B::ShiftLeft;
  case P::SHIFT_RIGHT:
    return B::ShiftRight;
  case P::LT:
    return B::Lt;
  case P::GT:
    return B::Gt;
  case P::EQ:
    return B::Eq;
  case P::LE:
    return B::Le;
  case P::GE:
    return B::Ge;
  case P::NE:
    return B::Ne;
  }
  return B::Eq;
}

const ir::Expr *TreeConverter::expr(P::ExprContext *ctx) {
  if (!ctx) // only after a reported syntax error
    return arena.create<ir::NullLiteral>(SourceRange());
  SourceRange r = range(ctx);
  if (auto *a = dynamic_cast<P::ArithExprContext *>(ctx))
    return arith(a->arith());
  if (auto *n = dynamic_cast<P::NotExprContext *>(ctx))
    return arena.create<ir::UnaryExpr>(ir::UnaryOp::Not, expr(n->expr()), r);
  if (auto *e = dynamic_cast<P::CompareExprContext *>(ctx))
    return binary(binaryOpFor(e->op->getType()), e->expr(0), e->expr(1), r);
  if (auto *e = dynamic_cast<P::LikeExprContext *>(ctx)) {
    bool ilike = e->op->getType() == P::ILIKE;
    ir::BinaryOp op =
        e->NOT() ? (ilike ? ir::BinaryOp::NotILike : ir::BinaryOp::NotLike)
                 : (ilike ? ir::BinaryOp::ILike : ir::BinaryOp::Like);
    return binary(op, e->expr(0), e->expr(1), r);
  }
  if (auto *e = dynamic_cast<P::BetweenExprContext *>(ctx))
    return arena.create<ir::BetweenExpr>(expr(e->expr(0)), arith(e->arith()),
                                         expr(e->expr(1)), e->NOT() != nullptr,
                                         r);
  if (auto *e = dynamic_cast<P::InExprContext *>(ctx)) {
    auto all = e->expr();
    return arena.create<ir::InExpr>(expr(all[0]), exprList(all, 1),
                                    e->NOT() != nullptr, r);
  }
  if (auto *e = dynamic_cast<P::IsNullExprContext *>(ctx))
    return arena.create<ir::IsNullExpr>(expr(e->expr()), e->NOT() != nullptr,
                                        r);
  if (auto *e = dynamic_cast<P::IsDistinctExprContext *>(ctx))
    return binary(e->NOT() ? ir::BinaryOp::IsNotDistinctFrom
                           : ir::BinaryOp::IsDistinctFrom,
                  e->expr(0), e->expr(1), r);
  if (auto *e = dynamic_cast<P::AndExprContext *>(ctx))
    return binary(ir::BinaryOp::And, e->expr(0), e->expr(1), r);
  if (auto *e = dynamic_cast<P::OrExprContext *>(ctx))
    return binary(ir::BinaryOp::Or, e->expr(0), e->expr(1), r);
  return arena.create<ir::NullLiteral>(r);
}

const ir::Expr *TreeConverter::arith(P::ArithContext *ctx) {
  if (!ctx) // only after a reported syntax error
    return arena.create<ir::NullLiteral>(SourceRange());
  SourceRange r = range(ctx);
  auto binaryArith = [&](ir::BinaryOp op, P::ArithContext *lhs,
                         P::ArithContext *rhs) -> const ir::Expr * {
    return arena.create<ir::BinaryExpr>(op, arith(lhs), arith(rhs), r);
  };
  if (auto *p = dynamic_cast<P::PrimaryExprContext *>(ctx))
    return primary(p->primary());
  if (auto *c = dynamic_cast<P::CastExprContext *>(ctx))
    return arena.create<ir::CastExpr>(arith(c->arith()), castType(c->typeRef()),
                                      r);
  if (auto *u = dynamic_cast<P::UnaryExprContext *>(ctx)) {
    ir::UnaryOp op = u->op->getType() == P::MINUS  ? ir::UnaryOp::Neg
                     : u->op->getType() == P::PLUS ? ir::UnaryOp::Plus
                                                   : ir::UnaryOp::BitNot;
    return arena.create<ir::UnaryExpr>(op, arith(u->arith()), r);
  }
  if (auto *e = dynamic_cast<P::PowExprContext *>(ctx))
    return binaryArith(ir::BinaryOp::Pow, e->arith(0), e->arith(1));
  if (auto *e = dynamic_cast<P::MulExprContext *>(ctx))
    return binaryArith(binaryOpFor(e->op->getType()), e->arith(0), e->arith(1));
  if (auto *e = dynamic_cast<P::AddExprContext *>(ctx))
    return binaryArith(binaryOpFor(e->op->getType()), e->arith(0), e->arith(1));
  if (auto *e = dynamic_cast<P::OtherOpExprContext *>(ctx))
    return binaryArith(binaryOpFor(e->op->getType()), e->arith(0), e->arith(1));
  return arena.create<ir::NullLiteral>(r);
}

/// SQL's keyword functions, written without parentheses.
bool isKeywordFunction(llvm::StringRef lower) {
  return llvm::StringSwitch<bool>(lower)
      .Cases("current_timestamp", "current_date", "current_time", "localtime",
             "localtimestamp", true)
      .Cases("current_user", "session_user", "current_role", "current_catalog",
             "current_schema", true)
      .Default(false);
}

/// Integer text without leading zeros; decimals keep their digits (scale
/// matters to numeric) with a lower-case exponent marker.
std::string normalizeNumber(llvm::StringRef text) {
  std::string s = text.lower();
  if (s.find_first_of(".e") == std::string::npos) {
    size_t nz = s.find_first_not_of('0');
    return nz == std::string::npos ? "0" : s.substr(nz);
  }
  return s;
}

const ir::Expr *TreeConverter::primary(P::PrimaryContext *ctx) {
  SourceRange r = range(ctx);
  if (dynamic_cast<P::NullLiteralContext *>(ctx))
    return arena.create<ir::NullLiteral>(r);
  if (auto *b = dynamic_cast<P::BoolLiteralContext *>(ctx))
    return arena.create<ir::BoolLiteral>(b->TRUE_() != nullptr, r);
  if (auto *n = dynamic_cast<P::NumberLiteralContext *>(ctx))
    return arena.create<ir::NumberLiteral>(
        save(normalizeNumber(n->getStart()->getText())), r);
  if (auto *s = dynamic_cast<P::StringLiteralContext *>(ctx))
    return arena.create<ir::StringLiteral>(
        save(unquote(s->getStart()->getText(), '\'')), r);
  if (auto *raw = dynamic_cast<P::RawSqlContext *>(ctx))
    return arena.create<ir::RawSQL>(save(rawBody(raw->getStart()->getText())),
                                    r);
  if (auto *p = dynamic_cast<P::ParenExprContext *>(ctx))
    return expr(p->expr());
  if (auto *c = dynamic_cast<P::CastCallContext *>(ctx))
    return arena.create<ir::CastExpr>(expr(c->expr()), castType(c->typeRef()),
                                      r);
  if (auto *c = dynamic_cast<P::CaseExprContext *>(ctx)) {
    llvm::SmallVector<ir::CaseWhen, 4> whens;
    for (auto *w : c->caseWhen())
      whens.push_back({expr(w->expr(0)), expr(w->expr(1))});
    const ir::Expr *operand = c->operand ? expr(c->operand) : nullptr;
    const ir::Expr *elseResult = c->elseExpr ? expr(c->elseExpr) : nullptr;
    return arena.create<ir::CaseExpr>(
        operand, arena.copyArray(llvm::ArrayRef<ir::CaseWhen>(whens)),
        elseResult, r);
  }
  if (auto *a = dynamic_cast<P::ArrayExprContext *>(ctx))
    return arena.create<ir::ArrayExpr>(exprList(a->expr()), r);
  if (auto *f = dynamic_cast<P::FuncCallContext *>(ctx)) {
    auto parts = f->qualifiedName()->identifier();
    auto nameOf = [&](P::IdentifierContext *id) {
      ast::Ident i = ident(id);
      return id->QUOTED_IDENT() ? i.name : save(i.name.lower());
    };
    llvm::StringRef schema =
        parts.size() == 2 ? nameOf(parts[0]) : llvm::StringRef();
    llvm::StringRef name = nameOf(parts.back());
    return arena.create<ir::FuncCall>(schema, name, exprList(f->expr()),
                                      f->STAR() != nullptr,
                                      f->DISTINCT() != nullptr,
                                      /*noParens=*/false, r);
  }
  if (auto *c = dynamic_cast<P::ColumnRefContext *>(ctx)) {
    auto parts = c->qualifiedName()->identifier();
    if (parts.size() == 1 && !parts[0]->QUOTED_IDENT()) {
      std::string lower =
          llvm::StringRef(parts[0]->getStart()->getText()).lower();
      if (isKeywordFunction(lower))
        return arena.create<ir::FuncCall>(llvm::StringRef(), save(lower),
                                          llvm::ArrayRef<const ir::Expr *>(),
                                          false, false, /*noParens=*/true, r);
    }
    ast::QualifiedIdent q = qualified(c->qualifiedName());
    return arena.create<ir::ColumnRef>(q.ns.name, q.name.name, r);
  }
  return arena.create<ir::NullLiteral>(r);
}

/// Deeper nesting than this is refused before parsing: ANTLR's recursive
/// descent would otherwise exhaust the stack on hostile input.
constexpr unsigned MaxNestingDepth = 256;

/// What a token says about the input before any parsing: fine, an error
/// after which lexing can go on (a stray character), or one after which the
/// rest is meaningless (an unterminated literal, hostile nesting).
struct LexicalProblem {
  DiagID id;
  std::string message;
  bool fatal;
};

/// Classifies tokens in order; the one place that knows the error tokens
/// and the nesting limit, shared by both parse paths.
class LexicalChecker {
public:
  std::optional<LexicalProblem> check(const antlr4::Token &tok) {
    switch (tok.getType()) {
    case P::UNTERMINATED_STRING:
      return LexicalProblem{DiagID::UnterminatedLiteral,
                            "unterminated string literal", true};
    case P::UNTERMINATED_QUOTED_IDENT:
      return LexicalProblem{DiagID::UnterminatedLiteral,
                            "unterminated quoted identifier", true};
    case P::UNTERMINATED_RAW_SQL:
      return LexicalProblem{DiagID::UnterminatedLiteral,
                            "unterminated raw SQL block (missing closing '$$')",
                            true};
    case P::UNTERMINATED_COMMENT:
      return LexicalProblem{DiagID::UnterminatedLiteral,
                            "unterminated block comment (missing '*/')", true};
    case P::UNEXPECTED_CHAR:
      return LexicalProblem{
          DiagID::SyntaxError,
          fmt::format("unexpected character '{}'", tok.getText()), false};
    case P::LPAREN:
    case P::LBRACKET:
    case P::LBRACE:
      if (++depth > MaxNestingDepth)
        return LexicalProblem{
            DiagID::SyntaxError,
            fmt::format("nesting deeper than {} levels", MaxNestingDepth),
            true};
      break;
    case P::RPAREN:
    case P::RBRACKET:
    case P::RBRACE:
      if (depth)
        --depth;
      break;
    }
    return std::nullopt;
  }

private:
  unsigned depth = 0;
};

/// Reports the lexical problems of the whole token list; true if the
/// tokens are fit to parse.
bool checkTokens(const std::vector<antlr4::Token *> &tokens, FileID file,
                 DiagnosticEngine &diags, const CodePointIndex &offsets) {
  bool ok = true;
  LexicalChecker checker;
  for (antlr4::Token *tok : tokens) {
    std::optional<LexicalProblem> problem = checker.check(*tok);
    if (!problem)
      continue;
    SourceRange r{file, offsets.byteOffset(tok->getStartIndex()),
                  offsets.byteOffset(tok->getStopIndex() + 1)};
    diags.report(problem->id, r, std::move(problem->message));
    ok = false;
    if (problem->fatal)
      return false;
  }
  return ok;
}

/// Thrown on the fast path at the first lexical problem; the slow path
/// lexes again and reports it.
struct LexicalStop {};

/// The lexer's tokens, checked as the parser pulls them: the fast path
/// lexes lazily, so it cannot pre-scan the whole buffer as checkTokens does.
class CheckedTokenSource : public antlr4::TokenSource {
public:
  explicit CheckedTokenSource(SchemaLexer &lexer) : lexer(lexer) {}

  std::unique_ptr<antlr4::Token> nextToken() override {
    std::unique_ptr<antlr4::Token> tok = lexer.nextToken();
    if (checker.check(*tok))
      throw LexicalStop();
    return tok;
  }
  size_t getLine() const override { return lexer.getLine(); }
  size_t getCharPositionInLine() override {
    return lexer.getCharPositionInLine();
  }
  antlr4::CharStream *getInputStream() override {
    return lexer.getInputStream();
  }
  std::string getSourceName() override { return lexer.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken> *getTokenFactory() override {
    return lexer.getTokenFactory();
  }

private:
  SchemaLexer &lexer;
  LexicalChecker checker;
};

/// A token stream that frees the tokens of declarations already converted.
/// SLL prediction never looks back past the declaration being parsed, and
/// exitRule reads LT(-1), so one token before the current one is kept.
class ReleasingTokenStream : public antlr4::CommonTokenStream {
public:
  using CommonTokenStream::CommonTokenStream;
  void releaseBeforeCurrent() {
    size_t keep = index() == 0 ? 0 : index() - 1;
    for (; released < keep && released < _tokens.size(); ++released)
      _tokens[released].reset();
  }

private:
  size_t released = 0;
};

/// The fast path: SLL over lazily lexed tokens, one declaration at a time,
/// each parse tree and its tokens freed once converted. Memory then holds one
/// declaration's tree and tokens instead of the whole file's. Returns false
/// if the input needs the slow path (any lexical or syntax problem, or
/// input SLL cannot decide); what `onDeclaration` was given is then
/// incomplete.
bool parseDeclarationsFast(
    llvm::StringRef text, const CodePointIndex &index, bool buildTree,
    llvm::function_ref<void(P::DeclarationContext *)> onDeclaration) {
  SourceCharStream input(text, index);
  SchemaLexer lexer(&input);
  lexer.removeErrorListeners();
  CheckedTokenSource source(lexer);
  ReleasingTokenStream tokens(&source);
  SchemaParser parser(&tokens);
  parser.removeErrorListeners();
  parser.setBuildParseTree(buildTree);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  auto *interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  try {
    while (tokens.LA(1) != antlr4::Token::EOF) {
      size_t start = tokens.index();
      P::DeclarationContext *decl = nullptr;
      try {
        interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
        decl = parser.declaration();
      } catch (antlr4::ParseCancellationException &) {
        // SLL cannot decide some valid input (`x between 1 and 5`: only
        // full context ends the lower bound before `and`). Retry this one
        // declaration with full LL; a second failure is a syntax error.
        tokens.seek(start);
        parser.getErrorHandler()->reset(&parser);
        interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
        decl = parser.declaration();
      }
      onDeclaration(decl);
      parser.getTreeTracker().reset();
      tokens.releaseBeforeCurrent();
    }
    return true;
  } catch (antlr4::ParseCancellationException &) {
  } catch (LexicalStop &) {
  }
  return false;
}

/// The ANTLR objects for one buffer, wired together.
struct AntlrSession {
  AntlrSession(llvm::StringRef text, const CodePointIndex &index)
      : input(text, index), lexer(&input), tokens(&lexer), parser(&tokens) {
    lexer.removeErrorListeners(); // errors are reported by checkTokens
    parser.removeErrorListeners();
  }

  /// Rewinds and switches to full LL with error recovery, reporting every
  /// syntax error to `listener`.
  void useLL(SyntaxErrorListener &listener) {
    tokens.seek(0);
    parser.reset();
    parser.addErrorListener(&listener);
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::LL);
  }

  SourceCharStream input;
  SchemaLexer lexer;
  antlr4::CommonTokenStream tokens;
  SchemaParser parser;
};

/// Lexes the buffer, then runs `parse(session, offsets)`. Returns false if a
/// lexical error (reported here) stopped it. The ANTLR runtime may throw on
/// internal failures; that becomes a diagnostic, never a crash.
template <typename Fn>
bool withTokens(FileID file, DiagnosticEngine &diags, Fn &&parse) {
  llvm::StringRef text = diags.getSourceManager().getBuffer(file);
  CodePointIndex offsets(text);
  try {
    AntlrSession session(text, offsets);
    session.tokens.fill();
    if (!checkTokens(session.tokens.getTokens(), file, diags, offsets))
      return false;
    parse(session, offsets);
    return true;
  } catch (const std::exception &e) {
    diags.report(DiagID::SyntaxError, SourceRange::point(file, 0),
                 fmt::format("the parser failed: {}", e.what()));
    return false;
  }
}

/// Full LL with recovery over the whole input: reports every syntax error
/// and returns the tree only if there was none (a recovered tree has
/// missing children everywhere, so it is never converted).
template <typename Ctx>
Ctx *parseWithRecovery(AntlrSession &session, FileID file,
                       DiagnosticEngine &diags, const CodePointIndex &offsets,
                       Ctx *(P::*startRule)()) {
  unsigned errorsBefore = diags.getNumErrors();
  SyntaxErrorListener listener(file, diags, offsets);
  session.useLL(listener);
  Ctx *tree = (session.parser.*startRule)();
  session.parser.removeErrorListeners();
  return diags.getNumErrors() == errorsBefore ? tree : nullptr;
}

} // namespace

std::unique_ptr<ast::File> schemac::parseSchemaFile(FileID file,
                                                    DiagnosticEngine &diags,
                                                    ir::ExprArena &arena) {
  auto out = std::make_unique<ast::File>();
  out->id = file;
  llvm::StringRef text = diags.getSourceManager().getBuffer(file);
  CodePointIndex offsets(text);
  try {
    TreeConverter converter(file, diags, arena, offsets);
    if (parseDeclarationsFast(text, offsets, /*buildTree=*/true,
                              [&](P::DeclarationContext *decl) {
                                converter.convertDeclaration(decl, *out);
                              }))
      return out;
  } catch (const std::exception &) {
    // The slow path below reports whatever went wrong.
  }
  // The slow path: lex everything, report lexical errors, then full LL with
  // recovery over the whole file, so every syntax error is reported.
  *out = ast::File();
  out->id = file;
  withTokens(
      file, diags, [&](AntlrSession &session, const CodePointIndex &offsets) {
        if (auto *tree =
                parseWithRecovery(session, file, diags, offsets, &P::file))
          TreeConverter(file, diags, arena, offsets).convertFile(tree, *out);
      });
  return out;
}

const ir::Expr *schemac::parseExpression(FileID file, DiagnosticEngine &diags,
                                         ir::ExprArena &arena) {
  const ir::Expr *result = nullptr;
  withTokens(
      file, diags, [&](AntlrSession &session, const CodePointIndex &offsets) {
        if (auto *tree =
                parseWithRecovery(session, file, diags, offsets, &P::exprOnly))
          result =
              TreeConverter(file, diags, arena, offsets).expr(tree->expr());
      });
  return result;
}

bool schemac::runParseStage(FileID file, const SourceManager &sm,
                            ParseStage stage) {
  llvm::StringRef text = sm.getBuffer(file);
  CodePointIndex offsets(text);
  try {
    if (stage == ParseStage::Lex) {
      SourceCharStream input(text, offsets);
      SchemaLexer lexer(&input);
      lexer.removeErrorListeners();
      while (lexer.nextToken()->getType() != antlr4::Token::EOF) {
      }
      return true;
    }
    return parseDeclarationsFast(text, offsets, stage == ParseStage::ParseTree,
                                 [](P::DeclarationContext *) {});
  } catch (const std::exception &) {
    return false;
  }
}
