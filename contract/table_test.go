package contract_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// row makes a table row of sheet ICT, row n, from column, cell and text
// triples.
func row(n int, fields ...string) contract.TableRow {
	r := contract.TableRow{Line: n, Place: "ICT!" + itoa(n), Fields: map[string]contract.Field{}}
	for i := 0; i+2 < len(fields); i += 3 {
		r.Fields[fields[i]] = contract.Field{Cell: "ICT!" + fields[i+1], Text: fields[i+2]}
	}
	return r
}

func itoa(n int) string { return strconv.Itoa(n) }

var readOn = period.Must(period.NewDate(2026, time.December, 2))

// TestTableReadsAsCSV: a table's rows go through the checks a CSV file's
// rows do, so the same figures give the same observations.
func TestTableReadsAsCSV(t *testing.T) {
	c := ictContract(t)
	rr := contract.ReturnReader{Contract: c, Today: readOn}
	csv := "kpi,period,value,note\n3,Apr-16,88.89,\n9,May-16,No Data,\n"
	want, _, err := rr.Read(strings.NewReader(csv), "ict.csv")
	require.NoError(t, err)
	got, warns, err := rr.ReadTable(contract.Table{File: "ict.xlsx", Rows: []contract.TableRow{
		row(5, "kpi", "B5", "3", "period", "H4", "Apr-16", "value", "H5", "88.89"),
		row(6, "kpi", "B6", "9", "period", "I4", "May-16", "value", "I6", "No Data"),
	}})
	require.NoError(t, err)
	assert.Empty(t, warns)
	require.Len(t, got, 2)
	for i := range want {
		assert.True(t, want[i].Obs.Equal(got[i].Obs), "row %d", i)
		assert.Equal(t, want[i].KPI, got[i].KPI)
		assert.Equal(t, want[i].For(), got[i].For())
	}
	assert.Equal(t, "ict.xlsx", got[0].Source.File)
	assert.Equal(t, 5, got[0].Source.Line)
}

// TestTableErrorsNameCells: a problem names the file and the cell it came
// from, and a duplicate names the cell of the first.
func TestTableErrorsNameCells(t *testing.T) {
	rr := contract.ReturnReader{Contract: ictContract(t), Today: readOn}
	_, _, err := rr.ReadTable(contract.Table{File: "returns.xlsx", Rows: []contract.TableRow{
		row(7, "kpi", "B7", "3", "period", "F4", "Apr-16", "value", "F7", "9x"),
		row(8, "kpi", "B8", "9", "period", "F4", "Apr-16", "value", "F8", "80"),
		row(9, "kpi", "B9", "9", "period", "F4", "Apr-16", "value", "F9", "81"),
	}})
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, `returns.xlsx: ICT!F7: cannot read "9x"`)
	assert.Contains(t, msg, "returns.xlsx: ICT!B9: 9 for Apr-16 is already at ICT!F8")
}

// TestStatusInWords: the seed's "Not Measured in April No Survey Due" (seed
// 000, PSSP CS-K-001) is a not_due claim with the text as its note, in a CSV
// value as in a table's cell.
func TestStatusInWords(t *testing.T) {
	rr := contract.ReturnReader{Contract: ictContract(t), Today: readOn}
	obs, _, err := rr.Read(strings.NewReader("kpi,period,value\n3,Apr-16,Not Measured in April No Survey Due\n3,May-16,No Survey Due\n"), "r.csv")
	require.NoError(t, err)
	require.Len(t, obs, 2)
	for _, o := range obs {
		st, _ := o.Obs.Reason()
		assert.Equal(t, kpi.NotDue, st)
	}
	assert.Equal(t, "Not Measured in April No Survey Due", obs[0].Note)
}

// TestPublishedTargets: a published target is checked against the
// contract's, and every difference is a warning naming the cell; the
// contract's target is the one used.
func TestPublishedTargets(t *testing.T) {
	rr := contract.ReturnReader{Contract: ictContract(t), Today: readOn}
	obs, warns, err := rr.ReadTable(contract.Table{File: "r.xlsx", Rows: []contract.TableRow{
		row(5, "kpi", "B5", "3", "period", "H4", "Apr-16", "value", "H5", "88.89", "target", "G5", "90.0%"), // agrees
		row(6, "kpi", "B6", "9", "period", "H4", "Apr-16", "value", "H6", "80.58", "target", "G6", "85%"),   // the contract says 80%
		row(7, "kpi", "B7", "10", "period", "H4", "Apr-16", "value", "H7", "2.64", "target", "G7", "<= 5%"), // the contract says < 5%
		row(8, "kpi", "B8", "1", "period", "H4", "Apr-16", "value", "H8", "0", "target", "G8", "0 failures"),
	}})
	require.NoError(t, err)
	require.Len(t, obs, 4)
	require.Len(t, warns, 2)
	assert.Equal(t, "r.xlsx: ICT!G6: warning: the published target for Apr-16 is 85%, but the contract's is 80%: the contract's is used", warns[0].String())
	assert.Equal(t, "r.xlsx: ICT!G7: warning: the published target for Apr-16 is <= 5%, but the contract's is < 5%: the contract's is used", warns[1].String())
	_, _, err = contract.ReturnReader{Contract: ictContract(t), Today: readOn, Strict: true}.Read(
		strings.NewReader("kpi,period,value,target\n9,Apr-16,80.58,85%\n"), "r.csv")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "r.csv:2: target: the published target for Apr-16 is 85%")
}
