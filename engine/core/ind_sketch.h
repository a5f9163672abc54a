/* ind_sketch.h — a mergeable quantile sketch with a bounded relative error,
 * for the quantiles of Monte Carlo ensembles (one sketch per output cell).
 *
 * Which sketch. DDSketch (Masson, Rim & Lee, "DDSketch: a fast and fully-
 * mergeable quantile sketch with relative-error guarantees", VLDB 2019):
 * logarithmic buckets of ratio gamma = (1 + a)/(1 - a). A value x > 0 goes to
 * bucket i = ceil(log_gamma x), which holds (gamma^(i-1), gamma^i]; a bucket
 * is reported as 2 gamma^i / (gamma + 1), within a relative distance
 * (gamma - 1)/(gamma + 1) = a of every value of the bucket. Negative values go
 * to a mirrored store indexed by |x|; values with |x| < min_indexable
 * (DBL_MIN · gamma: 2.2e-308 to 6.7e-308 as alpha goes up to 0.5) are
 * counted as zero.
 *
 * Why. The state is integer counts per bucket plus the exact minimum and
 * maximum: no floating-point running sum, so adding values in any order or
 * merging partial sketches in any grouping gives the same sketch, bit for bit
 * (threads may build sketches per block and merge them): the same counts,
 * quantiles and flags; only ind_sketch_bytes may differ. Each bucket store is
 * one array over the range of indices seen: memory is about
 * log(max/min) / log(gamma) ≈ log(max/min) / (2a) counts of 8 bytes per sign,
 * whatever the number of values, and never more than max_buckets per sign.
 * An array grows, when a value falls outside it, to the range needed plus
 * max(8, range/16) buckets, rounded up to 16 (a new array, so that a failed
 * allocation leaves the sketch as it was); once the range is known,
 * ind_sketch_add costs one log() and an increment, and allocates nothing.
 *
 * Rank. Of n values, the q-quantile is the value of rank r = floor(q (n - 1))
 * (0-based) in ascending order: the lower one, no interpolation. q = 0 and
 * q = 1 (r = 0 and r = n - 1) give the exact minimum and maximum. Negative
 * values come first, most negative first, then the zeros, then the positives.
 *
 * Error bound. Let x_r be the value of rank r among the values added. If
 * |x_r| >= min_indexable and r does not fall in a collapsed bucket (below),
 * the estimate e has the sign of x_r and |e - x_r| <= a |x_r|, where a is the
 * alpha given to ind_sketch_alloc. Proof: the estimate is the representative
 * of the bucket where the cumulative count passes r; fewer than r + 1 values
 * lie in lower buckets and at least r + 1 in this one or lower, so x_r lies in
 * this bucket (for the values near a bucket boundary that rounding puts in the
 * neighbouring bucket, in the bucket widened by their rounding). Rounding:
 * the index is ceil(fl(fl(log x) · (1/L))) with L = log gamma; with log
 * within 1 ulp (glibc: < 1 ulp) it is off only for x within a relative
 * 745 · 2.2 eps ≈ 4e-13 of a boundary, and the representative exp(i L -
 * log(1/(1 - a'))) is within a relative 2e-13 of its exact value; the sketch
 * therefore uses internally a' = a - 1e-11 (a >= 1e-6), whose exact bound a'
 * plus these < 1e-12 of rounding stays below a (the largest excess over a'
 * measured on values at and next to bucket boundaries is 4e-14). Clamping
 * to [min, max] only brings an estimate closer.
 *
 * Outside the bound. (1) Values with 0 < |x| < min_indexable are reported as
 * 0: absolute error below min_indexable, relative error 1. (2) Collapse: each store
 * keeps at most max_buckets buckets (default 4096: a ratio max/min of
 * gamma^4096 ≈ 6e17 at a = 0.005). When a store's highest index H would make
 * it span more, every count below H - max_buckets + 1 is moved into that
 * bucket, as in DDSketch. The rule depends on H only, so it too is
 * independent of order and grouping. The large magnitudes keep the bound:
 * for positive values, the upper quantiles; for negative values, the lower
 * ones. A rank that falls in the collapsed bucket is reported as that
 * bucket's representative b (1 + a'), b = gamma^(H - max_buckets): for positive
 * values an over-estimate of anything below b, never below x_r (1 - a); for
 * negative values the mirror image. ind_sketch_quantile_checked tells which
 * quantiles are affected.
 *
 * The sketch keeps no sum: it gives no mean. There is no global state;
 * a sketch must not be written by two threads at once (one per thread, then
 * merge). */
#ifndef IND_SKETCH_H
#define IND_SKETCH_H

#include <stddef.h>
#include <stdint.h>

#include "ind_err.h"

#define IND_SKETCH_MIN_ALPHA 1e-6       /* buckets indexed by int32 need alpha >= ~2e-7 */
#define IND_SKETCH_MAX_ALPHA 0.5
#define IND_SKETCH_DEFAULT_BUCKETS 4096 /* per sign */
#define IND_SKETCH_MAX_BUCKETS (1 << 24)

typedef struct ind_sketch ind_sketch;

/* A new, empty sketch of relative accuracy alpha in [1e-6, 0.5] (e.g. 0.005)
 * with at most IND_SKETCH_DEFAULT_BUCKETS buckets per sign. NULL and an
 * IND_EINVAL or IND_ENOMEM message in err on failure. */
ind_sketch *ind_sketch_alloc(double alpha, ind_err *err);

/* The same with at most max_buckets (1..IND_SKETCH_MAX_BUCKETS) buckets per
 * sign: fewer bound the memory more tightly, and collapse sooner. */
ind_sketch *ind_sketch_alloc_capped(double alpha, int max_buckets, ind_err *err);

/* Frees s and its stores; NULL is allowed. */
void ind_sketch_free(ind_sketch *s);

/* Empties s; its arrays are kept, so that refilling over the same range
 * allocates nothing (ind_sketch_bytes does not go down). */
void ind_sketch_reset(ind_sketch *s);

/* Counts the finite value x. NaN and infinities are refused with IND_EINVAL
 * and leave s unchanged; IND_ENOMEM when a store could not grow (s unchanged).
 * -0.0 and |x| < min_indexable count as zero. */
ind_status ind_sketch_add(ind_sketch *s, double x, ind_err *err);

/* Adds the values of `from` to `into` (which may be the same sketch: every
 * value counted twice). Both must have the same alpha and max_buckets. The
 * result is the sketch that adding all the values to one sketch would give.
 * On failure (IND_EINVAL: different parameters or a count overflowing 2^64;
 * IND_ENOMEM) `into` is unchanged. */
ind_status ind_sketch_merge(ind_sketch *into, const ind_sketch *from, ind_err *err);

/* The estimate of the q-quantile (rank floor(q (count - 1)), see above) for q
 * in [0, 1]; NaN when s is empty or q is outside [0, 1] or NaN. */
double ind_sketch_quantile(const ind_sketch *s, double q);

/* ind_sketch_quantile, and in *within_bound (if not NULL) 1 when the estimate
 * is within the bound stated above (relative error <= alpha, or a value
 * counted as zero), 0 when the rank fell in a collapsed bucket or the result
 * is NaN. */
double ind_sketch_quantile_checked(const ind_sketch *s, double q, int *within_bound);

/* The number of values added (zeros and both signs). */
uint64_t ind_sketch_count(const ind_sketch *s);

/* The alpha given at allocation (the bound), not the internal a'. */
double ind_sketch_alpha(const ind_sketch *s);

/* 1 when some bucket was collapsed (some quantiles may be outside the bound). */
int ind_sketch_collapsed(const ind_sketch *s);

/* Bytes held by s: the struct and the allocated count arrays. */
size_t ind_sketch_bytes(const ind_sketch *s);

#endif
