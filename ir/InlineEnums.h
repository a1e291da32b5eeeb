//===- InlineEnums.h - enums as a database without enum types holds them --===//
//
// MySQL (ENUM(...)) and SQLite (CHECK (col IN (...))) keep an enum's values
// in each column and no enum name at all. So a pulled database cannot know
// that `users.role` used an enum called `role`, and comparing it with the
// schema file would report a rename that does not exist. Both sides are put
// into one canonical form instead: one enum per distinct value list, named
// <table>_<column> after the first column (in schema order) that uses it;
// enums no column uses are dropped, since such a database holds nothing of
// them.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_INLINEENUMS_H
#define SCHEMAC_IR_INLINEENUMS_H

#include "ir/Schema.h"

namespace schemac::ir {

/// Rewrites `schema`'s enums and enum-typed columns into the canonical form
/// above and re-canonicalizes the schema. Idempotent.
void canonicalizeInlineEnums(Schema &schema);

} // namespace schemac::ir

#endif
