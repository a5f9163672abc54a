/* ind_solve.h — integrates a model with GSL's odeiv2 driver (an embedded
 * Runge–Kutta pair with error control) from the first instant through a list
 * of output times, restarting the step at every policy breakpoint so that the
 * kinks of the profiles cost no accuracy. */
#ifndef IND_SOLVE_H
#define IND_SOLVE_H

#include "ind_model.h"

typedef struct ind_solver ind_solver;

ind_solver *ind_solver_alloc(ind_model *m, const ind_solver_opts *opts, ind_err *err);
void ind_solver_free(ind_solver *s);

/* times: ascending, >= first_year. out: ntimes × dim states. On failure the
 * message names the time, and the sector and quantity when the model knows. */
ind_status ind_solver_run(ind_solver *s, const double *times, int ntimes, double *out, ind_err *err);

long ind_solver_steps(const ind_solver *s); /* accepted steps of the last run */

#endif
