/* test_draw.c — the random draws of uncertain numbers (ind_draw.h): one
 * stream per (seed, draw, key), so that a key gets the same value in every
 * scenario that has it (common random numbers), and joint normals with their
 * means, variances and covariance within 5 standard errors of the sample.
 * The constants and helpers are shared with test_ensemble.c
 * (ensemble_fixture.h). */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "ensemble_fixture.h"
#include "ind_draw.h"

/* ---- streams and common random numbers ---------------------------------- */

static void test_streams(void) {
  /* 3 seeds × 3 indices × 4 keys: 36 stream seeds, all different; and the
   * same inputs give the same seed */
  static const char *keys[] = {"g", "h", "g.s1", "policy.training.rate"};
  uint64_t s[36];
  int k = 0;
  for (uint64_t seed = 1; seed <= 3; seed++)
    for (uint64_t i = 0; i < 3; i++)
      for (int j = 0; j < 4; j++) s[k++] = ind_stream_seed(seed, i, keys[j]);
  int dup = 0;
  for (int a = 0; a < 36; a++)
    for (int b = a + 1; b < 36; b++) dup += s[a] == s[b];
  CHECK_EQ_LONG(dup, 0);
  CHECK(ind_stream_seed(7, 5, "g") == ind_stream_seed(7, 5, "g"));
  /* swapping seed and index must not give the same stream */
  CHECK(ind_stream_seed(1, 2, "g") != ind_stream_seed(2, 1, "g"));

  /* Common random numbers: A holds alpha (normal), g (uniform), n
   * (triangular), in this order, over two sectors; B holds delta (beta) and
   * g over one sector, g setting both g and n there. The key "g" gets the
   * same value in both, in every draw. */
  ind_err err = {0};
  ind_scenario *A = quiet_scenario(T0, T1, 2), *B = quiet_scenario(T0, T1, 1);
  if (!CHECK(A && B)) return;
  add_unc(A, "alpha.s1", (ind_target){IND_T_PARAM, 0, IND_P_ALPHA}, normal(0.5, 0.05));
  ind_target ag[2] = {{IND_T_PARAM, 0, IND_P_G}, {IND_T_PARAM, 1, IND_P_G}};
  ind_dist u = uniform(GA, GB);
  CHECK(ind_scenario_add_uncertain(A, "g", ag, 2, &u, &err) == IND_OK);
  ind_dist tri = {0};
  tri.kind = IND_DIST_TRIANGULAR, tri.a = 0.0, tri.b = 0.01, tri.c = 0.05;
  add_unc(A, "n", (ind_target){IND_T_PARAM, 1, IND_P_N}, tri);
  ind_dist be = {0};
  be.kind = IND_DIST_BETA, be.a = 2, be.b = 3, be.c = 0.0, be.d = 0.1;
  add_unc(B, "delta", (ind_target){IND_T_PARAM, 0, IND_P_DELTA}, be);
  ind_target bg[2] = {{IND_T_PARAM, 0, IND_P_N}, {IND_T_PARAM, 0, IND_P_G}};
  CHECK(ind_scenario_add_uncertain(B, "g", bg, 2, &u, &err) == IND_OK);
  ind_drawer *da = ind_drawer_alloc(A, &err), *db = ind_drawer_alloc(B, &err);
  if (!CHECK(da && db)) return;
  int same = 1, distinct = 0, in_range = 1;
  double prev = NAN;
  for (uint64_t i = 0; i < 200; i++) {
    CHECK(ind_drawer_apply(da, A, 42, i, &err) == IND_OK);
    CHECK(ind_drawer_apply(db, B, 42, i, &err) == IND_OK);
    double g = ind_scenario_get(A, 0, IND_P_G);
    same &= same_bits(g, ind_scenario_get(A, 1, IND_P_G)) && same_bits(g, ind_scenario_get(B, 0, IND_P_G)) &&
            same_bits(g, ind_scenario_get(B, 0, IND_P_N));
    in_range &= g >= GA && g <= GB;
    distinct += g != prev;
    prev = g;
  }
  CHECK(same);
  CHECK(in_range);
  CHECK_EQ_LONG(distinct, 200); /* a new value in each draw */
  /* another seed gives other values */
  CHECK(ind_drawer_apply(da, A, 42, 0, &err) == IND_OK);
  double g42 = ind_scenario_get(A, 0, IND_P_G);
  CHECK(ind_drawer_apply(da, A, 43, 0, &err) == IND_OK);
  CHECK(ind_scenario_get(A, 0, IND_P_G) != g42);
  ind_drawer_free(da);
  ind_drawer_free(db);
  ind_scenario_free(A);
  ind_scenario_free(B);
}

/* ---- joint normals ------------------------------------------------------ */

/* g and n jointly normal, mean (0.02, 0.01), sd (0.01, 0.02), correlation
 * −0.3: cov = [[1e-4, −6e-5], [−6e-5, 4e-4]]. Over n = 100 000 draws (via
 * ind_drawer_apply on the targets), the sample means within 5·sd/sqrt(n); the
 * sample variances within 5·sqrt(2σ⁴/n) and the covariance within
 * 5·sqrt((σx²σy² + σxy²)/n) (the standard errors of a normal sample's
 * second moments). */
static void test_joint(void) {
  enum { NJ = 100000 };
  ind_err err = {0};
  ind_scenario *sc = quiet_scenario(T0, T1, 1);
  if (!CHECK(sc != NULL)) return;
  add_unc(sc, "g", TARGET_G, normal(0.0, 1.0)); /* the joint replaces these */
  add_unc(sc, "n", (ind_target){IND_T_PARAM, 0, IND_P_N}, normal(0.0, 1.0));
  const char *keys[2] = {"g", "n"};
  double mean[2] = {0.02, 0.01}, cov[4] = {1e-4, -6e-5, -6e-5, 4e-4};
  if (!CHECK(ind_scenario_add_joint(sc, "gn", keys, 2, mean, cov, &err) == IND_OK)) fprintf(stderr, "    %s\n", err.msg);
  ind_drawer *d = ind_drawer_alloc(sc, &err);
  if (!CHECK(d != NULL)) return;
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  double *x = malloc(NJ * sizeof *x), *y = malloc(NJ * sizeof *y);
  for (long i = 0; i < NJ; i++) {
    CHECK(ind_drawer_apply(d, sc, 2024, (uint64_t)i, &err) == IND_OK);
    x[i] = ind_scenario_get(sc, 0, IND_P_G);
    y[i] = ind_scenario_get(sc, 0, IND_P_N);
    sx += x[i];
    sy += y[i];
  }
  double mx = sx / NJ, my = sy / NJ;
  for (long i = 0; i < NJ; i++) {
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  double vx = cov[0], vy = cov[3], cxy = cov[1];
  fprintf(stderr, "joint: means %.6g %.6g, cov %.6g %.6g %.6g (given 1e-4 -6e-5 4e-4)\n", mx, my, sxx / (NJ - 1),
          sxy / (NJ - 1), syy / (NJ - 1));
  CHECK_ABS(mx, mean[0], SIGMAS * sqrt(vx / NJ));
  CHECK_ABS(my, mean[1], SIGMAS * sqrt(vy / NJ));
  CHECK_ABS(sxx / (NJ - 1), vx, SIGMAS * sqrt(2 * vx * vx / NJ));
  CHECK_ABS(syy / (NJ - 1), vy, SIGMAS * sqrt(2 * vy * vy / NJ));
  CHECK_ABS(sxy / (NJ - 1), cxy, SIGMAS * sqrt((vx * vy + cxy * cxy) / NJ));
  free(x);
  free(y);
  ind_drawer_free(d);

  /* a single run uses the joint's mean */
  CHECK(ind_scenario_apply_medians(sc, &err) == IND_OK);
  CHECK_SAME(ind_scenario_get(sc, 0, IND_P_G), 0.02);
  CHECK_SAME(ind_scenario_get(sc, 0, IND_P_N), 0.01);
  ind_scenario_free(sc);

  /* refused: asymmetric, not positive definite (indefinite, singular), NaN */
  static const struct {
    double cov[4];
    const char *why;
  } bad[] = {
      {{1e-4, 5e-5, 4e-5, 4e-4}, "symmetric"},
      {{1e-4, 3e-4, 3e-4, 4e-4}, "positive definite"}, /* |corr| = 1.5 */
      {{1e-4, 2e-4, 2e-4, 4e-4}, "positive definite"}, /* corr = 1: singular */
      {{-1e-4, 0, 0, 4e-4}, "positive definite"},
      {{1e-4, NAN, NAN, 4e-4}, "finite"},
  };
  for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
    ind_scenario *s2 = quiet_scenario(T0, T1, 1);
    add_unc(s2, "g", TARGET_G, normal(0.0, 1.0));
    add_unc(s2, "n", (ind_target){IND_T_PARAM, 0, IND_P_N}, normal(0.0, 1.0));
    ind_err e2 = {0};
    CHECK_EQ_LONG(ind_scenario_add_joint(s2, "gn", keys, 2, mean, bad[k].cov, &e2), IND_EINVAL);
    CHECK_HAS(e2.msg, bad[k].why);
    CHECK_EQ_LONG(s2->njoint, 0);
    CHECK_EQ_LONG(s2->unc[0].joint, -1); /* left as it was */
    ind_scenario_free(s2);
  }
}

int main(void) {
  gsl_set_error_handler_off();
  test_streams();
  test_joint();
  return check_summary("test_draw");
}
