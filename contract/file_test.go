package contract_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// richContract uses every feature the file format has: each band scheme and
// an explicit ladder, every kind of profile, exceed rules, a rating scale,
// tiers, labels, the missing rule, relief of each kind, the four credit
// rules, caps, every escalation rule and two regimes one after the other.
// The figures are made up; only the round trip matters here.
func richContract(t testing.TB) *contract.Contract {
	t.Helper()
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	low := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.LowerIsBetter, Precision: 1, Aggregation: kpi.RatioOfSums, RoundBeforeBanding: true}
	fails := kpi.Measure{Unit: kpi.Failures, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}
	rating := kpi.Measure{Unit: kpi.Rating, Polarity: kpi.HigherIsBetter, Precision: 1, Aggregation: kpi.WeightedMean, ScaleMin: dec("1"), ScaleMax: dec("5")}
	days := kpi.Measure{Unit: kpi.Days, Polarity: kpi.LowerIsBetter, Precision: 2, Aggregation: kpi.WeightedMean}
	points := map[kpi.Status]decimal.Decimal{kpi.Missed: dec("1"), kpi.Detriment: dec("2"), kpi.Failed: dec("3")}
	y := period.Years{}.Of(mo("Apr-16"))
	weighted, err := kpi.Weighted(y, dec("96.5"), [12]decimal.Decimal{dec("10"), dec("9"), dec("8.5"), dec("8"), dec("8"), dec("8"), dec("8"), dec("8"), dec("8"), dec("8"), dec("8"), dec("8")}, true, 2)
	require.NoError(t, err)
	ladder, err := kpi.NewBands(
		kpi.Band{Name: "Excellent", Status: kpi.Exceeded, Reach: kpi.PercentOf(dec("110")).Exclusive()},
		kpi.Band{Name: "Good", Status: kpi.Met, Reach: kpi.Target()},
		kpi.Band{Name: "Close", Status: kpi.Tolerance, Reach: kpi.Offset(dec("-2.5"))},
		kpi.Band{Name: "Poor", Status: kpi.Failed, Points: dec("4")},
	)
	require.NoError(t, err)
	spec := func(ref, target string, m kpi.Measure, bands kpi.Bands) kpi.Spec {
		w, err := kpi.ParseWritten(target)
		require.NoError(t, err)
		return kpi.Spec{Ref: ref, Description: "KPI " + ref, ServiceArea: "Area", Measure: m, Frequency: period.Monthly(), Target: w, Bands: bands}
	}
	mk := func(s kpi.Spec) kpi.Definition {
		d, err := kpi.New(s)
		require.NoError(t, err)
		return d
	}
	s1 := spec("1", "0 failures", fails, kpi.VolumeOfFailures(1, 2).WithPoints(points))
	s1.Contractual = true
	s2 := spec("R&B-K-001", "95.80%", pct, kpi.TargetTolerance(kpi.Offset(dec("-0.5"))))
	s2.Profile = kpi.Explicit(dec("95.80"), true, map[period.Month]decimal.Decimal{mo("Apr-16"): dec("11.36"), mo("May-16"): dec("20.31")})
	s2.Frequency = period.Must(period.ParseFrequency("quarterly"))
	s3 := spec("3", "90.0%", pct, kpi.TargetDetrimentFailure(dec("87.0"), dec("84.0")).WithPoints(points))
	s3.Exceed = kpi.ExceedAt(kpi.Abs(dec("98")))
	s4 := spec("10", "< 5%", low, kpi.TargetOnly())
	s4.Tier = kpi.TierPI
	// A score scale with no target: its levels are figures.
	s5 := spec("SAT", "no target", rating, kpi.ScoreBands(3, dec("2"), dec("3"), dec("3.5"), dec("4.5")))
	s5.Frequency = period.Must(period.ParseFrequency("six-monthly due Sep"))
	s5.Tier = kpi.TierPI
	// A contextual measure: no target, no bands.
	s10 := spec("CALLS", "no target", low, kpi.Bands{})
	s10.Tier = kpi.TierContextual
	s6 := spec("CSC_KPI_04", "95%", pct, kpi.TargetAndMinimum(dec("90")))
	s6.Profile = kpi.Flat(dec("95"))
	s7 := spec("COL", "96.5%", pct, kpi.TargetOnly())
	s7.Profile = weighted
	s8 := spec("LIN", "98%", pct, ladder)
	s8.Profile = kpi.LinearCumulative(y, dec("98"), 3)
	s9 := spec("DAYS", "14.00 days", days, kpi.TargetTolerance(kpi.Abs(dec("16"))))
	s9.Exceed = kpi.ExceedWhenBetter()
	var defs []kpi.Definition
	for _, s := range []kpi.Spec{s1, s2, s3, s4, s5, s6, s7, s8, s9, s10} {
		defs = append(defs, mk(s))
	}
	old, err := regime.New(regime.Spec{Name: "Main", Version: "2015", From: mo("Apr-15"), Until: mo("Apr-16"), KPIs: defs[2:3], Exceed: kpi.ExceedWhenBetter()})
	require.NoError(t, err)
	cur, err := regime.New(regime.Spec{
		Name: "Main", Version: "2016", From: mo("Apr-16"), KPIs: defs,
		Labels:             map[kpi.Status]string{kpi.Met: "Target Met", kpi.Tolerance: "Within 'Tolerance'", kpi.NotMeasurable: "Not Measurable"},
		RoundBeforeBanding: true,
		Missing:            regime.MissingRule{DeemFailed: true, Status: kpi.Detriment, Points: dec("2.5")},
		Failing:            kpi.Detriment,
		Repeat:             dec("2"),
		MitigatedCount:     true,
		Relief: []regime.Relief{
			{Kind: regime.Exclusion, KPI: "10", From: mo("Jun-16"), Through: mo("Jul-16"), Reason: "System migration"},
			{Kind: regime.Mitigation, KPI: "3", From: mo("Aug-16"), Reason: "Agreed at the board"},
			{Kind: regime.CustomerCause, KPI: "1", From: mo("Sep-16"), Through: mo("Sep-16"), Reason: "Council change freeze"},
		},
		Credits: []regime.CreditRule{
			regime.NewPointsCredit(dec("0.5")),
			regime.NewShortfallCredit("3", "COL"),
			regime.NewFixedCredit("1", map[kpi.Status]decimal.Decimal{kpi.Failed: dec("500.00")}, dec("100")),
			regime.NewAtRiskCredit(regime.PercentOfCharges(dec("12")), map[string]decimal.Decimal{"3": dec("60"), "LIN": dec("40")}),
		},
		Caps: regime.Caps{PerPeriod: regime.Pounds(dec("5000")), Rolling: regime.PercentOfCharges(dec("10")), Window: 6},
		Escalation: []regime.Rule{
			regime.NFailuresInM("material failure", 3, 6),
			regime.KConsecutive("rectification plan", 2).ForKPI("3").WithPlan(regime.PlanRule{SubmitWithin: 10, CloseAfter: 3, Overdue: "critical failure", Repeat: "termination right"}),
			regime.PointsInWindow("critical", 3, dec("20")),
			regime.StatusReached("below minimum", kpi.Failed).ForKPI("CSC_KPI_04"),
		},
		Rounding: regime.HalfEven,
		Reset:    true,
		EarnBack: regime.EarnBack{Mode: regime.Repay, Periods: 3, Share: dec("50"), Limit: dec("10000")},
		Incentives: []regime.Incentive{{KPI: "3", Benchmark: dec("92.0"), Per: dec("0.1"), Bonus: dec("1000"), Deduction: dec("500"),
			Fund: dec("50000"), Index: []regime.IndexStep{{From: mo("Apr-17"), Factor: dec("1.032")}}}},
	})
	require.NoError(t, err)
	c, err := contract.New(contract.Spec{
		ID: "RICH-1", Name: "Everything", Customer: "A Council", Supplier: "A Supplier",
		// The term ends with 2016/17: the profiles are for that year alone, and
		// a later year would be a load-time error.
		Start: date("2015-04-01"), End: date("2017-04-01"), Services: []string{"ICT", "Revenues & Benefits"},
		MonthlyCharge: dec("18306.52"), Charges: map[period.Month]decimal.Decimal{mo("Apr-16"): dec("18306.50"), mo("May-16"): dec("0")},
		OpeningCredits: map[period.Month]decimal.Decimal{mo("Mar-15"): dec("250.00")},
		Regimes:        []*regime.Regime{old, cur},
	})
	require.NoError(t, err)
	return c
}

func TestRoundTrip(t *testing.T) { roundTrip(t, richContract(t), "rich") }

// roundTrip writes c in YAML and in JSON, reads each back, checks that the
// contract read back is Equal to c and that writing it again gives the same
// bytes, and returns the text written in each format.
func roundTrip(t *testing.T, c *contract.Contract, name string) map[contract.Format]string {
	t.Helper()
	out := map[contract.Format]string{}
	for _, f := range []contract.Format{contract.YAML, contract.JSON} {
		t.Run(f.String(), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, contract.Encode(&buf, c, f))
			back, err := contract.Decode(bytes.NewReader(buf.Bytes()), name+"."+strings.ToLower(f.String()), f)
			require.NoError(t, err, buf.String())
			assert.True(t, c.Equal(back), "the contract read back differs:\n%s", buf.String())
			// Writing it again gives the same bytes.
			var again bytes.Buffer
			require.NoError(t, contract.Encode(&again, back, f))
			assert.Equal(t, buf.String(), again.String())
			out[f] = buf.String()
		})
	}
	return out
}
