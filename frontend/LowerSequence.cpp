//===- LowerSequence.cpp - sequence declarations to the IR ----------------===//
//
// Runs after tables are lowered, because `owned by` names a table column.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"
#include <cstdint>
#include <fmt/format.h>

namespace schemac::sema {

using SeqKind = ast::SequenceOption::Kind;

static llvm::StringRef getOptionName(SeqKind k) {
  switch (k) {
  case SeqKind::As:
    return "as";
  case SeqKind::Start:
    return "start";
  case SeqKind::Increment:
    return "increment";
  case SeqKind::MinValue:
    return "minvalue";
  case SeqKind::MaxValue:
    return "maxvalue";
  case SeqKind::Cache:
    return "cache";
  case SeqKind::Cycle:
    return "cycle";
  case SeqKind::OwnedBy:
    return "owned by";
  }
  return "option";
}

/// Options equal to what the database would choose are left unset, as a
/// database reads them back (PostgreSQL's CREATE SEQUENCE defaults: an
/// ascending sequence runs from 1 to the type's maximum and starts at its
/// minimum, a descending one from the type's minimum to -1 and starts at
/// its maximum; increment and cache 1).
static void dropDefaultOptions(ir::Sequence &s) {
  int64_t typeMax = s.type.kind == ir::TypeKind::SmallInt ? INT16_MAX
                    : s.type.kind == ir::TypeKind::Integer ? INT32_MAX
                                                           : INT64_MAX;
  int64_t typeMin = -typeMax - 1;
  bool ascending = s.increment.value_or(1) > 0;
  int64_t min = s.minValue.value_or(ascending ? 1 : typeMin);
  int64_t max = s.maxValue.value_or(ascending ? typeMax : -1);
  if (s.start == (ascending ? min : max))
    s.start.reset();
  if (s.minValue == (ascending ? 1 : typeMin))
    s.minValue.reset();
  if (s.maxValue == (ascending ? typeMax : -1))
    s.maxValue.reset();
  if (s.increment == 1)
    s.increment.reset();
  if (s.cache == 1)
    s.cache.reset();
}

void SemaImpl::lowerSequence(const ast::SequenceDef &def) {
  auto seq = std::make_unique<ir::Sequence>();
  ir::Sequence &s = *seq;
  s.name = qualify(def.name);
  s.comment = out.save(def.doc);
  s.range = def.range;
  lowerAttributes(def.attributes, s.was);

  const ast::SequenceOption *seen[static_cast<unsigned>(SeqKind::OwnedBy) + 1] =
      {};
  auto invalid = [&](SourceRange range, std::string msg) {
    diags.report(DiagID::InvalidSequenceOption, range, std::move(msg));
  };
  for (const ast::SequenceOption &opt : def.options) {
    const ast::SequenceOption *&first = seen[static_cast<unsigned>(opt.kind)];
    if (first) {
      Diagnostic &d = diags.report(
          DiagID::DuplicateOption, opt.range,
          fmt::format("sequence {} has more than one '{}' option",
                      quoted(s.name), getOptionName(opt.kind).str()));
      d.notes.push_back({first->range, "first given here"});
      continue;
    }
    first = &opt;
    switch (opt.kind) {
    case SeqKind::As: {
      bool isSerial = false;
      std::optional<ir::Type> t = resolveType(opt.type, isSerial);
      if (!t)
        break;
      if (!t->isInteger() || isSerial || t->isUnsigned)
        invalid(opt.type.range,
                fmt::format("sequence type must be smallint, integer or "
                            "bigint, not '{}'",
                            opt.type.builtinSpelling.empty()
                                ? ir::getTypeSpelling(*t)
                                : opt.type.builtinSpelling.str()));
      else
        s.type = *t;
      break;
    }
    case SeqKind::Start:
      s.start = opt.value;
      break;
    case SeqKind::Increment:
      if (opt.value == 0)
        invalid(opt.range, "sequence increment must not be zero");
      s.increment = opt.value;
      break;
    case SeqKind::MinValue:
      s.minValue = opt.value;
      break;
    case SeqKind::MaxValue:
      s.maxValue = opt.value;
      break;
    case SeqKind::Cache:
      if (opt.value < 1)
        invalid(opt.range, fmt::format("sequence cache must be at least 1, "
                                       "not {}",
                                       opt.value));
      s.cache = opt.value;
      break;
    case SeqKind::Cycle:
      s.cycle = true;
      break;
    case SeqKind::OwnedBy: {
      if (!checkNamespace(opt.ownerTable))
        break;
      ir::QualifiedName owner = qualify(opt.ownerTable);
      const RelationDecl *decl = findRelation(owner);
      if (!decl || decl->kind != RelationKind::Table) {
        diags.report(DiagID::UnknownTable, opt.ownerTable.range,
                     fmt::format("unknown table {}", quoted(owner)));
        break;
      }
      TableInfo &ti = tables[decl->index];
      auto col = ti.columnIndex.find(opt.ownerColumn.name);
      if (col == ti.columnIndex.end()) {
        diags.report(DiagID::UnknownColumn, opt.ownerColumn.range,
                     fmt::format("table {} has no column {}", quoted(owner),
                                 quoted(opt.ownerColumn.name)));
        break;
      }
      if (owner.ns != s.name.ns) {
        invalid(opt.range,
                fmt::format("sequence {} must be in the same schema as its "
                            "owner table {}",
                            quoted(s.name), quoted(owner)));
        break;
      }
      s.ownedBy =
          ir::ColumnOwner{ti.ir->name, ti.ir->columns[col->second].name};
      break;
    }
    }
  }
  if (s.minValue && s.maxValue && *s.minValue >= *s.maxValue)
    invalid(seen[static_cast<unsigned>(SeqKind::MinValue)]->range,
            fmt::format("sequence minvalue ({}) must be less than maxvalue "
                        "({})",
                        *s.minValue, *s.maxValue));
  if (s.start && ((s.minValue && *s.start < *s.minValue) ||
                  (s.maxValue && *s.start > *s.maxValue)))
    invalid(seen[static_cast<unsigned>(SeqKind::Start)]->range,
            fmt::format("sequence start ({}) must lie between minvalue and "
                        "maxvalue",
                        *s.start));
  dropDefaultOptions(s);
  out.sequences.push_back(std::move(seq));
}

} // namespace schemac::sema
