/* ind_calib.c — maximum a posteriori calibration (ind_calib.h): the residuals
 * of one reusable run (ind_run.h), GSL's trust-region least squares on
 * transformed values, our own central-difference Jacobian, and at the optimum
 * a scaled SVD of the Jacobian for the Laplace covariance and for the values
 * the data (or data and priors) cannot identify. */
#include "ind_calib.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ind_run.h"

/* Jacobian step, as a fraction of each value's scale (its prior sd, else
 * max(|x|, 1e-3·min(1, hi − lo))). The model is solved by an adaptive RK at
 * rtol ~1e-8: the observations carry noise of ~1e-9–1e-8 relative that jumps
 * when the step sequence changes, so GSL's default step sqrt(eps)·|x| ~ 1.5e-8
 * relative would difference pure noise. Central differences have truncation
 * error ~h²·f'''/6 and noise error ~noise/h; for the model's nonlinearities
 * (growth rates act over ~10 years, so the scale of curvature in g is ~0.1;
 * shares and starting values act near-linearly over their scale) a step of
 * 1e-3 of the scale balances the two at a relative Jacobian error ~1e-6 (test
 * "jacobian" in tests/test_calib.c measures it). */
#define FD_STEP 1e-3
#define BIG_RESID 1e20    /* residual of a failed run: any step to it is rejected */
#define CDF_CLAMP 1e-12   /* prior cdf clamped into [CDF_CLAMP, 1 − CDF_CLAMP] */
/* A right singular vector is (near-)null when its singular value is below
 * SV_NULL of the largest, in columns scaled by each value's scale. The
 * Jacobian is accurate to ~1e-6 relative (FD_STEP), so an exactly singular
 * direction shows up below ~1e-5; a combination known SV_NULL⁻¹ = 1e4 times
 * less precisely than the best one, in units of the values' scales, is not
 * pinned down in any useful sense either. */
#define SV_NULL 1e-4
/* A value is not identified when it carries more than LOAD_MIN² = 1e-4 of the
 * weight of a null vector: its variance would then be at least 1e-4/σ² with σ
 * tiny. Smaller loadings are the Jacobian's noise. */
#define LOAD_MIN 1e-2
#define DEC_STOP 1e-14    /* stop: a Gauss–Newton step would lower χ² by less */
#define DEC_OK 1e-6       /* converged: ... by less than this (each value within ~1e-3 posterior sd) */
#define STALL 1e-13       /* stop: the last step moved every value by less than this of its scale */
#define BOUND_NEAR 1e-7   /* a value this close to a bound, relative to its range or scale, sits on it */

typedef struct fit_ctx {
  ind_scenario *sc;
  ind_runner *rn;
  const ind_fit_param *p;
  int np, ndata, nprior, nrows; /* rows: data, then priors, then zeros up to np (GSL needs n >= p) */
  int *obs_of;                  /* ndata: the observation of each data row */
  int *par_of;                  /* nprior: the parameter of each prior row */
  double *lo, *hi;              /* np: range narrowed to the prior's support */
  double *psd;                  /* np: prior sd (ind_calib.h), NaN without prior */
  double *x, *xw;               /* np: current point; perturbed point */
  double *xc, *fc;              /* last point evaluated through gsl_f and its residuals */
  int cached;
  double *fp, *fm;              /* nrows: residuals at x ± h */
  long runs;
  int nfail;
  ind_err fail;                 /* why the last failing run failed */
} fit_ctx;

/* ---- text ---- */

typedef struct text {
  char *s;
  size_t len;
  int failed;
} text;

static void text_add(text *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void text_add(text *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *grown = n < 0 ? NULL : realloc(t->s, t->len + (size_t)n + 1);
  if (!grown) {
    t->failed = 1;
    return;
  }
  va_start(ap, fmt);
  vsnprintf(grown + t->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  t->s = grown;
  t->len += (size_t)n;
}

/* ---- values: range, transform, scale, prior ---- */

static int both_finite(double lo, double hi) { return isfinite(lo) && isfinite(hi); }

/* x of the unbounded u (ind_calib.h "Bounds"); the logistic is written so
 * that x stays accurate near either bound. */
static double to_x(double u, double lo, double hi) {
  if (both_finite(lo, hi)) return u >= 0 ? hi - (hi - lo) / (1.0 + exp(u)) : lo + (hi - lo) / (1.0 + exp(-u));
  if (isfinite(lo)) return lo + exp(fmin(u, 700.0));
  if (isfinite(hi)) return hi - exp(fmin(-u, 700.0));
  return u;
}

static double dx_du(double u, double lo, double hi) {
  if (both_finite(lo, hi)) {
    double e = exp(-fabs(u));
    return (hi - lo) * e / ((1.0 + e) * (1.0 + e));
  }
  if (isfinite(lo)) return exp(fmin(u, 700.0));
  if (isfinite(hi)) return exp(fmin(-u, 700.0));
  return 1.0;
}

static double to_u(double x, double lo, double hi) {
  if (both_finite(lo, hi)) return log((x - lo) / (hi - x));
  if (isfinite(lo)) return log(x - lo);
  if (isfinite(hi)) return -log(hi - x);
  return x;
}

/* The unit in which a value's steps and the SVD's columns are measured. */
static double par_scale(const fit_ctx *c, int j, double x) {
  if (isfinite(c->psd[j])) return c->psd[j];
  double floor = 1e-3 * fmin(1.0, c->hi[j] - c->lo[j]);
  return fmax(fabs(x), floor);
}

static double prior_resid(const ind_dist *d, double x) {
  if (d->kind == IND_DIST_NORMAL) return (x - d->a) / d->b;
  double F = ind_dist_cdf(d, x);
  if (!(F >= CDF_CLAMP)) F = CDF_CLAMP; /* NaN too */
  if (F > 1.0 - CDF_CLAMP) F = 1.0 - CDF_CLAMP;
  return gsl_cdf_ugaussian_Pinv(F);
}

/* dx/dr at the median, r the normal score: the posterior sd without data. */
static double prior_sd(const ind_dist *d) {
  if (d->kind == IND_DIST_NORMAL) return d->b;
  const double dr = 1e-4; /* truncation ~dr² relative */
  return (ind_dist_quantile(d, gsl_cdf_ugaussian_P(dr)) - ind_dist_quantile(d, gsl_cdf_ugaussian_P(-dr))) /
         (2.0 * dr);
}

/* The support of a prior, to narrow a value's range. */
static void prior_support(const ind_dist *d, double *lo, double *hi) {
  switch (d->kind) {
  case IND_DIST_LOGNORMAL: *lo = 0.0, *hi = INFINITY; break;
  case IND_DIST_UNIFORM: *lo = d->a, *hi = d->b; break;
  case IND_DIST_TRIANGULAR: *lo = d->a, *hi = d->c; break;
  case IND_DIST_BETA: *lo = d->c, *hi = d->d; break;
  default: *lo = -INFINITY, *hi = INFINITY; break;
  }
}

/* ---- residuals and Jacobian ---- */

static void set_targets(fit_ctx *c, const double *x) {
  for (int j = 0; j < c->np; j++)
    for (int t = 0; t < c->p[j].ntargets; t++) ind_target_set(c->sc, &c->p[j].targets[t], x[j], NULL); /* checked */
}

/* The residuals at x into f (nrows); non-zero if the run failed, f then BIG_RESID. */
static int eval(fit_ctx *c, const double *x, double *f) {
  ind_err e = {0};
  set_targets(c, x);
  c->runs++;
  ind_status st = ind_runner_run(c->rn, &e);
  const double *model = ind_runner_result(c->rn)->obs_model;
  for (int k = 0; !st && k < c->ndata; k++) {
    const ind_observation *ob = &c->sc->obs[c->obs_of[k]];
    f[k] = (model[c->obs_of[k]] - ob->value) / ob->se;
    if (!isfinite(f[k])) st = ind_err_set(&e, IND_ENUMERIC, "observation %d has no finite model value", c->obs_of[k] + 1);
  }
  if (st) {
    for (int k = 0; k < c->nrows; k++) f[k] = BIG_RESID;
    c->fail = e;
    c->nfail++;
    return 1;
  }
  for (int k = 0; k < c->nprior; k++) f[c->ndata + k] = prior_resid(c->p[c->par_of[k]].prior, x[c->par_of[k]]);
  for (int k = c->ndata + c->nprior; k < c->nrows; k++) f[k] = 0.0;
  return 0;
}

/* Central differences of the residuals in x (f0: the residuals at x); one-sided
 * at a bound or where a run fails on one side; a zero column when both fail. */
static void jac_x(fit_ctx *c, const double *x, const double *f0, gsl_matrix *J) {
  memcpy(c->xw, x, (size_t)c->np * sizeof *x);
  for (int j = 0; j < c->np; j++) {
    double h = FD_STEP * par_scale(c, j, x[j]);
    double xp = x[j] + h, xm = x[j] - h;
    int okp = xp <= c->hi[j], okm = xm >= c->lo[j];
    if (okp) c->xw[j] = xp, okp = !eval(c, c->xw, c->fp);
    if (okm) c->xw[j] = xm, okm = !eval(c, c->xw, c->fm);
    c->xw[j] = x[j];
    for (int i = 0; i < c->nrows; i++) {
      double d = 0.0;
      if (okp && okm) d = (c->fp[i] - c->fm[i]) / (xp - xm);
      else if (okp) d = (c->fp[i] - f0[i]) / (xp - x[j]);
      else if (okm) d = (f0[i] - c->fm[i]) / (x[j] - xm);
      gsl_matrix_set(J, (size_t)i, (size_t)j, d);
    }
  }
}

static void u_to_x(const fit_ctx *c, const gsl_vector *u, double *x) {
  for (int j = 0; j < c->np; j++) x[j] = to_x(gsl_vector_get(u, (size_t)j), c->lo[j], c->hi[j]);
}

/* GSL callbacks. A failed run is not reported to GSL: its trust-region loop
 * would stop the whole fit on a non-zero status; huge residuals make it
 * reject the trial and shrink the region instead. */
static int gsl_f(const gsl_vector *u, void *ud, gsl_vector *f) {
  fit_ctx *c = ud;
  u_to_x(c, u, c->x);
  c->cached = !eval(c, c->x, c->fc);
  memcpy(c->xc, c->x, (size_t)c->np * sizeof *c->x);
  for (int i = 0; i < c->nrows; i++) gsl_vector_set(f, (size_t)i, c->fc[i]);
  return GSL_SUCCESS;
}

/* GSL asks for the Jacobian at an accepted trial, right after its residuals. */
static int gsl_df(const gsl_vector *u, void *ud, gsl_matrix *J) {
  fit_ctx *c = ud;
  u_to_x(c, u, c->x);
  if (!c->cached || memcmp(c->xc, c->x, (size_t)c->np * sizeof *c->x) != 0) {
    memcpy(c->xc, c->x, (size_t)c->np * sizeof *c->x);
    if (!(c->cached = !eval(c, c->x, c->fc))) return GSL_EBADFUNC;
  }
  jac_x(c, c->x, c->fc, J);
  for (int j = 0; j < c->np; j++) {
    gsl_vector_view col = gsl_matrix_column(J, (size_t)j);
    gsl_vector_scale(&col.vector, dx_du(gsl_vector_get(u, (size_t)j), c->lo[j], c->hi[j]));
  }
  return GSL_SUCCESS;
}

/* ---- linear algebra ---- */

typedef struct svd_work {
  gsl_matrix *A, *V;  /* nrows × np (U on return), np × np */
  gsl_vector *S, *work;
} svd_work;

static void svd_free(svd_work *s) {
  gsl_matrix_free(s->A);
  gsl_matrix_free(s->V);
  gsl_vector_free(s->S);
  gsl_vector_free(s->work);
}

static int svd_alloc(svd_work *s, int nrows, int np) {
  s->A = gsl_matrix_alloc((size_t)nrows, (size_t)np);
  s->V = gsl_matrix_alloc((size_t)np, (size_t)np);
  s->S = gsl_vector_alloc((size_t)np);
  s->work = gsl_vector_alloc((size_t)np);
  return s->A && s->V && s->S && s->work;
}

/* SVD of rows [0, nr) of J with column j multiplied by scale[j] (NULL: 1);
 * the other rows are zero. Singular values descend. */
static int svd_rows(svd_work *s, const gsl_matrix *J, int nr, const double *scale) {
  gsl_matrix_set_zero(s->A);
  for (int i = 0; i < nr; i++)
    for (size_t j = 0; j < J->size2; j++)
      gsl_matrix_set(s->A, (size_t)i, j, gsl_matrix_get(J, (size_t)i, j) * (scale ? scale[j] : 1.0));
  return gsl_linalg_SV_decomp(s->A, s->V, s->S, s->work);
}

/* The χ² a Gauss–Newton step from here would remove: |projection of f on
 * the range of J|² (Newton decrement; the same in u and in x). */
static double gn_decrement(svd_work *s, const gsl_matrix *J, const gsl_vector *f) {
  if (svd_rows(s, J, (int)J->size1, NULL)) return INFINITY;
  double smax = gsl_vector_get(s->S, 0), dec = 0.0;
  for (size_t k = 0; k < s->S->size; k++) {
    if (!(gsl_vector_get(s->S, k) > 1e-12 * smax)) break;
    double d;
    gsl_vector_const_view uk = gsl_matrix_const_column(s->A, k);
    gsl_blas_ddot(&uk.vector, f, &d);
    dec += d * d;
  }
  return dec;
}

/* Marks in bad[] the parameters that load on null right singular vectors of
 * the last svd_rows; returns how many singular values are kept. */
static int null_loadings(const svd_work *s, int *bad) {
  size_t np = s->S->size;
  double smax = gsl_vector_get(s->S, 0);
  int kept = 0;
  for (size_t k = 0; k < np; k++) {
    if (smax > 0 && gsl_vector_get(s->S, k) > SV_NULL * smax) {
      kept++;
      continue;
    }
    for (size_t j = 0; j < np; j++)
      if (fabs(gsl_matrix_get(s->V, j, k)) > LOAD_MIN) bad[j] = 1;
  }
  return kept;
}

/* ---- the fit ---- */

void ind_fit_free(ind_fit *f) {
  if (!f) return;
  free(f->x);
  free(f->se);
  free(f->cov);
  free(f->corr);
  free(f->model);
  free(f->prior_z);
  free(f->prior_sd);
  free(f->shrink);
  free(f->identified);
  free(f->warnings);
  free(f);
}

static ind_fit *fit_alloc(int np, int nobs) {
  ind_fit *f = calloc(1, sizeof *f);
  if (!f) return NULL;
  size_t n = (size_t)np, n2 = n * n;
  f->np = np;
  f->nobs = nobs;
  f->x = malloc(n * sizeof *f->x);
  f->se = malloc(n * sizeof *f->se);
  f->cov = malloc(n2 * sizeof *f->cov);
  f->corr = malloc(n2 * sizeof *f->corr);
  f->model = malloc((size_t)(nobs > 0 ? nobs : 1) * sizeof *f->model);
  f->prior_z = malloc(n * sizeof *f->prior_z);
  f->prior_sd = malloc(n * sizeof *f->prior_sd);
  f->shrink = malloc(n * sizeof *f->shrink);
  f->identified = malloc(n * sizeof *f->identified);
  if (!f->x || !f->se || !f->cov || !f->corr || !f->model || !f->prior_z || !f->prior_sd || !f->shrink ||
      !f->identified) {
    ind_fit_free(f);
    return NULL;
  }
  return f;
}

static void ctx_free(fit_ctx *c) {
  ind_runner_free(c->rn);
  free(c->obs_of);
  free(c->par_of);
  free(c->lo);
  free(c->hi);
  free(c->psd);
  free(c->x);
  free(c->xw);
  free(c->xc);
  free(c->fc);
  free(c->fp);
  free(c->fm);
}

/* Checks the parameters and fills the ranges and prior sds. */
static ind_status check_params(fit_ctx *c, ind_err *err) {
  for (int j = 0; j < c->np; j++) {
    const ind_fit_param *q = &c->p[j];
    const char *name = q->name ? q->name : "?";
    if (!q->targets || q->ntargets < 1)
      return ind_err_set(err, IND_EINVAL, "calibration: parameter %d ('%s') sets no target", j + 1, name);
    for (int t = 0; t < q->ntargets; t++) {
      double old = ind_target_get(c->sc, &q->targets[t]);
      if (ind_target_set(c->sc, &q->targets[t], old, NULL)) /* exists? (m_new's value may be NaN) */
        return ind_err_set(err, IND_EINVAL, "calibration: parameter '%s': target %d does not exist", name, t + 1);
    }
    if (!(q->lo < q->hi))
      return ind_err_set(err, IND_EINVAL, "calibration: parameter '%s': range [%g, %g] is empty", name, q->lo, q->hi);
    if (!(q->init >= q->lo && q->init <= q->hi) || !isfinite(q->init))
      return ind_err_set(err, IND_EINVAL, "calibration: parameter '%s': start %g outside [%g, %g]", name, q->init,
                         q->lo, q->hi);
    c->lo[j] = q->lo, c->hi[j] = q->hi, c->psd[j] = NAN;
    if (!q->prior) continue;
    const char *bad = ind_dist_check(q->prior);
    if (!bad && q->prior->kind == IND_DIST_CHOICE) bad = "a choice cannot be a prior (its cdf is a step function)";
    if (bad) return ind_err_set(err, IND_EINVAL, "calibration: parameter '%s': prior: %s", name, bad);
    double slo, shi;
    prior_support(q->prior, &slo, &shi);
    c->lo[j] = fmax(c->lo[j], slo), c->hi[j] = fmin(c->hi[j], shi);
    if (!(c->lo[j] < c->hi[j]))
      return ind_err_set(err, IND_EINVAL, "calibration: parameter '%s': the prior lies outside [%g, %g]", name, q->lo,
                         q->hi);
    c->psd[j] = prior_sd(q->prior);
  }
  return IND_OK;
}

static ind_status ctx_init(fit_ctx *c, ind_scenario *sc, const ind_fit_param *p, int np, const ind_fit_opts *o,
                           ind_err *err) {
  memset(c, 0, sizeof *c);
  c->sc = sc, c->p = p, c->np = np;
  size_t n = (size_t)np, nobs = (size_t)sc->nobs;
  c->obs_of = malloc((nobs ? nobs : 1) * sizeof *c->obs_of);
  c->par_of = malloc(n * sizeof *c->par_of);
  c->lo = malloc(n * sizeof *c->lo);
  c->hi = malloc(n * sizeof *c->hi);
  c->psd = malloc(n * sizeof *c->psd);
  c->x = malloc(n * sizeof *c->x);
  c->xw = malloc(n * sizeof *c->xw);
  c->xc = malloc(n * sizeof *c->xc);
  if (!c->obs_of || !c->par_of || !c->lo || !c->hi || !c->psd || !c->x || !c->xw || !c->xc)
    return ind_err_set(err, IND_ENOMEM, "out of memory");
  ind_status st = check_params(c, err);
  if (st) return st;
  for (int k = 0; k < sc->nobs; k++)
    if (!o || !o->use_obs || o->use_obs[k]) c->obs_of[c->ndata++] = k;
  for (int j = 0; j < np; j++)
    if (p[j].prior) c->par_of[c->nprior++] = j;
  if (c->ndata + c->nprior == 0)
    return ind_err_set(err, IND_EINVAL, "calibration: no observation used and no prior: nothing to fit");
  c->nrows = c->ndata + c->nprior > np ? c->ndata + c->nprior : np;
  size_t nr = (size_t)c->nrows;
  c->fc = malloc(nr * sizeof *c->fc);
  c->fp = malloc(nr * sizeof *c->fp);
  c->fm = malloc(nr * sizeof *c->fm);
  if (!c->fc || !c->fp || !c->fm) return ind_err_set(err, IND_ENOMEM, "out of memory");
  return IND_OK;
}

/* A start exactly on a bound has no u: move it inside by a hair. */
static double start_inside(double x, double lo, double hi) {
  double d = 1e-6 * fmin(hi - lo, fmax(1.0, fmax(fabs(lo), fabs(hi)) < INFINITY ? 1.0 : 1.0));
  if (x <= lo) x = lo + d;
  if (x >= hi) x = hi - d;
  return x;
}

/* Trust-region iterations from u; returns the stop reason ("" if it met
 * DEC_STOP or stalled). */
static const char *iterate(fit_ctx *c, gsl_vector *u, int max_iter, svd_work *sv, int *iters, double *dec) {
  gsl_multifit_nlinear_fdf fdf = {0};
  fdf.f = gsl_f, fdf.df = gsl_df, fdf.fvv = NULL;
  fdf.n = (size_t)c->nrows, fdf.p = (size_t)c->np, fdf.params = c;
  gsl_multifit_nlinear_parameters prm = gsl_multifit_nlinear_default_parameters();
  prm.trs = gsl_multifit_nlinear_trs_lm;     /* Levenberg–Marquardt */
  prm.scale = gsl_multifit_nlinear_scale_more; /* invariant to the scale of u: values differ by 1e6 in size */
  prm.solver = gsl_multifit_nlinear_solver_qr; /* robust when J is rank-deficient */
  gsl_multifit_nlinear_workspace *w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &prm, fdf.n, fdf.p);
  const char *why = "out of memory";
  *iters = 0;
  if (!w) return why;
  if (gsl_multifit_nlinear_init(u, &fdf, w)) {
    gsl_multifit_nlinear_free(w);
    return "the Jacobian could not be computed at the start";
  }
  why = "";
  *dec = gn_decrement(sv, gsl_multifit_nlinear_jac(w), gsl_multifit_nlinear_residual(w));
  double *xold = c->xw; /* free between callbacks */
  while (*dec > DEC_STOP && *iters < c->np * 0 + *iters + 1) {
    if (*iters >= max_iter) {
      why = "the iteration limit was reached";
      break;
    }
    double xprev[1];
    (void)xprev;
    u_to_x(c, gsl_multifit_nlinear_position(w), xold);
    double keep[64];
    (void)keep;
    int gs = gsl_multifit_nlinear_iterate(w);
    if (gs == GSL_ENOPROG) {
      why = "no step lowers chi2 further (solver noise)";
      break;
    }
    if (gs) {
      why = gsl_strerror(gs);
      break;
    }
    ++*iters;
    *dec = gn_decrement(sv, gsl_multifit_nlinear_jac(w), gsl_multifit_nlinear_residual(w));
    const gsl_vector *un = gsl_multifit_nlinear_position(w);
    double moved = 0.0;
    for (int j = 0; j < c->np; j++) {
      double xn = to_x(gsl_vector_get(un, (size_t)j), c->lo[j], c->hi[j]);
      moved = fmax(moved, fabs(xn - xold[j]) / par_scale(c, j, xn));
    }
    if (moved <= STALL) break;
  }
  gsl_vector_memcpy(u, gsl_multifit_nlinear_position(w));
  gsl_multifit_nlinear_free(w);
  return why;
}
