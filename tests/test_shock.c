/* test_shock.c — growth that slows and year-to-year shocks (ind_shock.h,
 * docs/model.md §2.4–2.5): the model against closed forms, the drawn paths
 * against their stated distribution, ind_shock_moments against the paths'
 * sample moments, and the ensemble's use of them (thread-count identity,
 * common random numbers, measurement error, plausible ranges). */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "ensemble_fixture.h"
#include "ind_draw.h"
#include "ind_ensemble.h"
#include "ind_shock.h"

/* ---- growth that slows -------------------------------------------------- */

/* n(t) = n_long + (n0 − n_long)·e^(−λ(t − t0)), so
 * L(t) = L0·exp(n_long·τ + (n0 − n_long)(1 − e^(−λτ))/λ), τ = t − t0;
 * the same for g in Z (the TFP index, M held constant). */
static void test_convergence(void) {
  ind_scenario *sc = quiet_scenario(2000, 2030, 1);
  if (!CHECK(sc)) return;
  set_param(sc, 0, IND_P_N, 0.08);
  set_param(sc, 0, IND_P_N_LONG, 0.02);
  set_param(sc, 0, IND_P_N_SPEED, 0.1);
  set_param(sc, 0, IND_P_G, 0.03);
  set_param(sc, 0, IND_P_G_LONG, -0.01);
  set_param(sc, 0, IND_P_G_SPEED, 0.25);
  ind_result *r = run_or_report(sc);
  if (!CHECK(r)) return;
  double L0 = ind_scenario_get(sc, 0, IND_P_EMPLOYMENT0);
  for (int y = 2000; y <= 2030; y += 5) {
    double tau = y + 1.0 - 2000;
    double L = L0 * exp(0.02 * tau + (0.08 - 0.02) * (1 - exp(-0.1 * tau)) / 0.1);
    double Z = exp(-0.01 * tau + (0.03 + 0.01) * (1 - exp(-0.25 * tau)) / 0.25);
    CHECK_REL(ind_result_get(r, y, 0, IND_V_EMPLOYMENT), L, 1e-7);
    CHECK_REL(ind_result_get(r, y, 0, IND_V_TFP_INDEX), Z, 1e-7);
  }
  ind_result_free(r);
  /* a speed without a long-run rate is refused */
  set_param(sc, 0, IND_P_GF_SPEED, 0.1);
  ind_err err = {0};
  CHECK(ind_scenario_validate(sc, &err) == IND_EINVAL);
  CHECK_HAS(err.msg, "gF_speed > 0 needs gF_long");
  ind_scenario_free(sc);
}

/* ---- a shock path moves the rate year by year ---------------------------- */

static ind_shock *add_g_shock(ind_scenario *sc, double sd, double phi, double r) {
  ind_err err = {0};
  uint64_t all = (((uint64_t)1) << sc->nsectors) - 1;
  ind_shock *s = ind_scenario_add_shock(sc, "shocks.g", IND_P_G, all, NULL, 1, &err);
  if (!CHECK(s)) {
    fprintf(stderr, "    %s\n", err.msg);
    return NULL;
  }
  for (int i = 0; i < sc->nsectors; i++) s->sd[i] = sd;
  s->persistence = phi;
  s->correlation = r;
  return s;
}

/* With M constant the TFP index is Z, and Z(y + 1)/Z(y) = exp(g + path[y]):
 * the index at the end of year y is exp(Σ_{k <= y} (g + path_k)). */
static void test_path_in_model(void) {
  ind_scenario *sc = quiet_scenario(2000, 2009, 2);
  if (!CHECK(sc)) return;
  sc->solver.rtol = 1e-11; /* a jump read from the wrong side would err by ~h·0.01, far above 1e-9 */
  set_param(sc, 0, IND_P_G, 0.02);
  set_param(sc, 1, IND_P_G, 0.01);
  ind_shock *s = add_g_shock(sc, 0.02, 0.5, 0.3);
  if (!s) return;
  for (int y = 0; y < 10; y++) {
    s->path[y * 2 + 0] = 0.01 * ((y % 3) - 1);
    s->path[y * 2 + 1] = -0.005 * y;
  }
  ind_result *r = run_or_report(sc);
  if (!CHECK(r)) return;
  double lz0 = 0, lz1 = 0;
  for (int y = 0; y < 10; y++) {
    lz0 += 0.02 + s->path[y * 2 + 0];
    lz1 += 0.01 + s->path[y * 2 + 1];
    CHECK_REL(ind_result_get(r, 2000 + y, 0, IND_V_TFP_INDEX), exp(lz0), 1e-9);
    CHECK_REL(ind_result_get(r, 2000 + y, 1, IND_V_TFP_INDEX), exp(lz1), 1e-9);
  }
  ind_result_free(r);
  /* medians (a single run) put the path back to zero */
  ind_err err = {0};
  CHECK(ind_scenario_apply_medians(sc, &err) == IND_OK);
  r = run_or_report(sc);
  if (CHECK(r)) CHECK_REL(ind_result_get(r, 2009, 0, IND_V_TFP_INDEX), exp(0.2), 1e-9);
  ind_result_free(r);
  ind_scenario_free(sc);
}

/* ---- drawn paths and their moments -------------------------------------- */

/* Sample moments of N paths against ind_shock_moments: every mean within 5
 * standard errors, every covariance within 5 of its own (var of a product of
 * two normals: (c_aa c_bb + c_ab²)/N), downturns included. */
static void test_moments(void) {
  ind_scenario *sc = quiet_scenario(2000, 2007, 2);
  if (!CHECK(sc)) return;
  ind_err err = {0};
  ind_dist size = uniform(0.02, 0.08);
  ind_shock *s = ind_scenario_add_shock(sc, "shocks.g", IND_P_G, 3, &size, 2, &err);
  if (!CHECK(s)) return;
  s->sd[0] = 0.02, s->sd[1] = 0.03;
  s->persistence = 0.6, s->correlation = 0.4, s->down_p = 0.1;
  int nc = ind_shock_ncoords(sc, 2007);
  CHECK_EQ_LONG(nc, 16);
  double *mean = calloc((size_t)nc, sizeof *mean), *cov = calloc((size_t)nc * nc, sizeof *cov);
  double *sum = calloc((size_t)nc, sizeof *sum), *sum2 = calloc((size_t)nc * nc, sizeof *sum2);
  gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
  if (!CHECK(mean && cov && sum && sum2 && rng)) return;
  ind_shock_moments(sc, 2007, mean, cov);
  const long N = 200000;
  for (long d = 0; d < N; d++) {
    ind_shock_fill_path(sc, s, rng);
    for (int a = 0; a < nc; a++) {
      double xa = *ind_shock_coord(sc, 2007, a);
      sum[a] += xa;
      for (int b = 0; b < nc; b++) sum2[a * nc + b] += xa * *ind_shock_coord(sc, 2007, b);
    }
  }
  int bad_mean = 0, bad_cov = 0;
  for (int a = 0; a < nc; a++) {
    double m = sum[a] / N;
    if (fabs(m - mean[a]) > SIGMAS * sqrt(cov[a * nc + a] / N)) bad_mean++;
    for (int b = 0; b < nc; b++) {
      double c = sum2[a * nc + b] / N - (sum[a] / N) * (sum[b] / N);
      double se = sqrt((cov[a * nc + a] * cov[b * nc + b] + cov[a * nc + b] * cov[a * nc + b]) / N);
      if (fabs(c - cov[a * nc + b]) > SIGMAS * se * 1.5) bad_cov++; /* 1.5: downturns make the tails heavier */
    }
  }
  CHECK_EQ_LONG(bad_mean, 0);
  CHECK_EQ_LONG(bad_cov, 0);
  /* by hand: year 0 has variance sd² + the one downturn start that reaches it,
   * p·E[D²] − (p·E[D])² with E[D] = 0.05, E[D²] = 0.05² + 0.06²/12 */
  double ed2 = 0.0025 + 0.0036 / 12;
  CHECK_REL(cov[0], 0.0004 + 0.1 * ed2 - 0.1 * 0.1 * 0.0025, 1e-12);
  CHECK_REL(mean[0], -0.1 * 0.05, 1e-12);  /* year 0: one start (itself) */
  CHECK_REL(mean[2], -2 * 0.1 * 0.05, 1e-12); /* year 1 of sector 1 (coordinates by year, then sector): two starts */
  /* sectors 1 and 2 in the same year: r·sd1·sd2 + the downturn part */
  CHECK_REL(cov[0 * nc + 1], 0.4 * 0.02 * 0.03 + 0.1 * ed2 - 0.1 * 0.1 * 0.0025, 1e-12);
  /* sector 1, years 0 and 3 (coordinates 0 and 6): phi³·sd², no common downturn (2 years long) */
  CHECK_REL(cov[0 * nc + 6], 0.6 * 0.6 * 0.6 * 0.0004, 1e-12);
  gsl_rng_free(rng);
  free(mean), free(cov), free(sum), free(sum2);
  ind_scenario_free(sc);
}

/* ---- ensembles ---------------------------------------------------------- */

/* A scenario with an uncertain g, a shock to g, an observation and a
 * plausible range on the TFP index. */
static ind_scenario *shocked_scenario(void) {
  ind_scenario *sc = exact_scenario("shocked", "g");
  if (!sc) return NULL;
  add_g_shock(sc, 0.02, 0.5, 0.0);
  ind_observation o = {IND_OBS_GROWTH, IND_TOTAL, IND_V_PRODUCTION_VALUE, 2005, 2005, 0, 12, 0.03, 0.01, NULL};
  ind_err err = {0};
  CHECK(ind_scenario_add_obs(sc, &o, &err) == IND_OK);
  ind_plausible p = {IND_V_TFP_INDEX, -1, IND_TOTAL, 0.0, 1.3, 0.0, T0, "tfp <= 1.3"};
  CHECK(ind_scenario_add_plausible(sc, &p, &err) == IND_OK);
  return sc;
}

static ind_ensemble *run_ensemble(const ind_scenario *sc, const ind_scenario *base, long n, int threads, int params_only) {
  ind_ensemble_opts o = {0};
  o.n = n, o.seed = 11, o.threads = threads, o.params_only = params_only;
  ind_ensemble *e = NULL;
  ind_err err = {0};
  if (!CHECK(ind_ensemble_run(sc, base, &o, &e, &err) == IND_OK)) fprintf(stderr, "    %s\n", err.msg);
  return e;
}

static void test_ensembles(void) {
  ind_scenario *sc = shocked_scenario(), *copy = shocked_scenario();
  if (!CHECK(sc && copy)) return;
  free(copy->name);
  copy->name = strdup("copy");
  const long N = 3000;
  ind_ensemble *e1 = run_ensemble(sc, copy, N, 1, 0), *e3 = run_ensemble(sc, copy, N, 3, 0);
  ind_ensemble *ep = run_ensemble(sc, NULL, N, 2, 1);
  if (!CHECK(e1 && e3 && ep)) return;
  ind_stats a, b, g, p;
  ind_err err = {0};
  /* the same bits for any thread count */
  CHECK(ind_ensemble_stats(e1, IND_SET_LEVEL, T1, IND_TOTAL, IND_V_PRODUCTION_VALUE, &a, &err) == IND_OK);
  CHECK(ind_ensemble_stats(e3, IND_SET_LEVEL, T1, IND_TOTAL, IND_V_PRODUCTION_VALUE, &b, &err) == IND_OK);
  CHECK(same_bits(a.mean, b.mean) && same_bits(a.sd, b.sd) && same_bits(a.q[0], b.q[0]) && same_bits(a.q[4], b.q[4]));
  /* common random numbers: the copy draws the same shocks, so every gain is 0 */
  CHECK(ind_ensemble_stats(e1, IND_SET_GAIN, T1, IND_TOTAL, IND_V_PRODUCTION_VALUE, &g, &err) == IND_OK);
  CHECK_SAME(g.q[0], 0.0);
  CHECK_SAME(g.q[4], 0.0);
  /* the shocks widen the band: log TFP in T1 has variance Var(Σ_y (g + x_y)) over
   * 11 years: the uniform's (GB − GA)²/12·11² plus the AR(1) sum's
   * sd²·Σ_{y,z} φ^|y−z|; with the parameters only, just the first */
  CHECK(ind_ensemble_stats(e1, IND_SET_LEVEL, T1, IND_TOTAL, IND_V_TFP_INDEX, &a, &err) == IND_OK);
  CHECK(ind_ensemble_stats(ep, IND_SET_LEVEL, T1, IND_TOTAL, IND_V_TFP_INDEX, &p, &err) == IND_OK);
  double ar = 0.0;
  for (int y = 0; y < 11; y++)
    for (int z = 0; z < 11; z++) ar += pow(0.5, abs(y - z));
  double vu = (GB - GA) * (GB - GA) / 12 * 121, vs = 0.0004 * ar;
  /* sd of the log of the index from the sd of the index: the index is near 1.3, lognormal-ish; compare
   * the sd ratio, which the log-scale variances give to first order */
  CHECK_REL(a.sd / p.sd, sqrt((vu + vs) / vu), 0.1);
  /* measurement error: the observation's sd over the draws is at least its se;
   * with the parameters only it is the model's spread alone */
  ind_stats oa, op;
  CHECK(ind_ensemble_obs_stats(e1, 0, &oa, &err) == IND_OK);
  CHECK(ind_ensemble_obs_stats(ep, 0, &op, &err) == IND_OK);
  CHECK(oa.sd > 0.01 && oa.sd > op.sd);
  /* the plausible range: TFP index <= 1.3 in every year is broken exactly when the
   * index at the end of T1 (it only grows without shocks) exceeds 1.3: with the
   * parameters only, exp(11 g) > 1.3, i.e. g > ln(1.3)/11, a share
   * (GB − ln 1.3/11)/(GB − GA) of the uniform */
  double share = (GB - log(1.3) / 11) / (GB - GA);
  long n = ind_ensemble_draws(ep);
  CHECK_ABS((double)ind_ensemble_implausible(ep, 0) / n, share, SIGMAS * sqrt(share * (1 - share) / n));
  CHECK_EQ_LONG(ind_ensemble_implausible(ep, -1), ind_ensemble_implausible(ep, 0));
  ind_ensemble_free(e1), ind_ensemble_free(e3), ind_ensemble_free(ep);
  ind_scenario_free(sc), ind_scenario_free(copy);
}

int main(void) {
  gsl_set_error_handler_off();
  test_convergence();
  test_path_in_model();
  test_moments();
  test_ensembles();
  return check_summary("test_shock");
}
