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

// The ledger's cases, each worked by hand beside it.

var failures = kpi.Measure{Unit: kpi.Failures, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}

func label(s string) period.Period { return period.Must(period.ParseLabel(s)) }

func mustDef(t testing.TB, s kpi.Spec) kpi.Definition {
	t.Helper()
	d, err := kpi.New(s)
	require.NoError(t, err)
	return d
}

func mustRegime(t testing.TB, s regime.Spec) *regime.Regime {
	t.Helper()
	r, err := regime.New(s)
	require.NoError(t, err)
	return r
}

// onePoint is a credit of 1% of the month's charges per service point.
var onePoint = []regime.CreditRule{regime.NewPointsCredit(dec("1"))}

// TestSixMonthlyFailuresReportedMonthly: a six-monthly KPI of failures
// (target 0, detriment 1, failure 2; points 1/2/3 for missed, detriment,
// failed), reported as one failure each month from April to September 2016,
// with 1% of a £100,000 monthly charge per point:
//
//	Apr..Aug  1 failure each: interim (H1 is not over), no points, no credit
//	Sep       H1 2016/17 ends: 1+1+1+1+1+1 = 6 failures >= 2: failed,
//	          3 points x 1% x £100,000 = £3,000, accrued in September
//
// and the escalation rule (a result of detriment or worse) is checked once,
// for H1, in September: one event, not six.
func TestSixMonthlyFailuresReportedMonthly(t *testing.T) {
	d := mustDef(t, kpi.Spec{Ref: "12", Measure: failures, Frequency: period.SixMonthly(), Target: written(t, "0 failures"),
		Bands: kpi.VolumeOfFailures(1, 2).WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: dec("1"), kpi.Detriment: dec("2"), kpi.Failed: dec("3")})})
	r := mustRegime(t, regime.Spec{Name: "ICT", Version: "1", From: mo("Apr-16"), KPIs: []kpi.Definition{d},
		Repeat: dec("2"), Credits: onePoint,
		Escalation: []regime.Rule{regime.StatusReached("rectification plan required", kpi.Detriment)}})
	months := []string{"Apr-16", "May-16", "Jun-16", "Jul-16", "Aug-16", "Sep-16"}
	byMonth := map[string]string{}
	for _, m := range months {
		byMonth[m] = "1"
	}
	l, err := r.Run(regime.Input{Observations: figures("12", byMonth), Charges: charges("100000", months...)})
	require.NoError(t, err)
	for _, m := range months[:5] {
		sc, err := l.Scorecard(mo(m).Period())
		require.NoError(t, err)
		row, _ := sc.Row("12")
		assert.True(t, row.Interim, m)
		assert.Equal(t, kpi.Detriment, row.Status, "%s: 1 failure is rated, and shown", m)
		assert.True(t, row.Points.IsZero(), m)
		assert.True(t, row.Credit.IsZero(), m)
		assert.Empty(t, sc.Events, m)
		assert.Equal(t, 1, sc.Summary.Interim)
		assert.Empty(t, sc.Summary.Exceptions, "interim rows are not exceptions")
	}
	sep, err := l.Scorecard(mo("Sep-16").Period())
	require.NoError(t, err)
	row, _ := sep.Row("12")
	assert.False(t, row.Interim)
	assert.Equal(t, "H1 2016/17", row.Period.Label(period.Short))
	assert.Equal(t, kpi.Failed, row.Status)
	a, _ := row.Result.Actual()
	assert.Equal(t, "6", a.String())
	regimetest.Points(t, sep, "12", "3")
	regimetest.Credit(t, sep, "3000")
	assert.Len(t, sep.Events, 1)
	assert.Equal(t, "1", row.Multiplier.String(), "the first measurement is not a repeat")

	h1, err := l.Scorecard(label("H1 2016/17"))
	require.NoError(t, err)
	regimetest.Status(t, h1, "12", kpi.Failed)
	regimetest.Points(t, h1, "12", "3")
	regimetest.Credit(t, h1, "3000")
	assert.Len(t, h1.Events, 1)
}

// TestDeemedFailureEarnsItsCredits: no figure, deemed failed with 5 points,
// at 1% of £100,000 a point, and a fixed £500 when failed: 5 x £1,000 +
// £500 = £5,500. The credit rules read the row's status (failed), not the
// result's (no data).
func TestDeemedFailureEarnsItsCredits(t *testing.T) {
	d := availability(t, "AV-1")
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{d},
		Missing: regime.MissingRule{DeemFailed: true, Points: dec("5")},
		Credits: []regime.CreditRule{regime.NewPointsCredit(dec("1")),
			regime.NewFixedCredit("AV-1", map[kpi.Status]decimal.Decimal{kpi.Failed: dec("500")}, decimal.Zero)}})
	sc, err := r.Score(regime.Input{
		Observations: []regime.Observation{{KPI: "AV-1", Month: mo("May-16"), Obs: kpi.Missing(kpi.NoData, "")}},
		Charges:      charges("100000", "May-16"),
	}, mo("May-16").Period())
	require.NoError(t, err)
	row, _ := sc.Row("AV-1")
	assert.True(t, row.Deemed)
	assert.Equal(t, kpi.Failed, row.Status)
	assert.Equal(t, kpi.NoData, row.Result.Status())
	regimetest.Points(t, sc, "AV-1", "5")
	regimetest.RowCredit(t, sc, "AV-1", "5500")
	assert.Equal(t, []string{"AV-1"}, sc.Summary.Exceptions)
}

// flatPoints is a KPI met at 99% or better and failed below, worth the
// given points.
func flatPoints(t testing.TB, ref, points string) kpi.Definition {
	target := kpi.Target()
	bands, err := kpi.NewBands(kpi.Band{Status: kpi.Met, Reach: target}, kpi.Band{Status: kpi.Failed, Points: dec(points)})
	require.NoError(t, err)
	return mustDef(t, kpi.Spec{Ref: ref, Measure: pct, Frequency: period.Monthly(), Target: written(t, "99%"), Bands: bands})
}

// TestRollingCapOfTheWindowsCharges: a rolling cap of 10% of charges over
// three months takes the actual charges of the months in its window.
// Charges £100,000, £100,000, £40,000; a failure each month worth 7 points
// at 1% a point: 7% of each month's charges.
//
//	Apr  £7,000; window Apr:          10% of £100,000 = £10,000 - 0       left: £7,000
//	May  £7,000; window Apr-May:      10% of £200,000 = £20,000 - 7,000   left: £7,000
//	Jun  £2,800; window Apr-Jun:      10% of £240,000 = £24,000 - 14,000  left: £2,800
//
// Worth 15 points (15%), the cap binds:
//
//	Apr  £15,000 before caps; limit £10,000                       -> £10,000
//	May  £15,000; limit £20,000 - £10,000 = £10,000               -> £10,000
//	Jun  £6,000;  limit £24,000 - £20,000 = £4,000                -> £4,000
//
// (The old rule, this month's charge times the window, would have left
// June £12,000 - £20,000: nothing.)
func TestRollingCapOfTheWindowsCharges(t *testing.T) {
	for _, c := range []struct {
		points string
		want   [3]string
	}{{"7", [3]string{"7000", "7000", "2800"}}, {"15", [3]string{"10000", "10000", "4000"}}} {
		t.Run(c.points+" points", func(t *testing.T) {
			r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{flatPoints(t, "A", c.points)},
				Credits: onePoint, Caps: regime.Caps{Rolling: regime.PercentOfCharges(dec("10")), Window: 3}})
			in := regime.Input{
				Observations: figures("A", map[string]string{"Apr-16": "90", "May-16": "90", "Jun-16": "90"}),
				Charges:      map[period.Month]decimal.Decimal{mo("Apr-16"): dec("100000"), mo("May-16"): dec("100000"), mo("Jun-16"): dec("40000")},
			}
			l, err := r.Run(in)
			require.NoError(t, err)
			for i, m := range []string{"Apr-16", "May-16", "Jun-16"} {
				sc, err := l.Scorecard(mo(m).Period())
				require.NoError(t, err)
				regimetest.Credit(t, sc, c.want[i])
			}
		})
	}
}

// TestOpeningCreditsCountInTheWindow: £9,000 already applied in March
// (before the first month scored) counts against April's window: 10% of
// (£100,000 + £100,000) = £20,000 - £9,000 = £11,000 left, so April's
// £15,000 is capped to £11,000.
func TestOpeningCreditsCountInTheWindow(t *testing.T) {
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{flatPoints(t, "A", "15")},
		Credits: onePoint, Caps: regime.Caps{Rolling: regime.PercentOfCharges(dec("10")), Window: 3}})
	in := regime.Input{
		Observations:   figures("A", map[string]string{"Apr-16": "90"}),
		Charges:        charges("100000", "Mar-16", "Apr-16"),
		OpeningCredits: map[period.Month]decimal.Decimal{mo("Mar-16"): dec("9000")},
	}
	sc, err := r.Score(in, mo("Apr-16").Period())
	require.NoError(t, err)
	regimetest.Credit(t, sc, "11000")
	// An opening balance for a month whose charge is not known cannot be
	// set against a percentage cap.
	delete(in.Charges, mo("Mar-16"))
	_, err = r.Score(in, mo("Apr-16").Period())
	var mc *regime.MissingChargeError
	require.ErrorAs(t, err, &mc)
	assert.Equal(t, mo("Mar-16"), mc.Month)
}

// TestCapWithAHalfPenny: a cap of 10% of £12,345.65 is £1,234.565. The
// credit before caps (20 points at 1%: £2,469.13) is capped to £1,234.56,
// never £1,234.57, which would exceed the cap by half a penny.
func TestCapWithAHalfPenny(t *testing.T) {
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{flatPoints(t, "A", "20")},
		Credits: onePoint, Caps: regime.Caps{PerPeriod: regime.PercentOfCharges(dec("10"))}})
	sc, err := r.Score(regime.Input{Observations: figures("A", map[string]string{"Apr-16": "90"}), Charges: charges("12345.65", "Apr-16")},
		mo("Apr-16").Period())
	require.NoError(t, err)
	assert.Equal(t, "2469.13", sc.Summary.CreditsBeforeCaps.StringFixed(2))
	assert.Equal(t, "1234.56", sc.Summary.Credits.StringFixed(2))
	// The same with a rolling cap of 10% over three months, April alone.
	r = mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{flatPoints(t, "A", "20")},
		Credits: onePoint, Caps: regime.Caps{Rolling: regime.PercentOfCharges(dec("10")), Window: 3}})
	sc, err = r.Score(regime.Input{Observations: figures("A", map[string]string{"Apr-16": "90"}), Charges: charges("12345.65", "Apr-16")},
		mo("Apr-16").Period())
	require.NoError(t, err)
	assert.Equal(t, "1234.56", sc.Summary.Credits.StringFixed(2))
}

// TestTheContractDecidesNotTheReturn: a due monthly KPI reported not_due,
// excluded or not_measurable, with no relief agreed, under deem_failed: each
// is a missing figure, deemed failed (3 points, the failed band's, at 1% of
// £100,000: £3,000), listed as an exception and flagged as a claim the
// contract does not grant. Where relief agrees it, the claim stands.
func TestTheContractDecidesNotTheReturn(t *testing.T) {
	defs := []kpi.Definition{availability(t, "ND"), availability(t, "EX"), availability(t, "NM"), availability(t, "EX2"), availability(t, "NM2"),
		availability(t, "VOL")}
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: defs, Credits: onePoint,
		Missing: regime.MissingRule{DeemFailed: true},
		Relief: []regime.Relief{
			{Kind: regime.Exclusion, KPI: "EX2", From: mo("May-16"), Through: mo("May-16"), Reason: "agreed at the board"},
			{Kind: regime.AgreedNotMeasurable, KPI: "NM2", From: mo("May-16"), Reason: "milestones being agreed"},
		}})
	in := regime.Input{Observations: []regime.Observation{
		{KPI: "ND", Month: mo("May-16"), Obs: kpi.Missing(kpi.NotDue, "not due")},
		{KPI: "EX", Month: mo("May-16"), Obs: kpi.Missing(kpi.Excluded, "")},
		{KPI: "NM", Month: mo("May-16"), Obs: kpi.Missing(kpi.NotMeasurable, "Not yet measurable")},
		{KPI: "EX2", Month: mo("May-16"), Obs: kpi.Missing(kpi.Excluded, "")},
		{KPI: "NM2", Month: mo("May-16"), Obs: kpi.Missing(kpi.NotMeasurable, "Not yet measurable")},
		{KPI: "VOL", Month: mo("May-16"), Obs: kpi.Counts(0, 0)}, // no volume, shown by the counts
	}, Charges: charges("100000", "May-16")}
	sc, err := r.Score(in, mo("May-16").Period())
	require.NoError(t, err)
	for _, c := range []struct {
		ref   string
		claim kpi.Status
		note  string
	}{
		{"ND", kpi.NotDue, "reported not due, but due: ND is measured for May-16"},
		{"EX", kpi.Excluded, "reported excluded, a claim the contract does not grant for May-16: taken as no figure"},
		{"NM", kpi.NotMeasurable, "reported not measurable, a claim the contract does not grant for May-16: taken as no figure"},
	} {
		row, _ := sc.Row(c.ref)
		assert.Equal(t, kpi.Failed, row.Status, c.ref)
		assert.True(t, row.Deemed, c.ref)
		assert.True(t, row.ClaimRefused, c.ref)
		assert.Equal(t, c.claim, row.Claim, c.ref)
		assert.Contains(t, row.Notes, c.note, c.ref)
		regimetest.Points(t, sc, c.ref, "3")
		regimetest.RowCredit(t, sc, c.ref, "3000")
	}
	regimetest.Status(t, sc, "EX2", kpi.Excluded)
	regimetest.Status(t, sc, "NM2", kpi.NotMeasurable)
	regimetest.Status(t, sc, "VOL", kpi.NotMeasurable)
	for _, ref := range []string{"EX2", "NM2", "VOL"} {
		row, _ := sc.Row(ref)
		assert.False(t, row.ClaimRefused, ref)
		regimetest.Points(t, sc, ref, "0")
	}
	assert.Equal(t, []string{"ND", "EX", "NM"}, sc.Summary.Exceptions)
	assert.Equal(t, []string{"ND", "EX", "NM"}, sc.Summary.Disagreements)
	regimetest.Credit(t, sc, "9000")
}

// TestReportedStatusIsComparedNotTaken: a status reported beside a figure
// is kept and compared. 98.5% is Minor (missed), whatever the return says.
func TestReportedStatusIsComparedNotTaken(t *testing.T) {
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{availability(t, "AV-1")}})
	sc, err := r.Score(regime.Input{Observations: []regime.Observation{
		{KPI: "AV-1", Month: mo("Apr-16"), Obs: kpi.Figure(dec("98.5")).WithReported(kpi.Met)}}}, mo("Apr-16").Period())
	require.NoError(t, err)
	row, _ := sc.Row("AV-1")
	assert.Equal(t, kpi.Missed, row.Status)
	assert.Equal(t, kpi.Met, row.Reported)
	assert.True(t, row.Disagrees)
	assert.Equal(t, []string{"AV-1"}, sc.Summary.Disagreements)
}

// TestQuarterlyFigureForTheQuarter: a quarterly percentage KPI given its
// one figure for Q1 (80% against a target of 90%, detriment 87%, failure
// 84%): 80 is below the failure level, so Q1 is failed, in June's
// scorecard and in Q1's.
func TestQuarterlyFigureForTheQuarter(t *testing.T) {
	d := mustDef(t, kpi.Spec{Ref: "Q", Measure: pct, Frequency: period.Quarterly(), Target: written(t, "90%"),
		Bands: kpi.TargetDetrimentFailure(dec("87"), dec("84"))})
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{d}})
	in := regime.Input{Observations: []regime.Observation{{KPI: "Q", Period: label("Q1 2016/17"), Obs: kpi.Figure(dec("80"))}}}
	q1, err := r.Score(in, label("Q1 2016/17"))
	require.NoError(t, err)
	regimetest.Status(t, q1, "Q", kpi.Failed)
	jun, err := r.Score(in, mo("Jun-16").Period())
	require.NoError(t, err)
	regimetest.Status(t, jun, "Q", kpi.Failed)
	row, _ := jun.Row("Q")
	assert.Equal(t, "Q1 2016/17", row.Period.Label(period.Short))
	apr, err := r.Score(in, mo("Apr-16").Period())
	require.NoError(t, err)
	regimetest.Status(t, apr, "Q", kpi.NotDue)
	// A quarter is not a measurement period of a monthly KPI.
	_, err = r.Score(regime.Input{Observations: []regime.Observation{{KPI: "Q", Period: label("H1 2016/17"), Obs: kpi.Figure(dec("80"))}}}, label("H1 2016/17"))
	assert.ErrorContains(t, err, "H1 2016/17 is not one of its measurement periods (give Q2 2016/17, or a month)")
}

// TestPercentagesWithoutCounts: monthly percentages without their counts
// bound the quarter's ratio of sums between the lowest and the highest.
// 91, 93 and 95 against 90: the whole range meets the target, so the
// quarter is met. 85, 93 and 95 against 90 with detriment at 87: the range
// runs from detriment (85) to met, so the quarter is not measurable, and
// the reason gives both bounds.
func TestPercentagesWithoutCounts(t *testing.T) {
	d := mustDef(t, kpi.Spec{Ref: "P", Measure: pct, Frequency: period.Monthly(), Target: written(t, "90%"),
		Bands: kpi.TargetDetrimentFailure(dec("87"), dec("80"))})
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{d}})
	q1 := label("Q1 2016/17")
	sc, err := r.Score(regime.Input{Observations: figures("P", map[string]string{"Apr-16": "91", "May-16": "93", "Jun-16": "95"})}, q1)
	require.NoError(t, err)
	regimetest.Status(t, sc, "P", kpi.Met)
	row, _ := sc.Row("P")
	assert.Contains(t, row.Result.Reason(), "between 91% and 95%")
	lo, hi, ok := row.Result.Range()
	require.True(t, ok)
	assert.Equal(t, "91 95", lo.String()+" "+hi.String())

	sc, err = r.Score(regime.Input{Observations: figures("P", map[string]string{"Apr-16": "85", "May-16": "93", "Jun-16": "95"})}, q1)
	require.NoError(t, err)
	regimetest.Status(t, sc, "P", kpi.NotMeasurable)
	row, _ = sc.Row("P")
	assert.Contains(t, row.Result.Reason(), "between 85% and 95%")
	assert.Contains(t, row.Result.Reason(), "spans met to detriment")

	// With the counts, the quarter is rated exactly: (900+930+950) of
	// (1000+1000+1000) = 92.67%.
	in := regime.Input{Observations: []regime.Observation{
		{KPI: "P", Month: mo("Apr-16"), Obs: kpi.Counts(850, 1000)},
		{KPI: "P", Month: mo("May-16"), Obs: kpi.Counts(930, 1000)},
		{KPI: "P", Month: mo("Jun-16"), Obs: kpi.Counts(950, 1000)},
	}}
	sc, err = r.Score(in, q1)
	require.NoError(t, err)
	regimetest.Status(t, sc, "P", kpi.Met)
	row, _ = sc.Row("P")
	a, _ := row.Result.Actual()
	assert.Equal(t, "91", a.String()) // 2730/3000
}

// TestOneLedgerAcrossVersions: version 1 from April to September 2016
// (target 90%), version 2 from October (target 92%, same ref); a repeat
// multiplies by 2. Missed in September (85 against 90) and in October (85
// against 92): October follows a failure, so its 1 point is doubled to 2.
// With version 2 starting afresh (Reset), October is not a repeat: 1 point.
// The year to date to December spans both, and names both.
func TestOneLedgerAcrossVersions(t *testing.T) {
	def := func(target string) kpi.Definition {
		return mustDef(t, kpi.Spec{Ref: "CS", Measure: pct, Frequency: period.Monthly(), Target: written(t, target),
			Bands: kpi.TargetOnly().WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: dec("1")})})
	}
	months := []string{"Apr-16", "May-16", "Jun-16", "Jul-16", "Aug-16", "Sep-16", "Oct-16", "Nov-16", "Dec-16"}
	figs := map[string]string{}
	for _, m := range months {
		figs[m] = "95"
	}
	figs["Sep-16"], figs["Oct-16"] = "85", "85"
	for _, reset := range []bool{false, true} {
		v1 := mustRegime(t, regime.Spec{Name: "CSC", Version: "1", From: mo("Apr-16"), Until: mo("Oct-16"), KPIs: []kpi.Definition{def("90%")},
			Repeat: dec("2"), Credits: onePoint})
		v2 := mustRegime(t, regime.Spec{Name: "CSC", Version: "2", From: mo("Oct-16"), KPIs: []kpi.Definition{def("92%")},
			Repeat: dec("2"), Credits: onePoint, Reset: reset})
		h, err := regime.NewHistory(v1, v2)
		require.NoError(t, err)
		in := regime.Input{Observations: figures("CS", figs), Charges: charges("100000", months...)}
		oct, err := h.Score(in, mo("Oct-16").Period())
		require.NoError(t, err)
		row, _ := oct.Row("CS")
		want, wantCredit := "2", "2000" // 1 point x 2, at 1% of £100,000
		if reset {
			want, wantCredit = "1", "1000"
		}
		assert.Equal(t, want, row.Points.String(), "reset=%v", reset)
		regimetest.Credit(t, oct, wantCredit)
		assert.Equal(t, []string{"2"}, row.Versions)

		ytd, err := h.Score(in, label("YTD 2016/17 to Dec-16"))
		require.NoError(t, err)
		assert.Equal(t, []string{"1", "2"}, ytd.Versions)
		ytdRow, _ := ytd.Row("CS")
		assert.Equal(t, []string{"1", "2"}, ytdRow.Versions)
		// Money: September £1,000 + October £2,000 (or £1,000 after a reset).
		total := "3000"
		if reset {
			total = "2000"
		}
		regimetest.Credit(t, ytd, total)
		assert.Equal(t, map[kpi.Status]int{kpi.Met: 7, kpi.Missed: 2}, ytdRow.Tally)
	}
}

// TestFourWeeklyPeriodsEndingInOneMonth: four-weekly periods from 5 March
// 2016 run 5 Mar-1 Apr and 2 Apr-29 Apr: two end in April. Each is rated
// and charged (each failed: 3 points at 1% of £100,000: £3,000), so
// April's credits are £6,000.
func TestFourWeeklyPeriodsEndingInOneMonth(t *testing.T) {
	f, err := period.FourWeekly(period.Must(period.ParseDate("2016-03-05")))
	require.NoError(t, err)
	d := mustDef(t, kpi.Spec{Ref: "PPM", Measure: pct, Frequency: f, Target: written(t, "99%"),
		Bands: kpi.TargetOnly().WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: dec("3")})})
	r := mustRegime(t, regime.Spec{Name: "Rail", From: mo("Mar-16"), KPIs: []kpi.Definition{d}, Credits: onePoint})
	p1 := period.Must(period.DateRange(period.Must(period.ParseDate("2016-03-05")), period.Must(period.ParseDate("2016-04-02"))))
	p2 := period.Must(period.DateRange(period.Must(period.ParseDate("2016-04-02")), period.Must(period.ParseDate("2016-04-30"))))
	in := regime.Input{Observations: []regime.Observation{
		{KPI: "PPM", Period: p1, Obs: kpi.Figure(dec("95"))},
		{KPI: "PPM", Period: p2, Obs: kpi.Figure(dec("96"))},
	}, Charges: charges("100000", "Mar-16", "Apr-16")}
	apr, err := r.Score(in, mo("Apr-16").Period())
	require.NoError(t, err)
	rows := apr.RowsFor("PPM")
	require.Len(t, rows, 2)
	assert.Equal(t, p1, rows[0].Period)
	assert.Equal(t, p2, rows[1].Period)
	for _, row := range rows {
		assert.Equal(t, kpi.Missed, row.Status)
		assert.Equal(t, "3000.00", row.Credit.StringFixed(2))
	}
	regimetest.Credit(t, apr, "6000")
	// A month is not a four-weekly period.
	_, err = r.Run(regime.Input{Observations: figures("PPM", map[string]string{"Apr-16": "95"})})
	assert.ErrorContains(t, err, "PPM is four-weekly: give the figure for one of its 28-day periods")
}

// TestSumsAreNotRatedAgainstMonthlyLevels: a KPI with monthly failure
// levels (0 / 1 / 2) shows the year's total and how many months were in
// each status, not "3 failures: failed".
func TestSumsAreNotRatedAgainstMonthlyLevels(t *testing.T) {
	d := mustDef(t, kpi.Spec{Ref: "1", Measure: failures, Frequency: period.Monthly(), Target: written(t, "0 failures"),
		Bands: kpi.VolumeOfFailures(1, 2)})
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{d}})
	sc, err := r.Score(regime.Input{Observations: figures("1", map[string]string{"Apr-16": "0", "May-16": "1", "Jun-16": "2"})}, label("Q1 2016/17"))
	require.NoError(t, err)
	row, _ := sc.Row("1")
	assert.Equal(t, kpi.NotMeasurable, row.Status)
	// 0 + 1 + 2 = 3 failures; April met, May detriment, June failed.
	assert.Contains(t, row.Notes, "3 failures in all over Q1 2016/17, not rated against levels for one month")
	assert.Contains(t, row.Notes, "1 of 3 months failed, 1 detriment, 1 met")
	assert.Equal(t, map[kpi.Status]int{kpi.Met: 1, kpi.Detriment: 1, kpi.Failed: 1}, row.Tally)
}

// TestOnlyWhatIsAsked: scoring April 2016 stops the ledger at April: a bad
// figure in a later month is not even read.
func TestOnlyWhatIsAsked(t *testing.T) {
	r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{availability(t, "A")}})
	in := regime.Input{Observations: figures("A", map[string]string{"Apr-16": "99.5", "May-17": "101"})}
	sc, err := r.Score(in, mo("Apr-16").Period())
	require.NoError(t, err)
	regimetest.Status(t, sc, "A", kpi.Met)
	_, err = r.Run(in)
	assert.ErrorContains(t, err, "101% is outside 0 to 100")
}

// TestProfiledAcrossTwoYears: council tax collected to date, profiled per
// year: 20.31% by May 2016 toward 95.8%, 20.40% by May 2017 toward 96.0%.
// 20.35% is met in May 2016 (at least 20.31) and missed in May 2017 (short
// of 20.40), so each year's own profile decides. Scoring into 2018/19, a
// year the profile does not cover, is an error naming the KPI and the year,
// at load time where the regime's months are known.
func TestProfiledAcrossTwoYears(t *testing.T) {
	y16 := period.Must(period.FinancialYear(2016))
	y17 := y16.Next()
	prof := kpi.ExplicitYears(period.Years{}, true,
		map[period.Year]decimal.Decimal{y16: dec("95.8"), y17: dec("96.0")},
		map[period.Month]decimal.Decimal{mo("Apr-16"): dec("11.36"), mo("May-16"): dec("20.31"), mo("Apr-17"): dec("11.40"), mo("May-17"): dec("20.40")})
	d := mustDef(t, kpi.Spec{Ref: "R&B-K-001", Measure: pct, Frequency: period.Monthly(), Target: written(t, "95.8%"),
		Profile: prof, Bands: kpi.TargetOnly()})
	r := mustRegime(t, regime.Spec{Name: "PSSP", From: mo("Apr-16"), KPIs: []kpi.Definition{d}})
	in := regime.Input{Observations: figures("R&B-K-001", map[string]string{"May-16": "20.35", "May-17": "20.35"})}
	may16, err := r.Score(in, mo("May-16").Period())
	require.NoError(t, err)
	regimetest.Status(t, may16, "R&B-K-001", kpi.Met)
	may17, err := r.Score(in, mo("May-17").Period())
	require.NoError(t, err)
	regimetest.Status(t, may17, "R&B-K-001", kpi.Missed)
	row, _ := may17.Row("R&B-K-001")
	target, _ := row.Result.Target()
	assert.Equal(t, "20.4", target.String())

	// Into 2018/19: the run refuses before scoring anything.
	in.Observations = append(in.Observations, figures("R&B-K-001", map[string]string{"Apr-18": "11"})...)
	_, err = r.Run(in)
	var uy *kpi.UncoveredYearError
	require.ErrorAs(t, err, &uy)
	assert.Equal(t, "R&B-K-001", uy.Ref)
	assert.ErrorContains(t, err, "KPI R&B-K-001 has no profiled target for 2018/19")
	// A regime in force to March 2019 is refused when it is built.
	_, err = regime.New(regime.Spec{Name: "PSSP", From: mo("Apr-16"), Until: mo("Apr-19"), KPIs: []kpi.Definition{d}})
	require.ErrorAs(t, err, &uy)
	assert.ErrorContains(t, err, "kpis[0].profile: KPI R&B-K-001 has no profiled target for 2018/19")
}

// TestMeanOfPeriodsOnlyWhenSaid: where the contract defines the quarter as
// the mean of its months' figures, 85, 93 and 95 give (85 + 93 + 95) / 3 =
// 91, met against 90; without saying so, the same figures are only known
// to lie between 85 and 95, across the detriment level of 87: not
// measurable.
func TestMeanOfPeriodsOnlyWhenSaid(t *testing.T) {
	for _, c := range []struct {
		agg  kpi.Aggregation
		want kpi.Status
	}{{kpi.MeanOfPeriods, kpi.Met}, {kpi.RatioOfSums, kpi.NotMeasurable}} {
		m := pct
		m.Aggregation = c.agg
		d := mustDef(t, kpi.Spec{Ref: "P", Measure: m, Frequency: period.Monthly(), Target: written(t, "90%"),
			Bands: kpi.TargetDetrimentFailure(dec("87"), dec("80"))})
		r := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{d}})
		sc, err := r.Score(regime.Input{Observations: figures("P", map[string]string{"Apr-16": "85", "May-16": "93", "Jun-16": "95"})}, label("Q1 2016/17"))
		require.NoError(t, err)
		regimetest.Status(t, sc, "P", c.want)
		if c.agg == kpi.MeanOfPeriods {
			row, _ := sc.Row("P")
			a, _ := row.Result.Actual()
			assert.Equal(t, "91", a.String())
		}
	}
	agg, err := kpi.ParseAggregation("mean_of_periods")
	require.NoError(t, err)
	assert.Equal(t, kpi.MeanOfPeriods, agg)
}

// TestViewWithDeemedMonths: a quarter whose May and June had no figure,
// deemed failed under the regime, is not rated on April's 93.5% alone
// (missed against 95%): it is failed, deemed, and says why; and a quarter
// with a month that has no figure and no deeming says what its rating
// rests on.
func TestViewWithDeemedMonths(t *testing.T) {
	d := mustDef(t, kpi.Spec{Ref: "A", Measure: pct, Frequency: period.Monthly(), Target: written(t, "95%"),
		Bands: kpi.TargetDetrimentFailure(dec("87"), dec("84"))})
	in := regime.Input{Observations: []regime.Observation{
		{KPI: "A", Month: mo("Apr-16"), Obs: kpi.Figure(dec("93.5"))},
		{KPI: "A", Month: mo("May-16"), Obs: kpi.Missing(kpi.NoData, "")},
		{KPI: "A", Month: mo("Jun-16"), Obs: kpi.Missing(kpi.NoData, "")},
	}}
	deem := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{d}, Missing: regime.MissingRule{DeemFailed: true}})
	sc, err := deem.Score(in, label("Q1 2016/17"))
	require.NoError(t, err)
	row, _ := sc.Row("A")
	assert.Equal(t, kpi.Failed, row.Status)
	assert.True(t, row.Deemed)
	assert.Contains(t, row.Notes, "2 of 3 months had no figure and were deemed failed: the view is failed")
	assert.Equal(t, []string{"A"}, sc.Summary.Exceptions)

	plain := mustRegime(t, regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: []kpi.Definition{d}})
	sc, err = plain.Score(in, label("Q1 2016/17"))
	require.NoError(t, err)
	row, _ = sc.Row("A")
	assert.Equal(t, kpi.Missed, row.Status)
	assert.Contains(t, row.Notes, "rated on the figures of 1 of 3 months: 2 had none")
}
