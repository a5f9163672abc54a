/* test_accuracy.c — the solver's accuracy where policy profiles jump
 * (ramp = 0 at `from`, decay = 0 at `to`). DESIGN §3: "The solver handles the
 * profiles' kinks so that they cost no accuracy"; annual production value is
 * meant to be within ~1e-7 (relative) of the exact value at the default
 * tolerances (rtol 1e-8), as it is far from any jump (test_closed_forms.c
 * measures ~2e-10 there).
 *
 * The cases are built so that the exact value is trivial: a quiet sector
 * (nothing moves) whose theta is raised from 1 to 1.5 by a step policy. Then
 * Y is constant on each side of the jump and jumps by the factor
 * c = sqrt((1 + 1.5·0.3)/(1 + 0.3)) = sqrt(1.45/1.3) (a = 0.5, H = 0.3), so the
 * production value of a year is X0·((1 - f) + f·c), f being the part of the
 * year the policy is on. Away from the jump the engine is exact to round-off
 * (~1e-15); near it the error must still be below 1e-7. Tolerance: 1e-7
 * relative, the design's target. */
#include <gsl/gsl_errno.h>
#include <math.h>

#include "check.h"
#include "fixture.h"

#define TARGET 1e-7
#define T0 2000
#define LAST 2010

/* Production value of each year when theta is 1.5 on [from, to) and 1 elsewhere. */
static void check_theta_step(double from, double to, ind_method method) {
  ind_err err = {0};
  ind_scenario *sc = quiet_scenario(T0, LAST, 1);
  sc->solver.method = method;
  ind_policy *p = ind_scenario_add_policy(sc, "training", NULL, &err);
  p->profile = (ind_profile){from, 0.0, to, 0.0};
  ind_policy_add_effect(p, IND_P_THETA, IND_EFFECT_ADD, 0.5, &err);
  const double c = sqrt(1.45 / 1.3);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    for (int y = T0; y <= LAST; y++) {
      double lo = y > from ? y : from, hi = y + 1.0 < to ? y + 1.0 : to, f = hi > lo ? hi - lo : 0.0;
      double want = 1000.0 * ((1.0 - f) + f * c);
      if (!CHECK_REL(ind_result_get(r, y, 0, IND_V_PRODUCTION_VALUE), want, TARGET))
        fprintf(stderr, "    year %d, theta raised on [%g, %g), method %d\n", y, from, to, (int)method);
    }
  }
  ind_result_free(r);
  ind_scenario_free(sc);
}

/* A jump in a flow that does not enter Q: the reinvested share s = 0.5 raised
 * to 0.6 by ds + 0.1 from 2005.0. Investment s·Y and value added Y are
 * integrated over the same steps, so their ratio of a year is s exactly,
 * 0.5 up to 2004 and 0.6 from 2005 on. */
static void check_saving_step(void) {
  ind_err err = {0};
  ind_scenario *sc = quiet_scenario(T0, LAST, 1);
  set_param(sc, 0, IND_P_S, 0.5);
  set_param(sc, 0, IND_P_DELTA, 0.05);
  ind_policy *p = ind_scenario_add_policy(sc, "credit", NULL, &err);
  p->profile = (ind_profile){2005.0, 0.0, INFINITY, 0.0};
  ind_policy_add_effect(p, IND_P_DS, IND_EFFECT_ADD, 0.1, &err);
  ind_result *r = run_or_report(sc);
  CHECK(r != NULL);
  if (r) {
    for (int y = T0; y <= LAST; y++) {
      double ratio = ind_result_get(r, y, 0, IND_V_INVESTMENT) / ind_result_get(r, y, 0, IND_V_VALUE_ADDED);
      if (!CHECK_REL(ratio, y < 2005 ? 0.5 : 0.6, TARGET)) fprintf(stderr, "    year %d\n", y);
    }
  }
  ind_result_free(r);
  ind_scenario_free(sc);
}

int main(void) {
  gsl_set_error_handler_off();
  static const ind_method methods[] = {IND_RKF45, IND_RKCK, IND_RK8PD};
  for (int k = 0; k < 3; k++) {
    check_theta_step(2005.0, INFINITY, methods[k]); /* jump up at the start of a year */
    check_theta_step(2005.5, INFINITY, methods[k]); /* jump up in the middle of a year */
    check_theta_step(2005.0, 2007.0, methods[k]);   /* up, then down at `to` */
  }
  check_saving_step();
  return check_summary("test_accuracy");
}
