package xlsx_test

import (
	"bytes"
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
	"github.com/kpiregime/kpiregime/regime/render/xlsx"
)

// ExampleWrite writes a one-KPI scorecard as a workbook and reads two of
// its cells back: the figure 88.89% is stored as the number 0.8889 with
// the format 0.00%, and the status, short of 90.0%, is filled amber
// (#fff0c2, which the file keeps as RGB FFF0C2).
func ExampleWrite() {
	w, _ := kpi.ParseWritten("90.0%")
	d, err := kpi.New(kpi.Spec{Ref: "3", Description: "Resolution of severity 3 incidents", ServiceArea: "ICT",
		Measure:   kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums},
		Frequency: period.Monthly(), Target: w, Bands: kpi.TargetOnly()})
	if err != nil {
		fmt.Println(err)
		return
	}
	apr := period.Must(period.ParseMonth("Apr-16"))
	r, err := regime.New(regime.Spec{Name: "ICT", From: apr, KPIs: []kpi.Definition{d}})
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := r.Score(regime.Input{Observations: []regime.Observation{
		{KPI: "3", Month: apr, Obs: kpi.Figure(decimal.RequireFromString("88.89"))},
	}}, apr.Period())
	if err != nil {
		fmt.Println(err)
		return
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, render.Card{Contract: "ICT", Scorecard: sc}); err != nil {
		fmt.Println(err)
		return
	}

	f, err := excelize.OpenReader(&b)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	actual, _ := f.GetCellValue("ICT Apr-16", "F2", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue("ICT Apr-16", "F2")
	status, _ := f.GetCellValue("ICT Apr-16", "H2")
	idx, _ := f.GetCellStyle("ICT Apr-16", "H2")
	st, _ := f.GetStyle(idx)
	fmt.Println("Actual:", actual, "shown as", shown)
	fmt.Println("Status:", status, "filled", st.Fill.Color)
	// Output:
	// [Summary ICT Apr-16]
	// Actual: 0.8889 shown as 88.89%
	// Status: Missed filled [FFF0C2]
}
