package regime

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// randomDecimal is a decimal of up to 19 digits and 0 to 6 places, or one of
// the edges: zero, ±1, the int64 limits.
func randomDecimal(r *rand.Rand) decimal.Decimal {
	switch r.IntN(10) {
	case 0:
		edges := []int64{0, 1, -1, math.MaxInt64, math.MinInt64, 5, -5, 15, 25, -25}
		return decimal.New(edges[r.IntN(len(edges))], -r.Int32N(4))
	case 1:
		return decimal.New(r.Int64(), -r.Int32N(7))
	}
	digits := 1 + r.IntN(9)
	c := r.Int64N(pow10[digits])
	if r.IntN(3) == 0 {
		c = -c
	}
	return decimal.New(c, int32(r.IntN(5))-3)
}

// TestSmallAgreesWithDecimal: wherever small works a sum, a product or a
// rounding, it is the one decimal gives, to the exponent (so it prints the
// same); and it works every case whose operands and result fit, so that
// it takes the fast path where it should.
func TestSmallAgreesWithDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	same := func(what string, got small, want decimal.Decimal) {
		t.Helper()
		if g := got.dec(); !g.Equal(want) || g.Exponent() != want.Exponent() {
			t.Fatalf("%s: small gives %s (exponent %d), decimal %s (exponent %d)", what, g, g.Exponent(), want, want.Exponent())
		}
	}
	fits := func(d decimal.Decimal) bool { return d.NumDigits() <= 18 }
	worked := 0
	for range 200_000 {
		a, b := randomDecimal(r), randomDecimal(r)
		sa, okA := smallOf(a)
		sb, okB := smallOf(b)
		if !okA || !okB {
			continue
		}
		if s, ok := sa.add(sb); ok {
			same(a.String()+" + "+b.String(), s, a.Add(b))
			worked++
		} else if fits(a.Add(b)) && a.Exponent() == b.Exponent() {
			t.Fatalf("%s + %s = %s fits, but small did not work it", a, b, a.Add(b))
		}
		if s, ok := sa.mul(sb); ok {
			same(a.String()+" × "+b.String(), s, a.Mul(b))
		} else if fits(a.Mul(b)) {
			t.Fatalf("%s × %s = %s fits, but small did not work it", a, b, a.Mul(b))
		}
		places := r.Int32N(4)
		for _, rule := range []Rounding{HalfUp, HalfEven, Down} {
			want := map[Rounding]decimal.Decimal{HalfUp: a.Round(places), HalfEven: a.RoundBank(places), Down: a.RoundDown(places)}[rule]
			if s, ok := sa.round(places, rule); ok {
				same(a.String()+" rounded "+rule.String(), s, want)
			} else if fits(want) {
				t.Fatalf("%s rounded to %d places %s = %s fits, but small did not work it", a, places, rule, want)
			}
		}
	}
	if worked < 100_000 {
		t.Fatalf("only %d sums worked in small: the test draws too few that fit", worked)
	}
}

// TestSumAgreesWithDecimal: a sum of terms is the chain of decimal.Add
// from decimal.Zero (the zero sum) or from a first value (sumOf), to the
// exponent, whether or not the terms fit an int64.
func TestSumAgreesWithDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for n := range 40_000 {
		var s sum
		want := decimal.Zero
		if n%2 == 1 {
			want = randomDecimal(r)
			s = sumOf(want)
		}
		for range r.IntN(6) {
			v := randomDecimal(r)
			s.add(v)
			want = want.Add(v)
		}
		if got := s.total(); !got.Equal(want) || got.Exponent() != want.Exponent() {
			t.Fatalf("sum %s (exponent %d), want %s (exponent %d)", got, got.Exponent(), want, want.Exponent())
		}
	}
}
