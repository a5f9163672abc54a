/* help.c — the per-command help (the general one is `usage` in main.c). */
#include "help.h"

#include <stdio.h>
#include <string.h>

typedef struct command_help {
  const char *name, *text;
} command_help;

#define COMMON                                                                                 \
  "common options: --out DIR, --svg, --no-plots, --lang vi|en|both, --path DIR, --quiet,\n"     \
  "  --max-seconds S, --max-memory MIB, --max-instructions N, --unsafe (indsim --help)\n"

static const command_help helps[] = {
  {"run",
   "usage: indsim run [FILE ...] [--years Y1,Y2,...] [-n N] [--seed S]\n"
   "Simulates the scenarios of each FILE (none: the built-in Hanoi default: the baseline,\n"
   "the full programme and each measure alone), prints the summary table, the cost-benefit\n"
   "of every scenario after the first against the first (central run and 90 % bands over\n"
   "N draws, default 1000; -n 0: none) and the fit to the observations; writes\n"
   "out/<scenario>/annual.csv, fit.csv, economics.csv, projection.png, and with several\n"
   "scenarios out/compare.png, out/economics.csv, economics.png, economics_cumulative.png.\n"},
  {"compare",
   "usage: indsim compare BASE OTHER ... [--years Y1,Y2,...] [-n N]\n"
   "As run, with the gains and the cost-benefit measured against BASE's scenario.\n"},
  {"check",
   "usage: indsim check FILE ...\n"
   "Validates the scenarios without simulating them and prints each one's assumption\n"
   "register: every parameter, event, policy and observation with its value, unit, range\n"
   "and source.\n"},
  {"script",
   "usage: indsim script FILE [ARG ...]\n"
   "Runs a what-if analysis script (scripts/ has examples: rank_policies.lua,\n"
   "budget_split.lua, report.lua); the ARGs are its `arg` table.\n"},
  {"mc",
   "usage: indsim mc [FILE ...] [-n N] [--seed S] [--threads T]\n"
   "Monte Carlo: N draws (default 1000) of every uncertain number of each scenario, the\n"
   "first the baseline of the others (the same draws: common random numbers); prints the\n"
   "medians and 90 % bands, the plan targets' chances; writes fan.csv, targets.csv and\n"
   "the fan charts.\n"},
  {"calibrate",
   "usage: indsim calibrate FILE [--until Y]\n"
   "Fits the scenario's calibration (priors: its distributions) to its observations (up\n"
   "to year Y); prints the report; writes calibration.csv, correlations.csv, posterior.lua.\n"},
  {"backtest",
   "usage: indsim backtest FILE --until Y [-n N]\n"
   "Calibrates on the observations up to Y, projects the rest with an ensemble and\n"
   "reports where each held-out observation falls in the 50 % and 90 % bands.\n"},
  {"sensitivity",
   "usage: indsim sensitivity [FILE] [--method oat|sobol] [--output OUT[,OUT...]] [-n N]\n"
   "How each uncertain number moves an output. FILE's first scenario is the baseline, its\n"
   "second the one studied (no FILE: the Hanoi package against the baseline; one\n"
   "scenario: no baseline). OUT: npv, bcr, pv_benefit, pv_cost, payback_year or\n"
   "VARIABLE:YEAR (e.g. production_value:2020; with a baseline, its gain).\n"
   "  --method oat    one at a time over each number's 5-95 % range (default): tornado_K.png\n"
   "  --method sobol  first- and total-order Sobol indices with bootstrap intervals,\n"
   "                  N base samples (default 512): sobol_K.png\n"
   "Writes sensitivity.csv.\n"},
  {"rerun",
   "usage: indsim rerun DIR\n"
   "Repeats the command recorded in DIR/manifest.json into DIR/.rerun and confirms that\n"
   "every result file is identical, bit for bit (exit 6 if not).\n"},
  {"params",
   "usage: indsim params [--markdown]\n"
   "Lists the model's parameters: name, unit, default, range, meaning.\n"},
};

/* Levenshtein distance of a and b (short words: commands), capped at 9. */
static int distance(const char *a, const char *b) {
  size_t n = strlen(b);
  int row[32];
  if (strlen(a) > 30 || n > 30) return 9;
  for (size_t j = 0; j <= n; j++) row[j] = (int)j;
  for (size_t i = 1; a[i - 1]; i++) {
    int diag = row[0];
    row[0] = (int)i;
    for (size_t j = 1; j <= n; j++) {
      int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      diag = up;
      row[j] = best;
    }
  }
  return row[n] < 9 ? row[n] : 9;
}

const char *indsim_closest_command(const char *word) {
  const char *best = NULL;
  int best_d = 3; /* at most two edits away */
  for (size_t i = 0; i < sizeof helps / sizeof *helps; i++) {
    int d = distance(word, helps[i].name);
    if (d < best_d) best_d = d, best = helps[i].name;
  }
  return best;
}

int indsim_print_command_help(FILE *f, const char *command) {
  for (size_t i = 0; i < sizeof helps / sizeof *helps; i++)
    if (!strcmp(command, helps[i].name)) {
      fputs(helps[i].text, f);
      fputs("\n" COMMON, f);
      return 1;
    }
  return 0;
}
