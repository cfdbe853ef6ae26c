package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompareYear: -compare year adds the year-before columns and summary
// line; the ICT figures begin in April 2016, so May 2015 has nothing to
// compare with and every row says none. Any other comparison is a usage
// mistake.
func TestCompareYear(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"-contract", ictFile, "-actuals", ictFigs, "-period", "May-16", "-compare", "year"}, &out, &errs)
	require.Equal(t, exitOK, code, errs.String())
	assert.Contains(t, out.String(), "Year before (May-15)  Travel")
	assert.Contains(t, out.String(), "Against May-15: 0 improved, 0 worsened, 0 unchanged, 5 not compared.")

	out.Reset()
	code = run([]string{"-contract", ictFile, "-actuals", ictFigs, "-period", "May-16", "-compare", "year", "-format", "csv"}, &out, &errs)
	require.Equal(t, exitOK, code, errs.String())
	head, _, _ := strings.Cut(out.String(), "\n")
	assert.True(t, strings.HasSuffix(head, ",year_before_period,year_before_status,year_before_actual,year_before_credit,travel"), head)

	errs.Reset()
	code = run([]string{"-contract", ictFile, "-actuals", ictFigs, "-period", "May-16", "-compare", "month"}, &out, &errs)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs.String(), `-compare "month": the only comparison is year`)
}

// TestWhatItTakes: ICT KPI 1 in May 2016 reported 1 failure against a
// target of 0 failures: detriment, 2 points, £2,000 (2% of the £100,000
// charge at 1% a point). Met needs at most 0 failures; the missed band
// (below 1 failure) needs the same whole figure, so it is not listed
// again. Kept at detriment, June would earn the same 2 points on the last
// known charge, May's: £2,000.
func TestWhatItTakes(t *testing.T) {
	var out, errs bytes.Buffer
	code := run([]string{"-contract", ictFile, "-actuals", ictFigs, "-period", "May-16", "-what-it-takes", "-format", "json"}, &out, &errs)
	require.Equal(t, exitOK, code, errs.String())
	var doc struct {
		Scorecards []struct {
			Rows []struct {
				KPI   string `json:"kpi"`
				Takes *struct {
					Needs []struct {
						Status string `json:"status"`
						Level  string `json:"level"`
						Text   string `json:"text"`
					} `json:"needs"`
					AtStake *struct {
						Amount, Currency string
					} `json:"at_stake"`
					ChargeGiven bool `json:"charge_given"`
				} `json:"what_it_takes"`
			} `json:"rows"`
		} `json:"scorecards"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &doc))
	require.Len(t, doc.Scorecards, 1)
	for _, r := range doc.Scorecards[0].Rows {
		if r.KPI != "1" {
			assert.Nil(t, r.Takes, "KPI %s met: nothing to show", r.KPI)
			continue
		}
		require.NotNil(t, r.Takes)
		require.Len(t, r.Takes.Needs, 1)
		assert.Equal(t, "met: at most 0 failures", r.Takes.Needs[0].Text)
		require.NotNil(t, r.Takes.AtStake)
		assert.Equal(t, "2000.00", r.Takes.AtStake.Amount)
		assert.Equal(t, "GBP", r.Takes.AtStake.Currency)
		assert.False(t, r.Takes.ChargeGiven)
	}
}
