package kpi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
)

// TestParseWritten covers every form the seeds write, one case each.
func TestParseWritten(t *testing.T) {
	tests := []struct {
		in    string
		value string
		unit  kpi.Unit
		cmp   kpi.Comparison
		canon string
	}{
		{"95.8%", "95.8", kpi.Percent, kpi.Unstated, "95.8%"},
		{"100.00", "100.00", 0, kpi.Unstated, "100.00"},
		{"90.0%", "90.0", kpi.Percent, kpi.Unstated, "90.0%"},
		{"< 5%", "5", kpi.Percent, kpi.Below, "< 5%"},
		{"<0.4%", "0.4", kpi.Percent, kpi.Below, "< 0.4%"},
		{"<0.4", "0.4", 0, kpi.Below, "< 0.4"},
		{"Not greater than 3%", "3", kpi.Percent, kpi.AtMost, "<= 3%"},
		{"> 3.5", "3.5", 0, kpi.Above, "> 3.5"},
		{">3.5", "3.5", 0, kpi.Above, "> 3.5"},
		{"0 failures", "0", kpi.Failures, kpi.Unstated, "0 failures"},
		{"1 failure", "1", kpi.Failures, kpi.Unstated, "1 failure"},
		{"2 failures", "2", kpi.Failures, kpi.Unstated, "2 failures"},
		{"25 secs", "25", kpi.Seconds, kpi.Unstated, "25 secs"},
		{"14.00 days", "14.00", kpi.Days, kpi.Unstated, "14.00 days"},
		{">= 90%", "90", kpi.Percent, kpi.AtLeast, ">= 90%"},
		{"at least 75%", "75", kpi.Percent, kpi.AtLeast, ">= 75%"},
		{"less than 2 hours", "2", kpi.Hours, kpi.Below, "< 2 hours"},
		{"£4,210.50", "4210.50", kpi.Money, kpi.Unstated, "£4210.50"},
		{"99.50%", "99.50", kpi.Percent, kpi.Unstated, "99.50%"},
		{"  34 secs ", "34", kpi.Seconds, kpi.Unstated, "34 secs"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			w, err := kpi.ParseWritten(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.value, w.Value.StringFixed(-w.Value.Exponent()))
			assert.Equal(t, tt.unit, w.Unit)
			assert.Equal(t, tt.cmp, w.Comparison)
			assert.Equal(t, tt.canon, w.String())
			back, err := kpi.ParseWritten(w.String())
			require.NoError(t, err)
			assert.True(t, w.Equal(back), "%s round trips", w)
		})
	}
}

func TestParseWrittenErrors(t *testing.T) {
	tests := []struct{ in, cause string }{
		{"", "there is no figure"},
		{"95,8%", "write a decimal point, not a comma"},
		{"95.8.1%", "not a decimal number"},
		{"95.%", "not a decimal number"},
		{".4%", "needs a digit before the point"},
		{"ninety%", `"ninety%" is not a figure`},
		{"90 parsecs", `"parsecs" is not a unit`},
		{"1.5 failures", "must be whole"},
		{"<", "there is no figure"},
		{"£5%", "money cannot also be percent"},
		{"-5%", `a sign (-) is not read: figures and targets are written without one, as zero or more`},
		{"1e5", `"e5" is not a unit`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := kpi.ParseWritten(tt.in)
			var pe *kpi.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.in, pe.Input)
			assert.ErrorContains(t, err, tt.cause)
			assert.Contains(t, err.Error(), `"`+tt.in+`"`, "the message quotes the input")
		})
	}
	_, err := kpi.ParseFigure("< 5%")
	assert.ErrorContains(t, err, "a figure with no comparison")
}

func TestWrittenUnmarshal(t *testing.T) {
	var w kpi.Written
	require.NoError(t, w.UnmarshalText([]byte("Not greater than 3%")))
	assert.Equal(t, kpi.AtMost, w.Comparison)
	b, err := w.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "<= 3%", string(b))
	assert.Error(t, w.UnmarshalText([]byte("3,0%")))
	assert.True(t, kpi.Below.Strict())
	assert.False(t, kpi.AtMost.Strict())
	assert.Equal(t, "Comparison(9)", kpi.Comparison(9).String())
}

func TestNames(t *testing.T) {
	for st := kpi.Exceeded; st <= kpi.Excluded; st++ {
		back, err := kpi.ParseStatus(st.String())
		require.NoError(t, err)
		assert.Equal(t, st, back)
		b, err := st.MarshalText()
		require.NoError(t, err)
		var u kpi.Status
		require.NoError(t, u.UnmarshalText(b))
		assert.Equal(t, st, u)
	}
	st, err := kpi.ParseStatus("Not Due")
	require.NoError(t, err)
	assert.Equal(t, kpi.NotDue, st)
	_, err = kpi.ParseStatus("amber")
	assert.ErrorContains(t, err, `"amber"`)
	assert.True(t, kpi.Failed.WorseThan(kpi.Missed))
	assert.False(t, kpi.NoData.WorseThan(kpi.Met))
	assert.True(t, kpi.Exceeded.OnTarget())
	assert.False(t, kpi.Tolerance.OnTarget())

	for u := kpi.Percent; u <= kpi.Number; u++ {
		back, err := kpi.ParseUnit(u.String())
		require.NoError(t, err)
		assert.Equal(t, u, back)
	}
	for a := kpi.RatioOfSums; a <= kpi.Maximum; a++ {
		back, err := kpi.ParseAggregation(a.String())
		require.NoError(t, err)
		assert.Equal(t, a, back)
	}
	for _, p := range []kpi.Polarity{kpi.HigherIsBetter, kpi.LowerIsBetter} {
		back, err := kpi.ParsePolarity(p.String())
		require.NoError(t, err)
		assert.Equal(t, p, back)
	}
	for _, tr := range []kpi.Tier{kpi.TierKPI, kpi.TierPI, kpi.TierContextual} {
		back, err := kpi.ParseTier(tr.String())
		require.NoError(t, err)
		assert.Equal(t, tr, back)
	}
	_, err = kpi.ParseUnit("furlongs")
	assert.Error(t, err)
	_, err = kpi.ParseAggregation("average")
	assert.Error(t, err)
	_, err = kpi.ParsePolarity("sideways")
	assert.Error(t, err)
	_, err = kpi.ParseTier("gold")
	assert.Error(t, err)
	_, err = kpi.Unit(0).MarshalText()
	assert.Error(t, err)
}
