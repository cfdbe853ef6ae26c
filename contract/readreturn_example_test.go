package contract_test

import (
	"fmt"
	"os"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// ReadReturn reads a return into a regime.Return, which holds a plain row
// in a few bytes: seed 000's ICT return of 2016 has ten rows, five KPIs for
// April and May 2016 (ict-2016.csv). Its row on line 3 is KPI 1's May
// figure, 1 failure, with its note, so it is kept in full; line 7 is KPI 9's
// May counts, 1,612 of 2,015 (80%, given beside them). Then May is scored
// from the Return.
func ExampleReadReturn() {
	c, err := contract.ReadFile("../examples/scorecard/testdata/ict.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := os.Open("../examples/scorecard/testdata/ict-2016.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	rt, err := contract.ReadReturn(f, "ict-2016.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	first, last := rt.Months()
	fmt.Println(rt.Len(), "rows from", first, "to", last)
	for _, i := range []int{1, 5} {
		o := rt.At(i)
		fmt.Printf("%s:%d: %s %s %s %q\n", o.Source.File, o.Source.Line, o.KPI, o.Month, o.Obs, o.Note)
	}
	// Scored from the Return, May 2016 is what ExampleReadFile scores from
	// the observations: KPI 1's failure is the detriment band, 2 points at
	// 1% of £100,000.00 each, £2,000.00.
	sc, err := c.ScoreReturn(rt, period.Must(c.ParsePeriod("May-16")))
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := sc.Row("1")
	fmt.Println(row.KPI, row.Status, row.Points, "credits", sc.Money(sc.Summary.Credits))
	// Output:
	// 10 rows from 2016-04 to 2016-05
	// ict-2016.csv:3: 1 2016-05 1 "Both incidents resolved but one not updated on the system as per process"
	// ict-2016.csv:7: 9 2016-05 1612 of 2015 ""
	// 1 detriment 2 credits £2,000.00
}
