package regime_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// TestReturnGivesBackWhatWasAdded adds observations of every kind, plain
// and not, and reads each back equal, in order, with its source.
func TestReturnGivesBackWhatWasAdded(t *testing.T) {
	may, jun := mo("May-16"), mo("Jun-16")
	q1 := period.Must(period.Must(period.FinancialYear(2016)).Quarter(1))
	big, _ := decimal.NewFromString("12345678901234567890.5") // 21 digits: kept as given
	in := []regime.Observation{
		{KPI: "K1", Month: may, Obs: kpi.Figure(dec("95.80")), Source: regime.Source{File: "a.csv", Line: 2}},
		{KPI: "K2", Month: may, Obs: kpi.Counts(19, 20), Source: regime.Source{File: "a.csv", Line: 3}},
		{KPI: "K1", Month: jun, Obs: kpi.Figure(dec("-0.001")).WithReported(kpi.Missed), Source: regime.Source{File: "b.csv", Line: 2}},
		{KPI: "K3", Month: jun, Obs: kpi.Figure(big)},
		{KPI: "K4", Period: q1, Obs: kpi.Figure(dec("7"))},
		{KPI: "K5", Month: jun, Obs: kpi.Missing(kpi.NoData, "no survey")},
		{KPI: "K1", Month: may, Obs: kpi.Figure(dec("96")), Note: "restated", ReportedOn: period.Must(period.ParseDate("2016-07-01")), ReportedBy: "council"},
		{KPI: "K2", Month: jun, Obs: kpi.Counts(0, 0)},
		{KPI: "K6", Month: jun, Obs: kpi.Mean(dec("161.4"), 20)},
		{KPI: "K7", Month: jun, Obs: kpi.Figure(dec("1")), Source: regime.Source{File: "c.xlsx", Sheet: "ICT", Line: 7}},
	}
	var rt regime.Return
	for _, o := range in {
		rt.Add(o)
	}
	if rt.Len() != len(in) {
		t.Fatalf("Len = %d, want %d", rt.Len(), len(in))
	}
	out := rt.Observations()
	for i, o := range in {
		got := out[i]
		if got.KPI != o.KPI || got.Month != o.Month || got.Period != o.Period || !got.Obs.Equal(o.Obs) || got.Obs.String() != o.Obs.String() ||
			got.Obs.Reported() != o.Obs.Reported() || got.Note != o.Note || got.ReportedOn != o.ReportedOn || got.ReportedBy != o.ReportedBy || got.Source != o.Source {
			t.Errorf("row %d: got %+v, want %+v", i, got, o)
		}
	}
	// Q1 2016/17 starts in April; the last month is June.
	if first, last := rt.Months(); first != mo("Apr-16") || last != jun {
		t.Errorf("Months = %s, %s; want Apr-16, Jun-16", first, last)
	}
}

// TestReturnManyRows adds more rows than a chunk holds and reads them back.
func TestReturnManyRows(t *testing.T) {
	var rt regime.Return
	const n = 10_000
	for i := range n {
		rt.Add(regime.Observation{KPI: "K", Month: mo("Apr-16").AddMonths(i % 100), Obs: kpi.Counts(int64(i), int64(n)), Source: manySource(i)})
	}
	for i, o := range rt.All() {
		if num, den, ok := o.Obs.SmallCounts(); !ok || num != int64(i) || den != n || o.Source != manySource(i) {
			t.Fatalf("row %d: %v from %v, want from %v", i, o.Obs, o.Source, manySource(i))
		}
	}
}

// manySource is where TestReturnManyRows says row i was read: rows in runs
// of successive lines with a blank line after every 1,000th, in two files,
// and a stretch built in Go, with no source.
func manySource(i int) regime.Source {
	switch {
	case i < 3_000:
		return regime.Source{File: "a.csv", Line: 2 + i + i/1000}
	case i < 5_000:
		return regime.Source{}
	case i%2 == 0:
		return regime.Source{File: "b.csv", Line: i}
	}
	return regime.Source{File: "c.csv", Line: i}
}
