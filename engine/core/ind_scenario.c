/* ind_scenario.c — building, copying, checking and freeing scenarios. */
#include "ind_scenario.h"

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ind_var.h"

static char *dup_text(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

/* Replaces *slot with a copy of s; 0 on failure (slot unchanged). */
static int set_text(char **slot, const char *s) {
  char *d = dup_text(s ? s : "");
  if (!d) return 0;
  free(*slot);
  *slot = d;
  return 1;
}

static size_t nparams_of(int nsectors) {
  return (size_t)nsectors * IND_NSECTOR_PARAMS + IND_NSHARED_PARAMS;
}

ind_scenario *ind_scenario_new(const char *name, int first_year, int last_year, int nsectors,
                               ind_err *err) {
  if (nsectors < 1 || nsectors > IND_MAX_SECTORS) {
    ind_err_set(err, IND_EINVAL, "number of sectors %d outside 1..%d", nsectors, IND_MAX_SECTORS);
    return NULL;
  }
  if (last_year < first_year) {
    ind_err_set(err, IND_EINVAL, "period ends (%d) before it starts (%d)", last_year, first_year);
    return NULL;
  }
  ind_scenario *sc = calloc(1, sizeof *sc);
  if (!sc) goto nomem;
  sc->first_year = first_year;
  sc->last_year = last_year;
  sc->nsectors = nsectors;
  sc->name = dup_text(name ? name : "scenario");
  sc->title = dup_text("");
  sc->basis = dup_text("");
  sc->sector_names = calloc((size_t)nsectors, sizeof(char *));
  sc->sector_titles = calloc((size_t)nsectors, sizeof(char *));
  sc->params = malloc(nparams_of(nsectors) * sizeof(double));
  if (!sc->name || !sc->title || !sc->basis || !sc->sector_names || !sc->sector_titles || !sc->params) goto nomem;
  for (int p = 0; p < IND_NPARAMS; p++)
    for (int i = 0; i < nsectors; i++) *ind_scenario_param(sc, i, p) = ind_param_info_get(p)->def;
  ind_econ_defaults(&sc->econ);
  sc->solver = (ind_solver_opts){IND_RKCK, 1e-7, 1e-10, 1e-3, 100000}; /* docs/model.md §4: why */
  return sc;
nomem:
  ind_scenario_free(sc);
  ind_err_set(err, IND_ENOMEM, "out of memory creating scenario");
  return NULL;
}

static void policy_clear(ind_policy *p) {
  free(p->name);
  free(p->title);
  free(p->effects);
  free(p->transfers);
}

static void uncertain_clear(ind_uncertain *u) {
  free(u->key);
  free(u->targets);
}

static void shock_clear(ind_shock *s) {
  free(s->key);
  free(s->sd);
  free(s->path);
}

static void joint_clear(ind_joint *j) {
  free(j->key);
  free(j->mean);
  free(j->chol);
  free(j->logscale);
  free(j->lo);
  free(j->hi);
}

void ind_scenario_free(ind_scenario *sc) {
  if (!sc) return;
  for (int k = 0; k < sc->nunc; k++) uncertain_clear(&sc->unc[k]);
  for (int k = 0; k < sc->njoint; k++) joint_clear(&sc->joints[k]);
  free(sc->unc);
  free(sc->joints);
  for (int k = 0; k < sc->nshocks; k++) shock_clear(&sc->shocks[k]);
  free(sc->shocks);
  for (int k = 0; k < sc->nplausible; k++) free(sc->plausible[k].label);
  free(sc->plausible);
  for (int i = 0; i < sc->nsectors; i++) {
    if (sc->sector_names) free(sc->sector_names[i]);
    if (sc->sector_titles) free(sc->sector_titles[i]);
  }
  for (int k = 0; k < sc->npolicies; k++) policy_clear(&sc->policies[k]);
  for (int k = 0; k < sc->nobs; k++) free(sc->obs[k].source);
  free(sc->sector_names);
  free(sc->sector_titles);
  free(sc->params);
  free(sc->policies);
  free(sc->obs);
  free(sc->name);
  free(sc->title);
  free(sc->basis);
  free(sc);
}

ind_status ind_scenario_set_text(ind_scenario *sc, const char *title, ind_err *err) {
  if (!set_text(&sc->title, title)) return ind_err_set(err, IND_ENOMEM, "out of memory");
  return IND_OK;
}

ind_status ind_scenario_set_basis(ind_scenario *sc, const char *basis, ind_err *err) {
  if (!set_text(&sc->basis, basis)) return ind_err_set(err, IND_ENOMEM, "out of memory");
  return IND_OK;
}

ind_status ind_scenario_set_sector(ind_scenario *sc, int i, const char *name, const char *title,
                                   ind_err *err) {
  if (i < 0 || i >= sc->nsectors)
    return ind_err_set(err, IND_EINVAL, "sector index %d outside 0..%d", i, sc->nsectors - 1);
  if (!name || !*name) return ind_err_set(err, IND_EINVAL, "sector %d has no name", i + 1);
  for (int j = 0; j < sc->nsectors; j++)
    if (j != i && sc->sector_names[j] && strcmp(sc->sector_names[j], name) == 0)
      return ind_err_set(err, IND_EINVAL, "sector name '%s' used twice", name);
  if (!set_text(&sc->sector_names[i], name) || !set_text(&sc->sector_titles[i], title ? title : name))
    return ind_err_set(err, IND_ENOMEM, "out of memory");
  return IND_OK;
}

int ind_scenario_sector_index(const ind_scenario *sc, const char *name) {
  for (int i = 0; i < sc->nsectors; i++)
    if (sc->sector_names[i] && strcmp(sc->sector_names[i], name) == 0) return i;
  return -1;
}

double *ind_scenario_param(ind_scenario *sc, int sector, int param) {
  if (param >= IND_NSECTOR_PARAMS)
    return &sc->params[(size_t)sc->nsectors * IND_NSECTOR_PARAMS + (size_t)(param - IND_NSECTOR_PARAMS)];
  return &sc->params[(size_t)sector * IND_NSECTOR_PARAMS + (size_t)param];
}

double ind_scenario_get(const ind_scenario *sc, int sector, int param) {
  return *ind_scenario_param((ind_scenario *)sc, sector, param);
}

ind_policy *ind_scenario_add_policy(ind_scenario *sc, const char *name, const char *title,
                                    ind_err *err) {
  ind_policy *grown = realloc(sc->policies, (size_t)(sc->npolicies + 1) * sizeof *grown);
  if (!grown) goto nomem;
  sc->policies = grown;
  ind_policy *p = &sc->policies[sc->npolicies];
  memset(p, 0, sizeof *p);
  p->name = dup_text(name ? name : "policy");
  p->title = dup_text(title ? title : "");
  if (!p->name || !p->title) {
    policy_clear(p);
    goto nomem;
  }
  p->profile = (ind_profile){(double)sc->first_year, 0.0, INFINITY, 0.0};
  p->strength = 1.0;
  p->targets = sc->nsectors >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << sc->nsectors) - 1);
  sc->npolicies++;
  return p;
nomem:
  ind_err_set(err, IND_ENOMEM, "out of memory adding policy");
  return NULL;
}

ind_status ind_policy_add_effect(ind_policy *p, int param, ind_effect_kind kind, double size,
                                 ind_err *err) {
  const ind_param_info *info = ind_param_info_get(param);
  if (!info) return ind_err_set(err, IND_EINVAL, "policy '%s': unknown parameter id %d", p->name, param);
  if (info->flags & IND_PF_INITIAL)
    return ind_err_set(err, IND_EINVAL,
                       "policy '%s': '%s' is a starting value; no policy or event can change it",
                       p->name, info->name);
  if (!isfinite(size))
    return ind_err_set(err, IND_EINVAL, "policy '%s': effect on '%s' is not a finite number",
                       p->name, info->name);
  ind_effect *grown = realloc(p->effects, (size_t)(p->neffects + 1) * sizeof *grown);
  if (!grown) return ind_err_set(err, IND_ENOMEM, "out of memory");
  p->effects = grown;
  p->effects[p->neffects++] = (ind_effect){param, kind, size};
  return IND_OK;
}

ind_status ind_policy_add_transfer(ind_policy *p, int src, int dst, double rate, ind_err *err) {
  ind_transfer *grown = realloc(p->transfers, (size_t)(p->ntransfers + 1) * sizeof *grown);
  if (!grown) return ind_err_set(err, IND_ENOMEM, "out of memory");
  p->transfers = grown;
  p->transfers[p->ntransfers++] = (ind_transfer){src, dst, rate};
  return IND_OK;
}

ind_status ind_scenario_add_obs(ind_scenario *sc, const ind_observation *ob, ind_err *err) {
  ind_observation *grown = realloc(sc->obs, (size_t)(sc->nobs + 1) * sizeof *grown);
  if (!grown) return ind_err_set(err, IND_ENOMEM, "out of memory");
  sc->obs = grown;
  ind_observation *o = &sc->obs[sc->nobs];
  *o = *ob;
  o->source = dup_text(ob->source ? ob->source : "");
  if (!o->source) return ind_err_set(err, IND_ENOMEM, "out of memory");
  sc->nobs++;
  return IND_OK;
}

static size_t path_len(const ind_scenario *sc) {
  return (size_t)(sc->last_year - sc->first_year + 1) * (size_t)sc->nsectors;
}

ind_shock *ind_scenario_add_shock(ind_scenario *sc, const char *key, int param, uint64_t sectors,
                                  const ind_dist *down_size, int down_years, ind_err *err) {
  const ind_param_info *info = ind_param_info_get(param);
  if (!info || param >= IND_NSECTOR_PARAMS || (info->flags & IND_PF_INITIAL)) {
    ind_err_set(err, IND_EINVAL, "shocks: '%s' is not a per-sector rate a shock can move", info ? info->name : "?");
    return NULL;
  }
  for (int k = 0; k < sc->nshocks; k++)
    if (sc->shocks[k].param == param || strcmp(sc->shocks[k].key, key ? key : "") == 0) {
      ind_err_set(err, IND_EINVAL, "shocks: '%s' is shocked twice", info->name);
      return NULL;
    }
  ind_shock *grown = realloc(sc->shocks, (size_t)(sc->nshocks + 1) * sizeof *grown);
  if (!grown) goto nomem;
  sc->shocks = grown;
  ind_shock *s = &sc->shocks[sc->nshocks];
  memset(s, 0, sizeof *s);
  s->key = dup_text(key ? key : info->name);
  s->sd = calloc((size_t)sc->nsectors, sizeof *s->sd);
  s->path = calloc(path_len(sc), sizeof *s->path);
  if (!s->key || !s->sd || !s->path) {
    shock_clear(s);
    goto nomem;
  }
  s->param = param;
  s->sectors = sectors;
  s->has_downturns = down_size != NULL;
  if (down_size) s->down_size = *down_size;
  s->down_years = down_years;
  sc->nshocks++;
  return s;
nomem:
  ind_err_set(err, IND_ENOMEM, "out of memory adding a shock");
  return NULL;
}

void ind_scenario_zero_shocks(ind_scenario *sc) {
  for (int k = 0; k < sc->nshocks; k++) memset(sc->shocks[k].path, 0, path_len(sc) * sizeof(double));
}

ind_status ind_scenario_add_plausible(ind_scenario *sc, const ind_plausible *p, ind_err *err) {
  ind_plausible *grown = realloc(sc->plausible, (size_t)(sc->nplausible + 1) * sizeof *grown);
  if (!grown) return ind_err_set(err, IND_ENOMEM, "out of memory");
  sc->plausible = grown;
  ind_plausible *d = &sc->plausible[sc->nplausible];
  *d = *p;
  d->label = dup_text(p->label ? p->label : "");
  if (!d->label) return ind_err_set(err, IND_ENOMEM, "out of memory");
  sc->nplausible++;
  return IND_OK;
}

static ind_status copy_shocks(ind_scenario *d, const ind_scenario *s, ind_err *err) {
  for (int k = 0; k < s->nshocks; k++) {
    const ind_shock *a = &s->shocks[k];
    ind_shock *b = ind_scenario_add_shock(d, a->key, a->param, a->sectors, a->has_downturns ? &a->down_size : NULL,
                                          a->down_years, err);
    if (!b) return err ? err->code : IND_ENOMEM;
    b->persistence = a->persistence, b->correlation = a->correlation, b->down_p = a->down_p;
    memcpy(b->sd, a->sd, (size_t)s->nsectors * sizeof *b->sd);
    memcpy(b->path, a->path, path_len(s) * sizeof *b->path);
  }
  for (int k = 0; k < s->nplausible; k++)
    if (ind_scenario_add_plausible(d, &s->plausible[k], err)) return err ? err->code : IND_ENOMEM;
  return IND_OK;
}

static int copy_policy(ind_policy *d, const ind_policy *s) {
  *d = *s;
  d->name = dup_text(s->name);
  d->title = dup_text(s->title);
  d->effects = s->neffects ? malloc((size_t)s->neffects * sizeof *d->effects) : NULL;
  d->transfers = s->ntransfers ? malloc((size_t)s->ntransfers * sizeof *d->transfers) : NULL;
  if (!d->name || !d->title || (s->neffects && !d->effects) || (s->ntransfers && !d->transfers)) {
    policy_clear(d);
    return 0;
  }
  if (s->neffects) memcpy(d->effects, s->effects, (size_t)s->neffects * sizeof *d->effects);
  if (s->ntransfers) memcpy(d->transfers, s->transfers, (size_t)s->ntransfers * sizeof *d->transfers);
  return 1;
}

static ind_status copy_uncertainty(ind_scenario *d, const ind_scenario *s, ind_err *err) {
  for (int k = 0; k < s->nunc; k++) {
    const ind_uncertain *u = &s->unc[k];
    if (ind_scenario_add_uncertain(d, u->key, u->targets, u->ntargets, &u->dist, err)) return err ? err->code : IND_ENOMEM;
    d->unc[k].joint = u->joint;
    d->unc[k].pos = u->pos;
  }
  if (!s->njoint) return IND_OK;
  d->joints = calloc((size_t)s->njoint, sizeof *d->joints);
  if (!d->joints) return ind_err_set(err, IND_ENOMEM, "out of memory");
  for (; d->njoint < s->njoint; d->njoint++) {
    const ind_joint *sj = &s->joints[d->njoint];
    ind_joint *dj = &d->joints[d->njoint];
    size_t n = (size_t)sj->n;
    dj->n = sj->n;
    dj->key = dup_text(sj->key);
    dj->mean = malloc(n * sizeof(double));
    dj->chol = malloc(n * n * sizeof(double));
    if (!dj->key || !dj->mean || !dj->chol) {
      joint_clear(dj);
      return ind_err_set(err, IND_ENOMEM, "out of memory");
    }
    memcpy(dj->mean, sj->mean, n * sizeof(double));
    memcpy(dj->chol, sj->chol, n * n * sizeof(double));
    if ((sj->logscale && !(dj->logscale = malloc(n))) || (sj->lo && !(dj->lo = malloc(n * sizeof(double)))) ||
        (sj->hi && !(dj->hi = malloc(n * sizeof(double))))) {
      joint_clear(dj);
      return ind_err_set(err, IND_ENOMEM, "out of memory");
    }
    if (sj->logscale) memcpy(dj->logscale, sj->logscale, n);
    if (sj->lo) memcpy(dj->lo, sj->lo, n * sizeof(double));
    if (sj->hi) memcpy(dj->hi, sj->hi, n * sizeof(double));
  }
  return IND_OK;
}

ind_scenario *ind_scenario_copy(const ind_scenario *s, ind_err *err) {
  ind_scenario *d = ind_scenario_new(s->name, s->first_year, s->last_year, s->nsectors, err);
  if (!d) return NULL;
  if (ind_scenario_set_text(d, s->title, err) || ind_scenario_set_basis(d, s->basis, err)) goto fail;
  for (int i = 0; i < s->nsectors; i++)
    if (s->sector_names[i] && ind_scenario_set_sector(d, i, s->sector_names[i], s->sector_titles[i], err))
      goto fail;
  memcpy(d->params, s->params, nparams_of(s->nsectors) * sizeof(double));
  d->solver = s->solver;
  d->econ = s->econ;
  if (s->npolicies) {
    d->policies = calloc((size_t)s->npolicies, sizeof *d->policies);
    if (!d->policies) goto nomem;
    for (; d->npolicies < s->npolicies; d->npolicies++)
      if (!copy_policy(&d->policies[d->npolicies], &s->policies[d->npolicies])) goto nomem;
  }
  for (int k = 0; k < s->nobs; k++)
    if (ind_scenario_add_obs(d, &s->obs[k], err)) goto fail;
  if (copy_uncertainty(d, s, err) || copy_shocks(d, s, err)) goto fail;
  return d;
nomem:
  ind_err_set(err, IND_ENOMEM, "out of memory copying scenario");
fail:
  ind_scenario_free(d);
  return NULL;
}

static double *target_slot(ind_scenario *sc, const ind_target *t) {
  const ind_policy *p = (t->i >= 0 && t->i < sc->npolicies) ? &sc->policies[t->i] : NULL;
  switch (t->kind) {
  case IND_T_PARAM:
    if (t->j < 0 || t->j >= IND_NPARAMS) return NULL;
    if (t->j < IND_NSECTOR_PARAMS && (t->i < 0 || t->i >= sc->nsectors)) return NULL;
    return ind_scenario_param(sc, t->j < IND_NSECTOR_PARAMS ? t->i : 0, t->j);
  case IND_T_EFFECT: return p && t->j >= 0 && t->j < p->neffects ? &p->effects[t->j].size : NULL;
  case IND_T_TRANSFER: return p && t->j >= 0 && t->j < p->ntransfers ? &p->transfers[t->j].rate : NULL;
  case IND_T_B50: return p ? &sc->policies[t->i].b50 : NULL; /* a bad draw (<= 0) is refused by validation */
  case IND_T_BUDGET: return p ? &sc->policies[t->i].budget : NULL; /* the cost follows: ind_policy_cost_of */
  case IND_T_ECON: return t->j >= 0 && t->j < IND_NECON ? &sc->econ.v[t->j] : NULL;
  case IND_T_SHOCK: {
    ind_shock *s = t->i >= 0 && t->i < sc->nshocks ? &sc->shocks[t->i] : NULL;
    if (!s) return NULL;
    if (t->j == IND_SH_PERSISTENCE) return &s->persistence;
    if (t->j == IND_SH_CORRELATION) return &s->correlation;
    if (t->j == IND_SH_DOWN_P) return &s->down_p;
    return t->j >= IND_SH_SD && t->j < IND_SH_SD + sc->nsectors ? &s->sd[t->j - IND_SH_SD] : NULL;
  }
  }
  return NULL;
}

double ind_target_get(const ind_scenario *sc, const ind_target *t) {
  const double *v = target_slot((ind_scenario *)sc, t);
  return v ? *v : NAN;
}

ind_status ind_target_set(ind_scenario *sc, const ind_target *t, double v, ind_err *err) {
  double *slot = target_slot(sc, t);
  if (!slot) return ind_err_set(err, IND_EINVAL, "target (%d, %d, %d) does not exist in '%s'", (int)t->kind, t->i, t->j, sc->name);
  *slot = v;
  return IND_OK;
}

const char *ind_target_describe(const ind_scenario *sc, const ind_target *t, char *buf, int n) {
  const ind_policy *p = (t->i >= 0 && t->i < sc->npolicies) ? &sc->policies[t->i] : NULL;
  size_t len = (size_t)n;
  if (t->kind == IND_T_PARAM && ind_param_info_get(t->j)) {
    if (t->j >= IND_NSECTOR_PARAMS) snprintf(buf, len, "%s", ind_param_info_get(t->j)->name);
    else snprintf(buf, len, "%s (%s)", ind_param_info_get(t->j)->name,
                  t->i >= 0 && t->i < sc->nsectors ? sc->sector_names[t->i] : "?");
  } else if (t->kind == IND_T_EFFECT && p && t->j >= 0 && t->j < p->neffects) {
    snprintf(buf, len, "'%s' effect on %s", p->name, ind_param_info_get(p->effects[t->j].param)->name);
  } else if (t->kind == IND_T_TRANSFER && p) {
    snprintf(buf, len, "'%s' transfer rate", p->name);
  } else if (t->kind == IND_T_BUDGET && p) {
    snprintf(buf, len, "'%s' budget", p->name);
  } else if (t->kind == IND_T_ECON && ind_econ_param_name(t->j)) {
    snprintf(buf, len, "economics %s", ind_econ_param_name(t->j));
  } else if (t->kind == IND_T_B50 && p) {
    snprintf(buf, len, "'%s' B50", p->name);
  } else if (t->kind == IND_T_SHOCK && t->i >= 0 && t->i < sc->nshocks && target_slot((ind_scenario *)sc, t)) {
    static const char *const field[] = {"persistence", "correlation", "downturn probability"};
    if (t->j < IND_SH_SD) snprintf(buf, len, "shocks to %s: %s", ind_param_info_get(sc->shocks[t->i].param)->name, field[t->j]);
    else snprintf(buf, len, "shocks to %s: sd (%s)", ind_param_info_get(sc->shocks[t->i].param)->name,
                  sc->sector_names[t->j - IND_SH_SD]);
  } else {
    snprintf(buf, len, "an unknown target");
  }
  return buf;
}

int ind_scenario_uncertain_index(const ind_scenario *sc, const char *key) {
  for (int k = 0; k < sc->nunc; k++)
    if (strcmp(sc->unc[k].key, key) == 0) return k;
  return -1;
}

ind_status ind_scenario_add_uncertain(ind_scenario *sc, const char *key, const ind_target *targets, int ntargets,
                                      const ind_dist *dist, ind_err *err) {
  if (!key || !*key || ind_scenario_uncertain_index(sc, key) >= 0)
    return ind_err_set(err, IND_EINVAL, "uncertain number '%s' named twice or without a name", key ? key : "");
  if (ntargets < 1) return ind_err_set(err, IND_EINVAL, "uncertain number '%s' changes nothing", key);
  ind_uncertain *grown = realloc(sc->unc, (size_t)(sc->nunc + 1) * sizeof *grown);
  if (!grown) return ind_err_set(err, IND_ENOMEM, "out of memory");
  sc->unc = grown;
  ind_uncertain *u = &sc->unc[sc->nunc];
  memset(u, 0, sizeof *u);
  u->key = dup_text(key);
  u->targets = malloc((size_t)ntargets * sizeof *u->targets);
  if (!u->key || !u->targets) {
    uncertain_clear(u);
    return ind_err_set(err, IND_ENOMEM, "out of memory");
  }
  memcpy(u->targets, targets, (size_t)ntargets * sizeof *targets);
  u->ntargets = ntargets;
  u->joint = -1;
  u->dist = *dist;
  sc->nunc++;
  return IND_OK;
}

/* Lower Cholesky factor of cov into chol; IND_EINVAL if not positive definite. */
static ind_status cholesky(const double *cov, int n, double *chol, const char *key, ind_err *err) {
  for (int r = 0; r < n; r++)
    for (int c = 0; c < n; c++) {
      if (!isfinite(cov[r * n + c]) || fabs(cov[r * n + c] - cov[c * n + r]) > 1e-12 * (fabs(cov[r * n + c]) + 1e-300))
        return ind_err_set(err, IND_EINVAL, "joint '%s': covariance is not symmetric and finite at (%d, %d)", key, r + 1, c + 1);
      chol[r * n + c] = cov[r * n + c];
    }
  /* positive definite? asked of the eigenvalues first: GSL's Cholesky reports a
   * failure through its error handler, which aborts unless the program has
   * turned it off, and a library must not abort */
  gsl_matrix *a = gsl_matrix_alloc((size_t)n, (size_t)n);
  gsl_vector *ev = gsl_vector_alloc((size_t)n);
  gsl_eigen_symm_workspace *ws = gsl_eigen_symm_alloc((size_t)n);
  int ok = a && ev && ws;
  if (ok) {
    for (int r = 0; r < n; r++)
      for (int c = 0; c < n; c++) gsl_matrix_set(a, (size_t)r, (size_t)c, cov[r * n + c]);
    ok = gsl_eigen_symm(a, ev, ws) == GSL_SUCCESS ? 2 : 0;
  }
  double scale = ok == 2 ? gsl_vector_max(ev) : 0.0, least = ok == 2 ? gsl_vector_min(ev) : 0.0;
  gsl_matrix_free(a);
  gsl_vector_free(ev);
  gsl_eigen_symm_free(ws);
  if (!ok) return ind_err_set(err, IND_ENOMEM, "out of memory checking joint '%s'", key);
  if (!(least > 1e-14 * scale && scale > 0))
    return ind_err_set(err, IND_EINVAL, "joint '%s': covariance is not positive definite (least eigenvalue %g)", key, least);
  gsl_matrix_view m = gsl_matrix_view_array(chol, (size_t)n, (size_t)n);
  if (gsl_linalg_cholesky_decomp1(&m.matrix) != GSL_SUCCESS)
    return ind_err_set(err, IND_EINVAL, "joint '%s': covariance is not positive definite", key);
  for (int r = 0; r < n; r++)
    for (int c = r + 1; c < n; c++) chol[r * n + c] = 0.0;
  return IND_OK;
}

ind_status ind_scenario_add_joint(ind_scenario *sc, const char *key, const char *const *keys, int n,
                                  const double *mean, const double *cov, ind_err *err) {
  if (n < 1) return ind_err_set(err, IND_EINVAL, "joint '%s' has no members", key);
  for (int k = 0; k < n; k++) {
    for (int j = 0; j < k; j++)
      if (strcmp(keys[j], keys[k]) == 0) return ind_err_set(err, IND_EINVAL, "joint '%s' names '%s' twice", key, keys[k]);
    int u = ind_scenario_uncertain_index(sc, keys[k]);
    if (u < 0) return ind_err_set(err, IND_EINVAL, "joint '%s': no uncertain number '%s'", key, keys[k]);
    if (sc->unc[u].joint >= 0) return ind_err_set(err, IND_EINVAL, "joint '%s': '%s' is already in a joint", key, keys[k]);
    if (!isfinite(mean[k])) return ind_err_set(err, IND_EINVAL, "joint '%s': mean of '%s' is not finite", key, keys[k]);
  }
  ind_joint *grown = realloc(sc->joints, (size_t)(sc->njoint + 1) * sizeof *grown);
  if (!grown) return ind_err_set(err, IND_ENOMEM, "out of memory");
  sc->joints = grown;
  ind_joint *j = &sc->joints[sc->njoint];
  memset(j, 0, sizeof *j);
  j->n = n;
  j->key = dup_text(key);
  j->mean = malloc((size_t)n * sizeof(double));
  j->chol = malloc((size_t)n * (size_t)n * sizeof(double));
  if (!j->key || !j->mean || !j->chol) {
    joint_clear(j);
    return ind_err_set(err, IND_ENOMEM, "out of memory");
  }
  memcpy(j->mean, mean, (size_t)n * sizeof(double));
  if (cholesky(cov, n, j->chol, key, err)) {
    joint_clear(j);
    return err ? err->code : IND_EINVAL;
  }
  for (int k = 0; k < n; k++) {
    ind_uncertain *u = &sc->unc[ind_scenario_uncertain_index(sc, keys[k])];
    u->joint = sc->njoint;
    u->pos = k;
  }
  sc->njoint++;
  return IND_OK;
}

ind_status ind_scenario_joint_logscale(ind_scenario *sc, const unsigned char *flags, ind_err *err) {
  if (sc->njoint < 1) return ind_err_set(err, IND_EINVAL, "no joint to mark");
  ind_joint *j = &sc->joints[sc->njoint - 1];
  if (!j->logscale && !(j->logscale = calloc((size_t)j->n, 1))) return ind_err_set(err, IND_ENOMEM, "out of memory");
  for (int k = 0; k < j->n; k++) j->logscale[k] = flags[k] <= 2 ? flags[k] : 1;
  return IND_OK;
}

ind_status ind_scenario_joint_bounds(ind_scenario *sc, const double *lo, const double *hi, ind_err *err) {
  if (sc->njoint < 1) return ind_err_set(err, IND_EINVAL, "no joint to bound");
  ind_joint *j = &sc->joints[sc->njoint - 1];
  for (int k = 0; k < j->n; k++)
    if (!(isfinite(lo[k]) && isfinite(hi[k]) && lo[k] < hi[k]))
      return ind_err_set(err, IND_EINVAL, "joint '%s': bounds of member %d must be finite with lo < hi", j->key, k + 1);
  if ((!j->lo && !(j->lo = malloc((size_t)j->n * sizeof(double)))) || (!j->hi && !(j->hi = malloc((size_t)j->n * sizeof(double)))))
    return ind_err_set(err, IND_ENOMEM, "out of memory");
  memcpy(j->lo, lo, (size_t)j->n * sizeof(double));
  memcpy(j->hi, hi, (size_t)j->n * sizeof(double));
  return IND_OK;
}

static ind_status check_params(const ind_scenario *sc, ind_err *err) {
  for (int p = 0; p < IND_NPARAMS; p++) {
    const ind_param_info *info = ind_param_info_get(p);
    int nsec = (info->flags & IND_PF_SHARED) ? 1 : sc->nsectors;
    for (int i = 0; i < nsec; i++) {
      double v = ind_scenario_get(sc, i, p);
      if (isnan(v) && (info->flags & IND_PF_OPTIONAL)) continue;
      if (!(v >= info->lo && v <= info->hi))
        return ind_err_set(err, IND_EINVAL, "%s%s%s: %s = %g outside its range [%g, %g] (%s)",
                           (info->flags & IND_PF_SHARED) ? "" : "sector '",
                           (info->flags & IND_PF_SHARED) ? "" : sc->sector_names[i],
                           (info->flags & IND_PF_SHARED) ? "scenario" : "'", info->name, v,
                           info->lo, info->hi, info->unit);
    }
  }
  return IND_OK;
}

/* A speed of convergence needs the rate it converges to. */
static ind_status check_convergence(const ind_scenario *sc, ind_err *err) {
  static const int pairs[][2] = {{IND_P_N_SPEED, IND_P_N_LONG}, {IND_P_GF_SPEED, IND_P_GF_LONG}, {IND_P_G_SPEED, IND_P_G_LONG}};
  for (int i = 0; i < sc->nsectors; i++)
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
      if (ind_scenario_get(sc, i, pairs[k][0]) > 0.0 && isnan(ind_scenario_get(sc, i, pairs[k][1])))
        return ind_err_set(err, IND_EINVAL, "sector '%s': %s > 0 needs %s, the rate to converge to",
                           sc->sector_names[i], ind_param_info_get(pairs[k][0])->name, ind_param_info_get(pairs[k][1])->name);
  return IND_OK;
}

static ind_status check_shock(const ind_scenario *sc, const ind_shock *s, ind_err *err) {
  const char *name = ind_param_info_get(s->param)->name;
  if (!(s->persistence >= 0.0 && s->persistence <= 0.99))
    return ind_err_set(err, IND_EINVAL, "shocks to %s: persistence %g outside [0, 0.99]", name, s->persistence);
  if (!(s->correlation >= 0.0 && s->correlation <= 1.0))
    return ind_err_set(err, IND_EINVAL, "shocks to %s: correlation %g outside [0, 1]", name, s->correlation);
  if (!(s->down_p >= 0.0 && s->down_p <= 0.5))
    return ind_err_set(err, IND_EINVAL, "shocks to %s: downturn probability %g outside [0, 0.5] a year", name, s->down_p);
  if (s->has_downturns && (ind_dist_check(&s->down_size) || s->down_years < 1 || s->down_years > 50))
    return ind_err_set(err, IND_EINVAL, "shocks to %s: a downturn needs a valid size distribution and 1..50 years", name);
  for (int i = 0; i < sc->nsectors; i++)
    if (!(s->sd[i] >= 0.0 && s->sd[i] <= 1.0))
      return ind_err_set(err, IND_EINVAL, "shocks to %s: sd %g in '%s' outside [0, 1]", name, s->sd[i], sc->sector_names[i]);
  if (!s->sectors) return ind_err_set(err, IND_EINVAL, "shocks to %s: no sector", name);
  return IND_OK;
}

static ind_status check_plausible(const ind_scenario *sc, const ind_plausible *p, ind_err *err) {
  if (p->var < 0 || p->var >= IND_NVARS || p->var_per < -1 || p->var_per >= IND_NVARS ||
      (p->sector != IND_TOTAL && (p->sector < 0 || p->sector >= sc->nsectors)) || isnan(p->lo) || isnan(p->hi) ||
      !(p->lo <= p->hi) || !isfinite(p->growth) || p->growth <= -1.0)
    return ind_err_set(err, IND_EINVAL, "plausible range '%s': a variable, a sector and limits lo <= hi expected", p->label);
  return IND_OK;
}

static ind_status check_policy(const ind_scenario *sc, const ind_policy *p, ind_err *err) {
  const char *bad = ind_profile_check(&p->profile);
  if (bad) return ind_err_set(err, IND_EINVAL, "policy '%s': %s", p->name, bad);
  if (!(p->strength >= 0.0) || !isfinite(p->strength))
    return ind_err_set(err, IND_EINVAL, "policy '%s': strength %g must be >= 0", p->name, p->strength);
  if (p->b50 != 0.0 && !(p->b50 > 0.0 && isfinite(p->b50) && p->budget >= 0.0 && isfinite(p->budget)))
    return ind_err_set(err, IND_EINVAL, "policy '%s': budget %g and B50 %g must be >= 0 and > 0", p->name, p->budget, p->b50);
  if (!(p->cost >= 0.0) || !isfinite(p->cost))
    return ind_err_set(err, IND_EINVAL, "policy '%s': cost %g must be >= 0 bn VND/yr", p->name, p->cost);
  for (int j = 0; j < p->neffects; j++)
    if (!isfinite(p->effects[j].size))
      return ind_err_set(err, IND_EINVAL, "policy '%s': effect %d on '%s' is not a finite number", p->name, j + 1,
                         ind_param_info_get(p->effects[j].param)->name);
  if ((p->neffects || p->cost > 0.0) && !p->targets)
    return ind_err_set(err, IND_EINVAL, "policy '%s' targets no sector", p->name);
  for (int j = 0; j < p->ntransfers; j++) {
    const ind_transfer *t = &p->transfers[j];
    if (t->src < 0 || t->src >= sc->nsectors || t->dst < 0 || t->dst >= sc->nsectors || t->src == t->dst)
      return ind_err_set(err, IND_EINVAL, "policy '%s': transfer between sectors %d and %d is not valid",
                         p->name, t->src + 1, t->dst + 1);
    if (!(t->rate >= 0.0 && t->rate <= 10.0))
      return ind_err_set(err, IND_EINVAL, "policy '%s': transfer rate %g outside [0, 10] per year",
                         p->name, t->rate);
  }
  return IND_OK;
}

static ind_status check_obs(const ind_scenario *sc, const ind_observation *o, int k, ind_err *err) {
  int first = sc->first_year, last = sc->last_year;
  int need = o->year0 - (o->kind == IND_OBS_LEVEL ? 0 : 1); /* growth looks one year back */
  if (o->sector != IND_TOTAL && (o->sector < 0 || o->sector >= sc->nsectors))
    return ind_err_set(err, IND_EINVAL, "observation %d: sector index %d not in the scenario", k + 1, o->sector);
  if (o->var != IND_V_PRODUCTION_VALUE && o->var != IND_V_VALUE_ADDED)
    return ind_err_set(err, IND_EINVAL, "observation %d: only production_value and value_added can be observed", k + 1);
  if (o->year1 < o->year0)
    return ind_err_set(err, IND_EINVAL, "observation %d: years %d..%d run backwards", k + 1, o->year0, o->year1);
  if (need < first || o->year1 > last)
    return ind_err_set(err, IND_EINVAL, "observation %d (%d..%d) needs years outside the period %d..%d",
                       k + 1, o->year0, o->year1, first, last);
  if (o->kind == IND_OBS_PERIOD_GROWTH && !(o->m0 >= 0 && o->m0 < o->m1 && o->m1 <= 12))
    return ind_err_set(err, IND_EINVAL, "observation %d: months [%g, %g) not within one year", k + 1, o->m0, o->m1);
  if (!isfinite(o->value) || !(o->se > 0) || !isfinite(o->se))
    return ind_err_set(err, IND_EINVAL, "observation %d: value %g and standard error %g must be finite, se > 0",
                       k + 1, o->value, o->se);
  return IND_OK;
}

static ind_status check_econ(const ind_scenario *sc, ind_err *err) {
  static const double lo[IND_NECON] = {-0.5, 1.0, 0.0, 0.0, 1e-9, -0.5, -0.5, 0.0};
  static const double hi[IND_NECON] = {1.0, 10.0, 1.0, 1.0, 1e9, 2.0, 2.0, 1.0};
  const ind_econ_params *e = &sc->econ;
  for (int j = 0; j < IND_NECON; j++)
    if (!(e->v[j] >= lo[j] && e->v[j] <= hi[j]))
      return ind_err_set(err, IND_EINVAL, "economics: %s = %g outside its range [%g, %g]", ind_econ_param_name(j), e->v[j],
                         lo[j], hi[j]);
  if (e->outflow_sector < -1 || e->outflow_sector >= sc->nsectors)
    return ind_err_set(err, IND_EINVAL, "economics: the profit-outflow sector is not in the scenario");
  return IND_OK;
}

static ind_status check_uncertain(const ind_scenario *sc, ind_err *err) {
  for (int k = 0; k < sc->nunc; k++) {
    const ind_uncertain *u = &sc->unc[k];
    const char *bad = u->joint < 0 ? ind_dist_check(&u->dist) : NULL;
    if (bad) return ind_err_set(err, IND_EINVAL, "uncertain '%s': %s", u->key, bad);
    for (int t = 0; t < u->ntargets; t++)
      if (isnan(ind_target_get(sc, &u->targets[t])) && !(u->targets[t].kind == IND_T_PARAM && u->targets[t].j == IND_P_M_NEW))
        return ind_err_set(err, IND_EINVAL, "uncertain '%s': target %d does not exist", u->key, t + 1);
  }
  return IND_OK;
}

ind_status ind_scenario_validate(const ind_scenario *sc, ind_err *err) {
  for (int i = 0; i < sc->nsectors; i++)
    if (!sc->sector_names[i]) return ind_err_set(err, IND_EINVAL, "sector %d has no name", i + 1);
  ind_status st = check_params(sc, err);
  for (int k = 0; !st && k < sc->npolicies; k++) st = check_policy(sc, &sc->policies[k], err);
  for (int k = 0; !st && k < sc->nobs; k++) st = check_obs(sc, &sc->obs[k], k, err);
  if (!st) st = check_convergence(sc, err);
  for (int k = 0; !st && k < sc->nshocks; k++) st = check_shock(sc, &sc->shocks[k], err);
  for (int k = 0; !st && k < sc->nplausible; k++) st = check_plausible(sc, &sc->plausible[k], err);
  if (!st) st = check_uncertain(sc, err);
  if (!st) st = check_econ(sc, err);
  const ind_solver_opts *o = &sc->solver;
  if (!st && !((unsigned)o->method < IND_NMETHODS && o->rtol > 0 && o->rtol < 1 && o->atol >= 0 &&
               o->h0 > 0 && o->max_steps > 0))
    st = ind_err_set(err, IND_EINVAL, "solver options out of range (rtol in (0,1), atol >= 0, h0 > 0)");
  return st;
}
