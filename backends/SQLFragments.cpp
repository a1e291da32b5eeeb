//===- SQLFragments.cpp - DDL pieces every SQL backend spells the same ----===//

#include "backends/SQLFragments.h"
#include "llvm/Support/ErrorHandling.h"

using namespace schemac;
using namespace schemac::backends;

llvm::StringRef backends::getRefActionSQL(ir::RefAction action) {
  switch (action) {
  case ir::RefAction::NoAction:
    return "NO ACTION";
  case ir::RefAction::Restrict:
    return "RESTRICT";
  case ir::RefAction::Cascade:
    return "CASCADE";
  case ir::RefAction::SetNull:
    return "SET NULL";
  case ir::RefAction::SetDefault:
    return "SET DEFAULT";
  }
  llvm_unreachable("unknown referential action");
}

std::string backends::getRawSQLText(llvm::StringRef text) {
  text = text.trim();
  llvm::StringRef lastLine = text.substr(text.rfind('\n') + 1);
  std::string out = text.str();
  if (lastLine.contains("--"))
    out += '\n';
  return out;
}

std::string backends::getViewBody(llvm::StringRef query) {
  query = query.trim();
  while (query.consume_back(";"))
    query = query.rtrim();
  return getRawSQLText(query);
}

std::string backends::joinStatements(llvm::ArrayRef<std::string> statements) {
  std::string out;
  for (const std::string &statement : statements)
    out += (out.empty() ? "" : "\n") + statement + ";\n";
  return out;
}

llvm::StringRef backends::getSortOrderSQL(ir::SortOrder order) {
  switch (order) {
  case ir::SortOrder::Asc:
    return " ASC";
  case ir::SortOrder::Desc:
    return " DESC";
  case ir::SortOrder::Default:
    break;
  }
  return "";
}
