/* ind_sketch.c — the DDSketch quantile sketch of ind_sketch.h: two stores of
 * integer bucket counts (positive values, and negative values by magnitude),
 * a count of zeros and the exact minimum and maximum. Uses libm's log and exp. */
#include "ind_sketch.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SLOP 1e-11 /* a - a': covers the rounding, < 1e-12 (measured: 4e-14; see the header) */
#define CHUNK 16   /* arrays grow in multiples of CHUNK buckets */

/* Counts of buckets base .. base + len - 1 (no array: len 0). When collapsed,
 * the lowest non-empty bucket is hi - cap + 1 and holds every value whose
 * bucket was at or below it. */
typedef struct store {
  uint64_t *counts;
  int32_t base, len;
  uint64_t total;
  int collapsed;
} store;

struct ind_sketch {
  double inv_L, min_indexable; /* ind_sketch_add reads these first 64 bytes (positive values) */
  double min, max;             /* exact, of the values as counted (zeros as +0.0); +inf, -inf if empty */
  store pos, neg;
  uint64_t zeros;
  double alpha;     /* as given: the bound */
  double L;         /* log gamma for a' = alpha - SLOP; inv_L = 1/L */
  double rep_shift; /* log(2 / (gamma + 1)) = log1p(-a'): a representative is exp(i L + rep_shift) */
  int32_t cap;      /* max buckets per store */
};

/* The lowest and highest non-empty buckets of a store that has values. */
typedef struct span {
  int32_t lo, hi;
} span;

/* Where a store's counts go before an insertion or a merge: a buffer (the
 * store's own or a new one), its first index and length, and the collapse
 * floor (counts below it are moved into it). */
typedef struct plan {
  uint64_t *buf;
  int32_t base, len, floor;
} plan;

/* ---- the mapping between values and buckets ---- */

static int32_t bucket_of(const ind_sketch *s, double mag) {
  double t = log(mag) * s->inv_L;
  int32_t i = (int32_t)t; /* |t| < 4e8: truncation toward zero is exact */
  return i + (i < t);     /* ceil */
}

static double bucket_value(const ind_sketch *s, int32_t i) {
  return exp((double)i * s->L + s->rep_shift);
}

/* ---- stores ---- */

static span store_span(const store *st) {
  int32_t lo = 0, hi = st->len - 1;
  while (!st->counts[lo]) lo++;
  while (!st->counts[hi]) hi--;
  return (span){st->base + lo, st->base + hi};
}

static int64_t round_up(int64_t n, int64_t m) { return (n + m - 1) / m * m; }

/* Decides where the counts go so that the array covers buckets [want.lo,
 * want.hi] after collapsing below want.hi - cap + 1; `now` is the store's
 * span if it has values. Allocates a new array only if the store's own is
 * too short (a fresh one rather than realloc, so that a failure leaves st as
 * it was); changes nothing in st. */
static ind_status store_plan(const store *st, span now, span want, int32_t cap, plan *p, ind_err *err) {
  p->floor = (int32_t)((int64_t)want.hi - cap + 1);
  int32_t lo = want.lo > p->floor ? want.lo : p->floor, hi = want.hi;
  int32_t need = hi - lo + 1;
  p->buf = st->counts;
  p->len = st->len;
  p->base = st->base;
  if (lo >= st->base && hi < st->base + st->len) return IND_OK; /* fits where it is */
  if (need > st->len) {
    int64_t slack = need / 16 > 8 ? need / 16 : 8;
    int64_t len = round_up(need + slack, CHUNK);
    p->len = (int32_t)(len < cap ? len : cap);
    p->buf = calloc((size_t)p->len, sizeof(uint64_t));
    if (!p->buf) return ind_err_set(err, IND_ENOMEM, "out of memory growing a quantile sketch");
  }
  if (st->total == 0) p->base = lo - (p->len - need) / 2; /* first values: slack on both sides */
  else if (lo < now.lo) p->base = hi - p->len + 1;        /* growing downward: slack below */
  else p->base = lo;
  return IND_OK;
}

/* Moves the counts of st (span now, if it has values) to the plan's array,
 * collapsing those below the floor into the floor's bucket. Cannot fail. */
static void store_apply(store *st, span now, const plan *p) {
  if (st->total == 0) {
    if (p->buf != st->counts) free(st->counts);
  } else {
    uint64_t folded = 0;
    int32_t keep = now.lo; /* first bucket kept in place */
    for (; keep <= now.hi && keep < p->floor; keep++) {
      folded += st->counts[keep - st->base];
      st->counts[keep - st->base] = 0;
    }
    if (p->buf != st->counts) {
      if (keep <= now.hi)
        memcpy(p->buf + (keep - p->base), st->counts + (keep - st->base),
               (size_t)(now.hi - keep + 1) * sizeof *p->buf);
      free(st->counts);
    } else if (p->base != st->base && keep <= now.hi) { /* shift within the array */
      size_t nkeep = (size_t)(now.hi - keep + 1), at = (size_t)(keep - p->base);
      memmove(p->buf + at, st->counts + (keep - st->base), nkeep * sizeof *p->buf);
      memset(p->buf, 0, at * sizeof *p->buf);
      memset(p->buf + at + nkeep, 0, ((size_t)p->len - at - nkeep) * sizeof *p->buf);
    }
    if (folded) {
      p->buf[p->floor - p->base] += folded;
      st->collapsed = 1;
    }
  }
  st->counts = p->buf;
  st->base = p->base;
  st->len = p->len;
}

/* The slow path of an insertion: bucket i is outside the array. */
static ind_status store_insert(store *st, int32_t i, int32_t cap, ind_err *err) {
  span now = {i, i}, want = {i, i};
  if (st->total > 0) {
    now = store_span(st);
    want.lo = i < now.lo ? i : now.lo;
    want.hi = i > now.hi ? i : now.hi;
  }
  plan p;
  ind_status rc = store_plan(st, now, want, cap, &p, err);
  if (rc) return rc;
  store_apply(st, now, &p);
  if (i < p.floor) {
    i = p.floor;
    st->collapsed = 1;
  }
  st->counts[i - st->base]++;
  st->total++;
  return IND_OK;
}

/* Counts one value of bucket i: an increment when the array covers i. */
static ind_status store_add(store *st, int32_t i, int32_t cap, ind_err *err) {
  if ((uint32_t)(i - st->base) < (uint32_t)st->len) {
    st->counts[i - st->base]++;
    st->total++;
    return IND_OK;
  }
  return store_insert(st, i, cap, err);
}

/* ---- the sketch ---- */

ind_sketch *ind_sketch_alloc_capped(double alpha, int max_buckets, ind_err *err) {
  if (!(alpha >= IND_SKETCH_MIN_ALPHA && alpha <= IND_SKETCH_MAX_ALPHA)) {
    ind_err_set(err, IND_EINVAL, "quantile sketch: alpha %g outside [%g, %g]", alpha, IND_SKETCH_MIN_ALPHA,
                IND_SKETCH_MAX_ALPHA);
    return NULL;
  }
  if (max_buckets < 1 || max_buckets > IND_SKETCH_MAX_BUCKETS) {
    ind_err_set(err, IND_EINVAL, "quantile sketch: max_buckets %d outside 1..%d", max_buckets,
                IND_SKETCH_MAX_BUCKETS);
    return NULL;
  }
  ind_sketch *s = calloc(1, sizeof *s);
  if (!s) {
    ind_err_set(err, IND_ENOMEM, "out of memory creating a quantile sketch");
    return NULL;
  }
  double a = alpha - SLOP;
  s->alpha = alpha;
  s->L = log1p(2.0 * a / (1.0 - a)); /* log((1 + a)/(1 - a)) */
  s->inv_L = 1.0 / s->L;
  s->rep_shift = log1p(-a);
  s->min_indexable = DBL_MIN * exp(s->L); /* representatives stay normal numbers */
  s->cap = max_buckets;
  s->min = INFINITY;
  s->max = -INFINITY;
  return s;
}

ind_sketch *ind_sketch_alloc(double alpha, ind_err *err) {
  return ind_sketch_alloc_capped(alpha, IND_SKETCH_DEFAULT_BUCKETS, err);
}

void ind_sketch_free(ind_sketch *s) {
  if (!s) return;
  free(s->pos.counts);
  free(s->neg.counts);
  free(s);
}

static void store_clear(store *st) {
  if (st->counts) memset(st->counts, 0, (size_t)st->len * sizeof *st->counts);
  st->total = 0;
  st->collapsed = 0;
}

void ind_sketch_reset(ind_sketch *s) {
  store_clear(&s->pos);
  store_clear(&s->neg);
  s->zeros = 0;
  s->min = INFINITY;
  s->max = -INFINITY;
}

uint64_t ind_sketch_count(const ind_sketch *s) { return s->pos.total + s->neg.total + s->zeros; }

double ind_sketch_alpha(const ind_sketch *s) { return s->alpha; }

int ind_sketch_collapsed(const ind_sketch *s) { return s->pos.collapsed || s->neg.collapsed; }

size_t ind_sketch_bytes(const ind_sketch *s) {
  return sizeof *s + ((size_t)s->pos.len + (size_t)s->neg.len) * sizeof(uint64_t);
}

ind_status ind_sketch_add(ind_sketch *s, double x, ind_err *err) {
  if (!isfinite(x)) return ind_err_set(err, IND_EINVAL, "quantile sketch: value %g is not finite", x);
  ind_status rc = IND_OK;
  if (x >= s->min_indexable) rc = store_add(&s->pos, bucket_of(s, x), s->cap, err);
  else if (x <= -s->min_indexable) rc = store_add(&s->neg, bucket_of(s, -x), s->cap, err);
  else {
    x = 0.0; /* also -0.0 and tiny values: the minimum and maximum must not depend on order */
    s->zeros++;
  }
  if (rc) return rc;
  if (x < s->min) s->min = x;
  if (x > s->max) s->max = x;
  return IND_OK;
}

/* ---- merging ---- */

/* Where a's counts go to take in b's (nothing to do when b is empty). */
static ind_status merge_plan(const store *a, const store *b, int32_t cap, span *a_now, plan *p, ind_err *err) {
  p->buf = a->counts;
  if (b->total == 0) return IND_OK;
  span want = store_span(b);
  if (a->total > 0) {
    *a_now = store_span(a);
    if (a_now->lo < want.lo) want.lo = a_now->lo;
    if (a_now->hi > want.hi) want.hi = a_now->hi;
  }
  return store_plan(a, *a_now, want, cap, p, err);
}

/* Adds b's counts to a, following merge_plan's plan p. */
static void merge_apply(store *a, span a_now, const store *b, const plan *p) {
  if (b->total == 0) return;
  store_apply(a, a_now, p);
  uint64_t folded = 0;
  for (int32_t k = 0; k < b->len; k++) {
    int32_t i = b->base + k;
    if (!b->counts[k]) continue; /* b's slack may lie outside a's array */
    if (i < p->floor) folded += b->counts[k];
    else a->counts[i - a->base] += b->counts[k];
  }
  if (folded) {
    a->counts[p->floor - a->base] += folded;
    a->collapsed = 1;
  }
  a->collapsed |= b->collapsed;
  a->total += b->total;
}

static void store_double(store *st) {
  for (int32_t k = 0; k < st->len; k++) st->counts[k] *= 2;
  st->total *= 2;
}

ind_status ind_sketch_merge(ind_sketch *into, const ind_sketch *from, ind_err *err) {
  if (into->alpha != from->alpha || into->cap != from->cap)
    return ind_err_set(err, IND_EINVAL, "quantile sketch: merging alpha %g, %d buckets into alpha %g, %d buckets",
                       from->alpha, from->cap, into->alpha, into->cap);
  uint64_t n = ind_sketch_count(into), m = ind_sketch_count(from);
  if (n + m < n) return ind_err_set(err, IND_EINVAL, "quantile sketch: merged count overflows");
  if (into == from) {
    store_double(&into->pos);
    store_double(&into->neg);
    into->zeros *= 2;
    return IND_OK;
  }
  plan pp, pn;
  span pnow = {0, 0}, nnow = {0, 0};
  ind_status rc = merge_plan(&into->pos, &from->pos, into->cap, &pnow, &pp, err);
  if (!rc) rc = merge_plan(&into->neg, &from->neg, into->cap, &nnow, &pn, err);
  if (rc) {
    if (pp.buf != into->pos.counts) free(pp.buf); /* the positive store's new array, if any */
    return rc;
  }
  merge_apply(&into->pos, pnow, &from->pos, &pp);
  merge_apply(&into->neg, nnow, &from->neg, &pn);
  into->zeros += from->zeros;
  if (from->min < into->min) into->min = from->min;
  if (from->max > into->max) into->max = from->max;
  return IND_OK;
}

/* ---- quantiles ---- */

/* The bucket of rank r (0-based) in st, counting from its lowest bucket (up)
 * or its highest; *in_floor is 1 when it is a collapsed bucket (collapsed
 * counts sit in the lowest non-empty bucket). */
static int32_t store_find(const store *st, uint64_t r, int up, int *in_floor) {
  uint64_t cum = 0;
  int32_t k = up ? 0 : st->len - 1;
  for (;; k += up ? 1 : -1) {
    cum += st->counts[k];
    if (cum > r) break;
  }
  *in_floor = st->collapsed && st->base + k == store_span(st).lo;
  return st->base + k;
}

double ind_sketch_quantile_checked(const ind_sketch *s, double q, int *within_bound) {
  uint64_t n = ind_sketch_count(s), nneg = s->neg.total;
  int in_floor = 0;
  double v = NAN;
  if (n > 0 && q >= 0.0 && q <= 1.0) {
    uint64_t r = (uint64_t)(q * (double)(n - 1)); /* floor: the lower value */
    if (r > n - 1) r = n - 1;                      /* rounding, beyond 2^53 values */
    if (r == 0) v = s->min;
    else if (r == n - 1) v = s->max;
    else if (r < nneg) v = -bucket_value(s, store_find(&s->neg, r, 0, &in_floor));
    else if (r < nneg + s->zeros) v = 0.0;
    else v = bucket_value(s, store_find(&s->pos, r - nneg - s->zeros, 1, &in_floor));
    if (v < s->min) v = s->min; /* the estimate can only come closer */
    if (v > s->max) v = s->max;
  }
  if (within_bound) *within_bound = !isnan(v) && !in_floor;
  return v;
}

double ind_sketch_quantile(const ind_sketch *s, double q) { return ind_sketch_quantile_checked(s, q, NULL); }
