package kpi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// TestReasonsNameTheBandReached: where several bands share a status (two
// compensation tiers, both failed) or a band has a name, the reason names
// the band reached and its own level. Before, 85% against a target of 90%
// with tiers at 80% read "85% is below the target of 90% but at or above
// the failure level of 80%": above a failure level, yet failed.
func TestReasonsNameTheBandReached(t *testing.T) {
	l80, err := kpi.ParseLevel("80")
	require.NoError(t, err)
	target := kpi.Target()
	tiers := func(first, second string) kpi.Bands {
		b, err := kpi.NewBands(
			kpi.Band{Status: kpi.Met, Reach: target},
			kpi.Band{Name: first, Status: kpi.Failed, Reach: l80},
			kpi.Band{Name: second, Status: kpi.Failed},
		)
		require.NoError(t, err)
		return b
	}
	tests := []struct {
		name         string
		bands        kpi.Bands
		figure, want string
	}{
		{"named, first tier", tiers("Tier 1", "Tier 2"), "85",
			"85% is below the target of 90%: Tier 1 (failed), at or above 80%"},
		{"named, second tier", tiers("Tier 1", "Tier 2"), "75",
			"75% is below 80%, the level of Tier 1 (failed): Tier 2 (failed)"},
		{"unnamed, first tier", tiers("", ""), "85",
			"85% is below the target of 90%: the first failed band of 2, at or above 80%"},
		{"unnamed, second tier", tiers("", ""), "75",
			"75% is below 80%, the level of the first failed band of 2: the second failed band of 2"},
		{"at the level", tiers("", ""), "80",
			"80% is below the target of 90%: the first failed band of 2, at or above 80%"},
		{"met", tiers("Tier 1", "Tier 2"), "90", "90% meets the target of 90%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := validSpec(t)
			spec.Target = written(t, "90%")
			spec.Bands = tt.bands
			r, err := kpi.Evaluate(mustDef(t, spec), period.Must(period.ParseLabel("May-16")), kpi.Figure(dec(tt.figure)))
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Reason())
		})
	}
}

// TestReasonsNameTheFrequency: "an annual measure", not "a annual"; and the
// months a measure is due in, every one, in its years' order, so that a
// frequency written "quarterly due Oct" is not described as due in January.
func TestReasonsNameTheFrequency(t *testing.T) {
	tests := []struct{ freq, month, want string }{
		{"annual", "Apr-16", "not due: an annual measure (due Mar) has no measurement in Apr-16"},
		// Quarters ending Jan, Apr, Jul and Oct: in years from April, Apr first.
		{"quarterly due Oct", "May-16", "not due: a quarterly measure (due Apr, Jul, Oct and Jan) has no measurement in May-16"},
		{"quarterly", "May-16", "not due: a quarterly measure (due Jun, Sep, Dec and Mar) has no measurement in May-16"},
		{"six-monthly due Sep", "Apr-16", "not due: a six-monthly measure (due Sep and Mar) has no measurement in Apr-16"},
		{"every 2 months due Feb", "Mar-16", "not due: a two-monthly measure (due Apr, Jun, Aug, Oct, Dec and Feb) has no measurement in Mar-16"},
	}
	for _, tt := range tests {
		t.Run(tt.freq, func(t *testing.T) {
			spec := validSpec(t)
			spec.Frequency = period.Must(period.ParseFrequency(tt.freq))
			r, err := kpi.Evaluate(mustDef(t, spec), period.Must(period.ParseLabel(tt.month)), kpi.Observation{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Reason())
		})
	}
}

// TestEvaluateWindow: the result of a rolling window says so, and its
// reason names the window; a KPI with no window refuses to be rated as one.
func TestEvaluateWindow(t *testing.T) {
	spec := validSpec(t)
	spec.Rolling = 3
	d := mustDef(t, spec)
	may := period.Must(period.ParseLabel("May-16"))
	r, err := kpi.EvaluateWindow(d, may, kpi.Counts(265, 300))
	require.NoError(t, err)
	n, ok := r.Window()
	assert.True(t, ok)
	assert.Equal(t, 3, n)
	// 265/300 = 88.33%: below 90.0%, above the detriment level of 87.0%.
	assert.Equal(t, "rolling 3 months to May-16: 88.33% is below the target of 90.0% but above the detriment level of 87.0%", r.Reason())

	_, err = kpi.EvaluateWindow(mustDef(t, validSpec(t)), may, kpi.Counts(265, 300))
	assert.EqualError(t, err, "kpi: 3 has no rolling window")
	plain, err := kpi.Evaluate(d, may, kpi.Counts(265, 300))
	require.NoError(t, err)
	_, ok = plain.Window()
	assert.False(t, ok)
}

// TestShownFigureNeverContradictsItsStatus: 22,499 of 28,124 is missed
// against a target of 80%. Rounded to the measure's two places it would
// print as 80.00% beside Missed; it keeps the fewest further places that
// stay below 80. Worked by hand:
//
//	22499 / 28124 = 0.79999288...; x 100 = 79.999288...%
//	2 places: 80.00  (reaches 80: contradicts Missed)
//	3 places: 79.999 (below 80)  <- shown
//
// A figure whose two-place rounding bands as the figure does is shown to
// two places, as before: 22,000 of 28,124 = 78.2250...% is 78.23%, and
// 22,500 of 28,124 = 80.00355...% is 80.00%, met.
func TestShownFigureNeverContradictsItsStatus(t *testing.T) {
	spec := validSpec(t)
	spec.Target = written(t, "80%")
	spec.Bands = kpi.TargetOnly()
	d := mustDef(t, spec)
	may := period.Must(period.ParseLabel("May-16"))
	for _, c := range []struct {
		num, den      int64
		shown, status string
	}{
		{22499, 28124, "79.999", "missed"},
		{22000, 28124, "78.23", "missed"},
		{22500, 28124, "80.00", "met"}, // 80.003555...: met, and 80.00 reaches 80
	} {
		r, err := kpi.Evaluate(d, may, kpi.Counts(c.num, c.den))
		require.NoError(t, err)
		v, ok := r.Actual()
		require.True(t, ok)
		assert.Equal(t, c.shown, v.StringFixed(-v.Exponent()), "%d of %d", c.num, c.den)
		assert.Equal(t, c.status, r.Status().String())
	}
}
