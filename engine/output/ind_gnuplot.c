/* ind_gnuplot.c — gnuplot as a child process: spawn without a shell, collect
 * stderr through a pipe, wait, rename the finished image into place. */
#include "ind_gnuplot.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ind_fsout.h"
#include "ind_gpscript.h"

extern char **environ;

#define ERR_KEEP 2048 /* bytes of gnuplot's error output kept for the message */

/* Starts prog with stderr on a pipe; *fd receives the pipe's read end. */
static ind_status spawn(char *const argv[], pid_t *pid, int *fd, ind_err *err) {
  int p[2];
  posix_spawn_file_actions_t fa;
  if (pipe(p) != 0) return ind_err_set(err, IND_EEXTERNAL, "cannot make a pipe: %s", strerror(errno));
  fcntl(p[0], F_SETFD, FD_CLOEXEC); /* dup2 below clears it on the child's fd 2 */
  fcntl(p[1], F_SETFD, FD_CLOEXEC);
  int rc = posix_spawn_file_actions_init(&fa);
  if (!rc) rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  if (!rc) rc = posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  if (!rc) rc = posix_spawn_file_actions_adddup2(&fa, p[1], 2);
  if (!rc) rc = posix_spawnp(pid, argv[0], &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(p[1]);
  if (!rc) {
    *fd = p[0];
    return IND_OK;
  }
  close(p[0]);
  if (rc == ENOENT || rc == EACCES || rc == ENOTDIR) /* argv[3]: the script */
    return ind_err_set(err, IND_EEXTERNAL, "gnuplot not found ('%s': %s); plot not rendered, script kept: %s",
                       argv[0], strerror(rc), argv[3]);
  return ind_err_set(err, IND_EEXTERNAL, "cannot start '%s': %s", argv[0], strerror(rc));
}

/* Reads fd to its end, keeping the first n - 1 bytes in buf. */
static void drain(int fd, char *buf, size_t n) {
  size_t len = 0;
  char chunk[512];
  for (;;) {
    ssize_t got = read(fd, chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    size_t take = (size_t)got < n - 1 - len ? (size_t)got : n - 1 - len;
    memcpy(buf + len, chunk, take);
    len += take;
  }
  buf[len] = '\0';
}

/* 1 if the k bytes at s are only blanks and gnuplot's caret (^) under an error. */
static int is_filler(const char *s, size_t k) {
  return strspn(s, " \t^\r") >= k;
}

/* The first few meaningful lines of text, joined by " | ", into out. */
static void first_lines(const char *text, char *out, size_t n, int maxlines) {
  size_t len = 0;
  out[0] = '\0';
  for (int lines = 0; *text && lines < maxlines;) {
    size_t k = strcspn(text, "\n");
    if (!is_filler(text, k)) {
      int w = snprintf(out + len, n - len, "%s%.*s", lines ? " | " : "", (int)k, text);
      if (w < 0 || (size_t)w >= n - len) break;
      len += (size_t)w;
      lines++;
    }
    text += k + (text[k] == '\n');
  }
}

static ind_status wait_child(pid_t pid, const char *prog, const char *errtext, ind_err *err) {
  int status = 0;
  char msg[400];
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return ind_err_set(err, IND_EEXTERNAL, "lost track of '%s': %s", prog, strerror(errno));
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return IND_OK;
  first_lines(errtext, msg, sizeof msg, 4);
  if (WIFSIGNALED(status))
    return ind_err_set(err, IND_EEXTERNAL, "'%s' killed by signal %d: %s", prog, WTERMSIG(status), msg);
  return ind_err_set(err, IND_EEXTERNAL, "'%s' failed (exit %d): %s", prog, WEXITSTATUS(status),
                     *msg ? msg : "no message");
}

ind_status ind_gnuplot_run(const char *prog, const char *script, const char *outfile, ind_err *err) {
  char *quoted = ind_gp_quote_exact(outfile, err);
  if (!quoted) return err ? err->code : IND_EINVAL;
  size_t n = strlen(quoted) + sizeof "outfile=";
  char *assign = malloc(n), *path = malloc(strlen(script) + 3);
  ind_status st = IND_OK;
  if (!assign || !path) {
    st = ind_err_set(err, IND_ENOMEM, "out of memory");
    goto done;
  }
  snprintf(assign, n, "outfile=%s", quoted);
  sprintf(path, "%s%s", script[0] == '-' ? "./" : "", script); /* never read as an option */
  char *argv[] = {(char *)(prog ? prog : "gnuplot"), "-e", assign, path, NULL};
  pid_t pid = 0;
  int fd = -1;
  if ((st = spawn(argv, &pid, &fd, err))) goto done;
  char errtext[ERR_KEEP];
  drain(fd, errtext, sizeof errtext);
  close(fd);
  st = wait_child(pid, argv[0], errtext, err);
done:
  free(quoted);
  free(assign);
  free(path);
  return st;
}

ind_status ind_gnuplot_render(const char *prog, const char *script, const char *image, ind_err *err) {
  struct stat sb;
  char *tmp = ind_temp_beside(image, ".", NULL, err);
  if (!tmp) return err ? err->code : IND_EIO;
  chmod(tmp, 0644); /* mkstemp made it 0600; gnuplot truncates it and keeps the mode */
  ind_status st = ind_gnuplot_run(prog, script, tmp, err);
  if (!st && (stat(tmp, &sb) != 0 || sb.st_size == 0))
    st = ind_err_set(err, IND_EEXTERNAL, "gnuplot wrote no image for '%s'", image);
  if (!st && rename(tmp, image) != 0)
    st = ind_err_set(err, IND_EIO, "cannot write '%s': %s", image, strerror(errno));
  if (st) unlink(tmp);
  free(tmp);
  return st;
}

static int is_executable(const char *path) {
  struct stat sb;
  return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && access(path, X_OK) == 0;
}

int ind_gnuplot_found(const char *prog) {
  char path[4096];
  if (!prog || !*prog) prog = "gnuplot";
  if (strchr(prog, '/')) return is_executable(prog);
  const char *dirs = getenv("PATH");
  if (!dirs) dirs = "/usr/bin:/bin";
  for (const char *p = dirs;; p += strcspn(p, ":") + 1) {
    int n = (int)strcspn(p, ":"); /* an empty entry means the current folder */
    if (snprintf(path, sizeof path, "%.*s%s%s", n, p, n ? "/" : "./", prog) < (int)sizeof path &&
        is_executable(path))
      return 1;
    if (!p[n]) return 0;
  }
}
