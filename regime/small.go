package regime

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// small is an exact decimal, c × 10^e, held in an int64: the ledger's
// products and sums of points and money, worked without math/big (which
// allocates for every result) where they fit, and made a Decimal once, at
// the end. Every operation reports whether its result fits; where one does
// not, the caller works in Decimals, as before. Results have the exponent
// decimal's own operations give (Add the lower, Mul the sum, Round the
// places), so that a figure prints the same either way.
type small struct {
	c int64
	e int32
}

// smallOf returns d as a small, where its coefficient fits.
func smallOf(d decimal.Decimal) (small, bool) {
	if d.IsZero() {
		return small{0, d.Exponent()}, true
	}
	if d.NumDigits() > 18 {
		return small{}, false
	}
	return small{d.CoefficientInt64(), d.Exponent()}, true
}

// dec returns s as a Decimal: one made once, for the small values sums
// most often come to (zero and a few points, at a few exponents), or new.
func (s small) dec() decimal.Decimal {
	if s.c >= -decCacheC && s.c <= decCacheC && s.e >= decCacheMinE && s.e <= decCacheMaxE {
		return decCache[s.e-decCacheMinE][s.c+decCacheC]
	}
	return decimal.New(s.c, s.e)
}

// The Decimals dec makes once: -16 to 16 at exponents -4 to 1. A Decimal
// is a value no operation changes, so one may be shared.
const (
	decCacheC    = 16
	decCacheMinE = -4
	decCacheMaxE = 1
)

var decCache = func() (t [decCacheMaxE - decCacheMinE + 1][2*decCacheC + 1]decimal.Decimal) {
	for e := range t {
		for c := range t[e] {
			t[e][c] = decimal.New(int64(c-decCacheC), int32(e+decCacheMinE))
		}
	}
	return t
}()

// pow10 are the powers of ten an int64 holds.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// scaleTo returns s at exponent e, not above its own, where it fits.
func (s small) scaleTo(e int32) (small, bool) {
	d := s.e - e
	if d == 0 {
		return s, true
	}
	if d < 0 || d >= int32(len(pow10)) {
		return small{}, false
	}
	hi, lo := bits.Mul64(abs64(s.c), uint64(pow10[d]))
	if hi != 0 || lo > math.MaxInt64 {
		return small{}, false
	}
	return small{sign(s.c) * int64(lo), e}, true
}

// add returns a + b, at the lower exponent, as decimal.Add does.
func (a small) add(b small) (small, bool) {
	e := min(a.e, b.e)
	a, ok1 := a.scaleTo(e)
	b, ok2 := b.scaleTo(e)
	if !ok1 || !ok2 {
		return small{}, false
	}
	c := a.c + b.c // wraps on overflow: both terms of one sign, the sum of the other
	if (a.c >= 0) == (b.c >= 0) && (c >= 0) != (a.c >= 0) {
		return small{}, false
	}
	return small{c, e}, true
}

// mul returns a × b, at the sum of the exponents, as decimal.Mul does.
func (a small) mul(b small) (small, bool) {
	hi, lo := bits.Mul64(abs64(a.c), abs64(b.c))
	e := int64(a.e) + int64(b.e)
	if hi != 0 || lo > math.MaxInt64 || e < math.MinInt32 || e > math.MaxInt32 {
		return small{}, false
	}
	return small{sign(a.c) * sign(b.c) * int64(lo), int32(e)}, true
}

// round returns s to places decimal places by rule r, as [Rounding.Pence]
// does to two: half away from zero, half to even, or towards zero. The
// exponent is -places, as decimal's Round, RoundBank and RoundDown give,
// but where s already has exactly that many places.
func (s small) round(places int32, r Rounding) (small, bool) {
	if s.e >= -places {
		return s.scaleTo(-places)
	}
	d := -places - s.e
	if d >= int32(len(pow10)) {
		return small{c: 0, e: -places}, true // |s| < 10^-places / 10: rounds to zero under every rule
	}
	p := pow10[d]
	q, rem := abs64(s.c)/uint64(p), abs64(s.c)%uint64(p)
	switch half := uint64(p) / 2; r {
	case Down:
	case HalfEven:
		if rem > half || rem == half && q%2 == 1 {
			q++
		}
	default:
		if rem >= half {
			q++
		}
	}
	return small{sign(s.c) * int64(q), -places}, true
}

func abs64(c int64) uint64 {
	if c < 0 {
		return uint64(-c) // MinInt64 gives 1<<63, its magnitude
	}
	return uint64(c)
}

func sign(c int64) int64 {
	if c < 0 {
		return -1
	}
	return 1
}

// sum adds Decimals exactly, as a chain of decimal.Add from decimal.Zero
// would: in a small while the terms fit, in a Decimal from the first that
// does not.
type sum struct {
	s    small // the zero small is decimal.Zero: 0, exponent 0
	d    decimal.Decimal
	n    int  // terms added
	wide bool // d holds the sum
}

// sumOf returns a sum that starts at v, as a chain of decimal.Add from v
// does (to the exponent: from decimal.Zero, the exponent is at most 0).
func sumOf(v decimal.Decimal) sum {
	if s, ok := smallOf(v); ok {
		return sum{s: s, n: 1}
	}
	return sum{d: v, n: 1, wide: true}
}

// add adds v.
func (x *sum) add(v decimal.Decimal) {
	x.n++
	if !x.wide {
		if s, ok := smallOf(v); ok {
			if t, ok := x.s.add(s); ok {
				x.s = t
				return
			}
		}
		x.d, x.wide = x.s.dec(), true
	}
	x.d = x.d.Add(v)
}

// total returns the sum: decimal.Zero itself if nothing was added.
func (x *sum) total() decimal.Decimal {
	switch {
	case x.n == 0:
		return decimal.Zero
	case x.wide:
		return x.d
	}
	return x.s.dec()
}

// addPoints adds rule c's credit for points against charges, as
// [PointsCredit.Credit] works it (points × rate × charges ÷ 100), where it
// can be worked in a small; false, adding nothing, where it cannot.
func (x *sum) addPoints(c PointsCredit, points, charges decimal.Decimal) bool {
	if x.wide {
		return false
	}
	if points.IsZero() {
		x.addSmall(small{}) // decimal.Zero, as Credit gives
		return true
	}
	p, ok1 := smallOf(points)
	r, ok2 := smallOf(c.rate)
	ch, ok3 := smallOf(charges)
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	v, ok := p.mul(r)
	if ok {
		v, ok = v.mul(ch)
	}
	if !ok || v.e < math.MinInt32+2 {
		return false
	}
	v.e -= 2
	t, ok := x.s.add(v)
	if !ok {
		return false
	}
	x.s, x.n = t, x.n+1
	return true
}

// addSmall adds v, which fits.
func (x *sum) addSmall(v small) {
	if t, ok := x.s.add(v); ok && !x.wide {
		x.s, x.n = t, x.n+1
		return
	}
	x.add(v.dec())
}

// pence returns the sum rounded to pence by rule r, as [Rounding.Pence]
// rounds it.
func (x *sum) pence(r Rounding) decimal.Decimal {
	if !x.wide {
		if s, ok := x.s.round(2, r); ok {
			return s.dec()
		}
	}
	return r.Pence(x.total())
}
