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

// passed are the map and slices a regime's credit rules were built from,
// which the caller still holds.
type passed struct {
	perStatus  map[kpi.Status]decimal.Decimal
	shortfall  []string
	allocation map[string]decimal.Decimal
}

// immutableSpec is a regime with every credit rule built from a map or a
// slice, labels, relief, escalation and an incentive with an index.
func immutableSpec(t testing.TB) (regime.Spec, passed) {
	in := passed{perStatus: map[kpi.Status]decimal.Decimal{kpi.Failed: dec("500")}, shortfall: []string{"AV-1"},
		allocation: map[string]decimal.Decimal{"AV-1": dec("10")}}
	fixed := regime.NewFixedCredit("AV-1", in.perStatus, decimal.Zero)
	return regime.Spec{
		Name: "R", From: mo("Apr-16"),
		KPIs:   []kpi.Definition{availability(t, "AV-1"), availability(t, "AV-2")},
		Labels: map[kpi.Status]string{kpi.Failed: "Severe"},
		Credits: []regime.CreditRule{
			&fixed,
			regime.NewShortfallCredit(in.shortfall...),
			regime.NewAtRiskCredit(regime.Pounds(dec("1000")), in.allocation),
		},
		Relief:     []regime.Relief{{Kind: regime.Exclusion, KPI: "AV-2", From: mo("May-16"), Reason: "agreed"}},
		Escalation: []regime.Rule{regime.StatusReached("below minimum", kpi.Failed)},
		Incentives: []regime.Incentive{{KPI: "AV-1", Benchmark: dec("99"), Per: dec("0.1"), Bonus: dec("1000"), Deduction: dec("500"),
			Fund: dec("50000"), Index: []regime.IndexStep{{From: mo("Apr-17"), Factor: dec("1.032")}}}},
	}, in
}

// TestRegimeCannotBeChangedAfterNew: editing the spec passed to New, or the
// spec, indicators and rules the regime hands out, changes nothing it rates
// with. By hand, AV-1 at 96.5% in May 2016 on charges of £100,000 is below
// 97%, so failed ("Severe"), and earns:
//
//	fixed credit for failed                   £500.00
//	shortfall 99 - 96.5 = 2.5% of £100,000  £2,500.00
//	at risk 10% of a £1,000 pool              £100.00
//	                                         £3,100.00
func TestRegimeCannotBeChangedAfterNew(t *testing.T) {
	spec, given := immutableSpec(t)
	r, err := regime.New(spec)
	require.NoError(t, err)
	in := regime.Input{Observations: figures("AV-1", map[string]string{"May-16": "96.5"}), Charges: charges("100000", "May-16")}
	check := func(t *testing.T) {
		t.Helper()
		sc, err := r.Score(in, mo("May-16").Period())
		require.NoError(t, err)
		regimetest.RowCredit(t, sc, "AV-1", "3100.00")
		assert.Equal(t, "Severe", r.Label(kpi.Failed))
		require.Len(t, sc.Events, 1)
		assert.Equal(t, "below minimum", sc.Events[0].Name)
		av2, _ := sc.Row("AV-2")
		assert.Equal(t, regime.Exclusion, av2.Relief.Kind, "AV-2 is excluded from May")
		assert.True(t, r.Equal(mustRegime(t, func() regime.Spec { s, _ := immutableSpec(t); return s }())))
		got := r.Spec()
		assert.Equal(t, "1.032", got.Incentives[0].Index[0].Factor.String())
		assert.Equal(t, []string{"AV-1", "AV-2"}, []string{got.KPIs[0].Ref(), got.KPIs[1].Ref()})
	}
	check(t)

	t.Run("what was passed in", func(t *testing.T) {
		edit(t, spec, given)
		*spec.Credits[0].(*regime.FixedCredit) = regime.NewFixedCredit("AV-1", nil, dec("-1"))
		check(t)
	})
	t.Run("what was handed out", func(t *testing.T) {
		got := r.Spec()
		edit(t, got, passed{perStatus: got.Credits[0].(regime.FixedCredit).PerStatus(), shortfall: got.Credits[1].KPIs(),
			allocation: got.Credits[2].(regime.AtRiskCredit).Allocation()})
		r.KPIs()[0] = availability(t, "AV-9")
		check(t)
	})
}

// edit changes every map and slice of s, and those its credit rules were
// built from or handed out.
func edit(t testing.TB, s regime.Spec, in passed) {
	in.perStatus[kpi.Failed] = dec("-999999")
	in.shortfall[0] = "AV-2"
	in.allocation["AV-1"] = dec("90")
	s.Labels[kpi.Failed] = "Fine"
	s.Relief[0].KPI = "AV-1"
	s.Escalation[0] = regime.StatusReached("below minimum", kpi.Exceeded)
	s.Incentives[0].Index[0].Factor = dec("9")
	s.KPIs[0] = availability(t, "AV-9")
}

// TestNilPointerCreditRule: a nil pointer to one of the package's rules is
// a nil rule, an error, not a panic.
func TestNilPointerCreditRule(t *testing.T) {
	spec, _ := immutableSpec(t)
	var none *regime.FixedCredit
	spec.Credits = []regime.CreditRule{none}
	_, err := regime.New(spec)
	require.ErrorIs(t, err, regime.ErrInvalid)
	assert.Contains(t, err.Error(), "credits[0]: nil rule")
}

// TestMissingFigureWithAStatusIsRefused: a missing figure "met" or with a
// status that is not one is an error in the ledger, as in kpi.Evaluate,
// not a claim taken as no data.
func TestMissingFigureWithAStatusIsRefused(t *testing.T) {
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{availability(t, "AV-1")}})
	for _, reason := range []kpi.Status{kpi.Met, kpi.Status(42)} {
		_, err := r.Score(regime.Input{Observations: []regime.Observation{{KPI: "AV-1", Month: mo("May-16"), Obs: kpi.Missing(reason, "")}}}, mo("May-16").Period())
		require.Error(t, err)
		assert.Contains(t, err.Error(), "observations[0]: AV-1 for 2016-05: a missing figure's reason is "+reason.String()+": want not_due, no_data, not_measurable or excluded")
	}
}

// TestCreditRulesShareNothing: each of the package's credit rules copies
// the map or slice it is built from and hands out copies, so editing
// either changes neither the rule's description nor its credit. By hand:
// a failed row of KPI "1" with 2 failures, on charges of £10,000, earns
// £500 + 2 × £100 = £700 under the fixed rule, and 60% of a 10% pool
// (£1,000) = £600 under the at-risk rule.
func TestCreditRulesShareNothing(t *testing.T) {
	row := regime.CreditInput{KPI: "1", Status: kpi.Failed, Failing: true, Result: evaluateCount(t, "2")}
	charges := dec("10000")
	credit := func(c regime.CreditRule) string {
		v, err := c.Credit(row, charges)
		require.NoError(t, err)
		return v.StringFixed(2)
	}

	t.Run("FixedCredit", func(t *testing.T) {
		perStatus := map[kpi.Status]decimal.Decimal{kpi.Failed: dec("500")}
		c := regime.NewFixedCredit("1", perStatus, dec("100"))
		perStatus[kpi.Failed] = dec("-1")
		c.PerStatus()[kpi.Failed] = dec("-2")
		assert.Equal(t, "700.00", credit(c))
		assert.Equal(t, "fixed credit for 1: £500.00 when failed, £100.00 per failure", c.String())
		assert.NoError(t, c.Validate())
	})
	t.Run("ShortfallCredit", func(t *testing.T) {
		kpis := []string{"1", "2"}
		c := regime.NewShortfallCredit(kpis...)
		kpis[0] = "9"
		c.KPIs()[1] = "9"
		assert.Equal(t, []string{"1", "2"}, c.KPIs())
		assert.Equal(t, "shortfall below the target as a percentage of charges, for 1, 2", c.String())
	})
	t.Run("AtRiskCredit", func(t *testing.T) {
		alloc := map[string]decimal.Decimal{"1": dec("60"), "2": dec("40")}
		c := regime.NewAtRiskCredit(regime.PercentOfCharges(dec("10")), alloc)
		alloc["1"] = dec("-5")
		c.Allocation()["1"] = dec("500")
		assert.Equal(t, "600.00", credit(c))
		assert.Equal(t, "at risk: 10% of charges, allocated 1 60%, 2 40%", c.String())
		assert.NoError(t, c.Validate())
	})
	t.Run("PointsCredit", func(t *testing.T) {
		// A rule of one decimal: nothing to share; its rate is read back.
		c := regime.NewPointsCredit(dec("0.5"))
		assert.Equal(t, "0.5", c.Rate().String())
		assert.True(t, c.Equal(regime.NewPointsCredit(dec("0.50"))))
	})
}

// evaluateCount is the result of a figure of failures against a
// volume-of-failures KPI (0 failures, detriment 1, failure 2).
func evaluateCount(t *testing.T, figure string) kpi.Result {
	d, err := kpi.New(kpi.Spec{Ref: "1", Measure: kpi.Measure{Unit: kpi.Count, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum},
		Frequency: period.Monthly(), Target: written(t, "0 failures"), Bands: kpi.VolumeOfFailures(1, 2)})
	require.NoError(t, err)
	r, err := kpi.Evaluate(d, mo("Apr-16").Period(), kpi.Figure(dec(figure)))
	require.NoError(t, err)
	return r
}

// TestRuleIsAValue: an escalation rule is read through its accessors, and
// narrowing one (ForKPI, WithPlan) returns a new rule, leaving the one it
// was made from, which a regime may hold, as it was.
func TestRuleIsAValue(t *testing.T) {
	base := regime.NFailuresInM("material failure", 3, 6)
	narrow := base.ForKPI("AV-1").WithPlan(regime.PlanRule{SubmitWithin: 10})
	assert.Equal(t, "", base.KPI())
	assert.True(t, base.Plan().IsZero())
	assert.Equal(t, "AV-1", narrow.KPI())
	assert.Equal(t, 10, narrow.Plan().SubmitWithin)
	assert.Equal(t, regime.FailuresInWindow, narrow.Kind())
	assert.Equal(t, []int{3, 6}, []int{narrow.Failures(), narrow.Periods()})
	assert.Equal(t, "material failure", narrow.Event())
	assert.Equal(t, "3 failures in any 6 periods of AV-1: material failure", narrow.String())
	points := regime.PointsInWindow("critical failure", 12, dec("40"))
	assert.Equal(t, "40", points.Level().String())
	assert.Equal(t, kpi.Detriment, regime.StatusReached("service failure", kpi.Detriment).Status())
	assert.False(t, base.Equal(narrow))
}
