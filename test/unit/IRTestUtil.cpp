//===- IRTestUtil.cpp - a Schema IR holding every feature -----------------===//

#include "IRTestUtil.h"

using namespace schemac;
using namespace schemac::ir;

namespace schemac::irtest {

void buildFullSchema(Schema &s) {
  ExprArena &a = s.getArena();
  SourceRange r;
  s.namespaces.push_back({s.save("blog"), s.save("Blog things."), r});

  auto role = std::make_unique<EnumType>();
  role->name = {"", s.save("role")};
  role->comment = s.save("Application roles.");
  role->values = {{s.save("admin"), {}, r},
                  {s.save("in review"), {s.save("review")}, r},
                  {s.save("reader"), {}, r}};
  role->was = {s.save("roles"), s.save("user_roles")};
  s.enums.push_back(std::move(role));

  auto seq = std::make_unique<Sequence>();
  seq->name = {s.save("blog"), s.save("order_numbers")};
  seq->start = 1000;
  seq->increment = 1;
  seq->minValue = INT64_MIN;
  seq->maxValue = INT64_MAX;
  seq->cache = 10;
  seq->cycle = true;
  seq->ownedBy = ColumnOwner{{"", s.save("users")}, s.save("id")};
  s.sequences.push_back(std::move(seq));

  auto users = std::make_unique<Table>();
  users->name = {"", s.save("users")};
  users->comment = s.save("People who \"log in\".\nSecond line: it's.");
  users->was = {s.save("accounts")};
  {
    Column id;
    id.name = s.save("id");
    id.type = Type::get(TypeKind::BigInt);
    id.identity = Identity::ByDefault;
    users->columns.push_back(id);

    Column email;
    email.name = s.save("email");
    email.type = Type::get(TypeKind::Varchar);
    email.type.addModifier(320);
    email.collation = s.save("C");
    email.comment = s.save("Login.");
    email.was = {s.save("mail")};
    users->columns.push_back(email);

    Column r2;
    r2.name = s.save("role");
    r2.type = Type::get(TypeKind::Enum);
    r2.type.name = s.save("role");
    r2.defaultValue = col(s, "reader");
    users->columns.push_back(r2);

    Column price;
    price.name = s.save("price");
    price.type = Type::get(TypeKind::Numeric);
    price.type.addModifier(10);
    price.type.addModifier(2);
    price.type.isUnsigned = true;
    price.nullable = true;
    price.defaultValue = a.create<UnaryExpr>(
        UnaryOp::Neg, a.create<NumberLiteral>(s.save("1.50"), r), r);
    users->columns.push_back(price);

    Column tags;
    tags.name = s.save("tags");
    tags.type = Type::get(TypeKind::Text);
    tags.type.arrayDims = 2;
    tags.defaultValue = a.create<CastExpr>(
        a.create<StringLiteral>(s.save("{}"), r), tags.type, r);
    users->columns.push_back(tags);

    Column full;
    full.name = s.save("full");
    full.type = Type::get(TypeKind::Text);
    const Expr *concat =
        a.create<BinaryExpr>(BinaryOp::Concat, col(s, "email"),
                             a.create<StringLiteral>(s.save(" "), r), r);
    full.generated = Generated{concat, false};
    users->columns.push_back(full);

    Column addr;
    addr.name = s.save("addr");
    addr.type = Type::get(TypeKind::Native);
    addr.type.name = s.save("inet");
    addr.nullable = true;
    addr.identity = Identity::None;
    users->columns.push_back(addr);

    Column serialNo;
    serialNo.name = s.save("serial_no");
    serialNo.type = Type::get(TypeKind::Integer);
    serialNo.identity = Identity::Serial;
    users->columns.push_back(serialNo);

    Column created;
    created.name = s.save("created_at");
    created.type = Type::get(TypeKind::TimestampTz);
    created.type.addModifier(3);
    created.defaultValue = a.create<FuncCall>("", s.save("current_timestamp"),
                                              llvm::ArrayRef<const Expr *>(),
                                              false, false, true, r);
    created.identity = Identity::None;
    users->columns.push_back(created);

    Column parent;
    parent.name = s.save("parent_id");
    parent.type = Type::get(TypeKind::BigInt);
    parent.nullable = true;
    users->columns.push_back(parent);
  }
  {
    auto pk = std::make_unique<PrimaryKey>();
    pk->name = s.save("users_pkey");
    pk->columns = {s.save("id")};
    users->constraints.push_back(std::move(pk));

    auto uq = std::make_unique<UniqueConstraint>();
    uq->name = s.save("users_email_uq");
    uq->nameExplicit = true;
    uq->nullsNotDistinct = true;
    uq->columns = {s.save("email"), s.save("role")};
    uq->was = {s.save("users_email_key")};
    users->constraints.push_back(std::move(uq));

    auto fk = std::make_unique<ForeignKey>();
    fk->name = s.save("users_parent_id_fkey");
    fk->columns = {s.save("parent_id")};
    fk->refTable = {"", s.save("users")};
    fk->refColumns = {s.save("id")};
    fk->onDelete = RefAction::SetNull;
    fk->onUpdate = RefAction::Cascade;
    fk->deferrable = true;
    fk->initiallyDeferred = true;
    users->constraints.push_back(std::move(fk));

    // length(email) > 2 AND (price IS NULL OR price BETWEEN 0 AND 10)
    // AND role NOT IN ('admin') AND CASE WHEN true THEN 1 ELSE 2 END = 1
    const Expr *len = a.create<FuncCall>(
        "", s.save("length"), a.copyArray<const Expr *>({col(s, "email")}),
        false, false, false, r);
    const Expr *gt = a.create<BinaryExpr>(
        BinaryOp::Gt, len, a.create<NumberLiteral>(s.save("2"), r), r);
    const Expr *isNull = a.create<IsNullExpr>(col(s, "price"), false, r);
    const Expr *between = a.create<BetweenExpr>(
        col(s, "price"), a.create<NumberLiteral>(s.save("0"), r),
        a.create<NumberLiteral>(s.save("10"), r), true, r);
    const Expr *orE = a.create<BinaryExpr>(BinaryOp::Or, isNull, between, r);
    const Expr *in = a.create<InExpr>(
        col(s, "role"),
        a.copyArray<const Expr *>({a.create<StringLiteral>(s.save("admin"), r),
                                   a.create<NullLiteral>(r)}),
        true, r);
    CaseWhen when{a.create<BoolLiteral>(true, r),
                  a.create<NumberLiteral>(s.save("1"), r)};
    const Expr *caseE =
        a.create<CaseExpr>(nullptr, a.copyArray<CaseWhen>({when}),
                           a.create<NumberLiteral>(s.save("2"), r), r);
    const Expr *caseEq = a.create<BinaryExpr>(
        BinaryOp::Eq, caseE, a.create<NumberLiteral>(s.save("1"), r), r);
    const Expr *all = a.create<BinaryExpr>(
        BinaryOp::And,
        a.create<BinaryExpr>(BinaryOp::And,
                             a.create<BinaryExpr>(BinaryOp::And, gt, orE, r),
                             in, r),
        caseEq, r);
    auto ck = std::make_unique<CheckConstraint>();
    ck->name = s.save("users_check");
    ck->expr = all;
    users->constraints.push_back(std::move(ck));
  }
  {
    Index byEmail;
    byEmail.name = s.save("users_email_lower");
    byEmail.nameExplicit = true;
    byEmail.unique = true;
    byEmail.method = s.save("btree");
    IndexElement el;
    el.expr = a.create<FuncCall>("", s.save("lower"),
                                 a.copyArray<const Expr *>({col(s, "email")}),
                                 false, false, false, r);
    el.collation = s.save("C");
    el.opclass = s.save("text_pattern_ops");
    el.order = SortOrder::Desc;
    el.nulls = NullsOrder::Last;
    byEmail.elements.push_back(el);
    byEmail.include = {s.save("role")};
    byEmail.where = a.create<UnaryExpr>(
        UnaryOp::Not, a.create<IsNullExpr>(col(s, "email"), true, r), r);
    byEmail.comment = s.save("Case-insensitive logins.");
    byEmail.was = {s.save("users_email_idx")};
    users->indexes.push_back(byEmail);

    Index byTags;
    byTags.name = s.save("users_tags_idx");
    byTags.method = s.save("gin");
    IndexElement t;
    t.expr = col(s, "tags");
    t.order = SortOrder::Asc;
    t.nulls = NullsOrder::First;
    byTags.elements.push_back(t);
    IndexElement raw;
    raw.expr = a.create<RawSQL>(s.save("(tags || ARRAY['x'])"), r);
    byTags.elements.push_back(raw);
    users->indexes.push_back(byTags);
  }
  s.tables.push_back(std::move(users));

  auto posts = std::make_unique<Table>();
  posts->name = {s.save("blog"), s.save("posts")};
  // data -> 'a' ->> 'b', used by a check below.
  const Expr *path = a.create<BinaryExpr>(
      BinaryOp::JsonGetText,
      a.create<BinaryExpr>(BinaryOp::JsonGet, col(s, "data"),
                           a.create<StringLiteral>(s.save("a"), r), r),
      a.create<StringLiteral>(s.save("b"), r), r);
  {
    Column data;
    Column id;
    id.name = s.save("id");
    id.type = Type::get(TypeKind::Integer);
    id.identity = Identity::Always;
    posts->columns.push_back(id);
    Column author;
    author.name = s.save("author_id");
    author.type = Type::get(TypeKind::BigInt);
    posts->columns.push_back(author);
    data.name = s.save("data");
    data.type = Type::get(TypeKind::Jsonb);
    data.defaultValue = a.create<FuncCall>(
        s.save("pg_catalog"), s.save("jsonb_build_object"),
        a.copyArray<const Expr *>(
            {a.create<ArrayExpr>(
                 a.copyArray<const Expr *>(
                     {a.create<NumberLiteral>(s.save("1"), r),
                      a.create<NumberLiteral>(s.save("2e10"), r)}),
                 r),
             a.create<BoolLiteral>(false, r)}),
        false, true, false, r);
    posts->columns.push_back(data);
    Column count;
    count.name = s.save("n");
    count.type = Type::get(TypeKind::Integer);
    count.defaultValue =
        a.create<FuncCall>("", s.save("count"), llvm::ArrayRef<const Expr *>(),
                           true, false, false, r);
    posts->columns.push_back(count);
  }
  auto pfk = std::make_unique<ForeignKey>();
  pfk->name = s.save("posts_author_id_fkey");
  pfk->columns = {s.save("author_id")};
  pfk->refTable = {"", s.save("users")};
  pfk->refColumns = {s.save("id")};
  pfk->onDelete = RefAction::Cascade;
  posts->constraints.push_back(std::move(pfk));
  auto ppk = std::make_unique<PrimaryKey>();
  ppk->name = s.save("posts_pk");
  ppk->nameExplicit = true;
  ppk->columns = {s.save("id"), s.save("author_id")};
  posts->constraints.push_back(std::move(ppk));
  auto pck = std::make_unique<CheckConstraint>();
  pck->name = s.save("posts_data_check");
  pck->expr = a.create<BinaryExpr>(
      BinaryOp::Eq, path,
      a.create<CastExpr>(a.create<StringLiteral>(s.save("x"), r),
                         Type::get(TypeKind::Text), r),
      r);
  posts->constraints.push_back(std::move(pck));
  s.tables.push_back(std::move(posts));

  auto v = std::make_unique<View>();
  v->name = {"", s.save("active_users")};
  v->query = s.save(" select * from users\n  where role <> 'reader' ");
  v->comment = s.save("Who is active.");
  s.views.push_back(std::move(v));
  auto mv = std::make_unique<View>();
  mv->name = {s.save("blog"), s.save("recent")};
  mv->query = s.save("select id from blog.posts");
  mv->materialized = true;
  mv->was = {s.save("latest")};
  s.views.push_back(std::move(mv));

  s.canonicalize();
}

} // namespace schemac::irtest
