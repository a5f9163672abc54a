/* embed.c — lookup in tables of embedded files. */
#include "embed.h"

#include <string.h>

const ind_embedded_file *ind_embedded_find(const ind_embedded_file *table, const char *name) {
  for (; table && table->name; table++)
    if (strcmp(table->name, name) == 0) return table;
  return NULL;
}
