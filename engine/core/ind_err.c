/* ind_err.c — filling ind_err records. */
#include "ind_err.h"

#include <stdarg.h>
#include <stdio.h>

ind_status ind_err_set(ind_err *e, ind_status code, const char *fmt, ...) {
  if (e) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->code = code;
  }
  return code;
}

void ind_err_clear(ind_err *e) {
  if (e) {
    e->code = IND_OK;
    e->msg[0] = '\0';
  }
}

const char *ind_status_name(ind_status code) {
  switch (code) {
  case IND_OK: return "ok";
  case IND_EINVAL: return "invalid value";
  case IND_ENOMEM: return "out of memory";
  case IND_ESOLVER: return "solver failure";
  case IND_ENUMERIC: return "numerical failure";
  case IND_EIO: return "input/output failure";
  case IND_EEXTERNAL: return "external program failure";
  }
  return "unknown status";
}
