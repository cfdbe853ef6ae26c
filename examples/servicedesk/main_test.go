package main

import (
	"bytes"
	"flag"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/internal/golden"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/worktime"
)

// TestSameKPIsAsPeterborough: the regime here is seed 000's ICT KPIs 1 to
// 8, exactly as examples/peterborough defines them.
func TestSameKPIsAsPeterborough(t *testing.T) {
	ours, err := contract.Decode(bytes.NewReader(contractFile), "servicedesk.yaml", contract.YAML)
	require.NoError(t, err)
	theirs, err := contract.ReadFile("../peterborough/ict.yaml")
	require.NoError(t, err)
	apr := period.Must(period.ParseMonth("Apr-16"))
	a, _ := ours.RegimeAt(apr)
	b, _ := theirs.RegimeAt(apr)
	require.Len(t, a.KPIs(), len(categories))
	for i, d := range a.KPIs() {
		assert.Equal(t, categories[i].ref, d.Ref())
		want, ok := b.KPI(d.Ref())
		require.True(t, ok, d.Ref())
		assert.True(t, d.Equal(want), d.Ref())
	}
}

// TestTallyByHand tallies tickets whose working time is worked out by hand
// on the desk's calendar (Mon-Fri 09:00-17:00, England and Wales bank
// holidays; Monday 29 August 2016 is one).
func TestTallyByHand(t *testing.T) {
	cal, _, err := calendar()
	require.NoError(t, err)
	loc := cal.Location()
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		require.NoError(t, err)
		return v
	}
	ticket := func(changes ...worktime.StatusChange) kpi.Record {
		c, err := worktime.NewClock(changes...)
		require.NoError(t, err)
		end, _ := c.Stopped()
		return kpi.Record{Start: changes[0].At, End: end, Clock: c}
	}
	ch := func(s string, e worktime.ClockEvent) worktime.StatusChange {
		return worktime.StatusChange{At: at(s), Event: e}
	}
	records := []kpi.Record{
		// Fri 16:00 to Tue 10:00 over the bank holiday: 1h + 1h = 2h, within 2 hours.
		ticket(ch("2016-08-26 16:00", worktime.ClockStart), ch("2016-08-30 10:00", worktime.ClockStop)),
		// A minute later: 2h01m, a failure of severity 1.
		ticket(ch("2016-08-26 16:00", worktime.ClockStart), ch("2016-08-30 10:01", worktime.ClockStop)),
		// Opened Wed 09:00, paused 10:00 Wed to 10:00 Fri, resolved Fri 12:00:
		// 1h before the pause and 2h after it = 3h.
		ticket(ch("2016-08-31 09:00", worktime.ClockStart), ch("2016-08-31 10:00", worktime.ClockPause),
			ch("2016-09-02 10:00", worktime.ClockResume), ch("2016-09-02 12:00", worktime.ClockStop)),
	}
	mo := month{records: make([][]kpi.Record, len(categories))}
	mo.records[0] = records // severity 1: limit 2 hours
	mo.records[2] = records // severity 3: limit 16 hours, all pass
	aug := period.Must(period.ParseMonth("Aug-16"))
	obs, err := tally(cal, aug, mo)
	require.NoError(t, err)
	require.Len(t, obs, len(categories))
	// Severity 1: the second (2h01m) and third (3h) fail: 2 failures.
	v, ok := obs[0].Obs.Value()
	require.True(t, ok)
	assert.Equal(t, "2", v.String())
	// Severity 3: 3 of 3 within 16 hours.
	n, d, ok := obs[2].Obs.Counts()
	require.True(t, ok)
	assert.Equal(t, "3/3", n.String()+"/"+d.String())
	// A category with no tickets has no volume.
	_, d, ok = obs[3].Obs.Counts()
	require.True(t, ok)
	assert.True(t, d.IsZero())
}

// TestGeneratedTickets checks the generator keeps its promises: each
// ticket's clock runs exactly the working time drawn for it, so the share
// within the limit is the pass rate set; pauses are before the resolution.
func TestGeneratedTickets(t *testing.T) {
	cal, _, err := calendar()
	require.NoError(t, err)
	g := generator{r: newRand(1), cal: cal}
	aug := period.Must(period.ParseMonth("Aug-16"))
	mo, err := g.month(aug, 4, 20_000)
	require.NoError(t, err)
	total := 0
	for i, recs := range mo.records {
		total += len(recs)
		for _, r := range recs {
			assert.Equal(t, aug, period.DateOf(r.Start.In(cal.Location())).YearMonth(), "opened in the month")
			end, stopped := r.Clock.Stopped()
			require.True(t, stopped)
			assert.True(t, end.Equal(r.End))
			worked, err := r.Clock.Elapsed(cal, end)
			require.NoError(t, err)
			assert.Positive(t, worked)
			assert.LessOrEqual(t, worked, 4*categories[i].limit)
		}
	}
	assert.Equal(t, 20_000, total)
	// Severity 4 is 30% of tickets, about 6,000 here; with August's strain
	// of 20 per mille it passes at 940 per mille. Three standard deviations
	// of the count within the limit: 3 * sqrt(6000 * 0.94 * 0.06) = 55.
	within := kpi.WithinWorkingTime(cal, categories[3].limit)
	o, err := kpi.CountPassing(mo.records[3], within)
	require.NoError(t, err)
	num, den, _ := o.Counts()
	diff := num.IntPart() - den.IntPart()*94/100
	assert.LessOrEqual(t, max(diff, -diff), int64(55), "%s of %s within the limit", num, den)
	assert.Positive(t, mo.paused)
}

// TestDeterministic: the same seed gives the same report (timings apart),
// another seed another.
func TestDeterministic(t *testing.T) {
	a, b, c := report100k(t, 7), report100k(t, 7), report100k(t, 8)
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)
}

func report100k(t *testing.T, seed uint64) string {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run([]string{"-tickets", "100000", "-seed", strconv.FormatUint(seed, 10)}, &out, &errs), errs.String())
	return maskTimes(out.String())
}

var (
	times   = regexp.MustCompile(`\d+\.\d ms`)
	verdict = regexp.MustCompile(`(under|more than) a second`)
)

// maskTimes hides what varies from run to run: the timings, and so whether
// they came to under a second (checked on its own in TestMillionTickets).
func maskTimes(s string) string {
	return verdict.ReplaceAllString(times.ReplaceAllString(s, "_ ms"), "_ a second")
}

func TestUsage(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 2, run([]string{"-tickets", "0"}, &out, &errs))
	assert.Contains(t, errs.String(), "usage: servicedesk")
	assert.Equal(t, 2, run([]string{"extra"}, &out, &errs))
}

var update = flag.Bool("update", false, "rewrite the golden file")

// TestMillionTickets runs the example as it ships: a million tickets,
// measured, tallied and scored in under a second (checked without the
// race detector, which slows the clock engine several times over), and the
// report compared, timings masked, with testdata/servicedesk.txt. The
// golden file was checked against the generator's settings: bank holidays
// in 2016/17 (2 and 30 May, 29 August, 26 and 27 December, 2 January: 6),
// every month near its pass rates (severity 3 at 92.5% in an ordinary
// month, 90.5% in August, 88.5% in December, 86.5% in January, and so the
// statuses Met, Met, Missed and Detriment), and the year's figures from
// the months' counts. The year's failure counts are not rated against one
// month's levels (the earlier golden file had "53 failures Failed"): KPI 1
// is 1 (Nov) + 3 (Dec) = 4 failures, one month detriment and one failed;
// KPI 2 is 2 + 1 + 1 + 9 + 17 + 23 = 53, failed in April, August, December
// and January and detriment in June and July, as the month table shows.
func TestMillionTickets(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run(nil, &out, &errs), errs.String())
	text := out.String()
	m := regexp.MustCompile(`1,000,000 tickets measured, tallied and scored in (\d+)\.\d ms, (.*)\.`).FindStringSubmatch(text)
	require.NotNil(t, m, text)
	if !raceDetector {
		took, _ := strconv.Atoi(m[1])
		assert.Less(t, took, 1000)
		assert.Equal(t, "under a second", m[2])
	}
	golden.Check(t, "testdata/servicedesk.txt", []byte(maskTimes(text)), *update)
}
