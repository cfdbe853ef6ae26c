package regime_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// benchRegime is 50 availability KPIs with service points, repeat
// doubling, points credits, both caps and three escalation rules, in force
// from April 2016.
func benchRegime(b testing.TB, name string) *regime.Regime {
	return benchRegimeFrom(b, name, mo("Apr-16"))
}

// benchRegimeFrom is benchRegime in force from the month from.
func benchRegimeFrom(b testing.TB, name string, from period.Month) *regime.Regime {
	defs := make([]kpi.Definition, 50)
	for i := range defs {
		defs[i] = availability(b, fmt.Sprintf("K%02d", i))
	}
	r, err := regime.New(regime.Spec{
		Name: name, Version: "1", From: from, KPIs: defs, Repeat: dec("2"),
		Credits: []regime.CreditRule{regime.NewPointsCredit(dec("0.5"))},
		Caps:    regime.Caps{PerPeriod: regime.PercentOfCharges(dec("15")), Rolling: regime.PercentOfCharges(dec("10"))},
		Escalation: []regime.Rule{regime.NFailuresInM("material failure", 3, 6), regime.KConsecutive("rectification plan required", 3),
			regime.PointsInWindow("critical failure", 12, dec("200"))},
	})
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// monthInput is one month of figures for the 50 KPIs, uniform from low to
// 100.00%. Against the 99% target, low = 98.67 fails 33 of 134 values
// (24.6%: about a quarter of the KPIs earn points and credits each month);
// low = 93.00 fails 600 of 701 (86%), the heavy case.
func monthInput(r *rand.Rand, m period.Month, low int64) regime.Input {
	in := regime.Input{Observations: make([]regime.Observation, 50), Charges: map[period.Month]decimal.Decimal{m: decimal.New(100_000+r.Int64N(50_000), 0)}}
	for i := range in.Observations {
		in.Observations[i] = regime.Observation{KPI: fmt.Sprintf("K%02d", i), Month: m, Obs: kpi.Figure(decimal.New(low+r.Int64N(10001-low), -2))}
	}
	return in
}

// BenchmarkScorecardMonth runs a 50-KPI regime with credits over one month
// and reads its scorecard, over 20,000 distinct months of figures
// (1,000,000 observations). The main case has about a quarter of the KPIs
// failing; failing=86% is the heavy case, for comparison.
func BenchmarkScorecardMonth(b *testing.B) {
	b.Run("failing=25%", func(b *testing.B) { benchMonth(b, 9867) })
	b.Run("failing=86%", func(b *testing.B) { benchMonth(b, 9300) })
}

func benchMonth(b *testing.B, low int64) {
	rg := benchRegime(b, "Bench")
	r := rand.New(rand.NewPCG(1, 1))
	apr := mo("Apr-16")
	inputs := make([]regime.Input, 20_000)
	for i := range inputs {
		inputs[i] = monthInput(r, apr, low)
	}
	p := apr.Period()
	failing := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sc, err := rg.Score(inputs[i%len(inputs)], p)
		if err != nil {
			b.Fatal(err)
		}
		failing += len(sc.Summary.Exceptions)
	}
	b.StopTimer()
	if failing == 0 {
		b.Fatal("no KPI failed: the benchmark does not exercise credits")
	}
}

// portfolioJobs is n regimes of benchRegime's 50 KPIs, named R0000,
// R0001, ..., each with the twelve months of 2016/17 (600 observations, a
// quarter failing, drawn from seed), each job its year to date.
func portfolioJobs(tb testing.TB, n int, seed uint64) []regime.Job {
	r := rand.New(rand.NewPCG(seed, seed))
	fy := period.Must(period.FinancialYear(2016))
	jobs := make([]regime.Job, n)
	for k := range jobs {
		in := regime.Input{Charges: map[period.Month]decimal.Decimal{}}
		for m := range fy.Months() {
			mi := monthInput(r, m, 9867)
			in.Observations = append(in.Observations, mi.Observations...)
			in.Charges[m] = mi.Charges[m]
		}
		jobs[k] = regime.Job{Regime: benchRegime(tb, fmt.Sprintf("R%04d", k)), Input: in, Period: fy.Period()}
	}
	return jobs
}

// BenchmarkPortfolioYear runs 1,000 regimes of 50 KPIs over the twelve
// months of 2016/17 (600,000 distinct observations, about a quarter of them
// failing) on one goroutine, and reads each regime's year-to-date scorecard.
// One op is the whole portfolio.
func BenchmarkPortfolioYear(b *testing.B) {
	jobs := portfolioJobs(b, 1000, 2)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		events := 0
		for _, j := range jobs {
			sc, err := j.Regime.Score(j.Input, j.Period)
			if err != nil {
				b.Fatal(err)
			}
			events += len(sc.Events)
		}
		if events == 0 {
			b.Fatal("no escalation events: the benchmark does not exercise the rules")
		}
	}
}

// BenchmarkPortfolioYearConcurrent is BenchmarkPortfolioYear's portfolio
// scored with regime.ScoreEach, on as many cores as -cpu gives it: run it
// with -cpu 1,2 to see how it scales.
func BenchmarkPortfolioYearConcurrent(b *testing.B) {
	jobs := portfolioJobs(b, 1000, 2)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		scs, err := regime.ScoreEach(jobs)
		if err != nil {
			b.Fatal(err)
		}
		events := 0
		for _, sc := range scs {
			events += len(sc.Events)
		}
		if events == 0 {
			b.Fatal("no escalation events: the benchmark does not exercise the rules")
		}
	}
}

// BenchmarkFirstYearOf400Months scores the first year (2000/01) of the
// 50-KPI regime from inputs of 12 months and of 400 months of observations
// (April 2000 to July 2033, 20,000 observations, with a charge for every
// month); the first 12 months of each 400-month input are its 12-month
// input, the same observations. Scoring a period runs the ledger to the
// end of that period and no further, so the 400-month input should cost
// about the same: it adds one scan of its observations, not 388 months of
// scoring. 64 distinct inputs (38,400 distinct observations scored, about a
// quarter failing); both sub-benchmarks run with the same inputs live. One
// op is one Score.
func BenchmarkFirstYearOf400Months(b *testing.B) {
	const (
		inputs = 64
		months = 400
	)
	start := mo("Apr-00")
	rg := benchRegimeFrom(b, "Bench400", start)
	y := period.Must(period.FinancialYear(2000))
	p := y.Period()
	r := rand.New(rand.NewPCG(3, 3))
	long := make([]regime.Input, inputs)
	short := make([]regime.Input, inputs)
	for k := range long {
		in := regime.Input{Observations: make([]regime.Observation, 0, 50*months), Charges: make(map[period.Month]decimal.Decimal, months)}
		for i := range months {
			m := start.AddMonths(i)
			mi := monthInput(r, m, 9867)
			in.Observations = append(in.Observations, mi.Observations...)
			in.Charges[m] = mi.Charges[m]
		}
		long[k] = in
		firstYear := map[period.Month]decimal.Decimal{}
		for m := range y.Months() {
			firstYear[m] = in.Charges[m]
		}
		const firstYearObs = 50 * 12
		short[k] = regime.Input{Observations: in.Observations[:firstYearObs:firstYearObs], Charges: firstYear}
	}
	// Both must give the same scorecard, with credits and events.
	for k := range long {
		a, err := rg.Score(short[k], p)
		if err != nil {
			b.Fatal(err)
		}
		c, err := rg.Score(long[k], p)
		if err != nil {
			b.Fatal(err)
		}
		if !a.Equal(c) {
			b.Fatalf("input %d: the first year scored from 400 months differs from the one scored from 12", k)
		}
		if a.Summary.CreditsBeforeCaps.IsZero() || len(a.Events) == 0 {
			b.Fatalf("input %d: no credits or no escalation events: the benchmark does not exercise the regime", k)
		}
	}
	bench := func(ins []regime.Input) func(b *testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := rg.Score(ins[i%len(ins)], p); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(len(ins[0].Observations)), "obs/op")
		}
	}
	b.Run("months=12", bench(short))
	b.Run("months=400", bench(long))
}
