//===- IndexElementWord.cpp - the name word of an expression index key ---===//
//
// PostgreSQL names an expression index column after FigureIndexColname: a
// column or function name, looking through casts and CASE ELSE, else the
// cast's type, else "expr". The word goes into the derived index name.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

namespace schemac::sema {

/// PostgreSQL's internal name of a type, as a cast's TypeName carries it.
static llvm::StringRef getPgTypeName(const ir::Type &t) {
  switch (t.kind) {
  case ir::TypeKind::Boolean:
    return "bool";
  case ir::TypeKind::SmallInt:
    return "int2";
  case ir::TypeKind::Integer:
    return "int4";
  case ir::TypeKind::BigInt:
    return "int8";
  case ir::TypeKind::Real:
    return "float4";
  case ir::TypeKind::DoublePrecision:
    return "float8";
  case ir::TypeKind::Numeric:
    return "numeric";
  case ir::TypeKind::Text:
    return "text";
  case ir::TypeKind::Varchar:
    return "varchar";
  case ir::TypeKind::Char:
    return "bpchar";
  case ir::TypeKind::Bytes:
    return "bytea";
  case ir::TypeKind::Date:
    return "date";
  case ir::TypeKind::Time:
    return "time";
  case ir::TypeKind::TimeTz:
    return "timetz";
  case ir::TypeKind::Timestamp:
    return "timestamp";
  case ir::TypeKind::TimestampTz:
    return "timestamptz";
  case ir::TypeKind::Interval:
    return "interval";
  case ir::TypeKind::Uuid:
    return "uuid";
  case ir::TypeKind::Json:
    return "json";
  case ir::TypeKind::Jsonb:
    return "jsonb";
  case ir::TypeKind::Enum:
  case ir::TypeKind::Native:
    return t.name;
  }
  return "expr";
}

/// FigureColnameInternal: sets `name` and returns its strength (0: none,
/// 1: a fallback such as a type name, 2: a real column or function name).
static int figureName(const ir::Expr *e, llvm::StringRef &name) {
  if (!e)
    return 0;
  if (auto *ref = llvm::dyn_cast<ir::ColumnRef>(e)) {
    name = ref->getColumn();
    return 2;
  }
  if (auto *call = llvm::dyn_cast<ir::FuncCall>(e)) {
    name = call->getName();
    return 2;
  }
  if (auto *cast = llvm::dyn_cast<ir::CastExpr>(e)) {
    int strength = figureName(cast->getOperand(), name);
    if (strength <= 1) {
      name = getPgTypeName(cast->getType());
      return 1;
    }
    return strength;
  }
  if (auto *c = llvm::dyn_cast<ir::CaseExpr>(e)) {
    int strength = figureName(c->getElse(), name);
    if (strength <= 1) {
      name = "case";
      return 1;
    }
    return strength;
  }
  if (llvm::isa<ir::ArrayExpr>(e)) {
    name = "array";
    return 2;
  }
  return 0;
}

std::string SemaImpl::getIndexElementWord(const ir::Expr *e) {
  llvm::StringRef name;
  if (figureName(e, name) == 0)
    return "expr";
  return name.str();
}

} // namespace schemac::sema
