/* ind_fan.h — an ensemble's statistics as CSV: fan.csv holds, for each year,
 * sector (and total), variable and set (level; and with a baseline gain, the
 * difference, and gain_pct, in %), the number of draws, mean, sd and the
 * 5/25/50/75/95 % quantiles. flags as ind_write_file's. */
#ifndef IND_FAN_H
#define IND_FAN_H

#include "ind_ensemble.h"
#include "ind_scenario.h"

ind_status ind_csv_write_fan(const char *path, const ind_scenario *sc, const ind_ensemble *e, int flags, ind_err *err);

/* Plan targets: label, target, P(met), expected shortfall, quantiles. */
ind_status ind_csv_write_targets(const char *path, const ind_scenario *sc, const ind_observation *targets,
                                 int ntargets, const ind_ensemble *e, int flags, ind_err *err);

#endif
