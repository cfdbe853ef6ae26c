package kpi

import (
	"math"

	"github.com/shopspring/decimal"
)

var pow10i64 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// maxScalable[g] is the largest coefficient that can be multiplied by 10^g
// without overflowing an int64.
var maxScalable = func() (out [len(pow10i64)]int64) {
	for i, p := range pow10i64 {
		out[i] = math.MaxInt64 / p
	}
	return out
}()

// cmpDec compares a and b exactly, as a.Cmp(b) does, but without allocating
// when both coefficients fit in an int64 and their exponents are within 18
// of each other: figures and levels as contracts write them. Anything else
// goes to Cmp.
func cmpDec(a, b decimal.Decimal) int {
	ea, eb := a.Exponent(), b.Exponent()
	if ea == eb {
		return a.Cmp(b)
	}
	if a.NumDigits() > 18 || b.NumDigits() > 18 {
		return a.Cmp(b)
	}
	ca, cb := a.CoefficientInt64(), b.CoefficientInt64()
	// Scale the coefficient with the larger exponent down to the smaller.
	if ea > eb {
		if s, ok := scale(ca, ea-eb); ok {
			return cmpInt(s, cb)
		}
	} else if s, ok := scale(cb, eb-ea); ok {
		return cmpInt(ca, s)
	}
	return a.Cmp(b)
}

// scale returns c × 10^gap, and false if that would overflow.
func scale(c int64, gap int32) (int64, bool) {
	if gap < 0 || int(gap) >= len(pow10i64) {
		return 0, false
	}
	if c > maxScalable[gap] || c < -maxScalable[gap] {
		return 0, false
	}
	return c * pow10i64[gap], true
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// A fixed is a decimal held as an int64 coefficient and an exponent, for
// comparisons that must not allocate.
type fixed struct {
	c int64
	e int32
}

// fixedOf returns d as a fixed, and false if its coefficient does not fit.
func fixedOf(d decimal.Decimal) (fixed, bool) {
	if d.NumDigits() > 18 {
		return fixed{}, false
	}
	return fixed{d.CoefficientInt64(), d.Exponent()}, true
}

// cmpFixed compares a and b; ok is false if scaling one to the other's
// exponent would overflow.
func cmpFixed(a, b fixed) (int, bool) {
	switch {
	case a.e == b.e:
		return cmpInt(a.c, b.c), true
	case a.e > b.e:
		s, ok := scale(a.c, a.e-b.e)
		return cmpInt(s, b.c), ok
	default:
		s, ok := scale(b.c, b.e-a.e)
		return cmpInt(a.c, s), ok
	}
}

// A fixedLadder is a ladder's levels resolved against a flat target, all at
// one exponent, so that a figure is scaled once and then compared as
// integers.
type fixedLadder struct {
	e      int32
	levels []int64
	strict []bool
	maxAbs int64 // the largest |level|, for the overflow check
}

// newFixedLadder builds a fixedLadder from levels, or returns nil if they do
// not fit an int64 at a common exponent.
func newFixedLadder(levels []fixed, strict []bool) *fixedLadder {
	fl := &fixedLadder{e: math.MaxInt32, strict: strict, levels: make([]int64, len(levels))}
	for _, l := range levels {
		fl.e = min(fl.e, l.e)
	}
	for i, l := range levels {
		c, ok := scale(l.c, l.e-fl.e)
		if !ok {
			return nil
		}
		fl.levels[i] = c
		fl.maxAbs = max(fl.maxAbs, c, -c)
	}
	return fl
}

// band returns the index of the first level f reaches, len(levels) for the
// last band, or -1 if f cannot be compared without overflow.
func (fl *fixedLadder) band(f fixed, lower bool) int {
	v := f.c
	shift := int32(0) // the levels are multiplied by 10^shift
	switch {
	case f.e > fl.e:
		s, ok := scale(v, f.e-fl.e)
		if !ok {
			return -1
		}
		v = s
	case f.e < fl.e:
		shift = fl.e - f.e
		if _, ok := scale(fl.maxAbs, shift); !ok {
			return -1
		}
	}
	p := pow10i64[shift]
	for i, l := range fl.levels {
		l *= p
		c := cmpInt(v, l)
		if lower {
			c = -c
		}
		if c > 0 || (c == 0 && !fl.strict[i]) {
			return i
		}
	}
	return len(fl.levels)
}
