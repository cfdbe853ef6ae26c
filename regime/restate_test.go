package regime_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/regimetest"
)

// restatedInput is KPI A (percent, target 90%, 2 points when missed, 1% of
// a £100,000 charge a point, repeat × 2) from June to September 2019:
//
//	Jun  85 reported 2019-07-05; restated 95 on 2019-08-15
//	Jul  85 reported 2019-08-05
//	Aug  95 reported 2019-09-05
//	Sep  95 reported 2019-10-05
//
// As at 14 August: June missed £2,000, July a repeat, 4 points, £4,000.
// Now: June met £0, July missed once, £2,000. Adjustment in August: (£0 +
// £2,000) − (£2,000 + £4,000) = −£4,000.
func restatedInput(t *testing.T) (*regime.Regime, regime.Input) {
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 1, Aggregation: kpi.RatioOfSums}
	d := mustDef(t, kpi.Spec{Ref: "A", Measure: pct, Frequency: period.Monthly(), Target: written(t, "90%"),
		Bands: kpi.TargetOnly().WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: dec("2")})})
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-19"), KPIs: []kpi.Definition{d}, Repeat: dec("2"), Credits: onePoint})
	on := func(s string) period.Date { return period.Must(period.ParseDate(s)) }
	f := func(m, v, day string) regime.Observation {
		return regime.Observation{KPI: "A", Month: mo(m), Obs: kpi.Figure(dec(v)), ReportedOn: on(day)}
	}
	return r, regime.Input{
		Observations: []regime.Observation{f("Jun-19", "85", "2019-07-05"), f("Jul-19", "85", "2019-08-05"), f("Aug-19", "95", "2019-09-05"),
			f("Sep-19", "95", "2019-10-05"), f("Jun-19", "95", "2019-08-15")},
		Charges: charges("100000", "Jun-19", "Jul-19", "Aug-19", "Sep-19"),
	}
}

// TestRestatementIsOrderFree: the ledger of a restated figure is the same
// whatever the order of the observations, and an as-at run reads none of
// the versions after its day.
func TestRestatementIsOrderFree(t *testing.T) {
	r, in := restatedInput(t)
	want, err := r.Score(in, mo("Aug-19").Period())
	require.NoError(t, err)
	require.Len(t, want.Summary.Adjustments, 1)
	assert.Equal(t, "-4000", want.Summary.Adjustments[0].Amount.String())
	assert.Equal(t, []period.Month{mo("Jun-19"), mo("Jul-19")}, want.Summary.Adjustments[0].Months)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := in
		shuffled.Observations = slices.Clone(in.Observations)
		rng.Shuffle(len(shuffled.Observations), func(i, j int) {
			shuffled.Observations[i], shuffled.Observations[j] = shuffled.Observations[j], shuffled.Observations[i]
		})
		got, err := r.Score(shuffled, mo("Aug-19").Period())
		require.NoError(t, err)
		regimetest.Same(t, want, got)
	}
	// As at 14 August: as reported then, July a repeat.
	in.AsAt = period.Must(period.ParseDate("2019-08-14"))
	jul, err := r.Score(in, mo("Jul-19").Period())
	require.NoError(t, err)
	regimetest.Credit(t, jul, "4000")
	regimetest.Points(t, jul, "A", "4")
	aug, err := r.Score(in, mo("Aug-19").Period())
	require.NoError(t, err)
	assert.Empty(t, aug.Summary.Adjustments)
}

// TestRestatementEquality: a restated row's versions take part in Equal,
// and a ledger's view of the month reads the same row as its scorecard.
func TestRestatementEquality(t *testing.T) {
	r, in := restatedInput(t)
	l, err := r.Run(in)
	require.NoError(t, err)
	a, err := l.Scorecard(mo("Jun-19").Period())
	require.NoError(t, err)
	b, err := r.Score(in, mo("Jun-19").Period())
	require.NoError(t, err)
	assert.True(t, a.Equal(b))
	row, _ := a.Row("A")
	require.True(t, row.Restated())
	other := row
	other.Figures = slices.Clone(row.Figures)
	other.Figures[0].ReportedBy = "someone else"
	assert.False(t, row.Equal(other))
	assert.Equal(t, "restated on 2019-08-15: was 85% (missed), now 95% (met)", row.Notes[len(row.Notes)-1])
}

// TestRestatementRuleNames: the rule's names read and write back.
func TestRestatementRuleNames(t *testing.T) {
	for _, r := range []regime.RestatementRule{regime.AdjustInMonthRestated, regime.RestateInPlace} {
		got, err := regime.ParseRestatementRule(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, got)
	}
	_, err := regime.ParseRestatementRule("later")
	assert.EqualError(t, err, `regime: cannot read "later" as a restatement rule (want adjust_in_month_restated or restate_in_place)`)
	_, err = regime.New(regime.Spec{Name: "R", From: mo("Apr-19"), Restatements: 7,
		KPIs: []kpi.Definition{mustDef(t, kpi.Spec{Ref: "A", Measure: failures, Frequency: period.Monthly(), Target: written(t, "0 failures"), Bands: kpi.TargetOnly()})}})
	assert.ErrorContains(t, err, "restatements: unknown restatement rule 7")
}

// TestSourceString: a CSV file's line is "file:line"; a workbook's row
// names its sheet as a problem in a workbook names its cell, "file:
// sheet!row"; a source with no line is its file (and sheet) alone.
func TestSourceString(t *testing.T) {
	for _, tc := range []struct {
		s    regime.Source
		want string
	}{
		{regime.Source{}, ""},
		{regime.Source{File: "apr.csv"}, "apr.csv"},
		{regime.Source{File: "apr.csv", Line: 2}, "apr.csv:2"},
		{regime.Source{File: "returns.xlsx", Sheet: "ICT", Line: 7}, "returns.xlsx: ICT!7"},
		{regime.Source{File: "returns.xlsx", Sheet: "ICT"}, "returns.xlsx: ICT"},
	} {
		assert.Equal(t, tc.want, tc.s.String(), "%#v", tc.s)
	}
}
