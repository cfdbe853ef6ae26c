package worktime_test

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	rcal "github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/gb"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/worktime"
)

// A ticket is an incident as a service desk logs it, to whole seconds.
type ticket struct {
	opened, resolved time.Time
}

// The tickets are opened over two years, 2021 and 2022, which hold the
// substitute days of two Christmases and New Years, the Platinum Jubilee and
// the State Funeral.
var (
	ticketsFrom = date(2021, time.January, 1)
	ticketsTo   = date(2023, time.January, 1)
)

// generateTickets makes n tickets from a fixed seed: seven in ten opened
// during office hours on a weekday, the rest at any time; resolution times
// long-tailed (log-normal, median 3 hours, a few taking weeks).
func generateTickets(n int, seed uint64) []ticket {
	r := rand.New(rand.NewPCG(seed, 2016))
	days := ticketsTo.Sub(ticketsFrom)
	out := make([]ticket, n)
	for i := range out {
		d := ticketsFrom.AddDays(r.IntN(days))
		var secs int
		if r.IntN(10) < 7 {
			for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
				d = d.AddDays(1)
			}
			secs = 9*3600 + r.IntN(8*3600)
		} else {
			secs = r.IntN(24 * 3600)
		}
		y, m, dd := d.Civil()
		opened := time.Date(y, m, dd, 0, 0, secs, 0, london)
		delay := math.Exp(math.Log(3*3600) + 1.6*r.NormFloat64()) // seconds
		delay = math.Min(delay, 90*24*3600)
		out[i] = ticket{opened, opened.Add(time.Duration(delay) * time.Second)}
	}
	return out
}

// within2Days is "resolved within 2 business days": 16 working hours on a
// 09:00-17:00 calendar.
const within2Days = 16 * time.Hour

// rickarCalendar is the reference users would otherwise reach for: rickar's
// business calendar, 09:00-17:00 Monday to Friday, its gb holidays, with its
// holiday cache on.
func rickarCalendar() *rcal.BusinessCalendar {
	c := rcal.NewBusinessCalendar()
	c.AddHoliday(gb.Holidays...)
	c.Cacheable = true
	return c
}

// ticketCalendar covers the tickets and their resolutions.
func ticketCalendar(t testing.TB) *worktime.Calendar {
	return calendarWith(t, "Mon-Fri 09:00-17:00")
}

// TestTicketBatchAgreesWithRickar classifies generated tickets with both
// calendars. They must agree, to the second, on every ticket whose days hold
// no date where their holiday data differ. (rickar's gb holidays do not hold
// the State Funeral of 19 September 2022, so tickets spanning it differ.)
func TestTicketBatchAgreesWithRickar(t *testing.T) {
	n := 200_000
	if testing.Short() {
		n = 20_000
	}
	tickets := generateTickets(n, 1)
	ours := ticketCalendar(t)
	ref := rickarCalendar()

	// The days where the two holiday sets differ, over the tickets' span
	// plus the longest resolution time.
	differ := map[period.Date]bool{}
	for d := ticketsFrom; d.Before(ticketsTo.AddDays(100)); d = d.AddDays(1) {
		working, err := ours.IsWorkingDay(d)
		require.NoError(t, err)
		y, m, dd := d.Civil()
		if working != ref.IsWorkday(time.Date(y, m, dd, 12, 0, 0, 0, london)) {
			differ[d] = true
		}
	}
	require.Equal(t, map[period.Date]bool{date(2022, time.September, 19): true}, differ,
		"the only day the holiday data differ on is the State Funeral")

	compared, skipped, passed := 0, 0, 0
	for _, tk := range tickets {
		spansDifference := false
		for d := period.DateOf(tk.opened); !d.After(period.DateOf(tk.resolved)); d = d.AddDays(1) {
			if differ[d] {
				spansDifference = true
				break
			}
		}
		if spansDifference {
			skipped++
			continue
		}
		got, err := ours.Elapsed(tk.opened, tk.resolved)
		require.NoError(t, err)
		want := ref.WorkHoursInRange(tk.opened, tk.resolved)
		require.Equal(t, want, got, "ticket %s to %s", tk.opened, tk.resolved)
		compared++
		if got <= within2Days {
			passed++
		}
	}
	t.Logf("%d tickets compared, %d skipped for spanning the State Funeral; %d within 2 business days", compared, skipped, passed)
	require.Greater(t, compared, n*99/100)
	// Both classes occur, so the comparison tests the threshold both ways.
	require.Greater(t, passed, compared/2)
	require.Less(t, passed, compared)
}

// BenchmarkTicketBatch classifies 1,000,000 tickets against "within 2
// business days" with each calendar. One op is the whole batch; ns/ticket is
// reported for comparison.
func BenchmarkTicketBatch(b *testing.B) {
	tickets := generateTickets(1_000_000, 1)
	b.Run("kpiregime", func(b *testing.B) {
		cal := ticketCalendar(b)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			met := 0
			for _, tk := range tickets {
				d, err := cal.Elapsed(tk.opened, tk.resolved)
				if err != nil {
					b.Fatal(err)
				}
				if d <= within2Days {
					met++
				}
			}
			sinkInt = met
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tickets)), "ns/ticket")
	})
	b.Run("rickar", func(b *testing.B) {
		cal := rickarCalendar()
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			met := 0
			for _, tk := range tickets {
				if cal.WorkHoursInRange(tk.opened, tk.resolved) <= within2Days {
					met++
				}
			}
			sinkInt = met
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tickets)), "ns/ticket")
	})
}

var (
	sinkInt  int
	sinkDur  time.Duration
	sinkTime time.Time
)

// intervals returns n distinct random intervals over 2012 to 2034, each of
// the given length, or of a random length up to 60 days when length is 0.
func intervals(n int, length time.Duration, seed uint64) [][2]time.Time {
	r := rand.New(rand.NewPCG(seed, 99))
	out := make([][2]time.Time, n)
	for i := range out {
		a := randomInstant(r)
		l := length
		if l == 0 {
			l = time.Duration(r.Int64N(int64(60 * 24 * time.Hour)))
		}
		out[i] = [2]time.Time{a, a.Add(l)}
	}
	return out
}

// BenchmarkElapsed measures Calendar.Elapsed over 1,000,000 distinct random
// intervals, for one-hour spans, one-year spans and random spans up to 60
// days. The cost does not depend on the span.
func BenchmarkElapsed(b *testing.B) {
	cal := officeCalendar(b)
	for _, bc := range []struct {
		name   string
		length time.Duration
	}{{"span=1h", time.Hour}, {"span=1y", 365 * 24 * time.Hour}, {"span=random", 0}} {
		ivs := intervals(1_000_000, bc.length, 3)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.ResetTimer()
			var total time.Duration
			for i := 0; i < b.N; i++ {
				iv := &ivs[i%len(ivs)]
				d, err := cal.Elapsed(iv[0], iv[1])
				if err != nil {
					b.Fatal(err)
				}
				total += d
			}
			sinkDur = total
		})
	}
}

// BenchmarkDeadline measures Calendar.Deadline from 1,000,000 distinct
// random instants, for durations of 4 working hours and of 200.
func BenchmarkDeadline(b *testing.B) {
	cal := officeCalendar(b)
	ivs := intervals(1_000_000, time.Hour, 5)
	for _, d := range []time.Duration{4 * time.Hour, 200 * time.Hour} {
		b.Run("d="+d.String(), func(b *testing.B) {
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t, err := cal.Deadline(ivs[i%len(ivs)][0], d)
				if err != nil {
					b.Fatal(err)
				}
				sinkTime = t
			}
		})
	}
}

// BenchmarkNewCalendar builds a 09:00-17:00 England and Wales calendar for
// 2012 to 2035, holidays included.
func BenchmarkNewCalendar(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		officeCalendar(b)
	}
}
