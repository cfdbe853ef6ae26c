package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// travelFile colours by target and trend together, as some councils do:
// Green at or above the target of 90%; Amber within 10% of it (at or above
// 90% of 90% = 81%), or further off but better than the same period last
// year; Red otherwise, a point at 1% of the £100,000 monthly charge,
// £1,000. PREV is the same with the previous month in place of last year.
const travelFile = `
id: TRAVEL
start: 2015-04-01
monthly_charge: 100000
regimes:
  - name: Council
    from: 2015-04
    kpis:
      - ref: YEAR
        measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands:
          ladder:
            - {name: Green, status: met, level: target}
            - {name: Amber, status: tolerance, level: 90% of target, or_better_than: same_period_last_year}
            - {name: Red, status: missed, points: 1}
      - ref: PREV
        measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands:
          ladder:
            - {name: Green, status: met, level: target}
            - {name: Amber, status: tolerance, level: 90% of target, or_better_than: previous_period}
            - {name: Red, status: missed, points: 1}
    credits:
      - {type: points, rate: 1}
`

// TestDirectionOfTravel, worked by hand:
//
//	YEAR May-16 75%  below 81%; May-15 was 70%: better, Amber
//	YEAR Jun-16 78%  below 81%; Jun-15 was 80%: not better, Red, £1,000
//	YEAR Jul-16 85%  at or above 81%: Amber, whatever last year was
//	YEAR Aug-16 70%  below 81%; no figure for Aug-15: Amber or Red, not
//	                 measurable
//	YEAR Sep-16 70%  as Aug-16, but reported missed: taken, as reported
//	PREV May-16 65%  below 81%; Apr-16 was 60%: better, Amber
//	PREV Jun-16 62%  below 81%; May-16 was 65%: not better, Red, £1,000
//	PREV Jul-16 62%  equal to Jun-16's 62%, which is not better: Red
func TestDirectionOfTravel(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(travelFile), "travel.yaml", contract.YAML)
	require.NoError(t, err)
	const figures = "kpi,period,value,status\n" +
		"YEAR,May-15,70,\nYEAR,Jun-15,80,\n" +
		"YEAR,May-16,75,\nYEAR,Jun-16,78,\nYEAR,Jul-16,85,\nYEAR,Aug-16,70,\nYEAR,Sep-16,70,missed\n" +
		"PREV,Apr-16,60,\nPREV,May-16,65,\nPREV,Jun-16,62,\nPREV,Jul-16,62,\n"
	obs, err := contract.ReadObservations(strings.NewReader(figures), "travel.csv", c)
	require.NoError(t, err)
	for _, w := range []struct {
		kpi, month, status, reason, credit string
		unverifiable                       bool
	}{
		{"YEAR", "May-16", "tolerance", "75% is below 81%, the level of Amber (tolerance), but better than 70% in May-15: Amber (tolerance)", "0", false},
		{"YEAR", "Jun-16", "missed", "78% is below 81%, the level of Amber (tolerance), and no better than 80% in Jun-15: Red (missed)", "1000", false},
		{"YEAR", "Jul-16", "tolerance", "85% is below the target of 90%: Amber (tolerance), at or above 81%", "0", false},
		{"YEAR", "Aug-16", "not_measurable", "70% is below 81%, the level of Amber (tolerance), and there is no figure for Aug-15 to compare with: Amber (tolerance) or Red (missed) cannot be told apart", "0", false},
		{"YEAR", "Sep-16", "missed", "70% is below 81%, the level of Amber (tolerance), with no figure for Sep-15 to compare with: missed as reported, not verifiable", "1000", true},
		{"PREV", "May-16", "tolerance", "65% is below 81%, the level of Amber (tolerance), but better than 60% in Apr-16: Amber (tolerance)", "0", false},
		{"PREV", "Jun-16", "missed", "62% is below 81%, the level of Amber (tolerance), and no better than 65% in May-16: Red (missed)", "1000", false},
		{"PREV", "Jul-16", "missed", "62% is below 81%, the level of Amber (tolerance), and no better than 62% in Jun-16: Red (missed)", "1000", false},
	} {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(w.month)))
		require.NoError(t, err)
		row, ok := sc.Row(w.kpi)
		require.True(t, ok)
		assert.Equal(t, w.status, row.Status.String(), "%s %s", w.kpi, w.month)
		assert.Equal(t, w.reason, row.Result.Reason(), "%s %s", w.kpi, w.month)
		assert.Equal(t, w.credit, row.Credit.String(), "%s %s", w.kpi, w.month)
		assert.Equal(t, w.unverifiable, row.Result.Unverifiable(), "%s %s", w.kpi, w.month)
	}
	// The row says how the direction of travel decided it, in every output.
	for month, note := range map[string]string{"May-16": "direction of travel: better than 70% in May-15", "Jun-16": "direction of travel: no better than 80% in Jun-15"} {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(month)))
		require.NoError(t, err)
		row, _ := sc.Row("YEAR")
		assert.Contains(t, row.Notes, note, month)
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("Jul-16")))
	require.NoError(t, err)
	row, _ := sc.Row("YEAR")
	assert.Empty(t, row.Notes, "85% reaches Amber's level: no comparison decided it")
}

// TestDirectionOfTravelRoundTrip: the condition survives writing the
// contract out and reading it back, and a bad one names the field.
func TestDirectionOfTravelRoundTrip(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(travelFile), "travel.yaml", contract.YAML)
	require.NoError(t, err)
	roundTrip(t, c, "travel")
	bad := strings.Replace(travelFile, "or_better_than: previous_period", "or_better_than: last week", 1)
	_, err = contract.Decode(strings.NewReader(bad), "travel.yaml", contract.YAML)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `travel.yaml:25: regimes[0].kpis[1].bands.ladder[1].or_better_than: cannot read "last week" as an earlier period (want previous_period or same_period_last_year)`)
	last := strings.Replace(travelFile, "{name: Red, status: missed, points: 1}", "{name: Red, status: missed, points: 1, or_better_than: previous_period}", 1)
	_, err = contract.Decode(strings.NewReader(last), "travel.yaml", contract.YAML)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bands.ladder[2].or_better_than: the last band takes every figure the others do not, so it has no condition")
}

// TestDirectionOfTravelInAView: a quarter of monthly figures is compared
// with the same quarter's aggregate a year before (YEAR) and with the
// quarter before (PREV). Worked by hand from the counts:
//
//	YEAR Q1 2015/16: 70 of 100 three times, 210 of 300 = 70%
//	YEAR Q1 2016/17: 75 of 100 three times, 225 of 300 = 75%: below 81%,
//	     better than 70%: Amber
//	PREV Q1 2016/17: 225 of 300 = 75%; Q2 2016/17: 72 of 100 three times,
//	     216 of 300 = 72%: below 81%, no better than 75%: Red
func TestDirectionOfTravelInAView(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(travelFile), "travel.yaml", contract.YAML)
	require.NoError(t, err)
	var b strings.Builder
	b.WriteString("kpi,period,value,numerator,denominator\n")
	for _, m := range []string{"Apr-15", "May-15", "Jun-15"} {
		b.WriteString("YEAR," + m + ",,70,100\n")
	}
	for _, m := range []string{"Apr-16", "May-16", "Jun-16"} {
		b.WriteString("YEAR," + m + ",,75,100\nPREV," + m + ",,75,100\n")
	}
	for _, m := range []string{"Jul-16", "Aug-16", "Sep-16"} {
		b.WriteString("PREV," + m + ",,72,100\n")
	}
	obs, err := contract.ReadObservations(strings.NewReader(b.String()), "travel.csv", c)
	require.NoError(t, err)
	q1, err := c.Score(obs, period.Must(period.ParseLabel("Q1 2016/17")))
	require.NoError(t, err)
	row, _ := q1.Row("YEAR")
	assert.Equal(t, "tolerance", row.Status.String())
	assert.Equal(t, "75% is below 81%, the level of Amber (tolerance), but better than 70% in Q1 2015/16: Amber (tolerance)", row.Result.Reason())
	q2, err := c.Score(obs, period.Must(period.ParseLabel("Q2 2016/17")))
	require.NoError(t, err)
	row, _ = q2.Row("PREV")
	assert.Equal(t, "missed", row.Status.String())
	assert.Equal(t, "72% is below 81%, the level of Amber (tolerance), and no better than 75% in Q1 2016/17: Red (missed)", row.Result.Reason())
}
