/* ind_gpscript.c — safe gnuplot script text: quoting, variables, datablocks,
 * the generated header. */
#include "ind_gpscript.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ind_utf8.h"

static int is_control(unsigned cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

/* A quote inside the text closes the single-quoted run and is spliced in as the
 * octal escape of a double-quoted string: 'it' . "\047" . 's'. Doubling it is
 * the documented way, but gnuplot 5.4's scanner mis-reads a doubled quote right
 * after the opening quote or next to another one (a text starting with a quote,
 * or holding two in a row, breaks the script), and a bare "'" would throw off
 * its macro scanner, which flips its "inside single quotes" state on every
 * quote, even inside double quotes, and would then expand @name after it. */
static void put_quote(FILE *f) { fputs("' . \"\\047\" . '", f); }

/* s[0..n) as ind_gp_string writes s; n ends s at a code point. */
static void put_string(FILE *f, const char *s, size_t n) {
  const char *end = s + n;
  unsigned cp;
  fputc('\'', f);
  while (s < end) {
    int k = ind_utf8_decode(s, &cp);
    if (cp == '\'') put_quote(f);
    else if (is_control(cp)) fputc(' ', f);
    else if (cp == IND_UTF8_BAD && k == 1) fputc('?', f);
    else fwrite(s, 1, (size_t)k, f);
    s += k;
  }
  fputc('\'', f);
}

void ind_gp_string(FILE *f, const char *s) { put_string(f, s, s ? strlen(s) : 0); }

/* Columns of s[0..n). */
static size_t width_n(const char *s, size_t n) {
  size_t w = 0;
  unsigned cp;
  for (const char *end = s + n; s < end;) {
    s += ind_utf8_decode(s, &cp);
    w += !ind_utf8_is_combining(cp);
  }
  return w;
}

/* Breaks s greedily at spaces into lines at most width columns wide and, when
 * f is not NULL, writes them as one string expression joined by newlines.
 * Returns the number of lines; *widest gets the widest line's columns. */
static int wrap(FILE *f, const char *s, size_t width, size_t *widest) {
  const char *p = s ? s : "", *line, *line_end;
  size_t line_w = 0;
  int lines = 0;
  *widest = 0;
  while (*p == ' ') p++;
  line = line_end = p;
  for (;;) {
    const char *w = p;
    while (*p && *p != ' ') p++;
    size_t ww = width_n(w, (size_t)(p - w));
    int last = !*p && w == p;
    if (last || (line_end > line && line_w + 1 + ww > width)) {
      if (f && lines) fputs(" . \"\\n\" . ", f); /* ours, a newline */
      if (f) put_string(f, line, (size_t)(line_end - line));
      if (line_w > *widest) *widest = line_w;
      lines++;
      if (last) return lines;
      line = w;
      line_w = ww;
    } else {
      line_w += (line_end > line) + ww;
    }
    line_end = p;
    while (*p == ' ') p++;
  }
}

int ind_gp_wrap(const char *s, size_t width, size_t *widest) { return wrap(NULL, s, width, widest); }

void ind_gp_set_wrapped(FILE *f, const char *var, int i, const char *s, size_t width) {
  size_t widest;
  fprintf(f, "%s[%d] = ", var, i);
  wrap(f, s, width, &widest);
  fputc('\n', f);
}

char *ind_gp_quote_exact(const char *s, ind_err *err) {
  char *q = NULL;
  size_t n = 0;
  for (const char *p = s; *p; p++)
    if ((unsigned char)*p < 0x20 || *p == 0x7F) {
      ind_err_set(err, IND_EINVAL, "file name with a control character cannot be passed to gnuplot");
      return NULL;
    }
  FILE *f = open_memstream(&q, &n);
  if (!f) {
    ind_err_set(err, IND_ENOMEM, "out of memory");
    return NULL;
  }
  fputc('\'', f);
  for (const char *p = s; *p; p++) {
    if (*p == '\'') put_quote(f);
    else fputc(*p, f);
  }
  fputc('\'', f);
  if (fclose(f) != 0) {
    free(q);
    ind_err_set(err, IND_ENOMEM, "out of memory");
    return NULL;
  }
  return q;
}

void ind_gp_set_string(FILE *f, const char *var, const char *s) {
  fprintf(f, "%s = ", var);
  ind_gp_string(f, s);
  fputc('\n', f);
}

void ind_gp_set_text(FILE *f, const char *var, const char *s) {
  const char *p = s ? s : "";
  fprintf(f, "%s = ", var);
  for (;;) {
    const char *nl = strchr(p, '\n');
    put_string(f, p, nl ? (size_t)(nl - p) : strlen(p));
    if (!nl) break;
    fputs(" . \"\\n\" . ", f); /* the one double-quoted string: ours, a newline */
    p = nl + 1;
  }
  fputc('\n', f);
}

void ind_gp_set_label(FILE *f, const char *var, ind_label l, ind_lang lang, int two_lines) {
  char buf[512];
  if (lang != IND_LANG_BOTH || !two_lines || strcmp(l.vi, l.en) == 0) {
    ind_gp_set_string(f, var, ind_label_format(l, lang, " / ", buf, sizeof buf));
    return;
  }
  fprintf(f, "%s = ", var);
  ind_gp_string(f, l.vi);
  fputs(" . \"\\n\" . ", f); /* the one double-quoted string: ours, a newline */
  ind_gp_string(f, l.en);
  fputc('\n', f);
}

void ind_gp_set_fixed(FILE *f, const ind_gp_fixed *t, size_t n, ind_lang lang) {
  for (size_t i = 0; i < n; i++) ind_gp_set_label(f, t[i].var, ind_label_get(t[i].id), lang, 0);
}

void ind_gp_set_element(FILE *f, const char *var, int i, const char *s) {
  fprintf(f, "%s[%d] = ", var, i);
  ind_gp_string(f, s ? s : "");
  fputc('\n', f);
}

void ind_gp_set_strings(FILE *f, const char *var, int n, const char *const *s) {
  fprintf(f, "array %s[%d]\n", var, n);
  for (int i = 0; i < n; i++) ind_gp_set_element(f, var, i + 1, s[i]);
}

void ind_gp_number(FILE *f, double x) {
  if (isfinite(x)) fprintf(f, "%.10g", x);
  else fputs("NaN", f);
}

void ind_gp_set_number(FILE *f, const char *var, double x) {
  fprintf(f, "%s = ", var);
  ind_gp_number(f, x);
  fputc('\n', f);
}

void ind_gp_block_begin(FILE *f, const char *name) { fprintf(f, "$%s << EOD\n", name); }

void ind_gp_block_end(FILE *f) { fputs("EOD\n", f); }

void ind_gp_write_head(FILE *f, const ind_gp_head *h) {
  fprintf(f, "# %s.gp — generated by indsim: the data of one plot, then the drawing commands\n"
             "# of the template plots/%s.gp. Re-render with: gnuplot %s.gp\n"
             "# (or gnuplot -e \"fmt='svg'\" %s.gp; outfile='name' sets the file).\n",
          h->stem, h->kind, h->stem, h->stem);
  fputs("set encoding utf8\nif (!exists(\"fmt\")) fmt = ", f);
  ind_gp_string(f, h->format);
  fputs("\nif (!exists(\"outfile\")) outfile = ", f);
  ind_gp_string(f, h->stem);
  fputs(" . '.' . fmt\n", f);
  fprintf(f, "if (fmt eq 'svg') {\n"
             "  set terminal svg size %d,%d dynamic font 'DejaVu Sans,11' noenhanced background rgb 'white'\n"
             "} else {\n"
             "  set terminal pngcairo size %d,%d font 'DejaVu Sans,11' noenhanced background rgb 'white'\n"
             "}\n"
             "set output outfile\n"
             "plot_width = %d\nplot_height = %d\n\n",
          h->width, h->height, h->width, h->height, h->width, h->height);
}
