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

// TestCallsOutsideExcludedPeriods2014 is seed 001's pattern: "Percentage of
// calls answered in 20 seconds", KPI 63%, suspended for April and May 2014
// (garden waste demand) and from 1 January 2015 (the CRM pilot). The seed
// reports 57% for the year and "64% performance outside exclude periods",
// but no monthly counts; these counts are made up to give exactly those two
// figures, 30,000 calls offered a month (seed 000 says about 350,000 a year):
//
//	June to December 2014, 7 months: 19,200 of 30,000 answered in 20 s each
//	  134,400 of 210,000 = 64.00%
//	the 5 excluded months: 14,160 of 30,000 each, 70,800 of 150,000
//	the whole year: 205,200 of 360,000 = 57.00%
func TestCallsOutsideExcludedPeriods2014(t *testing.T) {
	d, err := kpi.New(kpi.Spec{Ref: "CS-20s", Description: "Percentage of calls answered in 20 seconds", ServiceArea: "Customer Services",
		Measure: pct, Frequency: period.Monthly(), Target: written(t, "63%"), Bands: kpi.TargetOnly()})
	require.NoError(t, err)
	r, err := regime.New(regime.Spec{Name: "PSSP", Version: "2011", From: mo("Nov-11"), Until: mo("Apr-16"),
		KPIs: []kpi.Definition{d},
		Relief: []regime.Relief{
			{Kind: regime.Exclusion, KPI: "CS-20s", From: mo("Apr-14"), Through: mo("May-14"), Reason: "excessive demand following the introduction of garden waste charges"},
			{Kind: regime.Exclusion, KPI: "CS-20s", From: mo("Jan-15"), Reason: "introduction of the pilot Customer Relationship Management system"},
		}})
	require.NoError(t, err)
	fy := period.Must(period.FinancialYear(2014))
	var in regime.Input
	var all []kpi.Entry
	for m := range fy.Months() {
		answered := int64(19200)
		if m.Before(mo("Jun-14")) || !m.Before(mo("Jan-15")) {
			answered = 14160
		}
		in.Observations = append(in.Observations, regime.Observation{KPI: "CS-20s", Month: m, Obs: kpi.Counts(answered, 30000)})
		all = append(all, kpi.Entry{Period: m.Period(), Obs: kpi.Counts(answered, 30000)})
	}
	l, err := r.Run(in)
	require.NoError(t, err)

	year, err := l.Scorecard(fy.Period())
	require.NoError(t, err)
	row, ok := year.Row("CS-20s")
	require.True(t, ok)
	a, _ := row.Result.Actual()
	assert.Equal(t, "64", a.String(), "the year outside the excluded months")
	assert.Equal(t, kpi.Met, row.Status)
	assert.Contains(t, row.Notes, "performance outside the excluded months (Apr-14, May-14, Jan-15, Feb-15, Mar-15)")
	assert.Equal(t, map[kpi.Status]int{kpi.Met: 7, kpi.Excluded: 5}, row.Tally)

	// Without the exclusions, the same counts give the seed's 57%.
	whole, err := kpi.Aggregate(pct, all, nil)
	require.NoError(t, err)
	res, err := kpi.Evaluate(d, fy.Period(), whole)
	require.NoError(t, err)
	a, _ = res.Actual()
	assert.Equal(t, "57", a.String())
	assert.Equal(t, kpi.Missed, res.Status())

	// The excluded months' own rows are excluded, with the reason.
	may, err := l.Scorecard(mo("May-14").Period())
	require.NoError(t, err)
	regimetest.Status(t, may, "CS-20s", kpi.Excluded)
	mayRow, _ := may.Row("CS-20s")
	assert.Equal(t, "excluded by agreement (\"excessive demand following the introduction of garden waste charges\")", mayRow.Result.Reason())
	feb, err := l.Scorecard(mo("Feb-15").Period())
	require.NoError(t, err)
	regimetest.Status(t, feb, "CS-20s", kpi.Excluded)
	jun, err := l.Scorecard(mo("Jun-14").Period())
	require.NoError(t, err)
	regimetest.Status(t, jun, "CS-20s", kpi.Met)

	// A quarter wholly excluded is excluded.
	q4, err := l.Scorecard(period.Must(period.ParseLabel("Q4 2014/15")))
	require.NoError(t, err)
	regimetest.Status(t, q4, "CS-20s", kpi.Excluded)
}

// lincolnshire builds the Corporate Support Services Contract's abandoned
// calls KPI, CSC_KPI_04, with a target service level and a minimum service
// level. The seeds (002 and 003) publish outcomes, not levels or figures:
// the levels (5% and 10% of calls abandoned) and figures here are made up
// to reproduce the outcomes: TSL failed in August 2019, MSL failed in
// September, TSL met in October and November.
func lincolnshire(t testing.TB, mitigatedCount bool) *regime.Regime {
	lower := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.LowerIsBetter, Precision: 1, Aggregation: kpi.RatioOfSums}
	d, err := kpi.New(kpi.Spec{Ref: "CSC_KPI_04", Description: "% of total calls that are Abandoned Calls", ServiceArea: "Customer Service Centre",
		Contractual: true, Measure: lower, Frequency: period.Monthly(), Target: written(t, "5%"),
		Bands: kpi.TargetAndMinimum(dec("10")).WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: dec("1"), kpi.Failed: dec("3")})})
	require.NoError(t, err)
	r, err := regime.New(regime.Spec{Name: "CSSC", Version: "2019", From: mo("Apr-19"), KPIs: []kpi.Definition{d},
		Labels:         map[kpi.Status]string{kpi.Met: "Achieved TSL", kpi.Missed: "Failed TSL", kpi.Failed: "Failed MSL"},
		Credits:        []regime.CreditRule{regime.NewPointsCredit(dec("0.5"))},
		Relief:         []regime.Relief{{Kind: regime.Mitigation, KPI: "CSC_KPI_04", From: mo("Aug-19"), Through: mo("Sep-19"), Reason: "mitigation granted by the Board"}},
		MitigatedCount: mitigatedCount,
		Repeat:         dec("2"),
		Escalation:     []regime.Rule{regime.StatusReached("below minimum service level", kpi.Failed), regime.KConsecutive("rectification plan required", 2)},
	})
	require.NoError(t, err)
	return r
}

func TestLincolnshireTSLAndMSL2019(t *testing.T) {
	in := regime.Input{
		Observations: figures("CSC_KPI_04", map[string]string{"Jul-19": "4.2", "Aug-19": "7.0", "Sep-19": "12.5", "Oct-19": "4.6", "Nov-19": "3.5"}),
		Charges:      charges("400000", "Jul-19", "Aug-19", "Sep-19", "Oct-19", "Nov-19"),
	}
	t.Run("mitigated failures still count for escalation", func(t *testing.T) {
		l, err := lincolnshire(t, true).Run(in)
		require.NoError(t, err)
		aug, err := l.Scorecard(mo("Aug-19").Period())
		require.NoError(t, err)
		regimetest.Status(t, aug, "CSC_KPI_04", kpi.Missed)
		row, _ := aug.Row("CSC_KPI_04")
		assert.Equal(t, "Failed TSL", row.Label)
		assert.True(t, row.Relieved)
		assert.Equal(t, regime.Mitigation, row.Relief.Kind)
		regimetest.Points(t, aug, "CSC_KPI_04", "0")
		regimetest.Credit(t, aug, "0")
		assert.Contains(t, row.Notes, "mitigation: mitigation granted by the Board")

		sep, err := l.Scorecard(mo("Sep-19").Period())
		require.NoError(t, err)
		regimetest.Status(t, sep, "CSC_KPI_04", kpi.Failed)
		row, _ = sep.Row("CSC_KPI_04")
		assert.Equal(t, "Failed MSL", row.Label)
		assert.Equal(t, "12.5% is above the minimum service level of 10%", row.Result.Reason())
		regimetest.Credit(t, sep, "0")
		// The contract counts mitigated failures: MSL reached, and two
		// failures in a row.
		regimetest.Event(t, sep, "below minimum service level", "CSC_KPI_04")
		regimetest.Event(t, sep, "rectification plan required", "CSC_KPI_04")

		oct, err := l.Scorecard(mo("Oct-19").Period())
		require.NoError(t, err)
		regimetest.Status(t, oct, "CSC_KPI_04", kpi.Met)
		row, _ = oct.Row("CSC_KPI_04")
		assert.Equal(t, "Achieved TSL", row.Label)
		assert.Equal(t, kpi.Improving, row.Trend)
		assert.Empty(t, oct.Events)
	})
	t.Run("mitigated failures do not count", func(t *testing.T) {
		l, err := lincolnshire(t, false).Run(in)
		require.NoError(t, err)
		sep, err := l.Scorecard(mo("Sep-19").Period())
		require.NoError(t, err)
		regimetest.Status(t, sep, "CSC_KPI_04", kpi.Failed)
		regimetest.NoEvent(t, sep, "below minimum service level")
		regimetest.NoEvent(t, sep, "rectification plan required")
	})
	t.Run("without mitigation", func(t *testing.T) {
		r := lincolnshire(t, true)
		spec := r.Spec()
		spec.Relief = nil
		r, err := regime.New(spec)
		require.NoError(t, err)
		l, err := r.Run(in)
		require.NoError(t, err)
		// August: failed TSL, 1 point at 0.5% of £400,000 = £2,000.
		aug, err := l.Scorecard(mo("Aug-19").Period())
		require.NoError(t, err)
		regimetest.Credit(t, aug, "2000")
		// September: failed MSL after a failure, 3 x 2 = 6 points, 3% of
		// £400,000 = £12,000.
		sep, err := l.Scorecard(mo("Sep-19").Period())
		require.NoError(t, err)
		regimetest.Points(t, sep, "CSC_KPI_04", "6")
		regimetest.Credit(t, sep, "12000")
	})
}

func TestNewErrors(t *testing.T) {
	d := availability(t, "AV-1")
	tests := []struct {
		name  string
		spec  regime.Spec
		wants []string
	}{
		{"empty", regime.Spec{}, []string{"name: a regime needs a name", "from: a regime needs the month", "kpis: a regime needs at least one KPI"}},
		{"duplicate reference", regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{d, d}},
			[]string{`kpis[1].ref: "AV-1" is also kpis[0]`}},
		{"unknown KPIs in rules", regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{d},
			Relief:     []regime.Relief{{Kind: regime.Mitigation, KPI: "AV-2", From: mo("Apr-16"), Reason: "x"}},
			Credits:    []regime.CreditRule{regime.NewShortfallCredit("AV-3")},
			Escalation: []regime.Rule{regime.KConsecutive("e", 2).ForKPI("AV-4")}},
			[]string{`relief[0].kpi: no KPI "AV-2"`, `credits[0].kpi: no KPI "AV-3"`, `escalation[0].kpi: no KPI "AV-4"`}},
		{"bad rules", regime.Spec{Name: "R", From: mo("Apr-16"), Until: mo("Mar-16"), KPIs: []kpi.Definition{d},
			Relief:     []regime.Relief{{KPI: "AV-1"}},
			Credits:    []regime.CreditRule{regime.PointsCredit{}, regime.NewAtRiskCredit(regime.Amount{}, map[string]decimal.Decimal{"AV-1": dec("120")}), nil},
			Caps:       regime.Caps{PerPeriod: regime.Pounds(dec("-1")), Window: -1},
			Escalation: []regime.Rule{regime.NFailuresInM("e", 4, 3), regime.StatusReached("x", kpi.NoData), {}},
			Repeat:     dec("-2"), Failing: kpi.NotDue},
			[]string{"until: 2016-03 is not after 2016-04", "relief[0].kind: unknown kind", "relief[0].from:", "relief[0].reason:",
				"credits[0].rate: points credit: the rate per point must be positive", "credits[1].allocation: at-risk credit: allocations add up to 120%",
				"credits[2]: nil rule", "caps.per_period: a negative cap", "caps.window", "escalation[0]: 4 failures in 3 periods",
				"escalation[1].status: no_data is not a performance status", "escalation[2].event: a rule needs the name", "repeat: a multiplier cannot be negative",
				"failing: not_due is not a performance status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := regime.New(tt.spec)
			require.ErrorIs(t, err, regime.ErrInvalid)
			for _, w := range tt.wants {
				assert.ErrorContains(t, err, w)
			}
			var fe *kpi.FieldError
			require.ErrorAs(t, err, &fe, "the problems are FieldErrors with paths")
			assert.NotEmpty(t, fe.Path)
		})
	}
}

func TestRunErrors(t *testing.T) {
	r := workedRegime(t)
	_, err := r.Run(regime.Input{Observations: []regime.Observation{
		{KPI: "AV-9", Month: mo("Apr-16"), Obs: kpi.Figure(dec("99"))},
		{KPI: "AV-1", Month: mo("Mar-16"), Obs: kpi.Figure(dec("99"))},
		{KPI: "AV-1", Month: mo("Apr-16"), Obs: kpi.Figure(dec("99"))},
		{KPI: "AV-1", Month: mo("Apr-16"), Obs: kpi.Figure(dec("98"))},
	}})
	assert.ErrorContains(t, err, `observations[0]: no KPI "AV-9"`)
	assert.ErrorContains(t, err, "observations[1]: AV-1 for 2016-03: no regime is in force in 2016-03")
	_, err = r.Run(regime.Input{Observations: []regime.Observation{
		{KPI: "AV-1", Month: mo("Apr-16"), Obs: kpi.Figure(dec("99"))},
		{KPI: "AV-1", Month: mo("Apr-16"), Obs: kpi.Figure(dec("98"))},
	}})
	assert.ErrorContains(t, err, "observations[1]: AV-1 for 2016-04 is reported twice")

	// Credit rules need the charge of every month scored, met or not.
	_, err = r.Score(regime.Input{Observations: figures("AV-1", map[string]string{"Apr-16": "99.5"})}, mo("Apr-16").Period())
	var mc *regime.MissingChargeError
	require.ErrorAs(t, err, &mc)
	assert.Equal(t, mo("Apr-16"), mc.Month)
	assert.EqualError(t, err, "regime Worked 1: no charge for Apr-16, which its credit rules and caps need")
	_, err = r.Score(regime.Input{Observations: figures("AV-1", map[string]string{"Apr-16": "101"}), Charges: charges("1000", "Apr-16")}, mo("Apr-16").Period())
	assert.ErrorContains(t, err, "101% is outside 0 to 100")
	l, err := r.Run(regime.Input{Observations: figures("AV-1", map[string]string{"Apr-16": "99"}), Charges: charges("1000", "Apr-16")})
	require.NoError(t, err)
	_, err = l.Scorecard(mo("May-16").Period())
	assert.ErrorContains(t, err, "2016-05 is outside the months scored, 2016-04")
	empty, err := r.Run(regime.Input{})
	require.NoError(t, err)
	_, err = empty.Scorecard(mo("Apr-16").Period())
	assert.ErrorContains(t, err, "no observations to score")
	assert.True(t, empty.Months().IsZero())
}

func TestSummaryAndLabels(t *testing.T) {
	mk := func(ref, area, target string, tier kpi.Tier) kpi.Definition {
		d, err := kpi.New(kpi.Spec{Ref: ref, ServiceArea: area, Tier: tier, Measure: pct, Frequency: period.SixMonthly(),
			Target: written(t, target), Bands: kpi.TargetTolerance(kpi.Offset(dec("-2")))})
		require.NoError(t, err)
		return d
	}
	r, err := regime.New(regime.Spec{Name: "PSSP", Version: "2016", From: mo("Apr-16"),
		KPIs: []kpi.Definition{mk("A", "STS", "90%", kpi.TierKPI), mk("B", "STS", "90%", kpi.TierKPI), mk("C", "CS", "90%", kpi.TierPI),
			mk("D", "CS", "90%", kpi.TierPI), mk("E", "CS", "90%", kpi.TierKPI)},
		Labels:  map[kpi.Status]string{kpi.Tolerance: "Within 'Tolerance'", kpi.Met: "Target Met"},
		Missing: regime.MissingRule{DeemFailed: true, Points: dec("2")},
		// The council agreed that C cannot be measured this half year.
		Relief: []regime.Relief{{Kind: regime.AgreedNotMeasurable, KPI: "C", From: mo("Sep-16"), Through: mo("Sep-16"), Reason: "ADP being agreed"}},
	})
	require.NoError(t, err)
	in := regime.Input{Observations: []regime.Observation{
		{KPI: "A", Month: mo("Sep-16"), Obs: kpi.Figure(dec("95"))},
		{KPI: "B", Month: mo("Sep-16"), Obs: kpi.Figure(dec("89"))},
		{KPI: "C", Month: mo("Sep-16"), Obs: kpi.Missing(kpi.NotMeasurable, "Not yet measurable")},
		{KPI: "D", Month: mo("Sep-16"), Obs: kpi.Figure(dec("80"))},
	}}
	sc, err := r.Score(in, mo("Sep-16").Period())
	require.NoError(t, err)
	// A met, B within tolerance, C not measurable, D missed, E no data
	// deemed failed (the survey is due in September).
	assert.Equal(t, map[kpi.Status]int{kpi.Met: 1, kpi.Tolerance: 1, kpi.NotMeasurable: 1, kpi.Missed: 1, kpi.Failed: 1}, sc.Summary.ByStatus)
	assert.Equal(t, map[kpi.Status]int{kpi.Met: 1, kpi.Tolerance: 1}, sc.Summary.ByServiceArea["STS"])
	assert.Equal(t, map[kpi.Status]int{kpi.NotMeasurable: 1, kpi.Missed: 1}, sc.Summary.ByTier[kpi.TierPI])
	assert.Equal(t, 5, sc.Summary.Total)
	assert.Equal(t, 4, sc.Summary.Rated)
	assert.Equal(t, 1, sc.Summary.OnTarget)
	assert.Equal(t, "20", sc.Summary.ShareOnTarget.String())      // 1 of 5
	assert.Equal(t, "25", sc.Summary.ShareOnTargetRated.String()) // 1 of 4 rated
	assert.Equal(t, []string{"B", "D", "E"}, sc.Summary.Exceptions)
	regimetest.Points(t, sc, "E", "2")
	e, _ := sc.Row("E")
	assert.True(t, e.Deemed)
	assert.Equal(t, kpi.NoData, e.Result.Status())
	assert.Equal(t, "Failed", e.Label)
	b, _ := sc.Row("B")
	assert.Equal(t, "Within 'Tolerance'", b.Label)
	assert.Equal(t, "Target Met", r.Label(kpi.Met))
	assert.Equal(t, "Not due", r.Label(kpi.NotDue))
	assert.Equal(t, "Not measurable", regime.DefaultLabel(kpi.NotMeasurable))
	assert.Equal(t, "No data", regime.DefaultLabel(kpi.NoData))
	assert.Equal(t, "", regime.DefaultLabel(0))
	assert.Equal(t, "Detriment", regime.DefaultLabel(kpi.Detriment))
	assert.Equal(t, "PSSP", sc.Regime)
	assert.Equal(t, "2016", sc.Version)
	assert.True(t, sc.Equal(sc))

	// In August the survey is not due: nothing is deemed.
	aug, err := r.Score(regime.Input{Observations: []regime.Observation{{KPI: "A", Month: mo("Aug-16"), Obs: kpi.Figure(dec("95"))}}}, mo("Aug-16").Period())
	require.NoError(t, err)
	regimetest.Status(t, aug, "E", kpi.NotDue)
}
