package regime_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// horizonHistory is a random history of one to three regime versions over
// six years from April 2016 (some starting afresh, KPIs joining and
// leaving at a version's start and never coming back), whose KPIs are
// monthly, quarterly, six-monthly, annual or rolling, with repeats,
// deeming, relief, every kind of escalation rule, per-period caps and the
// package's credit rules; and its input: figures, counts, claims, gaps,
// interim figures and figures for whole periods, drawn from rnd.
func horizonHistory(t testing.TB, rnd *rand.Rand) (regime.History, regime.Input) {
	start, months := mo("Apr-16"), 72
	freqs := []period.Frequency{period.Monthly(), period.Monthly(), period.Monthly(), period.Quarterly(), period.SixMonthly(), period.Annual()}
	var all []kpi.Definition
	for i := range 2 + rnd.IntN(5) {
		bands, err := kpi.NewBands(
			kpi.Band{Status: kpi.Met, Reach: kpi.Target()},
			kpi.Band{Status: kpi.Missed, Reach: kpi.Abs(decimal.New(9000+rnd.Int64N(800), -2)), Points: decimal.NewFromInt(rnd.Int64N(4))},
			kpi.Band{Status: kpi.Failed, Points: decimal.NewFromInt(1 + rnd.Int64N(8))},
		)
		require.NoError(t, err)
		f := freqs[rnd.IntN(len(freqs))]
		spec := kpi.Spec{Ref: fmt.Sprintf("K%d", i), Measure: pct, Frequency: f, Target: written(t, "99%"), Bands: bands}
		if f.Months() == 1 && rnd.IntN(4) == 0 {
			spec.Rolling = 2 + rnd.IntN(5)
		}
		all = append(all, mustDef(t, spec))
	}
	// Versions start at random months; each has a run of the KPIs, so that a
	// KPI is in force over one stretch of versions.
	cuts := []int{0}
	for range rnd.IntN(3) {
		if c := 12 + rnd.IntN(months-24); c > cuts[len(cuts)-1] {
			cuts = append(cuts, c)
		}
	}
	var regimes []*regime.Regime
	for v, c := range cuts {
		lo, hi := 0, len(all)
		if v > 0 && rnd.IntN(2) == 0 {
			lo = 1 // K0 leaves
		}
		if v == 0 && len(cuts) > 1 && rnd.IntN(2) == 0 {
			hi-- // the last KPI joins later
		}
		if v > 0 && lo == 1 {
			// Once K0 has left, it stays out of the later versions too.
			for _, r := range regimes[:v] {
				if _, ok := r.KPI("K0"); !ok {
					lo = 1
				}
			}
		}
		defs := all[lo:hi]
		if v > 0 {
			if _, ok := regimes[v-1].KPI("K0"); !ok {
				defs = all[1:hi]
			}
		}
		spec := regime.Spec{Name: "H", Version: fmt.Sprint(v + 1), From: start.AddMonths(c), KPIs: defs,
			Repeat:  decimal.NewFromInt(rnd.Int64N(3)),
			Missing: regime.MissingRule{DeemFailed: rnd.IntN(2) == 0},
			Reset:   v > 0 && rnd.IntN(3) == 0,
			Credits: []regime.CreditRule{regime.NewPointsCredit(decimal.New(1+rnd.Int64N(300), -2)),
				regime.NewFixedCredit(defs[0].Ref(), map[kpi.Status]decimal.Decimal{kpi.Failed: decimal.New(rnd.Int64N(100_000), -2)}, decimal.Zero)},
			Caps:     regime.Caps{PerPeriod: regime.PercentOfCharges(decimal.New(1+rnd.Int64N(150), -1))},
			Rounding: regime.Rounding(rnd.IntN(3)),
		}
		if v+1 < len(cuts) {
			spec.Until = start.AddMonths(cuts[v+1])
		}
		rules := []regime.Rule{regime.NFailuresInM("material failure", 1+rnd.IntN(3), 3+rnd.IntN(6)), regime.KConsecutive("consecutive", 2+rnd.IntN(3)),
			regime.PointsInWindow("points", 1+rnd.IntN(12), decimal.NewFromInt(5+rnd.Int64N(30))), regime.StatusReached("failed", kpi.Failed)}
		for _, r := range rules {
			if rnd.IntN(2) == 0 {
				spec.Escalation = append(spec.Escalation, r)
			}
		}
		for range rnd.IntN(4) {
			m := start.AddMonths(rnd.IntN(months))
			kinds := []regime.ReliefKind{regime.Exclusion, regime.Mitigation, regime.CustomerCause, regime.AgreedNotMeasurable}
			spec.Relief = append(spec.Relief, regime.Relief{Kind: kinds[rnd.IntN(len(kinds))], KPI: defs[rnd.IntN(len(defs))].Ref(),
				From: m, Through: m.AddMonths(rnd.IntN(3)), Reason: "agreed"})
		}
		regimes = append(regimes, mustRegime(t, spec))
	}
	h, err := regime.NewHistory(regimes...)
	require.NoError(t, err)
	in := regime.Input{Charges: map[period.Month]decimal.Decimal{}}
	for k := range months {
		m := start.AddMonths(k)
		in.Charges[m] = decimal.New(1_000_000+rnd.Int64N(20_000_000), -2)
		r, _ := h.At(m)
		for _, d := range r.KPIs() {
			in.Observations = append(in.Observations, horizonFigure(rnd, d, m)...)
		}
	}
	return h, in
}

// horizonFigure is what a return gives for KPI d in month m: nothing, a
// figure, counts, a claim, or, for a longer KPI, sometimes its period's
// figure in the month it ends.
func horizonFigure(rnd *rand.Rand, d kpi.Definition, m period.Month) []regime.Observation {
	if f := d.Frequency(); f.Months() > 1 && rnd.IntN(4) == 0 {
		if f.Due(m) {
			return []regime.Observation{{KPI: d.Ref(), Period: f.PeriodOf(m), Obs: kpi.Figure(decimal.New(8800+rnd.Int64N(1201), -2))}}
		}
		return nil
	}
	var o kpi.Observation
	switch rnd.IntN(10) {
	case 0:
		return nil
	case 1:
		claims := []kpi.Status{kpi.NoData, kpi.NotDue, kpi.Excluded, kpi.NotMeasurable}
		o = kpi.Missing(claims[rnd.IntN(len(claims))], "")
	case 2, 3:
		den := 1 + rnd.Int64N(1000)
		o = kpi.Counts(den-rnd.Int64N(den/8+1), den)
	default:
		o = kpi.Figure(decimal.New(8800+rnd.Int64N(1201), -2))
	}
	return []regime.Observation{{KPI: d.Ref(), Month: m, Obs: o}}
}

// TestHorizonAgreesWithFullRun scores views late in random histories
// twice: from the horizon the regimes allow, and from the first figure.
// The scorecards must be equal (rows, notes, trends, money, events), or
// the errors the same; and the horizon must have cut most runs short, or
// the test would compare a run with itself.
func TestHorizonAgreesWithFullRun(t *testing.T) {
	rnd := rand.New(rand.NewPCG(18, 18))
	cut := 0
	const cases = 150
	for c := range cases {
		h, in := horizonHistory(t, rnd)
		last := mo("Apr-16").AddMonths(71) // March 2022
		y := period.Must(period.FinancialYear(2021))
		views := []period.Period{last.Period(), mo("Apr-16").AddMonths(40 + rnd.IntN(30)).Period(),
			period.Must(y.Quarter(1 + rnd.IntN(4))), period.Must(y.ToDate(last)), y.Period()}
		for _, p := range views {
			restore := regime.SetFullRuns(true)
			full, errFull := h.Score(in, p)
			restore()
			short, err := h.Score(in, p)
			if start, ok := regime.Horizon(h, in, p); ok && start.After(mo("Apr-16")) {
				cut++
			}
			if (err == nil) != (errFull == nil) || err != nil && err.Error() != errFull.Error() {
				t.Fatalf("case %d, %s: from the horizon %v; from the first figure %v", c, p, err, errFull)
			}
			if err == nil && !short.Equal(full) {
				t.Fatalf("case %d, %s: the scorecards differ:\nfrom the horizon %+v\nfrom the first figure %+v", c, p, short.Summary, full.Summary)
			}
			// The same observations in a Return give the same scorecard.
			fromReturn, errReturn := h.Score(regime.Input{Return: asReturn(in.Observations), Charges: in.Charges}, p)
			if (errReturn == nil) != (err == nil) || err == nil && !fromReturn.Equal(short) {
				t.Fatalf("case %d, %s: from a Return %v, %v; from the observations %v", c, p, fromReturn != nil && fromReturn.Equal(short), errReturn, err)
			}
		}
	}
	if cut < cases {
		t.Fatalf("the horizon cut only %d of %d runs short", cut, cases*5)
	}
}

// asReturn is obs in a Return.
func asReturn(obs []regime.Observation) *regime.Return {
	rt := new(regime.Return)
	for _, o := range obs {
		rt.Add(o)
	}
	return rt
}

// TestScorecardOutlivesThePool: a month's scorecard from Score holds the
// rows the ledger made (no copy), and the ledger's other memory goes back
// to a pool for the next Score; scoring many more regimes afterwards, on
// all cores, must leave it as it was.
func TestScorecardOutlivesThePool(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 9))
	h, in := horizonHistory(t, rnd)
	p := mo("Apr-16").AddMonths(71).Period()
	sc, err := h.Score(in, p)
	require.NoError(t, err)
	restore := regime.SetFullRuns(true) // a second, independent run to compare with
	want, err := h.Score(in, p)
	restore()
	require.NoError(t, err)
	require.True(t, sc.Equal(want))
	var jobs []regime.Job
	for range 40 {
		r, in := randomLedgerJob(t, rnd)
		jobs = append(jobs, regime.Job{Regime: r, Input: in, Period: mo("Apr-16").AddMonths(rnd.IntN(24)).Period()})
	}
	for range 3 {
		_, err := regime.ScoreEach(jobs)
		require.NoError(t, err)
		if !sc.Equal(want) {
			t.Fatal("a scorecard changed after later scorecards were made")
		}
	}
}

// randomLedgerJob is randomLedger's regime and input.
func randomLedgerJob(t testing.TB, rnd *rand.Rand) (*regime.Regime, regime.Input) {
	r, in, _ := randomLedger(t, rnd)
	return r, in
}
