package xlsx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
	"github.com/kpiregime/kpiregime/regime/render/xlsx"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func mo(s string) period.Month { return period.Must(period.ParseMonth(s)) }

// mixedCard is May 2016 for four KPIs, one of each kind of row the sheet
// writes differently, 1% of a £100,000 charge a point. Worked by hand:
//
//	S  a 1 to 5 score scale (score k at 20, 40, 60, 80, 90), target 60%:
//	   50% is at or above 40 and below 60, score 2, missed, 1 point,
//	   1% of £100,000 = £1,000
//	M  an overspend in pounds, lower is better, target £5,000: £4,250.50
//	   is met; the variance is 4250.50 - 5000 = -749.50
//	R  a percentage known only to lie between 91% and 95%, target 90%:
//	   the whole range is at or above 90, so met
//	N  no figure: no data
func mixedCard(t *testing.T) render.Card {
	t.Helper()
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Aggregation: kpi.RatioOfSums}
	money := kpi.Measure{Unit: kpi.Money, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}
	def := func(ref, target string, m kpi.Measure, bands kpi.Bands) kpi.Definition {
		w, err := kpi.ParseWritten(target)
		require.NoError(t, err)
		d, err := kpi.New(kpi.Spec{Ref: ref, Description: "KPI " + ref, ServiceArea: "Finance", Measure: m,
			Frequency: period.Monthly(), Target: w, Bands: bands})
		require.NoError(t, err)
		return d
	}
	scale := kpi.ScoreBands(3, dec("20"), dec("40"), dec("60"), dec("80"), dec("90")).
		WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: dec("1")})
	r, err := regime.New(regime.Spec{Name: "Finance", Version: "1", From: mo("Apr-16"),
		KPIs: []kpi.Definition{
			def("S", "60%", pct, scale),
			def("M", "£5000", money, kpi.TargetOnly()),
			def("R", "90%", pct, kpi.TargetOnly()),
			def("N", "90%", pct, kpi.TargetOnly()),
		},
		Labels:  map[kpi.Status]string{kpi.Met: "Met", kpi.Missed: "Missed", kpi.NoData: "No Data"},
		Credits: []regime.CreditRule{regime.NewPointsCredit(dec("1"))},
	})
	require.NoError(t, err)
	may := mo("May-16")
	sc, err := r.Score(regime.Input{
		Observations: []regime.Observation{
			{KPI: "S", Month: may, Obs: kpi.Figure(dec("50"))},
			{KPI: "M", Month: may, Obs: kpi.Figure(dec("4250.50"))},
			{KPI: "R", Month: may, Obs: kpi.Between(dec("91"), dec("95"))},
			{KPI: "N", Month: may, Obs: kpi.Missing(kpi.NoData, "")},
		},
		Charges: map[period.Month]decimal.Decimal{may: dec("100000")},
	}, may.Period())
	require.NoError(t, err)
	return render.Card{Contract: "FIN", Scorecard: sc}
}

// sheetCells reads a written workbook back.
type sheetCells struct {
	t *testing.T
	f *excelize.File
}

func open(t *testing.T, cards ...render.Card) sheetCells {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, xlsx.Write(&b, cards...))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return sheetCells{t, f}
}

// raw is a cell's stored value.
func (s sheetCells) raw(sheet, cell string) string {
	v, err := s.f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	require.NoError(s.t, err)
	return v
}

// number is a cell's stored number, which must be a number, not text.
func (s sheetCells) number(sheet, cell string) decimal.Decimal {
	typ, err := s.f.GetCellType(sheet, cell)
	require.NoError(s.t, err)
	require.Contains(s.t, []excelize.CellType{excelize.CellTypeUnset, excelize.CellTypeNumber}, typ, "%s!%s is a number", sheet, cell)
	d, err := decimal.NewFromString(s.raw(sheet, cell))
	require.NoError(s.t, err, "%s!%s", sheet, cell)
	return d
}

func (s sheetCells) style(sheet, cell string) *excelize.Style {
	idx, err := s.f.GetCellStyle(sheet, cell)
	require.NoError(s.t, err)
	st, err := s.f.GetStyle(idx)
	require.NoError(s.t, err)
	return st
}

// format is a cell's custom number format, "" for none.
func (s sheetCells) format(sheet, cell string) string {
	if st := s.style(sheet, cell); st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return ""
}

// fill is a cell's fill colour as #rrggbb in lower case.
func (s sheetCells) fill(sheet, cell string) string {
	st := s.style(sheet, cell)
	if len(st.Fill.Color) == 0 {
		return ""
	}
	c := strings.ToLower(strings.TrimPrefix(st.Fill.Color[0], "#"))
	if len(c) == 8 {
		c = c[2:] // ARGB
	}
	return "#" + c
}

const pounds = `"£"#,##0.00;-"£"#,##0.00`

// TestCardSheet writes the mixed card and reads its sheet back, row by row
// (row 2 is S, 3 M, 4 R, 5 N, in the regime's order): columns E Target, F
// Actual, G Variance, H Status, I Score, J Band, K Points, L Credit.
func TestCardSheet(t *testing.T) {
	s := open(t, mixedCard(t))
	assert.Equal(t, []string{"Summary", "FIN May-16"}, s.f.GetSheetList())
	const sh = "FIN May-16"
	for i, ref := range []string{"S", "M", "R", "N"} {
		got, err := s.f.GetCellValue(sh, "A"+string(rune('2'+i)))
		require.NoError(t, err)
		assert.Equal(t, ref, got)
	}
	green, amber, grey := render.Colour("green"), render.Colour("amber"), render.Colour("grey")

	// S: the score scale. 50% stored 0.5 in 0%, the target 60% as 0.6,
	// the variance 50 - 60 = -10 as -0.1; score 2 in the Score column
	// as a number, its band's name beside it; 1 point, £1,000.
	assert.True(t, dec("0.5").Equal(s.number(sh, "F2")))
	assert.Equal(t, "0%", s.format(sh, "F2"))
	assert.True(t, dec("0.6").Equal(s.number(sh, "E2")))
	assert.Equal(t, "0%", s.format(sh, "E2"))
	assert.True(t, dec("-0.1").Equal(s.number(sh, "G2")))
	assert.Equal(t, "Missed", s.raw(sh, "H2"))
	assert.Equal(t, amber, s.fill(sh, "H2"))
	assert.True(t, dec("2").Equal(s.number(sh, "I2")))
	assert.Equal(t, "0", s.format(sh, "I2"))
	assert.Equal(t, "Score 2", s.raw(sh, "J2"))
	assert.True(t, dec("1").Equal(s.number(sh, "K2")))
	assert.True(t, dec("1000").Equal(s.number(sh, "L2")))
	assert.Equal(t, pounds, s.format(sh, "L2"))

	// M: money in pounds: the figure, the target and the variance (-749.50)
	// all in the £ format; met, green; no score or band.
	assert.True(t, dec("4250.50").Equal(s.number(sh, "F3")))
	assert.Equal(t, pounds, s.format(sh, "F3"))
	assert.True(t, dec("5000").Equal(s.number(sh, "E3")))
	assert.Equal(t, pounds, s.format(sh, "E3"))
	assert.True(t, dec("-749.50").Equal(s.number(sh, "G3")))
	assert.Equal(t, pounds, s.format(sh, "G3"))
	assert.Equal(t, "Met", s.raw(sh, "H3"))
	assert.Equal(t, green, s.fill(sh, "H3"))
	assert.Empty(t, s.raw(sh, "I3"))
	assert.True(t, dec("0").Equal(s.number(sh, "L3")))

	// R: a range: two figures, so the Actual is the range as text, and
	// there is no variance; met, green.
	assert.Equal(t, "91%–95%", s.raw(sh, "F4"))
	typ, err := s.f.GetCellType(sh, "F4")
	require.NoError(t, err)
	assert.Equal(t, excelize.CellTypeSharedString, typ)
	assert.Empty(t, s.raw(sh, "G4"))
	assert.Equal(t, "Met", s.raw(sh, "H4"))
	assert.Equal(t, green, s.fill(sh, "H4"))

	// N: no figure: Actual and Variance blank, the target still a number,
	// No Data filled grey.
	assert.Empty(t, s.raw(sh, "F5"))
	assert.Empty(t, s.raw(sh, "G5"))
	assert.True(t, dec("0.9").Equal(s.number(sh, "E5")))
	assert.Equal(t, "No Data", s.raw(sh, "H5"))
	assert.Equal(t, grey, s.fill(sh, "H5"))
}

// TestSummarySheet: the summary row of the mixed card. By hand: 4 KPIs, 3
// rated (N has no data), 2 on target (M, R): 2 of 4 = 50.00%, stored 0.5;
// 1 point, £1,000 before and after caps; the exceptions are S and N.
func TestSummarySheet(t *testing.T) {
	s := open(t, mixedCard(t))
	col := func(name string) string {
		for i, c := range xlsx.SummaryColumns {
			if c == name {
				cell, _ := excelize.CoordinatesToCellName(i+1, 2)
				return cell
			}
		}
		t.Fatalf("no summary column %s", name)
		return ""
	}
	const sh = xlsx.SummarySheet
	assert.Equal(t, "FIN May-16", s.raw(sh, col("Sheet")))
	assert.Equal(t, "May-16", s.raw(sh, col("Period")))
	assert.True(t, dec("2").Equal(s.number(sh, col("met"))))
	assert.Equal(t, render.Colour("green"), s.fill(sh, col("met")))
	assert.True(t, dec("1").Equal(s.number(sh, col("missed"))))
	assert.Equal(t, render.Colour("amber"), s.fill(sh, col("missed")))
	assert.True(t, dec("1").Equal(s.number(sh, col("no_data"))))
	assert.True(t, dec("2").Equal(s.number(sh, col("On target"))))
	assert.True(t, dec("0.5").Equal(s.number(sh, col("Share on target"))))
	assert.Equal(t, "0.00%", s.format(sh, col("Share on target")))
	assert.True(t, dec("1000").Equal(s.number(sh, col("Credits"))))
	assert.Equal(t, pounds, s.format(sh, col("Credits")))
	assert.Equal(t, "S, N", s.raw(sh, col("Exceptions")))
}

// TestWriteNeedsACard: no cards is an error, not an empty workbook.
func TestWriteNeedsACard(t *testing.T) {
	var b bytes.Buffer
	assert.Error(t, xlsx.Write(&b))
	assert.Zero(t, b.Len())
}
