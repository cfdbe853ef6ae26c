package kpi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
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
		{"--5%", `"--5%" has two signs`},
		{"1e5", `"e5" is not a unit`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := kpi.ParseWritten(tt.in)
			var pe *period.ParseError
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

// TestWrittenTargetForms reads every form of a target that UK contracts write,
// with the comparison, value and unit each means written out by hand, and
// checks that each writes back (as Written.String does) to text that reads
// to the same value.
func TestWrittenTargetForms(t *testing.T) {
	tests := []struct {
		in    string
		cmp   kpi.Comparison
		value string
		unit  kpi.Unit
	}{
		// A comparison after the level, which it includes.
		{"88% or more", kpi.AtLeast, "88", kpi.Percent},
		{"88 per cent or more", kpi.AtLeast, "88", kpi.Percent},
		{"88% or above", kpi.AtLeast, "88", kpi.Percent},
		{"88% or higher", kpi.AtLeast, "88", kpi.Percent},
		{"88% or greater", kpi.AtLeast, "88", kpi.Percent},
		{"88% and above", kpi.AtLeast, "88", kpi.Percent},
		{"88% and over", kpi.AtLeast, "88", kpi.Percent},
		{"3% or less", kpi.AtMost, "3", kpi.Percent},
		{"3% or fewer", kpi.AtMost, "3", kpi.Percent},
		{"3 failures or fewer", kpi.AtMost, "3", kpi.Failures},
		{"3% or below", kpi.AtMost, "3", kpi.Percent},
		{"3% or lower", kpi.AtMost, "3", kpi.Percent},
		{"3% and below", kpi.AtMost, "3", kpi.Percent},
		{"3% and under", kpi.AtMost, "3", kpi.Percent},
		{"88 or more", kpi.AtLeast, "88", 0},
		{"88%  Or  More", kpi.AtLeast, "88", kpi.Percent},
		// At least: the level meets it.
		{"at least 88%", kpi.AtLeast, "88", kpi.Percent},
		{"not less than 88%", kpi.AtLeast, "88", kpi.Percent},
		{"no less than 88%", kpi.AtLeast, "88", kpi.Percent},
		{"no fewer than 3", kpi.AtLeast, "3", 0},
		{"not fewer than 3", kpi.AtLeast, "3", 0},
		{"minimum 85%", kpi.AtLeast, "85", kpi.Percent},
		{"a minimum of 85%", kpi.AtLeast, "85", kpi.Percent},
		{"minimum of 85%", kpi.AtLeast, "85", kpi.Percent},
		{"min 85%", kpi.AtLeast, "85", kpi.Percent},
		{">= 85%", kpi.AtLeast, "85", kpi.Percent},
		{"≥85%", kpi.AtLeast, "85", kpi.Percent},
		// At most: the level meets it.
		{"no more than 3%", kpi.AtMost, "3", kpi.Percent},
		{"not more than 3%", kpi.AtMost, "3", kpi.Percent},
		{"not greater than 3%", kpi.AtMost, "3", kpi.Percent},
		{"maximum 5%", kpi.AtMost, "5", kpi.Percent},
		{"a maximum of 5%", kpi.AtMost, "5", kpi.Percent},
		{"maximum of 5%", kpi.AtMost, "5", kpi.Percent},
		{"max 5%", kpi.AtMost, "5", kpi.Percent},
		{"at most 5%", kpi.AtMost, "5", kpi.Percent},
		{"not exceeding 5%", kpi.AtMost, "5", kpi.Percent},
		{"up to 5%", kpi.AtMost, "5", kpi.Percent},
		{"<= 5%", kpi.AtMost, "5", kpi.Percent},
		{"≤5%", kpi.AtMost, "5", kpi.Percent},
		// Above and below: strict, the level does not meet them.
		{"more than 88%", kpi.Above, "88", kpi.Percent},
		{"greater than 88%", kpi.Above, "88", kpi.Percent},
		{"over 88%", kpi.Above, "88", kpi.Percent},
		{"above 88%", kpi.Above, "88", kpi.Percent},
		{"exceeding 88%", kpi.Above, "88", kpi.Percent},
		{"> 88%", kpi.Above, "88", kpi.Percent},
		{"less than 5%", kpi.Below, "5", kpi.Percent},
		{"fewer than 3%", kpi.Below, "3", kpi.Percent},
		{"under 5%", kpi.Below, "5", kpi.Percent},
		{"below 5%", kpi.Below, "5", kpi.Percent},
		{"< 5%", kpi.Below, "5", kpi.Percent},
		// Whole numbers zero to twenty in words, in any case.
		{"three per cent", kpi.Unstated, "3", kpi.Percent},
		{"fewer than three per cent", kpi.Below, "3", kpi.Percent},
		{"no more than two failures", kpi.AtMost, "2", kpi.Failures},
		{"zero failures", kpi.Unstated, "0", kpi.Failures},
		{"One failure", kpi.Unstated, "1", kpi.Failures},
		{"TWENTY days", kpi.Unstated, "20", kpi.Days},
		{"seventeen", kpi.Unstated, "17", 0},
		{"Fewer Than Three Per Cent", kpi.Below, "3", kpi.Percent},
		{"three failures or fewer", kpi.AtMost, "3", kpi.Failures},
		// Case and spacing.
		{"NOT GREATER THAN 3%", kpi.AtMost, "3", kpi.Percent},
		{"At  Least\t88%", kpi.AtLeast, "88", kpi.Percent},
		{"under5%", kpi.Below, "5", kpi.Percent},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			w, err := kpi.ParseWritten(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.cmp, w.Comparison)
			assert.Equal(t, tt.value, w.Value.String())
			assert.Equal(t, tt.unit, w.Unit)
			back, err := kpi.ParseWritten(w.String())
			require.NoError(t, err)
			assert.True(t, w.Equal(back), "%q writes as %q, which reads as %v", tt.in, w.String(), back)
			_, err = kpi.ParseFigure(tt.in)
			if tt.cmp == kpi.Unstated {
				assert.NoError(t, err, "a figure")
			} else {
				assert.ErrorContains(t, err, "a figure with no comparison", "a figure refuses a comparison")
			}
		})
	}
}

func TestWrittenFormErrors(t *testing.T) {
	tests := []struct{ in, cause string }{
		{"at least 88% or more", `the comparison is given twice ("at least" and "or more" both mean >=)`},
		{"88% or more or above", `the comparison is given twice ("or more" and "or above" both mean >=)`},
		{"at least >= 88%", `the comparison is given twice ("at least" and ">=" both mean >=)`},
		{"no more than 3% or more", `the comparisons contradict ("no more than" means <= but "or more" means >=)`},
		{"more than 88% or more", `the comparisons contradict ("more than" means > but "or more" means >=)`},
		{"3% or less or more", `the comparisons contradict ("or less" means <= but "or more" means >=)`},
		{"three point five per cent", `"three point five per cent" is not read: numbers in words are read only for whole numbers from zero to twenty`},
		{"twenty-one per cent", `"twenty-one per cent" is not a figure: numbers in words are read only for whole numbers from zero to twenty`},
		{"ninety per cent", `numbers in words are read only for whole numbers from zero to twenty`},
		{"three hundred", `numbers in words are read only for whole numbers from zero to twenty`},
		{"£five", "write an amount of money in figures"},
		{"or more", `"or more" is not a figure`},
		{"88% or", `"% or" is not a unit`},
		{"88 percentor more", `"percentor more" is not a unit`},
		{"minimal 5%", `"minimal 5%" is not a figure`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := kpi.ParseWritten(tt.in)
			var pe *period.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.in, pe.Input)
			assert.ErrorContains(t, err, tt.cause)
		})
	}
}

// TestSignedValues: a value may carry a sign, before or after a £, or the
// minus sign reports print; whether the measure allows a negative figure is
// the definition's to say (TestSignedMeasures).
func TestSignedValues(t *testing.T) {
	for _, c := range []struct {
		in, value, unit, comparison, text string
	}{
		{"-28 days", "-28", "days", "unstated", "-28 days"},
		{"+15", "15", "", "unstated", "15"},
		{"−2%", "-2", "percent", "unstated", "-2%"},
		{"-£500.00", "-500", "money", "unstated", "-£500.00"},
		{"£-500.00", "-500", "money", "unstated", "-£500.00"},
		{"< -2 days", "-2", "days", "<", "< -2 days"},
		{"at least -5%", "-5", "percent", ">=", ">= -5%"},
	} {
		w, err := kpi.ParseWritten(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.value, w.Value.String(), c.in)
		unit := ""
		if w.Unit != 0 {
			unit = w.Unit.String()
		}
		assert.Equal(t, c.unit, unit, c.in)
		assert.Equal(t, c.text, w.String(), c.in)
		back, err := kpi.ParseWritten(w.String())
		require.NoError(t, err)
		assert.True(t, back.Equal(w), "%s reads back", c.in)
	}
}

// TestSignedMeasures: a negative figure or target is refused, naming the
// sign, for a measure that is not signed; a signed one takes it. Money
// may be negative without the flag; a count never is.
func TestSignedMeasures(t *testing.T) {
	days := kpi.Measure{Unit: kpi.Days, Polarity: kpi.HigherIsBetter, Aggregation: kpi.WeightedMean}
	spec := kpi.Spec{Ref: "V", Measure: days, Frequency: period.Monthly(), Target: written(t, ">= -2 days"), Bands: kpi.TargetOnly()}
	_, err := kpi.New(spec)
	assert.ErrorContains(t, err, "target: -2 has a sign, but a days figure is zero or more (a measure whose figures can be negative says signed: true)")

	spec.Measure.Signed = true
	d := mustDef(t, spec)
	may := period.Must(period.ParseLabel("May-16"))
	// A variance of -1 day (a day late) is at least -2: met; -3 is not.
	for fig, want := range map[string]kpi.Status{"-1": kpi.Met, "-2": kpi.Met, "-3": kpi.Missed, "5": kpi.Met} {
		o, err := d.ParseFigure(fig)
		require.NoError(t, err)
		r, err := kpi.Evaluate(d, may, o)
		require.NoError(t, err)
		assert.Equal(t, want, r.Status(), fig)
	}

	fails := kpi.Measure{Unit: kpi.Failures, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum, Signed: true}
	_, err = kpi.New(kpi.Spec{Ref: "F", Measure: fails, Frequency: period.Monthly(), Target: written(t, "0 failures")})
	assert.ErrorContains(t, err, "measure.signed: a failures is never negative")
}
