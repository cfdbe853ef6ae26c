package contract_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime/render"
)

// scaleFile is a bus quality regime as such regimes publish it: each
// measure scored on a five-point scale with no target of its own (5
// Exceptional at 98% or more, 4 Strong at 95%, 3 Acceptable at 90%, 2
// Adequate at 85%, 1 Unsatisfactory below), the status of each band stated
// beside it; TOP the same scale with the level of Exceptional not
// published; and CALLS, a contextual measure (calls received), reported
// for information with no target. Unsatisfactory costs 2 points at £100 a
// point.
const scaleFile = `
id: BUS
start: 2016-04-01
monthly_charge: 100000
regimes:
  - name: Quality
    from: 2016-04
    kpis:
      - &scaled
        ref: CLEAN
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        bands:
          ladder:
            - {score: 5, name: Exceptional, status: exceeded, level: 98}
            - {score: 4, name: Strong, status: met, level: 95}
            - {score: 3, name: Acceptable, status: met, level: 90}
            - {score: 2, name: Adequate, status: tolerance, level: 85}
            - {score: 1, name: Unsatisfactory, status: failed, points: 2}
      - {<<: *scaled, ref: PUNCT}
      - {<<: *scaled, ref: INFO}
      - {<<: *scaled, ref: STAFF}
      - ref: TOP
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        bands:
          ladder:
            - {score: 5, name: Exceptional, status: exceeded, level: not published}
            - {score: 4, name: Strong, status: met, level: 95}
            - {score: 3, name: Acceptable, status: met, level: 90}
            - {score: 2, name: Adequate, status: tolerance, level: 85}
            - {score: 1, name: Unsatisfactory, status: failed, points: 2}
      - ref: CALLS
        tier: contextual
        description: Calls received
        measure: {unit: number, polarity: lower_is_better, aggregation: sum}
        frequency: monthly
    credits:
      - {type: points, rate: 0.1}
`

// TestScoreScaleAndContext, worked by hand for May 2016:
//
//	CLEAN 98.5%  at or above 98: 5 Exceptional (exceeded)
//	PUNCT 96%    at or above 95, below 98: 4 Strong (met)
//	INFO  89.99% below 90, at or above 85: 2 Adequate (tolerance)
//	STAFF 80%    below 85: 1 Unsatisfactory (failed), 2 points, 0.1% of
//	             £100,000 a point = £200
//	TOP   96%    at or above 95, the level above not published: 5 or 4,
//	             not measurable; none reported, so no score
//	CALLS 1234   for information (not rated), down from 1300 in April:
//	             improving, as fewer calls is better; no money
//
// Summary: 6 rows, CALLS for information; scored CLEAN, PUNCT, INFO,
// STAFF: 5+4+2+1 = 12 of 4×5 = 20, 60.00% of the maximum, mean 12/4 =
// 3.00; TOP on the scale but not scored. Counts: 1 exceeded, 1 met, 1 tolerance, 1 failed, 1 not
// measurable, and CALLS apart. On target (exceeded or met): CLEAN, PUNCT =
// 2 of the 5 rows not for information, 40.00%; of the 4 rated (TOP is not
// measurable), 2 of 4 = 50.00%. Credits £200.
func TestScoreScaleAndContext(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(scaleFile), "bus.yaml", contract.YAML)
	require.NoError(t, err)
	const figures = "kpi,period,value\n" +
		"CALLS,Apr-16,1300\n" +
		"CLEAN,May-16,98.5\nPUNCT,May-16,96\nINFO,May-16,89.99\nSTAFF,May-16,80\nTOP,May-16,96\nCALLS,May-16,1234\n"
	obs, err := contract.ReadObservations(strings.NewReader(figures), "bus.csv", c)
	require.NoError(t, err)
	sc, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	require.NoError(t, err)
	for _, w := range []struct {
		kpi, status, reason string
		score               int
		scored              bool
		credit              string
	}{
		{"CLEAN", "exceeded", "98.5% is at or above 98%: 5 Exceptional (exceeded)", 5, true, "0"},
		{"PUNCT", "met", "96% is below 98%, the level of 5 Exceptional (exceeded): 4 Strong (met), at or above 95%", 4, true, "0"},
		{"INFO", "tolerance", "89.99% is below 90%, the level of 3 Acceptable (met): 2 Adequate (tolerance), at or above 85%", 2, true, "0"},
		{"STAFF", "failed", "80% is below 85%, the level of 2 Adequate (tolerance): 1 Unsatisfactory (failed)", 1, true, "200"},
		{"TOP", "not_measurable", "96% is at or above 95%, the level of 4 Strong (met), and the level of 5 Exceptional (exceeded), which decides the rest, is not published: 5 Exceptional (exceeded) or 4 Strong (met) cannot be told apart", 0, false, "0"},
		{"CALLS", "info", "1234, for information (not rated)", 0, false, "0"},
	} {
		row, ok := sc.Row(w.kpi)
		require.True(t, ok, w.kpi)
		assert.Equal(t, w.status, row.Status.String(), w.kpi)
		assert.Equal(t, w.reason, row.Result.Reason(), w.kpi)
		score, scored := row.Result.Score()
		assert.Equal(t, w.scored, scored, w.kpi)
		assert.Equal(t, w.score, score, w.kpi)
		assert.Equal(t, w.credit, row.Credit.String(), w.kpi)
	}
	calls, _ := sc.Row("CALLS")
	assert.True(t, calls.HasTrend)
	assert.Equal(t, "improving", calls.Trend.String(), "1,234 calls after 1,300, lower is better")
	assert.False(t, calls.Failing)
	assert.Equal(t, "For information", calls.Label)

	s := sc.Summary
	assert.Equal(t, 6, s.Total)
	assert.Equal(t, 1, s.ForInfo)
	assert.Equal(t, 4, s.Scored)
	assert.Equal(t, 1, s.Unscored, "TOP")
	assert.Equal(t, 12, s.Score)
	assert.Equal(t, 20, s.MaxScore)
	assert.Equal(t, "60", s.ScoreShare.String())
	assert.Equal(t, "3", s.MeanScore.String())
	assert.Equal(t, 2, s.OnTarget)
	assert.Equal(t, 4, s.Rated)
	assert.Equal(t, "40", s.ShareOnTarget.String())
	assert.Equal(t, "50", s.ShareOnTargetRated.String())
	assert.Equal(t, "200", s.Credits.String())
	assert.NotContains(t, s.ByStatus, "info", "counted apart")
	assert.Equal(t, []string{"INFO", "STAFF"}, s.Exceptions, "CALLS is never an exception")

	// Every output carries the score and its band.
	card := render.Card{Contract: "BUS", Scorecard: sc}
	var text bytes.Buffer
	require.NoError(t, render.Text(&text, card))
	lines := strings.Split(text.String(), "\n")
	assert.Equal(t, []string{"Service", "area", "Ref", "Description", "Target", "Actual", "Status", "Score", "Points", "Credit", "Notes"}, strings.Fields(lines[2]))
	assert.Equal(t, []string{"CLEAN", "98.5%", "Exceeded", "5", "Exceptional"}, strings.Fields(lines[3]))
	assert.Contains(t, text.String(), "Score: 12 of 20 (60.00% of the maximum); mean 3.00 over 4 KPIs; 1 on the scale not scored.")
	assert.Contains(t, text.String(), "6 KPIs: 1 Exceeded, 1 Met, 1 Tolerance, 1 Failed, 1 Not measurable, 1 for information.")
	var md bytes.Buffer
	require.NoError(t, render.Markdown(&md, card))
	assert.Contains(t, md.String(), "| Status | Score |")
	assert.Contains(t, md.String(), "| Met | 4 Strong |")
	var csvOut bytes.Buffer
	require.NoError(t, render.CSV(&csvOut, card))
	assert.Contains(t, csvOut.String(), ",band,score,")
	assert.Contains(t, csvOut.String(), ",Adequate,2,")
	var html bytes.Buffer
	require.NoError(t, render.HTML(&html, card))
	assert.Contains(t, html.String(), "<th>Score</th>")
	assert.Contains(t, html.String(), "<td>1 Unsatisfactory</td>")
	assert.Contains(t, html.String(), "For information, not rated")
	assert.Equal(t, 1, strings.Count(html.String(), "cannot be told apart"), "TOP's reason once, in its notes")
	var js bytes.Buffer
	require.NoError(t, render.JSON(&js, card))
	var doc struct {
		Scorecards []struct {
			Rows []struct {
				KPI      string `json:"kpi"`
				Band     string `json:"band"`
				Score    *int   `json:"score"`
				MaxScore int    `json:"max_score"`
			} `json:"rows"`
			Summary struct {
				ForInfo    int    `json:"for_info"`
				Score      int    `json:"score"`
				MaxScore   int    `json:"max_score"`
				ScoreShare string `json:"score_share"`
			} `json:"summary"`
		} `json:"scorecards"`
	}
	require.NoError(t, json.Unmarshal(js.Bytes(), &doc))
	rows := doc.Scorecards[0].Rows
	require.Len(t, rows, 6)
	assert.Equal(t, "Exceptional", rows[0].Band)
	require.NotNil(t, rows[0].Score)
	assert.Equal(t, 5, *rows[0].Score)
	assert.Equal(t, 5, rows[0].MaxScore)
	assert.Nil(t, rows[4].Score, "TOP could not be scored")
	assert.Nil(t, rows[5].Score, "CALLS is not rated")
	sum := doc.Scorecards[0].Summary
	assert.Equal(t, 1, sum.ForInfo)
	assert.Equal(t, 12, sum.Score)
	assert.Equal(t, 20, sum.MaxScore)
	assert.Equal(t, "60.00", sum.ScoreShare)
}

// TestScoreScaleTopBandReported: TOP's 96% reported as exceeded is taken
// (5 or 4 are both possible), as reported and not verifiable; 92% reported
// as exceeded is contradicted by the published 95% (92% is below it, so at
// most 3 Acceptable): not measurable, and a disagreement.
func TestScoreScaleTopBandReported(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(scaleFile), "bus.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value,status\nTOP,May-16,96,exceeded\nTOP,Jun-16,92,exceeded\n"), "bus.csv", c)
	require.NoError(t, err)
	may, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	require.NoError(t, err)
	row, _ := may.Row("TOP")
	assert.Equal(t, "exceeded", row.Status.String())
	assert.True(t, row.Result.Unverifiable())
	score, ok := row.Result.Score()
	assert.True(t, ok)
	assert.Equal(t, 5, score)
	jun, err := c.Score(obs, period.Must(period.ParseLabel("Jun-16")))
	require.NoError(t, err)
	row, _ = jun.Row("TOP")
	assert.Equal(t, "met", row.Status.String(), "92% is decided by the published levels: 3 Acceptable")
	assert.True(t, row.Disagrees)
	score, _ = row.Result.Score()
	assert.Equal(t, 3, score)
}

// TestNoTargetRules: a KPI with no target may have only levels that are
// figures, and a contextual measure takes no bands.
func TestNoTargetRules(t *testing.T) {
	for _, c := range []struct{ name, kpi, want string }{
		{"a level from the target", `{ref: X, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly,
         bands: {ladder: [{status: met, level: target-2}, {status: missed}]}}`,
			"bus.yaml:8: regimes[0].kpis[0].bands.ladder[0].level: target-2 is set from the target, and the KPI has none: give the level as a figure"},
		{"a contextual measure with bands", `{ref: X, tier: contextual, measure: {unit: number, polarity: lower_is_better, aggregation: sum}, frequency: monthly,
         bands: {scheme: target_only}}`,
			"bus.yaml:8: regimes[0].kpis[0].bands: a contextual measure is reported for information and never rated, so it has no bands (make it tier pi to rate it without consequences)"},
		{"no target on an ordinary KPI", `{ref: X, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly}`,
			"regimes[0].kpis[0].target: a KPI needs its target"},
		{"a score rising down the ladder", `{ref: X, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly,
         bands: {ladder: [{score: 1, status: met, level: 90}, {score: 2, status: missed}]}}`,
			"regimes[0].kpis[0].bands.ladder[1].score: a score of 2 is higher than the 1 above it: bands go from best to worst"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := "id: X\nstart: 2016-04-01\nregimes:\n  - name: R\n    from: 2016-04\n    kpis:\n      - " + c.kpi + "\n"
			_, err := contract.Decode(strings.NewReader(file), "bus.yaml", contract.YAML)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// TestContextualInAView: over Q1 2016/17 a contextual count is shown as
// its total, 1300 + 1234 + 1100 = 3634 calls, for information; a rated
// count would not be rated against one month's levels, but this one is
// never rated at all.
func TestContextualInAView(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(scaleFile), "bus.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nCALLS,Apr-16,1300\nCALLS,May-16,1234\nCALLS,Jun-16,1100\n"), "bus.csv", c)
	require.NoError(t, err)
	sc, err := c.Score(obs, period.Must(period.ParseLabel("Q1 2016/17")))
	require.NoError(t, err)
	row, _ := sc.Row("CALLS")
	assert.Equal(t, "info", row.Status.String())
	v, ok := row.Result.Actual()
	require.True(t, ok)
	assert.Equal(t, "3634", v.String())
	assert.Equal(t, map[kpi.Status]int{kpi.Info: 3}, row.Tally)
	assert.Equal(t, 1, sc.Summary.ForInfo)
	assert.True(t, row.Points.IsZero())
}
