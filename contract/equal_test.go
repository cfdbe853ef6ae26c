package contract_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// run is a contract read from file name, its Peterborough figures for
// 2016/17 and the ledger they give.
type run struct {
	c      *contract.Contract
	obs    []regime.Observation
	ledger *regime.Ledger
	card   *regime.Scorecard
}

func loadRun(t *testing.T, name, csv string) run {
	t.Helper()
	c, err := contract.ReadFile(name)
	require.NoError(t, err)
	obs, err := contract.ReadObservationFiles(c, csv)
	require.NoError(t, err)
	through := period.Must(period.NewMonth(2017, time.March))
	l, err := c.Run(obs, through)
	require.NoError(t, err)
	sc, err := l.Scorecard(l.Months())
	require.NoError(t, err)
	return run{c: c, obs: obs, ledger: l, card: sc}
}

// TestCmpEqual shows that go-cmp, with no options, compares every exported
// type of kpi, regime and contract without panicking, through the Equal
// methods where a type has unexported fields: equal values, built twice,
// are equal and different values differ.
func TestCmpEqual(t *testing.T) {
	const ict, pssp = "../examples/peterborough/ict.yaml", "../examples/peterborough/pssp.yaml"
	a := loadRun(t, ict, "../examples/peterborough/ict-2016.csv")
	same := loadRun(t, ict, "../examples/peterborough/ict-2016.csv")
	b := loadRun(t, pssp, "../examples/peterborough/pssp-2016.csv")
	regA, regSame, regB := a.c.History().Regimes()[0], same.c.History().Regimes()[0], b.c.History().Regimes()[0]
	defA, defSame, defB := regA.KPIs()[0], regSame.KPIs()[0], regB.KPIs()[0]
	specA, specSame, specB := regA.Spec(), regSame.Spec(), regB.Spec()
	bandA := defA.Bands().Band(0)
	bandSame := defSame.Bands().Band(0)
	bandB := defA.Bands().Band(1)
	rowA, rowSame, rowB := a.card.Rows[0], same.card.Rows[0], a.card.Rows[1]
	month := period.Must(period.NewMonth(2016, time.April))
	pfA := period.Must(contract.NewPortfolio(a.c, b.c))
	pfSame := period.Must(contract.NewPortfolio(same.c, b.c))
	pfB := period.Must(contract.NewPortfolio(b.c, a.c))
	start := time.Date(2016, time.April, 4, 9, 0, 0, 0, time.UTC)
	one, two := decimal.NewFromInt(1), decimal.NewFromInt(2)
	evaluate := func(d kpi.Definition, v int64) kpi.Result {
		return period.Must(kpi.Evaluate(d, month.Period(), kpi.Figure(decimal.NewFromInt(v))))
	}
	tests := []struct {
		name       string
		a, same, b any
	}{
		// kpi
		{"kpi.Level", bandA.Reach, bandSame.Reach, bandB.Reach},
		{"kpi.Band", bandA, bandSame, bandB},
		{"kpi.Bands", defA.Bands(), defSame.Bands(), defB.Bands()},
		{"kpi.Definition", defA, defSame, defB},
		{"kpi.Spec", defA.Spec(), defSame.Spec(), defB.Spec()},
		{"kpi.Measure", defA.Spec().Measure, defSame.Spec().Measure, defB.Spec().Measure},
		{"kpi.Profile", kpi.Flat(one), kpi.Flat(one), kpi.Flat(two)},
		{"kpi.ExceedRule", kpi.ExceedRule{}, kpi.ExceedRule{}, specB.Exceed},
		{"kpi.Written", period.Must(kpi.ParseWritten(">= 95%")), period.Must(kpi.ParseWritten(">=95%")), period.Must(kpi.ParseWritten("> 95%"))},
		{"kpi.Observation", kpi.Counts(1, 2), kpi.Counts(1, 2), kpi.Counts(1, 3)},
		{"kpi.Entry", kpi.Entry{Period: month.Period(), Obs: kpi.Figure(one)}, kpi.Entry{Period: month.Period(), Obs: kpi.Figure(one)}, kpi.Entry{Period: month.Period(), Obs: kpi.Figure(two)}},
		{"kpi.Record", kpi.Record{Start: start}, kpi.Record{Start: start}, kpi.Record{Start: start, End: start.Add(time.Hour)}},
		{"kpi.Result", evaluate(defA, 0), evaluate(defSame, 0), evaluate(defA, 3)},
		{"kpi.PartResult", kpi.PartResult{Ref: "1", Result: evaluate(defA, 0)}, kpi.PartResult{Ref: "1", Result: evaluate(defSame, 0)}, kpi.PartResult{Ref: "1", Result: evaluate(defA, 3)}},
		{"kpi.Compared", kpi.Compared{Previous: evaluate(defA, 0)}, kpi.Compared{Previous: evaluate(defSame, 0)}, kpi.Compared{LastYear: evaluate(defA, 0)}},
		{"kpi.Forecast", kpi.Forecast{Annual: one}, kpi.Forecast{Annual: one}, kpi.Forecast{Annual: two}},
		{"kpi.Need", kpi.Need{Level: one}, kpi.Need{Level: one}, kpi.Need{Level: two}},
		{"kpi.YearNeed", kpi.YearNeed{Annual: one}, kpi.YearNeed{Annual: one}, kpi.YearNeed{Annual: two}},
		{"period.ParseError", &period.ParseError{What: "value", Input: "x"}, &period.ParseError{What: "value", Input: "x"}, &period.ParseError{What: "unit", Input: "x"}},
		{"kpi.UncoveredYearError", kpi.UncoveredYearError{Ref: "1"}, kpi.UncoveredYearError{Ref: "1"}, kpi.UncoveredYearError{Ref: "2"}},
		{"kpi.FieldError", kpi.FieldError{Path: "kpis[0]", Msg: "x"}, kpi.FieldError{Path: "kpis[0]", Msg: "x"}, kpi.FieldError{Path: "kpis[1]", Msg: "x"}},
		// regime
		{"regime.Regime", regA, regSame, regB},
		{"regime.Spec", specA, specSame, specB},
		{"regime.History", a.c.History(), same.c.History(), b.c.History()},
		{"regime.Ledger", a.ledger, same.ledger, b.ledger},
		{"regime.Scorecard", a.card, same.card, b.card},
		{"regime.Row", rowA, rowSame, rowB},
		{"regime.Moves", rowA.Moves(), rowSame.Moves(), regime.Moves{Held: one}},
		{"regime.Summary", a.card.Summary, same.card.Summary, b.card.Summary},
		{"regime.Observation", a.obs[0], same.obs[0], a.obs[1]},
		{"regime.Input", a.c.Input(a.obs, month), same.c.Input(same.obs, month), b.c.Input(b.obs, month)},
		{"regime.Caps", specA.Caps, specSame.Caps, regime.Caps{Window: 99}},
		{"regime.Amount", regime.Pounds(one), regime.Pounds(one), regime.PercentOfCharges(one)},
		{"regime.MissingRule", specA.Missing, specSame.Missing, regime.MissingRule{DeemFailed: !specA.Missing.DeemFailed}},
		{"regime.Event", regime.Event{KPI: "1"}, regime.Event{KPI: "1"}, regime.Event{KPI: "2"}},
		{"regime.Source", regime.Source{File: "a.csv", Line: 2}, regime.Source{File: "a.csv", Line: 2}, regime.Source{File: "a.csv", Line: 3}},
		{"regime.PointsCredit", regime.NewPointsCredit(one), regime.NewPointsCredit(decimal.RequireFromString("1.0")), regime.NewPointsCredit(two)},
		{"regime.ShortfallCredit", regime.NewShortfallCredit("1", "2"), regime.NewShortfallCredit("1", "2"), regime.NewShortfallCredit("2", "1")},
		{"regime.FixedCredit", regime.NewFixedCredit("1", map[kpi.Status]decimal.Decimal{kpi.Failed: one}, two), regime.NewFixedCredit("1", map[kpi.Status]decimal.Decimal{kpi.Failed: one}, two),
			regime.NewFixedCredit("1", map[kpi.Status]decimal.Decimal{kpi.Failed: two}, two)},
		{"regime.AtRiskCredit", regime.NewAtRiskCredit(regime.Pounds(one), map[string]decimal.Decimal{"1": one}), regime.NewAtRiskCredit(regime.Pounds(one), map[string]decimal.Decimal{"1": one}),
			regime.NewAtRiskCredit(regime.Pounds(two), map[string]decimal.Decimal{"1": one})},
		{"regime.Relief", regime.Relief{KPI: "1", Reason: "agreed"}, regime.Relief{KPI: "1", Reason: "agreed"}, regime.Relief{KPI: "1", Reason: "refused"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.True(t, cmp.Equal(tt.a, tt.same), "equal values differ")
			assert.False(t, cmp.Equal(tt.a, tt.b), "different values are equal")
		})
	}
	// The remaining exported types: their zero values compare equal, with
	// no panic, and the pointer types compare equal to themselves.
	for _, v := range []any{
		regime.Adjustment{}, regime.AtRiskCredit{}, regime.Baseline{}, regime.CreditInput{}, regime.EarnBack{},
		regime.FigureVersion{}, regime.FixedCredit{}, regime.Incentive{}, regime.IndexStep{}, regime.MissingChargeError{},
		regime.Plan{}, regime.PlanRule{}, regime.PlanStep{}, regime.PlanUpdate{}, regime.PointsCredit{},
		regime.PointsRemedy{}, regime.Rule{}, regime.ShortfallCredit{}, &regime.Takes{}, &regime.YearBefore{},
		contract.Field{}, contract.LineError{}, contract.Return{}, contract.ReturnReader{Contract: a.c},
		contract.Table{}, contract.TableRow{}, contract.Warning{},
	} {
		assert.True(t, cmp.Equal(v, v), "%T", v)
	}
	// contract
	t.Run("contract.Contract", func(t *testing.T) {
		assert.True(t, cmp.Equal(a.c, same.c))
		assert.False(t, cmp.Equal(a.c, b.c))
		assert.True(t, cmp.Equal(a.c.Spec(), same.c.Spec()))
		assert.False(t, cmp.Equal(a.c.Spec(), b.c.Spec()))
		assert.True(t, cmp.Equal(pfA, pfSame))
		assert.False(t, cmp.Equal(pfA, pfB))
	})
}
