package kpi

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// TestCmpDecAgreesWithCmp checks the allocation-free comparison against
// decimal's own on random values of mixed exponents, including ones that
// overflow int64 when scaled.
func TestCmpDecAgreesWithCmp(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	values := []decimal.Decimal{
		decimal.RequireFromString("90"), decimal.RequireFromString("90.0"), decimal.RequireFromString("90.000000000000000000001"),
		decimal.RequireFromString("-3"), decimal.New(922337203685477580, 0), decimal.New(1, 18), decimal.New(-1, -30),
	}
	for i := 0; i < 20000; i++ {
		values = append(values, decimal.New(r.Int64N(2_000_000)-1_000_000, int32(r.IntN(30)-15)))
	}
	for i := 0; i < len(values); i++ {
		a, b := values[i], values[r.IntN(len(values))]
		if got, want := cmpDec(a, b), a.Cmp(b); got != want {
			t.Fatalf("cmpDec(%s, %s) = %d, want %d", a, b, got, want)
		}
	}
	for _, a := range values[:7] {
		for _, b := range values[:7] {
			if got, want := cmpDec(a, b), a.Cmp(b); got != want {
				t.Fatalf("cmpDec(%s, %s) = %d, want %d", a, b, got, want)
			}
		}
	}
}

// TestFixedLadderAgrees checks the integer fast path of evaluation against
// the general decimal path for random ladders and figures of mixed places.
func TestFixedLadderAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for trial := 0; trial < 3000; trial++ {
		lower := r.IntN(2) == 0
		pol := HigherIsBetter
		if lower {
			pol = LowerIsBetter
		}
		// Three distinct levels in order for the polarity, at mixed places.
		a := decimal.New(r.Int64N(100000), -int32(r.IntN(4)))
		b := a.Sub(decimal.New(1+r.Int64N(5000), -int32(r.IntN(4))))
		c := b.Sub(decimal.New(1+r.Int64N(5000), -int32(r.IntN(4))))
		if lower {
			b, c = a.Add(a.Sub(b)), a.Add(a.Sub(c))
		}
		d, err := New(Spec{
			Ref: "x", Measure: Measure{Unit: Number, Polarity: pol, Precision: 2, Aggregation: Sum},
			Frequency: mustMonthly(), Target: Written{Value: a}, Bands: TargetDetrimentFailure(b, c),
		})
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		x := d.p
		if x.fast == nil {
			t.Fatalf("trial %d: no fast ladder", trial)
		}
		for k := 0; k < 20; k++ {
			v := decimal.New(r.Int64N(300000)-50000, -int32(r.IntN(6)))
			if k == 0 {
				v = b // exactly at a level
			}
			fv, _ := fixedOf(v)
			if got, want := x.fast.band(fv, lower), x.band(v, a); got != want && got != -1 {
				t.Fatalf("trial %d: %s against %s/%s/%s (%s): fast band %d, general %d", trial, v, a, b, c, pol, got, want)
			}
		}
	}
}

func mustMonthly() period.Frequency { return period.Monthly() }
