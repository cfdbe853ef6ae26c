// Command servicedesk shows the clock engine end to end: it generates a
// year of service desk tickets from a fixed seed, measures each ticket's
// working time on an SLA clock (Monday to Friday 09:00-17:00 in
// Europe/London, less England and Wales bank holidays, with time paused
// awaiting the customer removed), tallies the tickets into the ICT
// regime's resolution and fulfilment KPIs month by month, scores every
// month and the year, and says how long the tallying and scoring took.
//
//	go run ./examples/servicedesk                  # 1,000,000 tickets
//	go run ./examples/servicedesk -tickets 5000000 -seed 7
//
// The regime is seed 000's ICT contract, KPIs 1 to 8 (servicedesk.yaml; a
// test checks they are examples/peterborough's). A business day is read as
// eight working hours, so "severity 3 within 2 business days" passes a
// ticket whose clock ran at most 16 working hours. Tickets count in the
// month they were opened.
//
// The log is synthetic, not any council's: the categories' shares, how
// often each meets its limit, and how long pauses last are set below, with
// the service worse in August and over Christmas so that the scorecards
// show more than one status. The same seed always gives the same log.
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/internal/cli"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/ukholiday"
	"github.com/kpiregime/kpiregime/period/worktime"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

//go:embed servicedesk.yaml
var contractFile []byte

// A category is a kind of ticket and the KPI it counts toward.
type category struct {
	ref   string
	name  string
	limit time.Duration // working time allowed
	share uint64        // tickets per 100,000
	pass  uint64        // per mille meeting the limit in an ordinary month
	// failures marks the KPIs measured as a volume of failures.
	failures bool
}

const businessDay = 8 * time.Hour

var categories = []category{
	{"1", "Severity 1 incidents", 2 * time.Hour, 20, 990, true},
	{"2", "Severity 2 incidents", businessDay, 500, 999, true},
	{"3", "Severity 3 incidents", 2 * businessDay, 20000, 925, false},
	{"4", "Severity 4 incidents", 4 * businessDay, 30000, 960, false},
	{"5", "Priority 1 requests", businessDay, 480, 930, false},
	{"6", "Priority 2 requests", 2 * businessDay, 5000, 935, false},
	{"7", "Priority 3 requests", 4 * businessDay, 24000, 945, false},
	{"8", "Priority 4 requests", 8 * businessDay, 20000, 950, false},
}

// strain lowers every category's pass rate (per mille) in a month of the
// year from April: holidays in August, Christmas in December and January.
var strain = [12]uint64{4: 20, 8: 40, 9: 60}

var (
	firstMonth = period.Must(period.ParseMonth("Apr-16"))
	year       = period.Must(period.ParseLabel("2016/17"))
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run makes the report and returns the exit code: 0, 1 when it cannot be
// made, 2 for a usage mistake.
func run(args []string, stdout, stderr io.Writer) int {
	var tickets int
	var seed uint64
	flags := func(fs *flag.FlagSet) (string, func() bool) {
		fs.IntVar(&tickets, "tickets", 1_000_000, "how many tickets to generate over the year (1 to 50,000,000)")
		fs.Uint64Var(&seed, "seed", 2016, "the generator's seed")
		return "[-tickets N (1 to 50,000,000)] [-seed S]", func() bool { return tickets >= 1 && tickets <= 50_000_000 }
	}
	write := func(b *bytes.Buffer, _ string) error { return report(b, tickets, seed) }
	return cli.Command{Name: "servicedesk", Flags: flags, Write: write}.Run(args, stdout, stderr)
}

// calendar is the desk's working time over the year and the months after
// it that late tickets run into.
func calendar() (*worktime.Calendar, int, error) {
	hols, err := ukholiday.Holidays(ukholiday.EnglandAndWales, 2016, 2017)
	if err != nil {
		return nil, 0, err
	}
	hours, err := worktime.ParseHours("Mon-Fri 09:00-17:00")
	if err != nil {
		return nil, 0, err
	}
	cal, err := worktime.NewCalendar(worktime.CalendarSpec{Hours: hours, Holidays: ukholiday.Dates(hols),
		From: period.Must(period.ParseDate("2016-04-01")), To: period.Must(period.ParseDate("2017-09-01"))})
	if err != nil {
		return nil, 0, err
	}
	inYear := 0
	for _, h := range ukholiday.Dates(hols) {
		if year.Contains(h) {
			inYear++
		}
	}
	return cal, inYear, nil
}

// month is one month's tickets by category, and how many were paused.
type month struct {
	records [][]kpi.Record
	paused  int
}

// report generates, tallies and scores the year, and writes what it found.
func report(w *bytes.Buffer, tickets int, seed uint64) error {
	c, err := contract.Decode(bytes.NewReader(contractFile), "servicedesk.yaml", contract.YAML)
	if err != nil {
		return err
	}
	cal, holidays, err := calendar()
	if err != nil {
		return err
	}
	g := generator{r: newRand(seed), cal: cal}
	var obs []regime.Observation
	var generating, tallying time.Duration
	paused := 0
	for i := range 12 {
		m := firstMonth.AddMonths(i)
		n := tickets / 12
		if i < tickets%12 {
			n++
		}
		t0 := time.Now()
		mo, err := g.month(m, i, n)
		if err != nil {
			return err
		}
		t1 := time.Now()
		more, err := tally(cal, m, mo)
		if err != nil {
			return err
		}
		generating += t1.Sub(t0)
		tallying += time.Since(t1)
		obs = append(obs, more...)
		paused += mo.paused
	}
	t0 := time.Now()
	var cards []render.Card
	for i := range 12 {
		sc, err := c.Score(obs, firstMonth.AddMonths(i).Period())
		if err != nil {
			return err
		}
		cards = append(cards, render.Card{Contract: c.ID(), Scorecard: sc})
	}
	ytd, err := c.Score(obs, year)
	if err != nil {
		return err
	}
	scoring := time.Since(t0)

	fmt.Fprintf(w, "Service desk: %s tickets opened from April 2016 to March 2017, generated from seed %d.\n", thousands(tickets), seed)
	fmt.Fprintf(w, "Working time: Monday to Friday 09:00-17:00, Europe/London, less England and Wales bank holidays (%d in the year).\n", holidays)
	fmt.Fprintf(w, "Paused awaiting the customer: %s tickets; paused working time does not count.\n\n", thousands(paused))
	fmt.Fprintf(w, "Generated in %s. Tallied into %d monthly figures in %s and scored in %s:\n", ms(generating), len(obs), ms(tallying), ms(scoring))
	total := tallying + scoring
	verdict := "under a second"
	if total >= time.Second {
		verdict = "more than a second"
	}
	fmt.Fprintf(w, "%s tickets measured, tallied and scored in %s, %s.\n\n", thousands(tickets), ms(total), verdict)

	w.WriteString("Month by month (the figure, and the status where it is not Met)\n\n")
	if err := render.Table(w, grid(cards)); err != nil {
		return err
	}
	w.WriteString("\n")
	return render.Text(w, render.Card{Contract: c.ID(), Scorecard: ytd})
}

// tally turns a month's tickets into the KPIs' figures: the failures to
// meet the limit for a volume-of-failures KPI, the tickets within it of
// all tickets for a percentage.
func tally(cal *worktime.Calendar, m period.Month, mo month) ([]regime.Observation, error) {
	out := make([]regime.Observation, 0, len(categories))
	for i, cat := range categories {
		within := kpi.WithinWorkingTime(cal, cat.limit)
		var o kpi.Observation
		var err error
		if cat.failures {
			o, err = kpi.CountFailures(mo.records[i], within)
		} else {
			o, err = kpi.CountPassing(mo.records[i], within)
		}
		if err != nil {
			return nil, fmt.Errorf("KPI %s, %s: %w", cat.ref, m.Label(period.Short), err)
		}
		out = append(out, regime.Observation{KPI: cat.ref, Month: m, Obs: o})
	}
	return out, nil
}

// grid is a table of the months' scorecards: a row a month, a column a KPI.
func grid(cards []render.Card) [][]string {
	head := []string{"Month"}
	for _, cat := range categories {
		head = append(head, cat.ref+": "+cat.name)
	}
	rows := [][]string{head}
	for _, c := range cards {
		row := []string{c.Scorecard.Period.Label(period.Short)}
		for _, r := range c.Scorecard.Rows {
			cell := r.Label
			if w, ok := r.Result.ActualWritten(); ok {
				cell = w.String()
				if r.Status != kpi.Met {
					cell += " " + r.Label
				}
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	return rows
}

// generator makes the ticket log from its random source.
type generator struct {
	r   *rand.Rand
	cal *worktime.Calendar
}

// newRand is the generator's source: PCG, whose output for a seed is fixed
// by its algorithm, so the same seed gives the same log on any Go release.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5e7c0de)) }

// below returns a number in [0, n).
func (g *generator) below(n uint64) uint64 { return g.r.Uint64() % n }

// month generates n tickets opened in month m (the ith of the year).
func (g *generator) month(m period.Month, i, n int) (month, error) {
	mo := month{records: make([][]kpi.Record, len(categories))}
	loc := g.cal.Location()
	first := m.First()
	days := uint64(m.Period().Days())
	for range n {
		cat := g.category()
		day := first.AddDays(int(g.below(days)))
		var second uint64
		if g.below(10) < 7 { // most tickets are raised in office hours
			second = 9*3600 + g.below(8*3600)
		} else {
			second = g.below(24 * 3600)
		}
		opened := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc).Add(time.Duration(second) * time.Second)
		limit := uint64(categories[cat].limit / time.Second)
		var worked uint64
		if g.below(1000) < categories[cat].pass-strain[i] {
			worked = 60 + g.below(limit-59)
		} else {
			worked = limit + 1 + g.below(3*limit)
		}
		rec, paused, err := g.ticket(opened, time.Duration(worked)*time.Second)
		if err != nil {
			return month{}, err
		}
		if paused {
			mo.paused++
		}
		mo.records[cat] = append(mo.records[cat], rec)
	}
	return mo, nil
}

// category picks a ticket's category by the shares.
func (g *generator) category() int {
	x := g.below(100_000)
	for i, c := range categories {
		if x < c.share {
			return i
		}
		x -= c.share
	}
	return len(categories) - 1
}

// ticket builds a ticket opened at opened whose clock runs worked working
// time before it is resolved. Three in twenty are paused awaiting the
// customer for one to seventy-two hours soon after they open; a pause that
// would come after the resolution is left out.
func (g *generator) ticket(opened time.Time, worked time.Duration) (kpi.Record, bool, error) {
	start := worktime.StatusChange{At: opened, Event: worktime.ClockStart}
	changes := []worktime.StatusChange{start}
	if g.below(20) < 3 {
		from := opened.Add(time.Duration(g.below(2*3600)) * time.Second)
		to := from.Add(time.Hour + time.Duration(g.below(71*3600))*time.Second)
		changes = append(changes, worktime.StatusChange{At: from, Event: worktime.ClockPause}, worktime.StatusChange{At: to, Event: worktime.ClockResume})
	}
	clock, err := worktime.NewClock(changes...)
	if err != nil {
		return kpi.Record{}, false, err
	}
	resolved, err := clock.Deadline(g.cal, worked)
	if err != nil {
		return kpi.Record{}, false, err
	}
	if len(changes) > 1 && !resolved.After(changes[2].At) {
		changes = changes[:1]
	}
	changes = append(changes, worktime.StatusChange{At: resolved, Event: worktime.ClockStop})
	clock, err = worktime.NewClock(changes...)
	if err != nil {
		return kpi.Record{}, false, err
	}
	return kpi.Record{Start: opened, End: resolved, Clock: clock}, len(changes) > 2, nil
}

// ms writes a duration in milliseconds to one place.
func ms(d time.Duration) string {
	return fmt.Sprintf("%d.%d ms", d.Milliseconds(), d.Microseconds()%1000/100)
}

// thousands writes n with thousands separators: 1,000,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
