package render_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

// TestSharedMonthInEveryOutput: November 2019 is shared by Old 1 (to the
// 29th) and New 2 (from the 30th), each rating its part. The title names
// both, and each row the regime that rated it.
func TestSharedMonthInEveryOutput(t *testing.T) {
	w, err := kpi.ParseWritten("90%")
	require.NoError(t, err)
	def, err := kpi.New(kpi.Spec{Ref: "P1", Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Aggregation: kpi.RatioOfSums},
		Frequency: period.Monthly(), Target: w, Bands: kpi.TargetOnly()})
	require.NoError(t, err)
	nov := period.Must(period.ParseMonth("Nov-19"))
	old, err := regime.New(regime.Spec{Name: "Old", Version: "1", From: period.Must(period.ParseMonth("Apr-19")), Until: nov, KPIs: []kpi.Definition{def}})
	require.NoError(t, err)
	starts := period.Must(period.ParseDate("2019-11-30"))
	next, err := regime.New(regime.Spec{Name: "New", Version: "2", From: nov, Starts: starts, PartMonth: regime.EachPart, KPIs: []kpi.Definition{def}})
	require.NoError(t, err)
	h, err := regime.NewHistory(old, next)
	require.NoError(t, err)
	first, err := period.DateRange(nov.First(), starts)
	require.NoError(t, err)
	second, err := period.DateRange(starts, nov.Last().AddDays(1))
	require.NoError(t, err)
	sc, err := h.Score(regime.Input{Observations: []regime.Observation{
		{KPI: "P1", Period: first, Obs: kpi.Figure(decimal.NewFromInt(85))},
		{KPI: "P1", Period: second, Obs: kpi.Figure(decimal.NewFromInt(93))},
	}}, nov.Period())
	require.NoError(t, err)
	card := render.Card{Contract: "RAIL", Scorecard: sc}
	var text, js bytes.Buffer
	require.NoError(t, render.Text(&text, card))
	require.NoError(t, render.JSON(&js, card))
	assert.Contains(t, text.String(), "RAIL: Old 1 and New 2, November 2019\n")
	var out struct {
		Scorecards []struct {
			Rows []struct {
				Regime  string `json:"regime"`
				Version string `json:"version"`
			} `json:"rows"`
		} `json:"scorecards"`
	}
	require.NoError(t, json.Unmarshal(js.Bytes(), &out))
	require.Len(t, out.Scorecards[0].Rows, 2)
	assert.Equal(t, "Old", out.Scorecards[0].Rows[0].Regime)
	assert.Equal(t, "1", out.Scorecards[0].Rows[0].Version)
	assert.Equal(t, "New", out.Scorecards[0].Rows[1].Regime)
	assert.Equal(t, "2", out.Scorecards[0].Rows[1].Version)
}
