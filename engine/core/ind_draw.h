/* ind_draw.h — one Monte Carlo draw of a scenario's uncertain numbers. Each
 * number (or joint normal) takes its value from a random stream of its own,
 * seeded from (seed, draw index, its key): the values of a draw do not depend
 * on the order of the numbers, on the thread that runs it, or on which other
 * numbers the scenario has, so a scenario and its baseline that share a key
 * get the same value in the same draw (common random numbers). */
#ifndef IND_DRAW_H
#define IND_DRAW_H

#include <stdint.h>

#include "ind_scenario.h"

typedef struct ind_drawer ind_drawer;

ind_drawer *ind_drawer_alloc(const ind_scenario *sc, ind_err *err);
void ind_drawer_free(ind_drawer *d);

/* Sets every target of every uncertain number of sc to its value in draw
 * `index`, and every shock path to zero. sc must have the structure the
 * drawer was made for. */
ind_status ind_drawer_apply(ind_drawer *d, ind_scenario *sc, uint64_t seed, uint64_t index, ind_err *err);

/* Fills every shock's path (ind_shock.h) for draw `index` from the stream of
 * its key, with the shocks' numbers as they are now (call after
 * ind_drawer_apply). Without this call a draw keeps the central path. */
void ind_drawer_apply_shocks(ind_drawer *d, ind_scenario *sc, uint64_t seed, uint64_t index);

/* A standard normal of draw `index` from the stream of key (e.g. the
 * measurement error of an observation). */
double ind_drawer_normal(ind_drawer *d, uint64_t seed, uint64_t index, const char *key);

/* Sets every target to the number's median (joint members: their mean, or
 * exp of it on a log scale, which is the median too):
 * what a single deterministic run uses; the shock paths to zero. */
ind_status ind_scenario_apply_medians(ind_scenario *sc, ind_err *err);

/* The scenario's uncertain numbers as d independent inputs u in (0, 1), for
 * sensitivity analysis: first every number outside a joint (its value is its
 * distribution's u-quantile), then the members of each joint in order (z_k =
 * Φ⁻¹(u_k), values mean + L z: input k is the part of member k not explained
 * by the members before it). */
int ind_inputs_count(const ind_scenario *sc);
const char *ind_inputs_name(const ind_scenario *sc, int k, char *buf, int n);
ind_status ind_inputs_apply(ind_scenario *sc, const double *u, ind_err *err);

/* A joint member's value from its normal value v: v, exp(v) or
 * lo + (hi − lo)·logistic(v). */
double ind_joint_value(const ind_joint *j, int k, double v);

/* The seed of the stream of `key` in draw `index` (splitmix64 of the three). */
uint64_t ind_stream_seed(uint64_t seed, uint64_t index, const char *key);

#endif
