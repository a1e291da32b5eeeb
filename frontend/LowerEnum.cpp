//===- LowerEnum.cpp - enum declarations to the IR ------------------------===//
#include "frontend/SemaImpl.h"
#include <fmt/format.h>

namespace schemac::sema {

void SemaImpl::lowerEnum(EnumInfo &info) {
  const ast::EnumDef &def = *info.def;
  auto e = std::make_unique<ir::EnumType>();
  e->name = qualify(def.name);
  e->comment = out.save(def.doc);
  e->range = def.range;
  lowerAttributes(def.attributes, e->was);
  checkNameLength(def.name.name, "enum");
  if (def.values.empty())
    diags.report(DiagID::EmptyEnum, def.name.range,
                 fmt::format("enum {} has no values", quoted(e->name)));
  llvm::StringMap<SourceRange> firstSeen;
  for (const ast::EnumValueDef &v : def.values) {
    auto [it, inserted] = firstSeen.try_emplace(v.name.name, v.name.range);
    if (!inserted) {
      Diagnostic &d =
          diags.report(DiagID::DuplicateEnumValue, v.name.range,
                       fmt::format("enum {} lists value {} twice",
                                   quoted(e->name), quoted(v.name.name)));
      d.notes.push_back({it->second, "first listed here"});
      continue;
    }
    checkNameLength(v.name, "enum value");
    info.values.insert(v.name.name);
    ir::EnumValue value;
    value.name = out.save(v.name.name);
    value.range = v.range;
    lowerAttributes(v.attributes, value.was);
    e->values.push_back(std::move(value));
  }
  info.type = e.get();
  out.enums.push_back(std::move(e));
}

} // namespace schemac::sema
