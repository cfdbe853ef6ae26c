package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/internal/golden"
)

const (
	railFile = "testdata/rail.yaml"
	railFigs = "testdata/rail-2023.csv"
)

// TestGoldenRail compares the text scorecards of P5 2023/24 and of the
// quarter of periods Q2 2023/24 with testdata/rail-*.txt, read row by row
// against the figures, worked by hand. The calendar runs from 1 April, P13
// absorbing: P4 is 24 June to 21 July 2023, P5 22 July to 18 August, P6 19
// August to 15 September; a point is 1% of the month's £10,000.
//
//   - P5, the view of August (in which P5 alone ends): PPM 880 of 1,000 =
//     88.0% is below 90%, missed, 2 points, £200, with the return's note;
//     CANC 24 of 1,000 = 2.4% is over no more than 2%, missed, 1 point,
//     £100; COMP, monthly, shows its August row, marked for Aug-23: 95 of
//     100, 95.0%, met. 3 points, £300.
//   - Q2, P4 to P6, the view of July to September: PPM (920 + 880 + 900) of
//     3,000 = 90.0%, met at the target, its money P5's £200; CANC (15 + 24 +
//     18) of 3,000 = 1.9%, met, P5's £100; COMP (96 + 95 + 80) of 300 =
//     90.33%, shown 90.3%, met, September's 80% missed: 1 point, £100. 4
//     points, £400. Each row is an exception, having a period worse than
//     met.
func TestGoldenRail(t *testing.T) {
	for _, c := range []struct{ period, file string }{{"P5 2023/24", "rail-p5-2023-24.txt"}, {"Q2 2023/24", "rail-q2-2023-24.txt"}} {
		code, out, errs := runArgs("-contract", railFile, "-actuals", railFigs, "-period", c.period)
		require.Equal(t, 0, code, errs)
		assert.Empty(t, errs)
		golden.Check(t, filepath.Join("testdata", c.file), []byte(out), *update)
	}
}

// TestRailPeriodLabels: the label forms a rail period is given in, its
// JSON, and the errors of a label no calendar reads.
func TestRailPeriodLabels(t *testing.T) {
	for _, label := range []string{"P5 2023/24", "p05 2023/2024", "Period 5 2023/24"} {
		code, out, errs := runArgs("-contract", railFile, "-actuals", railFigs, "-period", label, "-format", "json")
		require.Equal(t, 0, code, errs)
		var doc struct {
			Scorecards []struct {
				Period string `json:"period"`
			} `json:"scorecards"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &doc))
		require.Len(t, doc.Scorecards, 1)
		assert.Equal(t, "P5 2023/24", doc.Scorecards[0].Period, label)
	}
	code, _, errs := runArgs("-contract", railFile, "-actuals", railFigs, "-period", "P14 2023/24")
	assert.Equal(t, exitBadInput, code)
	assert.Contains(t, errs, "period 14: a year has 13 periods, P1 to P13")
	code, _, errs = runArgs("-contract", ictFile, "-actuals", ictFigs, "-period", "P5 2016/17")
	assert.Equal(t, exitBadInput, code)
	assert.Equal(t, "-period: \"P5 2016/17\" is a rail period, but the contract states no period calendar (periods) to read it in\n", errs)
	// The page of a quarter of periods draws on its periods' cards.
	code, _, errs = runArgs("-contract", railFile, "-actuals", railFigs, "-period", "Q2 2023/24", "-format", "html")
	assert.Equal(t, exitOK, code, errs)
}
