package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/regime/render"
)

// TestXLSXMatchesJSON runs the example with -format xlsx -o, opens the
// workbook, and checks that every row's figure and target are numbers equal
// to the JSON output's, with a number format for their unit, and that every
// status is filled in its colour.
func TestXLSXMatchesJSON(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run([]string{"-format", "json"}, &out, &errs), errs.String())
	var doc struct {
		Scorecards []struct {
			Contract string `json:"contract"`
			Period   string `json:"period"`
			Rows     []struct {
				KPI    string  `json:"kpi"`
				Status string  `json:"status"`
				Label  string  `json:"label"`
				Target *string `json:"target"`
				Actual *string `json:"actual"`
				Credit struct {
					Amount, Currency string
				} `json:"credit"`
			} `json:"rows"`
		} `json:"scorecards"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &doc))

	name := filepath.Join(t.TempDir(), "report.xlsx")
	out.Reset()
	require.Equal(t, 0, run([]string{"-format", "xlsx", "-o", name}, &out, &errs), errs.String())
	assert.Empty(t, out.String(), "nothing on standard output")
	f, err := excelize.OpenFile(name)
	require.NoError(t, err)
	defer f.Close()
	require.Len(t, f.GetSheetList(), 1+len(doc.Scorecards), "a summary sheet and a sheet per scorecard")
	assert.Equal(t, "Summary", f.GetSheetList()[0])

	raw := excelize.Options{RawCellValue: true}
	numbers := 0
	for _, card := range doc.Scorecards {
		month := map[string]string{"2016-04": "Apr-16", "2016-05": "May-16"}[card.Period]
		sheet := card.Contract + " " + month
		for i, r := range card.Rows {
			row := strconv.Itoa(i + 2)
			kpiRef, err := f.GetCellValue(sheet, "A"+row)
			require.NoError(t, err)
			require.Equal(t, r.KPI, kpiRef, "%s row %s", sheet, row)
			for _, c := range []struct {
				col  string
				want *string
			}{{"E", r.Target}, {"F", r.Actual}} {
				v, err := f.GetCellValue(sheet, c.col+row, raw)
				require.NoError(t, err)
				if c.want == nil {
					assert.Empty(t, v, "%s %s%s", sheet, c.col, row)
					continue
				}
				typ, err := f.GetCellType(sheet, c.col+row)
				require.NoError(t, err)
				assert.Contains(t, []excelize.CellType{excelize.CellTypeUnset, excelize.CellTypeNumber}, typ, "a number, not text")
				format := numFmt(t, f, sheet, c.col+row)
				require.NotEmpty(t, format, "%s %s%s has a number format", sheet, c.col, row)
				got := decimal.RequireFromString(v)
				if strings.Contains(format, "%") {
					got = got.Shift(2) // a percentage is stored as its fraction
				}
				assert.True(t, got.Equal(decimal.RequireFromString(*c.want)), "%s %s%s: %s, JSON %s", sheet, c.col, row, got, *c.want)
				numbers++
			}
			credit, err := f.GetCellValue(sheet, "L"+row, raw)
			require.NoError(t, err)
			assert.True(t, decimal.RequireFromString(credit).Equal(decimal.RequireFromString(r.Credit.Amount)))
			assert.Equal(t, "GBP", r.Credit.Currency)
			assert.Contains(t, numFmt(t, f, sheet, "L"+row), "£")

			label, err := f.GetCellValue(sheet, "H"+row)
			require.NoError(t, err)
			assert.Equal(t, r.Label, label)
			st, err := kpi.ParseStatus(r.Status)
			require.NoError(t, err)
			assert.Equal(t, render.Colour(render.Class(st)), fill(t, f, sheet, "H"+row), "%s %s status %s", sheet, r.KPI, r.Status)
		}
	}
	assert.Greater(t, numbers, 50)
}

// numFmt is a cell's custom number format.
func numFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	idx, err := f.GetCellStyle(sheet, cell)
	require.NoError(t, err)
	st, err := f.GetStyle(idx)
	require.NoError(t, err)
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// fill is a cell's fill colour as #rrggbb in lower case, with a three-digit
// colour written out (#eee is #eeeeee).
func fill(t *testing.T, f *excelize.File, sheet, cell string) string {
	idx, err := f.GetCellStyle(sheet, cell)
	require.NoError(t, err)
	st, err := f.GetStyle(idx)
	require.NoError(t, err)
	if len(st.Fill.Color) == 0 {
		return ""
	}
	c := strings.ToLower(strings.TrimPrefix(st.Fill.Color[0], "#"))
	if len(c) == 8 {
		c = c[2:] // ARGB
	}
	return "#" + c
}
