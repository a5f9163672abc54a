/* ind_plotjob.h — one plot from start to end, shared by every chart kind:
 * checks the options, makes the folder, loads the template (from the template
 * folder or the embedded copy), writes dir/stem.gp atomically (header, the
 * kind's data, the template body) and renders it with gnuplot. Internal to the
 * output layer. */
#ifndef IND_PLOTJOB_H
#define IND_PLOTJOB_H

#include <stdio.h>

#include "ind_labels.h"
#include "ind_plot.h"

/* Writes a chart kind's variables and datablocks (see ind_gpscript.h). */
typedef void (*ind_plot_data_fn)(FILE *f, const void *ud, ind_lang lang);

typedef struct ind_plot_job {
  const char *dir, *stem;
  const char *kind;      /* template plots/<kind>.gp */
  int width, height;     /* pixels */
  ind_plot_data_fn data;
  const void *ud;
} ind_plot_job;

ind_status ind_plot_job_run(const ind_plot_job *job, const ind_plot_opts *opts, ind_err *err);

/* A scenario's title if it has one, else its name. */
const char *ind_plot_scenario_title(const ind_scenario *sc);
/* A sector's title if it has one, else its name. */
const char *ind_plot_sector_title(const ind_scenario *sc, int i);

#endif
