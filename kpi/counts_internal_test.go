package kpi

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// countsDefs builds the definitions the fast path is checked on: percent and
// number measures, precisions 0 to 4, both polarities, rounding before
// banding or not, and ladders with a target only, a tolerance (an offset,
// and a percent of the target whose level has more places than the
// target), target/detriment/failure, a strict target, an exceed band, and
// a minimum written to 18 places (whose products overflow 128 bits for
// huge counts, so the decimal path takes them).
func countsDefs(t *testing.T) []Definition {
	d := decimal.RequireFromString
	type ladder struct {
		name        string
		target      string // as written, for higher is better; lower is better mirrors it
		lowerTarget string
		bands       func(lower bool) Bands
		exceed      func(lower bool) ExceedRule
	}
	sign := func(lower bool, s string) decimal.Decimal {
		if lower {
			return d(s).Neg()
		}
		return d(s)
	}
	ladders := []ladder{
		{"target only", "80", "5", func(bool) Bands { return TargetOnly() }, func(bool) ExceedRule { return NoExceed() }},
		{"tolerance offset", "79.5", "5.5", func(l bool) Bands { return TargetTolerance(Offset(sign(l, "-2.25"))) }, func(bool) ExceedRule { return NoExceed() }},
		{"tolerance percent of", "80", "5", func(l bool) Bands {
			if l {
				return TargetTolerance(PercentOf(d("104.5")))
			}
			return TargetTolerance(PercentOf(d("95.5")))
		}, func(bool) ExceedRule { return NoExceed() }},
		{"ict", "90", "10", func(l bool) Bands {
			if l {
				return TargetDetrimentFailure(d("13"), d("16.5"))
			}
			return TargetDetrimentFailure(d("87"), d("84.25"))
		}, func(bool) ExceedRule { return NoExceed() }},
		{"strict target", "> 80", "< 5", func(l bool) Bands { return TargetTolerance(Offset(sign(l, "-1.5"))) }, func(bool) ExceedRule { return NoExceed() }},
		{"exceed", "80", "5", func(l bool) Bands { return TargetTolerance(Offset(sign(l, "-1"))) }, func(l bool) ExceedRule { return ExceedAt(Offset(sign(l, "5"))) }},
		{"minimum to 18 places", "0.5", "0.5", func(l bool) Bands {
			if l {
				return TargetAndMinimum(d("0.923456789012345678"))
			}
			return TargetAndMinimum(d("0.123456789012345678"))
		}, func(bool) ExceedRule { return NoExceed() }},
	}
	var defs []Definition
	for _, unit := range []Unit{Percent, Number} {
		for prec := int32(0); prec <= 4; prec++ {
			for _, pol := range []Polarity{HigherIsBetter, LowerIsBetter} {
				for _, rbb := range []bool{false, true} {
					for _, l := range ladders {
						lower := pol == LowerIsBetter
						ts := l.target
						if lower {
							ts = l.lowerTarget
						}
						if unit == Number && l.name == "minimum to 18 places" {
							continue
						}
						w, err := ParseWritten(ts + "%")
						if err != nil {
							t.Fatal(err)
						}
						if unit == Number {
							w.Unit = Number
						}
						spec := Spec{Ref: fmt.Sprintf("%s %s p%d %s rbb=%v", unit, l.name, prec, pol, rbb),
							Measure:   Measure{Unit: unit, Polarity: pol, Precision: prec, RoundBeforeBanding: rbb, Aggregation: RatioOfSums},
							Frequency: period.Monthly(), Target: w, Bands: l.bands(lower), Exceed: l.exceed(lower)}
						def, err := New(spec)
						if err != nil {
							t.Fatalf("%s: %v", spec.Ref, err)
						}
						defs = append(defs, def)
					}
				}
			}
		}
	}
	return defs
}

// countsFor draws counts of five kinds: small, large, exactly at one of the
// definition's levels (and one either side), near a level at a random
// denominator (where the shown figure can cross it), and huge (near the
// int64 limit); with zero denominators, negative counts and numerators above
// their denominators among them.
func countsFor(r *rand.Rand, x *defData) (n, d int64) {
	mult := int64(1)
	if x.spec.Measure.Unit == Percent {
		mult = 100
	}
	switch k := r.IntN(20); {
	case k < 5:
		d = r.Int64N(101)
		return r.Int64N(d + 1), d
	case k < 9:
		d = 1 + r.Int64N(1_000_000)
		return r.Int64N(d + 1), d
	case k < 14 && x.fast != nil && len(x.fast.levels) > 0:
		// At a level l×10^e: with d = j×mult×10^-e, n = l×j.
		l := x.fast.levels[r.IntN(len(x.fast.levels))]
		j := 1 + r.Int64N(50)
		d = j * mult * pow10i64[min(-x.fast.e, 6)]
		if -x.fast.e > 6 || l < 0 {
			return r.Int64N(d + 1), d
		}
		return l*j + r.Int64N(3) - 1, d
	case k < 17 && x.fast != nil && len(x.fast.levels) > 0:
		// Near a level, at any denominator.
		l := decimal.New(x.fast.levels[r.IntN(len(x.fast.levels))], x.fast.e)
		d = 1 + r.Int64N(10_000_000)
		near := l.Mul(decimal.NewFromInt(d)).Div(decimal.NewFromInt(mult)).Round(0).IntPart()
		return near + r.Int64N(3) - 1, d
	case k < 19:
		d = math.MaxInt64 - r.Int64N(1000)
		return d - r.Int64N(d/3), d
	}
	switch r.IntN(3) {
	case 0:
		return r.Int64N(10), 0
	case 1:
		return -1 - r.Int64N(5), r.Int64N(10)
	}
	d = r.Int64N(100)
	return d + 1 + r.Int64N(5), d
}

// TestCountsFastPathAgrees rates random counts on every definition of
// countsDefs both ways: as Counts makes them (int64, the fast path where it
// applies) and widened to decimals (the exact decimal path, as before the
// fast path), and checks that everything a result says is the same: error,
// status, band, figure (with its places), figure as written, target,
// variance, level, reason, text, interim, Equal, and the trend from the
// case before. It also checks that
// the fast path took most of them and left some to the decimal path.
func TestCountsFastPathAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 4))
	may := period.Must(period.ParseMonth("May-16")).Period()
	quarter := period.Must(period.ParseLabel("Q1 2016/17"))
	var fast, fallback, cases int
	perDef := 300
	if testing.Short() {
		perDef = 60
	}
	for _, def := range countsDefs(t) {
		x := def.data()
		if x.fast == nil {
			t.Fatalf("%s: no fixed-point ladder", x.spec.Ref)
		}
		var prevGot, prevWant Result
		for i := 0; i < perDef; i++ {
			n, d := countsFor(r, x)
			p := may
			if i%7 == 0 {
				p = quarter
			}
			obs := Counts(n, d)
			got, gerr := Evaluate(def, p, obs)
			want, werr := Evaluate(def, p, obs.wide())
			cases++
			where := fmt.Sprintf("%s: %d of %d for %s", x.spec.Ref, n, d, p)
			if (gerr == nil) != (werr == nil) || (gerr != nil && gerr.Error() != werr.Error()) {
				t.Fatalf("%s: error %v, decimal path %v", where, gerr, werr)
			}
			if gerr != nil {
				continue
			}
			if got.flags&lazyFigure != 0 {
				fast++
			} else if want.status.IsPerformance() {
				fallback++
			}
			if msg := resultsDiffer(got, want); msg != "" {
				t.Fatalf("%s: %s", where, msg)
			}
			// The trend from the case before, which compares figures.
			gt, gok := TrendOf(prevGot, got)
			wt, wok := TrendOf(prevWant, want)
			if gt != wt || gok != wok {
				t.Fatalf("%s: trend %v %v, decimal path %v %v", where, gt, gok, wt, wok)
			}
			prevGot, prevWant = got, want
		}
	}
	t.Logf("%d cases: %d rated on the fast path, %d rated on the decimal path", cases, fast, fallback)
	if fast < cases/2 || fallback == 0 {
		t.Errorf("fast path took %d and left %d rated of %d: the test no longer exercises both", fast, fallback, cases)
	}
}

// resultsDiffer says how a and b differ in what they report, or "".
func resultsDiffer(a, b Result) string {
	av, aok := a.Actual()
	bv, bok := b.Actual()
	aw, _ := a.ActualWritten()
	bw, _ := b.ActualWritten()
	avar, _ := a.Variance()
	bvar, _ := b.Variance()
	al, as, _ := a.Level()
	bl, bs, _ := b.Level()
	pairs := []struct {
		what string
		x, y any
	}{
		{"status", a.Status(), b.Status()},
		{"band", a.band, b.band},
		{"figure", fmt.Sprint(av.String(), aok), fmt.Sprint(bv.String(), bok)},
		{"figure as written", aw.String(), bw.String()},
		{"target", a.target.String(), b.target.String()},
		{"variance", avar.String(), bvar.String()},
		{"level", fmt.Sprint(al, as), fmt.Sprint(bl, bs)},
		{"reason", a.Reason(), b.Reason()},
		{"text", a.Text(), b.Text()},
		{"interim", a.Interim(), b.Interim()},
		{"flags", a.flags &^ lazyFigure, b.flags},
		{"equal", a.Equal(b), true},
	}
	for _, p := range pairs {
		if p.x != p.y {
			return fmt.Sprintf("%s %v, decimal path %v", p.what, p.x, p.y)
		}
	}
	return ""
}

// TestHugeCountsAggregateExactly adds counts whose sums overflow an int64:
// Aggregate keeps them as decimals, and Evaluate rates them on the decimal
// path. (2^62 + 2^62) / (2^62 + 2^62 + 2) is just below 100%: met against
// a target of 99.99%, and 100.00% at two places.
func TestHugeCountsAggregateExactly(t *testing.T) {
	def, err := New(Spec{Ref: "huge", Measure: Measure{Unit: Percent, Polarity: HigherIsBetter, Precision: 2, Aggregation: RatioOfSums},
		Frequency: period.Monthly(), Target: Written{Value: decimal.RequireFromString("99.99"), Unit: Percent}, Bands: TargetOnly()})
	if err != nil {
		t.Fatal(err)
	}
	const h = int64(1) << 62
	apr := period.Must(period.ParseMonth("Apr-16"))
	obs, err := Aggregate(def.Measure(), []Entry{
		{Period: apr.Period(), Obs: Counts(h, h+1)},
		{Period: apr.AddMonths(1).Period(), Obs: Counts(h, h+1)},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if obs.small {
		t.Fatalf("sums past the int64 limit kept as int64: %v", obs)
	}
	if got := obs.String(); got != "9223372036854775808 of 9223372036854775810" {
		t.Errorf("aggregate %s", got)
	}
	res, err := Evaluate(def, apr.Period(), obs)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := res.Actual(); res.Status() != Met || v.String() != "100" || v.Exponent() != -2 {
		t.Errorf("status %s, figure %s (exponent %d): want met, 100.00", res.Status(), v, v.Exponent())
	}
}
