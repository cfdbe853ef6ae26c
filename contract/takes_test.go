package contract_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// TestOnTrackSeed000 is the projection flag on seed 000's R&B collection
// KPIs, read from the Peterborough example's contract file and return. The
// return's note on every one says "On track to meet annual target of
// ...". The library projects each figure to the year end as actual ×
// annual ÷ profiled (rounded to 2 places) and calls it on track where the
// figure reaches its profiled target; where the note claims on track and
// the projection says not, the row disagrees. By hand:
//
//	           actual  profile  annual  projected                               on track
//	Apr-16
//	R&B-K-001  10.96   11.36    95.8    10.96×95.8÷11.36 = 1049.968÷11.36 = 92.43  no  → flagged
//	R&B-K-002  10.87   11.56    97.8    10.87×97.8÷11.56 = 1063.086÷11.56 = 91.96  no  → flagged
//	R&B-K-007   2.83    2.57    14.31    2.83×14.31÷2.57 = 40.4973÷2.57  = 15.76  yes
//	R&B-K-008   7.96    7.35    30       7.96×30÷7.35    = 238.8÷7.35    = 32.49  yes
//	R&B-K-009a  2.74    2.72    26       2.74×26÷2.72    = 71.24÷2.72    = 26.19  yes
//	R&B-K-009b 49.34   56.50    63      49.34×63÷56.50   = 3108.42÷56.5  = 55.02  no  → flagged
//	May-16
//	R&B-K-001  20.32   20.31    95.8    20.32×95.8÷20.31 = 1946.656÷20.31 = 95.85  yes
//	R&B-K-002  19.85   19.84    97.8    19.85×97.8÷19.84 = 1941.33÷19.84  = 97.85  yes
//	R&B-K-007   4.81    4.56    14.31    4.81×14.31÷4.56 = 68.8311÷4.56  = 15.09  yes
//	R&B-K-008   9.96   11.25    30       9.96×30÷11.25   = 298.8÷11.25   = 26.56  no  → flagged
//	R&B-K-009a  5.04    5.00    26       5.04×26÷5.00    = 131.04÷5      = 26.21  yes
//	R&B-K-009b 59.01   60.00    63      59.01×63÷60.00   = 3717.63÷60    = 61.96  no  → flagged
//
// R&B-K-008 in May is the issue's case: the note says "On track to meet
// annual target of 30%", the projection about 26.6%.
func TestOnTrackSeed000(t *testing.T) {
	file, err := os.ReadFile("../examples/peterborough/pssp.yaml")
	require.NoError(t, err)
	figures, err := os.ReadFile("../examples/peterborough/pssp-2016.csv")
	require.NoError(t, err)
	c, err := contract.Decode(strings.NewReader(string(file)), "pssp.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader(string(figures)), "pssp-2016.csv", c)
	require.NoError(t, err)
	type want struct {
		projected string
		onTrack   bool
	}
	for _, month := range []struct {
		label   string
		rows    map[string]want
		flagged []string
	}{
		{"Apr-16", map[string]want{
			"R&B-K-001": {"92.43", false}, "R&B-K-002": {"91.96", false}, "R&B-K-007": {"15.76", true},
			"R&B-K-008": {"32.49", true}, "R&B-K-009a": {"26.19", true}, "R&B-K-009b": {"55.02", false},
		}, []string{"R&B-K-001", "R&B-K-002", "R&B-K-009b"}},
		{"May-16", map[string]want{
			"R&B-K-001": {"95.85", true}, "R&B-K-002": {"97.85", true}, "R&B-K-007": {"15.09", true},
			"R&B-K-008": {"26.56", false}, "R&B-K-009a": {"26.21", true}, "R&B-K-009b": {"61.96", false},
		}, []string{"R&B-K-008", "R&B-K-009b"}},
	} {
		t.Run(month.label, func(t *testing.T) {
			sc, err := c.Score(obs, period.Must(period.ParseLabel(month.label)))
			require.NoError(t, err)
			for ref, w := range month.rows {
				row, ok := sc.Row(ref)
				require.True(t, ok, ref)
				f, ok := row.Forecast()
				require.True(t, ok, ref)
				assert.Equal(t, w.projected, f.Projected.String(), ref)
				assert.Equal(t, w.onTrack, f.OnTrack, ref)
				assert.Equal(t, !w.onTrack, row.NoteDisagrees, ref)
			}
			assert.Equal(t, month.flagged, sc.Summary.Disagreements)
			// A KPI with no cumulative profile has no projection.
			row, _ := sc.Row("CS-K-002")
			_, ok := row.Forecast()
			assert.False(t, ok)
		})
	}
}

// TestOnTrackPhrases: the phrases a note claims on track with, in any case.
func TestOnTrackPhrases(t *testing.T) {
	for note, claims := range map[string]bool{
		"On track to meet annual target of 30%":   true,
		"ON TRACK":                                true,
		"On target to meet the annual target":     true,
		"not on track: a large debtor went under": false,
		"off track":                    false,
		"Overall annual target is 85%": false,
		"":                             false,
	} {
		assert.Equal(t, claims, regime.ClaimsOnTrack(note), note)
	}
}

// callsFile is a call-answering KPI with counts: 90% target, detriment at
// 87%, failure at 84%, each level below the target exclusive; a point for
// missed, two for detriment, three for failed, each point 1% of the
// monthly charge of £100,000 (£1,000), doubled for a repeat failure.
const callsFile = `
id: CALLS
start: 2015-04-01
monthly_charge: 100000
regimes:
  - name: Calls
    from: 2015-04
    repeat: 2
    kpis:
      - ref: CALLS
        description: Calls answered within 20 seconds
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_detriment_failure, detriment: 87, failure: 84, points: {missed: 1, detriment: 2, failed: 3}}
      - ref: ABANDONED
        description: Calls abandoned
        measure: {unit: percent, polarity: lower_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: "< 5%"
        bands: {scheme: target_only, points: {missed: 1}}
    credits:
      - {type: points, rate: 1}
`

// TestWhatItTakesCalls is the figure needed for a percentage KPI with
// counts, through a contract file and a return, by hand:
//
//	CALLS May-16: 887 of 1,000 = 88.70%, below 90 but above 87: missed,
//	  1 point, £1,000. Met needs 90 × 1,000 ÷ 100 = 900 answered: 13 more.
//	  At stake in Jun-16 if it stays missed: a repeat, 1 × 2 = 2 points,
//	  2% of Jun-16's charge of £100,000 = £2,000.
//	ABANDONED May-16: 52 of 1,000 = 5.20%, not below 5%: missed. Below 5%
//	  of 1,000 is fewer than 50: at most 49, 3 fewer.
//	CALLS Jun-16: 950 of 1,000: met, nothing needed, nothing at stake.
func TestWhatItTakesCalls(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(callsFile), "calls.yaml", contract.YAML)
	require.NoError(t, err)
	const figures = "kpi,period,value,numerator,denominator\n" +
		"CALLS,May-15,,870,1000\nABANDONED,May-15,,40,1000\n" +
		"CALLS,May-16,,887,1000\nABANDONED,May-16,,52,1000\n" +
		"CALLS,Jun-16,,950,1000\nABANDONED,Jun-16,,30,1000\n"
	obs, err := contract.ReadObservations(strings.NewReader(figures), "calls.csv", c)
	require.NoError(t, err)
	l, err := c.Run(obs, period.Must(period.ParseMonth("Jun-16")))
	require.NoError(t, err)
	may := period.Must(period.ParseLabel("May-16"))
	sc, err := l.Scorecard(may)
	require.NoError(t, err)
	for _, r := range sc.Rows {
		assert.Nil(t, r.Takes, "scoring alone works out nothing")
	}
	require.NoError(t, l.WhatItTakes(sc))

	calls, _ := sc.Row("CALLS")
	require.Equal(t, kpi.Missed, calls.Status)
	require.NotNil(t, calls.Takes)
	require.Len(t, calls.Takes.Needs, 1)
	n := calls.Takes.Needs[0]
	assert.Equal(t, kpi.Met, n.Status)
	assert.Equal(t, "90", n.Level.String())
	assert.Equal(t, "900", n.Cases.String())
	assert.Equal(t, "13", n.More.String())
	assert.True(t, calls.Takes.HasAtStake)
	assert.Equal(t, "2000", calls.Takes.AtStake.String())
	assert.True(t, calls.Takes.ChargeGiven)
	assert.Equal(t, []string{
		"needed for met: at least 90% (900 of 1000, 13 more)",
		"at stake in Jun-16 if it stays so: £2,000.00",
	}, calls.Takes.Notes())

	ab, _ := sc.Row("ABANDONED")
	require.NotNil(t, ab.Takes)
	require.Len(t, ab.Takes.Needs, 1)
	assert.Equal(t, "met: below 5% (at most 49 of 1000, 3 fewer)", ab.Takes.Needs[0].String())

	jun, err := l.Scorecard(period.Must(period.ParseLabel("Jun-16")))
	require.NoError(t, err)
	require.NoError(t, l.WhatItTakes(jun))
	met, _ := jun.Row("CALLS")
	assert.Nil(t, met.Takes, "met: nothing to show")
}

// TestCompareYearBefore compares May 2016 with May 2015, by hand:
//
//	CALLS      May-15 870/1000 = 87.00%: detriment (87 is not above 87),
//	           2 points, £2,000. May-16 88.70%, missed: the margin against
//	           90 went from −3.00 to −1.30: improved.
//	ABANDONED  May-15 40/1000 = 4.00%: met. May-16 5.20%: missed; lower is
//	           better, the margin went from +1.00 to −0.20: worsened.
//
// June 2015 has no figures in the ledger: its rows are not found, and a
// ledger that does not reach back a year marks every row not found.
func TestCompareYearBefore(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(callsFile), "calls.yaml", contract.YAML)
	require.NoError(t, err)
	const figures = "kpi,period,value,numerator,denominator\n" +
		"CALLS,May-15,,870,1000\nABANDONED,May-15,,40,1000\n" +
		"CALLS,May-16,,887,1000\nABANDONED,May-16,,52,1000\n"
	obs, err := contract.ReadObservations(strings.NewReader(figures), "calls.csv", c)
	require.NoError(t, err)
	l, err := c.Run(obs, period.Must(period.ParseMonth("May-16")))
	require.NoError(t, err)
	sc, err := l.Scorecard(period.Must(period.ParseLabel("May-16")))
	require.NoError(t, err)
	require.NoError(t, l.CompareYearBefore(sc))
	assert.Equal(t, "2015-05", sc.YearBefore.String())

	calls, _ := sc.Row("CALLS")
	require.NotNil(t, calls.YearBefore)
	yb := calls.YearBefore
	assert.True(t, yb.Found)
	assert.Equal(t, kpi.Detriment, yb.Status)
	a, _ := yb.Result.Actual()
	assert.Equal(t, "87.00", a.StringFixed(2))
	assert.Equal(t, "2000", yb.Credit.String())
	assert.Equal(t, regime.Improved, yb.Travel)

	ab, _ := sc.Row("ABANDONED")
	assert.Equal(t, kpi.Met, ab.YearBefore.Status)
	assert.Equal(t, regime.Worsened, ab.YearBefore.Travel)

	// A year before the ledger's first month: nothing to compare with.
	first, err := l.Scorecard(period.Must(period.ParseLabel("May-15")))
	require.NoError(t, err)
	require.NoError(t, l.CompareYearBefore(first))
	for _, r := range first.Rows {
		require.NotNil(t, r.YearBefore)
		assert.False(t, r.YearBefore.Found)
		assert.Equal(t, regime.NotCompared, r.YearBefore.Travel)
	}
}
