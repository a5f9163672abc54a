/* help.h — `indsim COMMAND --help` and `indsim help COMMAND`: each command's
 * synopsis, what it does, what it writes and the options it reads. */
#ifndef INDSIM_HELP_H
#define INDSIM_HELP_H

#include <stdio.h>

/* The command at most two edits from word (for "did you mean"), or NULL. */
const char *indsim_closest_command(const char *word);

/* Prints command's help to f; 0 for an unknown command (nothing printed). */
int indsim_print_command_help(FILE *f, const char *command);

#endif
