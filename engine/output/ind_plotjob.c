/* ind_plotjob.c — the steps every chart shares: options, folder, template,
 * script, rendering. */
#include "ind_plotjob.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "embed.h"
#include "ind_fsout.h"
#include "ind_gnuplot.h"
#include "ind_gpscript.h"

extern const ind_embedded_file ind_embedded_plots[]; /* generated from plots/<kind>.gp */

typedef struct plot_settings {
  const char *format, *gnuplot;
  ind_lang lang;
} plot_settings;

static ind_status read_settings(const ind_plot_opts *o, plot_settings *s, ind_err *err) {
  s->format = o && o->format ? o->format : "png";
  s->gnuplot = o && o->gnuplot && *o->gnuplot ? o->gnuplot : "gnuplot";
  if (strcmp(s->format, "png") != 0 && strcmp(s->format, "svg") != 0)
    return ind_err_set(err, IND_EINVAL, "unknown plot format '%s' (expected png or svg)", s->format);
  return ind_lang_parse(o ? o->lang : NULL, &s->lang, err);
}

/* A stem names a file in dir: not empty, no '/', no control character. */
static ind_status check_stem(const char *stem, ind_err *err) {
  int ok = stem && *stem && strcmp(stem, ".") != 0 && strcmp(stem, "..") != 0;
  for (const char *p = stem; ok && *p; p++) ok = *p != '/' && (unsigned char)*p >= 0x20 && *p != 0x7F;
  return ok ? IND_OK : ind_err_set(err, IND_EINVAL, "bad plot name '%s' (a file name, without '/')",
                                   stem ? stem : "");
}

static char *read_whole(FILE *f) {
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  while (buf) {
    len += fread(buf + len, 1, cap - 1 - len, f);
    if (len < cap - 1) break;
    char *grown = realloc(buf, cap *= 2);
    if (!grown) free(buf);
    buf = grown;
  }
  if (buf && ferror(f)) {
    free(buf);
    return NULL;
  }
  if (buf) buf[len] = '\0';
  return buf;
}

/* *text: the file's text (malloc'd), or NULL when it does not exist. */
static ind_status read_template_file(const char *path, char **text, ind_err *err) {
  FILE *f = fopen(path, "r");
  *text = NULL;
  if (!f) return errno == ENOENT ? IND_OK : ind_err_set(err, IND_EIO, "cannot read template '%s': %s", path, strerror(errno));
  *text = read_whole(f);
  fclose(f);
  return *text ? IND_OK : ind_err_set(err, IND_EIO, "cannot read template '%s'", path);
}

static ind_status embedded_template(const char *name, char **text, ind_err *err) {
  const ind_embedded_file *e = ind_embedded_find(ind_embedded_plots, name);
  if (!e) return ind_err_set(err, IND_EINVAL, "no plot template '%s'", name);
  if (!(*text = malloc(e->size + 1))) return ind_err_set(err, IND_ENOMEM, "out of memory");
  memcpy(*text, e->data, e->size + 1);
  return IND_OK;
}

/* The text of template kind.gp (malloc'd): from dir if it has the file, else
 * the embedded copy. */
static ind_status load_template(const char *dir, const char *kind, char **text, ind_err *err) {
  char path[4096], name[64];
  snprintf(name, sizeof name, "%s.gp", kind);
  *text = NULL;
  if (dir && *dir) {
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
      return ind_err_set(err, IND_EINVAL, "template folder name too long");
    ind_status st = read_template_file(path, text, err);
    if (st || *text) return st;
  }
  return embedded_template(name, text, err);
}

/* dir/stem.ext, malloc'd. */
static char *join_path(const char *dir, const char *stem, const char *ext) {
  size_t n = strlen(dir) + strlen(stem) + strlen(ext) + 3;
  char *p = malloc(n);
  if (p) snprintf(p, n, "%s/%s.%s", dir, stem, ext);
  return p;
}

typedef struct script_ctx {
  const ind_plot_job *job;
  const plot_settings *s;
  const char *template_text;
} script_ctx;

static ind_status write_script(FILE *f, const void *ud, ind_err *err) {
  const script_ctx *c = ud;
  ind_gp_head head = {c->job->stem, c->job->kind, c->s->format, c->job->width, c->job->height};
  (void)err;
  ind_gp_write_head(f, &head);
  c->job->data(f, c->job->ud, c->s->lang);
  fprintf(f, "\n# ---- template plots/%s.gp ----\n", c->job->kind);
  fputs(c->template_text, f);
  size_t n = strlen(c->template_text);
  if (n && c->template_text[n - 1] != '\n') fputc('\n', f);
  fputs("set output # close the image\n", f);
  return IND_OK;
}

ind_status ind_plot_job_run(const ind_plot_job *job, const ind_plot_opts *opts, ind_err *err) {
  plot_settings s;
  char *text = NULL, *script = NULL, *image = NULL;
  ind_status st = read_settings(opts, &s, err);
  if (!st) st = check_stem(job->stem, err);
  if (!st && (!job->dir || !*job->dir)) st = ind_err_set(err, IND_EINVAL, "no output folder for plot '%s'", job->stem);
  if (!st) st = ind_mkdir_p(job->dir, err);
  if (!st) st = load_template(opts ? opts->template_dir : NULL, job->kind, &text, err);
  if (st) goto done;
  script = join_path(job->dir, job->stem, "gp");
  image = join_path(job->dir, job->stem, s.format);
  if (!script || !image) {
    st = ind_err_set(err, IND_ENOMEM, "out of memory");
    goto done;
  }
  script_ctx ctx = {job, &s, text};
  st = ind_write_file(script, write_script, &ctx, 0, err);
  if (!st) st = ind_gnuplot_render(s.gnuplot, script, image, err);
done:
  free(text);
  free(script);
  free(image);
  return st;
}

const char *ind_plot_scenario_title(const ind_scenario *sc) {
  return sc->title && *sc->title ? sc->title : sc->name;
}

const char *ind_plot_sector_title(const ind_scenario *sc, int i) {
  if (sc->sector_titles[i] && *sc->sector_titles[i]) return sc->sector_titles[i];
  return sc->sector_names[i] ? sc->sector_names[i] : "";
}
