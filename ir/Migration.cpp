//===- Migration.cpp - change kind names and the textual Migration IR -----===//

#include "ir/Migration.h"
#include "ir/Printer.h"
#include "llvm/ADT/StringExtras.h"

using namespace schemac;
using namespace schemac::ir;

llvm::StringRef ir::getChangeKindName(ChangeKind kind) {
  switch (kind) {
  case ChangeKind::CreateNamespace:
    return "create-namespace";
  case ChangeKind::DropNamespace:
    return "drop-namespace";
  case ChangeKind::CreateEnum:
    return "create-enum";
  case ChangeKind::DropEnum:
    return "drop-enum";
  case ChangeKind::RenameEnum:
    return "rename-enum";
  case ChangeKind::AddEnumValue:
    return "add-enum-value";
  case ChangeKind::RenameEnumValue:
    return "rename-enum-value";
  case ChangeKind::RebuildEnum:
    return "rebuild-enum";
  case ChangeKind::CreateSequence:
    return "create-sequence";
  case ChangeKind::DropSequence:
    return "drop-sequence";
  case ChangeKind::RenameSequence:
    return "rename-sequence";
  case ChangeKind::AlterSequence:
    return "alter-sequence";
  case ChangeKind::CreateTable:
    return "create-table";
  case ChangeKind::DropTable:
    return "drop-table";
  case ChangeKind::RenameTable:
    return "rename-table";
  case ChangeKind::AlterTableOptions:
    return "alter-table-options";
  case ChangeKind::AddColumn:
    return "add-column";
  case ChangeKind::DropColumn:
    return "drop-column";
  case ChangeKind::RenameColumn:
    return "rename-column";
  case ChangeKind::AlterColumn:
    return "alter-column";
  case ChangeKind::AddConstraint:
    return "add-constraint";
  case ChangeKind::DropConstraint:
    return "drop-constraint";
  case ChangeKind::RenameConstraint:
    return "rename-constraint";
  case ChangeKind::CreateIndex:
    return "create-index";
  case ChangeKind::DropIndex:
    return "drop-index";
  case ChangeKind::RenameIndex:
    return "rename-index";
  case ChangeKind::CreateView:
    return "create-view";
  case ChangeKind::DropView:
    return "drop-view";
  case ChangeKind::SetComment:
    return "set-comment";
  }
  return "";
}

namespace {

void printName(const QualifiedName &name, llvm::raw_ostream &os) {
  if (!name.ns.empty())
    os << formatIdentifier(name.ns) << '.';
  os << formatIdentifier(name.name);
}

/// "old -> new" where a name changed, else the one name.
void printRename(const QualifiedName &from, const QualifiedName &to,
                 llvm::raw_ostream &os) {
  printName(from, os);
  os << " -> ";
  printName(to, os);
}

/// The table a change is about, preferring the new side.
const Table *tableOf(const Change &c) {
  return c.toTable ? c.toTable : c.fromTable;
}

void printMember(const Change &c, llvm::StringRef member,
                 llvm::raw_ostream &os) {
  printName(tableOf(c)->name, os);
  // SQLite keeps unnamed foreign keys and checks.
  os << '.' << (member.empty() ? std::string("<unnamed>")
                               : formatIdentifier(member));
}

const std::pair<uint8_t, const char *> AspectNames[] = {
    {AspectType, "type"},           {AspectNullability, "nullability"},
    {AspectDefault, "default"},     {AspectIdentity, "identity"},
    {AspectGenerated, "generated"}, {AspectCollation, "collation"}};

const std::pair<uint8_t, const char *> HazardNames[] = {
    {HazardDestructive, "destructive"},
    {HazardDataDependent, "data-dependent"},
    {HazardRewrite, "rewrite"}};

void printAspects(uint8_t aspects, llvm::raw_ostream &os) {
  llvm::ListSeparator sep(", ");
  os << " [";
  for (auto [bit, name] : AspectNames)
    if (aspects & bit)
      os << sep << name;
  os << ']';
}

/// The names of the bits set in `bits`, in table order.
llvm::json::Array bitNames(uint8_t bits,
                           llvm::ArrayRef<std::pair<uint8_t, const char *>> names) {
  llvm::json::Array out;
  for (auto [bit, name] : names)
    if (bits & bit)
      out.push_back(name);
  return out;
}

void printSubject(const Change &c, llvm::raw_ostream &os) {
  switch (c.kind) {
  case ChangeKind::CreateNamespace:
    os << formatIdentifier(c.toNamespace->name);
    return;
  case ChangeKind::DropNamespace:
    os << formatIdentifier(c.fromNamespace->name);
    return;
  case ChangeKind::CreateEnum:
  case ChangeKind::RebuildEnum:
    printName(c.toEnum->name, os);
    return;
  case ChangeKind::DropEnum:
    printName(c.fromEnum->name, os);
    return;
  case ChangeKind::RenameEnum:
    printRename(c.fromEnum->name, c.toEnum->name, os);
    return;
  case ChangeKind::AddEnumValue:
    printName(c.toEnum->name, os);
    os << ' ' << formatIdentifier(c.value);
    if (!c.otherValue.empty())
      os << " before " << formatIdentifier(c.otherValue);
    return;
  case ChangeKind::RenameEnumValue:
    printName(c.toEnum->name, os);
    os << ' ' << formatIdentifier(c.value) << " -> "
       << formatIdentifier(c.otherValue);
    return;
  case ChangeKind::CreateSequence:
  case ChangeKind::AlterSequence:
    printName(c.toSequence->name, os);
    return;
  case ChangeKind::DropSequence:
    printName(c.fromSequence->name, os);
    return;
  case ChangeKind::RenameSequence:
    printRename(c.fromSequence->name, c.toSequence->name, os);
    return;
  case ChangeKind::CreateTable:
  case ChangeKind::DropTable:
  case ChangeKind::AlterTableOptions:
    printName(tableOf(c)->name, os);
    return;
  case ChangeKind::RenameTable:
    printRename(c.fromTable->name, c.toTable->name, os);
    return;
  case ChangeKind::AddColumn:
    printMember(c, c.toColumn->name, os);
    os << ' ' << getTypeSpelling(c.toColumn->type);
    return;
  case ChangeKind::DropColumn:
    printMember(c, c.fromColumn->name, os);
    return;
  case ChangeKind::RenameColumn:
    printMember(c, c.fromColumn->name, os);
    os << " -> " << formatIdentifier(c.toColumn->name);
    return;
  case ChangeKind::AlterColumn:
    printMember(c, c.toColumn->name, os);
    printAspects(c.aspects, os);
    if (c.aspects & AspectType)
      os << ' ' << getTypeSpelling(c.fromColumn->type) << " -> "
         << getTypeSpelling(c.toColumn->type);
    return;
  case ChangeKind::AddConstraint:
    printMember(c, c.toConstraint->name, os);
    return;
  case ChangeKind::DropConstraint:
    printMember(c, c.fromConstraint->name, os);
    return;
  case ChangeKind::RenameConstraint:
    printMember(c, c.fromConstraint->name, os);
    os << " -> " << formatIdentifier(c.toConstraint->name);
    return;
  case ChangeKind::CreateIndex:
    printMember(c, c.toIndex->name, os);
    return;
  case ChangeKind::DropIndex:
    printMember(c, c.fromIndex->name, os);
    return;
  case ChangeKind::RenameIndex:
    printMember(c, c.fromIndex->name, os);
    os << " -> " << formatIdentifier(c.toIndex->name);
    return;
  case ChangeKind::CreateView:
    printName(c.toView->name, os);
    return;
  case ChangeKind::DropView:
    printName(c.fromView->name, os);
    return;
  case ChangeKind::SetComment:
    if (c.toColumn)
      printMember(c, c.toColumn->name, os);
    else if (c.toIndex)
      printMember(c, c.toIndex->name, os);
    else if (c.toTable)
      printName(c.toTable->name, os);
    else if (c.toEnum)
      printName(c.toEnum->name, os);
    else if (c.toSequence)
      printName(c.toSequence->name, os);
    else if (c.toView)
      printName(c.toView->name, os);
    else if (c.toNamespace)
      os << formatIdentifier(c.toNamespace->name);
    return;
  }
}

} // namespace

std::string ir::describeChange(const Change &c) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << getChangeKindName(c.kind) << ' ';
  printSubject(c, os);
  return text;
}

void ir::printMigration(const Migration &m, llvm::raw_ostream &os) {
  for (const Change &c : m.changes) {
    os << describeChange(c);
    for (auto [bit, name] : HazardNames)
      if (c.hazards & bit)
        os << " !" << name;
    os << '\n';
  }
}

static std::string dotted(const QualifiedName &name) {
  return name.ns.empty() ? name.name.str() : (name.ns + "." + name.name).str();
}

std::vector<std::string> ir::getChangeObjectNames(const Change &c) {
  std::vector<std::string> names;
  auto add = [&](std::string name) {
    if (!llvm::is_contained(names, name))
      names.push_back(std::move(name));
  };
  llvm::SmallVector<llvm::StringRef, 2> members;
  for (const Column *col : {c.fromColumn, c.toColumn})
    if (col)
      members.push_back(col->name);
  for (const Constraint *con : {c.fromConstraint, c.toConstraint})
    if (con && !con->name.empty())
      members.push_back(con->name);
  for (const Index *index : {c.fromIndex, c.toIndex})
    if (index)
      members.push_back(index->name);
  for (const Table *table : {c.fromTable, c.toTable}) {
    if (!table)
      continue;
    if (members.empty())
      add(dotted(table->name));
    for (llvm::StringRef member : members)
      add(dotted(table->name) + "." + member.str());
  }
  for (const EnumType *e : {c.fromEnum, c.toEnum})
    if (e)
      add(dotted(e->name));
  for (const Sequence *seq : {c.fromSequence, c.toSequence})
    if (seq)
      add(dotted(seq->name));
  for (const View *view : {c.fromView, c.toView})
    if (view)
      add(dotted(view->name));
  for (const Namespace *ns : {c.fromNamespace, c.toNamespace})
    if (ns)
      add(ns->name.str());
  return names;
}

llvm::json::Array ir::migrationToJSON(const Migration &m) {
  llvm::json::Array changes;
  for (const Change &c : m.changes) {
    llvm::json::Object change{{"kind", getChangeKindName(c.kind)},
                              {"description", describeChange(c)}};
    if (const Table *table = tableOf(c))
      change["table"] = dotted(table->name);
    if (c.kind == ChangeKind::AlterColumn)
      change["aspects"] = bitNames(c.aspects, AspectNames);
    change["hazards"] = bitNames(c.hazards, HazardNames);
    changes.push_back(std::move(change));
  }
  return changes;
}
