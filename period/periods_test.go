package period

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The calendars the tests use.
var (
	// fromAprilLast: years from 1 April, P13 taking the odd days.
	fromAprilLast = Must(NewPeriodCalendar(time.April, 1, AbsorbLast))
	// fromAprilFirst: years from 1 April, P1 taking the odd days.
	fromAprilFirst = Must(NewPeriodCalendar(time.April, 1, AbsorbFirst))
	// fromJanuary: calendar years, P13 taking the odd days.
	fromJanuary = Must(NewPeriodCalendar(time.January, 1, AbsorbLast))
	// listed: 2023/24 as fromAprilLast has it but for P13, which ends on
	// 30 March 2024, and 2024/25 from 31 March 2024 in 28-day periods, its
	// P13 running to 31 March 2025.
	listed = Must(ListedPeriodCalendar(Years{}, []Date{
		d(2023, time.April, 1), d(2023, time.April, 29), d(2023, time.May, 27), d(2023, time.June, 24),
		d(2023, time.July, 22), d(2023, time.August, 19), d(2023, time.September, 16), d(2023, time.October, 14),
		d(2023, time.November, 11), d(2023, time.December, 9), d(2024, time.January, 6), d(2024, time.February, 3),
		d(2024, time.March, 2),
		d(2024, time.March, 31), d(2024, time.April, 28), d(2024, time.May, 26), d(2024, time.June, 23),
		d(2024, time.July, 21), d(2024, time.August, 18), d(2024, time.September, 15), d(2024, time.October, 13),
		d(2024, time.November, 10), d(2024, time.December, 8), d(2025, time.January, 5), d(2025, time.February, 2),
		d(2025, time.March, 2),
		d(2025, time.April, 1), // the day after P13 2024/25
	}))
)

// TestPeriodCalendarPeriods checks periods against spans worked by hand.
func TestPeriodCalendarPeriods(t *testing.T) {
	tests := []struct {
		name        string
		c           PeriodCalendar
		n, year     int
		first, last Date // both included
		days        int
		label       string
	}{
		// 2023/24 from 1 April 2023 to 31 March 2024 is 366 days (it holds
		// 29 February 2024): 366 - 364 = 2 odd days. P1 is 1 to 28 April;
		// each period starts 28 days after the one before: P2 29 April,
		// P3 27 May, P4 24 June, P5 22 July (24 June + 28: 6 days of June
		// left, then 22 of July), ...
		{"P1 last absorbs", fromAprilLast, 1, 2023, d(2023, time.April, 1), d(2023, time.April, 28), 28, "P1 2023/24"},
		{"P2", fromAprilLast, 2, 2023, d(2023, time.April, 29), d(2023, time.May, 26), 28, "P2 2023/24"},
		{"P5", fromAprilLast, 5, 2023, d(2023, time.July, 22), d(2023, time.August, 18), 28, "P5 2023/24"},
		// P10 starts 9 December 2023 and runs over the new year to 5 January.
		{"P10 over the new year", fromAprilLast, 10, 2023, d(2023, time.December, 9), d(2024, time.January, 5), 28, "P10 2023/24"},
		// P12 starts 3 February 2024; February 2024 has 29 days, so 28 days
		// on is 2 March: P12 is 3 February to 1 March.
		{"P12 over 29 February", fromAprilLast, 12, 2023, d(2024, time.February, 3), d(2024, time.March, 1), 28, "P12 2023/24"},
		// P13 is 2 to 31 March 2024: 28 + 2 = 30 days.
		{"P13 absorbs two days", fromAprilLast, 13, 2023, d(2024, time.March, 2), d(2024, time.March, 31), 30, "P13 2023/24"},
		// 2022/23 is 365 days: one odd day. 1 April 2022 + 12 x 28 = 336
		// days is 3 March 2023 (1 March is day 334), so P13 is 3 to 31
		// March, 29 days.
		{"P13 absorbs one day", fromAprilLast, 13, 2022, d(2023, time.March, 3), d(2023, time.March, 31), 29, "P13 2022/23"},
		// The first absorbs: P1 2023/24 is 28 + 2 = 30 days, 1 to 30 April,
		// and P2 starts on 1 May; P13 is the last 28 days, 4 to 31 March.
		{"P1 first absorbs", fromAprilFirst, 1, 2023, d(2023, time.April, 1), d(2023, time.April, 30), 30, "P1 2023/24"},
		{"P2 first absorbs", fromAprilFirst, 2, 2023, d(2023, time.May, 1), d(2023, time.May, 28), 28, "P2 2023/24"},
		{"P13 first absorbs", fromAprilFirst, 13, 2023, d(2024, time.March, 4), d(2024, time.March, 31), 28, "P13 2023/24"},
		// Calendar years: 2023 is 365 days; 1 January + 336 days is
		// 3 December (1 December is day 334), so P13 is 3 to 31 December.
		{"calendar year P1", fromJanuary, 1, 2023, d(2023, time.January, 1), d(2023, time.January, 28), 28, "P1 2023"},
		{"calendar year P13", fromJanuary, 13, 2023, d(2023, time.December, 3), d(2023, time.December, 31), 29, "P13 2023"},
		// Listed: P13 2023/24 ends the day before 2024/25's P1, 31 March
		// 2024: 2 to 30 March, 29 days; P13 2024/25 is 2 to 31 March 2025,
		// 30 days.
		{"listed P13", listed, 13, 2023, d(2024, time.March, 2), d(2024, time.March, 30), 29, "P13 2023/24"},
		{"listed P1 starts in March", listed, 1, 2024, d(2024, time.March, 31), d(2024, time.April, 27), 28, "P1 2024/25"},
		{"listed last P13", listed, 13, 2024, d(2025, time.March, 2), d(2025, time.March, 31), 30, "P13 2024/25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.c.Period(tt.n, tt.year)
			require.NoError(t, err)
			assert.Equal(t, KindRailPeriod, p.Kind())
			assert.Equal(t, tt.first, p.Start())
			assert.Equal(t, tt.last, p.Last())
			assert.Equal(t, tt.days, p.Days())
			assert.Equal(t, tt.n, p.Number())
			assert.Equal(t, tt.label, p.String())
			// Each of its days is in it.
			for _, day := range []Date{p.Start(), p.Last()} {
				got, err := tt.c.PeriodOf(day)
				require.NoError(t, err)
				assert.Equal(t, p, got, "PeriodOf(%s)", day)
			}
			back, err := tt.c.Parse(tt.label)
			require.NoError(t, err)
			assert.Equal(t, p, back)
		})
	}
}

// TestPeriodCalendarYears checks that the thirteen periods of every year
// tile it: each starts where the one before ended, and the year is 364
// days plus the odd ones.
func TestPeriodCalendarYears(t *testing.T) {
	for _, c := range []PeriodCalendar{fromAprilLast, fromAprilFirst, fromJanuary, listed} {
		first, last := 2023, 2030
		if c.IsListed() {
			last = 2024
		}
		for y := first; y <= last; y++ {
			yp, err := c.Year(y)
			require.NoError(t, err)
			assert.Equal(t, KindRailYear, yp.Kind())
			ps := slices.Collect(c.Periods(yp))
			require.Len(t, ps, 13, "%s %d", c, y)
			at := yp.Start()
			for i, p := range ps {
				assert.Equal(t, at, p.Start(), "%s P%d %d", c, i+1, y)
				assert.Equal(t, i+1, p.Number())
				at = p.End()
			}
			assert.Equal(t, yp.End(), at)
			if !c.IsListed() {
				// From a fixed day, a year is 365 or 366 days.
				odd := yp.Days() - 364
				assert.True(t, odd == 1 || odd == 2, "%s %d: %d odd days", c, y, odd)
			}
		}
	}
}

// TestPeriodCalendarQuarters: quarters are P1-P3, P4-P6, P7-P9 and
// P10-P13.
func TestPeriodCalendarQuarters(t *testing.T) {
	tests := []struct {
		q           int
		first, last Date
		label, long string
	}{
		// 2023/24 from 1 April, last absorbs: P1 starts 1 April, P3 ends
		// 23 June (P4 starts 24 June).
		{1, d(2023, time.April, 1), d(2023, time.June, 23), "Q1 2023/24", "Quarter One 2023/2024"},
		// P4 24 June to P6's end, 15 September (P7 starts 16 September).
		{2, d(2023, time.June, 24), d(2023, time.September, 15), "Q2 2023/24", "Quarter Two 2023/2024"},
		// P7 16 September to P9's end, 8 December (P10 starts 9 December).
		{3, d(2023, time.September, 16), d(2023, time.December, 8), "Q3 2023/24", "Quarter Three 2023/2024"},
		// P10 9 December to P13's end, 31 March 2024: four periods,
		// 3 x 28 + 30 = 114 days.
		{4, d(2023, time.December, 9), d(2024, time.March, 31), "Q4 2023/24", "Quarter Four 2023/2024"},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			p, err := fromAprilLast.Quarter(tt.q, 2023)
			require.NoError(t, err)
			assert.Equal(t, KindRailQuarter, p.Kind())
			assert.Equal(t, tt.first, p.Start())
			assert.Equal(t, tt.last, p.Last())
			assert.Equal(t, tt.label, p.String())
			assert.Equal(t, tt.long, p.Label(Long))
			assert.Equal(t, tt.q, p.Number())
			n := 3
			if tt.q == 4 {
				n = 4
				assert.Equal(t, 114, p.Days())
			}
			assert.Len(t, slices.Collect(fromAprilLast.Periods(p)), n)
			back, err := fromAprilLast.Parse(tt.long)
			require.NoError(t, err)
			assert.Equal(t, p, back)
		})
	}
}

// TestPeriodCalendarParse reads the label forms, each against the span
// worked by hand above.
func TestPeriodCalendarParse(t *testing.T) {
	tests := []struct {
		c           PeriodCalendar
		in          string
		kind        Kind
		first, last Date
		iso         string
	}{
		{fromAprilLast, "P5 2023/24", KindRailPeriod, d(2023, time.July, 22), d(2023, time.August, 18), "P5 2023/24"},
		{fromAprilLast, "p05 2023/2024", KindRailPeriod, d(2023, time.July, 22), d(2023, time.August, 18), "P5 2023/24"},
		{fromAprilLast, "Period 5 2023/24", KindRailPeriod, d(2023, time.July, 22), d(2023, time.August, 18), "P5 2023/24"},
		{fromAprilLast, "  PERIOD  13   2023/24 ", KindRailPeriod, d(2024, time.March, 2), d(2024, time.March, 31), "P13 2023/24"},
		{fromAprilLast, "P5 2023/24 from Apr", KindRailPeriod, d(2023, time.July, 22), d(2023, time.August, 18), "P5 2023/24"},
		{fromAprilLast, "q4 2023/24", KindRailQuarter, d(2023, time.December, 9), d(2024, time.March, 31), "Q4 2023/24"},
		{fromAprilLast, "2023/24", KindRailYear, d(2023, time.April, 1), d(2024, time.March, 31), "2023/24"},
		{fromAprilLast, "2023/2024", KindRailYear, d(2023, time.April, 1), d(2024, time.March, 31), "2023/24"},
		// Other labels are read as the calendar's years read them.
		{fromAprilLast, "Aug-23", KindMonth, d(2023, time.August, 1), d(2023, time.August, 31), "2023-08"},
		{fromAprilLast, "2023-07-22..2023-08-18", KindDays, d(2023, time.July, 22), d(2023, time.August, 18), "2023-07-22..2023-08-18"},
		// Calendar years are written 2023.
		{fromJanuary, "P1 2023", KindRailPeriod, d(2023, time.January, 1), d(2023, time.January, 28), "P1 2023"},
		{fromJanuary, "2023", KindRailYear, d(2023, time.January, 1), d(2023, time.December, 31), "2023"},
		// Listed: 2024/25 runs from 31 March 2024 to 31 March 2025.
		{listed, "2024/25", KindRailYear, d(2024, time.March, 31), d(2025, time.March, 31), "2024/25"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := tt.c.Parse(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.kind, p.Kind())
			assert.Equal(t, tt.first, p.Start())
			assert.Equal(t, tt.last, p.Last())
			assert.Equal(t, tt.iso, p.String())
			for _, style := range []Style{ISO, Short, Long} {
				back, err := tt.c.Parse(p.Label(style))
				require.NoError(t, err, p.Label(style))
				assert.Equal(t, p, back, p.Label(style))
			}
		})
	}
}

// TestPeriodCalendarParseIn: in years from October, a calendar from
// 1 April reads its own labels as before and the others in those years: H1
// 2023/24 is October 2023 to March 2024.
func TestPeriodCalendarParseIn(t *testing.T) {
	oct := Must(YearsStarting(time.October))
	p, err := fromAprilLast.ParseIn(oct, "H1 2023/24")
	require.NoError(t, err)
	assert.Equal(t, d(2023, time.October, 1), p.Start())
	assert.Equal(t, d(2024, time.March, 31), p.Last())
	assert.Equal(t, "H1 2023/24 from Oct", p.String())
	p, err = fromAprilLast.ParseIn(oct, "P1 2023/24")
	require.NoError(t, err)
	assert.Equal(t, d(2023, time.April, 1), p.Start())
	_, err = fromAprilLast.ParseIn(oct, "P1 2023/24 from Oct")
	assert.ErrorContains(t, err, "the period calendar's years are labelled from April, not October")
}

func TestPeriodCalendarParseErrors(t *testing.T) {
	tests := []struct {
		c    PeriodCalendar
		in   string
		want string // in the message
	}{
		{fromAprilLast, "P14 2023/24", "period 14: a year has 13 periods, P1 to P13"},
		{fromAprilLast, "P0 2023/24", "period 0: a year has 13 periods"},
		{fromAprilLast, "P5 2023", "the period calendar's years are labelled 2023/24, not 2023"},
		{fromAprilLast, "P5 2023/25", "the second year must be the year after the first"},
		{fromAprilLast, "Q5 2023/24", "quarter 5 is outside 1 to 4"},
		{fromAprilLast, "P5 2023/24 from Sep", "labelled from April, not September"},
		{fromAprilLast, "P 2023/24", `cannot parse "P 2023/24" as a period label`},
		{fromAprilLast, "P123 2023/24", `cannot parse "P123 2023/24"`},
		{fromAprilLast, "", `cannot parse "" as a period label`},
		{fromJanuary, "P1 2023/24", "years starting in January are calendar years, written 2016"},
		{listed, "P1 2025/26", "2025/26 is outside the period calendar's years, 2023/24 to 2024/25"},
		{PeriodCalendar{}, "P1 2023/24", "the zero PeriodCalendar reads no labels"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := tt.c.Parse(tt.in)
			require.Error(t, err)
			var pe *ParseError
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, tt.in, pe.Input)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestPeriodCalendarPeriodOf(t *testing.T) {
	tests := []struct {
		c    PeriodCalendar
		day  Date
		want string
	}{
		{fromAprilLast, d(2023, time.April, 1), "P1 2023/24"},
		{fromAprilLast, d(2023, time.April, 28), "P1 2023/24"},
		{fromAprilLast, d(2023, time.April, 29), "P2 2023/24"},
		{fromAprilLast, d(2024, time.February, 29), "P12 2023/24"},
		{fromAprilLast, d(2024, time.March, 31), "P13 2023/24"},
		{fromAprilLast, d(2024, time.April, 1), "P1 2024/25"},
		{fromAprilLast, d(2024, time.March, 1), "P12 2023/24"},
		// The day before a year starts is in the year before.
		{fromAprilLast, d(2023, time.March, 31), "P13 2022/23"},
		// First absorbs: 30 April 2023 is P1's 30th day.
		{fromAprilFirst, d(2023, time.April, 30), "P1 2023/24"},
		{fromAprilFirst, d(2023, time.May, 1), "P2 2023/24"},
		{fromJanuary, d(2023, time.December, 31), "P13 2023"},
		// In the listed calendar, 31 March 2024 starts 2024/25.
		{listed, d(2024, time.March, 30), "P13 2023/24"},
		{listed, d(2024, time.March, 31), "P1 2024/25"},
	}
	for _, tt := range tests {
		t.Run(tt.day.String(), func(t *testing.T) {
			p, err := tt.c.PeriodOf(tt.day)
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.String())
			y, err := tt.c.YearOf(tt.day)
			require.NoError(t, err)
			assert.True(t, y.Contains(tt.day))
			assert.Equal(t, p.Label(ISO)[len(p.Label(ISO))-len(y.String()):], y.String())
		})
	}
	// Outside a listed calendar, and at the edges of the dates.
	for _, bad := range []struct {
		c    PeriodCalendar
		day  Date
		want string
	}{
		{listed, d(2023, time.March, 31), "2023-03-31 is outside the period calendar, which runs from 2023-04-01 to 2025-03-31"},
		{listed, d(2025, time.April, 1), "outside the period calendar"},
		{fromAprilLast, d(1, time.January, 1), "outside the period calendar's years"},
		{fromAprilLast, d(9999, time.April, 1), "outside the period calendar's years"},
		{fromAprilLast, Date{}, "the zero Date is in no period"},
		{PeriodCalendar{}, d(2023, time.April, 1), "the zero PeriodCalendar has no periods"},
	} {
		_, err := bad.c.PeriodOf(bad.day)
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrOutOfRange)
		assert.Contains(t, err.Error(), bad.want)
	}
}

func TestNewPeriodCalendarErrors(t *testing.T) {
	for _, tt := range []struct {
		m      time.Month
		day    int
		absorb Absorb
		want   string
	}{
		{time.February, 29, AbsorbLast, "29 February is not in every year"},
		{time.April, 31, AbsorbLast, "day 31 is outside 1 to 30 for April"},
		{time.April, 0, AbsorbLast, "day 0 is outside 1 to 30"},
		{13, 1, AbsorbLast, "month 13 is outside 1 to 12"},
		{time.April, 1, 0, "needs the period that absorbs the odd days"},
	} {
		_, err := NewPeriodCalendar(tt.m, tt.day, tt.absorb)
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrOutOfRange)
		assert.Contains(t, err.Error(), tt.want)
	}
	starts := listed.Starts()
	require.Len(t, starts, 27)
	for _, tt := range []struct {
		name   string
		starts []Date
		want   string
	}{
		{"one year without its end", starts[:13], "13 start dates do not make whole years of 13 periods: give each year's 13 starts and then the day after the last period (14 dates for one year, 27 for two)"},
		{"a year and a half", starts[:20], "20 start dates"},
		{"none", nil, "0 start dates"},
		{"not increasing", append(slices.Clone(starts[:4]), append([]Date{starts[2]}, starts[5:14]...)...), "start 5, 2023-05-27, is not after start 4, 2023-06-24: the starts must increase"},
		{"a zero date", append([]Date{{}}, starts[1:14]...), "start 1 is the zero Date"},
		{"past 9999", append(slices.Clone(starts[:13]), Date{n: maxDayNumber + 1}), "start 14 is outside the dates 0001-01-01 to 9999-12-31"},
		// A second year of 13 one-day periods: 31 March, then 1 to 12
		// April 2024, ending before 13 April: 13 days.
		{"a year of days", append(slices.Clone(starts[:14]), dayRun(starts[13].AddDays(1), 13, 1)...),
			"the year of periods from 2024-03-31 to 2024-04-12 is 13 days: a year of thirteen periods is 364 to 371 days"},
		// Years of 28-day periods from 1 October 2022 (364 days each): the
		// first's middle day, 182 days in, is 1 April 2023, in 2023/24; the
		// second starts 30 September 2023 and its middle is 30 March 2024,
		// in 2023/24 too.
		{"years not a year apart", dayRun(d(2022, time.October, 1), 27, 28),
			"the year of periods from 2023-09-30 falls mostly in 2023/24, but follows 2023/24"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ListedPeriodCalendar(Years{}, tt.starts)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrOutOfRange)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// dayRun returns n days from d, step days apart.
func dayRun(d Date, n, step int) []Date {
	ds := make([]Date, n)
	for i := range ds {
		ds[i] = d.AddDays(i * step)
	}
	return ds
}

// TestPeriodicFrequency: a periodic KPI falls due in the month each period
// ends in, twice in March 2024 (P12 ends 1 March, P13 31 March).
func TestPeriodicFrequency(t *testing.T) {
	f := Must(Periodic(fromAprilLast))
	assert.True(t, f.IsPeriodic())
	assert.True(t, f.ByDays())
	assert.False(t, f.IsFourWeekly())
	assert.False(t, f.IsZero())
	assert.Equal(t, 0, f.Months())
	assert.Nil(t, f.DueMonths())
	assert.Equal(t, fromAprilLast, f.PeriodCalendar())
	assert.Equal(t, "periodic", f.String())
	for m := mo(2023, time.April); m.Before(mo(2024, time.April)); m = m.AddMonths(1) {
		assert.True(t, f.Due(m), "%s", m)
	}
	// August 2023: P5 ends on 18 August.
	assert.Equal(t, "P5 2023/24", f.PeriodOf(mo(2023, time.August)).String())
	// March 2024: P12 ends on 1 March and P13 on 31 March; the last is P13.
	assert.Equal(t, "P13 2023/24", f.PeriodOf(mo(2024, time.March)).String())
	var got []string
	for p := range f.Periods(mo(2024, time.March).Period()) {
		got = append(got, p.String())
	}
	assert.Equal(t, []string{"P12 2023/24", "P13 2023/24"}, got)
	// A listed calendar has no periods after its last: none ends in April
	// 2025.
	lf := Must(Periodic(listed))
	assert.False(t, lf.Due(mo(2025, time.April)))
	assert.True(t, lf.PeriodOf(mo(2025, time.April)).IsZero())
	assert.True(t, lf.Due(mo(2025, time.March)))
	assert.False(t, lf.Due(mo(2023, time.March)))

	_, err := Periodic(PeriodCalendar{})
	assert.ErrorIs(t, err, ErrOutOfRange)
	// The calendar reads "periodic" back, and the other frequencies too.
	for _, s := range []string{"periodic", "Periodic", "rail periods", "Every Period", "each period"} {
		g, err := fromAprilLast.ParseFrequency(Years{}, s)
		require.NoError(t, err, s)
		assert.Equal(t, f, g, s)
	}
	g, err := fromAprilLast.ParseFrequency(Years{}, "quarterly")
	require.NoError(t, err)
	assert.Equal(t, Quarterly(), g)
	// Without a calendar, "periodic" says what it needs.
	_, err = ParseFrequency("periodic")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "a periodic frequency is measured in the periods of a period calendar, and none is given")
	_, err = PeriodCalendar{}.ParseFrequency(Years{}, "periodic")
	assert.ErrorIs(t, err, ErrOutOfRange)
	// Frequencies of different calendars differ.
	assert.NotEqual(t, f, Must(Periodic(fromAprilFirst)))
	assert.Equal(t, f, Must(Periodic(Must(NewPeriodCalendar(time.April, 1, AbsorbLast)))))
}

func TestParseYearStartDay(t *testing.T) {
	for _, tt := range []struct {
		in  string
		m   time.Month
		day int
	}{
		{"04-01", time.April, 1}, {"1 April", time.April, 1}, {"1 apr", time.April, 1},
		{"April 1", time.April, 1}, {"12-31", time.December, 31}, {"28 Feb", time.February, 28},
	} {
		m, day, err := ParseYearStartDay(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.m, m, tt.in)
		assert.Equal(t, tt.day, day, tt.in)
	}
	for _, tt := range []struct{ in, want string }{
		{"02-29", "29 February is not in every year"},
		{"04-31", "day 31 is outside 1 to 30 for April"},
		{"13-01", "month 13 is outside 1 to 12"},
		{"2023-04-01", `cannot parse "2023-04-01" as a year start day`},
		{"1 Smarch", `cannot parse "1 Smarch"`},
	} {
		_, _, err := ParseYearStartDay(tt.in)
		require.Error(t, err, tt.in)
		assert.Contains(t, err.Error(), tt.want, tt.in)
	}
	for in, want := range map[string]Absorb{"last": AbsorbLast, "First": AbsorbFirst, "P13": AbsorbLast} {
		a, err := ParseAbsorb(in)
		require.NoError(t, err)
		assert.Equal(t, want, a)
	}
	_, err := ParseAbsorb("middle")
	assert.ErrorContains(t, err, `cannot parse "middle" as a rule for the odd days (want first or last`)
}

func TestIsPeriodLabel(t *testing.T) {
	for s, want := range map[string]bool{
		"P5 2023/24": true, "p05 2023/24": true, "Period 5 2023/24": true, "P5 2023/24 from Apr": true,
		"Q1 2023/24": false, "2023/24": false, "May-16": false, "P123 2023/24": false, "": false, "P": false,
	} {
		assert.Equal(t, want, IsPeriodLabel(s), s)
	}
}

func TestPeriodCalendarYearBefore(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"P5 2023/24", "P5 2022/23"}, {"Q4 2023/24", "Q4 2022/23"}, {"2023/24", "2022/23"},
	} {
		p, err := fromAprilLast.YearBefore(Must(fromAprilLast.Parse(tt.in)))
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, p.String())
	}
	_, err := fromAprilLast.YearBefore(mo(2023, time.May).Period())
	assert.ErrorContains(t, err, "2023-05 is not a period, quarter or year of a period calendar")
	// The listed calendar starts with 2023/24: it has no year before.
	_, err = listed.YearBefore(Must(listed.Parse("P5 2023/24")))
	assert.ErrorContains(t, err, "2022/23 is outside the period calendar's years, 2023/24 to 2024/25")
}
