package period_test

import (
	"fmt"
	"time"

	"github.com/kpiregime/kpiregime/period"
)

// Dates are civil: no time of day and no zone until you ask for one.
func ExampleDate() {
	d := period.Must(period.ParseDate("2016-01-31"))
	fmt.Println(d, d.Weekday())
	fmt.Println(d.AddDays(30))
	fmt.Println(d.AddMonths(1)) // clamped to the end of February
	fmt.Println(period.Must(period.NewDate(2016, time.April, 1)).Sub(d), "days")

	london, _ := time.LoadLocation("Europe/London")
	fmt.Println(period.Must(period.NewDate(2016, time.April, 1)).In(london).UTC())
	// Output:
	// 2016-01-31 Sunday
	// 2016-03-01
	// 2016-02-29
	// 61 days
	// 2016-03-31 23:00:00 +0000 UTC
}

// Stepping past the last date, 9999-12-31, stops there rather than making a
// date that would not parse back; AddDaysChecked says so instead.
func ExampleDate_AddDaysChecked() {
	last := period.Must(period.ParseDate("9999-12-30"))
	fmt.Println(last.AddDays(7))
	_, err := last.AddDaysChecked(7)
	fmt.Println(err)
	// Output:
	// 9999-12-31
	// out of range: 9999-12-30 plus 7 days is outside 0001-01-01 to 9999-12-31
}

// ParseDate rejects dates that do not exist, with an error that quotes them.
func ExampleParseDate_error() {
	_, err := period.ParseDate("2017-02-29")
	fmt.Println(err)
	// Output:
	// period: cannot parse "2017-02-29" as a date: out of range: day 29 is outside 1 to 28 for February 2017 (want a date written YYYY-MM-DD, such as 2016-04-01)
}

// A UK financial year runs from April to March; its quarters and halves
// follow it.
func ExampleFinancialYear() {
	fy := period.Must(period.FinancialYear(2016))
	fmt.Println(fy, "runs", fy.Start(), "to", fy.End().AddDays(-1))
	q1 := period.Must(fy.Quarter(1))
	fmt.Println(q1.Label(period.Short), "is", q1.FirstMonth().Label(period.Long), "to", q1.LastMonth().Label(period.Long))
	ytd := period.Must(fy.ToDate(period.Must(period.NewMonth(2016, time.August))))
	fmt.Println(ytd.Label(period.Short), "has", ytd.NumMonths(), "months")
	fmt.Println("January 2017 is in", period.Years{}.Quarter(period.Must(period.NewMonth(2017, time.January))))
	// Output:
	// 2016/17 runs 2016-04-01 to 2017-03-31
	// Q1 2016/17 is April 2016 to June 2016
	// YTD 2016/17 to Aug-16 has 5 months
	// January 2017 is in Q4 2016/17
}

// A contract may count its years from another month.
func ExampleYearsStarting() {
	contract := period.Must(period.YearsStarting(time.September))
	y := contract.Of(period.Must(period.NewMonth(2017, time.March)))
	fmt.Println(y, "is", y.First().Label(period.Long), "to", y.Last().Label(period.Long))
	fmt.Println(contract.Quarter(period.Must(period.NewMonth(2017, time.March))).Label(period.Long))
	// Output:
	// 2016/17 from Sep is September 2016 to August 2017
	// Quarter Three 2016/2017 from September
}

// Periods iterate month by month.
func ExamplePeriod_Months() {
	q := period.Must(period.ParseLabel("Quarter One 2016/2017"))
	for m := range q.Months() {
		fmt.Println(m.Label(period.Short))
	}
	// Output:
	// Apr-16
	// May-16
	// Jun-16
}

// Labels as the seed reports write them, parsed and written in each style.
func ExampleParseLabel() {
	for _, s := range []string{"Apr-16", "2016/2017", "Quarter One 2016/2017", "YTD 2016/17 to Aug-16"} {
		p, err := period.ParseLabel(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-22s %-13s %-24s %s\n", s, p.Kind(), p.Label(period.Long), p)
	}
	_, err := period.ParseLabel("Q5 2016/17")
	fmt.Println(err != nil)
	// Output:
	// Apr-16                 month         April 2016               2016-04
	// 2016/2017              year          2016/2017                2016/17
	// Quarter One 2016/2017  quarter       Quarter One 2016/2017    Q1 2016/17
	// YTD 2016/17 to Aug-16  year to date  YTD 2016/2017 to August 2016 YTD 2016/17 to 2016-08
	// true
}

// A six-monthly survey due in September and March is not due in April: that
// is seed 000's "Not Measured in April, No Survey Due".
func ExampleFrequency_Due() {
	survey := period.Must(period.ParseFrequency("6 Monthly"))
	for _, label := range []string{"Apr-16", "May-16", "Sep-16"} {
		m := period.Must(period.ParseMonth(label))
		fmt.Printf("%s due=%v period=%s\n", label, survey.Due(m), survey.PeriodOf(m))
	}
	// Output:
	// Apr-16 due=false period=H1 2016/17
	// May-16 due=false period=H1 2016/17
	// Sep-16 due=true period=H1 2016/17
}

// Four-weekly measures run in 28-day periods from an anchor date.
func ExampleFourWeekly() {
	f := period.Must(period.FourWeekly(period.Must(period.ParseDate("2016-04-01"))))
	n := 0
	for p := range f.Periods(period.Must(period.FinancialYear(2016)).Period()) {
		n++
		if n <= 2 {
			fmt.Println("P", n, p)
		}
	}
	fmt.Println(n, "periods end in 2016/17")
	// Output:
	// P 1 2016-04-01..2016-04-28
	// P 2 2016-04-29..2016-05-26
	// 13 periods end in 2016/17
}

// A contract whose years start in October measures its quarterly and annual
// KPIs in those years: the annual survey falls due in September, and the
// quarter a month belongs to is a quarter of the contract year.
func ExampleYears_ParseFrequency() {
	contract := period.Must(period.YearsStarting(time.October))
	for _, s := range []string{"Quarterly", "Annual", "six-monthly due Mar", "annual from Apr"} {
		f := period.Must(contract.ParseFrequency(s))
		nov := period.Must(period.NewMonth(2016, time.November))
		fmt.Printf("%-19s due %v; Nov-16 is in %s; written %q, or %q in a file of October years\n",
			s, f.DueMonths(), f.PeriodOf(nov).Label(period.Short), f, contract.FormatFrequency(f))
	}
	// Output:
	// Quarterly           due [March June September December]; Nov-16 is in Q1 2016/17 from Oct; written "quarterly from Oct", or "quarterly" in a file of October years
	// Annual              due [September]; Nov-16 is in 2016/17 from Oct; written "annual from Oct", or "annual" in a file of October years
	// six-monthly due Mar due [March September]; Nov-16 is in H1 2016/17 from Oct; written "six-monthly from Oct", or "six-monthly" in a file of October years
	// annual from Apr     due [March]; Nov-16 is in 2016/17; written "annual", or "annual due Mar" in a file of October years
}

// The standard frequencies of calendar years: quarters January to March and
// so on, and the year due in December.
func ExampleYears_Quarterly() {
	calendar := period.Must(period.YearsStarting(time.January))
	may := period.Must(period.NewMonth(2016, time.May))
	fmt.Println(calendar.Quarterly().PeriodOf(may), calendar.Quarterly().DueMonths())
	fmt.Println(calendar.Annual().PeriodOf(may), calendar.Annual().DueMonths())
	fmt.Println(period.Quarterly().PeriodOf(may), "in UK financial years")
	// Output:
	// Q2 2016 [March June September December]
	// 2016 [December]
	// Q1 2016/17 in UK financial years
}
