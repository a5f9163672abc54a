/* ind_shock.h — the year-to-year shocks of a scenario (ind_scenario.h,
 * docs/model.md §2.5) as random paths and as a distribution: a draw fills
 * each shock's path from its own stream; the calibration asks for the mean
 * and covariance of the path's coordinates (one per shock, year and shocked
 * sector) to account for the variance shocks add to each observation. */
#ifndef IND_SHOCK_H
#define IND_SHOCK_H

#include <gsl/gsl_rng.h>

#include "ind_scenario.h"

/* Fills s->path from rng (seeded by the caller from the shock's key): per
 * year a common normal, one normal per sector (every sector, shocked or not,
 * so the layout never depends on the mask), then two uniforms for the
 * downturn (whether one starts, its size): 3 + nsectors numbers a year.
 * x[y][i] = phi·x[y−1][i] + sqrt(1 − phi²)·sd[i]·(√r·c + √(1 − r)·e[i]),
 * x[0][i] = sd[i]·(...), so x is stationary with sd sd[i] and correlation r
 * between sectors; path = x minus the sizes of the downturns under way. */
void ind_shock_fill_path(const ind_scenario *sc, ind_shock *s, gsl_rng *rng);

/* Coordinates of the paths for years first_year..last (the years that can
 * move an observation up to `last`): shock-major, then year, then shocked
 * sector. */
int ind_shock_ncoords(const ind_scenario *sc, int last);
/* The path entry of coordinate c. */
double *ind_shock_coord(ind_scenario *sc, int last, int c);
/* Mean (nc) and covariance (nc × nc, row-major) of the coordinates under the
 * shocks' current numbers: the AR(1) part has mean 0 and covariance
 * sd_i·sd_j·phi^|y−y'|·(i == j ? 1 : r); a downturn adds, for each year it
 * may start in, mean −p·E[D] and variance p·E[D²] − (p·E[D])² to every year
 * it lasts into, in every shocked sector alike. */
void ind_shock_moments(const ind_scenario *sc, int last, double *mean, double *cov);

#endif
