package worktime_test

import (
	"fmt"
	"time"

	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/ukholiday"
	"github.com/kpiregime/kpiregime/period/worktime"
)

// A service desk open 09:00-17:00 on weekdays in London, closed on England
// and Wales bank holidays: how much working time did a ticket take?
func ExampleCalendar_Elapsed() {
	hols, err := ukholiday.Holidays(ukholiday.EnglandAndWales, 2016, 2017)
	if err != nil {
		panic(err)
	}
	cal, err := worktime.NewCalendar(worktime.CalendarSpec{
		Hours:    period.Must(worktime.ParseHours("Mon-Fri 09:00-17:00")),
		From:     period.Must(period.ParseDate("2016-01-01")),
		To:       period.Must(period.ParseDate("2018-01-01")),
		Holidays: ukholiday.Dates(hols),
	})
	if err != nil {
		panic(err)
	}
	london := cal.Location()
	opened := time.Date(2016, time.March, 24, 16, 30, 0, 0, london)  // Thursday before Easter
	resolved := time.Date(2016, time.March, 29, 9, 30, 0, 0, london) // Tuesday after
	d, _ := cal.Elapsed(opened, resolved)
	fmt.Println("working time:", d)
	fmt.Println("within 2 business days (16 hours):", d <= 16*time.Hour)
	// Output:
	// working time: 1h0m0s
	// within 2 business days (16 hours): true
}

// "Within 4 working hours" is a business duration; "within 1 working day" is
// a count of days. They are different deadlines.
func ExampleCalendar_Deadline() {
	cal, err := worktime.NewCalendar(worktime.CalendarSpec{
		Hours: period.Must(worktime.ParseHours("Mon-Fri 09:00-12:30,13:30-17:00")),
		From:  period.Must(period.ParseDate("2016-04-01")),
		To:    period.Must(period.ParseDate("2016-05-01")),
	})
	if err != nil {
		panic(err)
	}
	raised := time.Date(2016, time.April, 8, 15, 0, 0, 0, cal.Location()) // a Friday
	p1, _ := cal.Deadline(raised, 4*time.Hour)
	day, _ := cal.DeadlineWorkingDays(raised, 1)
	by4, _ := cal.DeadlineWorkingDaysAt(raised, 1, period.Must(worktime.ParseTimeOfDay("16:00")))
	fmt.Println("4 working hours:       ", p1.Format("Mon 2 Jan 15:04"))
	fmt.Println("1 working day:         ", day.Format("Mon 2 Jan 15:04"))
	fmt.Println("by 16:00 next work day:", by4.Format("Mon 2 Jan 15:04"))
	// Output:
	// 4 working hours:        Mon 11 Apr 11:00
	// 1 working day:          Mon 11 Apr 17:00
	// by 16:00 next work day: Mon 11 Apr 16:00
}

// A ticket's SLA clock stops while it waits on the customer. Only paused time
// that overlaps working hours comes off.
func ExampleNewClock() {
	cal, err := worktime.NewCalendar(worktime.CalendarSpec{
		Hours: period.Must(worktime.ParseHours("Mon-Fri 09:00-17:00")),
		From:  period.Must(period.ParseDate("2016-04-01")),
		To:    period.Must(period.ParseDate("2016-05-01")),
	})
	if err != nil {
		panic(err)
	}
	at := func(day, h, m int) time.Time { return time.Date(2016, time.April, day, h, m, 0, 0, cal.Location()) }
	clock, err := worktime.NewClock(
		worktime.StatusChange{At: at(11, 9, 0), Event: worktime.ClockStart},
		worktime.StatusChange{At: at(11, 10, 0), Event: worktime.ClockPause}, // awaiting customer
		worktime.StatusChange{At: at(12, 10, 0), Event: worktime.ClockResume},
		worktime.StatusChange{At: at(12, 11, 0), Event: worktime.ClockStop},
	)
	if err != nil {
		panic(err)
	}
	d, _ := clock.Elapsed(cal, at(30, 0, 0))
	fmt.Println(d)
	// Output:
	// 2h0m0s
}

// Working hours read as people write them, and print back in one form.
func ExampleParseHours() {
	for _, s := range []string{"Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00", "24x7"} {
		h, err := worktime.ParseHours(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %s a week\n", h, h.Weekly())
	}
	// Output:
	// Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00: 39h0m0s a week
	// Mon-Sun 00:00-24:00: 168h0m0s a week
}
