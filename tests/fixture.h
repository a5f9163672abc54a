/* fixture.h — scenarios for the C unit tests: a "quiet" scenario in which no
 * stock moves (every rate zero), so that each test switches on only the terms
 * whose closed form it checks; and running one with its error printed. */
#ifndef FIXTURE_H
#define FIXTURE_H

#include <stdio.h>

#include "ind_run.h"
#include "ind_scenario.h"

/* Sectors named s1, s2, ..., all parameters at their defaults except the
 * rates, which are zero: K, L, H, M, Z, G, v and E stay where they start. */
static inline ind_scenario *quiet_scenario(int first_year, int last_year, int nsectors) {
  static const int rates[] = {IND_P_S, IND_P_BS, IND_P_DS, IND_P_F0, IND_P_BF, IND_P_GF, IND_P_G,
                              IND_P_DV, IND_P_DELTA, IND_P_N, IND_P_R, IND_P_RHO, IND_P_P, IND_P_Q,
                              IND_P_K, IND_P_OMEGA};
  ind_err err = {0};
  ind_scenario *sc = ind_scenario_new("quiet", first_year, last_year, nsectors, &err);
  if (!sc) {
    fprintf(stderr, "fixture: %s\n", err.msg);
    return NULL;
  }
  /* the tests' tolerances (1e-7) are 10 times this rtol; they do not follow the engine's default */
  sc->solver.method = IND_RKF45;
  sc->solver.rtol = 1e-8;
  for (int i = 0; i < nsectors; i++) {
    char name[16];
    snprintf(name, sizeof name, "s%d", i + 1);
    if (ind_scenario_set_sector(sc, i, name, NULL, &err)) {
      fprintf(stderr, "fixture: %s\n", err.msg);
      ind_scenario_free(sc);
      return NULL;
    }
    for (size_t j = 0; j < sizeof rates / sizeof *rates; j++) *ind_scenario_param(sc, i, rates[j]) = 0.0;
  }
  return sc;
}

static inline void set_param(ind_scenario *sc, int sector, int param, double value) {
  *ind_scenario_param(sc, sector, param) = value;
}

/* ind_run, printing the error on failure; NULL then. */
static inline ind_result *run_or_report(const ind_scenario *sc) {
  ind_err err = {0};
  ind_result *r = NULL;
  if (ind_run(sc, &r, &err)) {
    fprintf(stderr, "ind_run(%s) failed: %s\n", sc->name, err.msg);
    return NULL;
  }
  return r;
}

#endif
