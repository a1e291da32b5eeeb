//===- PostgresIntrospector.h - the state of one PostgreSQL pull ----------===//
//
// One reader per pull: each catalog kind is one query over every included
// namespace (never one per table); rows are attached to their objects
// through maps keyed by oid.
//
//===----------------------------------------------------------------------===//
#ifndef SCHEMAC_FRONTEND_INTROSPECT_POSTGRESINTROSPECTOR_H
#define SCHEMAC_FRONTEND_INTROSPECT_POSTGRESINTROSPECTOR_H

#include "frontend/introspect/IntrospectContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

namespace schemac::introspect {

using Oid = uint32_t;

/// An integer list as PostgreSQL prints int2vector ("1 2"), oidvector and
/// arrays ("{1,2}").
llvm::SmallVector<int64_t, 4> parseIntList(llvm::StringRef text);

class PostgresReader {
public:
  explicit PostgresReader(IntrospectContext &ctx)
      : ctx(ctx), schema(ctx.getSchema()) {}
  bool run();

private:
  struct TableInfo {
    ir::Table *table = nullptr;
    /// attnum -> index into table->columns (-1: none).
    llvm::SmallVector<int, 16> columnOfAttnum;
    std::string displayName; ///< "table public.users", for warnings
    llvm::StringRef columnName(int64_t attnum) const {
      if (attnum <= 0 || size_t(attnum) >= columnOfAttnum.size() ||
          columnOfAttnum[attnum] < 0)
        return "";
      return table->columns[columnOfAttnum[attnum]].name;
    }
  };
  /// A sequence as the catalogs hold it, until columns tell whether it is
  /// the hidden sequence of a serial or identity column.
  struct SequenceInfo {
    std::unique_ptr<ir::Sequence> seq;
    std::string regclass; ///< as nextval's argument prints it
    Oid ownerTable = 0;
    int64_t ownerColumn = 0;
    char dependency = 0;      ///< 'a' OWNED BY, 'i' identity, 0 none
    bool hasDefaults = false; ///< every option is the type's default
    bool consumed = false;    ///< hidden behind a serial or identity column
  };

  bool readExtensions();
  bool readNamespaces();
  bool readEnums();
  bool readRelations();
  bool readColumns();
  bool readConstraints();
  bool readIndexes();
  void finishSequences();
  /// Sets nameExplicit on every constraint and index read, once every name
  /// in each namespace is known (derived names dodge taken ones).
  void markDerivedNames();
  /// Whether --exclude leaves out the view `name`.
  bool isExcluded(const ir::QualifiedName &name) const;

  /// The namespace of `oid` in the IR ("" for public), or nullopt if it is
  /// not read.
  std::optional<llvm::StringRef> namespaceOf(llvm::StringRef oid) const;
  static Oid toOid(llvm::StringRef text) {
    Oid v = 0;
    text.getAsInteger(10, v);
    return v;
  }
  /// `= ANY('{...}'::oid[])` over the included namespaces (`all`: every
  /// namespace that is not the system's).
  std::string inNamespaces(llvm::StringRef column, bool all = false) const;
  /// Enums outside --schema that read columns use, with their namespaces.
  void addOutsideEnums();
  const ir::Expr *parse(llvm::StringRef sql, const llvm::Twine &where) {
    return ctx.parseExpr(sql, where);
  }

  IntrospectContext &ctx;
  ir::Schema &schema;
  int serverVersion = 150000;
  llvm::DenseMap<Oid, llvm::StringRef> namespaces; ///< the ones read
  llvm::DenseMap<Oid, ir::Namespace> allNamespaces;
  /// Enums of namespaces not read, and whether a read column uses them.
  llvm::DenseMap<Oid, std::pair<std::unique_ptr<ir::EnumType>, bool>>
      outsideEnums;
  llvm::DenseMap<Oid, TableInfo> tables;
  llvm::DenseMap<Oid, SequenceInfo> sequences;
  /// A constraint or index whose nameExplicit waits for markDerivedNames.
  struct PendingName {
    ir::Table *table;
    ir::Constraint *constraint; ///< null: indexes[indexPos]
    size_t indexPos;
    ir::NamedKind kind;
    std::vector<std::string> words;
  };
  std::vector<PendingName> pendingNames;
  /// (table oid, attnum) of serial/identity owners -> sequence oid.
  llvm::DenseMap<std::pair<Oid, int64_t>, Oid> ownedSequences;
};

} // namespace schemac::introspect

#endif
