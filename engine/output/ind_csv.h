/* ind_csv.h — a run's results as CSV files for spreadsheets: the annual results
 * and the fit to the observations. UTF-8 without a byte-order mark, LF line
 * ends, fields with a comma, quote or line break quoted RFC 4180 style, numbers
 * as %.10g, a missing value (NaN) as an empty field. Written atomically;
 * flags as ind_write_file's (IND_WRITE_BOM: a byte-order mark first). */
#ifndef IND_CSV_H
#define IND_CSV_H

#include <stdio.h>

#include "ind_err.h"
#include "ind_run.h"
#include "ind_scenario.h"

/* One row per year and sector plus a `total` row per year:
 * year,sector,<every annual variable's name from ind_var_info_get, in enum order>.
 * sector is the sector's name. r must be a run of sc. */
ind_status ind_csv_write_annual(const char *path, const ind_scenario *sc, const ind_result *r, int flags,
                                ind_err *err);

/* One row per observation of sc:
 * observation,sector,kind,year0,year1,month0,month1,observed,model,difference,se,z,source
 * with observation = ind_obs_describe's label, kind one of level, growth,
 * avg_growth, period_growth, month0/month1 only for period_growth (months from
 * 1 January, [month0, month1)), growth as a fraction, difference = model −
 * observed, z = difference / se. */
ind_status ind_csv_write_fit(const char *path, const ind_scenario *sc, const ind_result *r, int flags,
                             ind_err *err);

/* A cell of a generic table: the text s, or when s is NULL the number x. */
typedef struct ind_csv_cell {
  const char *s;
  double x;
} ind_csv_cell;

/* A generic table (what-if scripts' answers: cost-benefit, sensitivity,
 * attribution): the header cols[0..ncols-1], then nrows rows of ncols cells,
 * row by row. Written atomically. */
ind_status ind_csv_write_cells(const char *path, int ncols, const char *const *cols, int nrows,
                               const ind_csv_cell *cells, int flags, ind_err *err);

/* Writes s as one CSV field, quoted when it holds a comma, quote, CR or LF. */
void ind_csv_field(FILE *f, const char *s);
/* Writes x as %.10g, or nothing when x is NaN. */
void ind_csv_number(FILE *f, double x);

#endif
