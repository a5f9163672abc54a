/* ind_labels.h — the fixed texts of plots in Vietnamese and English, as data,
 * and how a label reads in the chosen language ("vi", "en", or "both": "vi / en"). */
#ifndef IND_LABELS_H
#define IND_LABELS_H

#include <stddef.h>

#include "ind_err.h"

typedef enum { IND_LANG_VI, IND_LANG_EN, IND_LANG_BOTH } ind_lang;

typedef enum {
  IND_L_YEAR,
  IND_L_OBSERVED,       /* legend of observations with their error bars */
  IND_L_MODEL,          /* legend of the model's value of an observation */
  IND_L_TOTAL,
  IND_L_HISTORY,
  IND_L_PROJECTION,
  IND_L_PV_TITLE,       /* top panel of the projection */
  IND_L_COMPARE_TITLE,
  IND_L_GAIN,           /* gain over the baseline, % */
  IND_L_GAIN_PP,        /* difference from the baseline, percentage points */
  IND_L_PCT,            /* unit: % */
  IND_L_PP,             /* unit: percentage points */
  IND_L_MEDIAN,         /* fan charts: the median line */
  IND_L_MEAN,           /* the mean line */
  IND_L_BAND_90,        /* the 5–95 % band */
  IND_L_BAND_50,        /* the 25–75 % band */
  IND_L_OBS_MEDIAN,     /* the median over the draws of the model's value of an observation */
  IND_L_GAIN_OVER,      /* followed by the baseline's title */
  IND_L_BASELINE,       /* the baseline, when it has no title */
  IND_L_PV_GAIN,        /* production value gain, in bn VND */
  IND_L_PV_GAIN_PCT,    /* production value gain, in % */
  IND_L_DRAWS,          /* after a number of Monte Carlo draws */
  IND_L_FAILED,         /* after a number of failed draws */
  IND_L_SOBOL_FIRST,    /* what-if charts: a series of first-order Sobol indices */
  IND_L_SOBOL_TOTAL,    /* a series of total-order Sobol indices */
  IND_L_SOBOL_INDEX,    /* the axis of Sobol indices */
  IND_L_BCR,            /* the axis of benefit-cost ratios */
  IND_L_INTERACTION,    /* a waterfall's bar for what policies add together */
  IND_L_INPUT_LOW,      /* tornado: the output with the input at its low quantile */
  IND_L_INPUT_HIGH,     /* and at its high quantile */
  IND_L_ALL_MEDIAN,     /* the centre line: every input at its median */
  IND_L_TOP_SWINGS,     /* after a number of inputs drawn: "... with the largest swing" */
  IND_L_OF,             /* before the number of inputs given: "(of 45)" */
  IND_NLABELS
} ind_label_id;

/* A pair of texts: Vietnamese and English. */
typedef struct ind_label {
  const char *vi, *en;
} ind_label;

/* Parses "vi", "en" or "both" (NULL: both). */
ind_status ind_lang_parse(const char *s, ind_lang *out, ind_err *err);

/* The fixed label id; NULL texts if id is out of range. */
ind_label ind_label_get(ind_label_id id);

/* The fixed label called name ("total", "sobol_first", "interaction", ...:
 * the enum's names without IND_L_, in lower case), or -1; lets scripts title
 * their charts with the engine's texts. */
int ind_label_find(const char *name);

/* The name and the unit of an annual variable (ind_var), e.g. "Tăng trưởng
 * giá trị sản xuất" / "Growth of production value" and "%/năm" / "%/yr"; a
 * fraction's unit is %. Falls back to the variable's CSV name and unit when the
 * table has no entry. */
ind_label ind_var_name_label(int var);
ind_label ind_var_unit_label(int var);

/* The unit of var with the price basis of constant-price money ("tỷ đồng,
 * giá 1994" / "bn VND, 1994 prices" for basis "1994 prices"; NULL or "":
 * constant prices); other variables as ind_var_unit_label. The texts are
 * written into buf (n bytes, half for each language). */
ind_label ind_var_unit_label_basis(int var, const char *basis, char *buf, size_t n);

/* Writes the label in lang into buf: one language, or "vi<sep>en" for both
 * ("vi" alone when both texts are the same). Returns buf. */
const char *ind_label_format(ind_label l, ind_lang lang, const char *sep, char *buf, size_t n);

/* An observation's label in lang: Vietnamese for IND_LANG_VI ("tăng trưởng
 * bình quân 2001-2005 (tổng)"), else ind_obs_describe's English (files keep
 * the English one). Returns buf. */
struct ind_observation;
struct ind_scenario;
const char *ind_obs_label(const struct ind_observation *o, const struct ind_scenario *sc, ind_lang lang, char *buf,
                          size_t n);

#endif
