// Command lancashire scores seed 004, Lancashire County Council's
// strategic partnership with BT Lancashire Services (BTLS), from March to
// August 2016, and checks the report's quarter-one and year-to-date
// figures against their parts.
//
//	go run ./examples/lancashire
//
// It reads the contract file (lancashire.yaml) and the monthly figures the
// seed prints (lancashire-2016.csv: March, July and August 2016), and
// prints:
//
//   - the scorecards of March, July and August 2016;
//   - quarter one and the year to date of each indicator: the seed prints
//     the quarter, not its months, so the example rates the published
//     quarter and year-to-date figures against their targets and combines
//     quarter one with July and August as the library aggregates them;
//   - the figures without targets (customer feedback, the survey, the
//     volume of overpayments), whose months the seed does print, with
//     quarter one and the year to date aggregated by the library from the
//     months and compared with the published year to date.
//
// Counts add up, and the library's sums agree with the seed. Percentages
// do not: the year's percentage is not the mean of the months', and the
// seed gives no counts (incidents, respondents) to weight them by, so the
// library refuses to average them. What can be checked without the counts
// is that the published figure lies within the range of its parts, as any
// ratio of sums must (widened by half a unit of the figures' printed
// precision, since each was rounded for print), and equals them where the
// parts are all the same. Every published year to date passes that check.
//
// The seed says that all contractual and non-contractual targets were met
// from March to August 2016. That is true of its service-level indicators;
// the Payroll & Recruitment dashboard's internal targets were not all met
// (D-2 in August, D-4 in quarter one, July and August), as the scorecards
// show and the seed's own footnote on D-4 explains.
package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/internal/cli"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

var (
	//go:embed lancashire.yaml
	contractFile []byte
	//go:embed lancashire-2016.csv
	figuresFile []byte
)

var (
	q1      = period.Must(period.ParseLabel("Q1 2016/17"))
	ytd     = period.Must(period.ParseLabel("YTD 2016/17 to Aug-16"))
	july    = period.Must(period.ParseMonth("Jul-16"))
	august  = period.Must(period.ParseMonth("Aug-16"))
	april   = period.Must(period.ParseMonth("Apr-16"))
	printed = []string{"Mar-16", "Jul-16", "Aug-16"}
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run prints the report and returns the exit code: 0, 1 when it cannot
// be made, 2 for a usage mistake.
func run(args []string, stdout, stderr io.Writer) int {
	return cli.Command{Name: "lancashire", Write: func(b *bytes.Buffer, _ string) error { return report(b) }}.Run(args, stdout, stderr)
}

// report writes the monthly scorecards and the two tables of longer periods.
func report(b *bytes.Buffer) error {
	c, err := contract.Decode(bytes.NewReader(contractFile), "lancashire.yaml", contract.YAML)
	if err != nil {
		return err
	}
	obs, err := contract.ReadObservations(bytes.NewReader(figuresFile), "lancashire-2016.csv", c)
	if err != nil {
		return err
	}
	var cards []render.Card
	for _, label := range printed {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(label)))
		if err != nil {
			return err
		}
		cards = append(cards, render.Card{Contract: c.ID(), Scorecard: sc})
	}
	if err := render.Text(b, cards...); err != nil {
		return err
	}
	r, _ := c.RegimeAt(august)
	rows, err := indicatorRows(r, obs)
	if err != nil {
		return err
	}
	b.WriteString("\nQuarter one and year to date 2016/17: published figures rated, and the year to date from its parts\n\n")
	if err := render.Table(b, rows); err != nil {
		return err
	}
	b.WriteString("\nFigures without targets: quarter one and year to date aggregated from the months\n\n")
	ctx, err := contextRows()
	if err != nil {
		return err
	}
	if err := render.Table(b, ctx); err != nil {
		return err
	}
	b.WriteString("\nThe survey's percentages cannot be combined without the number of respondents in each month:\n" +
		"the mean of the five months' \"very satisfied\" figures is 82.98, not the published 82.9, which is\n" +
		"taken over all respondents. The published figures lie within the range of the months, as they must.\n")
	return nil
}

// indicatorRows is the table of quarter one and the year to date for each
// indicator of the regime.
func indicatorRows(r *regime.Regime, obs []regime.Observation) ([][]string, error) {
	monthly := map[string]map[period.Month]kpi.Observation{}
	for _, o := range obs {
		if monthly[o.KPI] == nil {
			monthly[o.KPI] = map[period.Month]kpi.Observation{}
		}
		monthly[o.KPI][o.Month] = o.Obs
	}
	rows := [][]string{{"Ref", "Target", "Q1", "Q1 status", "Jul-16", "Aug-16", "YTD", "YTD status", "YTD from Q1, Jul-16, Aug-16", "Check", "Note"}}
	for _, p := range published {
		d, ok := r.KPI(p.ref)
		if !ok {
			return nil, fmt.Errorf("published figures for %s, which the regime does not have", p.ref)
		}
		q1Fig, err := kpi.ParseFigure(p.q1)
		if err != nil {
			return nil, fmt.Errorf("%s: quarter one: %w", p.ref, err)
		}
		ytdFig, err := kpi.ParseFigure(p.ytd)
		if err != nil {
			return nil, fmt.Errorf("%s: year to date: %w", p.ref, err)
		}
		q1Res, err := kpi.Evaluate(d, q1, q1Fig)
		if err != nil {
			return nil, err
		}
		ytdRes, err := kpi.Evaluate(d, ytd, ytdFig)
		if err != nil {
			return nil, err
		}
		jul, aug := monthly[p.ref][july], monthly[p.ref][august]
		julText, err := written(d, july, jul)
		if err != nil {
			return nil, err
		}
		augText, err := written(d, august, aug)
		if err != nil {
			return nil, err
		}
		parts := []kpi.Entry{{Period: q1, Obs: q1Fig}, {Period: july.Period(), Obs: jul}, {Period: august.Period(), Obs: aug}}
		combined := combine(d.Measure(), parts)
		target, _ := d.Spec().Target.MarshalText()
		rows = append(rows, []string{p.ref, string(target), p.q1, r.Label(q1Res.Status()), julText, augText,
			p.ytd, r.Label(ytdRes.Status()), combined.String(), combined.check(ytdFig), p.note})
	}
	return rows, nil
}

// written is a month's figure as the indicator's unit writes it (5.3%).
func written(d kpi.Definition, m period.Month, o kpi.Observation) (string, error) {
	r, err := kpi.Evaluate(d, m.Period(), o)
	if err != nil {
		return "", err
	}
	w, ok := r.ActualWritten()
	if !ok {
		return r.Text(), nil
	}
	return w.String(), nil
}

// contextRows is the table of the figures without targets.
func contextRows() ([][]string, error) {
	rows := [][]string{{"Figure", "Apr-16", "May-16", "Jun-16", "Q1", "Jul-16", "Aug-16", "YTD", "YTD published", "Check"}}
	for _, c := range context {
		m := kpi.Measure{Unit: kpi.Count, Polarity: kpi.HigherIsBetter, Aggregation: kpi.Sum}
		if c.percent {
			m = kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 1, Aggregation: kpi.RatioOfSums}
		}
		var quarter, year []kpi.Entry
		row := []string{c.name}
		for i, text := range c.months {
			month := april.AddMonths(i)
			if i == 3 { // after June: quarter one
				q := combine(m, quarter)
				if c.q1 != "" {
					fig, err := kpi.ParseFigure(c.q1)
					if err != nil {
						return nil, fmt.Errorf("%s: quarter one: %w", c.name, err)
					}
					quarter = []kpi.Entry{{Period: q1, Obs: fig}}
					q = combined{text: c.q1 + " (published)"}
				}
				year = append(year, quarter...)
				row = append(row, q.String())
			}
			if text == "" {
				row = append(row, "")
				continue
			}
			fig, err := kpi.ParseFigure(text)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", c.name, month.Label(period.Short), err)
			}
			e := kpi.Entry{Period: month.Period(), Obs: fig}
			if i < 3 {
				quarter = append(quarter, e)
			} else {
				year = append(year, e)
			}
			row = append(row, text)
		}
		pub, err := kpi.ParseFigure(c.ytd)
		if err != nil {
			return nil, fmt.Errorf("%s: year to date: %w", c.name, err)
		}
		y := combine(m, year)
		rows = append(rows, append(row, y.String(), c.ytd, y.check(pub)))
	}
	return rows, nil
}

// combined is what the library makes of a run of parts: their aggregate,
// or, where the measure needs counts the parts do not have, the range any
// aggregate of them must lie in.
type combined struct {
	value    decimal.Decimal
	computed bool
	// lo and hi are the smallest and largest part as printed; low and high
	// widen them by half a unit of each part's printed places, the most
	// its rounding for print can have moved it.
	lo, hi, low, high decimal.Decimal
	text              string
}

// combine aggregates the parts by the measure's rule. A ratio of sums of
// figures without their counts cannot be computed, but lies between the
// smallest and the largest part.
func combine(m kpi.Measure, parts []kpi.Entry) combined {
	var c combined
	first := true
	for _, e := range parts {
		v, ok := e.Obs.Value()
		if !ok {
			continue
		}
		h := half(v)
		if first || v.LessThan(c.lo) {
			c.lo = v
		}
		if first || v.GreaterThan(c.hi) {
			c.hi = v
		}
		if first || v.Sub(h).LessThan(c.low) {
			c.low = v.Sub(h)
		}
		if first || v.Add(h).GreaterThan(c.high) {
			c.high = v.Add(h)
		}
		first = false
	}
	agg, err := kpi.Aggregate(m, parts, nil)
	switch {
	case err == nil:
		c.value, c.computed = agg.Value()
	case !errors.Is(err, kpi.ErrNeedsCounts):
		c.text = err.Error()
	case !first && c.lo.Equal(c.hi):
		// Parts that are all the same percentage combine to it, whatever
		// their counts.
		c.value, c.computed = c.lo, true
	}
	return c
}

// half is half a unit in the last place v is written to: 0.05 for 87.5.
func half(v decimal.Decimal) decimal.Decimal {
	return decimal.New(5, min(v.Exponent(), 0)-1)
}

// String writes the aggregate, or the range with the reason it is one.
func (c combined) String() string {
	switch {
	case c.text != "":
		return c.text
	case c.computed:
		return c.value.String()
	default:
		return fmt.Sprintf("%s to %s (no counts)", c.lo, c.hi)
	}
}

// check compares a published figure with what the parts give: an
// aggregate must agree with it to the published places; a range must
// overlap it, each taken with the rounding its printed places allow.
func (c combined) check(published kpi.Observation) string {
	pub, _ := published.Value()
	if c.computed {
		if c.value.Round(-pub.Exponent()).Equal(pub) {
			return "agrees"
		}
		return "differs by " + pub.Sub(c.value).String()
	}
	h := half(pub)
	if pub.Add(h).GreaterThanOrEqual(c.low) && pub.Sub(h).LessThanOrEqual(c.high) {
		return "within the parts"
	}
	return "outside the parts"
}
