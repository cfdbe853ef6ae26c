package contract_test

import (
	"fmt"
	"os"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// The main path, as the README gives it: read a contract file and a
// supplier's return, and score a month. Seed 000's ICT service in May 2016:
// KPI 1 had one severity 1 incident not resolved within 2 hours against a
// target of 0 failures, which is the detriment band: 2 service points, at 1%
// of the month's £100,000.00 charges each, is £2,000.00, under the 5% cap
// (£5,000.00); the other four met their targets.
func ExampleReadFile() {
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
	obs, err := contract.ReadObservations(f, "ict-2016.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := c.Score(obs, period.Must(c.ParsePeriod("May-16")))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range sc.Rows {
		fmt.Println(r.KPI, r.Status, r.Points)
	}
	fmt.Println("credits", sc.Money(sc.Summary.Credits))
	// Output:
	// 1 detriment 2
	// 3 met 0
	// 9 met 0
	// 10 met 0
	// 19 met 0
	// credits £2,000.00
}
