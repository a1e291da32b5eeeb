//===- IntrospectContext.h - what every dialect's introspector shares -----===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_INTROSPECTCONTEXT_H
#define SCHEMAC_FRONTEND_INTROSPECT_INTROSPECTCONTEXT_H

#include "frontend/introspect/Introspect.h"
#include "ir/Naming.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/GlobPattern.h"

namespace schemac::introspect {

class IntrospectContext {
public:
  IntrospectContext(db::Connection &conn, ir::Schema &schema,
                    DiagnosticEngine &diags, const IntrospectOptions &options);

  db::Connection &getConnection() { return conn; }
  ir::Schema &getSchema() { return schema; }
  DiagnosticEngine &getDiags() { return diags; }
  const IntrospectOptions &getOptions() const { return options; }
  ir::Dialect getDialect() const { return conn.getDialect(); }
  llvm::StringRef save(llvm::StringRef s) { return schema.save(s); }

  /// Runs a catalog query; a failure is a `query-failed` error naming
  /// `what` ("reading columns") and nothing is returned.
  std::optional<db::QueryResult> query(llvm::StringRef sql,
                                       llvm::StringRef what);

  /// Parses SQL text from the catalogs with the schema language's
  /// expression grammar. The text becomes its own source buffer named
  /// `<redacted-url>: <where>`, so a parse failure points into it; it is then
  /// reported as `introspection-unsupported` and kept as raw SQL.
  const ir::Expr *parseExpr(llvm::StringRef sql, const llvm::Twine &where);

  /// Whether --table / --exclude keep the table (or view) `name`.
  bool includesTable(const ir::QualifiedName &name) const;

  /// Whether `name` is the one sema would derive for this constraint or
  /// index (so the pulled schema may omit it): the name without collision
  /// suffixes. `columns` as for ir::deriveNameParts.
  bool isDerivedName(ir::NamedKind kind, llvm::StringRef table,
                     llvm::ArrayRef<std::string> columns,
                     llvm::StringRef name) const;

  /// An `introspection-unsupported` warning about `object` ("table
  /// public.users, column tags").
  void warnUnsupported(const llvm::Twine &object, const llvm::Twine &message);

private:
  db::Connection &conn;
  ir::Schema &schema;
  DiagnosticEngine &diags;
  const IntrospectOptions &options;
  std::vector<llvm::GlobPattern> tableGlobs, excludeGlobs;
  /// Every text parseExpr parsed: catalogs repeat the same few defaults
  /// and checks over thousands of columns, and the parser is the costly part.
  llvm::StringMap<const ir::Expr *> parsed;
};

/// One per dialect, in <Dialect>Introspector.cpp: fills ctx.getSchema().
/// Returns false if an error was reported.
bool introspectPostgres(IntrospectContext &ctx);
bool introspectMySQL(IntrospectContext &ctx);
bool introspectSQLite(IntrospectContext &ctx);

} // namespace schemac::introspect

#endif
