//===- Sema.cpp - runs the semantic analysis passes -----------------------===//
#include "frontend/Sema.h"
#include "frontend/SemaImpl.h"

namespace schemac {
namespace sema {

bool SemaImpl::run(llvm::ArrayRef<ast::File *> files) {
  declareAll(std::vector<const ast::File *>(files.begin(), files.end()));
  for (EnumInfo *e : enumList)
    lowerEnum(*e);
  for (TableInfo &t : tables) {
    lowerTable(t);
    releaseColumns(t);
  }
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

void SemaImpl::releaseColumns(TableInfo &info) {
  // Nothing reads a column's AST after its table is lowered (foreign keys
  // keep copies of their references). run() was given the files to
  // consume, so the const view the passes share is cast away here only.
  info.columnDefs = {};
  auto &columns = const_cast<ast::TableDef *>(info.def)->columns;
  std::vector<ast::ColumnDef>().swap(columns);
}

} // namespace sema

bool analyzeSchema(llvm::ArrayRef<ast::File *> files, ir::Schema &out,
                   DiagnosticEngine &diags, const SemaOptions &options) {
  return sema::SemaImpl(out, diags, options).run(files);
}

} // namespace schemac
