/* ind_fsout.c — output folders, atomic file writing (mkstemp + rename) and
 * file-system-safe names. */
#include "ind_fsout.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ind_utf8.h"

static char *dup_text(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

static ind_status make_one(const char *path, ind_err *err) {
  struct stat st;
  if (mkdir(path, 0777) != 0 && errno != EEXIST)
    return ind_err_set(err, IND_EIO, "cannot create folder '%s': %s", path, strerror(errno));
  if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
    return ind_err_set(err, IND_EIO, "cannot create folder '%s': something else is in the way", path);
  return IND_OK;
}

ind_status ind_mkdir_p(const char *dir, ind_err *err) {
  if (!dir || !*dir) return ind_err_set(err, IND_EINVAL, "empty folder name");
  char *copy = dup_text(dir);
  if (!copy) return ind_err_set(err, IND_ENOMEM, "out of memory");
  ind_status st = IND_OK;
  for (char *p = copy + 1; *p && !st; p++) {
    if (*p != '/' || p[-1] == '/') continue;
    *p = '\0';
    st = make_one(copy, err);
    *p = '/';
  }
  if (!st) st = make_one(copy, err);
  free(copy);
  return st;
}

char *ind_temp_beside(const char *path, const char *prefix, int *fd, ind_err *err) {
  const char *slash = strrchr(path, '/');
  size_t folder = slash ? (size_t)(slash - path) + 1 : 0;
  const char *base = path + folder;
  size_t n = strlen(path) + strlen(prefix) + sizeof ".tmp.XXXXXX";
  char *tmp = malloc(n);
  if (!tmp) {
    ind_err_set(err, IND_ENOMEM, "out of memory");
    return NULL;
  }
  snprintf(tmp, n, "%.*s%s%s.tmp.XXXXXX", (int)folder, path, prefix, base);
  int d = mkstemp(tmp);
  if (d < 0) {
    ind_err_set(err, IND_EIO, "cannot create a temporary file beside '%s': %s", path, strerror(errno));
    free(tmp);
    return NULL;
  }
  if (fd) *fd = d;
  else close(d);
  return tmp;
}

ind_status ind_afile_open(ind_afile *af, const char *path, ind_err *err) {
  int fd = -1;
  memset(af, 0, sizeof *af);
  if (!path || !*path) return ind_err_set(err, IND_EINVAL, "empty file name");
  af->tmp = ind_temp_beside(path, "", &fd, err);
  if (!af->tmp) return err ? err->code : IND_EIO;
  af->path = dup_text(path);
  fchmod(fd, 0644); /* mkstemp makes 0600; output is meant to be shared */
  af->fp = af->path ? fdopen(fd, "w") : NULL;
  if (!af->fp) {
    if (af->path) ind_err_set(err, IND_EIO, "cannot write '%s': %s", path, strerror(errno));
    else ind_err_set(err, IND_ENOMEM, "out of memory");
    close(fd);
    ind_afile_abort(af);
    return err ? err->code : IND_EIO;
  }
  return IND_OK;
}

static void afile_release(ind_afile *af) {
  free(af->path);
  free(af->tmp);
  af->path = af->tmp = NULL;
}

ind_status ind_afile_commit(ind_afile *af, int sync, ind_err *err) {
  if (!af->fp) {
    ind_afile_abort(af);
    return ind_err_set(err, IND_EINVAL, "file writer not open");
  }
  errno = 0;
  int bad = ferror(af->fp) || fflush(af->fp) != 0 || (sync && fsync(fileno(af->fp)) != 0);
  int saved = errno;
  if (fclose(af->fp) != 0 && !bad) {
    bad = 1;
    saved = errno;
  }
  af->fp = NULL;
  if (!bad && rename(af->tmp, af->path) != 0) {
    bad = 1;
    saved = errno;
  }
  ind_status st = IND_OK;
  if (bad) {
    unlink(af->tmp);
    st = ind_err_set(err, IND_EIO, "cannot write '%s': %s", af->path,
                     saved ? strerror(saved) : "write error");
  }
  afile_release(af);
  return st;
}

void ind_afile_abort(ind_afile *af) {
  if (af->fp) fclose(af->fp);
  af->fp = NULL;
  if (af->tmp) unlink(af->tmp);
  afile_release(af);
}

ind_status ind_write_file(const char *path, ind_write_fn fn, const void *ud, int flags, ind_err *err) {
  ind_afile af;
  ind_status st = ind_afile_open(&af, path, err);
  if (st) return st;
  if (flags & IND_WRITE_BOM) fputs("\xEF\xBB\xBF", af.fp);
  st = fn(af.fp, ud, err);
  if (st) {
    ind_afile_abort(&af);
    return st;
  }
  return ind_afile_commit(&af, flags & IND_WRITE_SYNC, err);
}

/* Appends text to out[0..*len) within n - 1 bytes. */
static void put_text(char *out, size_t n, size_t *len, const char *text) {
  for (; *text && *len + 1 < n; text++) out[(*len)++] = *text;
}

/* What one code point becomes in a safe name. */
static const char *safe_piece(unsigned cp, char buf[2]) {
  int base = ind_utf8_base_letter(cp);
  buf[1] = '\0';
  if (ind_utf8_is_combining(cp)) return "";
  if (cp == '%') return "pct";
  if (base) buf[0] = (char)base;
  else if ((cp >= '0' && cp <= '9') || cp == '-' || cp == '_' || cp == '.') buf[0] = (char)cp;
  else buf[0] = '_';
  return buf;
}

const char *ind_file_safe_name(const char *name, char *out, size_t n) {
  size_t len = 0;
  char buf[2];
  unsigned cp;
  if (n < 2) {
    if (n) out[0] = '\0';
    return out;
  }
  for (const char *s = name ? name : ""; *s;) {
    s += ind_utf8_decode(s, &cp);
    const char *piece = safe_piece(cp, buf);
    if (piece[0] == '_' && len > 0 && out[len - 1] == '_') continue;
    put_text(out, n, &len, piece);
  }
  if (len == 0) put_text(out, n, &len, "scenario");
  out[len] = '\0';
  if (out[0] == '.') out[0] = '_';
  return out;
}
