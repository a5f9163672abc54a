/* ind_scenario.c — building, copying, checking and freeing scenarios. */
#include "ind_scenario.h"

#include <math.h>
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
  sc->sector_names = calloc((size_t)nsectors, sizeof(char *));
  sc->sector_titles = calloc((size_t)nsectors, sizeof(char *));
  sc->params = malloc(nparams_of(nsectors) * sizeof(double));
  if (!sc->name || !sc->title || !sc->sector_names || !sc->sector_titles || !sc->params) goto nomem;
  for (int p = 0; p < IND_NPARAMS; p++)
    for (int i = 0; i < nsectors; i++) *ind_scenario_param(sc, i, p) = ind_param_info_get(p)->def;
  sc->solver = (ind_solver_opts){IND_RKF45, 1e-8, 1e-10, 1e-3, 100000};
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

void ind_scenario_free(ind_scenario *sc) {
  if (!sc) return;
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
  free(sc);
}

ind_status ind_scenario_set_text(ind_scenario *sc, const char *title, ind_err *err) {
  if (!set_text(&sc->title, title)) return ind_err_set(err, IND_ENOMEM, "out of memory");
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

ind_scenario *ind_scenario_copy(const ind_scenario *s, ind_err *err) {
  ind_scenario *d = ind_scenario_new(s->name, s->first_year, s->last_year, s->nsectors, err);
  if (!d) return NULL;
  if (ind_scenario_set_text(d, s->title, err)) goto fail;
  for (int i = 0; i < s->nsectors; i++)
    if (s->sector_names[i] && ind_scenario_set_sector(d, i, s->sector_names[i], s->sector_titles[i], err))
      goto fail;
  memcpy(d->params, s->params, nparams_of(s->nsectors) * sizeof(double));
  d->solver = s->solver;
  if (s->npolicies) {
    d->policies = calloc((size_t)s->npolicies, sizeof *d->policies);
    if (!d->policies) goto nomem;
    for (; d->npolicies < s->npolicies; d->npolicies++)
      if (!copy_policy(&d->policies[d->npolicies], &s->policies[d->npolicies])) goto nomem;
  }
  for (int k = 0; k < s->nobs; k++)
    if (ind_scenario_add_obs(d, &s->obs[k], err)) goto fail;
  return d;
nomem:
  ind_err_set(err, IND_ENOMEM, "out of memory copying scenario");
fail:
  ind_scenario_free(d);
  return NULL;
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

static ind_status check_policy(const ind_scenario *sc, const ind_policy *p, ind_err *err) {
  const char *bad = ind_profile_check(&p->profile);
  if (bad) return ind_err_set(err, IND_EINVAL, "policy '%s': %s", p->name, bad);
  if (!(p->strength >= 0.0) || !isfinite(p->strength))
    return ind_err_set(err, IND_EINVAL, "policy '%s': strength %g must be >= 0", p->name, p->strength);
  if (!(p->cost >= 0.0) || !isfinite(p->cost))
    return ind_err_set(err, IND_EINVAL, "policy '%s': cost %g must be >= 0 bn VND/yr", p->name, p->cost);
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

ind_status ind_scenario_validate(const ind_scenario *sc, ind_err *err) {
  for (int i = 0; i < sc->nsectors; i++)
    if (!sc->sector_names[i]) return ind_err_set(err, IND_EINVAL, "sector %d has no name", i + 1);
  ind_status st = check_params(sc, err);
  for (int k = 0; !st && k < sc->npolicies; k++) st = check_policy(sc, &sc->policies[k], err);
  for (int k = 0; !st && k < sc->nobs; k++) st = check_obs(sc, &sc->obs[k], k, err);
  const ind_solver_opts *o = &sc->solver;
  if (!st && !((unsigned)o->method < IND_NMETHODS && o->rtol > 0 && o->rtol < 1 && o->atol >= 0 &&
               o->h0 > 0 && o->max_steps > 0))
    st = ind_err_set(err, IND_EINVAL, "solver options out of range (rtol in (0,1), atol >= 0, h0 > 0)");
  return st;
}
