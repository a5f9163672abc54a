/* ind_model.h — the model of docs/model.md compiled from a scenario: the state
 * layout, the initial state, the parameters as policies and events make them at
 * time t, and the right-hand side in the form GSL's odeiv2 calls. A model is
 * owned by one simulation; its scratch space makes it single-threaded. */
#ifndef IND_MODEL_H
#define IND_MODEL_H

#include "ind_scenario.h"

/* Stocks of one sector, in this order in the state vector. */
enum {
  IND_S_K,    /* capital */
  IND_S_L,    /* employment */
  IND_S_H,    /* skilled share */
  IND_S_M,    /* modern-technology share */
  IND_S_Z,    /* TFP trend index */
  IND_S_G,    /* outside-investment trend index */
  IND_S_V,    /* value added / production value */
  IND_S_Q,    /* cumulative production value */
  IND_S_VA,   /* cumulative value added */
  IND_S_ICUM, /* cumulative gross investment */
  IND_S_LCUM, /* cumulative employment (worker-years), for averages */
  IND_NSTATE
};
/* After the sectors' stocks: E, the business environment. */
#define IND_STATE_E(nsectors) ((nsectors) * IND_NSTATE)
#define IND_STATE_DIM(nsectors) ((nsectors) * IND_NSTATE + 1)

typedef struct ind_model ind_model;

ind_model *ind_model_alloc(const ind_scenario *sc, ind_err *err);
void ind_model_free(ind_model *m);
/* After the scenario's values (not its structure) changed: parameters,
 * effect sizes, transfer rates, budgets. Re-derives A0 and the rest. */
void ind_model_refresh(ind_model *m);
int ind_model_dim(const ind_model *m);
const ind_scenario *ind_model_scenario(const ind_model *m);

/* The state at the first instant. */
void ind_model_initial(const ind_model *m, double *y);
/* Derived TFP level of each sector at t0 (A0). */
double ind_model_a0(const ind_model *m, int sector);
/* Every policy's breakpoints inside (t0, t1), sorted and unique; returns count
 * written (at most cap). */
int ind_model_breakpoints(const ind_model *m, double t0, double t1, double *out, int cap);

/* Parameters as they are at t: out has nsectors × IND_NSECTOR_PARAMS then the
 * shared ones; the pointer is valid until the next call. */
const double *ind_model_params_at(ind_model *m, double t, const double *y);

/* The solver integrates between breakpoints, stretch by stretch: on
 * [start, end) every profile is linear (w is then a multiply-add), and at the
 * right end it is read as its limit from the left, so that a jump there (a
 * policy switched on with no ramp) does not leak into the step that ends on
 * it. start = -INFINITY: no stretch (direct evaluation). */
void ind_model_set_stretch(ind_model *m, double start, double end);

/* Right-hand side, GSL signature; `model` is an ind_model. Returns GSL_SUCCESS,
 * or GSL_FAILURE (the step is retried smaller) when a stock is not positive or
 * a derivative not finite (see ind_model_failure). */
int ind_model_rhs(double t, const double y[], double dydt[], void *model);

/* Notes which clamps bind at the accepted state (t, y); the solver calls it at
 * every output time and breakpoint, so rejected trial stages never warn.
 * scratch holds dim doubles. */
void ind_model_note_clamps(ind_model *m, double t, const double *y, double *scratch);

/* Where the right-hand side last met an invalid state; 0 if never (since the
 * last ind_model_clear_failure: the solver clears it after every stretch it
 * completes, so a refused trial stage that a smaller step got past is not
 * mistaken later for the cause of a failure). */
int ind_model_failure(const ind_model *m, double *t, int *sector, const char **what);
void ind_model_clear_failure(ind_model *m);

/* Clamps that bound during the run: calls fn once per (sector, quantity) with
 * the first time it bound. sector is IND_TOTAL for shared parameters. */
typedef void (*ind_clamp_fn)(void *ud, int sector, const char *what, double t);
void ind_model_clamps(const ind_model *m, ind_clamp_fn fn, void *ud);
void ind_model_reset_diagnostics(ind_model *m);

long ind_model_rhs_calls(const ind_model *m);

#endif
