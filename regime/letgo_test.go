package regime_test

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// TestScoreOfLongLedger checks that Score, which lets go of the rows of
// months its view does not read, gives the scorecard of the whole ledger
// run to the view's end (Run, then Scorecard, which keeps every row): for
// a month, a quarter and a year to date at the end of 200 months of the
// 50-KPI regime with repeats, credits, both caps and escalation.
func TestScoreOfLongLedger(t *testing.T) {
	start := mo("Apr-00")
	rg := benchRegimeFrom(t, "Long", start)
	r := rand.New(rand.NewPCG(5, 5))
	in := regime.Input{Charges: map[period.Month]decimal.Decimal{}}
	for i := range 200 {
		m := start.AddMonths(i)
		mi := monthInput(r, m, 9867)
		in.Observations = append(in.Observations, mi.Observations...)
		in.Charges[m] = mi.Charges[m]
	}
	last := start.AddMonths(199)                                         // November 2016
	q := period.Must(period.Must(period.FinancialYear(2016)).Quarter(2)) // Q2 2016/17: July to September 2016
	ytd, err := period.Must(period.FinancialYear(2016)).ToDate(last)
	require.NoError(t, err)
	for _, p := range []period.Period{last.Period(), q, ytd} {
		got, err := rg.Score(in, p)
		require.NoError(t, err)
		run := in
		run.Through = p.LastMonth()
		l, err := rg.Run(run)
		require.NoError(t, err)
		want, err := l.Scorecard(p)
		require.NoError(t, err)
		if !got.Equal(want) {
			t.Fatalf("%s: Score differs from the whole ledger's Scorecard", p.Label(period.Short))
		}
		require.NotEmpty(t, got.Events, "%s: the regime's rules should raise events", p.Label(period.Short))
	}
}

// TestScoreTrendAcrossGap checks a KPI's trend against its previous
// measurement period where that is long before the month scored, in a
// month whose rows Score let go: K2 is in versions 1 (April 2000 to March
// 2002) and 3 (from April 2004) but not 2, so its row for April 2004
// trends against March 2002's, 25 months before. March 2002's 98% is
// Minor (below 99%); April 2004's 99.5% is met: improving.
func TestScoreTrendAcrossGap(t *testing.T) {
	v := func(version, from, until string, refs ...string) *regime.Regime {
		var defs []kpi.Definition
		for _, ref := range refs {
			defs = append(defs, availability(t, ref))
		}
		spec := regime.Spec{Name: "Gap", Version: version, From: mo(from), KPIs: defs}
		if until != "" {
			spec.Until = mo(until)
		}
		r, err := regime.New(spec)
		require.NoError(t, err)
		return r
	}
	h, err := regime.NewHistory(v("1", "Apr-00", "Apr-02", "K1", "K2"), v("2", "Apr-02", "Apr-04", "K1"), v("3", "Apr-04", "", "K1", "K2"))
	require.NoError(t, err)
	var obs []regime.Observation
	for m := mo("Apr-00"); !m.After(mo("Apr-04")); m = m.AddMonths(1) {
		obs = append(obs, regime.Observation{KPI: "K1", Month: m, Obs: kpi.Figure(dec("99.9"))})
		if m.Before(mo("Apr-02")) {
			obs = append(obs, regime.Observation{KPI: "K2", Month: m, Obs: kpi.Figure(dec("98"))})
		}
	}
	obs = append(obs, regime.Observation{KPI: "K2", Month: mo("Apr-04"), Obs: kpi.Figure(dec("99.5"))})
	in := regime.Input{Observations: obs}
	p := mo("Apr-04").Period()
	got, err := h.Score(in, p)
	require.NoError(t, err)
	row, ok := got.Row("K2")
	require.True(t, ok)
	require.True(t, row.HasTrend)
	require.Equal(t, kpi.Improving, row.Trend)
	l, err := h.Run(in)
	require.NoError(t, err)
	want, err := l.Scorecard(p)
	require.NoError(t, err)
	require.True(t, got.Equal(want), "Score differs from the whole ledger's Scorecard")
}
