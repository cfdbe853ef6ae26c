package ukholiday_test

import (
	"fmt"

	"github.com/kpiregime/kpiregime/period/ukholiday"
)

// Scotland's bank holidays for 2022, with the substitute days and the
// one-off days of that year.
func ExampleHolidays() {
	hs, err := ukholiday.Holidays(ukholiday.Scotland, 2022, 2022)
	if err != nil {
		panic(err)
	}
	for _, h := range hs {
		fmt.Println(h.Date, h.Date.Weekday(), h.Name)
	}
	// Output:
	// 2022-01-03 Monday New Year’s Day (substitute day)
	// 2022-01-04 Tuesday 2nd January (substitute day)
	// 2022-04-15 Friday Good Friday
	// 2022-05-02 Monday Early May bank holiday
	// 2022-06-02 Thursday Spring bank holiday
	// 2022-06-03 Friday Platinum Jubilee bank holiday
	// 2022-08-01 Monday Summer bank holiday
	// 2022-09-19 Monday Bank Holiday for the State Funeral of Queen Elizabeth II
	// 2022-11-30 Wednesday St Andrew’s Day
	// 2022-12-26 Monday Boxing Day
	// 2022-12-27 Tuesday Christmas Day (substitute day)
}

// A caller who did not observe the one-off days leaves them out.
func ExampleWithoutExtras() {
	all, _ := ukholiday.Holidays(ukholiday.EnglandAndWales, 2022, 2023)
	usual, _ := ukholiday.Holidays(ukholiday.EnglandAndWales, 2022, 2023, ukholiday.WithoutExtras())
	fmt.Println(len(all), len(usual))
	// Output:
	// 19 16
}
