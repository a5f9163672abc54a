/* test_profile.c — the time profile w(t) of policies, events and transfers
 * (ind_profile): values at hand-computed instants, the breakpoints, the time a
 * cost is paid and the checks of malformed profiles.
 * Tolerance: w is a few additions and one division of exactly representable
 * years, so values are compared to 1e-14 absolute (round-off only). */
#include <gsl/gsl_errno.h>
#include <math.h>

#include "check.h"
#include "ind_profile.h"

#define TOL 1e-14

/* from 2008, 2-year ramp, full strength until 2016.0, 4-year decay. */
static void test_full_profile(void) {
  ind_profile p = {2008.0, 2.0, 2016.0, 4.0};
  CHECK_ABS(ind_profile_weight(&p, 2000.0), 0.0, TOL);  /* long before */
  CHECK_ABS(ind_profile_weight(&p, 2007.99), 0.0, TOL); /* just before the start */
  CHECK_ABS(ind_profile_weight(&p, 2008.0), 0.0, TOL);  /* start of the ramp: (2008-2008)/2 */
  CHECK_ABS(ind_profile_weight(&p, 2008.5), 0.25, TOL); /* (2008.5-2008)/2 */
  CHECK_ABS(ind_profile_weight(&p, 2009.0), 0.5, TOL);  /* 1/2 */
  CHECK_ABS(ind_profile_weight(&p, 2009.5), 0.75, TOL); /* 1.5/2 */
  CHECK_ABS(ind_profile_weight(&p, 2010.0), 1.0, TOL);  /* ramp done */
  CHECK_ABS(ind_profile_weight(&p, 2013.0), 1.0, TOL);  /* full strength */
  CHECK_ABS(ind_profile_weight(&p, 2015.99), 1.0, TOL);
  CHECK_ABS(ind_profile_weight(&p, 2016.0), 1.0, TOL);  /* end instant: decay starts from 1 */
  CHECK_ABS(ind_profile_weight(&p, 2017.0), 0.75, TOL); /* 1·(1 - 1/4) */
  CHECK_ABS(ind_profile_weight(&p, 2018.0), 0.5, TOL);  /* 1·(1 - 2/4) */
  CHECK_ABS(ind_profile_weight(&p, 2019.0), 0.25, TOL); /* 1·(1 - 3/4) */
  CHECK_ABS(ind_profile_weight(&p, 2020.0), 0.0, TOL);  /* decay over */
  CHECK_ABS(ind_profile_weight(&p, 2030.0), 0.0, TOL);  /* after */
}

/* Step profile without decay: 1 on [from, to), 0 at and after `to`. */
static void test_step_profile(void) {
  ind_profile p = {2008.0, 0.0, 2016.0, 0.0};
  CHECK_ABS(ind_profile_weight(&p, 2007.999), 0.0, TOL);
  CHECK_ABS(ind_profile_weight(&p, 2008.0), 1.0, TOL); /* a step is at full strength at once */
  CHECK_ABS(ind_profile_weight(&p, 2015.999), 1.0, TOL);
  CHECK_ABS(ind_profile_weight(&p, 2016.0), 0.0, TOL); /* to is exclusive */
  CHECK_ABS(ind_profile_weight(&p, 2020.0), 0.0, TOL);

  ind_profile forever = {2008.0, 1.0, INFINITY, 0.0};
  CHECK_ABS(ind_profile_weight(&forever, 2008.25), 0.25, TOL);
  CHECK_ABS(ind_profile_weight(&forever, 2500.0), 1.0, TOL); /* never ends */
}

/* The ramp (4 years) is still under way when `to` comes after 2 years: the
 * level reached is 2/4 = 0.5, and the decay (2 years) starts from there. */
static void test_ramp_cut_by_end(void) {
  ind_profile p = {2008.0, 4.0, 2010.0, 2.0};
  CHECK_ABS(ind_profile_weight(&p, 2009.0), 0.25, TOL);   /* 1/4 */
  CHECK_ABS(ind_profile_weight(&p, 2009.999), 0.49975, 1e-12); /* 1.999/4, just below `to` */
  CHECK_ABS(ind_profile_weight(&p, 2010.0), 0.5, TOL);    /* 0.5·(1 - 0/2) */
  CHECK_ABS(ind_profile_weight(&p, 2010.5), 0.375, TOL);  /* 0.5·(1 - 0.5/2) */
  CHECK_ABS(ind_profile_weight(&p, 2011.0), 0.25, TOL);   /* 0.5·(1 - 1/2) */
  CHECK_ABS(ind_profile_weight(&p, 2012.0), 0.0, TOL);
  /* never above the level reached: the ramp does not go on during the decay */
  CHECK_ABS(ind_profile_weight(&p, 2011.9), 0.5 * (1.0 - 1.9 / 2.0), 1e-12);

  /* without decay it stops dead at the level reached */
  ind_profile q = {2008.0, 4.0, 2010.0, 0.0};
  CHECK_ABS(ind_profile_weight(&q, 2009.5), 0.375, TOL);
  CHECK_ABS(ind_profile_weight(&q, 2010.0), 0.0, TOL);
}

static int same_list(const double *got, int ngot, const double *want, int nwant) {
  if (ngot != nwant) return 0;
  for (int j = 0; j < ngot; j++)
    if (got[j] != want[j]) return 0;
  return 1;
}

static void test_breakpoints(void) {
  double b[IND_PROFILE_MAX_BREAKS];
  int n;

  ind_profile full = {2008.0, 2.0, 2016.0, 4.0};
  n = ind_profile_breakpoints(&full, b);
  CHECK(same_list(b, n, (double[]){2008.0, 2010.0, 2016.0, 2020.0}, 4));

  ind_profile cut = {2008.0, 4.0, 2010.0, 2.0}; /* ramp end 2012 never reached: not a kink */
  n = ind_profile_breakpoints(&cut, b);
  CHECK(same_list(b, n, (double[]){2008.0, 2010.0, 2012.0}, 3));

  ind_profile step = {2008.0, 0.0, 2016.0, 0.0};
  n = ind_profile_breakpoints(&step, b);
  CHECK(same_list(b, n, (double[]){2008.0, 2016.0}, 2));

  ind_profile forever = {2005.0, 0.0, INFINITY, 0.0};
  n = ind_profile_breakpoints(&forever, b);
  CHECK(same_list(b, n, (double[]){2005.0}, 1));

  ind_profile ramp_forever = {2005.0, 3.0, INFINITY, 0.0};
  n = ind_profile_breakpoints(&ramp_forever, b);
  CHECK(same_list(b, n, (double[]){2005.0, 2008.0}, 2));
}

/* Invariant: w is affine between consecutive breakpoints, before the first and
 * after the last, i.e. the list names every kink. Checked by comparing w at
 * the middle of three points with the mean of the outer two (to 1e-12). */
static int affine_on(const ind_profile *p, double lo, double hi) {
  double t1 = lo + 0.1 * (hi - lo), t3 = lo + 0.9 * (hi - lo), t2 = 0.5 * (t1 + t3);
  double w1 = ind_profile_weight(p, t1), w2 = ind_profile_weight(p, t2), w3 = ind_profile_weight(p, t3);
  return fabs(w2 - 0.5 * (w1 + w3)) <= 1e-12;
}

static int kinks_are_listed(const ind_profile *p) {
  double b[IND_PROFILE_MAX_BREAKS];
  int n = ind_profile_breakpoints(p, b);
  if (!affine_on(p, b[0] - 10.0, b[0])) return 0;
  for (int j = 0; j + 1 < n; j++)
    if (!affine_on(p, b[j], b[j + 1])) return 0;
  return affine_on(p, b[n - 1], b[n - 1] + 10.0);
}

static void test_breakpoints_cover_kinks(void) {
  CHECK(kinks_are_listed(&(ind_profile){2008.0, 2.0, 2016.0, 4.0}));
  CHECK(kinks_are_listed(&(ind_profile){2008.0, 4.0, 2010.0, 2.0}));
  CHECK(kinks_are_listed(&(ind_profile){2008.0, 0.0, 2016.0, 3.0}));
  CHECK(kinks_are_listed(&(ind_profile){2008.0, 3.0, INFINITY, 0.0}));
  CHECK(kinks_are_listed(&(ind_profile){2008.0, 2.0, 2010.0, 0.0})); /* ramp ends exactly at `to` */
  /* degenerate: no time at full strength (to = from), a step, then a decay from 1 over 3 years */
  CHECK(kinks_are_listed(&(ind_profile){2008.0, 0.0, 2008.0, 3.0}));
}

/* Cost is paid over [from, to) whatever the ramp: never during the decay. */
static void test_active_time(void) {
  ind_profile p = {2008.0, 2.0, 2016.0, 4.0};
  CHECK_ABS(ind_profile_active_time(&p, 2007.0, 2008.0), 0.0, TOL); /* before */
  CHECK_ABS(ind_profile_active_time(&p, 2008.0, 2009.0), 1.0, TOL); /* ramp year pays in full */
  CHECK_ABS(ind_profile_active_time(&p, 2007.5, 2008.5), 0.5, TOL); /* [2008, 2008.5) */
  CHECK_ABS(ind_profile_active_time(&p, 2015.5, 2016.5), 0.5, TOL); /* [2015.5, 2016) */
  CHECK_ABS(ind_profile_active_time(&p, 2016.0, 2017.0), 0.0, TOL); /* decay: no cost */
  CHECK_ABS(ind_profile_active_time(&p, 2000.0, 2030.0), 8.0, TOL); /* 2016 - 2008 */
  ind_profile forever = {2010.0, 0.0, INFINITY, 0.0};
  CHECK_ABS(ind_profile_active_time(&forever, 2000.0, 2031.0), 21.0, TOL); /* 2031 - 2010 */
}

static void test_check(void) {
  CHECK(ind_profile_check(&(ind_profile){2008.0, 2.0, 2016.0, 4.0}) == NULL);
  CHECK(ind_profile_check(&(ind_profile){2008.0, 0.0, INFINITY, 0.0}) == NULL);
  CHECK(ind_profile_check(&(ind_profile){2008.0, 0.0, 2008.0, 0.0}) == NULL); /* empty, allowed */
  const char *msg = ind_profile_check(&(ind_profile){2010.0, 0.0, 2008.0, 0.0});
  CHECK(msg != NULL);
  CHECK_HAS(msg, "to");
  msg = ind_profile_check(&(ind_profile){2008.0, -1.0, 2016.0, 0.0});
  CHECK(msg != NULL);
  CHECK_HAS(msg, "ramp");
  msg = ind_profile_check(&(ind_profile){2008.0, 0.0, 2016.0, -0.5});
  CHECK(msg != NULL);
  CHECK_HAS(msg, "decay");
  CHECK(ind_profile_check(&(ind_profile){NAN, 0.0, 2016.0, 0.0}) != NULL);
  CHECK(ind_profile_check(&(ind_profile){2008.0, NAN, 2016.0, 0.0}) != NULL);
  CHECK(ind_profile_check(&(ind_profile){2008.0, 0.0, NAN, 0.0}) != NULL);
  CHECK(ind_profile_check(&(ind_profile){2008.0, INFINITY, 2016.0, 0.0}) != NULL);
}

int main(void) {
  gsl_set_error_handler_off();
  test_full_profile();
  test_step_profile();
  test_ramp_cut_by_end();
  test_breakpoints();
  test_breakpoints_cover_kinks();
  test_active_time();
  test_check();
  return check_summary("test_profile");
}
