/* ensemble_fixture.h — what test_draw.c and test_ensemble.c share: the
 * exact case's constants (test_ensemble.c explains them), distributions and
 * uncertain numbers built by hand, and a bit-for-bit comparison. */
#ifndef ENSEMBLE_FIXTURE_H
#define ENSEMBLE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "ind_scenario.h"

#define T0 2000
#define T1 2010
#define X0 1000.0   /* output0's default */
#define GA 0.01     /* g ~ uniform(GA, GB) */
#define GB 0.05
#define ODE_TOL 1e-6
#define SIGMAS 5.0
#define ALPHA 0.005 /* the ensemble's default sketch accuracy */

static const ind_target TARGET_G = {IND_T_PARAM, 0, IND_P_G};

static inline ind_dist uniform(double lo, double hi) {
  ind_dist d = {0};
  d.kind = IND_DIST_UNIFORM;
  d.a = lo;
  d.b = hi;
  return d;
}

static inline ind_dist normal(double mean, double sd) {
  ind_dist d = {0};
  d.kind = IND_DIST_NORMAL;
  d.a = mean;
  d.b = sd;
  return d;
}

static inline void add_unc(ind_scenario *sc, const char *key, ind_target t, ind_dist d) {
  ind_err err = {0};
  if (!CHECK(ind_scenario_add_uncertain(sc, key, &t, 1, &d, &err) == IND_OK)) fprintf(stderr, "    %s\n", err.msg);
}

/* The exact case: g ~ uniform(GA, GB) under the key `key`. */
static inline ind_scenario *exact_scenario(const char *name, const char *key) {
  ind_scenario *sc = quiet_scenario(T0, T1, 1);
  if (!sc) return NULL;
  free(sc->name);
  sc->name = strdup(name);
  add_unc(sc, key, TARGET_G, uniform(GA, GB));
  return sc;
}

static inline int same_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

#endif
