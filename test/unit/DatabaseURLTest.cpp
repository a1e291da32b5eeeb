//===- DatabaseURLTest.cpp - database URL parsing and redaction -----------===//

#include "db/DatabaseURL.h"
#include "gtest/gtest.h"

using namespace schemac;
using namespace schemac::db;

namespace {

DatabaseURL parseOK(llvm::StringRef text) {
  llvm::Expected<DatabaseURL> url = parseDatabaseURL(text);
  EXPECT_TRUE(bool(url)) << (url ? "" : llvm::toString(url.takeError()));
  return url ? *url : DatabaseURL();
}

std::string parseError(llvm::StringRef text) {
  llvm::Expected<DatabaseURL> url = parseDatabaseURL(text);
  if (url)
    return "";
  return llvm::toString(url.takeError());
}

TEST(DatabaseURLTest, RedactsUserinfoAndQueryPasswords) {
  EXPECT_EQ(redactURL("postgres://app:s3cr%40t@db:5432/shop"),
            "postgres://app:****@db:5432/shop");
  EXPECT_EQ(redactURL("postgresql://app@db/shop?password=x&sslmode=require"),
            "postgresql://app@db/shop?password=****&sslmode=require");
  EXPECT_EQ(redactURL("host=db password=x dbname=shop"),
            "host=db password=**** dbname=shop");
  // A user without a password, and text that only looks like a parameter.
  EXPECT_EQ(redactURL("mysql://root@localhost/db"),
            "mysql://root@localhost/db");
  EXPECT_EQ(redactURL("sqlite:/tmp/oldpassword=1.db"),
            "sqlite:/tmp/oldpassword=1.db");
  // An @ in the path is not userinfo.
  EXPECT_EQ(redactURL("postgres://db/sh@p"), "postgres://db/sh@p");
}

TEST(DatabaseURLTest, PostgresIsLeftToLibpq) {
  DatabaseURL url = parseOK("postgres://app:pw@db/shop?sslmode=require");
  EXPECT_EQ(url.dialect, ir::Dialect::PostgreSQL);
  EXPECT_EQ(url.text, "postgres://app:pw@db/shop?sslmode=require");
  EXPECT_EQ(url.redacted, "postgres://app:****@db/shop?sslmode=require");
  EXPECT_EQ(parseOK("POSTGRESQL:///shop").dialect, ir::Dialect::PostgreSQL);
}

TEST(DatabaseURLTest, MySQLParts) {
  DatabaseURL url = parseOK("mysql://ad%40min:p%3Aw@db.local:3307/sh%20op");
  EXPECT_EQ(url.dialect, ir::Dialect::MySQL);
  EXPECT_EQ(url.user, "ad@min");
  EXPECT_TRUE(url.hasPassword);
  EXPECT_EQ(url.password, "p:w");
  EXPECT_EQ(url.host, "db.local");
  EXPECT_EQ(url.port, 3307u);
  EXPECT_EQ(url.database, "sh op");

  DatabaseURL socket =
      parseOK("mariadb://root@localhost/app?socket=/run/my.sock");
  EXPECT_EQ(socket.socket, "/run/my.sock");
  EXPECT_FALSE(socket.hasPassword);
  EXPECT_EQ(socket.port, 0u);

  DatabaseURL ipv6 = parseOK("mysql://u@[::1]:3306/app");
  EXPECT_EQ(ipv6.host, "::1");
  EXPECT_EQ(ipv6.port, 3306u);
}

TEST(DatabaseURLTest, MySQLErrorsAreRedacted) {
  EXPECT_EQ(parseError("mysql://u:pw@h:0/db"),
            "invalid database URL 'mysql://u:****@h:0/db': the port must be "
            "a number from 1 to 65535");
  EXPECT_EQ(parseError("mysql://u:pw@h/"),
            "invalid database URL 'mysql://u:****@h/': it names no database "
            "(mysql://user@host/DATABASE)");
  EXPECT_NE(parseError("mysql://u:p%zz@h/db").find("malformed %-escape"),
            std::string::npos);
}

TEST(DatabaseURLTest, SQLitePaths) {
  EXPECT_EQ(parseOK("sqlite:app.db").path, "app.db");
  EXPECT_EQ(parseOK("sqlite:///var/app.db").path, "/var/app.db");
  EXPECT_EQ(parseOK("sqlite::memory:").path, ":memory:");
  EXPECT_NE(parseError("sqlite:").find("names no file"), std::string::npos);
}

TEST(DatabaseURLTest, TellsURLsFromPaths) {
  EXPECT_TRUE(isDatabaseURL("postgres://x"));
  EXPECT_TRUE(isDatabaseURL("sqlite:x.db"));
  EXPECT_FALSE(isDatabaseURL("schema/app.schema"));
  EXPECT_FALSE(isDatabaseURL("snapshot.json"));
}

} // namespace
