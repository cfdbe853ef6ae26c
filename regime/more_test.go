package regime_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/regimetest"
)

func TestRegimeAccessorsAndEqual(t *testing.T) {
	r := workedRegime(t)
	assert.Equal(t, "Worked", r.Name())
	assert.Equal(t, "1", r.Version())
	assert.Equal(t, mo("Apr-16"), r.From())
	assert.True(t, r.Until().IsZero())
	assert.True(t, r.InForce(mo("Apr-30")))
	assert.False(t, r.InForce(mo("Mar-16")))
	assert.Len(t, r.KPIs(), 1)
	d, ok := r.KPI("AV-1")
	require.True(t, ok)
	assert.Equal(t, "Service availability", d.Description())
	_, ok = r.KPI("AV-2")
	assert.False(t, ok)

	same, err := regime.New(r.Spec())
	require.NoError(t, err)
	assert.True(t, r.Equal(same))
	assert.True(t, r.Equal(r))
	assert.False(t, r.Equal(nil))
	for _, edit := range []func(*regime.Spec){
		func(s *regime.Spec) { s.Version = "2" },
		func(s *regime.Spec) { s.Repeat = dec("3") },
		func(s *regime.Spec) { s.Credits = []regime.CreditRule{regime.NewPointsCredit(dec("2"))} },
		func(s *regime.Spec) { s.Escalation = s.Escalation[:1] },
		func(s *regime.Spec) { s.KPIs = []kpi.Definition{availability(t, "AV-1b")} },
		func(s *regime.Spec) { s.Caps.Window = 6 },
	} {
		spec := r.Spec()
		edit(&spec)
		other, err := regime.New(spec)
		require.NoError(t, err)
		assert.False(t, r.Equal(other))
	}
}

func TestDescriptions(t *testing.T) {
	assert.Equal(t, "1% of charges per service point", regime.NewPointsCredit(dec("1")).String())
	assert.Equal(t, "shortfall below the target as a percentage of charges, for A, B", regime.NewShortfallCredit("A", "B").String())
	assert.Equal(t, "fixed credit for 1: £1000.00 when failed, £250.00 per failure",
		regime.NewFixedCredit("1", map[kpi.Status]decimal.Decimal{kpi.Failed: dec("1000")}, dec("250")).String())
	assert.Equal(t, "at risk: 10% of charges, allocated A 60%, B 40%",
		regime.NewAtRiskCredit(regime.PercentOfCharges(dec("10")), map[string]decimal.Decimal{"A": dec("60"), "B": dec("40")}).String())
	assert.Equal(t, "£500.00", regime.Pounds(dec("500")).String())
	assert.True(t, regime.Amount{}.IsZero())
	assert.False(t, regime.PercentOfCharges(decimal.Zero).IsZero())
	assert.Equal(t, "3 failures in any 6 periods: material failure", regime.NFailuresInM("material failure", 3, 6).String())
	assert.Equal(t, "2 consecutive failures of CSC_KPI_04: rectification plan required", regime.KConsecutive("rectification plan required", 2).ForKPI("CSC_KPI_04").String())
	assert.Equal(t, "12 or more service points in 12 periods: critical failure", regime.PointsInWindow("critical failure", 12, dec("12")).String())
	assert.Equal(t, "a result of failed or worse: below MSL", regime.StatusReached("below MSL", kpi.Failed).String())
	assert.Equal(t, "exclusion", regime.Exclusion.String())
	assert.Equal(t, "customer_cause", regime.CustomerCause.String())
	assert.Equal(t, "ReliefKind(9)", regime.ReliefKind(9).String())
	assert.Equal(t, "half_up", regime.HalfUp.String())
	assert.Equal(t, "half_even", regime.HalfEven.String())
	assert.Equal(t, "down", regime.Down.String())
	// Half a penny: up, to even, down.
	assert.Equal(t, "0.13", regime.HalfUp.Pence(dec("0.125")).String())
	assert.Equal(t, "0.12", regime.HalfEven.Pence(dec("0.125")).String())
	assert.Equal(t, "0.12", regime.Down.Pence(dec("0.129")).String())
	for _, c := range []regime.CreditRule{regime.NewFixedCredit("1", map[kpi.Status]decimal.Decimal{kpi.NoData: dec("-1")}, dec("-1")),
		regime.ShortfallCredit{}, regime.NewAtRiskCredit(regime.Pounds(dec("-1")), map[string]decimal.Decimal{"A": dec("0")})} {
		assert.Error(t, c.Validate(), c.String())
	}
}

// TestPercentRollingCapAndKPIPoints: a rolling cap of 5% of charges over a
// three-month window is 5% of the charges of the window's three months
// (£15,000 on £100,000 a month, February and March given so that April's
// window is whole); per-KPI rolling points and a customer-cause month.
func TestPercentRollingCapAndKPIPoints(t *testing.T) {
	r, err := regime.New(regime.Spec{Name: "R", From: mo("Apr-16"),
		KPIs:       []kpi.Definition{availability(t, "A"), availability(t, "B")},
		Credits:    []regime.CreditRule{regime.NewPointsCredit(dec("2"))},
		Caps:       regime.Caps{Rolling: regime.PercentOfCharges(dec("5")), Window: 3},
		Relief:     []regime.Relief{{Kind: regime.CustomerCause, KPI: "B", From: mo("May-16"), Through: mo("May-16"), Reason: "customer's change freeze"}},
		Escalation: []regime.Rule{regime.PointsInWindow("KPI points", 2, dec("6")).ForKPI("A")},
	})
	require.NoError(t, err)
	in := regime.Input{
		Observations: append(figures("A", map[string]string{"Apr-16": "96", "May-16": "96", "Jun-16": "96"}),
			figures("B", map[string]string{"Apr-16": "96", "May-16": "96", "Jun-16": "99"})...),
		Charges: charges("100000", "Feb-16", "Mar-16", "Apr-16", "May-16", "Jun-16"),
	}
	l, err := r.Run(in)
	require.NoError(t, err)
	assert.Same(t, r, l.Regime())
	assert.Equal(t, "Q1 2016/17", l.Months().String())
	// April: A and B 3 points each, 6% each: £12,000 in all, under £15,000.
	apr, err := l.Scorecard(mo("Apr-16").Period())
	require.NoError(t, err)
	regimetest.Credit(t, apr, "12000")
	regimetest.NoEvent(t, apr, "KPI points")
	// May: B is relieved (customer cause). A: 3 points, £6,000; the window
	// has £15,000 - £12,000 = £3,000 left. A's points over two months: 6.
	may, err := l.Scorecard(mo("May-16").Period())
	require.NoError(t, err)
	regimetest.Credit(t, may, "3000")
	regimetest.Event(t, may, "KPI points", "A")
	b, _ := may.Row("B")
	assert.True(t, b.Relieved)
	assert.Equal(t, regime.CustomerCause, b.Relief.Kind)
	assert.Contains(t, b.Notes, "customer cause: customer's change freeze")
	regimetest.Points(t, may, "B", "0")
	// June: A 3 points, £6,000; the window (April to June) has £15,000 -
	// (12,000 + 3,000) = 0 left.
	jun, err := l.Scorecard(mo("Jun-16").Period())
	require.NoError(t, err)
	regimetest.Credit(t, jun, "0")
}

// TestRegimeExceedAndRounding: a regime's exceed rule applies to indicators
// that have none; its rounding rule makes figures round before banding.
func TestRegimeExceedAndRounding(t *testing.T) {
	plain, err := kpi.New(kpi.Spec{Ref: "BS-K-002", Measure: pct, Frequency: mustMonthly(), Target: written(t, "97%"), Bands: kpi.TargetOnly()})
	require.NoError(t, err)
	own, err := kpi.New(kpi.Spec{Ref: "OWN", Measure: pct, Frequency: mustMonthly(), Target: written(t, "97%"), Bands: kpi.TargetOnly(),
		Exceed: kpi.ExceedAt(kpi.Abs(dec("99.5")))})
	require.NoError(t, err)
	r, err := regime.New(regime.Spec{Name: "PSSP", From: mo("Apr-16"), KPIs: []kpi.Definition{plain, own},
		Exceed: kpi.ExceedWhenBetter(), RoundBeforeBanding: true})
	require.NoError(t, err)
	sc, err := r.Score(regime.Input{Observations: []regime.Observation{
		{KPI: "BS-K-002", Month: mo("Apr-16"), Obs: kpi.Figure(dec("98.15"))},
		{KPI: "OWN", Month: mo("Apr-16"), Obs: kpi.Figure(dec("98.15"))},
	}}, mo("Apr-16").Period())
	require.NoError(t, err)
	// 98.15 is better than 97: exceeded under the regime's rule; the
	// indicator with its own stretch level of 99.5 keeps it.
	regimetest.Status(t, sc, "BS-K-002", kpi.Exceeded)
	regimetest.Status(t, sc, "OWN", kpi.Met)
	// The regime rates with its defaults, but hands back each definition
	// as it was given: Equal to it, with no exceed rule and no rounding of
	// its own.
	for _, given := range []kpi.Definition{plain, own} {
		d, ok := r.KPI(given.Ref())
		require.True(t, ok)
		assert.True(t, d.Equal(given), given.Ref())
	}
	assert.True(t, r.KPIs()[0].Equal(plain))
	assert.True(t, r.Spec().KPIs[0].Equal(plain))
	d, _ := r.KPI("BS-K-002")
	assert.False(t, d.Measure().RoundBeforeBanding)
	assert.True(t, d.Exceed().Equal(kpi.NoExceed()))
	// 96.996 rounds to 97.00 before banding: met, not missed.
	sc, err = r.Score(regime.Input{Observations: []regime.Observation{{KPI: "BS-K-002", Month: mo("May-16"), Obs: kpi.Figure(dec("96.996"))}}}, mo("May-16").Period())
	require.NoError(t, err)
	regimetest.Status(t, sc, "BS-K-002", kpi.Met)

	// A regime rule that makes an indicator invalid is reported with it: an
	// exceed band on top of bands that already have one.
	exc := kpi.Target()
	bands, err := kpi.NewBands(kpi.Band{Status: kpi.Exceeded, Reach: exc}, kpi.Band{Status: kpi.Missed})
	require.NoError(t, err)
	withExceeded, err := kpi.New(kpi.Spec{Ref: "X", Measure: pct, Frequency: mustMonthly(), Target: written(t, "97%"), Bands: bands})
	require.NoError(t, err)
	_, err = regime.New(regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{withExceeded}, Exceed: kpi.ExceedWhenBetter()})
	// The kpi's problem keeps its path under the regime's: kpis[0].exceed,
	// a FieldError of its own, not a message inside a message.
	assert.ErrorIs(t, err, regime.ErrInvalid)
	var fe *kpi.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "kpis[0].exceed", fe.Path)
	assert.Equal(t, "with the regime's exceed and rounding rules: the bands already have an exceeded band", fe.Msg)
}

func mustMonthly() period.Frequency { return period.Monthly() }

// TestYearToDateAsFarAsFiguresGo: "YTD 2016/17" with figures from April to
// June is April to June.
func TestYearToDateAsFarAsFiguresGo(t *testing.T) {
	r := workedRegime(t)
	in := regime.Input{
		Observations: figures("AV-1", map[string]string{"Apr-16": "96.5", "May-16": "98.5", "Jun-16": "99.5"}),
		Charges:      charges("100000", "Apr-16", "May-16", "Jun-16"),
	}
	sc, err := r.Score(in, period.Must(period.ParseLabel("YTD 2016/17")))
	require.NoError(t, err)
	assert.Equal(t, "YTD 2016/17 to 2016-06", sc.Period.String())
	// 3 + 2 points (April Severe, May Minor doubled), £3,000 + £2,000.
	regimetest.Points(t, sc, "", "5")
	regimetest.Credit(t, sc, "5000")
	// A year to date of another year is still an error.
	_, err = r.Score(in, period.Must(period.ParseLabel("YTD 2017/18")))
	assert.ErrorContains(t, err, "YTD 2017/18 runs to Mar-18, but the figures run to Jun-16")
}

// TestFailuresInWindowMessage: a window shorter than the failures it counts
// is said in the file's words (failures, periods), not N and M.
func TestFailuresInWindowMessage(t *testing.T) {
	_, err := regime.New(regime.Spec{Name: "R", From: mo("Apr-19"), KPIs: []kpi.Definition{flatPoints(t, "P1", "2")},
		Escalation: []regime.Rule{regime.NFailuresInM("warning", 2, 1)}})
	assert.ErrorContains(t, err, "escalation[0]: 2 failures in 1 periods: want at least one failure, in a window (periods) of at least as many periods")
}
