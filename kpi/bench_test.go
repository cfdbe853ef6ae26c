package kpi_test

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

var (
	sinkResult kpi.Result
	sinkInt    int
)

// BenchmarkEvaluate rates a figure against seed 000's ICT KPI 3 (target 90.0%,
// detriment 87.0%, failure 84.0%) for 1,048,576 distinct figures from 0.00
// to 100.00, tallying the statuses as a scorecard would.
func BenchmarkEvaluate(b *testing.B) {
	def := ictDefinition(b, ictTable[2])
	r := rand.New(rand.NewPCG(1, 2))
	const n = 1 << 20
	obs := make([]kpi.Observation, n)
	for i := range obs {
		obs[i] = kpi.Figure(decimal.New(r.Int64N(10001), -2))
	}
	may := month("May-16")
	var tally [16]int
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := kpi.Evaluate(def, may, obs[i&(n-1)])
		if err != nil {
			b.Fatal(err)
		}
		tally[res.Status()]++
	}
	b.StopTimer()
	// Every figure got a performance status.
	if tally[0] != 0 || tally[kpi.NoData] != 0 {
		b.Fatalf("statuses: %v", tally)
	}
	sinkInt = tally[kpi.Met]
}

// BenchmarkEvaluateCounts works out a percent from counts (calls answered of
// calls offered) and rates it, for 1,000,000 distinct pairs of counts.
func BenchmarkEvaluateCounts(b *testing.B) {
	def := ictDefinition(b, ictTable[8]) // call answering, 80 / 77 / 74
	r := rand.New(rand.NewPCG(3, 4))
	type pair struct{ num, den int64 }
	pairs := make([]pair, 1_000_000)
	for i := range pairs {
		d := 1 + r.Int64N(50_000)
		pairs[i] = pair{r.Int64N(d + 1), d}
	}
	may := month("May-16")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pairs[i%len(pairs)]
		res, err := kpi.Evaluate(def, may, kpi.Counts(p.num, p.den))
		if err != nil {
			b.Fatal(err)
		}
		sinkResult = res
	}
}

// BenchmarkAggregateYear aggregates twelve months of counts into the year
// to date and rates it, over 1,000,000 distinct monthly observations
// (83,334 distinct years).
func BenchmarkAggregateYear(b *testing.B) {
	def := ictDefinition(b, ictTable[8])
	m := def.Measure()
	r := rand.New(rand.NewPCG(5, 6))
	first := period.Must(period.ParseMonth("Apr-16"))
	years := make([][]kpi.Entry, 1_000_000/12+1)
	for y := range years {
		years[y] = make([]kpi.Entry, 12)
		for i := range years[y] {
			d := 1 + r.Int64N(50_000)
			years[y][i] = kpi.Entry{Period: first.AddMonths(i).Period(), Obs: kpi.Counts(r.Int64N(d+1), d)}
		}
	}
	ytd := period.Must(period.Must(period.FinancialYear(2016)).ToDate(period.Must(period.ParseMonth("Mar-17"))))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		obs, err := kpi.Aggregate(m, years[i%len(years)], nil)
		if err != nil {
			b.Fatal(err)
		}
		res, err := kpi.Evaluate(def, ytd, obs)
		if err != nil {
			b.Fatal(err)
		}
		sinkResult = res
	}
}
