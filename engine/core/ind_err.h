/* ind_err.h — status codes and the error record every core call fills.
 * A failing call returns a non-zero ind_status and, when the caller passed an
 * ind_err, leaves a message there saying what failed and where (sector, year,
 * parameter). The library never prints and never exits. */
#ifndef IND_ERR_H
#define IND_ERR_H

typedef enum {
  IND_OK = 0,
  IND_EINVAL,   /* a value or argument out of its range */
  IND_ENOMEM,   /* allocation failed */
  IND_ESOLVER,  /* the ODE solver could not reach the next time */
  IND_ENUMERIC, /* NaN or infinity appeared in the model */
  IND_EIO,      /* a file could not be written or read */
  IND_EEXTERNAL /* an external program (gnuplot) failed */
} ind_status;

typedef struct ind_err {
  ind_status code;
  char msg[512];
} ind_err;

/* Record code and a printf-style message in e (which may be NULL); returns code. */
ind_status ind_err_set(ind_err *e, ind_status code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

void ind_err_clear(ind_err *e);
const char *ind_status_name(ind_status code);

#endif
