package kpi

import (
	"cmp"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Rating a ratio of counts without allocating.
//
// [Counts] keeps its counts as int64. Where the definition's ladder is
// resolved into int64 fixed point ([fixedLadder]) and nothing but the levels
// decides the band, [Evaluate] rates them here in integers: the ratio
// M×n/d (M = 100 for a percent, 1 for a number) is compared with a level
// l×10^e exactly, as M×n×10^-e against l×d in 128 bits, and the figure a
// report shows, M×n/d rounded half up to the measure's precision k, is the
// integer quotient of M×n×10^k by d, rounded on its remainder. The result
// keeps that coefficient and makes the decimal only when asked
// ([Result.figure]). Whatever this path cannot do exactly (counts that
// overflow 128 bits, a shown figure that would cross a level, a ladder with
// unpublished levels or comparisons with earlier figures, bad counts)
// falls back to the decimal path, which gives the same result
// (TestCountsFastPathAgrees).

// maxShownPlaces is the most places of precision the fast path shows a
// ratio to: M×10^k must fit a uint64.
const maxShownPlaces = 16

// rateCounts is [evaluate] for obs, counts held as int64: on the fast
// path into r where it applies, or else on the decimal path.
func (x *defData) rateCounts(d Definition, r *Result, obs *Observation, due bool, cmp *compared) (Result, error) {
	if fr, ok := x.rateCountsFast(*r, obs.n64, obs.d64, due); ok {
		return fr, nil
	}
	return evaluate(d, r.period, obs.wide(), cmp)
}

// rateCountsFast rates the counts n of d into r on the fast path; ok is
// false where it does not apply.
func (x *defData) rateCountsFast(r Result, n, d int64, due bool) (Result, bool) {
	m := &x.spec.Measure
	fl := x.fast
	if fl == nil || x.partial || x.contextual || x.outcomesOnly || x.compares != 0 || len(x.spec.Parts) > 0 ||
		!m.TakesCounts() || m.Precision < 0 || m.Precision > maxShownPlaces {
		return r, false
	}
	if n < 0 || d < 0 || n > d {
		return r, false // the decimal path says what is wrong
	}
	if d == 0 {
		r.status, r.text = NotMeasurable, "no volume"
		return r, true
	}
	mult := uint64(1)
	if m.Unit == Percent {
		mult = 100
	}
	if !x.noTarget {
		t, err := x.targetFor(r.period)
		if err != nil {
			return r, false
		}
		r.target, r.flags = t, r.flags|hasTarget
	}
	shown := roundedRatio(mult*uint64(pow10i64[m.Precision]), uint64(n), uint64(d))
	lower := m.Polarity == LowerIsBetter
	sb := fl.band(fixed{shown, -m.Precision}, lower)
	b := sb
	if !m.RoundBeforeBanding {
		b = fl.ratioBand(mult, uint64(n), uint64(d), lower)
		if b != sb {
			return r, false // -1, or the shown figure crosses a level: the decimal path chooses its places
		}
	}
	if b < 0 {
		return r, false
	}
	r.shown = shown
	r.flags |= hasActual | lazyFigure
	if !due {
		r.flags |= interim
	}
	r.band = int16(b)
	r.status = x.ladder[b].Status
	return r, true
}

// roundedRatio returns s×n/d rounded half up, for 0 ≤ n ≤ d, 0 < d, and
// s×n/d < 2^63: the quotient fits, as s×n < 2^64×d.
func roundedRatio(s, n, d uint64) int64 {
	hi, lo := bits.Mul64(s, n)
	q, rem := bits.Div64(hi, lo, d)
	if rem >= d-rem { // 2×rem ≥ d, without overflow
		q++
	}
	return int64(q)
}

// ratioBand returns the index of the first level the ratio mult×n/d
// reaches, exactly, len(levels) for the last band, or -1 where a product
// does not fit 128 bits.
func (fl *fixedLadder) ratioBand(mult, n, d uint64, lower bool) int {
	// mult×n/d against l×10^e: scale the side with the negative exponent.
	lhs, ok := u128{lo: n}.mul(mult)
	var rs uint64 = 1 // the levels' side is multiplied by d×rs
	switch {
	case fl.e < 0 && int(-fl.e) < len(pow10i64):
		lhs, ok = lhs.mulOK(ok, uint64(pow10i64[-fl.e]))
	case fl.e < 0:
		return -1
	case fl.e > 0 && int(fl.e) < len(pow10i64):
		rs = uint64(pow10i64[fl.e])
	case fl.e > 0:
		return -1
	}
	if !ok {
		return -1
	}
	for i, l := range fl.levels {
		c := 1 // a ratio of counts is never negative: above any negative level
		if l >= 0 {
			rhs, ok := u128{lo: uint64(l)}.mul(d)
			if rhs, ok = rhs.mulOK(ok, rs); !ok {
				return -1
			}
			c = lhs.cmp(rhs)
		}
		if lower {
			c = -c
		}
		if c > 0 || (c == 0 && !fl.strict[i]) {
			return i
		}
	}
	return len(fl.levels)
}

// A u128 is an unsigned 128-bit integer.
type u128 struct{ hi, lo uint64 }

// mul returns a×k, and false if it does not fit 128 bits.
func (a u128) mul(k uint64) (u128, bool) {
	h1, l1 := bits.Mul64(a.lo, k)
	h2, l2 := bits.Mul64(a.hi, k)
	hi, carry := bits.Add64(h1, l2, 0)
	return u128{hi, l1}, h2 == 0 && carry == 0
}

// mulOK is mul where ok says a is itself good.
func (a u128) mulOK(ok bool, k uint64) (u128, bool) {
	p, fits := a.mul(k)
	return p, ok && fits
}

// cmp compares a and b.
func (a u128) cmp(b u128) int {
	if a.hi != b.hi {
		return cmp.Compare(a.hi, b.hi)
	}
	return cmp.Compare(a.lo, b.lo)
}

// figure returns the result's figure: as evaluated, or, for counts rated
// on the fast path, the ratio at the measure's precision, made here.
func (r Result) figure() decimal.Decimal {
	if r.flags&lazyFigure != 0 {
		return decimal.New(r.shown, -r.def.spec.Measure.Precision)
	}
	return r.actual
}

// cmpFigures compares the figures of a and b as cmpDec does, without making
// the figure of a result rated on the fast path.
func cmpFigures(a, b Result) int {
	fa, oka := a.figureFixed()
	fb, okb := b.figureFixed()
	if oka && okb {
		if c, ok := cmpFixed(fa, fb); ok {
			return c
		}
	}
	return cmpDec(a.figure(), b.figure())
}

// figureFixed returns the result's figure as fixed point, and false if it
// does not fit.
func (r Result) figureFixed() (fixed, bool) {
	if r.flags&lazyFigure != 0 {
		return fixed{r.shown, -r.def.spec.Measure.Precision}, true
	}
	return fixedOf(r.actual)
}
