/* ind_observe.h — what the model says about a published observation, computed
 * exactly from the cumulative stocks: a year's value is C(y+1) - C(y), a
 * sub-year period's is C(b) - C(a), with C the cumulative production value Q
 * (or value added V) of one sector or of all. */
#ifndef IND_OBSERVE_H
#define IND_OBSERVE_H

#include <stddef.h>

#include "ind_scenario.h"

#define IND_OBS_MAX_TIMES 4

/* The cumulative value of var for sector (or IND_TOTAL) at time t. */
typedef double (*ind_cum_fn)(void *ud, int sector, int var, double t);

/* Instant of month m (0..12) of year y: y + m/12. The one place it is computed. */
double ind_obs_time(int year, double month);
/* The instants whose cumulative values the observation needs; returns count. */
int ind_obs_times(const ind_observation *o, double out[IND_OBS_MAX_TIMES]);
/* The model's value of the observed quantity. */
double ind_obs_model_value(const ind_observation *o, ind_cum_fn cum, void *ud);
/* Length of the observed period in months (12 per year for levels and growth). */
double ind_obs_months(const ind_observation *o);
/* "growth 2006 (non_state)", "6 months 2007 y/y (total)" into buf. */
const char *ind_obs_describe(const ind_observation *o, const ind_scenario *sc, char *buf, size_t n);
/* The words of such a label, so that one function writes it in any language
 * (ind_obs_words_en here; the output layer has the Vietnamese ones). */
typedef struct ind_obs_words {
  const char *total, *value_added, *level, *growth, *avg_growth; /* "total", "value added ", "level ", ... */
  const char *first_months, *months, *months_year, *year_on_year; /* " months ", "months ", " ", " y/y" */
} ind_obs_words;
extern const ind_obs_words ind_obs_words_en;
const char *ind_obs_describe_in(const ind_observation *o, const ind_scenario *sc, const ind_obs_words *w, char *buf,
                                size_t n);

#endif
