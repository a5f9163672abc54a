/* test_scenario.c — building, validating, copying and freeing scenarios, and
 * the parameter and variable tables they rely on. Each rejection is checked
 * for its status code and for the message naming what is wrong. The copy is
 * checked field by field for equality and for independence (changing or
 * freeing one leaves the other intact: run under valgrind to see it), and by
 * running both: the results must be the same bit for bit. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "ind_model.h"
#include "ind_var.h"

#define T0 2000
#define LAST 2010

static ind_scenario *named(int nsectors) {
  ind_err err = {0};
  ind_scenario *sc = ind_scenario_new("t", T0, LAST, nsectors, &err);
  for (int i = 0; i < nsectors; i++) {
    char name[16]; /* "s" and any int: no truncation warning at -O0 */
    snprintf(name, sizeof name, "s%d", i + 1);
    ind_scenario_set_sector(sc, i, name, NULL, &err);
  }
  return sc;
}

/* validate(sc) must fail with EINVAL and a message containing `needle`. */
#define CHECK_REJECTS(sc, needle)                                                                  \
  do {                                                                                             \
    ind_err e_ = {0};                                                                              \
    CHECK_EQ_LONG(ind_scenario_validate((sc), &e_), IND_EINVAL);                                   \
    CHECK_HAS(e_.msg, (needle));                                                                   \
  } while (0)

#define CHECK_ACCEPTS(sc)                                                                          \
  do {                                                                                             \
    ind_err e_ = {0};                                                                              \
    if (!CHECK_EQ_LONG(ind_scenario_validate((sc), &e_), IND_OK)) fprintf(stderr, "    %s\n", e_.msg); \
  } while (0)

static void test_tables(void) {
  /* every default lies inside its own range (or is absent where that is allowed) */
  for (int p = 0; p < IND_NPARAMS; p++) {
    const ind_param_info *in = ind_param_info_get(p);
    int ok = (in->def >= in->lo && in->def <= in->hi) || (isnan(in->def) && (in->flags & IND_PF_OPTIONAL));
    if (!CHECK(ok)) fprintf(stderr, "    parameter %s\n", in->name);
    CHECK_EQ_LONG(ind_param_find(in->name), p); /* names are unique and found */
    CHECK(((in->flags & IND_PF_SHARED) != 0) == (p >= IND_NSECTOR_PARAMS));
  }
  CHECK(ind_param_info_get(-1) == NULL);
  CHECK(ind_param_info_get(IND_NPARAMS) == NULL);
  CHECK_EQ_LONG(ind_param_find("alpha"), IND_P_ALPHA);
  CHECK_EQ_LONG(ind_param_find("E_target"), IND_P_E_TARGET);
  CHECK_EQ_LONG(ind_param_find("nonsense"), -1);
  for (int v = 0; v < IND_NVARS; v++) CHECK_EQ_LONG(ind_var_find(ind_var_info_get(v)->name), v);
  CHECK_EQ_LONG(ind_var_find("skilled_share"), IND_V_SKILLED_SHARE);
  CHECK(ind_var_info_get(IND_NVARS) == NULL);
}

static void test_new(void) {
  ind_err err = {0};
  CHECK(ind_scenario_new("x", T0, LAST, 0, &err) == NULL);
  CHECK_EQ_LONG(err.code, IND_EINVAL);
  CHECK(ind_scenario_new("x", T0, LAST, IND_MAX_SECTORS + 1, &err) == NULL);
  CHECK(ind_scenario_new("x", 2010, 2009, 1, &err) == NULL);
  CHECK_HAS(err.msg, "2009");
  ind_scenario *sc = ind_scenario_new("x", T0, T0, IND_MAX_SECTORS, &err); /* one year, 64 sectors: fine */
  CHECK(sc != NULL);
  if (sc) {
    CHECK_REL(ind_scenario_get(sc, 63, IND_P_ALPHA), 0.5, 0.0);
    CHECK(isnan(ind_scenario_get(sc, 63, IND_P_M_NEW)));
    /* unnamed sectors are refused */
    CHECK_REJECTS(sc, "no name");
    ind_scenario_free(sc);
  }
  sc = named(2);
  CHECK_ACCEPTS(sc);
  CHECK_EQ_LONG(ind_scenario_set_sector(sc, 1, "s1", NULL, &err), IND_EINVAL); /* used twice */
  CHECK_EQ_LONG(ind_scenario_set_sector(sc, 2, "s3", NULL, &err), IND_EINVAL); /* no such index */
  CHECK_EQ_LONG(ind_scenario_set_sector(sc, 0, "", NULL, &err), IND_EINVAL);
  CHECK_EQ_LONG(ind_scenario_sector_index(sc, "s2"), 1);
  CHECK_EQ_LONG(ind_scenario_sector_index(sc, "s9"), -1);
  /* a new policy: strength 1, no cost, all sectors, from the first year on */
  ind_policy *p = ind_scenario_add_policy(sc, "p", NULL, &err);
  CHECK(p != NULL);
  if (p) {
    CHECK_EQ_LONG(p->targets, 3);
    CHECK_REL(p->strength, 1.0, 0.0);
    CHECK_REL(p->profile.from, (double)T0, 0.0);
    CHECK(isinf(p->profile.to));
  }
  ind_scenario_free(sc);
}

static void test_params_rejected(void) {
  static const struct {
    int param;
    double value;
  } bad[] = {
      {IND_P_ALPHA, 1.5},     {IND_P_ALPHA, NAN},   {IND_P_VA_SHARE0, 0.0}, {IND_P_OUTPUT0, -1.0},
      {IND_P_SKILLED0, 1.01}, {IND_P_S, -0.1},      {IND_P_M_NEW, 1.5},     {IND_P_DELTA, INFINITY},
      {IND_P_TAU_E, 0.0},
  };
  for (size_t j = 0; j < sizeof bad / sizeof *bad; j++) {
    ind_scenario *sc = named(2);
    set_param(sc, 1, bad[j].param, bad[j].value);
    const char *name = ind_param_info_get(bad[j].param)->name;
    CHECK_REJECTS(sc, name);
    if (!(bad[j].param >= IND_NSECTOR_PARAMS)) CHECK_REJECTS(sc, "s2"); /* names the sector */
    ind_scenario_free(sc);
  }
  /* edges of a range are admissible, m_new may be absent (NaN) */
  ind_scenario *sc = named(1);
  set_param(sc, 0, IND_P_ALPHA, 0.95);
  set_param(sc, 0, IND_P_VA_SHARE0, 1.0);
  set_param(sc, 0, IND_P_SKILLED0, 0.0);
  set_param(sc, 0, IND_P_M_NEW, 1.0);
  CHECK_ACCEPTS(sc);
  set_param(sc, 0, IND_P_M_NEW, NAN);
  CHECK_ACCEPTS(sc);
  ind_scenario_free(sc);
}

static void test_policies_rejected(void) {
  ind_err err = {0};
  ind_scenario *sc = named(2);
  ind_policy *p = ind_scenario_add_policy(sc, "train", NULL, &err);
  CHECK_EQ_LONG(ind_policy_add_effect(p, IND_P_R, IND_EFFECT_ADD, 0.03, &err), IND_OK);
  CHECK_ACCEPTS(sc);

  p->cost = -1.0;
  CHECK_REJECTS(sc, "cost");
  p->cost = 150.0;
  p->strength = -0.5;
  CHECK_REJECTS(sc, "strength");
  p->strength = 1.0;
  p->profile = (ind_profile){2010.0, 0.0, 2008.0, 0.0};
  CHECK_REJECTS(sc, "train");
  p->profile = (ind_profile){2008.0, -1.0, 2012.0, 0.0};
  CHECK_REJECTS(sc, "ramp");
  p->profile = (ind_profile){2008.0, 1.0, 2012.0, 0.0};
  p->targets = 0;
  CHECK_REJECTS(sc, "targets no sector");
  p->targets = 3;
  CHECK_ACCEPTS(sc);


  /* effects on starting values or unknown parameters, or of no finite size */
  CHECK_EQ_LONG(ind_policy_add_effect(p, IND_P_OUTPUT0, IND_EFFECT_MUL, 0.1, &err), IND_EINVAL);
  CHECK_HAS(err.msg, "output0");
  CHECK_EQ_LONG(ind_policy_add_effect(p, IND_NPARAMS, IND_EFFECT_ADD, 0.1, &err), IND_EINVAL);
  CHECK_EQ_LONG(ind_policy_add_effect(p, IND_P_G, IND_EFFECT_ADD, NAN, &err), IND_EINVAL);
  CHECK_EQ_LONG(p->neffects, 1);

  /* transfers: to itself, to a sector that is not there, too fast */
  CHECK_EQ_LONG(ind_policy_add_transfer(p, 0, 0, 0.1, &err), IND_OK);
  CHECK_REJECTS(sc, "transfer");
  p->transfers[0] = (ind_transfer){0, 2, 0.1};
  CHECK_REJECTS(sc, "transfer");
  p->transfers[0] = (ind_transfer){0, 1, 11.0};
  CHECK_REJECTS(sc, "rate");
  p->transfers[0] = (ind_transfer){0, 1, -0.1};
  CHECK_REJECTS(sc, "rate");
  p->transfers[0] = (ind_transfer){1, 0, 0.1};
  CHECK_ACCEPTS(sc);

  /* the model refuses an invalid scenario too */
  p->cost = -1.0;
  CHECK(ind_model_alloc(sc, &err) == NULL);
  CHECK_EQ_LONG(err.code, IND_EINVAL);
  ind_result *r = (ind_result *)&err; /* must be reset to NULL */
  CHECK_EQ_LONG(ind_run(sc, &r, &err), IND_EINVAL);
  CHECK(r == NULL);
  ind_scenario_free(sc);
}

/* A policy with a cost must target some sector even when it has no effect
 * (only a transfer): otherwise its cost would be counted in no row at all. */
static void test_cost_needs_targets(void) {
  ind_err err = {0};
  ind_scenario *sc = named(2);
  ind_policy *q = ind_scenario_add_policy(sc, "transfer only", NULL, &err);
  ind_policy_add_transfer(q, 0, 1, 0.1, &err);
  q->targets = 0;
  CHECK_ACCEPTS(sc); /* no cost, no effect: nothing to target */
  q->cost = 50.0;
  CHECK_REJECTS(sc, "targets no sector");
  ind_scenario_free(sc);
}

static void test_observations_rejected(void) {
  static const struct {
    ind_observation o;
    const char *needle;
  } bad[] = {
      {{IND_OBS_GROWTH, 0, IND_V_PRODUCTION_VALUE, T0, T0, 0, 0, 0.1, 0.01, NULL}, "outside the period"},
      {{IND_OBS_LEVEL, 0, IND_V_PRODUCTION_VALUE, LAST + 1, LAST + 1, 0, 0, 1, 1, NULL}, "outside the period"},
      {{IND_OBS_LEVEL, 0, IND_V_PRODUCTION_VALUE, T0 - 1, T0 - 1, 0, 0, 1, 1, NULL}, "outside the period"},
      {{IND_OBS_AVG_GROWTH, 0, IND_V_PRODUCTION_VALUE, T0, 2005, 0, 0, 0.1, 0.01, NULL}, "outside the period"},
      {{IND_OBS_AVG_GROWTH, 0, IND_V_PRODUCTION_VALUE, 2005, 2003, 0, 0, 0.1, 0.01, NULL}, "backwards"},
      {{IND_OBS_PERIOD_GROWTH, 0, IND_V_PRODUCTION_VALUE, 2007, 2007, 6, 3, 0.2, 0.01, NULL}, "months"},
      {{IND_OBS_PERIOD_GROWTH, 0, IND_V_PRODUCTION_VALUE, 2007, 2007, 0, 13, 0.2, 0.01, NULL}, "months"},
      {{IND_OBS_PERIOD_GROWTH, 0, IND_V_PRODUCTION_VALUE, 2007, 2007, -1, 6, 0.2, 0.01, NULL}, "months"},
      {{IND_OBS_PERIOD_GROWTH, 0, IND_V_PRODUCTION_VALUE, 2007, 2007, 6, 6, 0.2, 0.01, NULL}, "months"},
      {{IND_OBS_LEVEL, 2, IND_V_PRODUCTION_VALUE, 2005, 2005, 0, 0, 1, 1, NULL}, "sector"},
      {{IND_OBS_LEVEL, 0, IND_V_GROWTH, 2005, 2005, 0, 0, 1, 1, NULL}, "production_value"},
      {{IND_OBS_LEVEL, 0, IND_V_PRODUCTION_VALUE, 2005, 2005, 0, 0, 1, 0, NULL}, "standard error"},
      {{IND_OBS_LEVEL, 0, IND_V_PRODUCTION_VALUE, 2005, 2005, 0, 0, NAN, 1, NULL}, "finite"},
  };
  ind_err err = {0};
  for (size_t j = 0; j < sizeof bad / sizeof *bad; j++) {
    ind_scenario *sc = named(2);
    CHECK_EQ_LONG(ind_scenario_add_obs(sc, &bad[j].o, &err), IND_OK); /* checked at validation */
    CHECK_REJECTS(sc, bad[j].needle);
    ind_scenario_free(sc);
  }
  /* the edges: growth of the second year, level of the last, months [0, 12) and [11, 12) */
  static const ind_observation good[] = {
      {IND_OBS_GROWTH, IND_TOTAL, IND_V_PRODUCTION_VALUE, T0 + 1, T0 + 1, 0, 0, 0.1, 0.01, NULL},
      {IND_OBS_LEVEL, 1, IND_V_VALUE_ADDED, LAST, LAST, 0, 0, 1, 1, NULL},
      {IND_OBS_PERIOD_GROWTH, 0, IND_V_PRODUCTION_VALUE, T0 + 1, T0 + 1, 0, 12, 0.1, 0.01, NULL},
      {IND_OBS_PERIOD_GROWTH, 0, IND_V_PRODUCTION_VALUE, LAST, LAST, 11, 12, 0.1, 0.01, NULL},
      {IND_OBS_AVG_GROWTH, 0, IND_V_PRODUCTION_VALUE, T0 + 1, LAST, 0, 0, 0.1, 0.01, NULL},
  };
  ind_scenario *sc = named(2);
  for (size_t j = 0; j < sizeof good / sizeof *good; j++) ind_scenario_add_obs(sc, &good[j], &err);
  CHECK_ACCEPTS(sc);
  ind_scenario_free(sc);
}

static void test_solver_options_rejected(void) {
  ind_scenario *sc = named(1);
  sc->solver.rtol = 0.0;
  CHECK_REJECTS(sc, "solver");
  sc->solver.rtol = 1e-8;
  sc->solver.h0 = -1.0;
  CHECK_REJECTS(sc, "solver");
  sc->solver.h0 = 1e-3;
  sc->solver.method = IND_NMETHODS;
  CHECK_REJECTS(sc, "solver");
  sc->solver.method = IND_RK8PD;
  CHECK_ACCEPTS(sc);
  ind_scenario_free(sc);
}

/* A scenario with every kind of part, to copy. */
static ind_scenario *rich(void) {
  ind_err err = {0};
  ind_scenario *sc = named(3);
  ind_scenario_set_text(sc, "Rich scenario", &err);
  ind_scenario_set_sector(sc, 2, "foreign", "Foreign-invested", &err);
  set_param(sc, 0, IND_P_G, 0.03);
  set_param(sc, 1, IND_P_M_NEW, 0.7);
  set_param(sc, 2, IND_P_E_TARGET, 5.0);
  ind_policy *p = ind_scenario_add_policy(sc, "training", "Workforce training", &err);
  p->profile = (ind_profile){2003.0, 2.0, 2008.0, 1.0};
  p->cost = 150.0;
  p->targets = 5u;
  ind_policy_add_effect(p, IND_P_R, IND_EFFECT_ADD, 0.04, &err);
  ind_policy_add_effect(p, IND_P_THETA, IND_EFFECT_MUL, 0.2, &err);
  p = ind_scenario_add_policy(sc, "equitisation", NULL, &err);
  p->is_event = 1;
  ind_policy_add_transfer(p, 0, 1, 0.05, &err);
  ind_policy_add_effect(p, IND_P_E_TARGET, IND_EFFECT_ADD, 3.0, &err);
  ind_observation o = {IND_OBS_PERIOD_GROWTH, IND_TOTAL, IND_V_PRODUCTION_VALUE, 2007, 2007, 0, 6, 0.213, 0.01,
                       "GSO Hanoi"};
  ind_scenario_add_obs(sc, &o, &err);
  sc->solver.rtol = 1e-9;
  return sc;
}

static int same_text(const char *a, const char *b) { return a && b && a != b && strcmp(a, b) == 0; }

static void test_copy(void) {
  ind_err err = {0};
  ind_scenario *a = rich();
  CHECK_ACCEPTS(a);
  ind_scenario *b = ind_scenario_copy(a, &err);
  CHECK(b != NULL);
  if (!b) {
    ind_scenario_free(a);
    return;
  }
  /* equal, in storage of its own */
  CHECK(same_text(a->name, b->name));
  CHECK(same_text(a->title, b->title));
  CHECK_EQ_LONG(b->first_year, a->first_year);
  CHECK_EQ_LONG(b->last_year, a->last_year);
  CHECK_EQ_LONG(b->nsectors, a->nsectors);
  for (int i = 0; i < a->nsectors; i++) {
    CHECK(same_text(a->sector_names[i], b->sector_names[i]));
    CHECK(same_text(a->sector_titles[i], b->sector_titles[i]));
  }
  size_t np = (size_t)a->nsectors * IND_NSECTOR_PARAMS + IND_NSHARED_PARAMS;
  CHECK(a->params != b->params);
  int params_equal = 1;
  for (size_t j = 0; j < np; j++)
    if (!(a->params[j] == b->params[j] || (isnan(a->params[j]) && isnan(b->params[j])))) params_equal = 0;
  CHECK(params_equal);
  CHECK_EQ_LONG(b->npolicies, 2);
  for (int k = 0; k < a->npolicies && k < b->npolicies; k++) {
    const ind_policy *pa = &a->policies[k], *pb = &b->policies[k];
    CHECK(same_text(pa->name, pb->name));
    CHECK(same_text(pa->title, pb->title));
    CHECK(memcmp(&pa->profile, &pb->profile, sizeof pa->profile) == 0);
    CHECK(pa->is_event == pb->is_event && pa->strength == pb->strength && pa->cost == pb->cost &&
          pa->targets == pb->targets);
    CHECK_EQ_LONG(pb->neffects, pa->neffects);
    CHECK_EQ_LONG(pb->ntransfers, pa->ntransfers);
    CHECK(pa->neffects == 0 || (pa->effects != pb->effects &&
                                memcmp(pa->effects, pb->effects, (size_t)pa->neffects * sizeof *pa->effects) == 0));
    CHECK(pa->ntransfers == 0 ||
          (pa->transfers != pb->transfers &&
           memcmp(pa->transfers, pb->transfers, (size_t)pa->ntransfers * sizeof *pa->transfers) == 0));
  }
  CHECK_EQ_LONG(b->nobs, 1);
  if (b->nobs == 1) {
    CHECK(same_text(a->obs[0].source, b->obs[0].source));
    CHECK(b->obs[0].kind == a->obs[0].kind && b->obs[0].m1 == a->obs[0].m1 && b->obs[0].value == a->obs[0].value);
  }
  CHECK(memcmp(&a->solver, &b->solver, sizeof a->solver) == 0);

  /* the same numbers, bit for bit */
  ind_result *ra = run_or_report(a), *rb = run_or_report(b);
  CHECK(ra != NULL && rb != NULL);
  if (ra && rb) {
    size_t n = (size_t)ra->nyears * (size_t)(ra->nsectors + 1) * IND_NVARS;
    int same = 1;
    for (size_t j = 0; j < n; j++)
      if (memcmp(&ra->annual[j], &rb->annual[j], sizeof(double)) != 0) same = 0;
    CHECK(same);
    CHECK(memcmp(ra->obs_model, rb->obs_model, sizeof(double)) == 0);
  }
  ind_result_free(ra);
  ind_result_free(rb);

  /* independent: change the copy, the original stays; free the original, the copy lives */
  *ind_scenario_param(b, 0, IND_P_G) = 0.01;
  b->policies[0].effects[0].size = 0.5;
  b->policies[1].transfers[0].rate = 0.5;
  b->obs[0].source[0] = 'X';
  b->sector_names[0][0] = 'X';
  ind_scenario_set_text(b, "changed", &err);
  CHECK_REL(ind_scenario_get(a, 0, IND_P_G), 0.03, 0.0);
  CHECK_REL(a->policies[0].effects[0].size, 0.04, 0.0);
  CHECK_REL(a->policies[1].transfers[0].rate, 0.05, 0.0);
  CHECK_HAS(a->obs[0].source, "GSO");
  CHECK_HAS(a->sector_names[0], "s1");
  CHECK_HAS(a->title, "Rich");
  ind_scenario_free(a);
  CHECK_ACCEPTS(b);
  CHECK_HAS(b->policies[0].name, "training");
  CHECK_HAS(b->sector_titles[2], "Foreign");
  ind_result *rc = run_or_report(b);
  CHECK(rc != NULL);
  ind_result_free(rc);

  /* a copy of a copy of a scenario without policies or observations */
  ind_scenario *c = named(1), *d = ind_scenario_copy(c, &err);
  CHECK(d != NULL && d->npolicies == 0 && d->nobs == 0 && d->policies == NULL);
  ind_scenario_free(c);
  ind_scenario_free(d);
  ind_scenario_free(b);
  ind_scenario_free(NULL); /* allowed, like free(NULL) */
}

int main(void) {
  gsl_set_error_handler_off();
  test_tables();
  test_new();
  test_params_rejected();
  test_policies_rejected();
  test_cost_needs_targets();
  test_observations_rejected();
  test_solver_options_rejected();
  test_copy();
  return check_summary("test_scenario");
}
