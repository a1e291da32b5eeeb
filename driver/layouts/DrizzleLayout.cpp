//===- DrizzleLayout.cpp - drizzle-kit's folder for drizzle's migrator ---===//
//
// drizzle-kit 0.x's layout, as drizzle-orm's `migrate(db, {migrationsFolder})`
// reads it: `meta/_journal.json` lists the migrations in order, each entry's
// `tag` names `<tag>.sql`, whose statements are separated by
// `--> statement-breakpoint` lines (the migrator runs each piece on its own;
// better-sqlite3 runs one statement per call). A migration counts as
// applied when its journal `when` (milliseconds) is not later than the
// newest `created_at` the migrator recorded, so every new entry must come
// after the last one.
//
// The migrator runs all pending migrations in one transaction, so a script
// that must run outside one (`-- schemac:no-transaction`) is refused. On
// SQLite, where PRAGMA foreign_keys is a no-op inside a transaction, a
// script that drops a table (a rebuild) ends the migrator's transaction and
// runs in its own with foreign keys off, as schemac wrote it; other scripts
// run inside the migrator's, without their own BEGIN and COMMIT. Either way
// `PRAGMA foreign_key_check`, whose rows the migrator ignores, becomes a
// statement that fails on a violation. drizzle-kit's `meta/NNNN_snapshot.json`
// (its own model of the schema) is not written; schemac's state is kept in
// `.schemac/snapshot.json`. See docs/migrations.md.
//
//===----------------------------------------------------------------------===//
#include "db/SQLScript.h"
#include "driver/layouts/Layouts.h"
#include "migrate/MigrationFolder.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <ctime>
#include <fmt/format.h>
#include <set>

using namespace schemac;
using namespace schemac::driver;
using namespace schemac::migrator;

static const char *const Breakpoint = "--> statement-breakpoint";

namespace {

/// One `entries` element of meta/_journal.json.
struct JournalEntry {
  int64_t idx = 0;
  std::string version;
  int64_t when = 0;
  std::string tag;
  bool breakpoints = true;
};

/// meta/_journal.json as drizzle-kit writes it.
struct Journal {
  std::string version = "7";
  std::string dialect;
  std::vector<JournalEntry> entries;
};

std::string journalPath(llvm::StringRef dir) {
  return joinPath(joinPath(dir, "meta"), "_journal.json");
}

llvm::Error invalid(const llvm::Twine &message) {
  return llvm::createStringError(std::errc::invalid_argument,
                                 message.str().c_str());
}

/// The folder's journal; an absent one is empty.
llvm::Expected<Journal> readJournal(llvm::StringRef dir) {
  Journal journal;
  std::string path = journalPath(dir);
  if (!llvm::sys::fs::exists(path))
    return journal;
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "cannot read '%s'",
                                   path.c_str());
  llvm::Expected<llvm::json::Value> value =
      llvm::json::parse((*buffer)->getBuffer());
  if (!value)
    return invalid("'" + path +
                   "' is not JSON: " + llvm::toString(value.takeError()));
  const llvm::json::Object *root = value->getAsObject();
  const llvm::json::Array *entries = root ? root->getArray("entries") : nullptr;
  if (!entries)
    return invalid("'" + path + "' has no \"entries\" array");
  if (auto version = root->getString("version"))
    journal.version = version->str();
  if (auto dialect = root->getString("dialect"))
    journal.dialect = dialect->str();
  for (const llvm::json::Value &item : *entries) {
    const llvm::json::Object *entry = item.getAsObject();
    std::optional<int64_t> idx =
        entry ? entry->getInteger("idx") : std::nullopt;
    std::optional<int64_t> when =
        entry ? entry->getInteger("when") : std::nullopt;
    std::optional<llvm::StringRef> tag =
        entry ? entry->getString("tag") : std::nullopt;
    if (!idx || !when || !tag)
      return invalid("'" + path +
                     "' has an entry without an integer idx and when and a "
                     "string tag");
    JournalEntry e;
    e.idx = *idx;
    e.when = *when;
    e.tag = tag->str();
    if (auto version = entry->getString("version"))
      e.version = version->str();
    if (auto breakpoints = entry->getBoolean("breakpoints"))
      e.breakpoints = *breakpoints;
    journal.entries.push_back(std::move(e));
  }
  return journal;
}

/// The journal as drizzle-kit writes it (JSON.stringify(journal, null, 2)).
void writeJournal(const Journal &journal, llvm::raw_ostream &os) {
  llvm::json::OStream json(os, 2);
  json.object([&] {
    json.attribute("version", journal.version);
    json.attribute("dialect", journal.dialect);
    json.attributeArray("entries", [&] {
      for (const JournalEntry &e : journal.entries)
        json.object([&] {
          json.attribute("idx", e.idx);
          json.attribute("version", e.version);
          json.attribute("when", e.when);
          json.attribute("tag", e.tag);
          json.attribute("breakpoints", e.breakpoints);
        });
    });
  });
}

/// yyyymmddHHMMSS (UTC) in milliseconds since the epoch: the entry's `when`.
int64_t versionMillis(llvm::StringRef version) {
  auto field = [&](size_t at, size_t n) {
    unsigned value = 0;
    version.substr(at, n).getAsInteger(10, value);
    return static_cast<int>(value);
  };
  std::tm utc{};
  utc.tm_year = field(0, 4) - 1900;
  utc.tm_mon = field(4, 2) - 1;
  utc.tm_mday = field(6, 2);
  utc.tm_hour = field(8, 2);
  utc.tm_min = field(10, 2);
  utc.tm_sec = field(12, 2);
  return static_cast<int64_t>(timegm(&utc)) * 1000;
}

/// drizzle-kit's name for the dialect and its snapshot version, which each
/// journal entry repeats.
std::pair<const char *, const char *> drizzleDialect(ir::Dialect d) {
  switch (d) {
  case ir::Dialect::PostgreSQL:
    return {"postgresql", "7"};
  case ir::Dialect::MySQL:
    return {"mysql", "5"};
  case ir::Dialect::SQLite:
    return {"sqlite", "6"};
  }
  return {"postgresql", "7"};
}

/// Whether `statement` (without its `;`, any case) is `words`.
bool isStatement(llvm::StringRef statement, llvm::StringRef words) {
  return statement.rtrim(';').trim().equals_insensitive(words);
}

/// A statement that fails while a foreign key is violated: SQLite's
/// `PRAGMA foreign_key_check` only returns rows, which the migrator ignores.
const char *const ForeignKeyCheck[] = {
    "CREATE TEMP TABLE \"schemac_foreign_key_check\" "
    "(\"foreign_key_violations\" INTEGER "
    "CHECK (\"foreign_key_violations\" = 0));",
    "INSERT INTO \"schemac_foreign_key_check\" SELECT count(*) FROM "
    "pragma_foreign_key_check;",
    "DROP TABLE temp.\"schemac_foreign_key_check\";"};

/// The pieces an SQLite script runs as under drizzle's migrator, which runs
/// every pending migration in one transaction (better-sqlite3: a plain
/// BEGIN ... COMMIT around all of them). Inside it PRAGMA foreign_keys is a
/// no-op, so dropping a table (a rebuild drops the old one) would cascade
/// to the rows that reference it, or fail. Such a script ends the
/// migrator's transaction (what earlier migrations did is complete) and
/// runs as schemac wrote it, foreign keys off in its own transaction, then
/// opens a transaction for the migrator to record it in and commit. Any
/// other script runs inside the migrator's transaction without its own
/// BEGIN and COMMIT.
std::vector<std::string> forSQLite(std::vector<std::string> pieces,
                                   llvm::ArrayRef<llvm::StringRef> statements) {
  bool dropsTables = llvm::any_of(statements, [](llvm::StringRef statement) {
    return statement.take_front(10).equals_insensitive("DROP TABLE");
  });
  std::vector<std::string> out;
  if (dropsTables)
    out.push_back("-- drizzle's migrator runs its migrations in one "
                  "transaction, where\n-- PRAGMA foreign_keys cannot be "
                  "switched off: end it here (the\n-- migrations before this "
                  "one are complete) and run this one in its own.\nCOMMIT;");
  for (size_t i = 0; i < pieces.size(); ++i) {
    llvm::StringRef statement = statements[i];
    if (!dropsTables &&
        (isStatement(statement, "BEGIN") || isStatement(statement, "COMMIT")))
      continue;
    if (isStatement(statement, "PRAGMA foreign_key_check")) {
      // The comments before it stay.
      llvm::StringRef piece = pieces[i];
      std::string comments =
          piece.take_front(piece.rfind(statement)).rtrim().str();
      out.push_back((comments.empty() ? "" : comments + "\n") +
                    ForeignKeyCheck[0]);
      out.push_back(ForeignKeyCheck[1]);
      out.push_back(ForeignKeyCheck[2]);
      continue;
    }
    out.push_back(std::move(pieces[i]));
  }
  if (dropsTables)
    out.push_back("-- The transaction the migrator records this migration "
                  "in and commits.\nBEGIN;");
  return out;
}

/// The script with a breakpoint line between statements. Comments before a
/// statement stay with it, so no piece is only a comment (better-sqlite3
/// refuses a piece without a statement); comments after the last one stay
/// with it.
std::string withBreakpoints(llvm::StringRef sql, ir::Dialect d) {
  std::vector<ScriptStatement> split = splitStatements(sql, d);
  std::vector<std::string> pieces;
  std::vector<llvm::StringRef> statements;
  size_t from = 0;
  for (size_t i = 0; i < split.size(); ++i) {
    size_t to = i + 1 == split.size() ? sql.size() : split[i].end;
    statements.push_back(sql.slice(split[i].begin, split[i].end));
    pieces.push_back(sql.slice(from, to).trim().str());
    from = to;
  }
  if (split.empty())
    pieces.push_back(sql.trim().str());
  else if (d == ir::Dialect::SQLite)
    pieces = forSQLite(std::move(pieces), statements);
  std::string out;
  for (const std::string &piece : pieces)
    out += (out.empty() ? "" : llvm::Twine("\n") + Breakpoint + "\n").str() +
           piece;
  return out + "\n";
}

class Drizzle final : public MigrationLayout {
public:
  llvm::StringRef getName() const override { return "drizzle"; }

  /// The journal's tags, after checking that the journal and the .sql
  /// files agree and that `when` increases (else the migrator skips an
  /// entry).
  llvm::Expected<FolderState> read(llvm::StringRef dir) const override {
    llvm::Expected<Journal> journal = readJournal(dir);
    if (!journal)
      return journal.takeError();
    auto files = listMatching(dir, "^([0-9]+_.*)\\.sql$");
    if (!files)
      return files.takeError();
    std::set<std::string> unlisted(files->begin(), files->end());
    FolderState state;
    const JournalEntry *previous = nullptr;
    for (const JournalEntry &e : journal->entries) {
      if (!unlisted.erase(e.tag))
        return invalid("'" + journalPath(dir) + "' lists '" + e.tag +
                       ".sql', which is missing");
      if (previous && e.when <= previous->when)
        return invalid("'" + journalPath(dir) + "': '" + e.tag +
                       "' is not later than '" + previous->tag +
                       "' (its \"when\"), so drizzle's migrator would skip "
                       "it");
      previous = &e;
      state.migrations.push_back(e.tag);
    }
    if (!unlisted.empty())
      return invalid("'" + *unlisted.begin() + ".sql' is not in '" +
                     journalPath(dir) +
                     "', so drizzle's migrator would never run it");
    state.snapshot = findStateSnapshot(dir);
    return state;
  }

  std::string refuse(const NewMigration &m) const override {
    if (m.upTransactional())
      return {};
    // The directive's reason, "(...)", if it gives one.
    llvm::StringRef first = llvm::StringRef(m.up).split('\n').first;
    llvm::StringRef why = first.substr(first.find('(')).trim();
    return "drizzle-orm's migrator runs every pending migration in one "
           "transaction, and migration '" +
           m.version + "_" + m.name + "' cannot run in one" +
           (why.empty() ? std::string() : " " + why.str()) +
           "; generate it in a migration of its own with another layout, or "
           "apply it by hand";
  }

  llvm::Expected<std::string> write(llvm::StringRef dir,
                                    const NewMigration &m) const override {
    llvm::Expected<Journal> journal = readJournal(dir);
    if (!journal)
      return journal.takeError();
    ir::Dialect dialect = m.dialect;
    auto [dialectName, snapshotVersion] = drizzleDialect(dialect);
    if (journal->dialect.empty())
      journal->dialect = dialectName;
    else if (journal->dialect != dialectName)
      return invalid("'" + journalPath(dir) + "' is for " + journal->dialect +
                     ", not " + dialectName);

    JournalEntry entry;
    entry.idx = journal->entries.empty() ? 0 : journal->entries.back().idx + 1;
    entry.version = snapshotVersion;
    entry.when = versionMillis(m.version);
    entry.tag = fmt::format("{:04}_{}", entry.idx, m.name);
    if (!journal->entries.empty() && entry.when <= journal->entries.back().when)
      return invalid("migration '" + m.version + "_" + m.name +
                     "' is not later than '" + journal->entries.back().tag +
                     "' (its \"when\" in meta/_journal.json), so drizzle's "
                     "migrator would skip it");
    journal->entries.push_back(entry);

    std::string meta = joinPath(dir, "meta");
    if (std::error_code ec = llvm::sys::fs::create_directories(meta))
      return llvm::createStringError(ec, "cannot create '%s': %s", meta.c_str(),
                                     ec.message().c_str());
    std::string file = entry.tag + ".sql";
    std::string sql = withBreakpoints(m.up, dialect);
    auto writeSQL = [&](llvm::raw_ostream &os) { os << sql; };
    auto writeIndex = [&](llvm::raw_ostream &os) {
      writeJournal(*journal, os);
    };
    // The journal after the file it lists.
    if (llvm::Error err = writeFiles(
            dir, {{file, writeSQL}, {"meta/_journal.json", writeIndex}}, m))
      return err;
    return joinPath(dir, file);
  }
};
const Drizzle Instance;
} // namespace

const MigrationLayout &driver::DrizzleLayout = Instance;
