//===- PostgresExprMapping.h - PostgreSQL's deparsed forms to sema's IR ---===//
//
// PostgreSQL stores expressions as trees and prints them back normalized:
// literals carry the casts type resolution gave them ('x'::text), negative
// constants become '-1'::integer, IN lists become = ANY (ARRAY[...]),
// BETWEEN becomes two comparisons, varchar columns are cast to text. These
// functions rewrite the parsed server text into the tree sema builds from
// the way a person writes the same expression in the schema language.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_POSTGRESEXPRMAPPING_H
#define SCHEMAC_FRONTEND_INTROSPECT_POSTGRESEXPRMAPPING_H

#include "ir/Schema.h"
#include <optional>
#include <string>

namespace schemac::introspect {

/// Rewrites a check, generated column, index key or predicate of `table`
/// (whose columns give the types casts are judged against).
const ir::Expr *mapPostgresExpr(const ir::Expr *e, const ir::Table &table,
                                ir::ExprArena &arena);

/// Rewrites the default of `column`: on top of mapPostgresExpr, a cast that
/// only restates the column's type is dropped.
const ir::Expr *mapPostgresDefault(const ir::Expr *e, const ir::Column &column,
                                   const ir::Table &table,
                                   ir::ExprArena &arena);

/// The word PostgreSQL names an index key after (FigureIndexColname): the
/// column or function name, else the cast's type, else "expr".
std::string getPostgresIndexKeyWord(const ir::Expr *e);

/// A type as format_type prints it ("character varying(20)", "numeric(10,2)",
/// "timestamp(3) with time zone", "inet") as the schema language's built-in
/// type; nullopt if it is none (the caller decides: enum, or unsupported).
/// Array suffixes must be stripped by the caller.
std::optional<ir::Type> parsePostgresBuiltinType(llvm::StringRef formatted,
                                                 ir::Schema &schema);

} // namespace schemac::introspect

#endif
