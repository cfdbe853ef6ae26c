package contract_test

import (
	"fmt"
	"strings"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// A year to date across two versions of a regime: the target rises from
// 90% to 92% in October, so October's 91% misses under version 2 where it
// would have met under version 1. Each miss is one service point, 1% of the
// month's £10,000 charges: September's and October's, £200 to date.
func ExampleContract_yearToDateAcrossVersions() {
	const file = `id: CSC
start: 2016-04-01
monthly_charge: 10000
regimes:
  - name: CSC
    version: "1"
    from: 2016-04
    until: 2016-10
    kpis:
      - ref: CS
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_only, points: {missed: 1}}
    credits: [{type: points, rate: 1}]
  - name: CSC
    version: "2"
    from: 2016-10
    kpis:
      - ref: CS
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: 92%
        bands: {scheme: target_only, points: {missed: 1}}
    credits: [{type: points, rate: 1}]
`
	c, err := contract.Decode(strings.NewReader(file), "csc.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	returns := "kpi,period,value\n" +
		"CS,Apr-16,95\nCS,May-16,95\nCS,Jun-16,95\nCS,Jul-16,95\nCS,Aug-16,95\n" +
		"CS,Sep-16,85\nCS,Oct-16,91\nCS,Nov-16,95\nCS,Dec-16,95\n"
	obs, err := contract.ReadObservations(strings.NewReader(returns), "returns.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []string{"Sep-16", "Oct-16"} {
		sc, err := c.Score(obs, period.Must(period.ParseMonth(m)).Period())
		if err != nil {
			fmt.Println(err)
			return
		}
		row, _ := sc.Row("CS")
		fmt.Printf("%s: %s under version %s, %s point, £%s\n", m, row.Status, sc.Version, row.Points, row.Credit.StringFixed(2))
	}
	ytd, err := c.Score(obs, period.Must(period.ParseLabel("YTD 2016/17 to Dec-16")))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: versions %v, %s points, £%s\n", ytd.Period.Label(period.Short), ytd.Versions, ytd.Summary.Points, ytd.Summary.Credits.StringFixed(2))
	// Output:
	// Sep-16: missed under version 1, 1 point, £100.00
	// Oct-16: missed under version 2, 1 point, £100.00
	// YTD 2016/17 to Dec-16: versions [1 2], 2 points, £200.00
}
