/* ind_ensemble.c — Monte Carlo ensembles on POSIX threads. Each block of
 * draws runs in two phases: (1) the threads take draws from a shared counter
 * and write each draw's outputs to its row of the block buffer; (2) after a
 * barrier, each thread folds its own slice of the cells into the statistics,
 * draw by draw in index order. Which thread ran which draw never matters. */
#include "ind_ensemble.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ind_draw.h"
#include "ind_econ.h"
#include "ind_observe.h"
#include "ind_run.h"
#include "ind_sketch.h"

const double ind_fan_levels[IND_NFAN] = {0.05, 0.25, 0.5, 0.75, 0.95};

#define BLOCK 256

struct ind_ensemble {
  int first_year, nyears, nsectors, nsets, nobs, ntargets, necon;
  long set_cells, ncells;      /* cells per set; all cells (sets, then observations, then targets) */
  ind_sketch **sk;             /* per cell: x − ref, so quantiles are accurate relative to the spread */
  double *ref;                 /* per cell: the value at every number's median (0 if that run fails) */
  double *floor;               /* per cell: deviations this small count as zero (set from the first block) */
  double *wn, *wmean, *wm2;    /* Welford accumulators per cell, updated in draw order */
  ind_observation *targets;
  long *tmet, *tmiss;
  double *tshort;              /* sum of shortfalls over the draws that miss, in draw order */
  long epos[IND_NECON_OUT];    /* per cost-benefit figure: draws where it came out > 0 */
  int nplausible;
  long *implausible;           /* per plausible range, then one for any: draws that left it */
  long draws, failed, fail_index;
  long rhs;
  char failure[512];
};

typedef struct shared {
  ind_ensemble *e;
  const ind_ensemble_opts *o;
  long block0, blockn;         /* draws [block0, block0 + blockn) in this block */
  atomic_long next;
  double *buf;                 /* BLOCK × ncells */
  unsigned char *failed;       /* BLOCK */
  unsigned char *exits;        /* BLOCK × (nplausible + 1): the draw left range k (k = nplausible: any) */
  char (*msg)[256];            /* BLOCK failure messages */
  pthread_barrier_t barrier;
  pthread_mutex_t gate_lock;   /* workers wait at the gate until the barrier is set up */
  pthread_cond_t gate;
  int open;
  int nthreads;                /* threads actually started */
  atomic_int error;            /* a failure that is not a draw's own (out of memory) */
} shared;

typedef struct worker {
  shared *sh;
  int id;
  pthread_t th_handle;
  ind_scenario *sc, *base;
  ind_runner *rs, *rb;
  ind_drawer *ds, *db;
  long rhs;
} worker;

/* ---- layout ---- */

static long cell_of(const ind_ensemble *e, int set, int k, int row, int var) {
  return (long)set * e->set_cells + ((long)k * (e->nsectors + 1) + row) * IND_NVARS + var;
}

static long obs_cell(const ind_ensemble *e, int k) { return (long)e->nsets * e->set_cells + k; }
static long target_cell(const ind_ensemble *e, int k) { return obs_cell(e, e->nobs) + k; }
static long econ_cell(const ind_ensemble *e, int k) { return target_cell(e, e->ntargets) + k; }
/* with a baseline, after the figures: the cumulative NPV of each year */
static long econ_year_cell(const ind_ensemble *e, int j) { return econ_cell(e, IND_NECON_OUT) + j; }

/* The cost-benefit of the draw against the baseline's run (same draw). */
static void fill_econ(worker *w, double *row) {
  ind_ensemble *e = w->sh->e;
  ind_econ ec = {0};
  if (ind_econ_compute(w->sc, ind_runner_result(w->rs), ind_runner_result(w->rb), NULL, &ec, NULL)) {
    for (int k = 0; k < e->necon; k++) row[econ_cell(e, k)] = NAN;
    for (int j = 0; j < e->nyears; j++) row[econ_year_cell(e, j)] = NAN;
    return;
  }
  for (int j = 0; j < e->nyears; j++) row[econ_year_cell(e, j)] = j < ec.nyears ? ec.years[j].npv_cumulative : NAN;
  row[econ_cell(e, IND_EC_NPV)] = ec.npv;
  row[econ_cell(e, IND_EC_BCR)] = ec.bcr;
  row[econ_cell(e, IND_EC_PV_BENEFIT)] = ec.pv_benefit;
  row[econ_cell(e, IND_EC_PV_COST)] = ec.pv_cost;
  row[econ_cell(e, IND_EC_PAYBACK)] = ec.payback_year > 0 ? ec.payback_year : NAN;
  ind_econ_clear(&ec);
}

/* ---- one draw ---- */

static double cumulative(void *runner, int sector, int var, double t) {
  return ind_runner_cumulative(runner, sector, var, t);
}

static double gain_pct(double s, double b) { return b != 0.0 ? 100.0 * (s / b - 1.0) : NAN; }

/* An observation's measurement error in draw i: its own stream per observation. */
static double measurement_error(worker *w, long i, int k) {
  char key[32];
  snprintf(key, sizeof key, "measurement#%d", k + 1);
  return ind_drawer_normal(w->ds, w->sh->o->seed, (uint64_t)i, key);
}

static void fill_row(worker *w, long i, double *row) {
  ind_ensemble *e = w->sh->e;
  const ind_result *r = ind_runner_result(w->rs);
  long n = e->set_cells;
  memcpy(row, r->annual, (size_t)n * sizeof(double));
  if (w->base) {
    const double *b = ind_runner_result(w->rb)->annual;
    for (long c = 0; c < n; c++) {
      row[n + c] = r->annual[c] - b[c];
      row[2 * n + c] = gain_pct(r->annual[c], b[c]);
    }
  }
  for (int k = 0; k < e->nobs; k++) {
    row[obs_cell(e, k)] = r->obs_model[k];
    if (i >= 0 && !w->sh->o->params_only) row[obs_cell(e, k)] += w->sc->obs[k].se * measurement_error(w, i, k);
  }
  /* targets are yearly kinds, so every instant they need was sampled */
  for (int k = 0; k < e->ntargets; k++) row[target_cell(e, k)] = ind_obs_model_value(&e->targets[k], cumulative, w->rs);
  if (e->necon) fill_econ(w, row);
}

/* Which plausible ranges the draw's run left (exits[nplausible]: any). */
static void note_exits(worker *w, unsigned char *exits) {
  int n = w->sh->e->nplausible, any = 0;
  for (int k = 0; k < n; k++) any |= exits[k] = ind_result_plausible_exit(w->sc, ind_runner_result(w->rs), k) != 0;
  exits[n] = (unsigned char)any;
}

static void run_draw(worker *w, long i, double *row, unsigned char *failed, unsigned char *exits, char *msg) {
  const ind_ensemble_opts *o = w->sh->o;
  ind_err err = {0};
  const char *who = "";
  ind_status st = ind_drawer_apply(w->ds, w->sc, o->seed, (uint64_t)i, &err);
  if (!st && !o->params_only) ind_drawer_apply_shocks(w->ds, w->sc, o->seed, (uint64_t)i);
  if (!st) st = ind_runner_run(w->rs, &err);
  if (!st) w->rhs += ind_runner_result(w->rs)->rhs_calls;
  if (!st && w->base) {
    who = "baseline: ";
    st = ind_drawer_apply(w->db, w->base, o->seed, (uint64_t)i, &err);
    if (!st && !o->params_only) ind_drawer_apply_shocks(w->db, w->base, o->seed, (uint64_t)i);
    if (!st) st = ind_runner_run(w->rb, &err);
    if (!st) w->rhs += ind_runner_result(w->rb)->rhs_calls;
  }
  *failed = st != IND_OK;
  if (st) {
    snprintf(msg, 256, "draw %ld: %s%.200s", i, who, err.msg);
    if (st == IND_ENOMEM) atomic_store(&w->sh->error, 1);
    return;
  }
  note_exits(w, exits);
  fill_row(w, i, row);
}

/* ---- folding a block into the statistics ---- */

static ind_status fold_value(ind_ensemble *e, long c, double v) {
  double n = e->wn[c] + 1.0, d = v - e->wmean[c];
  e->wn[c] = n;
  e->wmean[c] += d / n;
  e->wm2[c] += d * (v - e->wmean[c]);
  double dev = v - e->ref[c];
  if (fabs(dev) <= e->floor[c]) dev = 0.0; /* bounds the sketch's buckets whatever N (set_floor) */
  return ind_sketch_add(e->sk[c], dev, NULL); /* finite: only out of memory can fail */
}

static void fold_target(ind_ensemble *e, int k, double v) {
  double goal = e->targets[k].value;
  if (v >= goal) e->tmet[k]++;
  else {
    e->tmiss[k]++;
    e->tshort[k] += goal - v;
  }
}

/* A cell's floor: 1e-3 of the range of its values in the first block (the
 * same draws whatever the threads), and at least 1e-9 of its reference. A
 * quantile is then within alpha·|q − reference| + floor of the exact one, and
 * the sketch needs about ln(range/floor)/ln(gamma) buckets, however many draws
 * come after. */
static void set_floor(shared *sh, long c) {
  ind_ensemble *e = sh->e;
  double lo = INFINITY, hi = -INFINITY;
  for (long d = 0; d < sh->blockn; d++) {
    double v = sh->buf[d * e->ncells + c];
    if (sh->failed[d] || !isfinite(v)) continue;
    lo = fmin(lo, v);
    hi = fmax(hi, v);
  }
  double f = 1e-9 * fabs(e->ref[c]);
  e->floor[c] = hi > lo ? fmax(f, 1e-3 * (hi - lo)) : f;
}

/* Cells [c0, c1) of every successful draw of the block: cell by cell (one
 * sketch stays in cache), each cell's draws in index order. */
static void fold_slice(shared *sh, long c0, long c1) {
  ind_ensemble *e = sh->e;
  long tc0 = target_cell(e, 0), tc1 = target_cell(e, e->ntargets);
  long ec0 = econ_cell(e, 0), ec1 = econ_cell(e, e->necon);
  for (long c = c0; c < c1; c++) {
    if (sh->block0 == 0) set_floor(sh, c);
    for (long d = 0; d < sh->blockn; d++) {
      if (sh->failed[d]) continue;
      double v = sh->buf[d * e->ncells + c];
      if (!isfinite(v)) continue; /* growth of the first year, a gain over a zero */
      if (fold_value(e, c, v)) atomic_store(&sh->error, 1);
      if (c >= tc0 && c < tc1) fold_target(e, (int)(c - tc0), v);
      if (c >= ec0 && c < ec1 && v > 0.0) e->epos[c - ec0]++;
    }
  }
}

/* Failures of the block, in draw order (thread 0 only). */
static void count_failures(shared *sh) {
  ind_ensemble *e = sh->e;
  for (long d = 0; d < sh->blockn; d++) {
    e->draws++;
    if (!sh->failed[d]) {
      for (int k = 0; k <= e->nplausible; k++) e->implausible[k] += sh->exits[d * (e->nplausible + 1) + k];
      continue;
    }
    if (e->failed++ == 0) {
      e->fail_index = sh->block0 + d;
      snprintf(e->failure, sizeof e->failure, "%s", sh->msg[d]);
    }
  }
}

static void *worker_main(void *arg) {
  worker *w = arg;
  shared *sh = w->sh;
  ind_ensemble *e = sh->e;
  pthread_mutex_lock(&sh->gate_lock);
  while (!sh->open) pthread_cond_wait(&sh->gate, &sh->gate_lock);
  pthread_mutex_unlock(&sh->gate_lock);
  long per = (e->ncells + sh->nthreads - 1) / sh->nthreads;
  long c0 = per * w->id, c1 = c0 + per < e->ncells ? c0 + per : e->ncells;
  for (;;) {
    pthread_barrier_wait(&sh->barrier); /* block set up (or finished: blockn 0) */
    if (sh->blockn == 0) break;
    for (long d; (d = atomic_fetch_add(&sh->next, 1)) < sh->blockn;)
      run_draw(w, sh->block0 + d, sh->buf + d * e->ncells, &sh->failed[d], sh->exits + d * (e->nplausible + 1),
               sh->msg[d]);
    pthread_barrier_wait(&sh->barrier); /* every draw of the block done */
    if (c0 < c1) fold_slice(sh, c0, c1);
    if (w->id == 0) count_failures(sh);
    pthread_barrier_wait(&sh->barrier); /* folded */
  }
  return NULL;
}

/* ---- the ensemble object ---- */

void ind_ensemble_free(ind_ensemble *e) {
  if (!e) return;
  if (e->sk)
    for (long c = 0; c < e->ncells; c++) ind_sketch_free(e->sk[c]);
  free(e->sk);
  free(e->ref);
  free(e->floor);
  free(e->wn);
  free(e->wmean);
  free(e->wm2);
  free(e->targets);
  free(e->tmet);
  free(e->tmiss);
  free(e->tshort);
  free(e->implausible);
  free(e);
}

static ind_status check_inputs(const ind_scenario *sc, const ind_scenario *base, const ind_ensemble_opts *o,
                               ind_err *err) {
  if (o->n < 1 || o->threads < 1 || o->threads > 256 || !(o->alpha == 0 || (o->alpha >= 1e-6 && o->alpha <= 0.5)))
    return ind_err_set(err, IND_EINVAL, "ensemble: draws >= 1, threads 1..256, alpha 0 or in [1e-6, 0.5] (got %ld, %d, %g)",
                       o->n, o->threads, o->alpha);
  if (base && (base->first_year != sc->first_year || base->last_year != sc->last_year || base->nsectors != sc->nsectors))
    return ind_err_set(err, IND_EINVAL, "ensemble: '%s' and its baseline '%s' differ in period or sectors", sc->name,
                       base->name);
  for (int k = 0; k < o->ntargets; k++) {
    const ind_observation *t = &o->targets[k];
    int need = t->kind == IND_OBS_LEVEL ? t->year0 : t->year0 - 1; /* growth looks one year back */
    if (t->kind == IND_OBS_PERIOD_GROWTH || need < sc->first_year || t->year1 > sc->last_year || t->year1 < t->year0 ||
        (t->sector != IND_TOTAL && (t->sector < 0 || t->sector >= sc->nsectors)))
      return ind_err_set(err, IND_EINVAL, "plan target %d: a level, a year's growth or an average growth within the period %d..%d",
                         k + 1, sc->first_year, sc->last_year);
  }
  return IND_OK;
}

static ind_ensemble *ensemble_alloc(const ind_scenario *sc, int gains, const ind_ensemble_opts *o, ind_err *err) {
  ind_ensemble *e = calloc(1, sizeof *e);
  if (!e) goto nomem;
  e->first_year = sc->first_year;
  e->nyears = sc->last_year - sc->first_year + 1;
  e->nsectors = sc->nsectors;
  e->nsets = gains ? IND_NSETS : 1;
  e->nobs = sc->nobs;
  e->ntargets = o->ntargets;
  e->necon = gains ? IND_NECON_OUT : 0;
  e->nplausible = sc->nplausible;
  e->implausible = calloc((size_t)sc->nplausible + 1, sizeof *e->implausible);
  e->set_cells = (long)e->nyears * (e->nsectors + 1) * IND_NVARS;
  e->ncells = e->nsets * e->set_cells + e->nobs + e->ntargets + e->necon + (gains ? e->nyears : 0);
  size_t nc = (size_t)e->ncells, nt = (size_t)(o->ntargets ? o->ntargets : 1);
  e->sk = calloc(nc, sizeof *e->sk);
  e->ref = calloc(nc, sizeof(double));
  e->floor = calloc(nc, sizeof(double));
  e->wn = calloc(nc, sizeof(double));
  e->wmean = calloc(nc, sizeof(double));
  e->wm2 = calloc(nc, sizeof(double));
  e->targets = calloc(nt, sizeof *e->targets);
  e->tmet = calloc(nt, sizeof(long));
  e->tmiss = calloc(nt, sizeof(long));
  e->tshort = calloc(nt, sizeof(double));
  if (!e->sk || !e->ref || !e->floor || !e->wn || !e->wmean || !e->wm2 || !e->targets || !e->tmet || !e->tmiss || !e->tshort ||
      !e->implausible)
    goto nomem;
  if (o->ntargets) memcpy(e->targets, o->targets, (size_t)o->ntargets * sizeof *e->targets);
  for (long c = 0; c < e->ncells; c++)
    if (!(e->sk[c] = ind_sketch_alloc(o->alpha > 0 ? o->alpha : IND_ENSEMBLE_ALPHA, err))) goto fail;
  return e;
nomem:
  ind_err_set(err, IND_ENOMEM, "out of memory for the ensemble's statistics");
fail:
  ind_ensemble_free(e);
  return NULL;
}

static void worker_clear(worker *w) {
  ind_runner_free(w->rs);
  ind_runner_free(w->rb);
  ind_drawer_free(w->ds);
  ind_drawer_free(w->db);
  ind_scenario_free(w->sc);
  ind_scenario_free(w->base);
}

static ind_status worker_init(worker *w, shared *sh, int id, const ind_scenario *sc, const ind_scenario *base,
                              ind_err *err) {
  memset(w, 0, sizeof *w);
  w->sh = sh;
  w->id = id;
  if (!(w->sc = ind_scenario_copy(sc, err)) || !(w->rs = ind_runner_alloc(w->sc, err)) ||
      !(w->ds = ind_drawer_alloc(w->sc, err)))
    return err ? err->code : IND_ENOMEM;
  if (base && (!(w->base = ind_scenario_copy(base, err)) || !(w->rb = ind_runner_alloc(w->base, err)) ||
               !(w->db = ind_drawer_alloc(w->base, err))))
    return err ? err->code : IND_ENOMEM;
  return IND_OK;
}

/* The reference of each cell: its value when every uncertain number is at its
 * median. A cell's sketch holds deviations from it, so a quantile's error is
 * alpha times its distance from the reference, not alpha times its size. The
 * draws later overwrite every uncertain value, so worker 0 can be used. */
static void reference_row(worker *w) {
  ind_ensemble *e = w->sh->e;
  ind_status st = ind_scenario_apply_medians(w->sc, NULL);
  if (!st) st = ind_runner_run(w->rs, NULL);
  if (!st && w->base && !(st = ind_scenario_apply_medians(w->base, NULL))) st = ind_runner_run(w->rb, NULL);
  if (st) return; /* references stay 0: errors then relative to the values */
  double *row = w->sh->buf; /* the block buffer is free before the first block */
  fill_row(w, -1, row);     /* no draw: no measurement error */
  for (long c = 0; c < e->ncells; c++) e->ref[c] = isfinite(row[c]) ? row[c] : 0.0;
}

/* The main thread: hands out blocks, waits for each to be folded. */
static void drive(shared *sh, worker *ws) {
  const ind_ensemble_opts *o = sh->o;
  for (long b0 = 0; b0 < o->n && !atomic_load(&sh->error); b0 += BLOCK) {
    sh->block0 = b0;
    sh->blockn = o->n - b0 < BLOCK ? o->n - b0 : BLOCK;
    atomic_store(&sh->next, 0);
    pthread_barrier_wait(&sh->barrier);
    pthread_barrier_wait(&sh->barrier);
    pthread_barrier_wait(&sh->barrier);
    if (o->progress) o->progress(o->progress_ud, b0 + sh->blockn, o->n);
  }
  sh->blockn = 0;
  pthread_barrier_wait(&sh->barrier);
  for (int t = 0; t < sh->nthreads; t++) {
    pthread_join(ws[t].th_handle, NULL);
    sh->e->rhs += ws[t].rhs;
  }
}

/* Starts the workers; returns how many started (they wait at the gate). */
static int start_workers(worker *ws, int n) {
  int started = 0;
  while (started < n && pthread_create(&ws[started].th_handle, NULL, worker_main, &ws[started]) == 0) started++;
  return started;
}

static void open_gate(shared *sh, int started) {
  sh->nthreads = started;
  pthread_barrier_init(&sh->barrier, NULL, (unsigned)started + 1);
  pthread_mutex_lock(&sh->gate_lock);
  sh->open = 1;
  pthread_cond_broadcast(&sh->gate);
  pthread_mutex_unlock(&sh->gate_lock);
}

static ind_status shared_init(shared *sh, ind_ensemble *e, const ind_ensemble_opts *o, ind_err *err) {
  memset(sh, 0, sizeof *sh);
  sh->e = e;
  sh->o = o;
  sh->buf = malloc((size_t)BLOCK * (size_t)e->ncells * sizeof(double));
  sh->failed = calloc(BLOCK, 1);
  sh->exits = calloc((size_t)BLOCK * (size_t)(e->nplausible + 1), 1);
  sh->msg = calloc(BLOCK, sizeof *sh->msg);
  if (!sh->buf || !sh->failed || !sh->exits || !sh->msg) return ind_err_set(err, IND_ENOMEM, "out of memory for the draws' buffer");
  pthread_mutex_init(&sh->gate_lock, NULL);
  pthread_cond_init(&sh->gate, NULL);
  return IND_OK;
}

static void shared_clear(shared *sh) {
  free(sh->buf);
  free(sh->failed);
  free(sh->exits);
  free(sh->msg);
}

ind_status ind_ensemble_run(const ind_scenario *sc, const ind_scenario *baseline, const ind_ensemble_opts *o,
                            ind_ensemble **out, ind_err *err) {
  *out = NULL;
  ind_status st = check_inputs(sc, baseline, o, err);
  if (st) return st;
  ind_ensemble *e = ensemble_alloc(sc, baseline != NULL, o, err);
  if (!e) return err ? err->code : IND_ENOMEM;
  shared sh;
  int nw = 0;
  worker *ws = calloc((size_t)o->threads, sizeof *ws);
  if ((st = shared_init(&sh, e, o, err)) || !ws) {
    st = st ? st : ind_err_set(err, IND_ENOMEM, "out of memory");
    goto done;
  }
  for (; nw < o->threads && !st; nw++) st = worker_init(&ws[nw], &sh, nw, sc, baseline, err);
  if (st) goto done;
  reference_row(&ws[0]);
  int started = start_workers(ws, o->threads);
  if (started == 0) {
    st = ind_err_set(err, IND_ENOMEM, "could not start a thread");
    goto done;
  }
  open_gate(&sh, started);
  drive(&sh, ws);
  pthread_barrier_destroy(&sh.barrier);
  if (atomic_load(&sh.error)) st = ind_err_set(err, IND_ENOMEM, "out of memory during the draws");
done:
  for (int t = 0; ws && t < nw; t++) worker_clear(&ws[t]);
  free(ws);
  shared_clear(&sh);
  if (st) ind_ensemble_free(e);
  else *out = e;
  return st;
}

/* ---- results ---- */

int ind_ensemble_has_gains(const ind_ensemble *e) { return e->nsets > 1; }
long ind_ensemble_draws(const ind_ensemble *e) { return e->draws; }
long ind_ensemble_failed(const ind_ensemble *e) { return e->failed; }
const char *ind_ensemble_failure(const ind_ensemble *e) { return e->failure; }
long ind_ensemble_rhs_calls(const ind_ensemble *e) { return e->rhs; }

size_t ind_ensemble_bytes(const ind_ensemble *e) {
  size_t b = sizeof *e + (size_t)e->ncells * (5 * sizeof(double) + sizeof(void *));
  for (long c = 0; c < e->ncells; c++) b += ind_sketch_bytes(e->sk[c]);
  return b;
}

static void stats_of(const ind_ensemble *e, long c, ind_stats *out) {
  out->n = (long)e->wn[c];
  out->mean = out->n ? e->wmean[c] : NAN;
  out->sd = out->n > 1 ? sqrt(e->wm2[c] / (e->wn[c] - 1.0)) : NAN;
  for (int k = 0; k < IND_NFAN; k++) out->q[k] = e->ref[c] + ind_sketch_quantile(e->sk[c], ind_fan_levels[k]);
}

static double quantile_of(const ind_ensemble *e, long c, double q) { return e->ref[c] + ind_sketch_quantile(e->sk[c], q); }

static long find_cell(const ind_ensemble *e, ind_set set, int year, int sector, int var) {
  int k = year - e->first_year, row = sector == IND_TOTAL ? e->nsectors : sector;
  if ((int)set < 0 || (int)set >= e->nsets || k < 0 || k >= e->nyears || row < 0 || row > e->nsectors ||
      (sector != IND_TOTAL && sector >= e->nsectors) || var < 0 || var >= IND_NVARS)
    return -1;
  return cell_of(e, set, k, row, var);
}

ind_status ind_ensemble_stats(const ind_ensemble *e, ind_set set, int year, int sector, int var, ind_stats *out,
                              ind_err *err) {
  long c = find_cell(e, set, year, sector, var);
  if (c < 0) return ind_err_set(err, IND_EINVAL, "no ensemble cell (set %d, year %d, sector %d, variable %d)", (int)set, year, sector, var);
  stats_of(e, c, out);
  return IND_OK;
}

double ind_ensemble_quantile(const ind_ensemble *e, ind_set set, int year, int sector, int var, double q) {
  long c = find_cell(e, set, year, sector, var);
  return c < 0 ? NAN : quantile_of(e, c, q);
}

ind_status ind_ensemble_obs_stats(const ind_ensemble *e, int k, ind_stats *out, ind_err *err) {
  if (k < 0 || k >= e->nobs) return ind_err_set(err, IND_EINVAL, "no observation %d", k + 1);
  stats_of(e, obs_cell(e, k), out);
  return IND_OK;
}

double ind_ensemble_obs_quantile(const ind_ensemble *e, int k, double q) {
  return k < 0 || k >= e->nobs ? NAN : quantile_of(e, obs_cell(e, k), q);
}

ind_status ind_ensemble_target(const ind_ensemble *e, int k, ind_target_stats *out, ind_err *err) {
  if (k < 0 || k >= e->ntargets) return ind_err_set(err, IND_EINVAL, "no plan target %d", k + 1);
  stats_of(e, target_cell(e, k), &out->value);
  long n = e->tmet[k] + e->tmiss[k];
  out->p_met = n ? (double)e->tmet[k] / (double)n : NAN;
  out->shortfall = e->tmiss[k] ? e->tshort[k] / (double)e->tmiss[k] : 0.0;
  return IND_OK;
}

ind_status ind_ensemble_econ(const ind_ensemble *e, ind_econ_out k, ind_stats *out, ind_err *err) {
  if (!e->necon) return ind_err_set(err, IND_EINVAL, "no cost-benefit without a baseline");
  if ((int)k < 0 || (int)k >= e->necon) return ind_err_set(err, IND_EINVAL, "no cost-benefit figure %d", (int)k);
  stats_of(e, econ_cell(e, k), out);
  return IND_OK;
}

ind_status ind_ensemble_econ_year(const ind_ensemble *e, int year, ind_stats *out, ind_err *err) {
  if (!e->necon) return ind_err_set(err, IND_EINVAL, "no cost-benefit without a baseline");
  int j = year - e->first_year;
  if (j < 0 || j >= e->nyears)
    return ind_err_set(err, IND_EINVAL, "year %d outside %d-%d", year, e->first_year, e->first_year + e->nyears - 1);
  stats_of(e, econ_year_cell(e, j), out);
  return IND_OK;
}

long ind_ensemble_implausible(const ind_ensemble *e, int k) {
  return k >= -1 && k < e->nplausible ? e->implausible[k < 0 ? e->nplausible : k] : 0;
}

double ind_ensemble_econ_positive(const ind_ensemble *e, ind_econ_out k) {
  if ((int)k < 0 || (int)k >= e->necon) return NAN;
  double n = e->wn[econ_cell(e, k)];
  return n > 0 ? (double)e->epos[k] / n : NAN;
}

double ind_ensemble_econ_quantile(const ind_ensemble *e, ind_econ_out k, double q) {
  return (int)k < 0 || (int)k >= e->necon ? NAN : quantile_of(e, econ_cell(e, k), q);
}
