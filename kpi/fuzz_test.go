package kpi_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// FuzzParseWritten checks that parsing never panics and that whatever parses
// writes back to text that parses to the same value.
func FuzzParseWritten(f *testing.F) {
	for _, s := range []string{"95.8%", "100.00", "90.0%", "< 5%", "<0.4%", "Not greater than 3%", "> 3.5", ">3.5",
		"0 failures", "1 failure", "25 secs", "14.00 days", "£4,210.50", "95,8%", "at least 75%", "", "not published"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := kpi.ParseWritten(s)
		if err != nil {
			return
		}
		back, err := kpi.ParseWritten(w.String())
		if err != nil || !back.Equal(w) {
			t.Fatalf("ParseWritten(%q) = %s; it parses back to %v, %v", s, w, back, err)
		}
	})
}

// FuzzBands builds ladders from arbitrary levels and checks that New never
// panics, and that for any ladder it accepts, every figure gets exactly one
// performance status and a better figure never a worse one.
func FuzzBands(f *testing.F) {
	f.Add(int64(9000), int64(8700), int64(8400), uint8(0), false, int64(8889), int64(9318))
	f.Add(int64(500), int64(700), int64(900), uint8(1), true, int64(264), int64(103))
	f.Add(int64(0), int64(1), int64(2), uint8(2), false, int64(1), int64(0))
	f.Fuzz(func(t *testing.T, target, detriment, failure int64, scheme uint8, lower bool, a, b int64) {
		// Levels and figures in hundredths of a percent, 0 to 100.
		clamp := func(v int64) decimal.Decimal {
			if v < 0 {
				v = -v
			}
			return decimal.New(v%10001, -2)
		}
		pol := kpi.HigherIsBetter
		if lower {
			pol = kpi.LowerIsBetter
		}
		var bands kpi.Bands
		switch scheme % 4 {
		case 0:
			bands = kpi.TargetDetrimentFailure(clamp(detriment), clamp(failure))
		case 1:
			bands = kpi.TargetTolerance(kpi.Abs(clamp(detriment)))
		case 2:
			bands = kpi.TargetAndMinimum(clamp(detriment))
		default:
			bands = kpi.TargetOnly()
		}
		def, err := kpi.New(kpi.Spec{
			Ref: "f", Measure: kpi.Measure{Unit: kpi.Percent, Polarity: pol, Precision: 2, Aggregation: kpi.RatioOfSums},
			Frequency: period.Monthly(), Target: kpi.Written{Value: clamp(target), Unit: kpi.Percent}, Bands: bands,
		})
		if err != nil {
			return
		}
		m := period.Must(period.ParseMonth("May-16")).Period()
		ra, err1 := kpi.Evaluate(def, m, kpi.Figure(clamp(a)))
		rb, err2 := kpi.Evaluate(def, m, kpi.Figure(clamp(b)))
		if err1 != nil || err2 != nil {
			t.Fatalf("evaluate: %v, %v", err1, err2)
		}
		if !ra.Status().IsPerformance() || !rb.Status().IsPerformance() {
			t.Fatalf("statuses %s, %s", ra.Status(), rb.Status())
		}
		if c := pol.Better(clamp(a), clamp(b)); (c > 0 && ra.Status() > rb.Status()) || (c < 0 && rb.Status() > ra.Status()) {
			t.Fatalf("%s gets %s but %s gets %s", clamp(a), ra.Status(), clamp(b), rb.Status())
		}
		_ = ra.Reason()
	})
}
