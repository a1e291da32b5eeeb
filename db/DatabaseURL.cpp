//===- DatabaseURL.cpp - database URLs: parsing and redaction
//--------------===//

#include "db/DatabaseURL.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using namespace schemac::db;
using llvm::StringRef;

namespace {

constexpr StringRef mask = "****";

/// Decodes %XX escapes; nothing if an escape is malformed.
std::optional<std::string> percentDecode(StringRef s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size())
      return std::nullopt;
    unsigned hi = llvm::hexDigitValue(s[i + 1]);
    unsigned lo = llvm::hexDigitValue(s[i + 2]);
    if (hi == -1U || lo == -1U)
      return std::nullopt;
    out += char(hi * 16 + lo);
    i += 2;
  }
  return out;
}

llvm::Error urlError(StringRef url, const llvm::Twine &why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "invalid database URL '" + redactURL(url) +
                                     "': " + why);
}

/// mysql://user:password@host:port/database?socket=PATH
llvm::Error parseMySQL(StringRef url, StringRef rest, DatabaseURL &out) {
  StringRef query;
  std::tie(rest, query) = rest.split('?');
  StringRef authority, database;
  std::tie(authority, database) = rest.split('/');
  StringRef userinfo, hostport = authority;
  if (size_t at = authority.rfind('@'); at != StringRef::npos) {
    userinfo = authority.take_front(at);
    hostport = authority.drop_front(at + 1);
  }
  auto decode = [&](StringRef part, std::string &into,
                    StringRef what) -> llvm::Error {
    std::optional<std::string> decoded = percentDecode(part);
    if (!decoded)
      return urlError(url, "malformed %-escape in the " + what);
    into = std::move(*decoded);
    return llvm::Error::success();
  };
  if (!userinfo.empty()) {
    auto [user, password] = userinfo.split(':');
    out.hasPassword = userinfo.contains(':');
    if (auto e = decode(user, out.user, "user name"))
      return e;
    if (auto e = decode(password, out.password, "password"))
      return e;
  }
  StringRef host = hostport, port;
  if (size_t colon = hostport.rfind(':');
      colon != StringRef::npos && !hostport.ends_with("]")) {
    host = hostport.take_front(colon);
    port = hostport.drop_front(colon + 1);
  }
  if (host.starts_with("[") && host.ends_with("]"))
    host = host.drop_front().drop_back();
  if (auto e = decode(host, out.host, "host"))
    return e;
  if (!port.empty() &&
      (port.getAsInteger(10, out.port) || out.port == 0 || out.port > 65535))
    return urlError(url, "the port must be a number from 1 to 65535");
  if (auto e = decode(database, out.database, "database name"))
    return e;
  if (out.database.empty())
    return urlError(url, "it names no database (mysql://user@host/DATABASE)");
  while (!query.empty()) {
    StringRef param;
    std::tie(param, query) = query.split('&');
    auto [key, value] = param.split('=');
    if (key == "socket") {
      if (auto e = decode(value, out.socket, "socket path"))
        return e;
    } else if (key == "password") {
      out.hasPassword = true;
      if (auto e = decode(value, out.password, "password"))
        return e;
    } else if (!key.empty()) {
      return urlError(url, "unknown parameter '" + key +
                               "' (mysql URLs take socket and password)");
    }
  }
  return llvm::Error::success();
}

} // namespace

bool db::isDatabaseURL(StringRef s) {
  for (StringRef prefix :
       {"postgres://", "postgresql://", "mysql://", "mariadb://", "sqlite:"})
    if (s.starts_with_insensitive(prefix))
      return true;
  return false;
}

llvm::Expected<DatabaseURL> db::parseDatabaseURL(StringRef url) {
  DatabaseURL out;
  out.text = url.str();
  out.redacted = redactURL(url);
  StringRef rest = url;
  if (rest.consume_front_insensitive("postgresql://") ||
      rest.consume_front_insensitive("postgres://")) {
    // libpq parses the rest (and reports what it cannot); it also reads
    // PGPASSWORD and ~/.pgpass.
    out.dialect = ir::Dialect::PostgreSQL;
    return out;
  }
  if (rest.consume_front_insensitive("mysql://") ||
      rest.consume_front_insensitive("mariadb://")) {
    out.dialect = ir::Dialect::MySQL;
    if (auto e = parseMySQL(url, rest, out))
      return e;
    return out;
  }
  if (rest.consume_front_insensitive("sqlite:")) {
    out.dialect = ir::Dialect::SQLite;
    // sqlite:///abs/path and sqlite://rel/path as well as sqlite:PATH.
    rest.consume_front("//");
    if (rest.empty())
      return urlError(url, "it names no file (sqlite:PATH or sqlite::memory:)");
    out.path = rest.str();
    return out;
  }
  return urlError(url, "unknown scheme (expected postgres://, postgresql://, "
                       "mysql://, mariadb:// or sqlite:)");
}

std::string db::redactURL(StringRef url) {
  std::string out = url.str();
  // user:password@ in the authority.
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3;
    size_t end = out.find_first_of("/?#", start);
    if (end == std::string::npos)
      end = out.size();
    size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at)
        out.replace(colon + 1, at - colon - 1, mask.str());
    }
  }
  // password=... in the query or a keyword/value string.
  for (size_t pos = 0; (pos = StringRef(out).find_insensitive(
                            "password=", pos)) != StringRef::npos;) {
    bool atBoundary = pos == 0 || StringRef("?&; \t").contains(out[pos - 1]);
    size_t value = pos + StringRef("password=").size();
    if (!atBoundary) {
      pos = value;
      continue;
    }
    size_t end = out.find_first_of("& \t;", value);
    if (end == std::string::npos)
      end = out.size();
    out.replace(value, end - value, mask.str());
    pos = value + mask.size();
  }
  return out;
}
