/* ind_fsout.h — safe file output: creating output folders, writing a file
 * atomically (a temporary file beside the target, renamed over it only when
 * complete, so an interrupted run never leaves a half-written file under the
 * final name) and turning a scenario name into a safe folder name. */
#ifndef IND_FSOUT_H
#define IND_FSOUT_H

#include <stddef.h>
#include <stdio.h>

#include "ind_err.h"

/* Creates dir and every missing parent (like `mkdir -p`); a dir that already
 * exists is fine, a non-directory in the way is IND_EIO. */
ind_status ind_mkdir_p(const char *dir, ind_err *err);

/* Creates a new empty file "<folder of path>/<prefix><base of path>.tmp.XXXXXX"
 * with mkstemp (prefix "" or "." for a hidden one). Returns its name (malloc'd,
 * caller frees) and, if fd is not NULL, its open descriptor (else closes it). */
char *ind_temp_beside(const char *path, const char *prefix, int *fd, ind_err *err);

/* An atomic writer: write to fp, then commit or abort. */
typedef struct ind_afile {
  FILE *fp;    /* write here; NULL when the writer is not open */
  char *path;  /* the target */
  char *tmp;   /* the temporary file beside it */
} ind_afile;

/* Opens a temporary file beside path (mode 0644) for writing. */
ind_status ind_afile_open(ind_afile *af, const char *path, ind_err *err);
/* Flushes (with fsync if sync), closes and renames the temporary file over the
 * target. On any failure, including an earlier write error, removes the
 * temporary file and leaves the target as it was. Always closes af. */
ind_status ind_afile_commit(ind_afile *af, int sync, ind_err *err);
/* Closes and removes the temporary file; the target is untouched. Safe to call
 * on a closed or zeroed writer. */
void ind_afile_abort(ind_afile *af);

/* Writes the whole of one file with fn through an atomic writer. fn returns
 * IND_OK or a status it set in err (write errors are detected at commit).
 * flags: IND_WRITE_SYNC (fsync before the rename), IND_WRITE_BOM (the file
 * starts with the UTF-8 byte-order mark, for spreadsheets that want one). */
typedef ind_status (*ind_write_fn)(FILE *f, const void *ud, ind_err *err);
enum { IND_WRITE_SYNC = 1, IND_WRITE_BOM = 2 };
ind_status ind_write_file(const char *path, ind_write_fn fn, const void *ud, int flags, ind_err *err);

/* A file-system-safe folder name for a scenario name into out (n >= 2 bytes):
 * ASCII letters, digits, '-', '_' and '.' are kept; space becomes '_', '%'
 * becomes "pct"; a Latin letter with diacritics becomes its base letter (Đ→D,
 * ậ→a), combining accents are dropped; anything else becomes '_' (never two in a
 * row). A leading '.' becomes '_', so the result is never "." or ".." or hidden;
 * it never contains '/' and is never empty ("scenario" then). Returns out. */
const char *ind_file_safe_name(const char *name, char *out, size_t n);

#endif
