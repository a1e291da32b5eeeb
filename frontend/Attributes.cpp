//===- Attributes.cpp - @attributes: rename hints and table options -------===//
//
// `@was(old)` is a rename hint on any declaration. Tables also take storage
// options of one dialect (docs/language.md, "Table options"), which the
// other dialects ignore: @strict, @without_rowid (SQLite), @engine(name),
// @charset(name), @collation(name) (MySQL).
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include "llvm/ADT/StringSwitch.h"
#include <fmt/format.h>

namespace schemac::sema {

namespace {
enum class TableOption { None, Strict, WithoutRowid, Engine, Charset, Collate };
} // namespace

void SemaImpl::lowerTableAttributes(const ast::TableDef &def, ir::Table &t) {
  std::vector<ast::Attribute> rest;
  llvm::StringSet<> seen;
  for (const ast::Attribute &a : def.attributes) {
    auto option = llvm::StringSwitch<TableOption>(a.name.name)
                      .Case("strict", TableOption::Strict)
                      .Case("without_rowid", TableOption::WithoutRowid)
                      .Case("engine", TableOption::Engine)
                      .Case("charset", TableOption::Charset)
                      .Case("collation", TableOption::Collate)
                      .Default(TableOption::None);
    if (option == TableOption::None) {
      rest.push_back(a);
      continue;
    }
    if (!seen.insert(a.name.name).second) {
      diags.report(DiagID::InvalidAttribute, a.range,
                   fmt::format("'@{}' is given twice", a.name.name.str()));
      continue;
    }
    bool isFlag =
        option == TableOption::Strict || option == TableOption::WithoutRowid;
    size_t expected = isFlag ? 0 : 1;
    if (a.args.size() != expected) {
      diags.report(DiagID::InvalidAttribute, a.range,
                   isFlag ? fmt::format("'@{}' takes no arguments",
                                        a.name.name.str())
                          : fmt::format("'@{}' takes exactly one name, {} given",
                                        a.name.name.str(), a.args.size()));
      continue;
    }
    llvm::StringRef arg = isFlag ? "" : out.save(a.args.front().name);
    switch (option) {
    case TableOption::Strict:
      t.options.strict = true;
      break;
    case TableOption::WithoutRowid:
      t.options.withoutRowid = true;
      break;
    case TableOption::Engine:
      t.options.engine = arg;
      break;
    case TableOption::Charset:
      t.options.charset = arg;
      break;
    case TableOption::Collate:
      t.options.collation = arg;
      break;
    case TableOption::None:
      break;
    }
  }
  lowerAttributes(rest, t.was);
}

void SemaImpl::lowerAttributes(llvm::ArrayRef<ast::Attribute> attrs,
                               std::vector<llvm::StringRef> &was) {
  for (const ast::Attribute &a : attrs) {
    if (a.name.name != "was") {
      diags.report(DiagID::UnknownAttribute, a.name.range,
                   fmt::format("unknown attribute '@{}'; declarations take "
                               "'@was(old_name)', tables also the options "
                               "'@strict', '@without_rowid', '@engine', "
                               "'@charset' and '@collation'",
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
