/* ind_model.c — the model's equations (docs/model.md §2) and the evaluation
 * of policy-moved parameters. Uses GSL only for its status codes. */
#include "ind_model.h"

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct flat_effect {
  int policy;           /* whose weight w_k(t) scales it */
  int effect;           /* which of its effects */
  int idx;              /* index into the parameter arrays */
  ind_effect_kind kind;
  double size;          /* size × strength, set by ind_model_refresh */
} flat_effect;

typedef struct touched_param {
  int idx;              /* index into the parameter arrays */
  double lo, hi;        /* its admissible range */
} touched_param;

typedef struct flat_transfer {
  int policy, transfer, src, dst;
  double rate;          /* rate × strength, set by ind_model_refresh */
} flat_transfer;

struct ind_model {
  const ind_scenario *sc;
  int n, np;            /* sectors; parameters in all */
  double *a0, *f0abs;   /* per sector: TFP level, outside investment at t0 (bn VND/yr) */
  int neff, ntouched, ntouched_eff, ntr;
  flat_effect *eff;
  touched_param *touched; /* the parameters some effect, convergence or shock moves (effects' first) */
  int nconv;
  struct converging { int idx; double lng, speed; } *conv; /* growth that slows (§2.4), set by refresh */
  int year;             /* the year whose shocks cur holds (-1: none yet) */
  int cache_ok;         /* cur is valid for the weights in w (no absent m_new is moved) */
  int nan_base;         /* some moved parameter has an absent base (m_new): depends on y */
  flat_transfer *tr;
  double *w;            /* per policy: weight at the current t */
  double *cur, *mul, *add;
  double *clamp_first;  /* np + 2n entries: first time a clamp bound, NaN if never; then s, then F, per sector */
  double stretch_start, stretch_end, stretch_left; /* see ind_model_set_stretch */
  int linear;           /* inside a stretch: w_k(t) = w0[k] + w1[k]·(t − start) */
  double *w0, *w1;
  int record;           /* clamps are noted only in ind_model_note_clamps, at accepted states */
  double fail_t;
  int fail_sector;
  const char *fail_what;
  long nrhs;
};

static int pidx(const ind_model *m, int sector, int param) {
  return param >= IND_NSECTOR_PARAMS ? m->n * IND_NSECTOR_PARAMS + (param - IND_NSECTOR_PARAMS)
                                     : sector * IND_NSECTOR_PARAMS + param;
}

static int param_of(const ind_model *m, int idx) {
  return idx < m->n * IND_NSECTOR_PARAMS ? idx % IND_NSECTOR_PARAMS : IND_NSECTOR_PARAMS + (idx - m->n * IND_NSECTOR_PARAMS);
}

static int add_touched(ind_model *m, int idx) {
  for (int j = 0; j < m->ntouched; j++)
    if (m->touched[j].idx == idx) return 0;
  const ind_param_info *info = ind_param_info_get(param_of(m, idx));
  m->touched[m->ntouched++] = (touched_param){idx, info->lo, info->hi};
  return 1;
}

/* Flattens every policy's effects to one entry per (policy, parameter slot). */
static ind_status flatten(ind_model *m, ind_err *err) {
  const ind_scenario *sc = m->sc;
  int ne = 0, nt = 0;
  for (int k = 0; k < sc->npolicies; k++) {
    ne += sc->policies[k].neffects * m->n;
    nt += sc->policies[k].ntransfers;
  }
  m->eff = malloc((size_t)(ne ? ne : 1) * sizeof *m->eff);
  m->touched = malloc((size_t)m->np * sizeof *m->touched);
  m->tr = malloc((size_t)(nt ? nt : 1) * sizeof *m->tr);
  if (!m->eff || !m->touched || !m->tr) return ind_err_set(err, IND_ENOMEM, "out of memory");
  for (int k = 0; k < sc->npolicies; k++) {
    const ind_policy *p = &sc->policies[k];
    for (int j = 0; j < p->neffects; j++) {
      const ind_effect *e = &p->effects[j];
      int shared = e->param >= IND_NSECTOR_PARAMS;
      for (int i = 0; i < m->n; i++) {
        if (!shared && !(p->targets >> i & 1)) continue;
        int idx = pidx(m, i, e->param);
        m->eff[m->neff++] = (flat_effect){k, j, idx, e->kind, 0.0};
        add_touched(m, idx);
        if (shared) break;
      }
    }
    for (int j = 0; j < p->ntransfers; j++) {
      const ind_transfer *t = &p->transfers[j];
      m->tr[m->ntr++] = (flat_transfer){k, j, t->src, t->dst, 0.0};
    }
  }
  m->ntouched_eff = m->ntouched;
  m->conv = malloc((size_t)(3 * m->n) * sizeof *m->conv);
  if (!m->conv) return ind_err_set(err, IND_ENOMEM, "out of memory");
  return IND_OK;
}

/* The rates that converge (speed > 0) and those shocks move are touched too:
 * which ones depends on the values, so refresh redoes it. */
static void touch_dynamic(ind_model *m) {
  static const int rate[][3] = {{IND_P_N, IND_P_N_LONG, IND_P_N_SPEED}, {IND_P_GF, IND_P_GF_LONG, IND_P_GF_SPEED},
                                {IND_P_G, IND_P_G_LONG, IND_P_G_SPEED}};
  const ind_scenario *sc = m->sc;
  m->ntouched = m->ntouched_eff;
  m->nconv = 0;
  for (int i = 0; i < m->n; i++)
    for (int k = 0; k < 3; k++) {
      double speed = ind_scenario_get(sc, i, rate[k][2]);
      if (!(speed > 0.0)) continue;
      int idx = pidx(m, i, rate[k][0]);
      m->conv[m->nconv++] = (struct converging){idx, ind_scenario_get(sc, i, rate[k][1]), speed};
      add_touched(m, idx);
    }
  for (int k = 0; k < sc->nshocks; k++)
    for (int i = 0; i < m->n; i++)
      if (sc->shocks[k].sectors >> i & 1) add_touched(m, pidx(m, i, sc->shocks[k].param));
}

/* A0 and F0 in bn VND from the base (policy-free) starting values. */
static void derive_levels(ind_model *m) {
  for (int i = 0; i < m->n; i++) {
    const double *P = m->sc->params + (size_t)i * IND_NSECTOR_PARAMS;
    double y0 = P[IND_P_OUTPUT0] * P[IND_P_VA_SHARE0], a = P[IND_P_ALPHA];
    double k0 = P[IND_P_KAPPA] * y0;
    double leff = P[IND_P_EMPLOYMENT0] * (1.0 + P[IND_P_THETA] * P[IND_P_SKILLED0]);
    m->a0[i] = y0 / ((1.0 + P[IND_P_MU] * P[IND_P_MODERN0]) * pow(k0, a) * pow(leff, 1.0 - a));
    m->f0abs[i] = y0; /* times f0(t) in the right-hand side */
  }
}

static double strength_of(const ind_policy *p) {
  return p->b50 > 0.0 ? p->budget / (p->budget + p->b50) : p->strength;
}

void ind_model_refresh(ind_model *m) {
  const ind_scenario *sc = m->sc;
  for (int j = 0; j < m->neff; j++) {
    const ind_policy *p = &sc->policies[m->eff[j].policy];
    m->eff[j].size = p->effects[m->eff[j].effect].size * strength_of(p);
  }
  for (int j = 0; j < m->ntr; j++) {
    const ind_policy *p = &sc->policies[m->tr[j].policy];
    m->tr[j].rate = p->transfers[m->tr[j].transfer].rate * strength_of(p);
  }
  memcpy(m->cur, sc->params, (size_t)m->np * sizeof(double));
  derive_levels(m);
  touch_dynamic(m);
  m->year = -1;
  m->nan_base = 0;
  for (int j = 0; j < m->ntouched; j++) m->nan_base |= isnan(sc->params[m->touched[j].idx]);
  m->cache_ok = 0;
}

ind_model *ind_model_alloc(const ind_scenario *sc, ind_err *err) {
  ind_status st = ind_scenario_validate(sc, err);
  if (st) return NULL;
  ind_model *m = calloc(1, sizeof *m);
  if (!m) goto nomem;
  m->sc = sc;
  m->n = sc->nsectors;
  m->np = m->n * IND_NSECTOR_PARAMS + IND_NSHARED_PARAMS;
  size_t np = (size_t)m->np, n = (size_t)m->n;
  m->a0 = malloc(n * sizeof(double));
  m->f0abs = malloc(n * sizeof(double));
  m->w = calloc((size_t)(sc->npolicies ? sc->npolicies : 1), sizeof(double));
  m->w0 = calloc((size_t)(sc->npolicies ? sc->npolicies : 1), sizeof(double));
  m->w1 = calloc((size_t)(sc->npolicies ? sc->npolicies : 1), sizeof(double));
  m->cur = malloc(np * sizeof(double));
  m->mul = malloc(np * sizeof(double));
  m->add = malloc(np * sizeof(double));
  m->clamp_first = malloc((np + 2 * n) * sizeof(double));
  if (!m->a0 || !m->f0abs || !m->w || !m->w0 || !m->w1 || !m->cur || !m->mul || !m->add || !m->clamp_first) goto nomem;
  if (flatten(m, err)) goto fail;
  ind_model_refresh(m);
  ind_model_set_stretch(m, -INFINITY, INFINITY);
  ind_model_reset_diagnostics(m);
  return m;
nomem:
  ind_err_set(err, IND_ENOMEM, "out of memory compiling the model");
fail:
  ind_model_free(m);
  return NULL;
}

void ind_model_free(ind_model *m) {
  if (!m) return;
  free(m->a0);
  free(m->f0abs);
  free(m->eff);
  free(m->touched);
  free(m->conv);
  free(m->tr);
  free(m->w);
  free(m->w0);
  free(m->w1);
  free(m->cur);
  free(m->mul);
  free(m->add);
  free(m->clamp_first);
  free(m);
}

int ind_model_dim(const ind_model *m) { return IND_STATE_DIM(m->n); }
const ind_scenario *ind_model_scenario(const ind_model *m) { return m->sc; }
double ind_model_a0(const ind_model *m, int sector) { return m->a0[sector]; }
long ind_model_rhs_calls(const ind_model *m) { return m->nrhs; }

void ind_model_set_stretch(ind_model *m, double start, double end) {
  const ind_scenario *sc = m->sc;
  m->stretch_start = start;
  m->stretch_end = end;
  m->stretch_left = nextafter(end, -INFINITY);
  m->linear = isfinite(start);
  if (!m->linear) return;
  /* every kink is a breakpoint, so each profile is linear on the stretch: two
   * evaluations give it, and each right-hand side costs a multiply-add */
  for (int k = 0; k < sc->npolicies; k++) {
    const ind_profile *p = &sc->policies[k].profile;
    m->w0[k] = ind_profile_weight(p, start);
    m->w1[k] = isfinite(end) && m->stretch_left > start ? (ind_profile_weight(p, m->stretch_left) - m->w0[k]) / (m->stretch_left - start) : 0.0;
  }
}

void ind_model_reset_diagnostics(ind_model *m) {
  for (int j = 0; j < m->np + 2 * m->n; j++) m->clamp_first[j] = NAN;
  m->fail_sector = -2;
  m->fail_what = NULL;
  m->fail_t = NAN;
  m->nrhs = 0;
}

void ind_model_initial(const ind_model *m, double *y) {
  for (int i = 0; i < m->n; i++) {
    const double *P = m->sc->params + (size_t)i * IND_NSECTOR_PARAMS;
    double *s = y + (size_t)i * IND_NSTATE;
    double y0 = P[IND_P_OUTPUT0] * P[IND_P_VA_SHARE0];
    s[IND_S_K] = P[IND_P_KAPPA] * y0;
    s[IND_S_L] = P[IND_P_EMPLOYMENT0];
    s[IND_S_H] = P[IND_P_SKILLED0];
    s[IND_S_M] = P[IND_P_MODERN0];
    s[IND_S_Z] = 1.0;
    s[IND_S_G] = 1.0;
    s[IND_S_V] = P[IND_P_VA_SHARE0];
    s[IND_S_Q] = s[IND_S_VA] = s[IND_S_ICUM] = s[IND_S_LCUM] = 0.0;
  }
  y[IND_STATE_E(m->n)] = 0.0;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int ind_model_breakpoints(const ind_model *m, double t0, double t1, double *out, int cap) {
  int n = 0;
  for (int k = 0; k < m->sc->npolicies; k++) {
    double b[IND_PROFILE_MAX_BREAKS];
    int nb = ind_profile_breakpoints(&m->sc->policies[k].profile, b);
    for (int j = 0; j < nb && n < cap; j++)
      if (b[j] > t0 && b[j] < t1) out[n++] = b[j];
  }
  if (m->sc->nshocks) /* a shock's rate jumps at each 1 January */
    for (double y = floor(t0) + 1.0; y < t1 && n < cap; y += 1.0) out[n++] = y;
  qsort(out, (size_t)n, sizeof *out, cmp_double);
  int u = 0;
  for (int j = 0; j < n; j++)
    if (u == 0 || out[j] != out[u - 1]) out[u++] = out[j];
  return u;
}

static void note_clamp(ind_model *m, int slot, double t) {
  if (m->record && (isnan(m->clamp_first[slot]) || t < m->clamp_first[slot])) m->clamp_first[slot] = t;
}

void ind_model_note_clamps(ind_model *m, double t, const double *y, double *scratch) {
  m->record = 1;
  m->cache_ok = 0; /* recompute, so that every clamp is seen */
  long calls = m->nrhs;
  ind_model_rhs(t, y, scratch, m);
  m->nrhs = calls;
  m->record = 0;
}

/* Moved parameter values are kept inside their admissible range. */
static void clamp_param(ind_model *m, const touched_param *tp, double t) {
  double v = m->cur[tp->idx];
  if (v < tp->lo || v > tp->hi) {
    m->cur[tp->idx] = v < tp->lo ? tp->lo : tp->hi;
    note_clamp(m, tp->idx, t);
  }
}

/* The weights at t; returns 1 if any differs from the last ones. */
static int update_weights(ind_model *m, double t) {
  const ind_scenario *sc = m->sc;
  double tw = t >= m->stretch_end ? m->stretch_left : t;
  int changed = 0;
  for (int k = 0; k < sc->npolicies; k++) {
    double w = m->linear && tw >= m->stretch_start ? m->w0[k] + m->w1[k] * (tw - m->stretch_start)
                                                   : ind_profile_weight(&sc->policies[k].profile, tw);
    changed |= w != m->w[k];
    m->w[k] = w;
  }
  return changed;
}

/* A base value as the scenario gives it at t: converged (§2.4), or for an
 * absent m_new the sector's current mix. */
static double base_at(const ind_model *m, int idx, double t, const double *y) {
  double base = m->sc->params[idx];
  if (isnan(base)) { /* absent m_new: new capital brings the sector's current mix */
    int i = idx / IND_NSECTOR_PARAMS;
    return y ? y[(size_t)i * IND_NSTATE + IND_S_M] : 0.0;
  }
  for (int k = 0; k < m->nconv; k++)
    if (m->conv[k].idx == idx)
      return m->conv[k].lng + (base - m->conv[k].lng) * exp(-m->conv[k].speed * (t - m->sc->first_year));
  return base;
}

/* Adds this year's shocks to the additive terms (year: the calendar year of t). */
static void add_shocks(ind_model *m, int year) {
  const ind_scenario *sc = m->sc;
  int k = year - sc->first_year, ny = sc->last_year - sc->first_year + 1;
  if (k < 0) k = 0;
  if (k >= ny) k = ny - 1;
  for (int s = 0; s < sc->nshocks; s++) {
    const ind_shock *sh = &sc->shocks[s];
    for (int i = 0; i < m->n; i++)
      if (sh->sectors >> i & 1) m->add[pidx(m, i, sh->param)] += sh->path[(size_t)k * (size_t)m->n + (size_t)i];
  }
}

const double *ind_model_params_at(ind_model *m, double t, const double *y) {
  const ind_scenario *sc = m->sc;
  double tw = t >= m->stretch_end ? m->stretch_left : t; /* as update_weights reads it */
  int year = (int)floor(tw);
  if (!update_weights(m, t) && m->cache_ok && (year == m->year || !sc->nshocks)) return m->cur; /* same parameters */
  m->year = year;
  for (int j = 0; j < m->ntouched; j++) {
    m->mul[m->touched[j].idx] = 1.0;
    m->add[m->touched[j].idx] = 0.0;
  }
  for (int j = 0; j < m->neff; j++) {
    const flat_effect *e = &m->eff[j];
    double w = m->w[e->policy];
    if (w == 0.0) continue;
    if (e->kind == IND_EFFECT_MUL) m->mul[e->idx] *= 1.0 + e->size * w;
    else m->add[e->idx] += e->size * w;
  }
  if (sc->nshocks) add_shocks(m, year);
  for (int j = 0; j < m->ntouched; j++) {
    int idx = m->touched[j].idx;
    m->cur[idx] = base_at(m, idx, tw, y) * m->mul[idx] + m->add[idx];
    clamp_param(m, &m->touched[j], t);
  }
  m->cache_ok = !m->nan_base && !m->record && !m->nconv;
  return m->cur;
}

static int fail(ind_model *m, double t, int sector, const char *what) {
  m->fail_t = t;
  m->fail_sector = sector;
  m->fail_what = what;
  return GSL_FAILURE;
}

static const char *const state_names[IND_NSTATE] = {
  "capital", "employment", "skilled share", "modern-technology share", "TFP index",
  "outside-investment index", "value-added share", "production value", "value added",
  "investment", "employment (cumulative)"};

/* One sector's own flows (no transfers). */
static void sector_rhs(ind_model *m, int i, double t, const double *s, double E, double *d) {
  const double *P = m->cur + (size_t)i * IND_NSECTOR_PARAMS;
  double K = s[IND_S_K], L = s[IND_S_L], H = s[IND_S_H], M = s[IND_S_M], a = P[IND_P_ALPHA];
  double A = m->a0[i] * s[IND_S_Z] * (1.0 + P[IND_P_MU] * M);
  double leff = L * (1.0 + P[IND_P_THETA] * H);
  double Y = A * exp(a * log(K) + (1.0 - a) * log(leff));
  double sraw = P[IND_P_S] * (1.0 + P[IND_P_BS] * E) + P[IND_P_DS];
  double smax = P[IND_P_S_MAX];
  double seff = sraw < 0.0 ? 0.0 : (sraw > smax ? smax : sraw);
  if (seff != sraw) note_clamp(m, m->np + i, t);
  double F = P[IND_P_F0] * m->f0abs[i] * s[IND_S_G] * (1.0 + P[IND_P_BF] * E);
  if (F < 0.0) { /* a business environment far below the start cannot make investment negative */
    F = 0.0;
    note_clamp(m, m->np + m->n + i, t);
  }
  double I = seff * Y + F;
  double mnew = isnan(P[IND_P_M_NEW]) ? M : P[IND_P_M_NEW];
  double n = P[IND_P_N];
  d[IND_S_K] = I - P[IND_P_DELTA] * K;
  d[IND_S_L] = n * L;
  d[IND_S_H] = P[IND_P_R] * (1.0 - H) - (P[IND_P_RHO] + (n > 0.0 ? n : 0.0)) * H;
  d[IND_S_M] = (P[IND_P_P] + P[IND_P_Q] * (1.0 + P[IND_P_K] * H) * M) * (1.0 - M) -
               P[IND_P_OMEGA] * M + (I / K) * (mnew - M);
  d[IND_S_Z] = P[IND_P_G] * s[IND_S_Z];
  d[IND_S_G] = P[IND_P_GF] * s[IND_S_G];
  d[IND_S_V] = P[IND_P_DV] * s[IND_S_V];
  d[IND_S_Q] = Y / s[IND_S_V];
  d[IND_S_VA] = Y;
  d[IND_S_ICUM] = I;
  d[IND_S_LCUM] = L;
}

static void transfer_rhs(const ind_model *m, const double *y, double *dydt) {
  for (int j = 0; j < m->ntr; j++) {
    const flat_transfer *tr = &m->tr[j];
    double tau = tr->rate * m->w[tr->policy];
    if (tau == 0.0) continue;
    const double *a = y + (size_t)tr->src * IND_NSTATE, *b = y + (size_t)tr->dst * IND_NSTATE;
    double *da = dydt + (size_t)tr->src * IND_NSTATE, *db = dydt + (size_t)tr->dst * IND_NSTATE;
    double outK = tau * a[IND_S_K], outL = tau * a[IND_S_L];
    da[IND_S_K] -= outK;
    db[IND_S_K] += outK;
    da[IND_S_L] -= outL;
    db[IND_S_L] += outL;
    db[IND_S_H] += outL * (a[IND_S_H] - b[IND_S_H]) / b[IND_S_L];
    db[IND_S_M] += outK * (a[IND_S_M] - b[IND_S_M]) / b[IND_S_K];
  }
}

int ind_model_rhs(double t, const double y[], double dydt[], void *model) {
  ind_model *m = model;
  m->nrhs++;
  const double *P = ind_model_params_at(m, t, y);
  int iE = IND_STATE_E(m->n);
  double E = y[iE];
  for (int i = 0; i < m->n; i++) {
    const double *s = y + (size_t)i * IND_NSTATE;
    if (!(s[IND_S_K] > 0.0) || !(s[IND_S_L] > 0.0) || !(s[IND_S_V] > 0.0))
      return fail(m, t, i, !(s[IND_S_K] > 0.0) ? "capital" : !(s[IND_S_L] > 0.0) ? "employment" : "value-added share");
    sector_rhs(m, i, t, s, E, dydt + (size_t)i * IND_NSTATE);
  }
  const double *S = P + (size_t)m->n * IND_NSECTOR_PARAMS;
  dydt[iE] = (S[IND_P_E_TARGET - IND_NSECTOR_PARAMS] - E) / S[IND_P_TAU_E - IND_NSECTOR_PARAMS];
  transfer_rhs(m, y, dydt);
  for (int j = 0; j < iE + 1; j++)
    if (!isfinite(dydt[j]))
      return fail(m, t, j < iE ? j / IND_NSTATE : IND_TOTAL,
                  j < iE ? state_names[j % IND_NSTATE] : "business environment");
  return GSL_SUCCESS;
}

void ind_model_clear_failure(ind_model *m) {
  m->fail_what = NULL;
  m->fail_sector = -2;
  m->fail_t = NAN;
}

int ind_model_failure(const ind_model *m, double *t, int *sector, const char **what) {
  if (!m->fail_what) return 0;
  if (t) *t = m->fail_t;
  if (sector) *sector = m->fail_sector;
  if (what) *what = m->fail_what;
  return 1;
}

void ind_model_clamps(const ind_model *m, ind_clamp_fn fn, void *ud) {
  for (int j = 0; j < m->np; j++) {
    if (isnan(m->clamp_first[j])) continue;
    int shared = j >= m->n * IND_NSECTOR_PARAMS;
    int param = shared ? IND_NSECTOR_PARAMS + (j - m->n * IND_NSECTOR_PARAMS) : j % IND_NSECTOR_PARAMS;
    fn(ud, shared ? IND_TOTAL : j / IND_NSECTOR_PARAMS, ind_param_info_get(param)->name, m->clamp_first[j]);
  }
  for (int i = 0; i < m->n; i++) {
    if (!isnan(m->clamp_first[m->np + i])) fn(ud, i, "reinvested share s (0..s_max)", m->clamp_first[m->np + i]);
    if (!isnan(m->clamp_first[m->np + m->n + i])) fn(ud, i, "outside investment F (>= 0)", m->clamp_first[m->np + m->n + i]);
  }
}
