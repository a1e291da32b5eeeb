//===- Sema.cpp - runs the semantic analysis passes -----------------------===//
#include "frontend/Sema.h"
#include "frontend/SemaImpl.h"

namespace schemac {
namespace sema {

bool SemaImpl::run(llvm::ArrayRef<const ast::File *> files) {
  declareAll(files);
  for (EnumInfo *e : enumList)
    lowerEnum(*e);
  for (TableInfo &t : tables)
    lowerTable(t);
  for (TableInfo &t : tables)
    resolveForeignKeys(t);
  for (const ast::SequenceDef *s : sequences)
    lowerSequence(*s);
  for (const ast::ViewDef *v : views)
    lowerView(*v);
  checkCastTypes();
  assignNames();
  out.tables.reserve(out.tables.size() + tables.size());
  for (TableInfo &t : tables)
    out.tables.push_back(std::move(t.table));
  out.canonicalize();
  return !diags.hasErrors();
}

} // namespace sema

bool analyzeSchema(llvm::ArrayRef<const ast::File *> files, ir::Schema &out,
                   DiagnosticEngine &diags, const SemaOptions &options) {
  return sema::SemaImpl(out, diags, options).run(files);
}

} // namespace schemac
