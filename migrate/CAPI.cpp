//===- CAPI.cpp - the C API over schemac::migrate -------------------------===//

#include "schemac/Migrate.h"
#include "schemac/schemac.h"
#include <new>

struct schemac_result {
  std::string error;
  std::vector<std::string> applied;
};

using namespace schemac;

void schemac_migrate_options_init(schemac_migrate_options *options) {
  if (!options)
    return;
  MigrateOptions defaults;
  options->transactions = SCHEMAC_TX_EACH;
  options->allow_modified = 0;
  options->strict_order = 0;
  options->dry_run = 0;
  options->target = nullptr;
  options->lock_timeout_ms = static_cast<unsigned long>(defaults.lockTimeoutMs);
  options->history_schema = nullptr;
  options->history_table = nullptr;
}

static int getErrorCode(const llvm::ErrorInfoBase &e) {
  if (e.isA<MigrateError>()) {
    switch (static_cast<const MigrateError &>(e).kind) {
    case MigrateError::Kind::Folder:
      return SCHEMAC_ERROR_FOLDER;
    case MigrateError::Kind::Connection:
      return SCHEMAC_ERROR_CONNECTION;
    case MigrateError::Kind::Lock:
      return SCHEMAC_ERROR_LOCK;
    case MigrateError::Kind::Refused:
      return SCHEMAC_ERROR_REFUSED;
    case MigrateError::Kind::Database:
      return SCHEMAC_ERROR_DATABASE;
    }
  }
  if (e.isA<MigrationError>())
    return SCHEMAC_ERROR_STATEMENT;
  return SCHEMAC_ERROR_DATABASE;
}

int schemac_migrate(const char *url, const char *dir,
                    const schemac_migrate_options *options,
                    schemac_result **result) {
  auto *out = new (std::nothrow) schemac_result;
  if (result)
    *result = out;
  if (!url || !dir) {
    if (out)
      out->error = "schemac_migrate: url and dir must not be NULL";
    return SCHEMAC_ERROR_FOLDER;
  }
  MigrateOptions opts;
  if (options) {
    opts.transactions =
        options->transactions == SCHEMAC_TX_ALL    ? TransactionMode::All
        : options->transactions == SCHEMAC_TX_NONE ? TransactionMode::None
                                                   : TransactionMode::Each;
    opts.allowModified = options->allow_modified != 0;
    opts.strictOrder = options->strict_order != 0;
    opts.dryRun = options->dry_run != 0;
    if (options->target)
      opts.target = options->target;
    opts.lockTimeoutMs = options->lock_timeout_ms;
    if (options->history_schema)
      opts.historySchema = options->history_schema;
    if (options->history_table)
      opts.historyTable = options->history_table;
  }
  llvm::Expected<MigrateReport> report = migrate(url, dir, opts);
  int code = SCHEMAC_OK;
  if (!report) {
    llvm::handleAllErrors(report.takeError(),
                          [&](const llvm::ErrorInfoBase &e) {
                            code = getErrorCode(e);
                            if (out)
                              out->error = e.message();
                          });
  } else if (out) {
    for (const AppliedMigration &m : report->applied)
      out->applied.push_back(m.name);
  }
  if (!result)
    delete out;
  return code;
}

const char *schemac_result_error(const schemac_result *result) {
  return result && !result->error.empty() ? result->error.c_str() : nullptr;
}

size_t schemac_result_applied_count(const schemac_result *result) {
  return result ? result->applied.size() : 0;
}

const char *schemac_result_applied_name(const schemac_result *result,
                                        size_t index) {
  if (!result || index >= result->applied.size())
    return nullptr;
  return result->applied[index].c_str();
}

void schemac_result_free(schemac_result *result) { delete result; }
