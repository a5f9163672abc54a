/* ind_var.h — the annual output variables, as data: CSV column name, unit and
 * whether the total row sums them or weights them. */
#ifndef IND_VAR_H
#define IND_VAR_H

typedef enum {
  IND_V_PRODUCTION_VALUE,      /* Q(y+1) - Q(y) */
  IND_V_GROWTH,                /* production value over the previous year's, minus 1 */
  IND_V_VALUE_ADDED,           /* V(y+1) - V(y) */
  IND_V_INVESTMENT,            /* gross investment over the year */
  IND_V_CAPITAL,               /* K at the end of the year */
  IND_V_EMPLOYMENT,            /* L at the end of the year */
  IND_V_LABOUR_PRODUCTIVITY,   /* value added / average employment over the year */
  IND_V_SKILLED_SHARE,         /* H at the end of the year */
  IND_V_MODERN_TECH_SHARE,     /* M at the end of the year */
  IND_V_POLICY_COST,           /* policy spending over the year */
  IND_V_TFP_INDEX,             /* A(t) / A(t0) at the end of the year */
  IND_V_VA_SHARE,              /* value added / production value of the year */
  IND_V_BUSINESS_ENV,          /* E at the end of the year */
  IND_NVARS
} ind_var;

typedef struct ind_var_info {
  const char *name;  /* CSV column */
  const char *unit;
  const char *meaning;
} ind_var_info;

const ind_var_info *ind_var_info_get(int var);
int ind_var_find(const char *name);

#endif
