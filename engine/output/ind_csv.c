/* ind_csv.c — annual results and observation fit as CSV. */
#include "ind_csv.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ind_fsout.h"
#include "ind_observe.h"
#include "ind_var.h"

typedef struct csv_job {
  const ind_scenario *sc;
  const ind_result *r;
} csv_job;

void ind_csv_field(FILE *f, const char *s) {
  if (!s) s = "";
  if (!strpbrk(s, ",\"\r\n")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

void ind_csv_number(FILE *f, double x) {
  if (!isnan(x)) fprintf(f, "%.10g", x);
}

static ind_status check_pair(const ind_scenario *sc, const ind_result *r, ind_err *err) {
  if (!sc || !r) return ind_err_set(err, IND_EINVAL, "no scenario or no result to write");
  if (r->nsectors != sc->nsectors || r->nobs != sc->nobs || r->first_year != sc->first_year)
    return ind_err_set(err, IND_EINVAL, "result does not belong to scenario '%s'", sc->name);
  return IND_OK;
}

static const char *sector_name(const ind_scenario *sc, int i) {
  if (i == IND_TOTAL || i >= sc->nsectors) return "total";
  return sc->sector_names[i] ? sc->sector_names[i] : "";
}

static ind_status write_annual(FILE *f, const void *ud, ind_err *err) {
  const csv_job *job = ud;
  (void)err;
  fputs("year,sector", f);
  for (int v = 0; v < IND_NVARS; v++) fprintf(f, ",%s", ind_var_info_get(v)->name);
  fputc('\n', f);
  for (int k = 0; k < job->r->nyears; k++) {
    int year = job->r->first_year + k;
    for (int i = 0; i <= job->r->nsectors; i++) {
      int sector = i == job->r->nsectors ? IND_TOTAL : i;
      fprintf(f, "%d,", year);
      ind_csv_field(f, sector_name(job->sc, sector));
      for (int v = 0; v < IND_NVARS; v++) {
        fputc(',', f);
        ind_csv_number(f, ind_result_get(job->r, year, sector, v));
      }
      fputc('\n', f);
    }
  }
  return IND_OK;
}

ind_status ind_csv_write_annual(const char *path, const ind_scenario *sc, const ind_result *r, int flags,
                                ind_err *err) {
  csv_job job = {sc, r};
  ind_status st = check_pair(sc, r, err);
  return st ? st : ind_write_file(path, write_annual, &job, flags, err);
}

static const char *kind_name(ind_obs_kind k) {
  switch (k) {
  case IND_OBS_LEVEL: return "level";
  case IND_OBS_GROWTH: return "growth";
  case IND_OBS_AVG_GROWTH: return "avg_growth";
  case IND_OBS_PERIOD_GROWTH: return "period_growth";
  }
  return "";
}

static void write_fit_row(FILE *f, const ind_scenario *sc, const ind_observation *o, double model) {
  char label[160];
  double diff = model - o->value;
  ind_csv_field(f, ind_obs_describe(o, sc, label, sizeof label));
  fputc(',', f);
  ind_csv_field(f, sector_name(sc, o->sector));
  fprintf(f, ",%s,%d,%d,", kind_name(o->kind), o->year0, o->year1);
  if (o->kind == IND_OBS_PERIOD_GROWTH) fprintf(f, "%.10g,%.10g", o->m0, o->m1);
  else fputc(',', f);
  double z = o->se > 0 ? diff / o->se : NAN; /* no standard error: no z */
  double nums[] = {o->value, model, diff, o->se, z};
  for (size_t j = 0; j < sizeof nums / sizeof *nums; j++) {
    fputc(',', f);
    ind_csv_number(f, nums[j]);
  }
  fputc(',', f);
  ind_csv_field(f, o->source);
  fputc('\n', f);
}

static ind_status write_fit(FILE *f, const void *ud, ind_err *err) {
  const csv_job *job = ud;
  (void)err;
  fputs("observation,sector,kind,year0,year1,month0,month1,observed,model,difference,se,z,source\n", f);
  for (int k = 0; k < job->sc->nobs; k++)
    write_fit_row(f, job->sc, &job->sc->obs[k], job->r->obs_model[k]);
  return IND_OK;
}

ind_status ind_csv_write_fit(const char *path, const ind_scenario *sc, const ind_result *r, int flags,
                             ind_err *err) {
  csv_job job = {sc, r};
  ind_status st = check_pair(sc, r, err);
  return st ? st : ind_write_file(path, write_fit, &job, flags, err);
}

typedef struct cells_job {
  int ncols, nrows;
  const char *const *cols;
  const ind_csv_cell *cells;
} cells_job;

static ind_status write_cells(FILE *f, const void *ud, ind_err *err) {
  const cells_job *job = ud;
  (void)err;
  for (int j = 0; j < job->ncols; j++) {
    if (j) fputc(',', f);
    ind_csv_field(f, job->cols[j]);
  }
  fputc('\n', f);
  for (int i = 0; i < job->nrows; i++) {
    for (int j = 0; j < job->ncols; j++) {
      const ind_csv_cell *c = &job->cells[(size_t)i * (size_t)job->ncols + (size_t)j];
      if (j) fputc(',', f);
      if (c->s) ind_csv_field(f, c->s);
      else ind_csv_number(f, c->x);
    }
    fputc('\n', f);
  }
  return IND_OK;
}

ind_status ind_csv_write_cells(const char *path, int ncols, const char *const *cols, int nrows,
                               const ind_csv_cell *cells, int flags, ind_err *err) {
  cells_job job = {ncols, nrows, cols, cells};
  if (ncols < 1 || !cols || nrows < 0 || (nrows > 0 && !cells))
    return ind_err_set(err, IND_EINVAL, "%s: a table needs at least one column", path);
  return ind_write_file(path, write_cells, &job, flags, err);
}
