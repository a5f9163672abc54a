/* fuzz_csvread.c — libFuzzer target for the CSV reader (engine/input/
 * ind_csvread.h): any bytes, with and without comment lines, must parse or be
 * refused with a message, never crash, read out of bounds or leak. A table
 * that parses must hold nrows * ncols NUL-terminated fields whose record lines
 * rise, and every field must be at most as long as the input.
 * Seeds: tests/fuzz/corpus/fuzz_csvread/. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ind_csvread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_table(const ind_csv_rows *t, size_t size) {
  if (t->nrows < 1 || t->ncols < 1 || t->ncols > IND_CSV_MAX_COLS) abort();
  for (int i = 0; i < t->nrows; i++) {
    if (t->lines[i] < 1 || (i > 0 && t->lines[i] <= t->lines[i - 1])) abort();
    for (int j = 0; j < t->ncols; j++) {
      const char *s = ind_csv_get(t, i, j);
      if (!s || strlen(s) > size) abort();
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  for (int flags = 0; flags <= IND_CSV_COMMENTS; flags += IND_CSV_COMMENTS) {
    ind_csv_rows t;
    ind_err err = {0};
    ind_status st = ind_csv_parse((const char *)data, size, "fuzz.csv", flags, &t, &err);
    if (st == IND_OK) {
      check_table(&t, size);
      ind_csv_rows_free(&t);
    } else if (st != IND_EINVAL || err.msg[0] == '\0' || t.cells || t.store || t.lines) {
      abort(); /* a refusal is IND_EINVAL with a message and nothing left allocated */
    }
  }
  return 0;
}
