package contract_test

import (
	"fmt"
	"strings"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// A figure restated after a typing error: June's 82.1% (missed, 2 points,
// 2% of £100,000 = £2,000) corrected to 92.1% (met) at the meeting of 12
// September. June now stands at £0; as at 11 September it stood at £2,000;
// the £2,000 is given back in September, the month of the restatement.
func ExampleContract_ScoreAsAt_restatedFigure() {
	file := `
id: RS
start: 2019-04-01
monthly_charge: 100000
regimes:
  - name: R
    from: 2019-04
    kpis:
      - ref: "3"
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_only, points: {missed: 2}}
    credits:
      - {type: points, rate: 1}
`
	figures := `kpi,period,value,reported_on,reported_by
3,Jun-19,82.1,2019-07-05,Serco
3,Sep-19,95,2019-10-05,Serco
3,Jun-19,92.1,2019-09-12,the council
`
	c, err := contract.Decode(strings.NewReader(file), "rs.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	obs, err := contract.ReadObservations(strings.NewReader(figures), "rs.csv", c)
	if err != nil {
		fmt.Println(err)
		return
	}
	jun, sep := period.Must(period.ParseLabel("Jun-19")), period.Must(period.ParseLabel("Sep-19"))
	for _, asAt := range []string{"2019-09-11", ""} {
		var d period.Date
		if asAt != "" {
			d = period.Must(period.ParseDate(asAt))
		}
		sc, err := c.ScoreAsAt(obs, jun, d)
		if err != nil {
			fmt.Println(err)
			return
		}
		row, _ := sc.Row("3")
		fmt.Printf("June as at %q: %s, credit £%s\n", asAt, row.Status, row.Credit.StringFixed(2))
		for _, n := range row.Notes {
			fmt.Println("  note:", n)
		}
		for _, v := range row.Figures {
			fmt.Printf("  %s reported on %s by %s (%s): %s\n", v.Written(), v.ReportedOn, v.ReportedBy, v.Source, v.Status)
		}
	}
	sc, err := c.Score(obs, sep)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("September: credits %s; adjustments %s\n", sc.Summary.Credits.StringFixed(2), sc.Summary.AdjustmentsTotal.StringFixed(2))
	for _, a := range sc.Summary.Adjustments {
		fmt.Println("  " + a.String())
	}
	// Output:
	// June as at "2019-09-11": missed, credit £2000.00
	// June as at "": met, credit £0.00
	//   note: restated on 2019-09-12 by the council: was 82.1% (missed), now 92.1% (met)
	//   82.1% reported on 2019-07-05 by Serco (rs.csv:2): missed
	//   92.1% reported on 2019-09-12 by the council (rs.csv:4): met
	// September: credits 0.00; adjustments -2000.00
	//   Sep-19: -£2,000.00 for 3 Jun-19, restated on 2019-09-12 by the council (credits after caps of Jun-19 were £2,000.00, now £0.00)
}
