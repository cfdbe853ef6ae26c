package xlsx_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/contract/xlsx"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// readOn is the day the tests read returns on, well after 2016.
var readOn = period.Must(period.ParseDate("2026-12-02"))

// book is a workbook being built for a test.
type book struct {
	t *testing.T
	f *excelize.File
}

func newBook(t *testing.T, sheets ...string) *book {
	t.Helper()
	f := excelize.NewFile()
	t.Cleanup(func() { f.Close() })
	require.NoError(t, f.SetSheetName("Sheet1", sheets[0]))
	for _, s := range sheets[1:] {
		_, err := f.NewSheet(s)
		require.NoError(t, err)
	}
	return &book{t: t, f: f}
}

// text writes text cells from cell, along its row.
func (b *book) text(sheet, cell string, vs ...string) {
	b.t.Helper()
	col, row, err := excelize.CellNameToCoordinates(cell)
	require.NoError(b.t, err)
	for i, v := range vs {
		if v == "" {
			continue
		}
		name, _ := excelize.CoordinatesToCellName(col+i, row)
		require.NoError(b.t, b.f.SetCellStr(sheet, name, v))
	}
}

// number writes a number as the file stores it (its text, exactly), in a
// number format: 0 for none, 10 for 0.00%, 14 for a date, or a custom one.
func (b *book) number(sheet, cell, stored string, numFmt int, custom string) {
	b.t.Helper()
	require.NoError(b.t, b.f.SetCellDefault(sheet, cell, stored))
	if numFmt == 0 && custom == "" {
		return
	}
	st := &excelize.Style{NumFmt: numFmt}
	if custom != "" {
		st.CustomNumFmt = &custom
	}
	id, err := b.f.NewStyle(st)
	require.NoError(b.t, err)
	require.NoError(b.t, b.f.SetCellStyle(sheet, cell, cell, id))
}

func (b *book) bytes() []byte {
	b.t.Helper()
	var buf bytes.Buffer
	_, err := b.f.WriteTo(&buf)
	require.NoError(b.t, err)
	return buf.Bytes()
}

// rewrite replaces old with new in the first sheet's XML, for cells
// excelize does not write (an error value, a formula as Excel leaves one
// that was never calculated).
func rewrite(t *testing.T, data []byte, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, zf := range zr.File {
		r, err := zf.Open()
		require.NoError(t, err)
		body, err := io.ReadAll(r)
		require.NoError(t, err)
		if zf.Name == "xl/worksheets/sheet1.xml" {
			found = strings.Contains(string(body), old)
			body = []byte(strings.Replace(string(body), old, new, 1))
		}
		w, err := zw.Create(zf.Name)
		require.NoError(t, err)
		_, err = w.Write(body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.True(t, found, "no %s in the sheet", old)
	return out.Bytes()
}

func read(t *testing.T, r xlsx.Reader, data []byte) ([]regime.Observation, []contract.Warning, error) {
	t.Helper()
	if r.Returns.Contract == nil {
		r.Returns.Contract = ictContract(t)
	}
	r.Returns.Today = readOn
	return r.Read(bytes.NewReader(data), "f.xlsx")
}

// find is the observation of kpi for month.
func find(t *testing.T, obs []regime.Observation, ref, month string) regime.Observation {
	t.Helper()
	m := period.Must(period.ParseMonth(month))
	for _, o := range obs {
		if o.KPI == ref && o.Month == m {
			return o
		}
	}
	t.Fatalf("no observation of KPI %s for %s", ref, month)
	return regime.Observation{}
}

// value is an observation's figure.
func value(t *testing.T, o regime.Observation) decimal.Decimal {
	t.Helper()
	v, ok := o.Obs.Value()
	require.True(t, ok, "KPI %s for %s has no figure: %v", o.KPI, o.Month, o.Obs)
	return v
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// TestLongLayout: the CSV return's columns, a row per KPI per period, below
// a title row; the blank row is passed over.
func TestLongLayout(t *testing.T) {
	b := newBook(t, "Returns")
	b.text("Returns", "A1", "ICT returns, 2016/17")
	b.text("Returns", "A2", "KPI", "Period", "Value", "Note")
	// Row 3: KPI 3, April, 0.8889 in a 0.00% cell: 88.89% (the point
	// moved two places).
	b.text("Returns", "A3", "3", "Apr-16")
	b.number("Returns", "C3", "0.8889", 10, "")
	// Row 4: KPI 4, May given as 2016-05, a plain 96.23.
	b.text("Returns", "A4", "4", "2016-05")
	b.number("Returns", "C4", "96.23", 0, "")
	// Row 5 is blank. Row 6: KPI 5, April, No Data, with a note.
	b.text("Returns", "A6", "5", "Apr-16", "No Data", "system down")
	// Row 7: KPI 3, May, a status in words.
	b.text("Returns", "A7", "3", "May-16", "Not Measured in April No Survey Due")

	obs, warns, err := read(t, xlsx.Reader{}, b.bytes())
	require.NoError(t, err)
	assert.Empty(t, warns)
	require.Len(t, obs, 4, "rows 3, 4, 6 and 7")

	apr3 := find(t, obs, "3", "Apr-16")
	assert.True(t, dec("88.89").Equal(value(t, apr3)), "0.8889 × 100 = 88.89: %s", value(t, apr3))
	assert.Equal(t, regime.Source{File: "f.xlsx", Sheet: "Returns", Line: 3}, apr3.Source)

	may4 := find(t, obs, "4", "May-16")
	assert.True(t, dec("96.23").Equal(value(t, may4)))
	assert.Equal(t, 4, may4.Source.Line)

	apr5 := find(t, obs, "5", "Apr-16")
	st, _ := apr5.Obs.Reason()
	assert.Equal(t, kpi.NoData, st)
	assert.Equal(t, "system down", apr5.Note)
	assert.Equal(t, 6, apr5.Source.Line, "the blank row 5 counts in the rows' numbers")

	may3 := find(t, obs, "3", "May-16")
	st, _ = may3.Obs.Reason()
	assert.Equal(t, kpi.NotDue, st, "a status in words, as a CSV value")
	assert.Equal(t, "Not Measured in April No Survey Due", may3.Note)
}

// TestSheetChoice: -sheet's name picks the sheet; without one the first is
// read (here a cover sheet, with no header row); a name that is not there
// is an error naming the sheets there are.
func TestSheetChoice(t *testing.T) {
	b := newBook(t, "Cover", "ICT")
	b.text("Cover", "A1", "Performance pack, May 2016")
	b.text("ICT", "A1", "kpi", "period", "value")
	b.text("ICT", "A2", "4", "May-16", "96.23")
	data := b.bytes()

	obs, _, err := read(t, xlsx.Reader{Sheet: "ICT"}, data)
	require.NoError(t, err)
	require.Len(t, obs, 1)
	assert.True(t, dec("96.23").Equal(value(t, obs[0])))
	assert.Equal(t, regime.Source{File: "f.xlsx", Sheet: "ICT", Line: 2}, obs[0].Source)

	_, _, err = read(t, xlsx.Reader{}, data)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "f.xlsx: Cover!A1: no header row"), err.Error())

	_, _, err = read(t, xlsx.Reader{Sheet: "PSSP"}, data)
	assert.EqualError(t, err, `f.xlsx: there is no sheet "PSSP" (the sheets are "Cover", "ICT")`)
}

// TestDateCells: a date in a period cell, or heading a period's column,
// stands for its month, in either of Excel's date systems.
//
// By hand, in the 1900 system (serial 1 is 1 January 1900, and Excel counts
// a 29 February 1900, so from March 1900 serial n is n days after 30
// December 1899): 1 January 2016 is 42370; April 2016 starts after January
// (31), February (29, a leap year) and March (31), 91 days later: 42461;
// 1 May is 30 days after that: 42491. In the 1904 system serial 0 is 1
// January 1904, 1462 days after serial 0 of the 1900 system (4 years of
// 365 days, 1900 to 1903, and the 29 February 1900 that was not: 1460 + 2),
// so 1 April 2016 is 42461 - 1462 = 40999 and 1 May 41029.
func TestDateCells(t *testing.T) {
	for _, tc := range []struct {
		name     string
		date1904 bool
		apr, may string
	}{
		{"1900", false, "42461", "42491.75"}, // 6 pm on 1 May: the day is what counts
		{"1904", true, "40999", "41029"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t, "ICT")
			if tc.date1904 {
				yes := true
				require.NoError(t, b.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
			}
			// The long layout: dates in the period column, one in a
			// built-in date format (14), one in a custom one.
			b.text("ICT", "A1", "kpi", "period", "value")
			b.text("ICT", "A2", "3")
			b.number("ICT", "B2", tc.apr, 14, "")
			b.text("ICT", "C2", "88.89")
			b.text("ICT", "A3", "4")
			b.number("ICT", "B3", tc.may, 0, "mmm-yy")
			b.text("ICT", "C3", "96.23")
			obs, _, err := read(t, xlsx.Reader{}, b.bytes())
			require.NoError(t, err)
			require.Len(t, obs, 2)
			assert.True(t, dec("88.89").Equal(value(t, find(t, obs, "3", "Apr-16"))))
			assert.True(t, dec("96.23").Equal(value(t, find(t, obs, "4", "May-16"))))

			// The wide layout: dates heading the periods' columns.
			w := newBook(t, "ICT")
			if tc.date1904 {
				yes := true
				require.NoError(t, w.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
			}
			w.text("ICT", "A1", "KPI")
			w.number("ICT", "B1", tc.apr, 0, "mmm-yy")
			w.number("ICT", "C1", tc.may, 17, "") // built-in 17 is mmm-yy
			w.text("ICT", "A2", "4", "96.19", "96.23")
			obs, _, err = read(t, xlsx.Reader{}, w.bytes())
			require.NoError(t, err)
			require.Len(t, obs, 2)
			assert.True(t, dec("96.19").Equal(value(t, find(t, obs, "4", "Apr-16"))))
			assert.True(t, dec("96.23").Equal(value(t, find(t, obs, "4", "May-16"))))
		})
	}
}

// TestPercentFifteenDigits: Excel writes 95.8% as the double nearest 0.958,
// which it stores as 0.95799999999999996 (17 digits) but keeps and shows
// to 15 significant digits. By hand: 0.957999999999999|96, cut after the
// 15th significant digit (the 15 are 957999999999999), rounds up, since
// the next digits are 96: 0.958000000000000; in a percent cell the point
// moves two places: 95.8000000000000, which is 95.8, exactly. KPI 3's
// target is 90.0%, so 95.8 is met. A plain cell holding 96.230000000000004
// reads, the same way, as 96.2300000000000 = 96.23.
func TestPercentFifteenDigits(t *testing.T) {
	b := newBook(t, "ICT")
	b.text("ICT", "A1", "KPI", "May-16")
	b.text("ICT", "A2", "3")
	b.number("ICT", "B2", "0.95799999999999996", 10, "")
	b.text("ICT", "A3", "4")
	b.number("ICT", "B3", "96.230000000000004", 0, "")
	obs, warns, err := read(t, xlsx.Reader{}, b.bytes())
	require.NoError(t, err)
	assert.Empty(t, warns)
	got := value(t, find(t, obs, "3", "May-16"))
	assert.True(t, dec("95.8").Equal(got), "got %s", got)
	assert.True(t, dec("96.23").Equal(value(t, find(t, obs, "4", "May-16"))))

	c := ictContract(t)
	sc, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	require.NoError(t, err)
	r, ok := sc.Row("3")
	require.True(t, ok)
	assert.Equal(t, "met", r.Status.String(), "95.8% against a target of 90.0%")
}

// TestWideTargetDisagreement: the wide layout's published targets are
// compared with the contract's. KPI 9's target is 80% in the contract;
// the sheet publishes 85% for April (C2) and, in its row's Target column,
// 0.8 in a percent cell (80%) for May, which agrees. The disagreement is a
// warning naming the cell, the contract's target is used (80.58 against
// 80% is met); -strict (Strict) makes it an error.
func TestWideTargetDisagreement(t *testing.T) {
	b := newBook(t, "ICT")
	b.text("ICT", "A1", "KPI", "Apr-16", "Apr-16 target", "May-16", "Target", "Notes")
	b.text("ICT", "A2", "9", "80.58", "85%", "80")
	b.number("ICT", "E2", "0.8", 9, "") // built-in 9 is 0%
	b.text("ICT", "F2", "from the helpdesk system")
	data := b.bytes()

	obs, warns, err := read(t, xlsx.Reader{}, data)
	require.NoError(t, err)
	require.Len(t, warns, 1, "April's 85% only: May's 80% agrees")
	assert.Equal(t, "f.xlsx: ICT!C2: warning: the published target for Apr-16 is 85%, but the contract's is 80%: the contract's is used", warns[0].String())
	require.Len(t, obs, 2)
	assert.Equal(t, "from the helpdesk system", find(t, obs, "9", "May-16").Note)

	c := ictContract(t)
	sc, err := c.Score(obs, period.Must(period.ParseLabel("Apr-16")))
	require.NoError(t, err)
	r, ok := sc.Row("9")
	require.True(t, ok)
	assert.Equal(t, "met", r.Status.String(), "80.58 against the contract's 80%, not the sheet's 85%")

	_, _, err = read(t, xlsx.Reader{Returns: contract.ReturnReader{Contract: c, Strict: true}}, data)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "f.xlsx: ICT!C2: ")
	assert.Contains(t, err.Error(), "the published target for Apr-16 is 85%, but the contract's is 80%")
}

// TestErrorAndFormulaCells: a cell holding an error value, and a formula
// whose result was never stored (a workbook written by a program and not
// opened in Excel since), are errors naming the cell; neither is read as
// no figure.
func TestErrorAndFormulaCells(t *testing.T) {
	base := func(t *testing.T) *book {
		b := newBook(t, "ICT")
		b.text("ICT", "A1", "KPI", "Apr-16", "May-16")
		b.text("ICT", "A2", "3", "88.89")
		return b
	}
	for _, tc := range []struct {
		name     string
		old, new string // the May cell, C2, as excelize writes it, and as the test makes it
		want     string
	}{
		{"an error value", `<c r="C2" t="inlineStr"><is><t>PLACEHOLDER</t></is></c>`, `<c r="C2" t="e"><v>#DIV/0!</v></c>`,
			"f.xlsx: ICT!C2: the cell holds the error #DIV/0!, not a figure"},
		{"a formula with an error result", `<c r="C2" t="inlineStr"><is><t>PLACEHOLDER</t></is></c>`,
			`<c r="C2" t="e"><f>B2/0</f><v>#DIV/0!</v></c>`,
			"f.xlsx: ICT!C2: the cell holds the error #DIV/0!, not a figure"},
		{"a formula with no stored result", `<c r="C2" t="inlineStr"><is><t>PLACEHOLDER</t></is></c>`, `<c r="C2"><f>B2*1.05</f></c>`,
			"f.xlsx: ICT!C2: the cell holds a formula with no stored result (=B2*1.05)"},
		{"a text formula with no stored result", `<c r="C2" t="inlineStr"><is><t>PLACEHOLDER</t></is></c>`, `<c r="C2" t="str"><f>B2&amp;""</f></c>`,
			`f.xlsx: ICT!C2: the cell holds a formula with no stored result (=B2&"")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := base(t)
			require.NoError(t, b.f.SetCellDefault("ICT", "C2", "PLACEHOLDER"))
			data := rewrite(t, b.bytes(), tc.old, tc.new)
			_, _, err := read(t, xlsx.Reader{}, data)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "got %q", err.Error())
		})
	}
	// A formula whose result was stored is read as its result: 88.89 × 1.05
	// = 93.3345, by hand.
	b := base(t)
	require.NoError(t, b.f.SetCellDefault("ICT", "C2", "PLACEHOLDER"))
	data := rewrite(t, b.bytes(), `<c r="C2" t="inlineStr"><is><t>PLACEHOLDER</t></is></c>`, `<c r="C2"><f>B2*1.05</f><v>93.3345</v></c>`)
	obs, _, err := read(t, xlsx.Reader{}, data)
	require.NoError(t, err)
	assert.True(t, dec("93.3345").Equal(value(t, find(t, obs, "3", "May-16"))))
}
