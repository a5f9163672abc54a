/* ind_draw.c — per-key random streams (GSL's taus2, cheap to seed) and the
 * application of a draw to a scenario's targets. */
#include "ind_draw.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ind_shock.h"

struct ind_drawer {
  gsl_rng *rng;
  double *z, *x; /* joint normals: standard normals and the values, longest joint */
  int zcap;
};

double ind_joint_value(const ind_joint *j, int k, double v) {
  int scale = j->logscale ? j->logscale[k] : 0;
  if (scale == 2) {
    double lo = j->lo ? j->lo[k] : 0.0, hi = j->hi ? j->hi[k] : 1.0;
    return lo + (hi - lo) / (1.0 + exp(-v));
  }
  return scale == 1 ? exp(v) : v;
}

static uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

static uint64_t fnv1a(const char *s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
  return h;
}

uint64_t ind_stream_seed(uint64_t seed, uint64_t index, const char *key) {
  return splitmix64(splitmix64(splitmix64(seed) ^ index) ^ fnv1a(key));
}

ind_drawer *ind_drawer_alloc(const ind_scenario *sc, ind_err *err) {
  ind_drawer *d = calloc(1, sizeof *d);
  if (!d) goto nomem;
  for (int j = 0; j < sc->njoint; j++)
    if (sc->joints[j].n > d->zcap) d->zcap = sc->joints[j].n;
  d->rng = gsl_rng_alloc(gsl_rng_taus2);
  d->z = malloc((size_t)(d->zcap ? d->zcap : 1) * sizeof(double));
  d->x = malloc((size_t)(d->zcap ? d->zcap : 1) * sizeof(double));
  if (!d->rng || !d->z || !d->x) goto nomem;
  return d;
nomem:
  ind_drawer_free(d);
  ind_err_set(err, IND_ENOMEM, "out of memory preparing draws");
  return NULL;
}

void ind_drawer_free(ind_drawer *d) {
  if (!d) return;
  if (d->rng) gsl_rng_free(d->rng);
  free(d->z);
  free(d->x);
  free(d);
}

static void seed_stream(gsl_rng *rng, uint64_t seed, uint64_t index, const char *key) {
  /* gsl_rng_set takes an unsigned long; taus2 is fully seeded by its low 32 bits */
  uint64_t s = ind_stream_seed(seed, index, key);
  gsl_rng_set(rng, (unsigned long)(s ^ (s >> 32)));
}

static ind_status set_all(ind_scenario *sc, const ind_uncertain *u, double v, ind_err *err) {
  for (int t = 0; t < u->ntargets; t++) {
    ind_status st = ind_target_set(sc, &u->targets[t], v, err);
    if (st) return st;
  }
  return IND_OK;
}

/* x = mean + L z for joint j, z from the joint's own stream. */
static void draw_joint(ind_drawer *d, const ind_joint *j, uint64_t seed, uint64_t index) {
  seed_stream(d->rng, seed, index, j->key);
  for (int r = 0; r < j->n; r++) d->z[r] = gsl_ran_gaussian_ziggurat(d->rng, 1.0);
  for (int r = 0; r < j->n; r++) {
    double v = j->mean[r];
    for (int c = 0; c <= r; c++) v += j->chol[r * j->n + c] * d->z[c];
    d->x[r] = ind_joint_value(j, r, v);
  }
}

ind_status ind_drawer_apply(ind_drawer *d, ind_scenario *sc, uint64_t seed, uint64_t index, ind_err *err) {
  ind_status st = IND_OK;
  ind_scenario_zero_shocks(sc);
  for (int k = 0; !st && k < sc->nunc; k++) {
    const ind_uncertain *u = &sc->unc[k];
    if (u->joint >= 0) continue;
    seed_stream(d->rng, seed, index, u->key);
    st = set_all(sc, u, ind_dist_sample(&u->dist, d->rng), err);
  }
  for (int j = 0; !st && j < sc->njoint; j++) {
    draw_joint(d, &sc->joints[j], seed, index);
    for (int k = 0; !st && k < sc->nunc; k++)
      if (sc->unc[k].joint == j) st = set_all(sc, &sc->unc[k], d->x[sc->unc[k].pos], err);
  }
  return st;
}

void ind_drawer_apply_shocks(ind_drawer *d, ind_scenario *sc, uint64_t seed, uint64_t index) {
  for (int k = 0; k < sc->nshocks; k++) {
    seed_stream(d->rng, seed, index, sc->shocks[k].key);
    ind_shock_fill_path(sc, &sc->shocks[k], d->rng);
  }
}

double ind_drawer_normal(ind_drawer *d, uint64_t seed, uint64_t index, const char *key) {
  seed_stream(d->rng, seed, index, key);
  return gsl_ran_gaussian_ziggurat(d->rng, 1.0);
}

ind_status ind_scenario_apply_medians(ind_scenario *sc, ind_err *err) {
  ind_status st = IND_OK;
  ind_scenario_zero_shocks(sc);
  for (int k = 0; !st && k < sc->nunc; k++) {
    const ind_uncertain *u = &sc->unc[k];
    const ind_joint *j = u->joint >= 0 ? &sc->joints[u->joint] : NULL;
    double v = !j ? ind_dist_median(&u->dist) : ind_joint_value(j, u->pos, j->mean[u->pos]);
    st = set_all(sc, u, v, err);
  }
  return st;
}

int ind_inputs_count(const ind_scenario *sc) {
  int d = 0;
  for (int k = 0; k < sc->nunc; k++) d += sc->unc[k].joint < 0;
  for (int j = 0; j < sc->njoint; j++) d += sc->joints[j].n;
  return d;
}

/* The uncertain number that input k draws (a joint member: the one at its place). */
static const ind_uncertain *input_number(const ind_scenario *sc, int k) {
  for (int u = 0; u < sc->nunc; u++)
    if (sc->unc[u].joint < 0 && k-- == 0) return &sc->unc[u];
  for (int j = 0; j < sc->njoint; j++) {
    if (k >= sc->joints[j].n) {
      k -= sc->joints[j].n;
      continue;
    }
    for (int u = 0; u < sc->nunc; u++)
      if (sc->unc[u].joint == j && sc->unc[u].pos == k) return &sc->unc[u];
  }
  return NULL;
}

const char *ind_inputs_name(const ind_scenario *sc, int k, char *buf, int n) {
  const ind_uncertain *u = input_number(sc, k);
  snprintf(buf, (size_t)n, "%s", u ? u->key : "?");
  return buf;
}

static ind_status set_all_targets(ind_scenario *sc, const ind_uncertain *u, double v, ind_err *err) {
  for (int t = 0; t < u->ntargets; t++) {
    ind_status st = ind_target_set(sc, &u->targets[t], v, err);
    if (st) return st;
  }
  return IND_OK;
}

ind_status ind_inputs_apply(ind_scenario *sc, const double *u, ind_err *err) {
  int k = 0;
  ind_status st = IND_OK;
  for (int i = 0; !st && i < sc->nunc; i++)
    if (sc->unc[i].joint < 0) st = set_all_targets(sc, &sc->unc[i], ind_dist_quantile(&sc->unc[i].dist, u[k++]), err);
  for (int j = 0; !st && j < sc->njoint; j++) {
    const ind_joint *jt = &sc->joints[j];
    for (int i = 0; !st && i < sc->nunc; i++) {
      const ind_uncertain *m = &sc->unc[i];
      if (m->joint != j) continue;
      double v = jt->mean[m->pos];
      for (int c = 0; c <= m->pos; c++) v += jt->chol[m->pos * jt->n + c] * gsl_cdf_ugaussian_Pinv(u[k + c]);
      st = set_all_targets(sc, m, ind_joint_value(jt, m->pos, v), err);
    }
    k += jt->n;
  }
  return st;
}
