package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// rollingFile is a tram contract whose punctuality is judged on a rolling
// three months, reported monthly: PUN with counts (trams on time of trams
// run), PCT as percentages without counts.
const rollingFile = `
id: TRAM
start: 2019-06-01
regimes:
  - name: Tram performance
    from: 2019-06
    kpis:
      - ref: PUN
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        rolling: 3
        target: 90%
      - ref: PCT
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        rolling: 3
        target: 90%
`

// TestRollingWindowThroughAFile, worked by hand:
//
//	PUN    month's counts  window (to the month)       window figure   status
//	Jun-19 90 of 100       Jun (no months before)      90/100 = 90%    met
//	Jul-19 95 of 100       Jun-Jul                     185/200 = 92.5% met
//	Aug-19 80 of 100       Jun-Aug                     265/300 = 88.33% missed
//	Sep-19 99 of 100       Jul-Sep                     274/300 = 91.33% met
//	Oct-19 75 of 100       Aug-Oct                     254/300 = 84.67% missed
//
// Sep-19 alone (99%) and Aug-19's window disagree with the months' own
// figures: the window decides. PCT has percentages without counts, so the
// window is rated on the range its months bound: Jun-Aug 91, 93, 95 is
// between 91% and 95%, all of it met; Jul-Sep 93, 95, 85 spans met to
// missed and is not measurable (the reason names the bands best first).
func TestRollingWindowThroughAFile(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(rollingFile), "tram.yaml", contract.YAML)
	require.NoError(t, err)
	const figures = `kpi,period,value,numerator,denominator
PUN,Jun-19,,90,100
PUN,Jul-19,,95,100
PUN,Aug-19,,80,100
PUN,Sep-19,,99,100
PUN,Oct-19,,75,100
PCT,Jun-19,91,,
PCT,Jul-19,93,,
PCT,Aug-19,95,,
PCT,Sep-19,85,,
PCT,Oct-19,95,,
`
	obs, err := contract.ReadObservations(strings.NewReader(figures), "tram.csv", c)
	require.NoError(t, err)
	want := []struct{ month, kpi, status, reason, note string }{
		{"Jun-19", "PUN", "met", "rolling 3 months to Jun-19: 90.00% meets the target of 90%",
			"rolling 3 months, Apr-19 to Jun-19 (1 with figures); Jun-19 alone: 90.00%, met"},
		{"Jul-19", "PUN", "met", "rolling 3 months to Jul-19: 92.50% meets the target of 90%",
			"rolling 3 months, May-19 to Jul-19 (2 with figures); Jul-19 alone: 95.00%, met"},
		{"Aug-19", "PUN", "missed", "rolling 3 months to Aug-19: 88.33% is below the target of 90%",
			"rolling 3 months, Jun-19 to Aug-19; Aug-19 alone: 80.00%, missed"},
		{"Sep-19", "PUN", "met", "rolling 3 months to Sep-19: 91.33% meets the target of 90%",
			"rolling 3 months, Jul-19 to Sep-19; Sep-19 alone: 99.00%, met"},
		{"Oct-19", "PUN", "missed", "rolling 3 months to Oct-19: 84.67% is below the target of 90%",
			"rolling 3 months, Aug-19 to Oct-19; Oct-19 alone: 75.00%, missed"},
		{"Aug-19", "PCT", "met", "rolling 3 months to Aug-19: between 91% and 95% (figures without counts, so only their range is known): all of it meets the target of 90%, so met",
			"rolling 3 months, Jun-19 to Aug-19; Aug-19 alone: 95%, met"},
		{"Sep-19", "PCT", "not_measurable", "rolling 3 months to Sep-19: between 85% and 95% (figures without counts, so only their range is known), which spans met to missed: the counts are needed to rate it",
			"rolling 3 months, Jul-19 to Sep-19; Sep-19 alone: 85%, missed"},
	}
	for _, w := range want {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(w.month)))
		require.NoError(t, err)
		row, ok := sc.Row(w.kpi)
		require.True(t, ok)
		assert.Equal(t, w.status, row.Status.String(), "%s %s", w.kpi, w.month)
		assert.Equal(t, w.reason, row.Result.Reason(), "%s %s", w.kpi, w.month)
		assert.Contains(t, row.Notes, w.note, "%s %s", w.kpi, w.month)
	}
}

// TestRollingWindowErrors: a rolling window is 2 to 36 months of a monthly
// KPI whose aggregation combines months.
func TestRollingWindowErrors(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"        rolling: 3\n        target: 90%\n      - ref: PCT", "        rolling: 1\n        target: 90%\n      - ref: PCT",
			"tram.yaml:11: regimes[0].kpis[0].rolling: a rolling window is 2 to 36 months, not 1 (omit it to rate each month on its own figure)"},
		{"        frequency: monthly\n        rolling: 3\n        target: 90%\n      - ref: PCT", "        frequency: quarterly\n        rolling: 3\n        target: 90%\n      - ref: PCT",
			"tram.yaml:11: regimes[0].kpis[0].rolling: a rolling window is of months: the KPI must be monthly, not quarterly"},
		{"aggregation: ratio_of_sums}\n        frequency: monthly\n        rolling: 3\n        target: 90%\n      - ref: PCT", "aggregation: latest}\n        frequency: monthly\n        rolling: 3\n        target: 90%\n      - ref: PCT",
			"tram.yaml:11: regimes[0].kpis[0].rolling: a rolling window combines its months' figures, which aggregation latest does not"},
	} {
		require.Equal(t, 1, strings.Count(rollingFile, c.old), c.old)
		_, err := contract.Decode(strings.NewReader(strings.Replace(rollingFile, c.old, c.new, 1)), "tram.yaml", contract.YAML)
		require.Error(t, err)
		assert.Contains(t, err.Error(), c.want)
	}
}
