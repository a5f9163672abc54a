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
 * max(|x|, 1e-3·min(1, hi − lo))). The model is solved by an adaptive RK:
 * its values carry noise of ~rtol relative that jumps when the step sequence
 * changes, so GSL's default step sqrt(eps)·|x| ~ 1.5e-8 relative would
 * difference noise. Central differences err by ~h²·|f⁽³⁾|/6 (truncation)
 * plus ~noise/h. Measured on a 3-sector scenario with every mechanism on,
 * against a Richardson reference at rtol 1e-13: the worst column's relative
 * error is 7e-6 at a step of 1e-6, 1e-7 at 1e-4 and at 1e-3, 8e-6 at 1e-2,
 * for RKCK at 1e-7 (the default), RKF45 at 1e-8 and RKCK at 1e-10 alike.
 * 1e-3 sits on the flat bottom, on the side away from the noise. */
#define FD_STEP 1e-3
#define BIG_RESID 1e20    /* residual of a failed run: any step to it is rejected */
#define CDF_CLAMP 1e-12   /* prior cdf clamped into [CDF_CLAMP, 1 − CDF_CLAMP] */
/* A right singular vector of the data rows (columns scaled by each value's
 * scale) is null when its singular value is below SV_NULL of the largest.
 * The Jacobian's columns are accurate to ~1e-7 relative (FD_STEP), so an
 * exactly singular direction shows up near 1e-7 or below: SV_NULL leaves a
 * factor 100 of margin. A combination known 1e5 times less precisely than
 * the best-known one, in units of the values' scales, is not pinned down in
 * any useful sense either. The data's null directions are then dropped
 * exactly (the data rows truncated to their kept singular triplets) before
 * the prior rows, which are exact, are added: in that matrix a direction no
 * prior reaches is null to round-off, found below SV_EXACT. */
#define SV_NULL 1e-5
#define SV_EXACT 1e-10
/* A value is not identified when it carries more than LOAD_MIN² = 1e-4 of the
 * weight of a null vector: its variance would then be at least 1e-4/σ² with σ
 * tiny. Smaller loadings are the Jacobian's noise. */
#define LOAD_MIN 1e-2
#define DEC_STOP 1e-10    /* stop: a Gauss–Newton step would lower χ² by less (values within 1e-5 sd) */
#define DEC_OK 1e-2       /* converged: ... by less than this (each value within ~0.1 posterior sd; the
                             ODE solver's noise keeps the last digits of χ² from settling) */
#define STALL 1e-13       /* stop: the last step moved every value by less than this of its scale */
#define CHI2_WINDOW 10    /* stop: χ² fell by less than CHI2_STALL in the last CHI2_WINDOW iterations */
#define CHI2_STALL 1e-4   /* (statistically nothing: Δχ² = 1 is one sd) */
#define BOUND_NEAR 1e-7   /* a value this close to a bound, relative to its range or scale, sits on it */
/* Largest change of a bounded value's u in one trial step: a factor e³ ≈ 20
 * in its distance to a bound. Near a bound dx/du is tiny, so the
 * Gauss–Newton step in u is huge and would throw x onto the other bound (or
 * onto this one, where dx/du underflows to 0 and the fit stops dead); a
 * longer trial is rejected like a failed run, which makes the
 * Levenberg–Marquardt damping grow until the step fits. */
#define U_STEP_MAX 3.0

typedef struct fit_ctx {
  ind_scenario *sc;
  ind_runner *rn;
  const ind_fit_param *p;
  int np, ndata, nprior, nrows; /* rows: data, then priors, then zeros up to np (GSL needs n >= p) */
  int *obs_of;                  /* ndata: the observation of each data row */
  int *par_of;                  /* nprior: the parameter of each prior row */
  double *lo, *hi;              /* np: range narrowed to the prior's support */
  double *psd;                  /* np: prior sd (ind_calib.h), NaN without prior */
  double *x, *xw, *xo, *s;      /* np: current point; perturbed point; previous point; scales */
  double *xc, *fc;              /* last point evaluated through gsl_f and its residuals */
  int cached;
  double *ua;                   /* np: the last accepted u (where GSL last asked for the Jacobian) */
  int have_ua;
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

/* A trial that moves some bounded value's u by more than U_STEP_MAX from
 * the last accepted point. */
static int too_long(const fit_ctx *c, const gsl_vector *u) {
  for (int j = 0; c->have_ua && j < c->np; j++)
    if ((isfinite(c->lo[j]) || isfinite(c->hi[j])) && fabs(gsl_vector_get(u, (size_t)j) - c->ua[j]) > U_STEP_MAX)
      return 1;
  return 0;
}

/* GSL callbacks. A failed run is not reported to GSL: its trust-region loop
 * would stop the whole fit on a non-zero status; huge residuals make it
 * reject the trial and raise the damping instead. */
static int gsl_f(const gsl_vector *u, void *ud, gsl_vector *f) {
  fit_ctx *c = ud;
  u_to_x(c, u, c->x);
  if (too_long(c, u)) {
    c->cached = 0;
    gsl_vector_set_all(f, BIG_RESID);
    return GSL_SUCCESS;
  }
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
  for (int j = 0; j < c->np; j++) c->ua[j] = gsl_vector_get(u, (size_t)j);
  c->have_ua = 1;
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

/* How many singular values of the last SVD are above tol of the largest. */
static int svd_rank(const svd_work *s, double tol) {
  double smax = gsl_vector_get(s->S, 0);
  int k = 0;
  while (k < (int)s->S->size && smax > 0 && gsl_vector_get(s->S, (size_t)k) > tol * smax) k++;
  return k;
}

/* Marks in bad[] the values that load on the right singular vectors past the
 * first `rank` of the last SVD. */
static void null_loadings(const svd_work *s, int rank, int *bad) {
  for (size_t k = (size_t)rank; k < s->S->size; k++)
    for (size_t j = 0; j < s->S->size; j++)
      if (fabs(gsl_matrix_get(s->V, j, k)) > LOAD_MIN) bad[j] = 1;
}

/* The χ² a Gauss–Newton step from here would remove, along the directions
 * that J (columns times scale; NULL: 1) resolves: |projection of f on them|²
 * (the Newton decrement, the same in u and in x but for which directions
 * count as resolved). */
static double gn_decrement(svd_work *s, const gsl_matrix *J, const double *scale, const gsl_vector *f) {
  if (svd_rows(s, J, (int)J->size1, scale)) return INFINITY;
  int rank = svd_rank(s, SV_NULL);
  double dec = 0.0;
  for (int k = 0; k < rank; k++) {
    double d;
    gsl_vector_const_view uk = gsl_matrix_const_column(s->A, (size_t)k);
    gsl_blas_ddot(&uk.vector, f, &d);
    dec += d * d;
  }
  return dec;
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
  free(c->xo);
  free(c->s);
  free(c->xc);
  free(c->ua);
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
  c->xo = malloc(n * sizeof *c->xo);
  c->s = malloc(n * sizeof *c->s);
  c->xc = malloc(n * sizeof *c->xc);
  c->ua = malloc(n * sizeof *c->ua);
  if (!c->obs_of || !c->par_of || !c->lo || !c->hi || !c->psd || !c->x || !c->xw || !c->xo || !c->s || !c->xc ||
      !c->ua)
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
  double d = 1e-6 * fmin(hi - lo, 1.0);
  if (x <= lo) x = lo + d;
  if (x >= hi) x = hi - d;
  return x;
}

/* The decrement at the solver's point, its Jacobian in u brought back to
 * the scaled x of the final analysis (column j times scale_j / (dx/du)_j):
 * near a bound a u column is tiny, which must not hide that value. */
static double decrement_u(fit_ctx *c, gsl_multifit_nlinear_workspace *w, svd_work *sv) {
  const gsl_vector *u = gsl_multifit_nlinear_position(w);
  for (int j = 0; j < c->np; j++) {
    double uj = gsl_vector_get(u, (size_t)j), d = dx_du(uj, c->lo[j], c->hi[j]);
    c->s[j] = d > 0 ? par_scale(c, j, to_x(uj, c->lo[j], c->hi[j])) / d : 0.0; /* d = 0: the column is 0 too */
  }
  return gn_decrement(sv, gsl_multifit_nlinear_jac(w), c->s, gsl_multifit_nlinear_residual(w));
}

static const char iterate_nomem[] = "out of memory";

/* Trust-region iterations from u (updated); returns why it stopped ("" when
 * the Gauss–Newton decrement fell below DEC_STOP), iterate_nomem if it could
 * not start. */
static const char *iterate(fit_ctx *c, gsl_vector *u, int max_iter, svd_work *sv, int *iters) {
  gsl_multifit_nlinear_fdf fdf = {0};
  fdf.f = gsl_f, fdf.df = gsl_df, fdf.fvv = NULL;
  fdf.n = (size_t)c->nrows, fdf.p = (size_t)c->np, fdf.params = c;
  gsl_multifit_nlinear_parameters prm = gsl_multifit_nlinear_default_parameters();
  prm.trs = gsl_multifit_nlinear_trs_lm;       /* Levenberg–Marquardt */
  prm.scale = gsl_multifit_nlinear_scale_more; /* invariant to the scale of each u */
  prm.solver = gsl_multifit_nlinear_solver_qr; /* robust when J is rank-deficient */
  gsl_multifit_nlinear_workspace *w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &prm, fdf.n, fdf.p);
  *iters = 0;
  if (!w) return iterate_nomem;
  if (gsl_multifit_nlinear_init(u, &fdf, w)) {
    gsl_multifit_nlinear_free(w);
    return "the Jacobian could not be computed at the start";
  }
  const char *why = "";
  double dec = decrement_u(c, w, sv), chi2[CHI2_WINDOW];
  while (dec > DEC_STOP) {
    if (*iters >= max_iter) {
      why = "the iteration limit was reached";
      break;
    }
    u_to_x(c, gsl_multifit_nlinear_position(w), c->xo);
    int gs = gsl_multifit_nlinear_iterate(w);
    if (gs == GSL_ENOPROG) {
      why = "no trial step lowered chi2 (solver noise, or a failing model)";
      break;
    }
    if (gs) {
      why = gsl_strerror(gs);
      break;
    }
    double fn = gsl_blas_dnrm2(gsl_multifit_nlinear_residual(w)), *old = &chi2[*iters % CHI2_WINDOW];
    if (*iters >= CHI2_WINDOW && *old - fn * fn < CHI2_STALL) {
      why = "chi2 fell by less than 1e-4 in the last 10 iterations";
      ++*iters;
      break;
    }
    *old = fn * fn;
    ++*iters;
    dec = decrement_u(c, w, sv);
    u_to_x(c, gsl_multifit_nlinear_position(w), c->x);
    double moved = 0.0;
    for (int j = 0; j < c->np; j++) moved = fmax(moved, fabs(c->x[j] - c->xo[j]) / par_scale(c, j, c->x[j]));
    if (moved <= STALL) {
      why = "the steps stalled";
      break;
    }
  }
  gsl_vector_memcpy(u, gsl_multifit_nlinear_position(w));
  gsl_multifit_nlinear_free(w);
  return why;
}

/* -1 at the lower bound, 1 at the upper one, else 0. */
static int at_bound(const fit_ctx *c, int j, double x) {
  double tol = BOUND_NEAR * fmin(c->hi[j] - c->lo[j], par_scale(c, j, x));
  return x - c->lo[j] <= tol ? -1 : c->hi[j] - x <= tol ? 1 : 0;
}

/* The Gauss–Newton decrement at x, not counting a value that sits on a
 * bound and that χ² pushes outwards (a constrained optimum). */
static double final_decrement(fit_ctx *c, const gsl_matrix *J, const double *x, svd_work *sv, gsl_matrix *Jc) {
  gsl_vector_const_view f = gsl_vector_const_view_array(c->fc, (size_t)c->nrows);
  gsl_matrix_memcpy(Jc, J);
  for (int j = 0; j < c->np; j++) {
    gsl_vector_view col = gsl_matrix_column(Jc, (size_t)j);
    double g;
    gsl_blas_ddot(&col.vector, &f.vector, &g); /* ½ dχ²/dx_j */
    int b = at_bound(c, j, x[j]);
    if ((b < 0 && g >= 0) || (b > 0 && g <= 0)) gsl_vector_set_zero(&col.vector);
  }
  return gn_decrement(sv, Jc, c->s, &f.vector);
}

/* Identification and the Laplace covariance, in columns scaled by c->s.
 * (1) SVD of the data rows: identified[j] = 0 for the values on its null
 * vectors. (2) B = the data rows truncated to their kept singular triplets
 * (S_k·v_kᵀ: the data's null directions dropped exactly) over the prior rows
 * (diagonal); SVD of B: bad[j] for the values on its null vectors (neither
 * data nor a prior reaches them), and cov = V·S⁻²·Vᵀ over the rest. */
static void posterior(fit_ctx *c, const gsl_matrix *J, ind_fit *f, svd_work *sv, svd_work *sb, int *bad) {
  int np = c->np, rank = 0;
  memset(bad, 0, (size_t)np * sizeof *bad);
  memset(f->identified, 0, (size_t)np * sizeof *f->identified);
  if (c->ndata > 0 && !svd_rows(sv, J, c->ndata, c->s)) rank = svd_rank(sv, SV_NULL);
  null_loadings(sv, rank, f->identified); /* 1 = not identified, for now */
  for (int j = 0; j < np; j++) f->identified[j] = rank > 0 && !f->identified[j];
  gsl_matrix_set_zero(sb->A);
  for (int k = 0; k < rank; k++)
    for (int j = 0; j < np; j++)
      gsl_matrix_set(sb->A, (size_t)k, (size_t)j,
                     gsl_vector_get(sv->S, (size_t)k) * gsl_matrix_get(sv->V, (size_t)j, (size_t)k));
  for (int k = 0; k < c->nprior; k++) {
    int j = c->par_of[k];
    double d = gsl_matrix_get(J, (size_t)(c->ndata + k), (size_t)j) * c->s[j];
    gsl_matrix_set(sb->A, (size_t)(rank + k), (size_t)j, d);
  }
  int kept = gsl_linalg_SV_decomp(sb->A, sb->V, sb->S, sb->work) ? 0 : svd_rank(sb, SV_EXACT);
  null_loadings(sb, kept, bad);
  for (int i = 0; i < np; i++)
    for (int j = 0; j < np; j++) {
      double v = 0.0;
      for (int k = 0; k < kept; k++) {
        double sk = gsl_vector_get(sb->S, (size_t)k);
        v += gsl_matrix_get(sb->V, (size_t)i, (size_t)k) * gsl_matrix_get(sb->V, (size_t)j, (size_t)k) / (sk * sk);
      }
      f->cov[i * np + j] = bad[i] || bad[j] ? NAN : v * c->s[i] * c->s[j];
    }
  for (int j = 0; j < np; j++) f->se[j] = sqrt(f->cov[j * np + j]);
  for (int i = 0; i < np; i++)
    for (int j = 0; j < np; j++)
      f->corr[i * np + j] = i == j && !bad[i] ? 1.0 : f->cov[i * np + j] / (f->se[i] * f->se[j]);
}

static void name_list(text *t, const ind_fit_param *p, const int *flag, int want, int np) {
  const char *sep = "";
  for (int j = 0; j < np; j++)
    if (flag[j] == want) {
      text_add(t, "%s%s", sep, p[j].name ? p[j].name : "?");
      sep = ", ";
    }
}

static void warnings(fit_ctx *c, ind_fit *f, const int *bad, const char *why, double dec, const char *run_warnings,
                     text *t) {
  int nbad = 0, nunid = 0;
  for (int j = 0; j < c->np; j++) nbad += bad[j], nunid += !f->identified[j];
  if (!f->converged)
    text_add(t, "not converged after %d iterations (%s): a Gauss-Newton step would still lower chi2 by %.3g\n",
             f->iterations, *why ? why : "stopped", dec);
  if (nunid) {
    text_add(t, "not identified by the data: ");
    name_list(t, c->p, f->identified, 0, c->np);
    text_add(t, " (the data cannot tell %s; only priors decide)\n", nunid > 1 ? "their values apart" : "its value");
  }
  if (nbad) {
    text_add(t, "not identified, no prior to decide: ");
    name_list(t, c->p, bad, 1, c->np);
    text_add(t, " (their values depend on the start; se NaN)\n");
  }
  for (int j = 0; j < c->np; j++) {
    const char *name = c->p[j].name ? c->p[j].name : "?";
    int b = at_bound(c, j, f->x[j]);
    if (b) text_add(t, "%s at its %s bound %g (its se assumes it could cross it)\n", name, b < 0 ? "lower" : "upper",
                    b < 0 ? c->lo[j] : c->hi[j]);
    if (fabs(f->prior_z[j]) > 3.0)
      text_add(t, "%s is %.1f prior sds from its prior's median: data and prior disagree\n", name, f->prior_z[j]);
  }
  if (c->nfail) text_add(t, "%d trial runs failed and were rejected (last: %s)\n", c->nfail, c->fail.msg);
  for (const char *s = run_warnings; s && *s;) {
    const char *e = strchr(s, '\n');
    int n = e ? (int)(e - s) : (int)strlen(s);
    text_add(t, "at the fit: %.*s\n", n, s);
    s += n + (e != NULL);
  }
}

/* At x (the fit's end): model values, χ², Jacobian, posterior, flags. */
static ind_status finish(fit_ctx *c, ind_fit *f, const char *why, ind_err *err) {
  ind_status st = IND_ENOMEM;
  svd_work sv = {0}, sb = {0};
  gsl_matrix *J = gsl_matrix_alloc((size_t)c->nrows, (size_t)c->np);
  gsl_matrix *Jc = gsl_matrix_alloc((size_t)c->nrows, (size_t)c->np);
  int *bad = malloc((size_t)c->np * sizeof *bad);
  char *run_warnings = NULL;
  text t = {0};
  if (!J || !Jc || !bad || !svd_alloc(&sv, c->nrows, c->np) || !svd_alloc(&sb, c->nrows, c->np)) goto done;
  if (eval(c, f->x, c->fc)) { /* cannot happen: x was an accepted point */
    st = ind_err_set(err, c->fail.code, "calibration: the model fails at the fitted values: %s", c->fail.msg);
    goto done;
  }
  const ind_result *r = ind_runner_result(c->rn);
  memcpy(f->model, r->obs_model, (size_t)c->sc->nobs * sizeof *f->model);
  if (!(run_warnings = strdup(r->warnings ? r->warnings : ""))) goto done;
  f->chi2_data = f->chi2_prior = 0.0;
  for (int k = 0; k < c->ndata; k++) f->chi2_data += c->fc[k] * c->fc[k];
  for (int k = 0; k < c->nprior; k++) f->chi2_prior += c->fc[c->ndata + k] * c->fc[c->ndata + k];
  for (int j = 0; j < c->np; j++) f->prior_z[j] = f->prior_sd[j] = NAN;
  for (int k = 0; k < c->nprior; k++) f->prior_z[c->par_of[k]] = c->fc[c->ndata + k];
  jac_x(c, f->x, c->fc, J);
  set_targets(c, f->x); /* the Jacobian's runs moved them */
  for (int j = 0; j < c->np; j++) c->s[j] = par_scale(c, j, f->x[j]);
  double dec = final_decrement(c, J, f->x, &sv, Jc);
  f->converged = dec <= DEC_OK;
  posterior(c, J, f, &sv, &sb, bad);
  for (int j = 0; j < c->np; j++) {
    f->prior_sd[j] = c->psd[j];
    f->shrink[j] = f->se[j] / c->psd[j]; /* NaN without prior */
  }
  warnings(c, f, bad, why, dec, run_warnings, &t);
  if (t.failed || !(f->warnings = t.s ? t.s : calloc(1, 1))) goto done;
  t.s = NULL;
  st = IND_OK;
done:
  if (st == IND_ENOMEM) ind_err_set(err, st, "out of memory");
  free(t.s);
  free(run_warnings);
  free(bad);
  gsl_matrix_free(J);
  gsl_matrix_free(Jc);
  svd_free(&sv);
  svd_free(&sb);
  return st;
}

/* Every target's value, to put back when the fit fails. */
static double *save_targets(const ind_scenario *sc, const ind_fit_param *p, int np) {
  size_t n = 0;
  for (int j = 0; j < np; j++) n += (size_t)p[j].ntargets;
  double *v = malloc((n ? n : 1) * sizeof *v), *w = v;
  for (int j = 0; v && j < np; j++)
    for (int t = 0; t < p[j].ntargets; t++) *w++ = ind_target_get(sc, &p[j].targets[t]);
  return v;
}

static void restore_targets(ind_scenario *sc, const ind_fit_param *p, int np, const double *v) {
  for (int j = 0; j < np; j++)
    for (int t = 0; t < p[j].ntargets; t++) ind_target_set(sc, &p[j].targets[t], *v++, NULL);
}

ind_status ind_calibrate(ind_scenario *sc, const ind_fit_param *p, int np, const ind_fit_opts *o, ind_fit **out,
                         ind_err *err) {
  if (out) *out = NULL;
  if (!sc || !p || np < 1 || !out) return ind_err_set(err, IND_EINVAL, "calibration: nothing to fit");
  if (o && (o->max_iter < 0 || !(o->rtol >= 0 && o->rtol < 1)))
    return ind_err_set(err, IND_EINVAL, "calibration: max_iter must be >= 0 and rtol in [0, 1)");
  fit_ctx c;
  ind_fit *f = NULL;
  svd_work sv = {0};
  gsl_vector *u = NULL;
  double *saved = NULL;
  ind_status st = ctx_init(&c, sc, p, np, o, err);
  if (st) goto done;
  if (!(saved = save_targets(sc, p, np))) goto nomem;
  double rtol = sc->solver.rtol;
  if (o && o->rtol > 0) sc->solver.rtol = o->rtol; /* the runner's solver keeps it */
  c.rn = ind_runner_alloc(sc, err);
  sc->solver.rtol = rtol;
  if (!c.rn) {
    st = err ? err->code : IND_ENOMEM;
    goto done;
  }
  if (!(f = fit_alloc(np, sc->nobs)) || !(u = gsl_vector_alloc((size_t)np)) || !svd_alloc(&sv, c.nrows, np))
    goto nomem;
  for (int j = 0; j < np; j++) {
    c.x[j] = start_inside(p[j].init, c.lo[j], c.hi[j]);
    gsl_vector_set(u, (size_t)j, to_u(c.x[j], c.lo[j], c.hi[j]));
  }
  if (eval(&c, c.x, c.fc)) {
    st = ind_err_set(err, c.fail.code, "calibration: the model fails at the starting values: %s", c.fail.msg);
    goto done;
  }
  const char *why = iterate(&c, u, o && o->max_iter > 0 ? o->max_iter : 200, &sv, &f->iterations);
  if (why == iterate_nomem) goto nomem;
  u_to_x(&c, u, f->x);
  f->ndata = c.ndata;
  st = finish(&c, f, why, err);
  f->runs = c.runs;
  goto done;
nomem:
  st = ind_err_set(err, IND_ENOMEM, "out of memory");
done:
  if (st) {
    if (saved) restore_targets(sc, p, np, saved);
    ind_fit_free(f);
    f = NULL;
  }
  *out = f;
  free(saved);
  gsl_vector_free(u);
  svd_free(&sv);
  ctx_free(&c);
  return st;
}
