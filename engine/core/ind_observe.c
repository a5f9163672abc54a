/* ind_observe.c — observations of every period kind, from cumulative stocks. */
#include "ind_observe.h"

#include <math.h>
#include <stdio.h>

#include "ind_var.h"

double ind_obs_time(int year, double month) { return (double)year + month / 12.0; }

int ind_obs_times(const ind_observation *o, double out[IND_OBS_MAX_TIMES]) {
  switch (o->kind) {
  case IND_OBS_LEVEL:
    out[0] = o->year0;
    out[1] = o->year0 + 1;
    return 2;
  case IND_OBS_GROWTH:
    out[0] = o->year0 - 1;
    out[1] = o->year0;
    out[2] = o->year0 + 1;
    return 3;
  case IND_OBS_AVG_GROWTH:
    out[0] = o->year0 - 1;
    out[1] = o->year0;
    out[2] = o->year1;
    out[3] = o->year1 + 1;
    return 4;
  case IND_OBS_PERIOD_GROWTH:
    out[0] = ind_obs_time(o->year0 - 1, o->m0);
    out[1] = ind_obs_time(o->year0 - 1, o->m1);
    out[2] = ind_obs_time(o->year0, o->m0);
    out[3] = ind_obs_time(o->year0, o->m1);
    return 4;
  }
  return 0;
}

static double flow(const ind_observation *o, ind_cum_fn cum, void *ud, double a, double b) {
  return cum(ud, o->sector, o->var, b) - cum(ud, o->sector, o->var, a);
}

static double year_value(const ind_observation *o, ind_cum_fn cum, void *ud, int y) {
  return flow(o, cum, ud, y, y + 1);
}

double ind_obs_model_value(const ind_observation *o, ind_cum_fn cum, void *ud) {
  switch (o->kind) {
  case IND_OBS_LEVEL:
    return year_value(o, cum, ud, o->year0);
  case IND_OBS_GROWTH:
    return year_value(o, cum, ud, o->year0) / year_value(o, cum, ud, o->year0 - 1) - 1.0;
  case IND_OBS_AVG_GROWTH: {
    double ratio = year_value(o, cum, ud, o->year1) / year_value(o, cum, ud, o->year0 - 1);
    return pow(ratio, 1.0 / (o->year1 - o->year0 + 1)) - 1.0;
  }
  case IND_OBS_PERIOD_GROWTH: {
    double now = flow(o, cum, ud, ind_obs_time(o->year0, o->m0), ind_obs_time(o->year0, o->m1));
    double before = flow(o, cum, ud, ind_obs_time(o->year0 - 1, o->m0), ind_obs_time(o->year0 - 1, o->m1));
    return now / before - 1.0;
  }
  }
  return NAN;
}

double ind_obs_months(const ind_observation *o) {
  if (o->kind == IND_OBS_PERIOD_GROWTH) return o->m1 - o->m0;
  if (o->kind == IND_OBS_AVG_GROWTH) return 12.0 * (o->year1 - o->year0 + 1);
  return 12.0;
}

const ind_obs_words ind_obs_words_en = {"total", "value added ", "level ", "growth ", "avg growth ",
                                        " months ", "months ", " ", " y/y"};

const char *ind_obs_describe_in(const ind_observation *o, const ind_scenario *sc, const ind_obs_words *w, char *buf,
                                size_t n) {
  const char *who = o->sector == IND_TOTAL ? w->total : sc->sector_names[o->sector];
  const char *what = o->var == IND_V_VALUE_ADDED ? w->value_added : "";
  switch (o->kind) {
  case IND_OBS_LEVEL: snprintf(buf, n, "%s%s%d (%s)", what, w->level, o->year0, who); break;
  case IND_OBS_GROWTH: snprintf(buf, n, "%s%s%d (%s)", what, w->growth, o->year0, who); break;
  case IND_OBS_AVG_GROWTH: snprintf(buf, n, "%s%s%d-%d (%s)", what, w->avg_growth, o->year0, o->year1, who); break;
  case IND_OBS_PERIOD_GROWTH:
    if (o->m0 == 0)
      snprintf(buf, n, "%s%g%s%d%s (%s)", what, o->m1, w->first_months, o->year0, w->year_on_year, who);
    else
      snprintf(buf, n, "%s%s%g-%g%s%d%s (%s)", what, w->months, o->m0 + 1, o->m1, w->months_year, o->year0,
               w->year_on_year, who);
    break;
  }
  return buf;
}

const char *ind_obs_describe(const ind_observation *o, const ind_scenario *sc, char *buf, size_t n) {
  return ind_obs_describe_in(o, sc, &ind_obs_words_en, buf, n);
}
