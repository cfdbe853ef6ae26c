package kpi_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// propertyDefinitions are ladders of every scheme, both polarities.
func propertyDefinitions(t *testing.T) []kpi.Definition {
	hb, lb := percent(kpi.HigherIsBetter), percent(kpi.LowerIsBetter)
	specs := []kpi.Spec{
		{Measure: hb, Target: written(t, "90%"), Bands: kpi.TargetDetrimentFailure(dec("87"), dec("84"))},
		{Measure: hb, Target: written(t, "95%"), Bands: kpi.TargetTolerance(kpi.Offset(dec("-2"))), Exceed: kpi.ExceedWhenBetter()},
		{Measure: hb, Target: written(t, "90%"), Bands: kpi.TargetAndMinimum(dec("85"))},
		{Measure: hb, Target: written(t, "60%"), Bands: kpi.ScoreBands(3, dec("20"), dec("40"), dec("60"), dec("80"), dec("90"))},
		{Measure: lb, Target: written(t, "< 5%"), Bands: kpi.TargetOnly()},
		{Measure: lb, Target: written(t, "Not greater than 3%"), Bands: kpi.TargetTolerance(kpi.Abs(dec("4"))), Exceed: kpi.ExceedAt(kpi.Abs(dec("1")))},
		{Measure: failuresMeasure, Target: written(t, "1 failure"), Bands: kpi.VolumeOfFailures(3, 4)},
	}
	defs := make([]kpi.Definition, len(specs))
	for i, s := range specs {
		s.Ref, s.Frequency = fmt.Sprint(i), period.Monthly()
		defs[i] = mustDef(t, s)
	}
	return defs
}

// rank orders statuses best first, for "never a worse status".
func rank(s kpi.Status) int { return int(s) }

// TestBetterFigureNeverWorseStatus evaluates every figure from 0 to 100 in
// steps of 0.01 (and whole counts for failures) and checks that a better
// figure never gets a worse status, and that exactly one band applies.
func TestBetterFigureNeverWorseStatus(t *testing.T) {
	for _, def := range propertyDefinitions(t) {
		t.Run(def.Ref()+" "+def.Bands().String(), func(t *testing.T) {
			pol := def.Measure().Polarity
			step, max := dec("0.01"), dec("100")
			if def.Measure().Unit == kpi.Failures {
				step, max = dec("1"), dec("10")
			}
			var prev kpi.Result
			for v := decimal.Zero; v.LessThanOrEqual(max); v = v.Add(step) {
				r, err := kpi.Evaluate(def, month("May-16"), kpi.Figure(v))
				require.NoError(t, err)
				require.True(t, r.Status().IsPerformance(), "%s: %s", v, r.Status())
				_, ok := r.Band()
				require.True(t, ok, "exactly one band applies to %s", v)
				if !v.IsZero() {
					pa, _ := prev.Actual()
					better := r
					worse := prev
					if pol.Better(pa, v) > 0 {
						better, worse = prev, r
					}
					require.LessOrEqual(t, rank(better.Status()), rank(worse.Status()),
						"%s (%s) is better than %s (%s)", better.Reason(), better.Status(), worse.Reason(), worse.Status())
				}
				prev = r
			}
		})
	}
}

// TestAggregateCountsProperty: aggregating random counts equals the sum of
// numerators over the sum of denominators, in any order; excluding a period
// changes the aggregate and nothing else.
func TestAggregateCountsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2))
	m := percent(kpi.HigherIsBetter)
	def := mustDef(t, kpi.Spec{Ref: "calls", Measure: m, Frequency: period.Monthly(), Target: written(t, "80%"), Bands: kpi.TargetOnly()})
	for trial := 0; trial < 500; trial++ {
		n := 1 + r.IntN(12)
		obs := make([]kpi.Observation, n)
		var sumN, sumD int64
		for i := range obs {
			d := 1 + r.Int64N(5000)
			k := r.Int64N(d + 1)
			obs[i] = kpi.Counts(k, d)
			sumN += k
			sumD += d
		}
		es := entries(obs...)
		got, err := kpi.Aggregate(m, es, nil)
		require.NoError(t, err)
		require.True(t, got.Equal(kpi.Counts(sumN, sumD)), "trial %d", trial)

		shuffled := append([]kpi.Entry(nil), es...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again, err := kpi.Aggregate(m, shuffled, nil)
		require.NoError(t, err)
		require.True(t, got.Equal(again))

		// Exclude one period: the aggregate loses exactly its counts, and
		// each month's own result is unchanged.
		x := r.IntN(n)
		skip := func(p period.Period) bool { return p == es[x].Period }
		outside, err := kpi.Aggregate(m, es, skip)
		require.NoError(t, err)
		xn, xd, _ := obs[x].Counts()
		if n > 1 {
			on, od, _ := outside.Counts()
			require.Equal(t, sumN-xn.IntPart(), on.IntPart())
			require.Equal(t, sumD-xd.IntPart(), od.IntPart())
		}
		for _, e := range es {
			before, err := kpi.Evaluate(def, e.Period, e.Obs)
			require.NoError(t, err)
			after, err := kpi.Evaluate(def, e.Period, e.Obs)
			require.NoError(t, err)
			require.True(t, before.Equal(after))
		}
	}
}

// TestCountsAgainstExactRationals rates random counts on the ICT call
// answering ladder (80 / 77 / 74, and a tolerance ladder with a level of
// 95.5% of the target) and checks each status against exact rational
// arithmetic, with and without rounding before banding.
func TestCountsAgainstExactRationals(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 3))
	tdf := ictDefinition(t, ictTable[8])
	tolSpec := kpi.Spec{Ref: "tol", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(), Target: written(t, "80%"),
		Bands: kpi.TargetTolerance(kpi.PercentOf(dec("95.5")))}
	tol := mustDef(t, tolSpec)
	tolSpec.Measure.RoundBeforeBanding = true
	tolRounded := mustDef(t, tolSpec)
	type level struct {
		v      *big.Rat
		strict bool
		st     kpi.Status
	}
	rat := func(s string) *big.Rat { q, _ := new(big.Rat).SetString(s); return q }
	ladders := []struct {
		def    kpi.Definition
		levels []level
		last   kpi.Status
		round  bool
	}{
		{tdf, []level{{rat("80"), false, kpi.Met}, {rat("77"), true, kpi.Missed}, {rat("74"), true, kpi.Detriment}}, kpi.Failed, false},
		// 95.5% of 80 is 76.4.
		{tol, []level{{rat("80"), false, kpi.Met}, {rat("76.4"), false, kpi.Tolerance}}, kpi.Missed, false},
		{tolRounded, []level{{rat("80"), false, kpi.Met}, {rat("76.4"), false, kpi.Tolerance}}, kpi.Missed, true},
	}
	may := month("May-16")
	for i := 0; i < 20000; i++ {
		den := 1 + r.Int64N(1_000_000)
		if i%4 == 0 {
			den = 1 + r.Int64N(100)
		}
		num := r.Int64N(den + 1)
		// Some exactly at a level: 80% and 76.4% of a multiple of 250.
		if i%10 == 0 {
			den = 250 * (1 + r.Int64N(4000))
			num = den * 4 / 5
			if i%20 == 0 {
				num = den * 764 / 1000
			}
		}
		exact := new(big.Rat).SetFrac64(num*100, den)
		for _, l := range ladders {
			v := exact
			if l.round {
				// Half away from zero at two places, once.
				scaled := new(big.Rat).Mul(exact, big.NewRat(100, 1))
				q, rem := new(big.Int).QuoRem(scaled.Num(), scaled.Denom(), new(big.Int))
				if new(big.Int).Mul(rem, big.NewInt(2)).Cmp(scaled.Denom()) >= 0 {
					q.Add(q, big.NewInt(1))
				}
				v = new(big.Rat).SetFrac(q, big.NewInt(100))
			}
			want := l.last
			for _, lv := range l.levels {
				c := v.Cmp(lv.v)
				if c > 0 || (c == 0 && !lv.strict) {
					want = lv.st
					break
				}
			}
			got, err := kpi.Evaluate(l.def, may, kpi.Counts(num, den))
			require.NoError(t, err)
			require.Equal(t, want, got.Status(), "%d of %d (%s) on %s", num, den, exact.FloatString(12), l.def.Ref())
		}
	}
}
