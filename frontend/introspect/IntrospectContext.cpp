//===- IntrospectContext.cpp - what every dialect's introspector shares ---===//

#include "frontend/introspect/IntrospectContext.h"
#include "frontend/Parser.h"

using namespace schemac;
using namespace schemac::introspect;
using llvm::StringRef;

static std::vector<llvm::GlobPattern>
compileGlobs(const std::vector<std::string> &globs) {
  std::vector<llvm::GlobPattern> out;
  for (const std::string &glob : globs) {
    // The driver validated them (a bad glob is a usage error there).
    if (auto pattern = llvm::GlobPattern::create(glob))
      out.push_back(std::move(*pattern));
    else
      llvm::consumeError(pattern.takeError());
  }
  return out;
}

IntrospectContext::IntrospectContext(db::Connection &conn, ir::Schema &schema,
                                     DiagnosticEngine &diags,
                                     const IntrospectOptions &options)
    : conn(conn), schema(schema), diags(diags), options(options),
      tableGlobs(compileGlobs(options.tables)),
      excludeGlobs(compileGlobs(options.excludes)) {}

std::optional<db::QueryResult> IntrospectContext::query(StringRef sql,
                                                        StringRef what) {
  llvm::Expected<db::QueryResult> result = conn.query(sql);
  if (result)
    return std::move(*result);
  diags.report(DiagID::QueryFailed, {},
               (conn.getURL().redacted + ": " + what +
                " failed: " + llvm::toString(result.takeError()))
                   .str());
  return std::nullopt;
}

const ir::Expr *IntrospectContext::parseExpr(StringRef sql,
                                             const llvm::Twine &where) {
  SourceManager &sm = diags.getSourceManager();
  FileID file =
      sm.addBuffer((conn.getURL().redacted + ": " + where).str(), sql.str());
  auto seen = parsed.find(sql);
  if (seen != parsed.end())
    return ir::cloneExpr(seen->second, schema.getArena(), nullptr, file);
  // Parse errors go to a scratch engine: they become one warning here.
  DiagnosticEngine scratch(sm);
  if (const ir::Expr *e = parseExpression(file, scratch, schema.getArena()))
    if (!scratch.hasErrors()) {
      parsed[sql] = e;
      return e;
    }
  diags.report(DiagID::IntrospectionUnsupported,
               SourceRange{file, 0, uint32_t(sql.size())},
               (where + ": the expression is kept as raw SQL: " +
                (scratch.getDiagnostics().empty()
                     ? std::string("it does not parse")
                     : scratch.getDiagnostics().front().message))
                   .str());
  return schema.getArena().create<ir::RawSQL>(schema.save(sql), SourceRange());
}

bool IntrospectContext::includesTable(const ir::QualifiedName &name) const {
  std::string qualified = name.ns.empty() ? name.name.str() : name.str();
  auto matches = [&](const std::vector<llvm::GlobPattern> &globs) {
    for (const llvm::GlobPattern &glob : globs)
      if (glob.match(name.name) || glob.match(qualified))
        return true;
    return false;
  };
  if (!tableGlobs.empty() && !matches(tableGlobs))
    return false;
  return !matches(excludeGlobs);
}

bool IntrospectContext::isDerivedName(ir::NamedKind kind, StringRef table,
                                      llvm::ArrayRef<std::string> columns,
                                      StringRef name) const {
  ir::NameParts parts = ir::deriveNameParts(getDialect(), kind, table, columns);
  return ir::chooseName(getDialect(), parts, [](StringRef) { return false; }) ==
         name;
}

void IntrospectContext::warnUnsupported(const llvm::Twine &object,
                                        const llvm::Twine &message) {
  diags.report(DiagID::IntrospectionUnsupported, {},
               (conn.getURL().redacted + ": " + object + ": " + message).str());
}
