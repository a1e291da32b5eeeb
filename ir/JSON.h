//===- JSON.h - versioned JSON snapshots of the Schema IR -----------------===//
//
// The snapshot format: {"format": "schemac-snapshot", "version": N, ...}.
// One writer and one reader per IR struct (see docs/snapshot-format.md).
// Loading rejects other versions and malformed input with a message naming
// the JSON path.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_IR_JSON_H
#define SCHEMAC_IR_JSON_H

#include "ir/Schema.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace schemac::ir {

constexpr int SnapshotVersion = 1;

llvm::json::Value schemaToJSON(const Schema &schema);
/// Pretty-printed (2-space indent), newline-terminated, deterministic bytes.
void writeSnapshot(const Schema &schema, llvm::raw_ostream &os);
/// Parses snapshot text into `out` (which must be empty). The error message
/// names the offending JSON path, e.g. "tables[3].columns[0].type: ...".
llvm::Error readSnapshot(llvm::StringRef text, Schema &out);

} // namespace schemac::ir

#endif
