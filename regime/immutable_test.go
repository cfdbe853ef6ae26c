package regime_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/regimetest"
)

// immutableSpec is a regime with every credit rule that keeps a map or a
// slice, labels, relief, escalation and an incentive with an index.
func immutableSpec(t testing.TB) (regime.Spec, *regime.FixedCredit) {
	fixed := &regime.FixedCredit{KPI: "AV-1", PerStatus: map[kpi.Status]decimal.Decimal{kpi.Failed: dec("500")}}
	return regime.Spec{
		Name: "R", From: mo("Apr-16"),
		KPIs:   []kpi.Definition{availability(t, "AV-1"), availability(t, "AV-2")},
		Labels: map[kpi.Status]string{kpi.Failed: "Severe"},
		Credits: []regime.CreditRule{
			fixed,
			regime.ShortfallCredit{Indicators: []string{"AV-1"}},
			regime.AtRiskCredit{Pool: regime.Pounds(dec("1000")), Allocation: map[string]decimal.Decimal{"AV-1": dec("10")}},
		},
		Relief:     []regime.Relief{{Kind: regime.Exclusion, KPI: "AV-2", From: mo("May-16"), Reason: "agreed"}},
		Escalation: []regime.Rule{regime.StatusReached("below minimum", kpi.Failed)},
		Incentives: []regime.Incentive{{KPI: "AV-1", Benchmark: dec("99"), Per: dec("0.1"), Bonus: dec("1000"), Deduction: dec("500"),
			Fund: dec("50000"), Index: []regime.IndexStep{{From: mo("Apr-17"), Factor: dec("1.032")}}}},
	}, fixed
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
	spec, fixed := immutableSpec(t)
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
		edit(t, spec, fixed.PerStatus)
		check(t)
	})
	t.Run("what was handed out", func(t *testing.T) {
		got := r.Spec()
		edit(t, got, got.Credits[0].(regime.FixedCredit).PerStatus)
		r.KPIs()[0] = availability(t, "AV-9")
		check(t)
	})
}

// edit changes every map and slice of s, and the fixed credit's amounts
// per status, which s holds in a rule.
func edit(t testing.TB, s regime.Spec, perStatus map[kpi.Status]decimal.Decimal) {
	perStatus[kpi.Failed] = dec("-999999")
	s.Credits[1].(regime.ShortfallCredit).Indicators[0] = "AV-2"
	s.Credits[2].(regime.AtRiskCredit).Allocation["AV-1"] = dec("90")
	s.Labels[kpi.Failed] = "Fine"
	s.Relief[0].KPI = "AV-1"
	s.Escalation[0].Status = kpi.Exceeded
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
