//===- InlineEnums.cpp - enums as a database without enum types holds them ===//

#include "ir/InlineEnums.h"
#include "llvm/ADT/StringMap.h"

using namespace schemac;
using namespace schemac::ir;

/// The value list as one key; U+001F separates values.
static std::string valuesKey(const EnumType &e) {
  std::string key;
  for (const EnumValue &v : e.values) {
    key += v.name;
    key += '\x1f';
  }
  return key;
}

void ir::canonicalizeInlineEnums(Schema &schema) {
  // Tables are sorted by key after canonicalize(); columns keep their
  // physical order, so "first column" is deterministic.
  std::vector<std::unique_ptr<EnumType>> canonical;
  llvm::StringMap<EnumType *> byValues;
  for (const std::unique_ptr<Table> &table : schema.tables) {
    for (Column &column : table->columns) {
      if (column.type.kind != TypeKind::Enum)
        continue;
      const EnumType *old =
          schema.findEnum(QualifiedName{column.type.ns, column.type.name});
      if (!old)
        continue; // the verifier reports it
      EnumType *&target = byValues[valuesKey(*old)];
      if (!target) {
        auto created = std::make_unique<EnumType>();
        created->name.ns = table->name.ns;
        created->name.name =
            schema.save((table->name.name + "_" + column.name).str());
        created->values = old->values;
        created->comment = old->comment;
        target = created.get();
        canonical.push_back(std::move(created));
      }
      column.type.ns = target->name.ns;
      column.type.name = target->name.name;
    }
  }
  schema.enums = std::move(canonical);
  schema.canonicalize();
}
