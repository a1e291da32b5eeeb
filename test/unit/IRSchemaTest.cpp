//===- IRSchemaTest.cpp - canonical order, lookups, equality, the dump ----===//

#include "IRTestUtil.h"
#include "ir/Printer.h"
#include "gtest/gtest.h"

using namespace schemac;
using namespace schemac::ir;

namespace {

std::unique_ptr<Table> makeTable(Schema &s, llvm::StringRef ns,
                                 llvm::StringRef name) {
  auto t = std::make_unique<Table>();
  t->name = {s.save(ns), s.save(name)};
  return t;
}

TEST(QualifiedNameTest, KeyAndStr) {
  QualifiedName plain{"", "users"}, qualified{"blog", "users"},
      dotted{"", "blog.users"};
  EXPECT_EQ(plain.key(), "users");
  EXPECT_EQ(qualified.key(), "blog\x1fusers");
  EXPECT_NE(qualified.key(), dotted.key());
  EXPECT_EQ(qualified.str(), "blog.users");
  EXPECT_EQ(plain.str(), "users");
}

TEST(SchemaTest, CanonicalizeSortsEverything) {
  Schema s;
  s.tables.push_back(makeTable(s, "b", "a"));
  s.tables.push_back(makeTable(s, "", "z"));
  s.tables.push_back(makeTable(s, "a", "z"));
  s.tables.push_back(makeTable(s, "", "b"));
  s.namespaces.push_back({s.save("b"), "", {}});
  s.namespaces.push_back({s.save("a"), "", {}});
  Table &t = *s.tables.front();
  auto check = std::make_unique<CheckConstraint>();
  check->name = "a_check";
  auto fk = std::make_unique<ForeignKey>();
  fk->name = "b_fkey";
  auto uq2 = std::make_unique<UniqueConstraint>();
  uq2->name = "z_key";
  auto uq1 = std::make_unique<UniqueConstraint>();
  uq1->name = "y_key";
  auto pk = std::make_unique<PrimaryKey>();
  pk->name = "zz_pkey";
  t.constraints.push_back(std::move(check));
  t.constraints.push_back(std::move(fk));
  t.constraints.push_back(std::move(uq2));
  t.constraints.push_back(std::move(uq1));
  t.constraints.push_back(std::move(pk));
  t.indexes.resize(2);
  t.indexes[0].name = "idx_b";
  t.indexes[1].name = "idx_a";

  s.canonicalize();
  std::vector<std::string> order;
  for (const auto &tbl : s.tables)
    order.push_back(tbl->name.str());
  EXPECT_EQ(order, (std::vector<std::string>{"b", "z", "a.z", "b.a"}));
  EXPECT_EQ(s.namespaces[0].name, "a");
  const Table *ba = s.findTable({"b", "a"});
  ASSERT_TRUE(ba);
  std::vector<std::string> names;
  for (const auto &c : ba->constraints)
    names.push_back(c->name.str());
  EXPECT_EQ(names, (std::vector<std::string>{"zz_pkey", "y_key", "z_key",
                                             "b_fkey", "a_check"}));
  EXPECT_EQ(ba->indexes[0].name, "idx_a");
  EXPECT_EQ(ba->getPrimaryKey()->name, "zz_pkey");
  EXPECT_EQ(s.findTable({"", "a"}), nullptr);
  EXPECT_EQ(s.findTable({"", "b.a"}), nullptr);
  EXPECT_NE(s.findTable({"", "z"}), s.findTable({"a", "z"}));
}

TEST(SchemaTest, FindFunctionsAndColumns) {
  Schema s;
  schemac::irtest::buildFullSchema(s);
  EXPECT_TRUE(s.findEnum({"", "role"}));
  EXPECT_TRUE(s.findSequence({"blog", "order_numbers"}));
  EXPECT_FALSE(s.findSequence({"", "order_numbers"}));
  EXPECT_TRUE(s.findView({"blog", "recent"}));
  const Table *users = s.findTable({"", "users"});
  ASSERT_TRUE(users);
  EXPECT_TRUE(users->findColumn("email"));
  EXPECT_FALSE(users->findColumn("Email"));
  EXPECT_EQ(users->getPrimaryKey()->columns.front(), "id");
}

TEST(SchemaTest, LargeSchemaCanonicalizesAndFinds) {
  Schema s;
  const unsigned n = 100000;
  for (unsigned i = n; i-- > 0;)
    s.tables.push_back(makeTable(s, i % 2 ? "x" : "", "t" + std::to_string(i)));
  s.canonicalize();
  for (unsigned i = 0; i < n; i += 997)
    EXPECT_TRUE(
        s.findTable({i % 2 ? "x" : "", s.save("t" + std::to_string(i))}));
  EXPECT_EQ(s.tables.front()->name.name, "t0");
}

TEST(SchemaTest, EqualityCoversEveryField) {
  Schema a, b;
  schemac::irtest::buildFullSchema(a);
  schemac::irtest::buildFullSchema(b);
  EXPECT_TRUE(schemaEquals(a, b));

  b.tables[0]->constraints[0]->nameExplicit = true;
  EXPECT_FALSE(schemaEquals(a, b));
  b.tables[0]->constraints[0]->nameExplicit = false;
  b.tables[0]->columns[0].was.push_back("old");
  EXPECT_FALSE(schemaEquals(a, b));
  b.tables[0]->columns[0].was.clear();
  b.tables[0]->range = SourceRange{3, 1, 2};
  EXPECT_TRUE(schemaEquals(a, b)) << "ranges are not compared";
  b.views[0]->comment = "";
  EXPECT_FALSE(schemaEquals(a, b));
}

TEST(PrinterTest, DumpShowsEveryField) {
  Schema s;
  schemac::irtest::buildFullSchema(s);
  std::string out;
  llvm::raw_string_ostream os(out);
  printSchema(s, os);
  const char *expected = R"(namespace blog
  comment 'Blog things.'
enum role { admin, 'in review' was(review), reader }
  comment 'Application roles.'
  was roles, user_roles
sequence blog.order_numbers as bigint start 1000 increment 1 minvalue -9223372036854775808 maxvalue 9223372036854775807 cache 10 cycle owned by users.id
table users {
  comment 'People who "log in".
Second line: it''s.'
  was accounts
  column id bigint not null identity(by default)
  column email varchar(320) not null collate "C" comment 'Login.' was(mail)
  column role role not null default reader
  column price numeric(10, 2) unsigned null default -1.50
  column tags text[][] not null default '{}'::text[][]
  column full text not null generated (email || ' ') virtual
  column addr inet null
  column serial_no integer not null identity(serial)
  column created_at timestamptz(3) not null default current_timestamp
  column parent_id bigint null
  constraint users_pkey primary key (id) [derived]
  constraint users_email_uq unique nulls not distinct (email, role) was(users_email_key)
  constraint users_parent_id_fkey foreign key (parent_id) references users (id) on delete set null on update cascade deferrable initially deferred [derived]
  constraint users_check check (length(email) > 2 AND (price IS NULL OR price NOT BETWEEN 0 AND 10) AND role NOT IN ('admin', NULL) AND CASE WHEN TRUE THEN 1 ELSE 2 END = 1) [derived]
  unique index users_email_lower on (lower(email) collate "C" text_pattern_ops desc nulls last) using btree include (role) where (NOT email IS NOT NULL) comment 'Case-insensitive logins.' was(users_email_idx)
  index users_tags_idx on (tags asc nulls first, $$(tags || ARRAY['x'])$$) using gin [derived]
}
table blog.posts {
  column id integer not null identity(always)
  column author_id bigint not null
  column data jsonb not null default pg_catalog.jsonb_build_object(DISTINCT ARRAY[1, 2e10], FALSE)
  column n integer not null default count(*)
  constraint posts_pk primary key (id, author_id)
  constraint posts_author_id_fkey foreign key (author_id) references users (id) on delete cascade [derived]
  constraint posts_data_check check (data -> 'a' ->> 'b' = 'x'::text) [derived]
}
view active_users as $$ select * from users
  where role <> 'reader' $$
  comment 'Who is active.'
materialized view blog.recent as $$select id from blog.posts$$
  was latest
)";
  EXPECT_EQ(out, expected);
}

} // namespace
