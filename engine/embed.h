/* embed.h — text files compiled into the binary at build time (engine/embed.cmake),
 * so the engine runs from any directory: the Lua API, the default scenarios and
 * the plot templates. A table ends with a NULL name. */
#ifndef IND_EMBED_H
#define IND_EMBED_H

#include <stddef.h>

typedef struct ind_embedded_file {
  const char *name; /* path relative to its root, e.g. "hanoi/baseline.lua" */
  const char *data; /* NUL-terminated */
  size_t size;      /* without the NUL */
} ind_embedded_file;

/* The entry called name in table, or NULL. */
const ind_embedded_file *ind_embedded_find(const ind_embedded_file *table, const char *name);

#endif
