/*===- schemac/schemac.h - the C API of the runtime migrator --------------===*
 *
 * For applications in languages other than C++ that migrate at start-up:
 *
 *   schemac_migrate_options options;
 *   schemac_migrate_options_init(&options);
 *   schemac_result *result = NULL;
 *   if (schemac_migrate("sqlite:app.db", "migrations", &options, &result)) {
 *     fprintf(stderr, "migrate: %s\n", schemac_result_error(result));
 *   }
 *   schemac_result_free(result);
 *
 * Strings a result returns belong to it and live until
 * schemac_result_free. Every function is safe to call with a NULL result.
 *
 *===----------------------------------------------------------------------===*/
#ifndef SCHEMAC_SCHEMAC_H
#define SCHEMAC_SCHEMAC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
  SCHEMAC_TX_EACH = 0, /* one transaction per migration (default) */
  SCHEMAC_TX_ALL = 1,  /* one transaction for the run (not MySQL) */
  SCHEMAC_TX_NONE = 2  /* none: statements commit one by one */
};

/* Why schemac_migrate failed (0: it did not). */
enum {
  SCHEMAC_OK = 0,
  SCHEMAC_ERROR_FOLDER = 1,     /* unreadable folder, schemac.sum mismatch */
  SCHEMAC_ERROR_CONNECTION = 2, /* the database cannot be reached */
  SCHEMAC_ERROR_LOCK = 3,       /* another run held the lock too long */
  SCHEMAC_ERROR_REFUSED = 4,    /* modified or unfinished migrations, order */
  SCHEMAC_ERROR_STATEMENT = 5,  /* a migration's statement failed */
  SCHEMAC_ERROR_DATABASE = 6    /* reading or writing the history failed */
};

typedef struct schemac_migrate_options {
  int transactions;              /* SCHEMAC_TX_* */
  int allow_modified;            /* accept applied files that changed */
  int strict_order;              /* refuse out-of-order pending migrations */
  int dry_run;                   /* change nothing */
  const char *target;            /* apply up to this migration; NULL: all */
  unsigned long lock_timeout_ms; /* wait for another run's lock */
  const char *history_schema;    /* PostgreSQL; NULL: "schemac" */
  const char *history_table;     /* NULL: "__schemac_migrations" */
} schemac_migrate_options;

typedef struct schemac_result schemac_result;

/* The defaults: one transaction per migration, 60 s lock timeout. */
void schemac_migrate_options_init(schemac_migrate_options *options);

/* Applies the pending migrations of the folder `dir` to the database at
 * `url`. Returns SCHEMAC_OK or an SCHEMAC_ERROR_* code; *result (if
 * `result` is not NULL) receives the report or the error, to be freed with
 * schemac_result_free. `options` may be NULL for the defaults. */
int schemac_migrate(const char *url, const char *dir,
                    const schemac_migrate_options *options,
                    schemac_result **result);

/* The error message (password-free), or NULL after success. */
const char *schemac_result_error(const schemac_result *result);
/* The migrations this run applied (would apply, for a dry run). */
size_t schemac_result_applied_count(const schemac_result *result);
const char *schemac_result_applied_name(const schemac_result *result,
                                        size_t index);
void schemac_result_free(schemac_result *result);

#ifdef __cplusplus
}
#endif

#endif
