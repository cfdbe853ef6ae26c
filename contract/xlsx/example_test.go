package xlsx_test

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/contract/xlsx"
	"github.com/kpiregime/kpiregime/period"
)

// Example reads a supplier's return laid out as a committee report: a row
// per KPI, a column per period, the service area merged down beside its
// KPIs, and a published target that disagrees with the contract's. 0.8889
// in a 0.00% cell is 88.89%.
func Example() {
	c, err := contract.ReadFile("../../examples/peterborough/ict.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	// The workbook, as a supplier would send it.
	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetSheetName("Sheet1", "ICT")
	for cell, v := range map[string]string{
		"A1": "Service Area", "B1": "KPI Ref", "C1": "Apr-16", "D1": "May-16", "E1": "May-16 target",
		"A2": "ICT", "B2": "3", "D2": "93.18", "E2": "90%",
		"B3": "9", "C3": "80.58", "D3": "80", "E3": "85%",
	} {
		_ = f.SetCellStr("ICT", cell, v)
	}
	_ = f.SetCellDefault("ICT", "C2", "0.8889")
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	_ = f.SetCellStyle("ICT", "C2", "C2", pct)
	_ = f.MergeCell("ICT", "A2", "A3")
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		fmt.Println(err)
		return
	}

	r := xlsx.Reader{Returns: contract.ReturnReader{Contract: c}}
	obs, warns, err := r.Read(&b, "returns.xlsx")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range warns {
		fmt.Println(w)
	}
	for _, o := range obs {
		fmt.Printf("%s  KPI %s %s: %s\n", o.Source, o.KPI, o.Month.Label(period.Short), o.Obs)
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("Apr-16")))
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := sc.Row("3")
	fmt.Println("KPI 3 in April:", row.Label)
	// Output:
	// returns.xlsx: ICT!E3: warning: the published target for May-16 is 85%, but the contract's is 80%: the contract's is used
	// returns.xlsx: ICT!2  KPI 3 Apr-16: 88.89
	// returns.xlsx: ICT!2  KPI 3 May-16: 93.18
	// returns.xlsx: ICT!3  KPI 9 Apr-16: 80.58
	// returns.xlsx: ICT!3  KPI 9 May-16: 80
	// KPI 3 in April: Missed
}
