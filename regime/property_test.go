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

// randomRegime has n availability KPIs with repeat points, points credits,
// both caps and escalation, and random figures for every month of 2016/17.
func randomRegime(t testing.TB, r *rand.Rand, n int, relief []regime.Relief) (*regime.Regime, regime.Input) {
	var defs []kpi.Definition
	for i := 0; i < n; i++ {
		defs = append(defs, availability(t, fmt.Sprintf("K%02d", i)))
	}
	rg, err := regime.New(regime.Spec{
		Name: "Random", Version: "1", From: mo("Apr-16"), KPIs: defs, Repeat: dec("2"),
		Credits:    []regime.CreditRule{regime.NewPointsCredit(dec("0.75"))},
		Caps:       regime.Caps{PerPeriod: regime.PercentOfCharges(dec("10")), Rolling: regime.Pounds(dec("60000"))},
		Relief:     relief,
		Escalation: []regime.Rule{regime.NFailuresInM("material failure", 3, 6), regime.PointsInWindow("critical failure", 12, dec("40"))},
	})
	require.NoError(t, err)
	in := regime.Input{Charges: map[period.Month]decimal.Decimal{}}
	for m := range period.Must(period.FinancialYear(2016)).Months() {
		in.Charges[m] = decimal.New(50_000+r.Int64N(100_000), 0)
		for _, d := range defs {
			in.Observations = append(in.Observations, regime.Observation{KPI: d.Ref(), Month: m, Obs: kpi.Figure(decimal.New(9300+r.Int64N(701), -2))})
		}
	}
	return rg, in
}

// TestCreditsNeverExceedCaps: in every month, credits after caps are at
// most 10% of the month's charges, and over any twelve months at most
// £60,000, while points are never capped.
func TestCreditsNeverExceedCaps(t *testing.T) {
	for seed := uint64(0); seed < 20; seed++ {
		r := rand.New(rand.NewPCG(seed, 9))
		rg, in := randomRegime(t, r, 12, nil)
		l, err := rg.Run(in)
		require.NoError(t, err)
		total := decimal.Zero
		for m := range period.Must(period.FinancialYear(2016)).Months() {
			sc, err := l.Scorecard(m.Period())
			require.NoError(t, err)
			s := sc.Summary
			require.True(t, s.Credits.LessThanOrEqual(in.Charges[m].Mul(dec("0.1"))), "%s: %s over 10%% of %s", m, s.Credits, in.Charges[m])
			require.True(t, s.Credits.LessThanOrEqual(s.CreditsBeforeCaps))
			require.False(t, s.Credits.IsNegative())
			require.True(t, s.CappedBy.Equal(s.CreditsBeforeCaps.Sub(s.Credits)))
			total = total.Add(s.Credits)
		}
		require.True(t, total.LessThanOrEqual(dec("60000")), "seed %d: %s", seed, total)
	}
}

// TestReliefIsolated: relief for one KPI never changes another's row.
func TestReliefIsolated(t *testing.T) {
	for seed := uint64(0); seed < 10; seed++ {
		plain, in := randomRegime(t, rand.New(rand.NewPCG(seed, 1)), 6, nil)
		relieved, _ := randomRegime(t, rand.New(rand.NewPCG(seed, 1)), 6, []regime.Relief{
			{Kind: regime.Exclusion, KPI: "K01", From: mo("Jun-16"), Through: mo("Aug-16"), Reason: "agreed"},
			{Kind: regime.Mitigation, KPI: "K03", From: mo("Apr-16"), Reason: "agreed"},
		})
		a, err := plain.Run(in)
		require.NoError(t, err)
		b, err := relieved.Run(in)
		require.NoError(t, err)
		for m := range period.Must(period.FinancialYear(2016)).Months() {
			sa, err := a.Scorecard(m.Period())
			require.NoError(t, err)
			sb, err := b.Scorecard(m.Period())
			require.NoError(t, err)
			for _, ref := range []string{"K00", "K02", "K04", "K05"} {
				ra, _ := sa.Row(ref)
				rb, _ := sb.Row(ref)
				require.True(t, ra.Equal(rb), "%s %s", ref, m)
			}
		}
	}
}

// TestShuffleInvariant: the order of the observations never changes a
// scorecard.
func TestShuffleInvariant(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	rg, in := randomRegime(t, r, 8, []regime.Relief{{Kind: regime.Mitigation, KPI: "K02", From: mo("Jul-16"), Through: mo("Jul-16"), Reason: "agreed"}})
	want, err := rg.Score(in, period.Must(period.ParseLabel("YTD 2016/17 to Dec-16")))
	require.NoError(t, err)
	wantMonth, err := rg.Score(in, mo("Nov-16").Period())
	require.NoError(t, err)
	for i := 0; i < 10; i++ {
		r.Shuffle(len(in.Observations), func(a, b int) { in.Observations[a], in.Observations[b] = in.Observations[b], in.Observations[a] })
		got, err := rg.Score(in, period.Must(period.ParseLabel("YTD 2016/17 to Dec-16")))
		require.NoError(t, err)
		require.True(t, want.Equal(got))
		gotMonth, err := rg.Score(in, mo("Nov-16").Period())
		require.NoError(t, err)
		require.True(t, wantMonth.Equal(gotMonth))
	}
	require.False(t, want.Equal(wantMonth))
	require.False(t, want.Equal(nil))
}
