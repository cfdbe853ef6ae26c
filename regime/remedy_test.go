package regime_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/regimetest"
)

// remedyRegime has two KPIs met at 99% and failed below, worth 3 and 2
// points, no credit rules of their own, and a remedy of £1,000 a point
// over a baseline of 2 points in 2016/17 stepping down to 1 point from
// April 2017.
func remedyRegime(t *testing.T, caps regime.Caps) *regime.Regime {
	return mustRegime(t, regime.Spec{Name: "Tram", Version: "1", From: mo("Apr-16"),
		KPIs: []kpi.Definition{flatPoints(t, "P1", "3"), flatPoints(t, "P2", "2")},
		Remedy: regime.PointsRemedy{
			Baselines: []regime.Baseline{{From: mo("Apr-16"), Points: dec("2")}, {From: mo("Apr-17"), Points: dec("1")}},
			Rate:      regime.Pounds(dec("1000")),
		},
		Caps: caps,
	})
}

// TestRemedyOverABaseline, worked by hand:
//
//	month   P1      P2      points  baseline  over  remedy
//	Apr-16  90 (3)  90 (2)  5       2         3     3 x £1,000 = £3,000
//	May-16  90 (3)  99 (0)  3       2         1     £1,000
//	Jun-16  99 (0)  90 (2)  2       2         0     nothing: at the baseline
//	Apr-17  99 (0)  90 (2)  2       1         1     £1,000 (the baseline stepped down)
//
// The points over the baseline are charged, not all of them: April 2016's 5
// points charge 3, not 5. Q1 2016/17 adds the months: 4 points over, £4,000.
func TestRemedyOverABaseline(t *testing.T) {
	r := remedyRegime(t, regime.Caps{})
	obs := append(figures("P1", map[string]string{"Apr-16": "90", "May-16": "90", "Jun-16": "99", "Apr-17": "99"}),
		figures("P2", map[string]string{"Apr-16": "90", "May-16": "99", "Jun-16": "90", "Apr-17": "90"})...)
	l, err := r.Run(regime.Input{Observations: obs})
	require.NoError(t, err)
	for _, c := range []struct {
		month, over, remedy, note string
	}{
		{"Apr-16", "3", "3000", "Apr-16: 5 points, 3 over the baseline of 2: £3,000.00"},
		{"May-16", "1", "1000", "May-16: 3 points, 1 over the baseline of 2: £1,000.00"},
		{"Jun-16", "0", "0", "Jun-16: 2 points, none over the baseline of 2"},
		{"Apr-17", "1", "1000", "Apr-17: 2 points, 1 over the baseline of 1: £1,000.00"},
	} {
		sc, err := l.Scorecard(mo(c.month).Period())
		require.NoError(t, err)
		s := sc.Summary
		assert.Equal(t, c.over, s.PointsOverBaseline.String(), c.month)
		assert.Equal(t, c.remedy, s.Remedy.String(), c.month)
		assert.Equal(t, []string{c.note}, s.RemedyNotes, c.month)
		regimetest.Credit(t, sc, c.remedy)
		// The rows carry their points, and no credit: there are no credit
		// rules; the remedy is the month's.
		for _, row := range sc.Rows {
			assert.True(t, row.Credit.IsZero())
		}
	}
	q1, err := l.Scorecard(period.Must(period.ParseLabel("Q1 2016/17")))
	require.NoError(t, err)
	assert.Equal(t, "4", q1.Summary.PointsOverBaseline.String())
	assert.Equal(t, "4000", q1.Summary.Remedy.String())
	regimetest.Credit(t, q1, "4000")
	assert.Equal(t, []string{
		"Apr-16: 5 points, 3 over the baseline of 2: £3,000.00",
		"May-16: 3 points, 1 over the baseline of 2: £1,000.00",
		"Jun-16: 2 points, none over the baseline of 2",
	}, q1.Summary.RemedyNotes)
}

// TestRemedyUnderACap: the remedy is a credit before the caps. With a cap
// of 2% of a £100,000 charge (£2,000) a month, April 2016's £3,000 is
// capped to £2,000; May's £1,000 is under it.
func TestRemedyUnderACap(t *testing.T) {
	r := remedyRegime(t, regime.Caps{PerPeriod: regime.PercentOfCharges(dec("2"))})
	obs := append(figures("P1", map[string]string{"Apr-16": "90", "May-16": "90"}),
		figures("P2", map[string]string{"Apr-16": "90", "May-16": "99"})...)
	l, err := r.Run(regime.Input{Observations: obs, Charges: charges("100000", "Apr-16", "May-16")})
	require.NoError(t, err)
	apr, err := l.Scorecard(mo("Apr-16").Period())
	require.NoError(t, err)
	assert.Equal(t, "3000", apr.Summary.CreditsBeforeCaps.String())
	assert.Equal(t, "2000", apr.Summary.Credits.String())
	assert.Equal(t, "1000", apr.Summary.CappedBy.String())
	may, err := l.Scorecard(mo("May-16").Period())
	require.NoError(t, err)
	assert.Equal(t, "1000", may.Summary.Credits.String())
}

// TestRemedyAsAPercentOfCharges: at 0.5% of the month's charges a point,
// 3 points over the baseline of a £100,000 month are 3 x £500 = £1,500;
// without the month's charge it is an error naming the month.
func TestRemedyAsAPercentOfCharges(t *testing.T) {
	r := mustRegime(t, regime.Spec{Name: "Tram", From: mo("Apr-16"),
		KPIs: []kpi.Definition{flatPoints(t, "P1", "3"), flatPoints(t, "P2", "2")},
		Remedy: regime.PointsRemedy{Baselines: []regime.Baseline{{From: mo("Apr-16"), Points: dec("2")}},
			Rate: regime.PercentOfCharges(dec("0.5"))}})
	obs := append(figures("P1", map[string]string{"Apr-16": "90"}), figures("P2", map[string]string{"Apr-16": "90"})...)
	sc, err := r.Score(regime.Input{Observations: obs, Charges: charges("100000", "Apr-16")}, mo("Apr-16").Period())
	require.NoError(t, err)
	assert.Equal(t, "1500", sc.Summary.Remedy.String())
	_, err = r.Score(regime.Input{Observations: obs}, mo("Apr-16").Period())
	var missing *regime.MissingChargeError
	assert.ErrorAs(t, err, &missing)
}

// TestRemedyValidation: the rate is positive, the baselines are in order,
// not negative, and the first is in force from the regime's first month.
func TestRemedyValidation(t *testing.T) {
	for _, c := range []struct {
		remedy regime.PointsRemedy
		want   string
	}{
		{regime.PointsRemedy{Baselines: []regime.Baseline{{From: mo("Apr-16"), Points: dec("2")}}},
			"remedy.rate: the rate a point must be positive, not £0.00"},
		{regime.PointsRemedy{Rate: regime.Pounds(dec("1000"))},
			"remedy.baselines: a remedy needs a baseline: the points allowed before it charges"},
		{regime.PointsRemedy{Rate: regime.Pounds(dec("1000")), Baselines: []regime.Baseline{{From: mo("May-16"), Points: dec("2")}}},
			"remedy.baselines[0].from: the first baseline is from 2016-05, after the regime's first month 2016-04: a month would have none"},
		{regime.PointsRemedy{Rate: regime.Pounds(dec("1000")), Baselines: []regime.Baseline{{From: mo("Apr-16"), Points: dec("2")}, {From: mo("Apr-16"), Points: dec("1")}}},
			"remedy.baselines[1].from: 2016-04 is not after the baseline before it (2016-04): give them in order"},
		{regime.PointsRemedy{Rate: regime.Pounds(dec("1000")), Baselines: []regime.Baseline{{From: mo("Apr-16"), Points: dec("-1")}}},
			"remedy.baselines[0].points: a baseline cannot be negative (-1)"},
	} {
		_, err := regime.New(regime.Spec{Name: "Tram", From: mo("Apr-16"), KPIs: []kpi.Definition{flatPoints(t, "P1", "3")}, Remedy: c.remedy})
		assert.ErrorContains(t, err, c.want)
	}
}
