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

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func mo(label string) period.Month { return period.Must(period.ParseMonth(label)) }

func written(t testing.TB, s string) kpi.Written {
	t.Helper()
	w, err := kpi.ParseWritten(s)
	require.NoError(t, err)
	return w
}

var pct = kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}

// availability is the worked example's KPI: 99% or better is met; 97% or
// better is a Minor failure worth 1 service point; below that is Severe,
// worth 3.
func availability(t testing.TB, ref string) kpi.Definition {
	t.Helper()
	target, minor := kpi.Target(), kpi.Abs(dec("97"))
	bands, err := kpi.NewBands(
		kpi.Band{Name: "Met", Status: kpi.Met, Reach: target},
		kpi.Band{Name: "Minor", Status: kpi.Missed, Reach: minor, Points: dec("1")},
		kpi.Band{Name: "Severe", Status: kpi.Failed, Points: dec("3")},
	)
	require.NoError(t, err)
	d, err := kpi.New(kpi.Spec{Ref: ref, Description: "Service availability", ServiceArea: "ICT", Contractual: true,
		Measure: pct, Frequency: period.Monthly(), Target: written(t, "99%"), Bands: bands})
	require.NoError(t, err)
	return d
}

func figures(ref string, byMonth map[string]string) []regime.Observation {
	var out []regime.Observation
	for m, v := range byMonth {
		out = append(out, regime.Observation{KPI: ref, Month: mo(m), Obs: kpi.Figure(dec(v))})
	}
	return out
}

func charges(amount string, months ...string) map[period.Month]decimal.Decimal {
	out := map[period.Month]decimal.Decimal{}
	for _, m := range months {
		out[mo(m)] = dec(amount)
	}
	return out
}

var sixMonths = []string{"Apr-16", "May-16", "Jun-16", "Jul-16", "Aug-16", "Sep-16"}

// workedRegime is the worked case: points doubled for a repeat
// failure, 1% of the month's charges per point, caps of £5,000 a month and
// £12,000 over twelve months, and three escalation rules.
func workedRegime(t testing.TB) *regime.Regime {
	r, err := regime.New(regime.Spec{
		Name: "Worked", Version: "1", From: mo("Apr-16"),
		KPIs:    []kpi.Definition{availability(t, "AV-1")},
		Repeat:  dec("2"),
		Credits: []regime.CreditRule{regime.NewPointsCredit(dec("1"))},
		Caps:    regime.Caps{PerPeriod: regime.Pounds(dec("5000")), Rolling: regime.Pounds(dec("12000"))},
		Escalation: []regime.Rule{
			regime.NFailuresInM("material failure", 3, 6),
			regime.KConsecutive("rectification plan required", 3),
			regime.PointsInWindow("critical failure", 12, dec("12")),
		},
	})
	require.NoError(t, err)
	return r
}

// TestRepeatPointsCreditsCapsAndEscalation works the case by hand,
// with charges of £100,000 a month:
//
//	Apr 96.5%  Severe 3 points              credit £3,000
//	May 98.5%  Minor  1 x 2 = 2 (repeat)    credit £2,000
//	Jun 96.5%  Severe 3 x 2 = 6 (repeat, not compounded: not 3 x 4)
//	           credit £6,000, capped at £5,000 a month
//	Jul 99.5%  met, 0
//	Aug 96.5%  Severe 3 (no repeat after July), £3,000; the rolling cap
//	           leaves £12,000 - (3,000 + 2,000 + 5,000) = £2,000
//	Sep 98.0%  Minor 1 x 2 = 2, £2,000; the rolling cap has nothing left
//
// Points are never capped: 3 + 2 + 6 = 11 by June, 14 by August, so the
// critical-failure rule (12 points in twelve months) fires in August and
// September. Three failures in a row (April to June) raise the material
// failure and the rectification plan in June.
func TestRepeatPointsCreditsCapsAndEscalation(t *testing.T) {
	r := workedRegime(t)
	in := regime.Input{
		Observations: figures("AV-1", map[string]string{"Apr-16": "96.5", "May-16": "98.5", "Jun-16": "96.5", "Jul-16": "99.5", "Aug-16": "96.5", "Sep-16": "98.0"}),
		Charges:      charges("100000", sixMonths...),
	}
	l, err := r.Run(in)
	require.NoError(t, err)
	want := []struct {
		month, points, credit, total string
		events                       []string
	}{
		{"Apr-16", "3", "3000.00", "3000.00", nil},
		{"May-16", "2", "2000.00", "2000.00", nil},
		{"Jun-16", "6", "6000.00", "5000.00", []string{"material failure", "rectification plan required"}},
		{"Jul-16", "0", "0.00", "0.00", nil},
		{"Aug-16", "3", "3000.00", "2000.00", []string{"material failure", "critical failure"}},
		{"Sep-16", "2", "2000.00", "0.00", []string{"material failure", "critical failure"}},
	}
	for _, w := range want {
		t.Run(w.month, func(t *testing.T) {
			sc, err := l.Scorecard(mo(w.month).Period())
			require.NoError(t, err)
			regimetest.Points(t, sc, "AV-1", w.points)
			regimetest.RowCredit(t, sc, "AV-1", w.credit)
			regimetest.Credit(t, sc, w.total)
			var names []string
			for _, e := range sc.Events {
				names = append(names, e.Name)
			}
			assert.ElementsMatch(t, w.events, names)
		})
	}
	jun, err := l.Scorecard(mo("Jun-16").Period())
	require.NoError(t, err)
	row, _ := jun.Row("AV-1")
	assert.Equal(t, "2", row.Multiplier.String())
	assert.Equal(t, "1000", jun.Summary.CappedBy.StringFixed(0))
	assert.Contains(t, row.Notes, "repeat failure: points × 2")
	assert.Equal(t, kpi.Worsening, row.Trend)

	// The half year: points and credits add up; credits after caps
	// 3,000 + 2,000 + 5,000 + 0 + 2,000 + 0 = £12,000. The monthly figures
	// are percentages without counts, so the half year's availability is
	// known only to lie between the lowest month (96.5%, Severe) and the
	// highest (99.5%, met): the range spans bands, so it is not measurable,
	// and the reason gives both bounds.
	h1, err := l.Scorecard(period.Must(period.ParseLabel("H1 2016/17")))
	require.NoError(t, err)
	regimetest.Status(t, h1, "AV-1", kpi.NotMeasurable)
	h1row, _ := h1.Row("AV-1")
	assert.Contains(t, h1row.Result.Reason(), "between 96.5% and 99.5%")
	assert.Contains(t, h1row.Result.Reason(), "spans met to failed")
	// The money came from the months, and the row says which.
	assert.Contains(t, h1row.Notes, "accrued: Apr-16 failed, 3 points, £3,000.00; May-16 missed, 2 points, £2,000.00; "+
		"Jun-16 failed, 6 points, £6,000.00; Aug-16 failed, 3 points, £3,000.00; Sep-16 missed, 2 points, £2,000.00")
	regimetest.Points(t, h1, "", "16")
	regimetest.Credit(t, h1, "12000")
	// Before caps: 3,000 + 2,000 + 6,000 + 0 + 3,000 + 2,000 = £16,000.
	assert.Equal(t, "16000", h1.Summary.CreditsBeforeCaps.String())
}

// TestShortfallCredit: 98% required, 75% achieved is 23% of the charges; on
// charges of £18,306.52 that is £4,210.4996, £4,210.50 to the penny.
func TestShortfallCredit(t *testing.T) {
	d, err := kpi.New(kpi.Spec{Ref: "SR-1", Measure: pct, Frequency: period.Monthly(), Target: written(t, "98%"), Bands: kpi.TargetOnly()})
	require.NoError(t, err)
	for _, c := range []struct {
		rounding regime.Rounding
		want     string
	}{{regime.HalfUp, "4210.50"}, {regime.HalfEven, "4210.50"}, {regime.Down, "4210.49"}} {
		r, err := regime.New(regime.Spec{Name: "CCS", From: mo("Apr-16"), KPIs: []kpi.Definition{d},
			Credits: []regime.CreditRule{regime.NewShortfallCredit("SR-1")}, Rounding: c.rounding})
		require.NoError(t, err)
		sc, err := r.Score(regime.Input{
			Observations: figures("SR-1", map[string]string{"May-16": "75"}),
			Charges:      charges("18306.52", "May-16"),
		}, mo("May-16").Period())
		require.NoError(t, err)
		regimetest.Credit(t, sc, c.want)
	}
}

func TestFixedAndAtRiskCredits(t *testing.T) {
	fails := kpi.Measure{Unit: kpi.Failures, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}
	sev1, err := kpi.New(kpi.Spec{Ref: "1", Measure: fails, Frequency: period.Monthly(), Target: written(t, "0 failures"), Bands: kpi.VolumeOfFailures(1, 2)})
	require.NoError(t, err)
	calls, err := kpi.New(kpi.Spec{Ref: "9", Measure: pct, Frequency: period.Monthly(), Target: written(t, "80%"), Bands: kpi.TargetDetrimentFailure(dec("77"), dec("74"))})
	require.NoError(t, err)
	r, err := regime.New(regime.Spec{Name: "ICT", From: mo("Apr-16"), KPIs: []kpi.Definition{sev1, calls},
		Credits: []regime.CreditRule{
			// £250 a failure, and £1,000 more at the failure level.
			regime.NewFixedCredit("1", map[kpi.Status]decimal.Decimal{kpi.Failed: dec("1000")}, dec("250")),
			// 10% of the charges at risk; KPI 1 carries 60% of it, KPI 9 40%.
			regime.NewAtRiskCredit(regime.PercentOfCharges(dec("10")), map[string]decimal.Decimal{"1": dec("60"), "9": dec("40")}),
		}})
	require.NoError(t, err)
	in := regime.Input{
		Observations: []regime.Observation{
			{KPI: "1", Month: mo("May-16"), Obs: kpi.Figure(dec("3"))},
			{KPI: "9", Month: mo("May-16"), Obs: kpi.Figure(dec("78"))},
		},
		Charges: charges("50000", "May-16"),
	}
	sc, err := r.Score(in, mo("May-16").Period())
	require.NoError(t, err)
	// KPI 1: 3 failures x £250 + £1,000 + 60% of £5,000 = £4,750.
	regimetest.RowCredit(t, sc, "1", "4750")
	// KPI 9: 78% is missed (a failure): 40% of £5,000 = £2,000.
	regimetest.RowCredit(t, sc, "9", "2000")
	regimetest.Credit(t, sc, "6750")
}

// TestRegimeRevisedApril2016 is seed 000's PSSP regime, revised from April
// 2016: March is scored by the old version, April by the new. The seeds do
// not give the old regime's targets; this test gives it 80% for CS-K-002 so
// that the versions differ, against the new regime's 82%.
func TestRegimeRevisedApril2016(t *testing.T) {
	def := func(target string) kpi.Definition {
		d, err := kpi.New(kpi.Spec{Ref: "CS-K-002", Description: "% of telephone calls answered", ServiceArea: "Customer Services",
			Measure: pct, Frequency: period.Monthly(), Target: written(t, target), Bands: kpi.TargetOnly()})
		require.NoError(t, err)
		return d
	}
	old, err := regime.New(regime.Spec{Name: "PSSP", Version: "2011", From: mo("Nov-11"), Until: mo("Apr-16"), KPIs: []kpi.Definition{def("80%")}})
	require.NoError(t, err)
	revised, err := regime.New(regime.Spec{Name: "PSSP", Version: "2016", From: mo("Apr-16"), KPIs: []kpi.Definition{def("82%")}})
	require.NoError(t, err)
	h, err := regime.NewHistory(revised, old)
	require.NoError(t, err)
	in := regime.Input{Observations: figures("CS-K-002", map[string]string{"Mar-16": "81", "Apr-16": "81", "May-16": "85"})}

	mar, err := h.Score(in, mo("Mar-16").Period())
	require.NoError(t, err)
	assert.Equal(t, "2011", mar.Version)
	regimetest.Status(t, mar, "CS-K-002", kpi.Met) // 81 against 80
	apr, err := h.Score(in, mo("Apr-16").Period())
	require.NoError(t, err)
	assert.Equal(t, "2016", apr.Version)
	regimetest.Status(t, apr, "CS-K-002", kpi.Missed) // 81 against 82
	may, err := h.Score(in, mo("May-16").Period())
	require.NoError(t, err)
	regimetest.Status(t, may, "CS-K-002", kpi.Met) // 85 against 82

	_, err = h.Score(in, mo("Oct-11").Period())
	assert.ErrorContains(t, err, "no regime is in force in Oct-11")
	r, ok := h.At(mo("Apr-16"))
	require.True(t, ok)
	assert.Same(t, revised, r)
	assert.Len(t, h.Regimes(), 2)

	// Overlapping versions are refused.
	clash, err := regime.New(regime.Spec{Name: "PSSP", Version: "2015", From: mo("Jan-16"), KPIs: []kpi.Definition{def("82%")}})
	require.NoError(t, err)
	_, err = regime.NewHistory(old, clash)
	assert.ErrorContains(t, err, "PSSP 2015 (from 2016-01) overlaps PSSP 2011 (from 2011-11, until 2016-04)")
	_, err = regime.NewHistory(clash, revised)
	assert.ErrorContains(t, err, "overlaps PSSP 2015 (from 2016-01, until open-ended)")
}

// TestShortfallWithinTolerance: a figure within tolerance is not a failure,
// but it is short of the target, and a shortfall credit is owed all the
// same: 98% required, 97.5% achieved (tolerance down to 97%) is 0.5% of
// £10,000 = £50.
func TestShortfallWithinTolerance(t *testing.T) {
	d, err := kpi.New(kpi.Spec{Ref: "SR-2", Measure: pct, Frequency: period.Monthly(), Target: written(t, "98%"),
		Bands: kpi.TargetTolerance(kpi.Abs(dec("97")))})
	require.NoError(t, err)
	r, err := regime.New(regime.Spec{Name: "CCS", From: mo("Apr-16"), KPIs: []kpi.Definition{d},
		Credits: []regime.CreditRule{regime.NewShortfallCredit("SR-2")}})
	require.NoError(t, err)
	sc, err := r.Score(regime.Input{
		Observations: figures("SR-2", map[string]string{"May-16": "97.5"}),
		Charges:      charges("10000", "May-16"),
	}, mo("May-16").Period())
	require.NoError(t, err)
	regimetest.Status(t, sc, "SR-2", kpi.Tolerance)
	row, _ := sc.Row("SR-2")
	assert.False(t, row.Failing)
	regimetest.Credit(t, sc, "50")
}
