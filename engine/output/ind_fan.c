/* ind_fan.c — ensemble statistics as CSV (long format, one row per cell). */
#include "ind_fan.h"

#include <stdio.h>

#include "ind_csv.h"
#include "ind_fsout.h"
#include "ind_observe.h"

static const char *const set_names[IND_NSETS] = {"level", "gain", "gain_pct"};

typedef struct fan_job {
  const ind_scenario *sc;
  const ind_ensemble *e;
  const ind_observation *targets;
  int ntargets;
} fan_job;

static void stats_fields(FILE *f, const ind_stats *st) {
  fprintf(f, ",%ld,", st->n);
  ind_csv_number(f, st->mean);
  fputc(',', f);
  ind_csv_number(f, st->sd);
  for (int q = 0; q < IND_NFAN; q++) {
    fputc(',', f);
    ind_csv_number(f, st->q[q]);
  }
}

static void stats_header(FILE *f) {
  fputs(",n,mean,sd", f);
  for (int q = 0; q < IND_NFAN; q++) fprintf(f, ",q%02d", (int)(ind_fan_levels[q] * 100 + 0.5));
}

static ind_status write_fan(FILE *f, const void *ud, ind_err *err) {
  const fan_job *job = ud;
  const ind_scenario *sc = job->sc;
  int nsets = ind_ensemble_has_gains(job->e) ? IND_NSETS : 1;
  fputs("year,sector,variable,set", f);
  stats_header(f);
  fputc('\n', f);
  for (int y = sc->first_year; y <= sc->last_year; y++)
    for (int i = 0; i <= sc->nsectors; i++)
      for (int set = 0; set < nsets; set++)
        for (int v = 0; v < IND_NVARS; v++) {
          ind_stats st;
          int sector = i == sc->nsectors ? IND_TOTAL : i;
          ind_status s = ind_ensemble_stats(job->e, (ind_set)set, y, sector, v, &st, err);
          if (s) return s;
          fprintf(f, "%d,", y);
          ind_csv_field(f, sector == IND_TOTAL ? "total" : sc->sector_names[i]);
          fprintf(f, ",%s,%s", ind_var_info_get(v)->name, set_names[set]);
          stats_fields(f, &st);
          fputc('\n', f);
        }
  return IND_OK;
}

ind_status ind_csv_write_fan(const char *path, const ind_scenario *sc, const ind_ensemble *e, int flags, ind_err *err) {
  fan_job job = {sc, e, NULL, 0};
  return ind_write_file(path, write_fan, &job, flags, err);
}

static ind_status write_targets(FILE *f, const void *ud, ind_err *err) {
  const fan_job *job = ud;
  char label[160];
  fputs("target,value,p_met,shortfall", f);
  stats_header(f);
  fputc('\n', f);
  for (int k = 0; k < job->ntargets; k++) {
    ind_target_stats ts;
    ind_status s = ind_ensemble_target(job->e, k, &ts, err);
    if (s) return s;
    ind_csv_field(f, ind_obs_describe(&job->targets[k], job->sc, label, sizeof label));
    fputc(',', f);
    ind_csv_number(f, job->targets[k].value);
    fputc(',', f);
    ind_csv_number(f, ts.p_met);
    fputc(',', f);
    ind_csv_number(f, ts.shortfall);
    stats_fields(f, &ts.value);
    fputc('\n', f);
  }
  return IND_OK;
}

ind_status ind_csv_write_targets(const char *path, const ind_scenario *sc, const ind_observation *targets,
                                 int ntargets, const ind_ensemble *e, int flags, ind_err *err) {
  fan_job job = {sc, e, targets, ntargets};
  return ind_write_file(path, write_targets, &job, flags, err);
}
