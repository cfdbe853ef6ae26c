package worktime_test

import (
	"errors"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/ukholiday"
	"github.com/kpiregime/kpiregime/period/worktime"
)

var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at returns a wall-clock instant in London.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, london)
}

func date(y int, m time.Month, d int) period.Date { return period.Must(period.NewDate(y, m, d)) }

// officeCalendar is 09:00-17:00 Monday to Friday in London with England and
// Wales bank holidays, 2012 to 2035.
func officeCalendar(t testing.TB, opts ...ukholiday.Option) *worktime.Calendar {
	t.Helper()
	return calendarWith(t, "Mon-Fri 09:00-17:00", opts...)
}

func calendarWith(t testing.TB, hours string, opts ...ukholiday.Option) *worktime.Calendar {
	t.Helper()
	hs, err := ukholiday.Holidays(ukholiday.EnglandAndWales, 2012, 2035, opts...)
	require.NoError(t, err)
	cal, err := worktime.NewCalendar(worktime.CalendarSpec{
		Location: london,
		Hours:    period.Must(worktime.ParseHours(hours)),
		From:     date(2012, time.January, 1),
		To:       date(2036, time.January, 1),
		Holidays: ukholiday.Dates(hs),
	})
	require.NoError(t, err)
	return cal
}

// TestElapsedWorkedCases are worked by hand on a 09:00-17:00 Monday-to-Friday
// calendar with England and Wales bank holidays.
func TestElapsedWorkedCases(t *testing.T) {
	cal := officeCalendar(t)
	tests := []struct {
		name string
		a, b time.Time
		want time.Duration
	}{
		// 16:30-17:00 on Friday, 09:00-09:30 on Monday.
		{"Friday 16:30 to Monday 09:30", at(2016, time.April, 8, 16, 30), at(2016, time.April, 11, 9, 30), time.Hour},
		// Good Friday 25 March 2016 and Easter Monday 28 March are holidays;
		// only 09:00-11:00 on Tuesday 29 March counts.
		{"opened on Good Friday", at(2016, time.March, 25, 10, 0), at(2016, time.March, 29, 11, 0), 2 * time.Hour},
		// Christmas 2021 fell on a Saturday: Monday 27 and Tuesday 28 were
		// the substitute days. 15:00-17:00 on Friday 24, 09:00-10:00 on
		// Wednesday 29.
		{"Christmas 2021 and its substitute days", at(2021, time.December, 24, 15, 0), at(2021, time.December, 29, 10, 0), 3 * time.Hour},
		// New Year's Day 2022 was a Saturday: Monday 3 January was its
		// substitute. 16:00-17:00 on Friday 31 December, 09:00-10:00 on
		// Tuesday 4 January.
		{"New Year 2022 and its substitute day", at(2021, time.December, 31, 16, 0), at(2022, time.January, 4, 10, 0), 2 * time.Hour},
		// Christmas 2022 fell on a Sunday: Boxing Day was Monday 26 and
		// Christmas's substitute Tuesday 27. 16:00-17:00 on Friday 23,
		// 09:00-09:30 on Wednesday 28.
		{"Christmas 2022 and its substitute day", at(2022, time.December, 23, 16, 0), at(2022, time.December, 28, 9, 30), 90 * time.Minute},
		// The State Funeral, Monday 19 September 2022: 16:00-17:00 on Friday
		// 16, 09:00-10:00 on Tuesday 20.
		{"spanning the State Funeral", at(2022, time.September, 16, 16, 0), at(2022, time.September, 20, 10, 0), 2 * time.Hour},
		// Out of hours both ends: Saturday to Sunday is nothing.
		{"a weekend", at(2016, time.April, 9, 10, 0), at(2016, time.April, 10, 15, 0), 0},
		// Before opening to after closing on one day: the whole 8 hours.
		{"a whole day", at(2016, time.April, 11, 7, 0), at(2016, time.April, 11, 19, 0), 8 * time.Hour},
		// A working week of 2016: 5 × 8 hours.
		{"a week", at(2016, time.April, 11, 0, 0), at(2016, time.April, 18, 0, 0), 40 * time.Hour},
		{"empty", at(2016, time.April, 11, 10, 0), at(2016, time.April, 11, 10, 0), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cal.Elapsed(tt.a, tt.b)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestStateFuneralSwitchedOff: a caller who did not observe the State
// Funeral counts Monday 19 September 2022 as a working day: the same ticket
// as above takes 1 + 8 + 1 = 10 hours.
func TestStateFuneralSwitchedOff(t *testing.T) {
	cal := officeCalendar(t, ukholiday.WithoutExtras("queen_state_funeral"))
	got, err := cal.Elapsed(at(2022, time.September, 16, 16, 0), at(2022, time.September, 20, 10, 0))
	require.NoError(t, err)
	assert.Equal(t, 10*time.Hour, got)
}

// TestHalfSecondAfterClose: an instant at 17:00:00.5 is after close of
// business. Working time ends at 17:00:00 exactly.
func TestHalfSecondAfterClose(t *testing.T) {
	cal := officeCalendar(t)
	closing := at(2016, time.April, 8, 17, 0)
	late := closing.Add(500 * time.Millisecond)
	got, err := cal.Elapsed(at(2016, time.April, 8, 16, 0), late)
	require.NoError(t, err)
	assert.Equal(t, time.Hour, got)

	working, err := cal.IsWorkingTime(late)
	require.NoError(t, err)
	assert.False(t, working)
	working, err = cal.IsWorkingTime(closing.Add(-500 * time.Millisecond))
	require.NoError(t, err)
	assert.True(t, working)
	working, err = cal.IsWorkingTime(closing)
	require.NoError(t, err)
	assert.False(t, working, "half-open: 17:00:00 itself is closed")

	// Half a second from 16:59:59.5 is reached at 17:00:00 on Friday, not on
	// Monday morning.
	dl, err := cal.Deadline(closing.Add(-500*time.Millisecond), 500*time.Millisecond)
	require.NoError(t, err)
	assert.True(t, closing.Equal(dl), "got %s", dl)
	// From 17:00:00.5 on Friday, the first half second of working time is
	// 09:00:00.5 on Monday.
	dl, err = cal.Deadline(late, 500*time.Millisecond)
	require.NoError(t, err)
	assert.True(t, at(2016, time.April, 11, 9, 0).Add(500*time.Millisecond).Equal(dl), "got %s", dl)
}

// Test24x7ClockChanges: a 24x7 desk's days follow the wall clock, so the day
// British Summer Time starts (27 March 2016) has 23 hours and the day it ends
// (30 October 2016) has 25.
func Test24x7ClockChanges(t *testing.T) {
	cal, err := worktime.NewCalendar(worktime.CalendarSpec{
		Hours: period.Must(worktime.ParseHours("24x7")),
		From:  date(2016, time.January, 1),
		To:    date(2017, time.January, 1),
	})
	require.NoError(t, err)
	assert.Equal(t, "Europe/London", cal.Location().String(), "London is the default")

	for _, c := range []struct {
		d    period.Date
		want time.Duration
	}{
		{date(2016, time.March, 26), 24 * time.Hour},
		{date(2016, time.March, 27), 23 * time.Hour},
		{date(2016, time.October, 30), 25 * time.Hour},
		{date(2016, time.October, 31), 24 * time.Hour},
	} {
		got, err := cal.WorkingTimeOn(c.d)
		require.NoError(t, err)
		assert.Equal(t, c.want, got, "%s", c.d)
		got, err = cal.Elapsed(c.d.In(london), c.d.AddDays(1).In(london))
		require.NoError(t, err)
		assert.Equal(t, c.want, got, "%s", c.d)
	}
	// Noon Saturday to noon Monday across the spring change is 47 real hours.
	got, err := cal.Elapsed(at(2016, time.March, 26, 12, 0), at(2016, time.March, 28, 12, 0))
	require.NoError(t, err)
	assert.Equal(t, 47*time.Hour, got)
	// The whole of 2016 in London: 366 days less an hour plus an hour.
	got, err = cal.Elapsed(date(2016, time.January, 1).In(london), date(2017, time.January, 1).In(london))
	require.NoError(t, err)
	assert.Equal(t, 366*24*time.Hour, got)
}

func TestSplitAndSaturdayHours(t *testing.T) {
	cal := calendarWith(t, "Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00")
	// Monday 11 April 2016: 3.5 + 3.5 hours; Saturday 16 April: 4 hours.
	for _, c := range []struct {
		d    period.Date
		want time.Duration
	}{
		{date(2016, time.April, 11), 7 * time.Hour},
		{date(2016, time.April, 16), 4 * time.Hour},
		{date(2016, time.April, 17), 0},
	} {
		got, err := cal.WorkingTimeOn(c.d)
		require.NoError(t, err)
		assert.Equal(t, c.want, got, "%s", c.d)
	}
	// 12:00 to 14:00 on a Monday: 12:00-12:30 and 13:30-14:00.
	got, err := cal.Elapsed(at(2016, time.April, 11, 12, 0), at(2016, time.April, 11, 14, 0))
	require.NoError(t, err)
	assert.Equal(t, time.Hour, got)
	// An hour from 12:00 ends at 14:00, lunch skipped.
	dl, err := cal.Deadline(at(2016, time.April, 11, 12, 0), time.Hour)
	require.NoError(t, err)
	assert.True(t, at(2016, time.April, 11, 14, 0).Equal(dl), "got %s", dl)
	// Friday 16:00 plus 2 hours: 16:00-17:00 Friday, 09:00-10:00 Saturday.
	dl, err = cal.Deadline(at(2016, time.April, 15, 16, 0), 2*time.Hour)
	require.NoError(t, err)
	assert.True(t, at(2016, time.April, 16, 10, 0).Equal(dl), "got %s", dl)
}

func TestDeadlines(t *testing.T) {
	cal := officeCalendar(t)
	tests := []struct {
		name  string
		start time.Time
		d     time.Duration
		want  time.Time
	}{
		// Severity 1 within 2 hours, raised at 16:00 on Friday: 1 hour
		// Friday, 1 hour Monday.
		{"2 hours from Friday 16:00", at(2016, time.April, 8, 16, 0), 2 * time.Hour, at(2016, time.April, 11, 10, 0)},
		// 16 business hours from Thursday 24 March 2016 at 10:00: 7 hours
		// Thursday, Good Friday to Easter Monday closed, 8 hours Tuesday 29,
		// 1 hour Wednesday 30.
		{"16 hours across Easter", at(2016, time.March, 24, 10, 0), 16 * time.Hour, at(2016, time.March, 30, 10, 0)},
		// Exactly one day's hours from opening ends at close the same day.
		{"8 hours from 09:00", at(2016, time.April, 11, 9, 0), 8 * time.Hour, at(2016, time.April, 11, 17, 0)},
		{"zero", at(2016, time.April, 9, 3, 0), 0, at(2016, time.April, 9, 3, 0)},
		// Raised on Saturday: the clock starts on Monday at 09:00.
		{"4 working hours from Saturday", at(2016, time.April, 9, 10, 0), 4 * time.Hour, at(2016, time.April, 11, 13, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cal.Deadline(tt.start, tt.d)
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(got), "got %s, want %s", got, tt.want)
			back, err := cal.Elapsed(tt.start, got)
			require.NoError(t, err)
			assert.Equal(t, tt.d, back)
		})
	}
	_, err := cal.Deadline(at(2016, time.April, 9, 10, 0), -time.Hour)
	assert.Error(t, err)
	_, err = cal.Deadline(at(2035, time.December, 31, 10, 0), 24*time.Hour)
	assert.ErrorIs(t, err, worktime.ErrOutsideCalendar)
}

// TestWorkingDayDeadlines: "1 day" as one working day is not 24 business
// hours, nor 8.
func TestWorkingDayDeadlines(t *testing.T) {
	cal := officeCalendar(t)
	tests := []struct {
		name  string
		start time.Time
		n     int
		by    worktime.TimeOfDay // 0: end of working hours
		want  time.Time
	}{
		// Raised 16:30 Friday 8 April 2016: one working day is the close of
		// Monday 11.
		{"1 working day from Friday", at(2016, time.April, 8, 16, 30), 1, 0, at(2016, time.April, 11, 17, 0)},
		// Two working days from Thursday 24 March 2016: Good Friday and Easter
		// Monday are holidays, so Tuesday 29 then Wednesday 30.
		{"2 working days across Easter", at(2016, time.March, 24, 10, 0), 2, 0, at(2016, time.March, 30, 17, 0)},
		// "By 16:00 on the next working day" from Christmas Eve 2021 (a
		// Friday): Monday 27 and Tuesday 28 are substitute days.
		{"by 16:00 next working day over Christmas 2021", at(2021, time.December, 24, 11, 0), 1, 16 * 3600, at(2021, time.December, 29, 16, 0)},
		// Raised on a Saturday: day 0 is Monday.
		{"same working day from Saturday", at(2016, time.April, 9, 11, 0), 0, 0, at(2016, time.April, 11, 17, 0)},
		{"same working day", at(2016, time.April, 11, 11, 0), 0, 0, at(2016, time.April, 11, 17, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got time.Time
			var err error
			if tt.by == 0 {
				got, err = cal.DeadlineWorkingDays(tt.start, tt.n)
			} else {
				got, err = cal.DeadlineWorkingDaysAt(tt.start, tt.n, tt.by)
			}
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(got), "got %s, want %s", got, tt.want)
		})
	}
	// One working day from Friday 16:30 is the close of Monday; 24 business
	// hours from the same instant is three working days on.
	h24, err := cal.Deadline(at(2016, time.April, 8, 16, 30), 24*time.Hour)
	require.NoError(t, err)
	assert.True(t, at(2016, time.April, 13, 16, 30).Equal(h24), "got %s", h24)

	_, err = cal.DeadlineWorkingDays(at(2016, time.April, 8, 16, 30), -1)
	assert.ErrorIs(t, err, period.ErrOutOfRange)
	_, err = cal.DeadlineWorkingDaysAt(at(2016, time.April, 8, 16, 30), 1, 25*3600)
	assert.ErrorIs(t, err, period.ErrOutOfRange)
	_, err = cal.DeadlineWorkingDays(at(2035, time.December, 28, 10, 0), 5)
	assert.ErrorIs(t, err, worktime.ErrOutsideCalendar)
	_, err = cal.DeadlineWorkingDays(date(2036, time.January, 1).In(london), 0)
	assert.ErrorIs(t, err, worktime.ErrOutsideCalendar)
}

func TestWorkingDays(t *testing.T) {
	cal := officeCalendar(t)
	// April 2016 has 21 weekdays and no bank holidays.
	n, err := cal.WorkingDays(date(2016, time.April, 1), date(2016, time.May, 1))
	require.NoError(t, err)
	assert.Equal(t, 21, n)
	// March 2016: 23 weekdays less Good Friday and Easter Monday.
	n, err = cal.WorkingDays(date(2016, time.March, 1), date(2016, time.April, 1))
	require.NoError(t, err)
	assert.Equal(t, 21, n)
	ok, err := cal.IsWorkingDay(date(2016, time.March, 25))
	require.NoError(t, err)
	assert.False(t, ok, "Good Friday")
	ok, err = cal.IsWorkingDay(date(2016, time.March, 24))
	require.NoError(t, err)
	assert.True(t, ok)

	_, err = cal.WorkingDays(date(2016, time.May, 1), date(2016, time.April, 1))
	assert.ErrorIs(t, err, worktime.ErrReversed)
	_, err = cal.WorkingDays(date(2011, time.May, 1), date(2016, time.April, 1))
	assert.ErrorIs(t, err, worktime.ErrOutsideCalendar)
	_, err = cal.IsWorkingDay(date(2036, time.January, 1))
	assert.ErrorIs(t, err, worktime.ErrOutsideCalendar)
	_, err = cal.WorkingTimeOn(date(2011, time.December, 31))
	assert.ErrorIs(t, err, worktime.ErrOutsideCalendar)
}

func TestOutsideTheSpan(t *testing.T) {
	cal := officeCalendar(t)
	inside := at(2016, time.April, 8, 10, 0)
	for _, out := range []time.Time{
		at(2011, time.December, 31, 23, 59),
		date(2036, time.January, 1).In(london).Add(time.Nanosecond),
		time.Date(3000, time.January, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1000, time.January, 1, 0, 0, 0, 0, time.UTC),
	} {
		_, err := cal.Elapsed(out, inside)
		assert.ErrorIs(t, err, worktime.ErrOutsideCalendar, "%s", out)
		_, err = cal.Elapsed(inside, out)
		assert.ErrorIs(t, err, worktime.ErrOutsideCalendar, "%s", out)
		_, err = cal.Deadline(out, time.Hour)
		assert.ErrorIs(t, err, worktime.ErrOutsideCalendar, "%s", out)
		_, err = cal.IsWorkingTime(out)
		assert.ErrorIs(t, err, worktime.ErrOutsideCalendar, "%s", out)
	}
	_, err := cal.Elapsed(inside, inside.Add(-time.Second))
	assert.ErrorIs(t, err, worktime.ErrReversed)
	// The very end of the span is allowed as an end.
	end := date(2036, time.January, 1).In(london)
	_, err = cal.Elapsed(inside, end)
	assert.NoError(t, err)
	ok, err := cal.IsWorkingTime(end)
	require.NoError(t, err)
	assert.False(t, ok)
}

func TestClosures(t *testing.T) {
	hs := period.Must(worktime.ParseHours("Mon-Fri 09:00-17:00"))
	cal, err := worktime.NewCalendar(worktime.CalendarSpec{
		Location:   london,
		Hours:      hs,
		From:       date(2016, time.April, 1),
		To:         date(2016, time.May, 1),
		ClosedDays: []period.Date{date(2016, time.April, 13)},
		Closures: []worktime.Closure{
			{Start: at(2016, time.April, 12, 12, 0), End: at(2016, time.April, 12, 14, 0)},  // lunch-time outage
			{Start: at(2016, time.April, 14, 16, 0), End: at(2016, time.April, 15, 10, 30)}, // overnight
		},
	})
	require.NoError(t, err)
	// Monday 11 to Saturday 16 April: 8 + 6 + 0 + 7 + 6.5 = 27.5 hours.
	got, err := cal.Elapsed(at(2016, time.April, 11, 0, 0), at(2016, time.April, 16, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, 27*time.Hour+30*time.Minute, got)
	ok, err := cal.IsWorkingDay(date(2016, time.April, 13))
	require.NoError(t, err)
	assert.False(t, ok)
	assert.Equal(t, "2016-04-01..2016-04-30", cal.Span().String())
	assert.True(t, hs.Equal(cal.Hours()))
}

func TestNewCalendarErrors(t *testing.T) {
	_, err := worktime.NewCalendar(worktime.CalendarSpec{})
	require.Error(t, err)
	for _, want := range []string{"hours: the calendar has no working time", "from, to: a calendar needs the span"} {
		assert.ErrorContains(t, err, want)
	}
	_, err = worktime.NewCalendar(worktime.CalendarSpec{
		Hours: period.Must(worktime.ParseHours("24x7")),
		From:  date(2016, time.April, 1), To: date(2016, time.March, 1),
		Closures: []worktime.Closure{{Start: at(2016, time.April, 2, 10, 0), End: at(2016, time.April, 2, 9, 0)}},
	})
	assert.ErrorContains(t, err, "to: 2016-03-01 is not after from 2016-04-01")
	assert.ErrorContains(t, err, "closures[0]: end")
	_, err = worktime.NewCalendar(worktime.CalendarSpec{
		Hours: period.Must(worktime.ParseHours("24x7")),
		From:  date(1800, time.January, 1), To: date(2100, time.January, 1),
	})
	assert.ErrorContains(t, err, "more than the")
	// Instants are held as Unix nanoseconds (1678 to 2262): a calendar for
	// the 1500s would overflow them, so it is refused.
	_, err = worktime.NewCalendar(worktime.CalendarSpec{
		Hours: period.Must(worktime.ParseHours("24x7")),
		From:  date(1500, time.January, 1), To: date(1600, time.January, 1),
		Closures: []worktime.Closure{{Start: time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)}},
	})
	assert.ErrorContains(t, err, "from, to: a calendar covers years 1700 to 2200, not 1500-01-01 to 1600-01-01")
	assert.ErrorContains(t, err, "closures[0]: 1000-01-01 00:00:00 +0000 UTC to 3000-01-01 00:00:00 +0000 UTC is outside the years 1700 to 2200")
}

// TestConcurrentQueries runs queries on one calendar from many goroutines;
// run under -race it shows the calendar is safe to share.
func TestConcurrentQueries(t *testing.T) {
	cal := officeCalendar(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, 1))
			for i := 0; i < 2000; i++ {
				a := randomInstant(r)
				b := a.Add(time.Duration(r.Int64N(int64(30 * 24 * time.Hour))))
				d, err := cal.Elapsed(a, b)
				if err != nil {
					errs <- err
					return
				}
				dl, err := cal.Deadline(a, d)
				if err != nil {
					errs <- err
					return
				}
				if back, _ := cal.Elapsed(a, dl); back != d {
					errs <- errors.New("deadline does not measure back")
					return
				}
			}
		}(uint64(g))
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// randomInstant returns an instant between 2012 and 2034 at nanosecond
// resolution.
func randomInstant(r *rand.Rand) time.Time {
	lo := date(2012, time.January, 1).In(london).UnixNano()
	hi := date(2035, time.January, 1).In(london).UnixNano()
	return time.Unix(0, lo+r.Int64N(hi-lo)).In(london)
}

// oracleElapsed is an independent, slow reference: it walks the days from a
// to b, builds each day's working spans from the wall clock, and sums their
// overlap with [a, b).
func oracleElapsed(a, b time.Time, hours worktime.Hours, holidays map[period.Date]bool) time.Duration {
	var total time.Duration
	for d := period.DateOf(a.In(london)); !d.After(period.DateOf(b.In(london))); d = d.AddDays(1) {
		if holidays[d] {
			continue
		}
		for _, s := range hours.Day(d.Weekday()) {
			ws, we := s.Start.On(d, london), s.End.On(d, london)
			if ws.Before(a) {
				ws = a
			}
			if we.After(b) {
				we = b
			}
			if we.After(ws) {
				total += we.Sub(ws)
			}
		}
	}
	return total
}

// TestElapsedProperties checks, for random instants over 2012 to 2034 on
// three calendars: Elapsed agrees with the oracle; it is additive, never
// negative and never more than the wall-clock time; and the deadline after
// d measures back to exactly d.
func TestElapsedProperties(t *testing.T) {
	hs, err := ukholiday.Holidays(ukholiday.EnglandAndWales, 2012, 2035)
	require.NoError(t, err)
	holidays := map[period.Date]bool{}
	for _, d := range ukholiday.Dates(hs) {
		holidays[d] = true
	}
	for _, hours := range []string{"Mon-Fri 09:00-17:00", "Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00", "24x7", "Daily 00:30-01:30,22:00-24:00"} {
		t.Run(hours, func(t *testing.T) {
			cal := calendarWith(t, hours)
			h := period.Must(worktime.ParseHours(hours))
			r := rand.New(rand.NewPCG(42, 7))
			for i := 0; i < 3000; i++ {
				a := randomInstant(r)
				span := time.Duration(r.Int64N(int64(40 * 24 * time.Hour)))
				if i%3 == 0 {
					span = time.Duration(r.Int64N(int64(6 * time.Hour)))
				}
				b := a.Add(span)
				c := b.Add(time.Duration(r.Int64N(int64(10 * 24 * time.Hour))))
				ab, err := cal.Elapsed(a, b)
				require.NoError(t, err)
				bc, err := cal.Elapsed(b, c)
				require.NoError(t, err)
				ac, err := cal.Elapsed(a, c)
				require.NoError(t, err)
				require.Equal(t, oracleElapsed(a, b, h, holidays), ab, "oracle %s to %s", a, b)
				require.Equal(t, ac, ab+bc, "additive %s %s %s", a, b, c)
				require.GreaterOrEqual(t, ab, time.Duration(0))
				require.LessOrEqual(t, ab, b.Sub(a))

				dl, err := cal.Deadline(a, ab)
				require.NoError(t, err)
				back, err := cal.Elapsed(a, dl)
				require.NoError(t, err)
				require.Equal(t, ab, back, "deadline from %s after %s is %s", a, ab, dl)
				require.False(t, dl.After(b), "the deadline is the earliest instant")
			}
		})
	}
}
