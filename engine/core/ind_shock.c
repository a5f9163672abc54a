/* ind_shock.c — shock paths (drawn) and their moments (for calibration). */
#include "ind_shock.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#define MAX_DOWN_YEARS 50 /* ind_scenario_validate holds down_years to 1..50 */

static int nyears(const ind_scenario *sc) { return sc->last_year - sc->first_year + 1; }

void ind_shock_fill_path(const ind_scenario *sc, ind_shock *s, gsl_rng *rng) {
  int ny = nyears(sc), n = sc->nsectors, len = s->down_years < MAX_DOWN_YEARS ? s->down_years : MAX_DOWN_YEARS;
  double phi = s->persistence, a = sqrt(s->correlation), b = sqrt(1.0 - s->correlation);
  double inno = sqrt(1.0 - phi * phi);
  double pending[MAX_DOWN_YEARS] = {0}; /* pending[k]: the fall of year y + k from downturns under way */
  double prev_fall = 0.0;
  for (int y = 0; y < ny; y++) {
    double *row = s->path + (size_t)y * (size_t)n;
    const double *prev = y > 0 ? row - n : NULL;
    double c = gsl_ran_gaussian_ziggurat(rng, 1.0);
    for (int i = 0; i < n; i++) {
      double z = a * c + b * gsl_ran_gaussian_ziggurat(rng, 1.0);
      if (!(s->sectors >> i & 1)) {
        row[i] = 0.0;
        continue;
      }
      row[i] = prev ? phi * (prev[i] + prev_fall) + inno * s->sd[i] * z : s->sd[i] * z; /* the AR part */
    }
    double u = gsl_rng_uniform_pos(rng), v = gsl_rng_uniform_pos(rng);
    if (s->has_downturns && u < s->down_p) {
      double size = ind_dist_quantile(&s->down_size, v);
      for (int k = 0; k < len; k++) pending[k] += size;
    }
    double fall = s->has_downturns ? pending[0] : 0.0;
    memmove(pending, pending + 1, (size_t)(MAX_DOWN_YEARS - 1) * sizeof *pending);
    pending[MAX_DOWN_YEARS - 1] = 0.0;
    for (int i = 0; i < n; i++)
      if (s->sectors >> i & 1) row[i] -= fall;
    prev_fall = fall;
  }
}

static int nshocked(const ind_shock *s, int n) {
  int k = 0;
  for (int i = 0; i < n; i++) k += (int)(s->sectors >> i & 1);
  return k;
}

static int years_to(const ind_scenario *sc, int last) {
  int ny = (last < sc->last_year ? last : sc->last_year) - sc->first_year + 1;
  return ny > 0 ? ny : 0;
}

int ind_shock_ncoords(const ind_scenario *sc, int last) {
  int nc = 0;
  for (int k = 0; k < sc->nshocks; k++) nc += years_to(sc, last) * nshocked(&sc->shocks[k], sc->nsectors);
  return nc;
}

/* The (shock, year, sector) of coordinate c; 0 if there is none. */
static int coord_of(const ind_scenario *sc, int last, int c, int *shock, int *year, int *sector) {
  int ny = years_to(sc, last);
  for (int k = 0; k < sc->nshocks; k++) {
    const ind_shock *s = &sc->shocks[k];
    int m = nshocked(s, sc->nsectors);
    if (c >= ny * m) {
      c -= ny * m;
      continue;
    }
    *shock = k, *year = c / m;
    int j = c % m;
    for (int i = 0; i < sc->nsectors; i++)
      if ((s->sectors >> i & 1) && j-- == 0) {
        *sector = i;
        return 1;
      }
  }
  return 0;
}

double *ind_shock_coord(ind_scenario *sc, int last, int c) {
  int k, y, i;
  if (!coord_of(sc, last, c, &k, &y, &i)) return NULL;
  return &sc->shocks[k].path[(size_t)y * (size_t)sc->nsectors + (size_t)i];
}

/* How many years a downturn that lasts len years may have started in and
 * still be under way in both years y and z (years from 0). */
static int overlap(int y, int z, int len) {
  int hi = y < z ? y : z, lo = (y > z ? y : z) - len + 1;
  if (lo < 0) lo = 0;
  return hi >= lo ? hi - lo + 1 : 0;
}

void ind_shock_moments(const ind_scenario *sc, int last, double *mean, double *cov) {
  int nc = ind_shock_ncoords(sc, last);
  for (int a = 0; a < nc; a++) {
    int ka, ya, ia;
    coord_of(sc, last, a, &ka, &ya, &ia);
    const ind_shock *s = &sc->shocks[ka];
    double ed = 0.0, vd = 0.0; /* mean and variance of one year's downturn start, B·D */
    if (s->has_downturns) {
      double m = ind_dist_mean(&s->down_size), e2 = ind_dist_variance(&s->down_size) + m * m;
      ed = s->down_p * m;
      vd = s->down_p * e2 - ed * ed;
    }
    mean[a] = -ed * overlap(ya, ya, s->down_years);
    for (int b = 0; b < nc; b++) {
      int kb, yb, ib;
      coord_of(sc, last, b, &kb, &yb, &ib);
      double v = 0.0;
      if (kb == ka) {
        v = s->sd[ia] * s->sd[ib] * pow(s->persistence, abs(ya - yb)) * (ia == ib ? 1.0 : s->correlation);
        v += vd * overlap(ya, yb, s->down_years);
      }
      cov[(size_t)a * (size_t)nc + (size_t)b] = v;
    }
  }
}
