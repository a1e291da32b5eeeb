//===- SemaHelpers.cpp - message helpers shared by the sema passes --------===//
#include "frontend/SemaImpl.h"
#include <fmt/format.h>

namespace schemac::sema {

std::string quoted(llvm::StringRef name) {
  return fmt::format("'{}'", std::string_view(name.data(), name.size()));
}

std::string quoted(const ir::QualifiedName &name) { return quoted(name.str()); }

llvm::StringRef getRelationKindName(RelationKind k) {
  switch (k) {
  case RelationKind::Table:
    return "table";
  case RelationKind::View:
    return "view";
  case RelationKind::Sequence:
    return "sequence";
  }
  return "relation";
}

void SemaImpl::reportDuplicate(SourceRange range, const std::string &what,
                               SourceRange previous,
                               const std::string &previousNote) {
  Diagnostic &d = diags.report(DiagID::DuplicateDefinition, range,
                               "duplicate definition of " + what);
  d.notes.push_back({previous, previousNote});
}

/// The longest prefix of `s` of at most `max` bytes that ends on a UTF-8
/// character boundary (PostgreSQL's pg_mbcliplen).
static llvm::StringRef clipUtf8(llvm::StringRef s, size_t max) {
  if (s.size() <= max)
    return s;
  size_t len = max;
  while (len > 0 && (static_cast<unsigned char>(s[len]) & 0xC0) == 0x80)
    --len;
  return s.take_front(len);
}

llvm::StringRef SemaImpl::getStoredName(const ast::Ident &name) {
  if (namingDialect() != ir::Dialect::PostgreSQL)
    return name.name;
  return clipUtf8(name.name,
                  ir::getMaxIdentifierLength(ir::Dialect::PostgreSQL));
}

void SemaImpl::checkNameLength(const ast::Ident &name, llvm::StringRef what) {
  // Only PostgreSQL truncates, silently: MySQL refuses a long name, which
  // the legality pass reports as an error (backends/DialectLegality.cpp).
  if (namingDialect() != ir::Dialect::PostgreSQL)
    return;
  unsigned limit = ir::getMaxIdentifierLength(ir::Dialect::PostgreSQL);
  if (name.name.size() <= limit)
    return;
  diags.report(DiagID::NameTooLong, name.range,
               fmt::format("{} name {} is {} bytes long; PostgreSQL "
                           "truncates it to {} bytes: {}",
                           what.str(), quoted(name.name), name.name.size(),
                           limit, quoted(clipUtf8(name.name, limit))));
}

} // namespace schemac::sema
