//===- Attributes.cpp - @attributes: rename hints and unknown names -------===//
#include "frontend/SemaImpl.h"
#include <fmt/format.h>

namespace schemac::sema {

void SemaImpl::lowerAttributes(llvm::ArrayRef<ast::Attribute> attrs,
                               std::vector<llvm::StringRef> &was) {
  for (const ast::Attribute &a : attrs) {
    if (a.name.name != "was") {
      diags.report(DiagID::UnknownAttribute, a.name.range,
                   fmt::format("unknown attribute '@{}'; the only attribute "
                               "is '@was(old_name)'",
                               a.name.name.str()));
      continue;
    }
    if (a.args.size() != 1) {
      diags.report(DiagID::InvalidAttribute, a.range,
                   fmt::format("'@was' takes exactly one name, {} given",
                               a.args.size()));
      continue;
    }
    was.push_back(out.save(a.args.front().name));
  }
}

} // namespace schemac::sema
