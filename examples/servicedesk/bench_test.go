package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/regime"
)

// BenchmarkTallyAndScore measures what the example times: a year of
// 1,000,000 generated tickets (made once, outside the timer) measured on
// their SLA clocks, tallied into the eight KPIs month by month and scored
// for each month and the year. One op is the whole year. The reference,
// run in the same process, only adds up each ticket's working time from
// opened to resolved on the calendar, ignoring pauses: the floor of any
// tally of these tickets.
func BenchmarkTallyAndScore(b *testing.B) {
	cal, _, err := calendar()
	if err != nil {
		b.Fatal(err)
	}
	c, err := contract.Decode(bytes.NewReader(contractFile), "servicedesk.yaml", contract.YAML)
	if err != nil {
		b.Fatal(err)
	}
	g := generator{r: newRand(2016), cal: cal}
	months := make([]month, 12)
	for i := range months {
		if months[i], err = g.month(firstMonth.AddMonths(i), i, 1_000_000/12+btoi(i < 1_000_000%12)); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("tally-and-score", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var obs []regime.Observation
			for i, mo := range months {
				more, err := tally(cal, firstMonth.AddMonths(i), mo)
				if err != nil {
					b.Fatal(err)
				}
				obs = append(obs, more...)
			}
			for i := range 12 {
				if _, err := c.Score(obs, firstMonth.AddMonths(i).Period()); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := c.Score(obs, year); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reference-elapsed-only", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var total time.Duration
			for _, mo := range months {
				for _, recs := range mo.records {
					for _, r := range recs {
						d, err := cal.Elapsed(r.Start, r.End)
						if err != nil {
							b.Fatal(err)
						}
						total += d
					}
				}
			}
			sink = total
		}
	})
}

var sink time.Duration

func btoi(v bool) int {
	if v {
		return 1
	}
	return 0
}
