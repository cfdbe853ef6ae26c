package kpi_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// A council tax collection profile year by year: each year has its own
// monthly path and its own annual target, and a figure is rated against the
// path of the year it falls in.
func ExampleExplicitYears() {
	d := decimal.RequireFromString
	m := func(s string) period.Month { return period.Must(period.ParseMonth(s)) }
	fy := func(start int) period.Year { return period.Must(period.FinancialYear(start)) }
	ctax, err := kpi.New(kpi.Spec{
		Ref:       "R&B-K-001",
		Measure:   kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.Latest},
		Frequency: period.Monthly(),
		Target:    kpi.Written{Value: d("95.8"), Unit: kpi.Percent},
		Profile: kpi.ExplicitYears(period.Years{}, true,
			map[period.Year]decimal.Decimal{fy(2016): d("95.8"), fy(2017): d("96.0")},
			map[period.Month]decimal.Decimal{
				m("Apr-16"): d("11.36"), m("May-16"): d("20.31"),
				m("Apr-17"): d("11.50"), m("May-17"): d("20.40"),
			}),
		Bands: kpi.TargetOnly(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range []struct{ month, figure string }{{"May-16", "20.35"}, {"May-17", "20.35"}} {
		r, _ := kpi.Evaluate(ctax, m(c.month).Period(), kpi.Figure(d(c.figure)))
		fmt.Printf("%s: %s\n", c.month, r.Reason())
	}
	f, _ := ctax.Forecast(m("May-17"), d("20.35"))
	// 20.35 × 96.0 ÷ 20.40 = 95.764... = 95.76.
	fmt.Printf("2017/18 projected %s%% against %s%%\n", f.Projected, f.Annual)
	fmt.Println(ctax.Profile().Years())
	// Output:
	// May-16: 20.35% meets the target of 20.31%
	// May-17: 20.35% is below the target of 20.40%
	// 2017/18 projected 95.76% against 96%
	// [2016/17 2017/18]
}

// A contract that counts its years from October applies one linear
// cumulative shape to its written target every year: no year to list, and
// none left uncovered.
func ExampleLinearCumulativeEveryYear() {
	contract := period.Must(period.YearsStarting(time.October))
	target := decimal.RequireFromString("96")
	collected, err := kpi.New(kpi.Spec{
		Ref:       "COL-1",
		Measure:   kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.Latest},
		Frequency: contract.Quarterly(),
		Target:    kpi.Written{Value: target, Unit: kpi.Percent},
		Profile:   kpi.LinearCumulativeEveryYear(contract, target, 2),
		Bands:     kpi.TargetOnly(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, label := range []string{"Dec-16", "Sep-17", "Dec-20"} {
		q := collected.Frequency().PeriodOf(period.Must(period.ParseMonth(label)))
		t, _ := collected.TargetFor(q)
		fmt.Printf("%s: %s%%\n", q.Label(period.Short), t)
	}
	fmt.Println(collected.CheckYear(period.Must(contract.Year(2030))))
	// A quarter is rated against its last month: December is month 3 of
	// the year from October, 96 × 3/12 = 24; September month 12, 96.
	// Output:
	// Q1 2016/17 from Oct: 24%
	// Q4 2016/17 from Oct: 96%
	// Q1 2020/21 from Oct: 24%
	// <nil>
}

// Last year's monthly shape applied to each year's own annual target: the
// annual targets of a five-year contract, one weighted path.
func ExampleWeightedByYear() {
	d := decimal.RequireFromString
	var shape [12]decimal.Decimal
	for i, w := range []string{"12", "9", "9", "9", "8", "7", "8", "9", "8", "7", "4", "0"} {
		shape[i] = d(w) // last year's share of the collection, month by month
	}
	annual := map[period.Year]decimal.Decimal{}
	for i, a := range []string{"95.8", "96.0", "96.2", "96.4", "96.5"} {
		annual[period.Must(period.FinancialYear(2016+i))] = d(a)
	}
	p, err := kpi.WeightedByYear(period.Years{}, annual, shape, true, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, label := range []string{"Apr-16", "Sep-16", "Apr-20", "Sep-20", "Mar-21"} {
		t, _ := p.Target(period.Must(period.ParseMonth(label)))
		fmt.Printf("%s %s\n", label, t)
	}
	fmt.Println(p.Covers(period.Must(period.FinancialYear(2021))))
	// The weights add up to 90 and the first six to 54: April 2016 is
	// 95.8 × 12/90 = 12.773... = 12.77, September 2016 95.8 × 54/90 = 57.48;
	// in 2020/21, 96.5 × 12/90 = 12.866... = 12.87 and 96.5 × 54/90 = 57.9.
	// Output:
	// Apr-16 12.77
	// Sep-16 57.48
	// Apr-20 12.87
	// Sep-20 57.9
	// Mar-21 96.5
	// false
}

// A regime or contract checks, when it is loaded, that each profiled KPI has
// targets in every year it is in force: a profile for two years of a five-year
// contract is a mistake to report then, not when the third year's first
// figure arrives.
func ExampleDefinition_CheckYear() {
	d := decimal.RequireFromString
	fy := func(start int) period.Year { return period.Must(period.FinancialYear(start)) }
	ctax, _ := kpi.New(kpi.Spec{
		Ref:       "R&B-K-001",
		Measure:   kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.Latest},
		Frequency: period.Monthly(),
		Target:    kpi.Written{Value: d("95.8"), Unit: kpi.Percent},
		Profile:   kpi.LinearCumulativeByYear(period.Years{}, map[period.Year]decimal.Decimal{fy(2016): d("95.8"), fy(2017): d("96")}, 2),
		Bands:     kpi.TargetOnly(),
	})
	for y := fy(2016); y.StartYear() < 2021; y = y.Next() {
		if err := ctax.CheckYear(y); err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// KPI R&B-K-001 has no profiled target for 2018/19
	// KPI R&B-K-001 has no profiled target for 2019/20
	// KPI R&B-K-001 has no profiled target for 2020/21
}
