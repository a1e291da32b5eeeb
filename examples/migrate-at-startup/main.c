/* The same application in C, through the C API:  app_c URL MIGRATIONS_DIR */
#include "schemac/schemac.h"
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: app_c URL MIGRATIONS_DIR\n");
    return 2;
  }
  schemac_migrate_options options;
  schemac_migrate_options_init(&options);
  schemac_result *result = NULL;
  int code = schemac_migrate(argv[1], argv[2], &options, &result);
  if (code != SCHEMAC_OK) {
    fprintf(stderr, "app_c: cannot migrate the database (%d): %s\n", code,
            schemac_result_error(result));
    schemac_result_free(result);
    return 1;
  }
  for (size_t i = 0; i < schemac_result_applied_count(result); ++i)
    printf("app_c: applied %s\n", schemac_result_applied_name(result, i));
  printf("app_c: database up to date; serving\n");
  schemac_result_free(result);
  return 0;
}
