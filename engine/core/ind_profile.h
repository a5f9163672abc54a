/* ind_profile.h — the time profile w(t) in [0,1] of a policy, event or transfer:
 * zero before `from`, a linear ramp-up over `ramp` years, full strength until
 * `to`, then a linear decay over `decay` years. Times are calendar years as
 * reals; `to` is the end instant (a policy "to = 2015" ends at 2016.0) and may
 * be INFINITY. Its kinks are the breakpoints where the solver restarts. */
#ifndef IND_PROFILE_H
#define IND_PROFILE_H

typedef struct ind_profile {
  double from;  /* start instant */
  double ramp;  /* years from 0 to full strength, >= 0 */
  double to;    /* end instant of full strength (exclusive), >= from; INFINITY: never */
  double decay; /* years from full strength to 0 after `to`, >= 0 */
} ind_profile;

#define IND_PROFILE_MAX_BREAKS 4

/* w(t). A ramp still under way at `to` decays from the level it reached. */
double ind_profile_weight(const ind_profile *p, double t);
/* The finite instants where w is not smooth, ascending; returns their count. */
int ind_profile_breakpoints(const ind_profile *p, double out[IND_PROFILE_MAX_BREAKS]);
/* Length of [a, b) ∩ [from, to): the time a cost is paid within [a, b). */
double ind_profile_active_time(const ind_profile *p, double a, double b);
/* 0 if the profile is well formed; else a message naming the bad field. */
const char *ind_profile_check(const ind_profile *p);

#endif
