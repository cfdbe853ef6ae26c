package xlsx_test

import (
	"bytes"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/contract/xlsx"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// ictSeed is seed 000's ICT table, KPI by KPI: the ref, the target the
// table prints, and the figures for April and May 2016 as
// examples/peterborough/ict-2016.csv reads them (KPIs 1 and 2, printed as
// 100 and 50, are the failures that example reads them as, with its notes).
// A figure ending in % is written as a fraction in a percent-formatted
// cell, as Excel stores a percentage: 0.8889 shown as 88.89%.
var ictSeed = []struct {
	ref, target, apr, may, aprNote, mayNote, note string
}{
	{"1", "0 failures", "0", "1", "Printed as 100 (all incidents resolved in time): 0 failures",
		"Printed as 50: both incidents resolved but one not updated on the system as per process (1 failure)", ""},
	{"2", "0 failures", "0", "0", "Printed as 100: 0 failures", "Printed as 100: 0 failures", ""},
	{"3", "90.0%", "88.89%", "93.18%", "", "", ""},
	{"4", "90.0%", "96.19", "96.23", "", "", ""},
	{"5", "90%", "No Data", "No Data", "", "", ""},
	{"6", "90%", "No Data", "100", "", "", ""},
	{"7", "90%", "94.01%", "92.44%", "", "", ""},
	{"8", "90%", "95.54", "95.61", "", "", ""},
	{"9", "80%", "80.58", "80", "", "", ""},
	{"10", "< 5%", "2.64", "1.03", "", "", ""},
	{"11", "50%", "65.1", "63.55", "", "", ""},
	{"12", "0 failures", "0", "0", "", "", ""},
	{"13", "1 failure", "0", "0", "", "", ""},
	{"14", "98%", "100", "100", "", "", ""},
	{"15", "0 failures", "0", "0", "", "", ""},
	{"16", "99.50%", "100", "100", "", "", ""},
	{"17", "99%", "99", "99", "", "", ""},
	{"18", "1 failure", "0", "0", "", "", ""},
	{"19", ">3.5", "4.3", "4.1", "", "", ""},
	{"20", "90%", "No Data", "No Data", "", "", "KPIs 20 and 21 due to be removed as the new system automatically generates responses."},
	{"21", "90%", "No Data", "No Data", "", "", ""},
}

// ictWorkbook builds the seed's ICT table as a committee report lays it out
// in Excel: two title rows, the header in row 3, then the KPI's' section
// row, a row per KPI, and the service area "ICT" one cell merged down
// beside all of them.
func ictWorkbook(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "ICT"
	require.NoError(t, f.SetSheetName("Sheet1", sh))
	set := func(cell string, v any) { require.NoError(t, f.SetCellValue(sh, cell, v)) }
	set("A1", "ICT KPI Performance")
	set("B2", "Summary of Performance Measures")
	set("I2", "Actual Performance")
	for i, h := range []string{"Service Area", "Performance Measure Ref", "Description", "Measure Frequency", "Measure Criteria",
		"Target", "Detriment", "Failure", "Apr-16", "May-16", "Apr-16 note", "May-16 note", "Notes"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(cell, h)
	}
	set("B4", "KPI's")
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	require.NoError(t, err)
	for i, k := range ictSeed {
		r := strconv.Itoa(5 + i)
		set("B"+r, k.ref)
		set("F"+r, k.target)
		for _, fig := range []struct{ col, v string }{{"I", k.apr}, {"J", k.may}} {
			cell := fig.col + r
			switch {
			case fig.v == "No Data":
				set(cell, fig.v)
			case fig.v[len(fig.v)-1] == '%':
				// The stored number is the fraction, written exactly: 88.89%
				// is stored 0.8889.
				n := fig.v[:len(fig.v)-1]
				require.NoError(t, f.SetCellDefault(sh, cell, shiftLeft2(n)))
				require.NoError(t, f.SetCellStyle(sh, cell, cell, pct))
			default:
				require.NoError(t, f.SetCellDefault(sh, cell, fig.v))
			}
		}
		if k.aprNote != "" {
			set("K"+r, k.aprNote)
		}
		if k.mayNote != "" {
			set("L"+r, k.mayNote)
		}
		if k.note != "" {
			set("M"+r, k.note)
		}
	}
	set("A5", "ICT")
	require.NoError(t, f.MergeCell(sh, "A5", "A"+strconv.Itoa(4+len(ictSeed))))
	var b bytes.Buffer
	_, err = f.WriteTo(&b)
	require.NoError(t, err)
	return b.Bytes()
}

// shiftLeft2 divides a decimal written in text by 100 by moving its point:
// "88.89" is "0.8889", by hand, so the test's fixture involves no
// arithmetic of its own.
func shiftLeft2(s string) string {
	whole, frac := s, ""
	for i := range s {
		if s[i] == '.' {
			whole, frac = s[:i], s[i+1:]
		}
	}
	for len(whole) < 3 {
		whole = "0" + whole
	}
	return whole[:len(whole)-2] + "." + whole[len(whole)-2:] + frac
}

func ictContract(t testing.TB) *contract.Contract {
	c, err := contract.ReadFile("../../examples/peterborough/ict.yaml")
	require.NoError(t, err)
	return c
}

// TestSeedICTWideLayout: seed 000's ICT table as a workbook in the wide
// layout scores exactly as examples/peterborough/ict-2016.csv does, month
// by month, and its published targets all agree with the contract's.
func TestSeedICTWideLayout(t *testing.T) {
	c := ictContract(t)
	assert.Equal(t, "0.8889", shiftLeft2("88.89"))
	assert.Equal(t, "0.995", shiftLeft2("99.5"))
	csvData, err := os.ReadFile("../../examples/peterborough/ict-2016.csv")
	require.NoError(t, err)
	fromCSV, err := contract.ReadObservations(bytes.NewReader(csvData), "ict-2016.csv", c)
	require.NoError(t, err)

	fromXLSX, warns, err := xlsx.Reader{Returns: contract.ReturnReader{Contract: c}}.Read(bytes.NewReader(ictWorkbook(t)), "ict-2016.xlsx")
	require.NoError(t, err)
	assert.Empty(t, warns, "the seed's printed targets are the contract's")
	require.Len(t, fromXLSX, len(fromCSV))
	for _, label := range []string{"Apr-16", "May-16"} {
		p := period.Must(period.ParseLabel(label))
		want, err := c.Score(fromCSV, p)
		require.NoError(t, err)
		got, err := c.Score(fromXLSX, p)
		require.NoError(t, err)
		assert.True(t, want.Equal(got), "%s: the workbook's scorecard differs from the CSV's", label)
		// KPI 3 in April, 88.89% in a percent cell stored as 0.8889: short
		// of the target of 90.0% but above the detriment level of 87.0.
		if label == "Apr-16" {
			r, ok := got.Row("3")
			require.True(t, ok)
			assert.Equal(t, "missed", r.Status.String())
		}
	}
	// The observations carry the workbook's name, the sheet and their
	// rows: KPI 1 is on row 5 of sheet ICT.
	assert.Equal(t, regime.Source{File: "ict-2016.xlsx", Sheet: "ICT", Line: 5}, fromXLSX[0].Source)
	assert.Equal(t, "ict-2016.xlsx: ICT!5", fromXLSX[0].Source.String())
}
