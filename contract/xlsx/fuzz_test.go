package xlsx_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/contract/xlsx"
	"github.com/kpiregime/kpiregime/period"
)

// FuzzCells writes fuzzed texts into a wide-layout workbook's header, figure
// and target cells, as text and as stored numbers, and reads it: whatever
// the cells hold, the reader returns observations or errors naming the
// file, never panics.
func FuzzCells(f *testing.F) {
	c := ictContract(f)
	f.Add("Apr-16", "88.89", "90.0%", true)
	f.Add("Q1 2016/17", "0.958", "< 5%", false)
	f.Add("2016-05", "Not Measured in April No Survey Due", "", true)
	f.Add("May-16", "9.5799999999999996E-1", "1e400", false)
	f.Fuzz(func(t *testing.T, head, fig, target string, number bool) {
		wb := excelize.NewFile()
		defer wb.Close()
		for cell, v := range map[string]string{"A1": "KPI", "B1": head, "C1": head + " target", "A2": "3", "C2": target} {
			if err := wb.SetCellStr("Sheet1", cell, v); err != nil {
				t.Skip()
			}
		}
		var err error
		if number {
			err = wb.SetCellDefault("Sheet1", "B2", fig)
			if pct, serr := wb.NewStyle(&excelize.Style{NumFmt: 10}); serr == nil {
				_ = wb.SetCellStyle("Sheet1", "B2", "B2", pct)
			}
		} else {
			err = wb.SetCellStr("Sheet1", "B2", fig)
		}
		if err != nil {
			t.Skip()
		}
		var b bytes.Buffer
		if _, err := wb.WriteTo(&b); err != nil {
			t.Skip()
		}
		r := xlsx.Reader{Returns: contract.ReturnReader{Contract: c, Today: period.Must(period.ParseDate("2026-12-02"))}}
		obs, _, err := r.Read(&b, "f.xlsx")
		if err != nil && !bytes.HasPrefix([]byte(err.Error()), []byte("f.xlsx")) {
			t.Fatalf("an error that does not name the file: %v", err)
		}
		if err == nil && len(obs) > 1 {
			t.Fatalf("one figure cell gave %d observations", len(obs))
		}
	})
}
