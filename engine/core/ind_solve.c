/* ind_solve.c — the piecewise GSL odeiv2 integration. */
#include "ind_solve.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct ind_solver {
  ind_model *model;
  gsl_odeiv2_system sys;
  gsl_odeiv2_driver *drv;
  double *y, *scratch;
  double *breaks;
  int nbreaks;
  long steps;
};

static const gsl_odeiv2_step_type *step_type(ind_method m) {
  switch (m) {
  case IND_RKCK: return gsl_odeiv2_step_rkck;
  case IND_RK8PD: return gsl_odeiv2_step_rk8pd;
  default: return gsl_odeiv2_step_rkf45;
  }
}

ind_solver *ind_solver_alloc(ind_model *m, const ind_solver_opts *o, ind_err *err) {
  const ind_scenario *sc = ind_model_scenario(m);
  ind_solver *s = calloc(1, sizeof *s);
  if (!s) goto nomem;
  s->model = m;
  s->sys = (gsl_odeiv2_system){ind_model_rhs, NULL, (size_t)ind_model_dim(m), m};
  s->drv = gsl_odeiv2_driver_alloc_standard_new(&s->sys, step_type(o->method), o->h0, o->atol, o->rtol, 1.0, 0.0);
  s->y = malloc((size_t)ind_model_dim(m) * sizeof(double));
  s->scratch = malloc((size_t)ind_model_dim(m) * sizeof(double));
  int cap = sc->npolicies * IND_PROFILE_MAX_BREAKS + (sc->nshocks ? sc->last_year - sc->first_year + 1 : 0) + 1;
  s->breaks = malloc((size_t)cap * sizeof(double));
  if (!s->drv || !s->y || !s->scratch || !s->breaks) goto nomem;
  gsl_odeiv2_driver_set_nmax(s->drv, (unsigned long)o->max_steps);
  gsl_odeiv2_driver_set_hmin(s->drv, 1e-12); /* years; below this the model has broken down */
  s->nbreaks = ind_model_breakpoints(m, sc->first_year, sc->last_year + 1.0, s->breaks, cap);
  return s;
nomem:
  ind_solver_free(s);
  ind_err_set(err, IND_ENOMEM, "out of memory allocating the solver");
  return NULL;
}

void ind_solver_free(ind_solver *s) {
  if (!s) return;
  if (s->drv) gsl_odeiv2_driver_free(s->drv);
  free(s->y);
  free(s->scratch);
  free(s->breaks);
  free(s);
}

long ind_solver_steps(const ind_solver *s) { return s->steps; }

static ind_status report(ind_solver *s, int status, double t, ind_err *err) {
  const ind_scenario *sc = ind_model_scenario(s->model);
  double ft;
  int sector;
  const char *what;
  if (status != GSL_EMAXITER && ind_model_failure(s->model, &ft, &sector, &what))
    return ind_err_set(err, IND_ENUMERIC, "%s became invalid (NaN, infinite or not positive) in %s in year %d (t = %.4f)",
                       what, sector >= 0 ? sc->sector_names[sector] : "the whole economy", (int)floor(ft), ft);
  return ind_err_set(err, IND_ESOLVER, "the ODE solver stopped at t = %.4f: %s", t,
                     status == GSL_EMAXITER ? "too many steps (raise solver.max_steps or loosen rtol)"
                                            : gsl_strerror(status));
}

ind_status ind_solver_run(ind_solver *s, const double *times, int ntimes, double *out, ind_err *err) {
  const ind_scenario *sc = ind_model_scenario(s->model);
  size_t dim = (size_t)ind_model_dim(s->model);
  double t = sc->first_year;
  int ib = 0;
  ind_model_initial(s->model, s->y);
  ind_model_reset_diagnostics(s->model);
  ind_model_note_clamps(s->model, t, s->y, s->scratch);
  gsl_odeiv2_driver_reset_hstart(s->drv, sc->solver.h0);
  s->steps = 0;
  for (int k = 0; k < ntimes; k++) {
    while (t < times[k]) {
      while (ib < s->nbreaks && s->breaks[ib] <= t) ib++;
      int at_break = ib < s->nbreaks && s->breaks[ib] <= times[k];
      double target = at_break ? s->breaks[ib] : times[k];
      ind_model_set_stretch(s->model, t, ib < s->nbreaks ? s->breaks[ib] : INFINITY);
      int status = gsl_odeiv2_driver_apply(s->drv, &t, target, s->y);
      s->steps += (long)s->drv->n;
      if (status != GSL_SUCCESS) return report(s, status, t, err);
      ind_model_clear_failure(s->model);
      if (at_break) {
        ib++;
        gsl_odeiv2_driver_reset(s->drv); /* the right-hand side has a kink here */
      }
      ind_model_set_stretch(s->model, t, ib < s->nbreaks ? s->breaks[ib] : INFINITY);
      ind_model_note_clamps(s->model, t, s->y, s->scratch); /* as the parameters are from t on */
    }
    memcpy(out + (size_t)k * dim, s->y, dim * sizeof(double));
  }
  ind_model_set_stretch(s->model, -INFINITY, INFINITY);
  return IND_OK;
}
