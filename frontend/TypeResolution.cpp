//===- TypeResolution.cpp - written types to ir::Type ---------------------===//
//
// A type is a built-in spelling (checked for its modifiers and the target
// dialect) or the name of an enum; anything else is unknown, with a
// "did you mean" note when an enum of a similar name exists.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include <fmt/format.h>

namespace schemac::sema {

/// Kinds `unsigned` applies to (MySQL's unsigned numbers).
static bool isNumeric(const ir::Type &t) {
  switch (t.kind) {
  case ir::TypeKind::SmallInt:
  case ir::TypeKind::Integer:
  case ir::TypeKind::BigInt:
  case ir::TypeKind::Real:
  case ir::TypeKind::DoublePrecision:
  case ir::TypeKind::Numeric:
    return true;
  case ir::TypeKind::Native:
    return t.name == "tinyint" || t.name == "mediumint" || t.name == "float";
  default:
    return false;
  }
}

/// Reports a modifier value outside [min, max]; returns false if so.
static bool checkModifierRange(DiagnosticEngine &diags, SourceRange range,
                               llvm::StringRef spelling, llvm::StringRef what,
                               int64_t value, int64_t min, int64_t max) {
  if (value >= min && value <= max)
    return true;
  diags.report(DiagID::InvalidTypeModifier, range,
               fmt::format("{} of '{}' must be between {} and {}, not {}",
                           what.str(), spelling.str(), min, max, value));
  return false;
}

/// Checks the values of a built-in type's modifiers (count already checked).
static void checkModifierValues(DiagnosticEngine &diags,
                                const ast::TypeRef &ref, const ir::Type &t) {
  SourceRange range =
      ref.modifiersRange.isValid() ? ref.modifiersRange : ref.range;
  llvm::StringRef spelling = ref.builtinSpelling;
  switch (t.kind) {
  case ir::TypeKind::Varchar:
  case ir::TypeKind::Char:
    if (t.numModifiers == 1)
      checkModifierRange(diags, range, spelling, "length", t.modifiers[0], 1,
                         10485760);
    break;
  case ir::TypeKind::Numeric:
    if (t.numModifiers >= 1 &&
        checkModifierRange(diags, range, spelling, "precision", t.modifiers[0],
                           1, 1000) &&
        t.numModifiers == 2)
      checkModifierRange(diags, range, spelling, "scale", t.modifiers[1], 0,
                         t.modifiers[0]);
    break;
  case ir::TypeKind::Time:
  case ir::TypeKind::TimeTz:
  case ir::TypeKind::Timestamp:
  case ir::TypeKind::TimestampTz:
    if (t.numModifiers == 1)
      checkModifierRange(diags, range, spelling, "precision", t.modifiers[0], 0,
                         6);
    break;
  default:
    break;
  }
}

/// The enum whose name is closest to `name` (edit distance <= 2), if any.
/// Skipped for huge schemas, where a scan per unknown type would be
/// quadratic.
static const EnumInfo *findSimilarEnum(llvm::ArrayRef<EnumInfo *> enums,
                                       llvm::StringRef name) {
  if (enums.size() > 10000)
    return nullptr;
  const EnumInfo *best = nullptr;
  unsigned bestDistance = 3;
  for (const EnumInfo *e : enums) {
    unsigned d = name.edit_distance(e->def->name.name.name, true, bestDistance);
    if (d < bestDistance) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}

std::optional<ir::Type> SemaImpl::resolveType(const ast::TypeRef &ref,
                                              bool &isSerial) {
  isSerial = false;
  ir::Type t;
  SourceRange modRange =
      ref.modifiersRange.isValid() ? ref.modifiersRange : ref.range;
  const ir::BuiltinTypeInfo *info =
      ref.builtinSpelling.empty() ? nullptr
                                  : ir::lookupBuiltinType(ref.builtinSpelling);
  if (info) {
    t.kind = info->kind;
    if (info->kind == ir::TypeKind::Native)
      t.name = out.save(info->nativeName);
    isSerial = info->isSerial;
    size_t n = ref.modifiers.size();
    if (n < info->minModifiers || n > info->maxModifiers) {
      std::string expected =
          info->maxModifiers == 0 ? std::string("no modifiers")
          : info->minModifiers == info->maxModifiers
              ? fmt::format("{} modifier{}", info->maxModifiers,
                            info->maxModifiers == 1 ? "" : "s")
              : fmt::format("{} to {} modifiers", info->minModifiers,
                            info->maxModifiers);
      diags.report(DiagID::InvalidTypeModifier, modRange,
                   fmt::format("type '{}' takes {}, {} given",
                               ref.builtinSpelling.str(), expected, n));
    } else {
      for (int64_t m : ref.modifiers)
        t.addModifier(m);
      checkModifierValues(diags, ref, t);
      // SQL's char is char(1): a database reads it back with the length.
      if (t.kind == ir::TypeKind::Char && t.numModifiers == 0)
        t.addModifier(1);
    }
  } else {
    if (!checkNamespace(ref.name))
      return std::nullopt;
    ir::QualifiedName qn = qualify(ref.name);
    EnumInfo *e = findEnum(qn);
    if (!e) {
      Diagnostic &d = diags.report(DiagID::UnknownType, ref.name.range,
                                   "unknown type " + quoted(qn));
      if (const EnumInfo *similar = findSimilarEnum(enumList, qn.name)) {
        d.notes.push_back({similar->def->name.range,
                           fmt::format("did you mean enum {}?",
                                       quoted(qualify(similar->def->name)))});
      } else if (qn.ns.empty()) {
        llvm::StringRef builtin = ir::findSimilarBuiltinType(qn.name);
        if (!builtin.empty())
          d.fixIts.push_back({ref.name.range, builtin.str()});
      }
      return std::nullopt;
    }
    t.kind = ir::TypeKind::Enum;
    t.ns = qn.ns;
    t.name = qn.name;
    if (!ref.modifiers.empty())
      diags.report(DiagID::InvalidTypeModifier, modRange,
                   fmt::format("enum type {} takes no modifiers", quoted(qn)));
  }
  if (ref.isUnsigned) {
    if (isNumeric(t))
      t.isUnsigned = true;
    else
      diags.report(DiagID::InvalidTypeModifier, ref.range,
                   "'unsigned' applies only to numeric types");
  }
  t.arrayDims = ref.arrayDims;
  return t;
}

} // namespace schemac::sema
