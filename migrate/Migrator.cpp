//===- Migrator.cpp - apply a migrations folder to a database -------------===//
//
// One run: verify the folder, connect, take the lock, read the history,
// decide what is pending, and apply each pending migration either inside a
// transaction (its statements and its history row commit together, so a
// failure or a killed process leaves nothing behind) or, where the database
// cannot roll DDL back (MySQL) or the file asks for it (`-- schemac:
// no-transaction`), statement by statement with its progress recorded.
//
//===----------------------------------------------------------------------===//

#include "db/SQLScript.h"
#include "migrate/ApplyScript.h"
#include "migrate/DatabaseLock.h"
#include "migrate/History.h"
#include "migrate/MigrationFolder.h"
#include "schemac/Migrate.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA256.h"
#include <chrono>

using namespace schemac;
using namespace schemac::migrator;
using llvm::StringRef;

char MigrationError::ID = 0;
char MigrateError::ID = 0;

void MigrationError::log(llvm::raw_ostream &os) const {
  os << "migration " << migration << " failed at line " << line << ": "
     << message;
  if (recordedAsFailed)
    os << " (the statements before it could not be rolled back: the "
          "migration is recorded as failed; fix the database, then run "
          "`schemac migrate resolve --applied "
       << migration << "` or `--rolled-back " << migration << "`)";
  else
    os << " (rolled back; nothing was recorded)";
}

namespace {

constexpr StringRef NoTransactionDirective = "-- schemac:no-transaction";

struct FolderMigration {
  std::string name;
  std::string sql;
  std::string checksum;
};

using Kind = MigrateError::Kind;

llvm::Error makeError(Kind kind, const llvm::Twine &message) {
  return llvm::make_error<MigrateError>(kind, message.str());
}

/// Any other error as a MigrateError of `kind`, keeping MigrateErrors and
/// MigrationErrors as they are.
llvm::Error classify(Kind kind, llvm::Error e) {
  if (e.isA<MigrateError>() || e.isA<MigrationError>())
    return e;
  return makeError(kind, llvm::toString(std::move(e)));
}

llvm::Expected<std::vector<FolderMigration>> readFolder(StringRef dir) {
  // A mistyped --dir must not look like a folder with nothing to apply.
  if (!llvm::sys::fs::is_directory(dir))
    return makeError(Kind::Folder, "no migrations folder at '" + dir + "'");
  if (auto e = verifySum(dir))
    return classify(Kind::Folder, std::move(e));
  llvm::Expected<std::vector<std::string>> names = listMigrations(dir);
  if (!names)
    return classify(Kind::Folder, names.takeError());
  std::vector<FolderMigration> out;
  for (const std::string &name : *names) {
    std::string path = joinPath(joinPath(dir, name), "migration.sql");
    auto buffer = llvm::MemoryBuffer::getFile(path);
    if (!buffer)
      return makeError(Kind::Folder, "cannot read '" + path +
                                         "': " + buffer.getError().message());
    FolderMigration m;
    m.name = name;
    m.sql = (*buffer)->getBuffer().str();
    m.checksum =
        "sha256:" +
        llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(m.sql)),
                    true);
    out.push_back(std::move(m));
  }
  return out;
}

/// The statement's first keyword(s), upper-cased, to recognize BEGIN,
/// COMMIT and PRAGMA foreign_key_check in a script.
std::string head(StringRef statement) {
  std::string words;
  for (StringRef word : llvm::split(statement.trim().rtrim(';'), ' ')) {
    if (word.empty())
      continue;
    if (!words.empty())
      words += ' ';
    words += word.upper();
    if (words.size() > 24)
      break;
  }
  return words;
}

bool isBegin(StringRef s) {
  std::string h = head(s);
  return h == "BEGIN" || h == "BEGIN TRANSACTION" || h == "START TRANSACTION" ||
         StringRef(h).starts_with("BEGIN IMMEDIATE");
}
bool isCommit(StringRef s) {
  std::string h = head(s);
  return h == "COMMIT" || h == "END" || h == "COMMIT TRANSACTION";
}
bool isForeignKeyCheck(StringRef s) {
  return StringRef(head(s)).starts_with("PRAGMA FOREIGN_KEY_CHECK");
}

uint64_t millisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now() - start)
      .count();
}

class Run {
public:
  Run(db::Connection &conn, const MigrateOptions &options,
      MigrateReport &report, const llvm::StringMap<bool> &outOfOrder)
      : conn(conn), options(options), history(conn, options), report(report),
        outOfOrder(outOfOrder), dialect(conn.getDialect()) {}

  llvm::Error apply(const FolderMigration &m);
  /// Runs a script that is no migration (a push): same transactions, no
  /// history.
  llvm::Error applyUnrecorded(const FolderMigration &m) {
    recordHistory = false;
    return apply(m);
  }
  llvm::Error applyAll(llvm::ArrayRef<const FolderMigration *> pending);
  /// Runs the migration's down.sql and removes its history row.
  llvm::Error revert(const FolderMigration &m, StringRef dir);

private:
  /// Runs `script` (the migration's or its down.sql) as `m`; applying
  /// records the migration, reverting removes its record.
  llvm::Error runInTransaction(const FolderMigration &m, StringRef script,
                               bool reverting);
  llvm::Error runStepwise(const FolderMigration &m, StringRef script,
                          bool reverting);
  bool isTransactional(StringRef script) const {
    return dialect != ir::Dialect::MySQL &&
           !script.ltrim().starts_with(NoTransactionDirective) &&
           options.transactions != TransactionMode::None;
  }
  /// Runs one statement; a failure becomes a MigrationError.
  llvm::Error runStatement(const FolderMigration &m, StringRef script,
                           const ScriptStatement &s, bool recordedAsFailed);
  void rollback() { llvm::consumeError(conn.execute("ROLLBACK")); }
  std::string beginSQL() const {
    return dialect == ir::Dialect::SQLite ? "BEGIN IMMEDIATE" : "BEGIN";
  }
  HistoryRow appliedRow(const FolderMigration &m, const std::string &started,
                        uint64_t ms, unsigned statements) const {
    return {m.name, m.checksum, "applied", started, currentTimestamp(),
            ms,     statements};
  }

  db::Connection &conn;
  const MigrateOptions &options;
  History history;
  void recordApplied(const std::string &name, uint64_t ms) {
    report.applied.push_back({name, ms, outOfOrder.lookup(name)});
  }

  MigrateReport &report;
  const llvm::StringMap<bool> &outOfOrder;
  ir::Dialect dialect;
  bool recordHistory = true;
};

llvm::Error Run::runStatement(const FolderMigration &m, StringRef script,
                              const ScriptStatement &s, bool recordedAsFailed) {
  StringRef text = script.slice(s.begin, s.end);
  llvm::Expected<db::QueryResult> result = conn.query(text);
  std::string message;
  std::optional<size_t> offset;
  if (!result) {
    llvm::handleAllErrors(
        result.takeError(),
        [&](const db::DatabaseError &e) {
          message = e.getMessage();
          offset = e.getOffset();
        },
        [&](const llvm::ErrorInfoBase &e) { message = e.message(); });
  } else if (isForeignKeyCheck(text) && result->getNumRows() != 0) {
    // SQLite's rebuild checks the keys it could not enforce while they were
    // off; any row is a violation, and the migration must not commit.
    db::ResultRow row(*result, 0);
    message = ("foreign key violation: a row of table '" + result->get(0, 0) +
               "' references a missing row of '" + result->get(0, 2) + "' (" +
               std::to_string(result->getNumRows()) + " in all)")
                  .str();
  } else {
    return llvm::Error::success();
  }
  unsigned line = s.line;
  if (offset && *offset <= text.size())
    line += text.take_front(*offset).count('\n');
  return llvm::make_error<MigrationError>(m.name, line, text.trim().str(),
                                          message, recordedAsFailed);
}

llvm::Error Run::apply(const FolderMigration &m) {
  return isTransactional(m.sql) ? runInTransaction(m, m.sql, false)
                                : runStepwise(m, m.sql, false);
}

llvm::Error Run::revert(const FolderMigration &m, StringRef dir) {
  std::string path = joinPath(joinPath(dir, m.name), "down.sql");
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return makeError(Kind::Folder, "cannot read '" + path +
                                       "': " + buffer.getError().message());
  StringRef script = (*buffer)->getBuffer();
  return isTransactional(script) ? runInTransaction(m, script, true)
                                 : runStepwise(m, script, true);
}

llvm::Error Run::runInTransaction(const FolderMigration &m, StringRef script,
                                  bool reverting) {
  std::vector<ScriptStatement> statements = splitStatements(script, dialect);
  // SQLite rebuild scripts bring their own BEGIN ... COMMIT (foreign keys
  // are switched off outside it); then those are the boundaries.
  bool ownTransaction = llvm::any_of(statements, [&](const ScriptStatement &s) {
    return isBegin(script.slice(s.begin, s.end));
  });
  auto started = std::chrono::steady_clock::now();
  std::string startedAt = currentTimestamp();
  bool inTransaction = false;
  auto begin = [&]() -> llvm::Expected<bool> {
    if (auto e = conn.execute(beginSQL()))
      return e;
    inTransaction = true;
    if (!recordHistory)
      return false;
    // Without a lock spanning the run (SQLite), another run may have
    // done it since the history was read: the write lock now held makes
    // this answer final.
    llvm::Expected<bool> recorded = history.hasRow(m.name);
    if (!recorded)
      return recorded.takeError();
    return *recorded == !reverting;
  };
  auto commit = [&](unsigned statementsRun) -> llvm::Error {
    std::string record =
        reverting ? history.deleteSQL(m.name)
                  : history.insertSQL(appliedRow(
                        m, startedAt, millisSince(started), statementsRun));
    if (recordHistory)
      if (auto e = conn.execute(record))
        return e;
    inTransaction = false;
    return conn.execute("COMMIT");
  };
  // A SQLite script that switched foreign keys off and did not get to
  // switch them on again must not leave the connection that way.
  auto restore = [&] {
    if (dialect == ir::Dialect::SQLite)
      llvm::consumeError(conn.execute("PRAGMA foreign_keys = ON"));
  };
  auto fail = [&](llvm::Error e) {
    if (inTransaction)
      rollback();
    restore();
    return e;
  };
  auto skip = [&] {
    rollback();
    restore();
    return llvm::Error::success();
  };
  if (!ownTransaction) {
    llvm::Expected<bool> done = begin();
    if (!done)
      return fail(done.takeError());
    if (*done)
      return skip();
  }
  unsigned run = 0;
  for (const ScriptStatement &s : statements) {
    StringRef text = script.slice(s.begin, s.end);
    if (ownTransaction && isBegin(text)) {
      llvm::Expected<bool> done = begin();
      if (!done)
        return fail(done.takeError());
      if (*done)
        return skip();
      continue;
    }
    if (ownTransaction && isCommit(text)) {
      if (auto e = commit(run))
        return fail(std::move(e));
      continue;
    }
    if (auto e = runStatement(m, script, s, /*recordedAsFailed=*/false))
      return fail(std::move(e));
    ++run;
  }
  if (!ownTransaction)
    if (auto e = commit(run))
      return fail(std::move(e));
  if (inTransaction) // a BEGIN without COMMIT in the script
    return fail(makeError(Kind::Refused,
                          "migration " + m.name +
                              " begins a transaction it does not commit"));
  recordApplied(m.name, millisSince(started));
  return llvm::Error::success();
}

llvm::Error Run::runStepwise(const FolderMigration &m, StringRef script,
                             bool reverting) {
  std::vector<ScriptStatement> statements = splitStatements(script, dialect);
  auto started = std::chrono::steady_clock::now();
  HistoryRow row{m.name, m.checksum, "running", currentTimestamp(), "", 0, 0};
  // Recorded first: if the process dies part-way, the next run sees a
  // migration that did not finish and refuses to guess.
  if (recordHistory)
    if (auto e = conn.execute(reverting ? history.updateSQL(row)
                                        : history.insertSQL(row)))
      return e;
  for (const ScriptStatement &s : statements) {
    if (auto e =
            runStatement(m, script, s, /*recordedAsFailed=*/recordHistory)) {
      row.status = "failed";
      row.durationMs = millisSince(started);
      if (recordHistory)
        llvm::consumeError(conn.execute(history.updateSQL(row)));
      return e;
    }
    ++row.statementsRun;
    if (recordHistory)
      if (auto e = conn.execute(history.updateSQL(row)))
        return e;
  }
  if (!recordHistory) {
    recordApplied(m.name, millisSince(started));
    return llvm::Error::success();
  }
  if (reverting) {
    if (auto e = conn.execute(history.deleteSQL(m.name)))
      return e;
    recordApplied(m.name, millisSince(started));
    return llvm::Error::success();
  }
  row = appliedRow(m, row.startedAt, millisSince(started), row.statementsRun);
  if (auto e = conn.execute(history.updateSQL(row)))
    return e;
  recordApplied(m.name, row.durationMs);
  return llvm::Error::success();
}

llvm::Error Run::applyAll(llvm::ArrayRef<const FolderMigration *> pending) {
  if (dialect == ir::Dialect::MySQL)
    return makeError(Kind::Refused,
                     "--tx all is not available on MySQL, which commits "
                     "every DDL statement at once");
  for (const FolderMigration *m : pending) {
    if (StringRef(m->sql).ltrim().starts_with(NoTransactionDirective))
      return makeError(Kind::Refused,
                       "--tx all cannot run " + m->name +
                           ": it is marked `-- schemac:no-transaction`");
    for (const ScriptStatement &s : splitStatements(m->sql, dialect))
      if (isBegin(StringRef(m->sql).slice(s.begin, s.end)))
        return makeError(Kind::Refused, "--tx all cannot run " + m->name +
                                            ": it manages its own transaction");
  }
  if (auto e = conn.execute(beginSQL()))
    return e;
  std::vector<std::pair<std::string, uint64_t>> applied;
  for (const FolderMigration *m : pending) {
    auto started = std::chrono::steady_clock::now();
    std::string startedAt = currentTimestamp();
    unsigned run = 0;
    for (const ScriptStatement &s : splitStatements(m->sql, dialect)) {
      if (auto e = runStatement(*m, m->sql, s, /*recordedAsFailed=*/false)) {
        rollback();
        return e;
      }
      ++run;
    }
    if (auto e = conn.execute(history.insertSQL(
            appliedRow(*m, startedAt, millisSince(started), run)))) {
      rollback();
      return e;
    }
    applied.push_back({m->name, millisSince(started)});
  }
  if (auto e = conn.execute("COMMIT")) {
    rollback();
    return e;
  }
  for (const auto &[name, ms] : applied)
    recordApplied(name, ms);
  return llvm::Error::success();
}

/// Folder and history merged into states, by name.
std::vector<MigrationState>
mergeStates(const std::vector<FolderMigration> &folder,
            const std::vector<HistoryRow> &rows) {
  llvm::StringMap<const HistoryRow *> byName;
  std::string newestApplied;
  for (const HistoryRow &row : rows) {
    byName[row.name] = &row;
    newestApplied = std::max(newestApplied, row.name);
  }
  std::vector<MigrationState> states;
  llvm::StringMap<bool> inFolder;
  for (const FolderMigration &m : folder) {
    inFolder[m.name] = true;
    MigrationState state;
    state.name = m.name;
    auto it = byName.find(m.name);
    if (it == byName.end()) {
      state.outOfOrder = m.name < newestApplied;
    } else {
      const HistoryRow &row = *it->second;
      state.appliedAt = row.finishedAt;
      state.durationMs = row.durationMs;
      state.statementsRun = row.statementsRun;
      if (row.status != "applied")
        state.status = MigrationState::Status::Failed;
      else if (row.checksum != m.checksum)
        state.status = MigrationState::Status::Modified;
      else
        state.status = MigrationState::Status::Applied;
    }
    states.push_back(std::move(state));
  }
  for (const HistoryRow &row : rows) {
    if (inFolder.count(row.name))
      continue;
    MigrationState state;
    state.name = row.name;
    state.status = row.status == "applied" ? MigrationState::Status::Missing
                                           : MigrationState::Status::Failed;
    state.appliedAt = row.finishedAt;
    state.statementsRun = row.statementsRun;
    states.push_back(std::move(state));
  }
  llvm::sort(states, [](const MigrationState &a, const MigrationState &b) {
    return a.name < b.name;
  });
  return states;
}

/// What every operation starts from: the verified folder, a connection,
/// the lock (unless read-only) and the history merged with the folder.
struct Prepared {
  std::vector<FolderMigration> folder;
  std::unique_ptr<db::Connection> conn;
  std::optional<History> history;
  std::optional<DatabaseLock> lock;
  MigrateReport report;

  const FolderMigration *find(StringRef name) const {
    for (const FolderMigration &m : folder)
      if (m.name == name)
        return &m;
    return nullptr;
  }
  MigrationState *state(StringRef name) {
    for (MigrationState &s : report.migrations)
      if (s.name == name)
        return &s;
    return nullptr;
  }
  /// Re-reads the history after a change.
  llvm::Error reload() {
    llvm::Expected<std::vector<HistoryRow>> rows = history->load();
    if (!rows)
      return classify(Kind::Database, rows.takeError());
    report.migrations = mergeStates(folder, *rows);
    return llvm::Error::success();
  }
};

llvm::Expected<Prepared> prepare(StringRef url, StringRef dir,
                                 const MigrateOptions &options, bool readOnly) {
  Prepared p;
  llvm::Expected<std::vector<FolderMigration>> folder = readFolder(dir);
  if (!folder)
    return folder.takeError();
  p.folder = std::move(*folder);
  llvm::Expected<db::DatabaseURL> parsed = db::parseDatabaseURL(url);
  if (!parsed)
    return classify(Kind::Connection, parsed.takeError());
  // Reading a SQLite file that is not there yet: everything is pending
  // (and no empty file is left behind).
  if (readOnly && parsed->dialect == ir::Dialect::SQLite &&
      parsed->path != ":memory:" && !llvm::sys::fs::exists(parsed->path)) {
    p.report.migrations = mergeStates(p.folder, {});
    return p;
  }
  db::ConnectOptions connect;
  connect.createSQLiteFile = !readOnly;
  llvm::Expected<std::unique_ptr<db::Connection>> conn =
      db::connect(*parsed, connect);
  if (!conn)
    return classify(Kind::Connection, conn.takeError());
  p.conn = std::move(*conn);
  // Like the application's own connections: keys enforced while migrating.
  if (p.conn->getDialect() == ir::Dialect::SQLite)
    if (auto e = p.conn->execute("PRAGMA foreign_keys = ON"))
      return classify(Kind::Database, std::move(e));
  p.history.emplace(*p.conn, options);
  if (!readOnly) {
    llvm::Expected<DatabaseLock> lock = DatabaseLock::acquire(
        *p.conn, p.history->getTableName(), options.lockTimeoutMs);
    if (!lock)
      return classify(Kind::Database, lock.takeError());
    p.lock.emplace(std::move(*lock));
    if (auto e = p.history->create())
      return classify(Kind::Database, std::move(e));
  }
  llvm::Expected<bool> exists = p.history->exists();
  if (!exists)
    return classify(Kind::Database, exists.takeError());
  if (!*exists) {
    p.report.migrations = mergeStates(p.folder, {});
    return p;
  }
  if (auto e = p.reload())
    return e;
  return p;
}

llvm::Expected<MigrateReport> applyPending(Prepared &p,
                                           const MigrateOptions &options) {
  if (options.target && !p.find(*options.target))
    return makeError(Kind::Refused, "--to " + *options.target +
                                        ": the folder has no such migration");
  // Refuse before applying anything.
  std::vector<const FolderMigration *> pending;
  llvm::StringMap<bool> outOfOrder;
  for (const FolderMigration &m : p.folder) {
    const MigrationState &s = *p.state(m.name);
    switch (s.status) {
    case MigrationState::Status::Failed:
      return makeError(
          Kind::Refused,
          "migration " + m.name + " did not finish (" +
              std::to_string(s.statementsRun) +
              " statements ran, no transaction could undo them): fix the "
              "database, then run `schemac migrate resolve --applied " +
              m.name + "` or `--rolled-back " + m.name + "`");
    case MigrationState::Status::Modified:
      if (!options.allowModified)
        return makeError(Kind::Refused,
                         "migration " + m.name +
                             " was applied, but its migration.sql changed "
                             "since (--allow-modified accepts the new file)");
      if (!options.dryRun)
        if (auto e = p.conn->execute(p.history->updateSQL(
                {m.name, m.checksum, "applied", "", s.appliedAt, s.durationMs,
                 s.statementsRun})))
          return classify(Kind::Database, std::move(e));
      break;
    case MigrationState::Status::Pending:
      if (!options.target || m.name <= *options.target) {
        pending.push_back(&m);
        outOfOrder[m.name] = s.outOfOrder;
        if (options.strictOrder && s.outOfOrder)
          return makeError(Kind::Refused,
                           "migration " + m.name +
                               " is older than the newest applied one and "
                               "--strict-order refuses to apply it");
      }
      break;
    default:
      break;
    }
  }
  if (options.dryRun || !p.conn) {
    for (const FolderMigration *m : pending)
      p.report.applied.push_back({m->name, 0, outOfOrder.lookup(m->name)});
    return std::move(p.report);
  }
  Run runner(*p.conn, options, p.report, outOfOrder);
  if (options.transactions == TransactionMode::All) {
    if (auto e = runner.applyAll(pending))
      return classify(Kind::Database, std::move(e));
  } else {
    for (const FolderMigration *m : pending)
      if (auto e = runner.apply(*m))
        return classify(Kind::Database, std::move(e));
  }
  if (auto e = p.reload())
    return e;
  return std::move(p.report);
}

} // namespace

llvm::Expected<MigrateReport> schemac::migrate(StringRef url, StringRef dir,
                                               const MigrateOptions &options) {
  llvm::Expected<Prepared> p = prepare(url, dir, options, options.dryRun);
  if (!p)
    return p.takeError();
  return applyPending(*p, options);
}

llvm::Expected<MigrateReport>
schemac::getMigrationStatus(StringRef url, StringRef dir,
                            const MigrateOptions &options) {
  llvm::Expected<Prepared> p = prepare(url, dir, options, /*readOnly=*/true);
  if (!p)
    return p.takeError();
  return std::move(p->report);
}

llvm::Expected<MigrateReport>
schemac::resolveMigration(StringRef url, StringRef dir, StringRef name,
                          bool applied, const MigrateOptions &options) {
  llvm::Expected<Prepared> p = prepare(url, dir, options, /*readOnly=*/false);
  if (!p)
    return p.takeError();
  MigrationState *s = p->state(name);
  if (!s || s->status != MigrationState::Status::Failed)
    return makeError(Kind::Refused, "migration " + name +
                                        " is not recorded as failed: there "
                                        "is nothing to resolve");
  const FolderMigration *m = p->find(name);
  std::string sql;
  if (!applied)
    sql = p->history->deleteSQL(name);
  else if (!m)
    return makeError(Kind::Refused, "migration " + name +
                                        " is not in the folder: it can only "
                                        "be resolved --rolled-back");
  else
    sql = p->history->updateSQL({m->name, m->checksum, "applied", "",
                                 currentTimestamp(), s->durationMs,
                                 s->statementsRun});
  if (auto e = p->conn->execute(sql))
    return classify(Kind::Database, std::move(e));
  p->report.applied.push_back({name.str(), 0, false});
  if (auto e = p->reload())
    return e;
  return std::move(p->report);
}

llvm::Expected<MigrateReport>
schemac::baselineMigrations(StringRef url, StringRef dir, StringRef name,
                            const MigrateOptions &options) {
  llvm::Expected<Prepared> p = prepare(url, dir, options, /*readOnly=*/false);
  if (!p)
    return p.takeError();
  if (!p->find(name))
    return makeError(Kind::Refused,
                     "baseline " + name + ": the folder has no such migration");
  std::string now = currentTimestamp();
  for (const FolderMigration &m : p->folder) {
    if (m.name > name)
      break;
    if (p->state(m.name)->status != MigrationState::Status::Pending)
      continue;
    // Recorded as applied without running: the database already holds it.
    if (auto e = p->conn->execute(p->history->insertSQL(
            {m.name, m.checksum, "applied", now, now, 0, 0})))
      return classify(Kind::Database, std::move(e));
    p->report.applied.push_back({m.name, 0, false});
  }
  if (auto e = p->reload())
    return e;
  return std::move(p->report);
}

llvm::Expected<MigrateReport>
schemac::revertMigrations(StringRef url, StringRef dir, unsigned steps,
                          const MigrateOptions &options) {
  llvm::Expected<Prepared> p = prepare(url, dir, options, options.dryRun);
  if (!p)
    return p.takeError();
  std::vector<const FolderMigration *> applied;
  for (const MigrationState &s : p->report.migrations) {
    if (s.status == MigrationState::Status::Failed)
      return makeError(Kind::Refused, "migration " + s.name +
                                          " did not finish: resolve it first");
    if (s.status == MigrationState::Status::Applied ||
        s.status == MigrationState::Status::Modified) {
      const FolderMigration *m = p->find(s.name);
      if (!m)
        return makeError(Kind::Refused, "migration " + s.name +
                                            " is applied but no longer in "
                                            "the folder: its down.sql is gone");
      applied.push_back(m);
    }
  }
  std::reverse(applied.begin(), applied.end());
  if (applied.size() > steps)
    applied.resize(steps);
  if (options.dryRun || !p->conn) {
    for (const FolderMigration *m : applied)
      p->report.applied.push_back({m->name, 0, false});
    return std::move(p->report);
  }
  llvm::StringMap<bool> none;
  Run runner(*p->conn, options, p->report, none);
  for (const FolderMigration *m : applied)
    if (auto e = runner.revert(*m, dir))
      return classify(Kind::Database, std::move(e));
  if (auto e = p->reload())
    return e;
  return std::move(p->report);
}

llvm::Error schemac::applyScript(db::Connection &conn, StringRef name,
                                 StringRef script) {
  if (conn.getDialect() == ir::Dialect::SQLite)
    if (auto e = conn.execute("PRAGMA foreign_keys = ON"))
      return e;
  MigrateOptions options;
  MigrateReport report;
  llvm::StringMap<bool> none;
  Run runner(conn, options, report, none);
  FolderMigration m;
  m.name = name.str();
  m.sql = script.str();
  return runner.applyUnrecorded(m);
}
