package regime_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// targetPoints is a monthly percent KPI met at its target and missed below
// it, worth the given points when missed.
func targetPoints(t *testing.T, ref, target, points string) kpi.Definition {
	return mustDef(t, kpi.Spec{Ref: ref, Measure: pct, Frequency: period.Monthly(), Target: written(t, target),
		Bands: kpi.TargetOnly().WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: dec(points)})})
}

func day(s string) period.Date { return period.Must(period.ParseDate(s)) }

func days(t *testing.T, first, last string) period.Period {
	p, err := period.DateRange(day(first), day(last).AddDays(1))
	require.NoError(t, err)
	return p
}

// TestEachPartOfASharedMonth: a franchise changes on 30 November 2019. The
// old regime (P1 at 90%, 2 points when missed) runs until November, the
// new one (P1 at 95%, 3 points) takes effect on the 30th and rates each
// part on its own figure; both pay 1% of the charges a point. November's
// £30,000 is shared by days, worked by hand:
//
//	part          days  charge                    figure  status  money
//	1-29 Nov old  29    30,000 x 29/30 = 29,000   85      missed  2 x 1% x 29,000 = £580
//	30 Nov new    1     30,000 - 29,000 = 1,000   93      missed  3 x 1% x 1,000  = £30
//
// November's credits are £610; October and December are the old and the
// new regime's alone.
func TestEachPartOfASharedMonth(t *testing.T) {
	old := mustRegime(t, regime.Spec{Name: "Franchise", Version: "1", From: mo("Apr-19"), Until: mo("Nov-19"),
		KPIs: []kpi.Definition{targetPoints(t, "P1", "90%", "2")}, Credits: onePoint})
	next := mustRegime(t, regime.Spec{Name: "Franchise", Version: "2", From: mo("Nov-19"), Starts: day("2019-11-30"), PartMonth: regime.EachPart,
		KPIs: []kpi.Definition{targetPoints(t, "P1", "95%", "3")}, Credits: onePoint})
	h, err := regime.NewHistory(old, next)
	require.NoError(t, err)
	obs := []regime.Observation{
		{KPI: "P1", Month: mo("Oct-19"), Obs: kpi.Figure(dec("91"))},
		{KPI: "P1", Period: days(t, "2019-11-01", "2019-11-29"), Obs: kpi.Figure(dec("85"))},
		{KPI: "P1", Period: days(t, "2019-11-30", "2019-11-30"), Obs: kpi.Figure(dec("93"))},
		{KPI: "P1", Month: mo("Dec-19"), Obs: kpi.Figure(dec("96"))},
	}
	in := regime.Input{Observations: obs, Charges: charges("30000", "Oct-19", "Nov-19", "Dec-19")}
	nov, err := h.Score(in, mo("Nov-19").Period())
	require.NoError(t, err)
	require.Len(t, nov.Rows, 2)
	first, second := nov.Rows[0], nov.Rows[1]
	assert.Equal(t, days(t, "2019-11-01", "2019-11-29"), first.Period)
	assert.Equal(t, []string{"1"}, first.Versions)
	assert.Equal(t, kpi.Missed, first.Status)
	assert.Equal(t, "580", first.Credit.String())
	assert.Equal(t, days(t, "2019-11-30", "2019-11-30"), second.Period)
	assert.Equal(t, []string{"2"}, second.Versions)
	assert.Equal(t, kpi.Missed, second.Status)
	assert.Equal(t, "30", second.Credit.String())
	assert.Equal(t, "610", nov.Summary.Credits.String())
	assert.Equal(t, []string{"1", "2"}, nov.Versions)

	dec19, err := h.Score(in, mo("Dec-19").Period())
	require.NoError(t, err)
	row, _ := dec19.Row("P1")
	assert.Equal(t, kpi.Met, row.Status)

	// A whole-month figure for November is not either part's: each part
	// without its own figure has no data.
	in.Observations = []regime.Observation{{KPI: "P1", Month: mo("Nov-19"), Obs: kpi.Figure(dec("99"))}}
	nov, err = h.Score(in, mo("Nov-19").Period())
	require.NoError(t, err)
	assert.Equal(t, kpi.NoData, nov.Rows[0].Status)
	assert.Equal(t, kpi.NoData, nov.Rows[1].Status)
}

// TestPartMonthRules: a regime that starts part-way through a month says
// how that month is rated; under each_part a regime runs until it.
func TestPartMonthRules(t *testing.T) {
	def := targetPoints(t, "P1", "95%", "3")
	_, err := regime.New(regime.Spec{Name: "New", From: mo("Nov-19"), Starts: day("2019-11-30"), KPIs: []kpi.Definition{def}})
	assert.ErrorContains(t, err, "part_month: New takes effect on 2019-11-30, part-way through November 2019: say how that month is rated, as part_month: majority (by the regime in force for most of it) or each_part (each part on its own figure)")
	_, err = regime.New(regime.Spec{Name: "New", From: mo("Nov-19"), Starts: day("2019-11-30"), PartMonth: regime.Majority, KPIs: []kpi.Definition{def}})
	assert.ErrorContains(t, err, "from: a regime taking effect on 2019-11-30 is first in force for most of 2019-12, not 2019-11")
	next := mustRegime(t, regime.Spec{Name: "New", From: mo("Nov-19"), Starts: day("2019-11-30"), PartMonth: regime.EachPart, KPIs: []kpi.Definition{def}})
	_, err = regime.NewHistory(next)
	assert.ErrorContains(t, err, "New takes effect on 2019-11-30 and rates each part of November 2019 on its own figure, so a regime must run until 2019-11, for the first part")
	assert.ErrorIs(t, err, regime.ErrInvalid, "NewHistory's errors wrap ErrInvalid, as the package doc says")
	assert.ErrorIs(t, err, kpi.ErrInvalid, "which is kpi's")
	var fe *kpi.FieldError
	require.ErrorAs(t, err, &fe, "made of FieldErrors, as the package doc says")
	assert.Equal(t, "regimes", fe.Path)

	// The majority month: 30 November is one day of thirty, so December;
	// 10 November is 21 of 30, so November; 16 November is 15 of 30, a
	// tie, so the regime in force at the month's start keeps it.
	for d, want := range map[string]string{"2019-11-30": "Dec-19", "2019-11-10": "Nov-19", "2019-11-16": "Dec-19", "2019-11-01": "Nov-19"} {
		assert.Equal(t, mo(want), regime.MajorityMonth(day(d)), d)
	}
}

// FuzzParsePartMonth: a way it reads writes back as a name it reads to the
// same way, not minding case; anything else is an error quoting at most an
// excerpt.
func FuzzParsePartMonth(f *testing.F) {
	for _, s := range []string{"majority", "each_part", "EACH_PART", " majority ", "", "each part", "halves"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := regime.ParsePartMonth(s)
		if err != nil {
			if len(err.Error()) > 300 {
				t.Fatalf("%.40q: a message of %d bytes", s, len(err.Error()))
			}
			return
		}
		back, err := regime.ParsePartMonth(strings.ToUpper(p.String()))
		if err != nil || back != p {
			t.Fatalf("%q read as %v, which writes %q and reads back as %v, %v", s, p, p.String(), back, err)
		}
	})
}

// TestSharedMonthNamesEachRegime: where the regimes sharing a month have
// different names, each row names the regime that rated it, the scorecard
// names both, and every output says so: the first part of November was
// rated by Old, not New.
func TestSharedMonthNamesEachRegime(t *testing.T) {
	old := mustRegime(t, regime.Spec{Name: "Old", Version: "1", From: mo("Apr-19"), Until: mo("Nov-19"),
		KPIs: []kpi.Definition{targetPoints(t, "P1", "90%", "2")}})
	next := mustRegime(t, regime.Spec{Name: "New", Version: "2", From: mo("Nov-19"), Starts: day("2019-11-30"), PartMonth: regime.EachPart,
		KPIs: []kpi.Definition{targetPoints(t, "P1", "95%", "3")}})
	h, err := regime.NewHistory(old, next)
	require.NoError(t, err)
	obs := []regime.Observation{
		{KPI: "P1", Period: days(t, "2019-11-01", "2019-11-29"), Obs: kpi.Figure(dec("85"))},
		{KPI: "P1", Period: days(t, "2019-11-30", "2019-11-30"), Obs: kpi.Figure(dec("93"))},
	}
	sc, err := h.Score(regime.Input{Observations: obs}, mo("Nov-19").Period())
	require.NoError(t, err)
	assert.Equal(t, "Old", sc.Rows[0].Regime)
	assert.Equal(t, "New", sc.Rows[1].Regime)
	assert.Equal(t, []string{"Old", "New"}, sc.Names)
	assert.Equal(t, []string{"1", "2"}, sc.Versions)
}
