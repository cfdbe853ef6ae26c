package period_test

import (
	"fmt"
	"time"

	"github.com/kpiregime/kpiregime/period"
)

// A rail year of thirteen 28-day periods from 1 April, the last period
// taking the odd days: 2023/24 has 366 days, so P13 has 30.
func ExamplePeriodCalendar_railYear() {
	c := period.Must(period.NewPeriodCalendar(time.April, 1, period.AbsorbLast))
	p5 := period.Must(c.Parse("P5 2023/24"))
	fmt.Println(p5, "runs", p5.Start(), "to", p5.Last())
	p13 := period.Must(c.Period(13, 2023))
	fmt.Println(p13, "runs", p13.Start(), "to", p13.Last(), "-", p13.Days(), "days")
	fmt.Println(period.Must(c.PeriodOf(period.Must(period.ParseDate("2024-02-29")))))
	q4 := period.Must(c.Parse("Q4 2023/24"))
	fmt.Print(q4.Label(period.Long), ":")
	for p := range c.Periods(q4) {
		fmt.Print(" ", p)
	}
	fmt.Println()
	// Output:
	// P5 2023/24 runs 2023-07-22 to 2023-08-18
	// P13 2023/24 runs 2024-03-02 to 2024-03-31 - 30 days
	// P12 2023/24
	// Quarter Four 2023/2024: P10 2023/24 P11 2023/24 P12 2023/24 P13 2023/24
}

// A KPI measured in the calendar's periods falls due in the month each
// period ends in: twice in March 2024, when P12 ends on 1 March and P13 on
// 31 March.
func ExamplePeriodic() {
	c := period.Must(period.NewPeriodCalendar(time.April, 1, period.AbsorbLast))
	f := period.Must(c.ParseFrequency(period.Years{}, "periodic"))
	march := period.Must(period.ParseMonth("Mar-24"))
	for p := range f.Periods(march.Period()) {
		fmt.Println(p, "ends", p.Last())
	}
	// Output:
	// P12 2023/24 ends 2024-03-01
	// P13 2023/24 ends 2024-03-31
}
