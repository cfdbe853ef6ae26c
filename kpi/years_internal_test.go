package kpi

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// TestNoFastLadderForProfiles checks that the integer fast path, which
// resolves the ladder against one flat target, is never built for a target
// that varies: an explicit profile over several years or a shape applied to
// each year. A flat profile keeps it.
func TestNoFastLadderForProfiles(t *testing.T) {
	fy := period.Must(period.FinancialYear(2016))
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	w := [12]decimal.Decimal{}
	for i := range w {
		w[i] = d("1")
	}
	weighted, err := WeightedByYear(period.Years{}, map[period.Year]decimal.Decimal{fy: d("96"), fy.Next(): d("97")}, w, true, 2)
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		p    Profile
		fast bool
	}{
		"flat":           {Flat(d("96")), true},
		"explicit years": {ExplicitYears(period.Years{}, true, map[period.Year]decimal.Decimal{fy: d("96"), fy.Next(): d("97")}, map[period.Month]decimal.Decimal{fy.First(): d("8"), fy.Next().First(): d("9")}), false},
		"linear every":   {LinearCumulativeEveryYear(period.Years{}, d("96"), 2), false},
		"weighted years": {weighted, false},
	} {
		def, err := New(Spec{Ref: "X", Measure: Measure{Unit: Percent, Polarity: HigherIsBetter, Precision: 2, Aggregation: Latest},
			Frequency: period.Monthly(), Target: Written{Value: d("96"), Unit: Percent}, Profile: tc.p, Bands: TargetTolerance(Offset(d("-2")))})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := def.p.fast != nil; got != tc.fast {
			t.Errorf("%s: fast ladder %v, want %v", name, got, tc.fast)
		}
	}
}
