/* ind_profile.c — policy time profiles: piecewise-linear weights. */
#include "ind_profile.h"

#include <math.h>

static double ramp_weight(const ind_profile *p, double t) {
  if (t < p->from) return 0.0;
  if (p->ramp > 0.0 && t < p->from + p->ramp) return (t - p->from) / p->ramp;
  return 1.0;
}

double ind_profile_weight(const ind_profile *p, double t) {
  if (t < p->to) return ramp_weight(p, t);
  double top = ramp_weight(p, p->to); /* level reached when full strength ends */
  if (p->decay <= 0.0 || t >= p->to + p->decay) return 0.0;
  return top * (1.0 - (t - p->to) / p->decay);
}

int ind_profile_breakpoints(const ind_profile *p, double out[IND_PROFILE_MAX_BREAKS]) {
  int n = 0;
  out[n++] = p->from;
  if (p->ramp > 0.0 && p->from + p->ramp < p->to) out[n++] = p->from + p->ramp;
  if (isfinite(p->to)) {
    out[n++] = p->to;
    if (p->decay > 0.0) out[n++] = p->to + p->decay;
  }
  return n;
}

double ind_profile_active_time(const ind_profile *p, double a, double b) {
  double lo = a > p->from ? a : p->from;
  double hi = b < p->to ? b : p->to;
  return hi > lo ? hi - lo : 0.0;
}

const char *ind_profile_check(const ind_profile *p) {
  if (!isfinite(p->from)) return "start ('from') must be a finite year";
  if (!(p->ramp >= 0.0) || !isfinite(p->ramp)) return "ramp must be >= 0 years";
  if (!(p->decay >= 0.0) || !isfinite(p->decay)) return "decay must be >= 0 years";
  if (isnan(p->to) || p->to < p->from) return "end ('to') must not come before the start ('from')";
  return 0;
}
