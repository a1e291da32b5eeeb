//===- LowerView.cpp - view declarations to the IR ------------------------===//
#include "frontend/SemaImpl.h"

namespace schemac::sema {

void SemaImpl::lowerView(const ast::ViewDef &def) {
  auto v = std::make_unique<ir::View>();
  v->name = qualify(def.name);
  v->comment = out.save(def.doc);
  v->range = def.range;
  lowerAttributes(def.attributes, v->was);
  v->query = out.save(def.query);
  v->materialized = def.materialized;
  out.views.push_back(std::move(v));
}

} // namespace schemac::sema
