/* ind_table.h — plain-text tables for a terminal: scenarios side by side, a
 * run's fit to its observations, its warnings. Columns are aligned by display
 * width (code points, not bytes), so Vietnamese titles line up. Headings and
 * notes in Vietnamese for IND_LANG_VI, in English otherwise; scenario titles
 * are shown as given (observation labels stay English). */
#ifndef IND_TABLE_H
#define IND_TABLE_H

#include <stdio.h>

#include "ind_err.h"
#include "ind_labels.h"
#include "ind_run.h"
#include "ind_scenario.h"

#define IND_TABLE_MAX_YEARS 16

/* One row per scenario (rs[i] a run of scs[i]): name; title; total production
 * value (PV, bn VND) in each of years[0..nyears-1]; the average annual growth of
 * PV from the end of the reference scenario's last observed year (scs[baseline],
 * or scs[0] without a baseline; years[0] if it has no observations) to the last
 * of years; the gain of PV over the baseline in % in each of years (baseline:
 * index into the arrays, -1 for none); policy cost summed over each scenario's
 * whole period (ind_policy_cost_between, bn VND as the scenario states costs).
 * basis names the price basis of PV in the header, e.g. "1994 prices" (NULL:
 * not stated). Header lines above the table state units and periods. */
ind_status ind_table_summary(FILE *out, const ind_scenario *const *scs, const ind_result *const *rs,
                             int n, int baseline, const int *years, int nyears, const char *basis,
                             ind_lang lang, ind_err *err);

/* The scenario's observations against the model: label, observed, model,
 * difference (model − observed: percentage points for growth, % of the
 * observed value for levels), se in the same unit, and '!' when
 * |difference| > 2 se. */
ind_status ind_table_fit(FILE *out, const ind_scenario *sc, const ind_result *r, ind_lang lang, ind_err *err);

/* Each line of r->warnings as "warning: <scenario name>: <line>"; returns how
 * many lines were printed. */
int ind_table_warnings(FILE *out, const ind_scenario *sc, const ind_result *r);

#endif
