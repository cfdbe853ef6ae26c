package regime_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// randomLedger is a regime of random KPIs (monthly, quarterly and
// six-monthly; figures, counts, figures for whole quarters, gaps), random
// credit rules and caps, over two years of random charges.
func randomLedger(t testing.TB, rnd *rand.Rand) (*regime.Regime, regime.Input, regime.Caps) {
	freqs := []period.Frequency{period.Monthly(), period.Monthly(), period.Quarterly(), period.SixMonthly()}
	var defs []kpi.Definition
	for i := range 1 + rnd.IntN(6) {
		target := kpi.Target()
		minor := kpi.Abs(decimal.New(9000+rnd.Int64N(800), -2))
		bands, err := kpi.NewBands(
			kpi.Band{Status: kpi.Met, Reach: target},
			kpi.Band{Status: kpi.Missed, Reach: minor, Points: decimal.NewFromInt(rnd.Int64N(4))},
			kpi.Band{Status: kpi.Failed, Points: decimal.NewFromInt(1 + rnd.Int64N(8))},
		)
		require.NoError(t, err)
		defs = append(defs, mustDef(t, kpi.Spec{Ref: fmt.Sprintf("K%d", i), Measure: pct, Frequency: freqs[rnd.IntN(len(freqs))],
			Target: written(t, "99%"), Bands: bands}))
	}
	var caps regime.Caps
	switch rnd.IntN(3) {
	case 0:
		caps.PerPeriod = regime.PercentOfCharges(decimal.New(1+rnd.Int64N(150), -1))
	case 1:
		caps.PerPeriod = regime.Pounds(decimal.New(rnd.Int64N(2_000_000), -2))
	}
	switch rnd.IntN(3) {
	case 0:
		caps.Rolling = regime.PercentOfCharges(decimal.New(1+rnd.Int64N(100), -1))
	case 1:
		caps.Rolling = regime.Pounds(decimal.New(rnd.Int64N(5_000_000), -2))
	}
	caps.Window = rnd.IntN(13)
	r := mustRegime(t, regime.Spec{Name: "Random", From: mo("Apr-16"), KPIs: defs, Repeat: decimal.NewFromInt(rnd.Int64N(3)),
		Missing: regime.MissingRule{DeemFailed: rnd.IntN(2) == 0},
		Credits: []regime.CreditRule{regime.NewPointsCredit(decimal.New(1+rnd.Int64N(300), -2)),
			regime.NewFixedCredit("K0", map[kpi.Status]decimal.Decimal{kpi.Failed: decimal.New(rnd.Int64N(100_000), -2)}, decimal.Zero)},
		Caps: caps, Rounding: regime.Rounding(rnd.IntN(3))})
	in := regime.Input{Charges: map[period.Month]decimal.Decimal{}}
	first := mo("Apr-16")
	for k := range 24 {
		m := first.AddMonths(k)
		in.Charges[m] = decimal.New(1_000_000+rnd.Int64N(20_000_000), -2)
		for _, d := range defs {
			if d.Frequency().Months() > 1 && rnd.IntN(4) == 0 {
				if d.Frequency().Due(m) {
					p := d.Frequency().PeriodOf(m)
					in.Observations = append(in.Observations, regime.Observation{KPI: d.Ref(), Period: p, Obs: kpi.Figure(decimal.New(8800+rnd.Int64N(1201), -2))})
				}
				continue
			}
			var o kpi.Observation
			switch rnd.IntN(5) {
			case 0:
				continue // nothing reported
			case 1:
				den := 1 + rnd.Int64N(1000)
				o = kpi.Counts(rnd.Int64N(den+1), den)
			default:
				o = kpi.Figure(decimal.New(8800+rnd.Int64N(1201), -2))
			}
			in.Observations = append(in.Observations, regime.Observation{KPI: d.Ref(), Month: m, Obs: o})
		}
	}
	return r, in, caps
}

// TestLedgerProperties checks, over random regimes: a view's credits are
// the sum of its months' credits; no month's credits exceed the per-period
// cap of its own charge, nor what the rolling cap of its window's actual
// charges leaves; interim rows never carry money.
func TestLedgerProperties(t *testing.T) {
	rnd := rand.New(rand.NewPCG(12, 2016))
	for n := range 200 {
		r, in, caps := randomLedger(t, rnd)
		l, err := r.Run(in)
		require.NoError(t, err, "case %d", n)
		span := l.Months()
		var months []period.Month
		for m := range span.Months() {
			months = append(months, m)
		}
		credits := map[period.Month]decimal.Decimal{}
		for _, m := range months {
			sc, err := l.Scorecard(m.Period())
			require.NoError(t, err)
			credits[m] = sc.Summary.Credits
			rowsBefore := decimal.Zero
			for _, row := range sc.Rows {
				if row.Interim {
					assert.True(t, row.Points.IsZero() && row.Credit.IsZero(), "case %d %s %s: interim with money", n, m, row.KPI)
				}
				rowsBefore = rowsBefore.Add(row.Credit)
			}
			assert.True(t, rowsBefore.Equal(sc.Summary.CreditsBeforeCaps), "case %d %s", n, m)
			assert.False(t, sc.Summary.Credits.GreaterThan(sc.Summary.CreditsBeforeCaps), "case %d %s", n, m)
			if !caps.PerPeriod.IsZero() {
				limit := caps.PerPeriod.Of(in.Charges[m])
				assert.False(t, sc.Summary.Credits.GreaterThan(limit), "case %d %s: %s over the cap %s", n, m, sc.Summary.Credits, limit)
			}
		}
		if !caps.Rolling.IsZero() {
			w := caps.Window
			if w == 0 {
				w = 12
			}
			// Credits already applied cannot be taken back, so where a
			// window's charges fall (a large month leaving it), its total
			// may stand above its cap; but no month's credit may exceed what
			// its own window leaves: the cap of the window's actual charges
			// less the credits of its earlier months.
			for i, m := range months {
				taken, charges := decimal.Zero, decimal.Zero
				for _, mm := range months[max(0, i-w+1):i] {
					taken, charges = taken.Add(credits[mm]), charges.Add(in.Charges[mm])
				}
				room := decimal.Max(caps.Rolling.Of(charges.Add(in.Charges[m])).Sub(taken), decimal.Zero)
				assert.False(t, credits[m].GreaterThan(room), "case %d %s: %s over the room left in its window, %s", n, m, credits[m], room)
			}
		}
		for _, label := range []string{"Q1 2016/17", "Q3 2016/17", "H2 2016/17", "2016/17", "YTD 2017/18 to Nov-17", "Q4 2017/18"} {
			p := period.Must(period.ParseLabel(label))
			if p.FirstMonth().Before(span.FirstMonth()) || p.LastMonth().After(span.LastMonth()) {
				continue // the ledger starts at the first month with a figure
			}
			view, err := l.Scorecard(p)
			require.NoError(t, err, "case %d %s", n, label)
			sum, before, points := decimal.Zero, decimal.Zero, decimal.Zero
			for m := range view.Period.Months() {
				sc, err := l.Scorecard(m.Period())
				require.NoError(t, err)
				sum, before, points = sum.Add(sc.Summary.Credits), before.Add(sc.Summary.CreditsBeforeCaps), points.Add(sc.Summary.Points)
			}
			assert.True(t, sum.Equal(view.Summary.Credits), "case %d %s: view %s, months %s", n, label, view.Summary.Credits, sum)
			assert.True(t, before.Equal(view.Summary.CreditsBeforeCaps), "case %d %s", n, label)
			assert.True(t, points.Equal(view.Summary.Points), "case %d %s", n, label)
			rows := decimal.Zero
			for _, row := range view.Rows {
				rows = rows.Add(row.Credit)
			}
			assert.True(t, rows.Equal(view.Summary.CreditsBeforeCaps), "case %d %s: rows %s", n, label, rows)
		}
	}
}
