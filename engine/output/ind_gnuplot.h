/* ind_gnuplot.h — running the external gnuplot program without a shell
 * (posix_spawnp with an argument vector), capturing its error output, and
 * rendering a script into an image file atomically. */
#ifndef IND_GNUPLOT_H
#define IND_GNUPLOT_H

#include "ind_err.h"

/* Runs `prog -e "outfile='<outfile>'" <script>` with stdin and stdout on
 * /dev/null and waits for it. IND_EEXTERNAL when prog cannot be found or
 * started ("gnuplot not found ...") or exits with an error (the message holds
 * the first lines of its error output); IND_EINVAL for an outfile gnuplot
 * cannot be given exactly. prog NULL means "gnuplot". */
ind_status ind_gnuplot_run(const char *prog, const char *script, const char *outfile, ind_err *err);

/* Renders script into image: gnuplot writes a hidden temporary file beside
 * image (".<name>.tmp.XXXXXX") that is renamed to image only when gnuplot
 * succeeded and wrote something; on failure it is removed, so no partial image
 * ever carries the final name. */
ind_status ind_gnuplot_render(const char *prog, const char *script, const char *image, ind_err *err);

/* 1 if prog (a path, or a name looked up in PATH) is an executable file. */
int ind_gnuplot_found(const char *prog);

#endif
