package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/internal/golden"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// TestOutcomesAsMinuted checks each month against seed 002's minutes:
// "failed to meet the TSL for August 2019" (missed, labelled Failed TSL),
// "failed to meet the Minimum Service Level in September 2019" (failed,
// Failed MSL), "achieved its Target Service Level for October and November
// 2019" (met, TSL achieved). Every row is an outcome: no actual, no target.
func TestOutcomesAsMinuted(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run([]string{"-format", "json"}, &out, &errs), errs.String())
	var doc struct {
		Scorecards []struct {
			Period string `json:"period"`
			Rows   []struct {
				KPI     string  `json:"kpi"`
				Status  string  `json:"status"`
				Label   string  `json:"label"`
				Outcome bool    `json:"outcome"`
				Actual  *string `json:"actual"`
				Target  *string `json:"target"`
			} `json:"rows"`
			Events []struct {
				Name string `json:"name"`
				KPI  string `json:"kpi"`
			} `json:"events"`
		} `json:"scorecards"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &doc))
	want := []struct{ period, status, label string }{
		{"2019-08", "missed", "Failed TSL"},
		{"2019-09", "failed", "Failed MSL"},
		{"2019-10", "met", "TSL achieved"},
		{"2019-11", "met", "TSL achieved"},
	}
	require.Len(t, doc.Scorecards, len(want))
	for i, sc := range doc.Scorecards {
		assert.Equal(t, want[i].period, sc.Period)
		require.Len(t, sc.Rows, 1)
		r := sc.Rows[0]
		assert.Equal(t, "CSC_KPI_04", r.KPI)
		assert.Equal(t, want[i].status, r.Status, sc.Period)
		assert.Equal(t, want[i].label, r.Label, sc.Period)
		assert.True(t, r.Outcome, "marked as an outcome")
		assert.Nil(t, r.Actual, "no figure was published")
		assert.Nil(t, r.Target, "no level was published")
		// Only September, below the MSL, raises the event.
		if sc.Period == "2019-09" {
			require.Len(t, sc.Events, 1)
			assert.Equal(t, "below the minimum service level", sc.Events[0].Name)
			assert.Equal(t, "CSC_KPI_04", sc.Events[0].KPI)
		} else {
			assert.Empty(t, sc.Events, sc.Period)
		}
	}
}

func readContract(t *testing.T) *contract.Contract {
	t.Helper()
	c, err := contract.Decode(bytes.NewReader(contractFile), "lincolnshire.yaml", contract.YAML)
	require.NoError(t, err)
	return c
}

// TestFigureRefused: a figure for a KPI whose levels are not published is
// an error naming the KPI, not a status made up against a guessed level.
func TestFigureRefused(t *testing.T) {
	c := readContract(t)
	_, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nCSC_KPI_04,Aug-19,7.5\n"), "figures.csv", c)
	assert.EqualError(t, err, "figures.csv:2: value: CSC_KPI_04's target is not published, so a figure cannot be rated: "+
		"leave the value empty and give the outcome reported as the status (met, missed, failed, ...)")
	// Given to the regime directly, the figure is refused there too.
	aug := period.Must(period.ParseMonth("Aug-19"))
	_, err = c.Score([]regime.Observation{{KPI: "CSC_KPI_04", Month: aug, Obs: kpi.Figure(decimal.RequireFromString("7.5"))}}, aug.Period())
	assert.ErrorContains(t, err, "CSC_KPI_04 for 2019-08: its target is not published, so the figure 7.5 cannot be rated")
}

// TestMitigationOfAnOutcome shows the regime's relief on these outcomes,
// as the Board could grant it (the minutes do not say it did for
// CSC_KPI_04): mitigation for September keeps the reported status, marks
// the row relieved, and, since a mitigated failure does not count for
// escalation unless the regime says so, raises no event.
func TestMitigationOfAnOutcome(t *testing.T) {
	c := readContract(t)
	spec := c.Spec()
	rs := spec.Regimes[0].Spec()
	sep := period.Must(period.ParseMonth("Sep-19"))
	rs.Relief = []regime.Relief{{Kind: regime.Mitigation, KPI: "CSC_KPI_04", From: sep, Through: sep, Reason: "remediation agreed"}}
	r, err := regime.New(rs)
	require.NoError(t, err)
	spec.Regimes = []*regime.Regime{r}
	mitigated, err := contract.New(spec)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(bytes.NewReader(outcomesFile), "lincolnshire-2019.csv", mitigated)
	require.NoError(t, err)
	sc, err := mitigated.Score(obs, sep.Period())
	require.NoError(t, err)
	row, ok := sc.Row("CSC_KPI_04")
	require.True(t, ok)
	assert.Equal(t, kpi.Failed, row.Status)
	assert.True(t, row.Relieved)
	assert.Contains(t, row.Notes, "mitigation: remediation agreed")
	assert.Empty(t, sc.Events)
}

// TestFileRoundTrip: the contract, with its unpublished levels, writes
// back and reads back equal.
func TestFileRoundTrip(t *testing.T) {
	c := readContract(t)
	var b bytes.Buffer
	require.NoError(t, contract.Encode(&b, c, contract.YAML))
	assert.Contains(t, b.String(), "target: not published")
	again, err := contract.Decode(&b, "written.yaml", contract.YAML)
	require.NoError(t, err)
	assert.True(t, c.Equal(again))
}

func TestUsage(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 2, run([]string{"-format", "pdf"}, &out, &errs))
	assert.Contains(t, errs.String(), "usage: lincolnshire")
	assert.Equal(t, 2, run([]string{"extra"}, &out, &errs))
}

var update = flag.Bool("update", false, "rewrite the golden file")

// TestGoldenText compares the output with testdata/lincolnshire.txt, read
// line by line against seeds 002 and 003: each month's outcome and the
// minutes' words, the event in September, and the statements the minutes
// make without naming a KPI or month.
func TestGoldenText(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run(nil, &out, &errs), errs.String())
	golden.Check(t, "testdata/lincolnshire.txt", out.Bytes(), *update)
}

// TestRestatedOutcome shows how the Board's correction of an outcome at a
// meeting would be recorded and shown, as it could happen (the minutes do
// not say CSC_KPI_04's outcome was mistyped: the typing error they minute
// is in a count whose mistyped figure they do not give, and the dates here
// are illustrative). November reported as "Failed MSL" on 2 December and
// corrected to "TSL achieved" on 16 January: as at 15 January the row is
// failed and raises the event; as at the correction it is met, raises
// none, and says what it was, who corrected it, and where each version was
// read. The contract has no charges, so there is no money to adjust.
func TestRestatedOutcome(t *testing.T) {
	c := readContract(t)
	csv := "kpi,period,value,status,reported_on,reported_by,note\n" +
		"CSC_KPI_04,Nov-19,,failed,2019-12-02,Serco,addendum\n" +
		"CSC_KPI_04,Nov-19,,met,2020-01-16,the Board,typing error corrected at the meeting\n"
	obs, err := contract.ReadObservations(strings.NewReader(csv), "addendum.csv", c)
	require.NoError(t, err)
	nov := period.Must(period.ParseLabel("Nov-19"))
	before, err := c.ScoreAsAt(obs, nov, period.Must(period.ParseDate("2020-01-15")))
	require.NoError(t, err)
	row, _ := before.Row("CSC_KPI_04")
	assert.Equal(t, kpi.Failed, row.Status)
	assert.False(t, row.Restated())
	require.Len(t, before.Events, 1)

	now, err := c.Score(obs, nov)
	require.NoError(t, err)
	row, _ = now.Row("CSC_KPI_04")
	assert.Equal(t, kpi.Met, row.Status)
	assert.Empty(t, now.Events)
	require.Len(t, row.Figures, 2)
	assert.Equal(t, regime.Source{File: "addendum.csv", Line: 2}, row.Figures[0].Source)
	assert.Equal(t, regime.Source{File: "addendum.csv", Line: 3}, row.Figures[1].Source)
	assert.Contains(t, row.Notes, "restated on 2020-01-16 by the Board: was the outcome Failed MSL (failed), now the outcome TSL achieved (met)")
	assert.Empty(t, now.Summary.Adjustments)
}
