/* ind_gpscript.h — writing gnuplot script text safely: strings, variables,
 * arrays, numbers, inline datablocks and the generated header every plot
 * script starts with. Used by ind_plot.c; not needed by other callers.
 *
 * Text safety: a text reaches gnuplot only as a string expression made of
 * single-quoted literals (a quote in the text is spliced in as "\047", see
 * ind_gpscript.c), with control characters and invalid UTF-8 replaced. gnuplot
 * does no backslash, backquote (`cmd`) or macro (@name) processing inside
 * single quotes, and the terminals are set `noenhanced`, so a title like
 *   x' ; system('touch /tmp/pwned') ; y='     or   a `touch /tmp/pwned2` @macro
 * is printed literally and runs nothing (checked with gnuplot 5.4: no file is
 * created, the title shows verbatim). */
#ifndef IND_GPSCRIPT_H
#define IND_GPSCRIPT_H

#include <stdio.h>

#include "ind_err.h"
#include "ind_labels.h"

/* Writes s as a gnuplot string expression: 'text', or 'it' . "\047" . 's' when
 * it holds a quote; control characters (C0, DEL, C1, U+2028/9) become spaces,
 * invalid UTF-8 bytes become '?'. Usable wherever gnuplot takes an expression. */
void ind_gp_string(FILE *f, const char *s);

/* s as an exact gnuplot string expression (malloc'd), for file names: quotes
 * as in ind_gp_string, every other byte kept; a control character is refused
 * (IND_EINVAL) since it cannot be kept exactly. */
char *ind_gp_quote_exact(const char *s, ind_err *err);

/* `var = '<s>'` */
void ind_gp_set_string(FILE *f, const char *var, const char *s);
/* `var = <s>` where each newline of s breaks the text into lines (written as
 * 'line 1' . "\n" . 'line 2'); for titles. Otherwise as ind_gp_set_string. */
void ind_gp_set_text(FILE *f, const char *var, const char *s);
/* `var = '<label in lang>'`; with lang both and two_lines, vi and en go on two
 * lines (for long axis labels), else "vi / en". */
void ind_gp_set_label(FILE *f, const char *var, ind_label l, ind_lang lang, int two_lines);
/* A fixed label and the variable that holds it. */
typedef struct ind_gp_fixed {
  const char *var;
  ind_label_id id;
} ind_gp_fixed;
/* ind_gp_set_label for each of t[0..n-1], on one line ("vi / en"). */
void ind_gp_set_fixed(FILE *f, const ind_gp_fixed *t, size_t n, ind_lang lang);
/* `array var[n]` and `var[i] = '<s[i-1]>'` for i = 1..n (n >= 1; NULL becomes ''). */
void ind_gp_set_strings(FILE *f, const char *var, int n, const char *const *s);
/* `var[i] = '<s>'`: one element of an array declared with `array var[n]`. */
void ind_gp_set_element(FILE *f, const char *var, int i, const char *s);
/* Lines s takes when broken at spaces into lines at most width columns wide
 * (a longer word keeps a line to itself: never cut); *widest gets the widest
 * line's columns. */
int ind_gp_wrap(const char *s, size_t width, size_t *widest);
/* `var[i] = <s broken as ind_gp_wrap breaks it, the lines joined by newlines>`:
 * an element of an array declared with `array var[n]` (tic labels). */
void ind_gp_set_wrapped(FILE *f, const char *var, int i, const char *s, size_t width);
/* `var = <x>` with x as in ind_gp_number. */
void ind_gp_set_number(FILE *f, const char *var, double x);

/* x as %.10g, or NaN (gnuplot leaves such a point out and breaks the line). */
void ind_gp_number(FILE *f, double x);
/* `$name << EOD` ... `EOD`: only numbers go between them. */
void ind_gp_block_begin(FILE *f, const char *name);
void ind_gp_block_end(FILE *f);

/* What the generated header of a plot script needs. */
typedef struct ind_gp_head {
  const char *stem;   /* the script is stem.gp; the image stem.<fmt> by default */
  const char *kind;   /* template name: projection, compare, lines */
  const char *format; /* "png" or "svg" */
  int width, height;  /* pixels */
} ind_gp_head;

/* The header: encoding, the format and output file as overridable variables
 * (gnuplot -e "fmt='svg'; outfile='x.svg'" stem.gp), the terminal (pngcairo or
 * svg, DejaVu Sans 11, noenhanced), `set output outfile`, and the canvas size
 * in pixels as plot_width and plot_height for templates that lay out by hand. */
void ind_gp_write_head(FILE *f, const ind_gp_head *h);

#endif
