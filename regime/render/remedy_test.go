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

// TestRemedyInEveryOutput: a regime of one KPI worth 3 points when failed
// (below 99%), with a remedy of £1,000 a point over a baseline of 1 point.
// April 2016 at 90%: 3 points, 2 over the baseline, £2,000. Every output
// with a summary says so.
func TestRemedyInEveryOutput(t *testing.T) {
	target := kpi.Target()
	bands, err := kpi.NewBands(kpi.Band{Status: kpi.Met, Reach: target}, kpi.Band{Status: kpi.Failed, Points: decimal.NewFromInt(3)})
	require.NoError(t, err)
	w, err := kpi.ParseWritten("99%")
	require.NoError(t, err)
	d, err := kpi.New(kpi.Spec{Ref: "P1", Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Aggregation: kpi.RatioOfSums},
		Frequency: period.Monthly(), Target: w, Bands: bands})
	require.NoError(t, err)
	apr := period.Must(period.ParseMonth("Apr-16"))
	r, err := regime.New(regime.Spec{Name: "Tram", Version: "1", From: apr, KPIs: []kpi.Definition{d},
		Remedy: regime.PointsRemedy{Baselines: []regime.Baseline{{From: apr, Points: decimal.NewFromInt(1)}}, Rate: regime.Pounds(decimal.NewFromInt(1000))}})
	require.NoError(t, err)
	sc, err := r.Score(regime.Input{Observations: []regime.Observation{{KPI: "P1", Month: apr, Obs: kpi.Figure(decimal.NewFromInt(90))}}}, apr.Period())
	require.NoError(t, err)
	card := render.Card{Contract: "TRAM", Scorecard: sc}

	const line = "Remedy: 2 points over the baseline, £2,000.00 (Apr-16: 3 points, 2 over the baseline of 1: £2,000.00)."
	var text, md, html, js bytes.Buffer
	require.NoError(t, render.Text(&text, card))
	require.NoError(t, render.Markdown(&md, card))
	require.NoError(t, render.HTML(&html, card))
	require.NoError(t, render.JSON(&js, card))
	assert.Contains(t, text.String(), "Service points: 3. Credits: £2,000.00.\n"+line+"\n")
	assert.Contains(t, md.String(), "Remedy: 2 points over the baseline, £2,000.00 (Apr-16: 3 points, 2 over the baseline of 1: £2,000.00).")
	assert.Contains(t, html.String(), `<p class="remedy">`+line+"</p>")
	var out struct {
		Scorecards []struct {
			Summary struct {
				Remedy             regime.Money `json:"remedy"`
				PointsOverBaseline string       `json:"points_over_baseline"`
				RemedyNotes        []string     `json:"remedy_notes"`
				Credits            regime.Money `json:"credits"`
			} `json:"summary"`
		} `json:"scorecards"`
	}
	require.NoError(t, json.Unmarshal(js.Bytes(), &out))
	require.Len(t, out.Scorecards, 1)
	s := out.Scorecards[0].Summary
	assert.Equal(t, "£2,000.00", s.Remedy.String())
	assert.Equal(t, "2", s.PointsOverBaseline)
	assert.Equal(t, []string{"Apr-16: 3 points, 2 over the baseline of 1: £2,000.00"}, s.RemedyNotes)
	assert.Equal(t, "£2,000.00", s.Credits.String())
}
