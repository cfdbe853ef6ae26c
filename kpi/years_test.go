package kpi_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

func mon(label string) period.Month { return period.Must(period.ParseMonth(label)) }

func label(t testing.TB, s string) period.Period {
	t.Helper()
	p, err := period.ParseLabel(s)
	require.NoError(t, err)
	return p
}

func fyear(start int) period.Year { return period.Must(period.FinancialYear(start)) }

func octYears(t testing.TB) period.Years {
	t.Helper()
	ys, err := period.YearsStarting(time.October)
	require.NoError(t, err)
	return ys
}

// councilTax is R&B-K-001 over two years: 2016/17 builds to 95.8% (seed
// 000's April and May, and March at the annual target), 2017/18 to 96.0%.
// March 2017 is not listed: a cumulative profile's last month is its year's
// annual target.
func councilTax(t testing.TB) kpi.Definition {
	t.Helper()
	return mustDef(t, kpi.Spec{
		Ref: "R&B-K-001", Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.Latest},
		Frequency: period.Monthly(), Target: written(t, "95.8%"), Bands: kpi.TargetOnly(),
		Profile: kpi.ExplicitYears(period.Years{}, true,
			map[period.Year]decimal.Decimal{fyear(2016): dec("95.8"), fyear(2017): dec("96.0")},
			map[period.Month]decimal.Decimal{
				mon("Apr-16"): dec("11.36"), mon("May-16"): dec("20.31"),
				mon("Apr-17"): dec("11.50"), mon("May-17"): dec("20.40"), mon("Jun-17"): dec("29.10"), mon("Mar-18"): dec("96.0"),
			}),
	})
}

// TestTargetForEachYear takes each period's target from the year its last
// month falls in.
func TestTargetForEachYear(t *testing.T) {
	ctax := councilTax(t)
	// A per-period profile over two years: 82 a month and 85 for 2016/17,
	// 83 a month and 86 for 2017/18 (seed 000's CS-K-002 shape).
	perPeriod := mustDef(t, kpi.Spec{
		Ref: "CS-K-002", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(), Target: written(t, "85%"), Bands: kpi.TargetOnly(),
		Profile: kpi.ExplicitYears(period.Years{}, false,
			map[period.Year]decimal.Decimal{fyear(2016): dec("85"), fyear(2017): dec("86")},
			map[period.Month]decimal.Decimal{mon("Apr-16"): dec("82"), mon("May-16"): dec("82"), mon("Apr-17"): dec("83"), mon("May-17"): dec("83")}),
	})
	tests := []struct {
		name string
		def  kpi.Definition
		p    string
		want string
	}{
		{"cumulative, first year's month", ctax, "Apr-16", "11.36"},
		{"cumulative, second year's month", ctax, "May-17", "20.40"},
		// Q1 2017/18 is Apr-Jun 2017: cumulative, its last month's 29.10.
		{"cumulative quarter of the second year", ctax, "Q1 2017/18", "29.10"},
		// March 2017 is not listed: the last month of 2016/17 is its annual
		// target, 95.8, as a month and as the year.
		{"cumulative, last month unlisted", ctax, "Mar-17", "95.8"},
		{"cumulative year, last month unlisted", ctax, "2016/17", "95.8"},
		{"cumulative year, second", ctax, "2017/18", "96.0"},
		{"per period, month of the second year", perPeriod, "Apr-17", "83"},
		// A quarter of a per-period profile is rated against its year's
		// annual target: 85 in 2016/17, 86 in 2017/18.
		{"per period, quarter of the first year", perPeriod, "Q1 2016/17", "85"},
		{"per period, quarter of the second year", perPeriod, "Q2 2017/18", "86"},
		{"per period, the second year", perPeriod, "2017/18", "86"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.def.TargetFor(label(t, tt.p))
			require.NoError(t, err)
			assert.True(t, dec(tt.want).Equal(got), "got %s", got)
		})
	}

	// A year the profile does not cover is a typed error naming the KPI
	// and the year; a month it does not list, in a year it covers, is the
	// month's own error.
	_, err := ctax.TargetFor(month("Apr-18"))
	var ue *kpi.UncoveredYearError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, "R&B-K-001", ue.Ref)
	assert.Equal(t, fyear(2018), ue.Year)
	assert.EqualError(t, err, "KPI R&B-K-001 has no profiled target for 2018/19")
	_, err = kpi.Evaluate(ctax, month("Apr-18"), fig(t, "12"))
	assert.ErrorAs(t, err, &ue)
	_, err = ctax.TargetFor(month("Jul-17"))
	assert.EqualError(t, err, "kpi: R&B-K-001 has no profiled target for Jul-17")
	assert.False(t, errors.As(err, &ue))

	// Evaluating in the second year rates against the second year's profile.
	r, err := kpi.Evaluate(ctax, month("May-17"), fig(t, "20.39"))
	require.NoError(t, err)
	assert.Equal(t, "20.39% is below the target of 20.40%", r.Reason())
}

// TestCheckYear is the load-time check: which years a profiled KPI can be
// in force in.
func TestCheckYear(t *testing.T) {
	ctax := councilTax(t)
	oct := octYears(t)
	octProfile := mustDef(t, kpi.Spec{
		Ref: "OCT", Measure: percent(kpi.HigherIsBetter), Frequency: oct.Quarterly(), Target: written(t, "90%"), Bands: kpi.TargetOnly(),
		Profile: kpi.ExplicitYears(oct, true, map[period.Year]decimal.Decimal{period.Must(oct.Year(2016)): dec("90")},
			map[period.Month]decimal.Decimal{mon("Dec-16"): dec("22.5"), mon("Sep-17"): dec("90")}),
	})
	everyYear := mustDef(t, kpi.Spec{
		Ref: "LIN", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(), Target: written(t, "96%"), Bands: kpi.TargetOnly(),
		Profile: kpi.LinearCumulativeEveryYear(oct, dec("96"), 2),
	})
	flat := mustDef(t, validSpec(t))
	tests := []struct {
		name string
		def  kpi.Definition
		y    period.Year
		want string // the error, or "" for none
	}{
		{"first year covered", ctax, fyear(2016), ""},
		{"second year covered", ctax, fyear(2017), ""},
		{"third year not", ctax, fyear(2018), "KPI R&B-K-001 has no profiled target for 2018/19"},
		{"year before not", ctax, fyear(2015), "KPI R&B-K-001 has no profiled target for 2015/16"},
		// Years from October: 2016/17 from Oct is covered.
		{"October year covered", octProfile, period.Must(oct.Year(2016)), ""},
		{"October year not covered", octProfile, period.Must(oct.Year(2017)), "KPI OCT has no profiled target for 2017/18 from Oct"},
		// A UK financial year reaches into two October years: 2016/17
		// (Apr-16 to Mar-17) runs into 2015/16 from Oct (to Sep-16), which
		// is not covered, and 2016/17 from Oct, which is; the error names
		// the profile's own year.
		{"April year across October years", octProfile, fyear(2016), "KPI OCT has no profiled target for 2015/16 from Oct"},
		{"every year", everyYear, fyear(2040), ""},
		{"not profiled", flat, fyear(2040), ""},
		{"zero year", ctax, period.Year{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.def.CheckYear(tt.y)
			if tt.want == "" {
				assert.NoError(t, err)
				if !tt.y.IsZero() {
					assert.True(t, tt.def.Profile().Covers(tt.y))
				}
				return
			}
			var ue *kpi.UncoveredYearError
			require.ErrorAs(t, err, &ue)
			assert.EqualError(t, err, tt.want)
			assert.False(t, tt.def.Profile().Covers(tt.y))
		})
	}
	// A regime in force from Apr-16 to Mar-19 reaches 2018/19, which
	// R&B-K-001's profile does not cover.
	inForce := period.Must(period.MonthRange(mon("Apr-16"), mon("Mar-19")))
	assert.EqualError(t, ctax.CheckYears(inForce), "KPI R&B-K-001 has no profiled target for 2018/19")
	assert.NoError(t, ctax.CheckYears(period.Must(period.MonthRange(mon("Jun-16"), mon("Sep-17")))))
}

// TestProfileYears lists the years profiles cover.
func TestProfileYears(t *testing.T) {
	oct := octYears(t)
	ctax := councilTax(t).Profile()
	assert.Equal(t, []period.Year{fyear(2016), fyear(2017)}, ctax.Years())
	assert.False(t, ctax.EveryYear())
	assert.Equal(t, time.April, ctax.YearStart())
	a, ok := ctax.AnnualOf(fyear(2017))
	require.True(t, ok)
	assert.Equal(t, "96", a.String())
	_, ok = ctax.AnnualOf(fyear(2018))
	assert.False(t, ok)
	assert.Equal(t, "95.8", ctax.Annual().String(), "the first year's")

	lin := kpi.LinearCumulativeEveryYear(oct, dec("96"), 2)
	assert.Nil(t, lin.Years())
	assert.True(t, lin.EveryYear())
	assert.True(t, lin.Covers(fyear(1999)))
	assert.Equal(t, time.October, lin.YearStart())
	assert.True(t, lin.Linear())
	assert.Nil(t, lin.Weights())
	assert.Equal(t, int32(2), lin.Places())
	assert.Nil(t, lin.Months(), "a shape every year has no last month")

	byYear := kpi.LinearCumulativeByYear(period.Years{}, map[period.Year]decimal.Decimal{fyear(2016): dec("96"), fyear(2017): dec("84")}, 2)
	assert.Equal(t, []period.Year{fyear(2016), fyear(2017)}, byYear.Years())
	assert.Len(t, byYear.Months(), 24)
	assert.False(t, byYear.Covers(fyear(2018)))

	for _, p := range []kpi.Profile{{}, kpi.Flat(dec("85"))} {
		assert.Nil(t, p.Years())
		assert.True(t, p.EveryYear())
		assert.True(t, p.Covers(fyear(2016)))
		assert.Nil(t, p.Weights())
		assert.Zero(t, p.Places())
	}
	assert.False(t, kpi.Flat(dec("85")).Covers(period.Year{}))
	v, ok := kpi.Flat(dec("85")).AnnualOf(fyear(2030))
	assert.True(t, ok)
	assert.Equal(t, "85", v.String())
	_, ok = kpi.Profile{}.AnnualOf(fyear(2030))
	assert.False(t, ok)
	// A profile by year with no years covers none.
	none := kpi.LinearCumulativeByYear(period.Years{}, nil, 2)
	assert.False(t, none.EveryYear())
	assert.Empty(t, none.Years())
	assert.False(t, none.Covers(fyear(2016)))
}

// TestShapesEachYear applies one shape to each year's annual target.
func TestShapesEachYear(t *testing.T) {
	oct := octYears(t)
	weights := [12]decimal.Decimal{dec("2"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("0")}
	wEvery, err := kpi.WeightedEveryYear(period.Years{}, dec("60"), weights, true, 2)
	require.NoError(t, err)
	wPer, err := kpi.WeightedByYear(period.Years{}, map[period.Year]decimal.Decimal{fyear(2016): dec("1200"), fyear(2017): dec("2400")}, weights, false, 0)
	require.NoError(t, err)
	tests := []struct {
		name string
		p    kpi.Profile
		m    string
		want string
	}{
		// Linear every year from October at 96: month k of the year is
		// 96 × k / 12 = 8k. October is month 1, March month 6, September
		// month 12, in any year.
		{"linear every year, October", kpi.LinearCumulativeEveryYear(oct, dec("96"), 2), "Oct-16", "8"},
		{"linear every year, March", kpi.LinearCumulativeEveryYear(oct, dec("96"), 2), "Mar-17", "48"},
		{"linear every year, September", kpi.LinearCumulativeEveryYear(oct, dec("96"), 2), "Sep-17", "96"},
		{"linear every year, years later", kpi.LinearCumulativeEveryYear(oct, dec("96"), 2), "Mar-21", "48"},
		// Linear by year: 96 in 2016/17 (April 8), 84 in 2017/18 (April
		// 84/12 = 7, September 84 × 6/12 = 42).
		{"linear by year, first", kpi.LinearCumulativeByYear(period.Years{}, map[period.Year]decimal.Decimal{fyear(2016): dec("96"), fyear(2017): dec("84")}, 2), "Apr-16", "8"},
		{"linear by year, second", kpi.LinearCumulativeByYear(period.Years{}, map[period.Year]decimal.Decimal{fyear(2016): dec("96"), fyear(2017): dec("84")}, 2), "Apr-17", "7"},
		{"linear by year, second's September", kpi.LinearCumulativeByYear(period.Years{}, map[period.Year]decimal.Decimal{fyear(2016): dec("96"), fyear(2017): dec("84")}, 2), "Sep-17", "42"},
		// Weighted every year, cumulative, weights totalling 12 toward 60:
		// April 60 × 2/12 = 10, May 60 × 3/12 = 15, February 60 × 12/12 =
		// 60, in 2016/17 as in 2030/31.
		{"weighted every year, April", wEvery, "Apr-16", "10"},
		{"weighted every year, May years later", wEvery, "May-30", "15"},
		{"weighted every year, February", wEvery, "Feb-17", "60"},
		// Weighted by year, per period, to no places: April is 2/12 of the
		// year, 1200 × 2/12 = 200 and 2400 × 2/12 = 400; May 1/12, 100 and
		// 200; March 0.
		{"weighted by year, April", wPer, "Apr-16", "200"},
		{"weighted by year, April of the second", wPer, "Apr-17", "400"},
		{"weighted by year, May of the second", wPer, "May-17", "200"},
		{"weighted by year, March", wPer, "Mar-18", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.p.Target(mon(tt.m))
			require.True(t, ok)
			assert.Equal(t, tt.want, got.String())
		})
	}
	_, ok := wPer.Target(mon("Apr-18"))
	assert.False(t, ok, "2018/19 has no annual target")
	assert.Equal(t, []decimal.Decimal{dec("2"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("1"), dec("0")}, wPer.Weights())

	weights[4] = dec("-1")
	_, err = kpi.WeightedEveryYear(period.Years{}, dec("60"), weights, true, 2)
	assert.EqualError(t, err, "profile.weights[4]: a weight cannot be negative")
	_, err = kpi.WeightedByYear(period.Years{}, nil, [12]decimal.Decimal{}, true, 2)
	assert.EqualError(t, err, "profile.weights: the weights add up to zero")

	// In a definition: a per-period weighted profile's quarter is rated
	// against its year's annual target, 2400 in 2017/18.
	d := mustDef(t, kpi.Spec{Ref: "VOL", Measure: kpi.Measure{Unit: kpi.Count, Polarity: kpi.HigherIsBetter, Aggregation: kpi.Sum},
		Frequency: period.Monthly(), Target: written(t, "1200"), Profile: wPer, Bands: kpi.TargetOnly()})
	got, err := d.TargetFor(label(t, "Q1 2017/18"))
	require.NoError(t, err)
	assert.Equal(t, "2400", got.String())
}

// TestForecastSecondYear projects May 2017 against 2017/18's profile:
// 20.50 × 96.0 ÷ 20.40 = 96.470... = 96.47, on track (20.50 ≥ 20.40).
func TestForecastSecondYear(t *testing.T) {
	f, err := councilTax(t).Forecast(mon("May-17"), dec("20.50"))
	require.NoError(t, err)
	assert.Equal(t, "20.4", f.Profiled.String())
	assert.Equal(t, "96.47", f.Projected.String())
	assert.Equal(t, "96", f.Annual.String())
	assert.True(t, f.OnTrack)
	_, err = councilTax(t).Forecast(mon("May-18"), dec("20.50"))
	assert.EqualError(t, err, "KPI R&B-K-001 has no profiled target for 2018/19")
}

// TestProfileYearsValidation checks each year of a profile on its own.
func TestProfileYearsValidation(t *testing.T) {
	annual := func(kv ...any) map[period.Year]decimal.Decimal {
		m := map[period.Year]decimal.Decimal{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(period.Year)] = dec(kv[i+1].(string))
		}
		return m
	}
	months := func(kv ...string) map[period.Month]decimal.Decimal {
		m := map[period.Month]decimal.Decimal{}
		for i := 0; i < len(kv); i += 2 {
			m[mon(kv[i])] = dec(kv[i+1])
		}
		return m
	}
	oct := octYears(t)
	tests := []struct {
		name    string
		profile kpi.Profile
		bands   kpi.Bands
		wants   []string // "" for valid
	}{
		// Falling from 95.8 in March 2017 to 11.50 in April 2017 is a new
		// year, not a fall.
		{"a new year starts again", kpi.ExplicitYears(period.Years{}, true, annual(fyear(2016), "95.8", fyear(2017), "96.0"),
			months("Feb-17", "90", "Mar-17", "95.8", "Apr-17", "11.50")), kpi.TargetOnly(), nil},
		// Within 2017/18, 11.0 after 11.50 falls back.
		{"falls back within a year", kpi.ExplicitYears(period.Years{}, true, annual(fyear(2016), "95.8", fyear(2017), "96.0"),
			months("Mar-17", "95.8", "Apr-17", "11.50", "May-17", "11.0")), kpi.TargetOnly(),
			[]string{"profile[2017-05]: a cumulative profile cannot fall back: 11 after 11.5 in 2017-04"}},
		// March 2018 must be 2017/18's 96.0, not 2016/17's 95.8.
		{"ends at its own year's annual target", kpi.ExplicitYears(period.Years{}, true, annual(fyear(2016), "95.8", fyear(2017), "96.0"),
			months("Mar-17", "95.8", "Mar-18", "95.8")), kpi.TargetOnly(),
			[]string{"profile[2018-03]: a cumulative profile must end at the annual target 96 of 2017/18, not 95.8"}},
		{"beyond its own year's annual target", kpi.ExplicitYears(period.Years{}, true, annual(fyear(2016), "95.8", fyear(2017), "96.0"),
			months("Jan-17", "95.9", "Jan-18", "95.9")), kpi.TargetOnly(),
			[]string{"profile[2017-01]: 95.9 is beyond the annual target 95.8 of 2016/17 that the profile builds to"}},
		{"a month of a year without an annual target", kpi.ExplicitYears(period.Years{}, true, annual(fyear(2016), "95.8", fyear(2017), "96.0"),
			months("Apr-16", "11", "Apr-17", "11", "Apr-18", "11")), kpi.TargetOnly(),
			[]string{"profile[2018-04]: 2018-04 is in 2018/19, a year the profile has no annual target for"}},
		{"an annual target without months", kpi.ExplicitYears(period.Years{}, true, annual(fyear(2016), "95.8", fyear(2018), "96.0"),
			months("Apr-16", "11")), kpi.TargetOnly(),
			[]string{"profile.annual[2018/19]: the profile lists no month of 2018/19"}},
		{"a percent annual target over 100", kpi.ExplicitYears(period.Years{}, false, annual(fyear(2016), "95.8", fyear(2017), "101"),
			months("Apr-16", "90", "Apr-17", "100.5")), kpi.TargetOnly(),
			[]string{"profile.annual[2017/18]: 101% is outside 0 to 100", "profile[2017-04]: 100.5% is outside 0 to 100"}},
		{"a year from another month", kpi.ExplicitYears(period.Years{}, false, annual(period.Must(oct.Year(2016)), "95.8"),
			months("Nov-16", "90")), kpi.TargetOnly(),
			[]string{"profile.annual[2016/17 from Oct]: 2016/17 from Oct does not start in April, as the profile's years do",
				"profile[2016-11]: 2016-11 is not in the year 2016/17 from Oct: this profile covers one year"}},
		// Months of October years: September 2016 belongs to 2015/16 from
		// Oct, which has no annual target.
		{"October years group the months", kpi.ExplicitYears(oct, true, annual(period.Must(oct.Year(2016)), "90"),
			months("Sep-16", "85", "Oct-16", "10", "Sep-17", "90")), kpi.TargetOnly(),
			[]string{"profile[2016-09]: 2016-09 is not in the year 2016/17 from Oct: this profile covers one year"}},
		{"one-year Explicit across two years", kpi.Explicit(dec("95.8"), true, months("Apr-16", "11.36", "Apr-17", "11.50")), kpi.TargetOnly(),
			[]string{"profile[2017-04]: 2017-04 is not in the year 2016/17: this profile covers one year"}},
		// Rounded to 2 places, 95.825 × 12/12 is 95.83, which is not 95.825.
		{"linear by year cannot end at its target", kpi.LinearCumulativeByYear(period.Years{}, annual(fyear(2016), "95.8", fyear(2017), "95.825"), 2), kpi.TargetOnly(),
			[]string{"profile.annual[2017/18]: rounded to 2 places the profile ends 2017/18 at 95.83, not at its annual target 95.825"}},
		{"linear every year cannot end at its target", kpi.LinearCumulativeEveryYear(period.Years{}, dec("95.825"), 2), kpi.TargetOnly(),
			[]string{"profile.places: rounded to 2 places the profile ends each year at 95.83, not at the annual target 95.825"}},
		{"every year over 100", kpi.LinearCumulativeEveryYear(period.Years{}, dec("120"), 2), kpi.TargetOnly(),
			[]string{"profile.annual: 120% is outside 0 to 100"}},
		{"by year with no years", kpi.LinearCumulativeByYear(period.Years{}, nil, 2), kpi.TargetOnly(),
			[]string{"profile.annual: a profile by year needs the annual target of at least one year"}},
		// The ladder is checked against every year's targets: detriment at
		// 87 and failure at 84 fit 2016/17's target of 90, but not
		// 2017/18's 86, which is below the detriment level.
		{"the ladder against the second year", kpi.ExplicitYears(period.Years{}, false, annual(fyear(2016), "90", fyear(2017), "86"),
			months("Apr-16", "90", "Apr-17", "86")), kpi.TargetDetrimentFailure(dec("87"), dec("84")),
			[]string{"bands[1].level: 87 must be below the target 86 for a higher-is-better measure: the missed band would be empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := kpi.Spec{Ref: "P", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(),
				Target: written(t, "90%"), Profile: tt.profile, Bands: tt.bands}
			_, err := kpi.New(spec)
			if tt.wants == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, kpi.ErrInvalid)
			for _, w := range tt.wants {
				assert.ErrorContains(t, err, w)
			}
		})
	}
}

// TestProfileYearsEqual compares profiles over several years.
func TestProfileYearsEqual(t *testing.T) {
	ys := map[period.Year]decimal.Decimal{fyear(2016): dec("95.8"), fyear(2017): dec("96.0")}
	ms := map[period.Month]decimal.Decimal{mon("Apr-16"): dec("11.36"), mon("Apr-17"): dec("11.50")}
	a := kpi.ExplicitYears(period.Years{}, true, ys, ms)
	assert.True(t, a.Equal(kpi.ExplicitYears(period.Years{}, true, ys, ms)))
	// The constructor copies its maps.
	ys[fyear(2017)] = dec("97")
	assert.False(t, a.Equal(kpi.ExplicitYears(period.Years{}, true, ys, ms)))
	a2, _ := a.AnnualOf(fyear(2017))
	assert.True(t, dec("96.0").Equal(a2))

	// One year, however built: Explicit, ExplicitYears and LinearCumulative
	// give the same months the same targets.
	fy := fyear(2016)
	lin := kpi.LinearCumulative(fy, dec("96"), 2)
	byMonth := map[period.Month]decimal.Decimal{}
	for _, m := range lin.Months() {
		byMonth[m], _ = lin.Target(m)
	}
	assert.True(t, lin.Equal(kpi.Explicit(dec("96"), true, byMonth)))
	assert.True(t, lin.Equal(kpi.ExplicitYears(period.Years{}, true, map[period.Year]decimal.Decimal{fy: dec("96")}, byMonth)))
	// A shape is equal only to the same shape.
	every := kpi.LinearCumulativeEveryYear(period.Years{}, dec("96"), 2)
	assert.True(t, every.Equal(kpi.LinearCumulativeEveryYear(period.Years{}, dec("96"), 2)))
	assert.False(t, every.Equal(kpi.LinearCumulativeEveryYear(period.Years{}, dec("96"), 3)))
	assert.False(t, every.Equal(kpi.LinearCumulativeEveryYear(octYears(t), dec("96"), 2)))
	assert.False(t, every.Equal(kpi.LinearCumulativeByYear(period.Years{}, map[period.Year]decimal.Decimal{fy: dec("96")}, 2)))
	assert.False(t, every.Equal(lin))
	w := [12]decimal.Decimal{}
	for i := range w {
		w[i] = dec("1")
	}
	weighted, err := kpi.WeightedEveryYear(period.Years{}, dec("96"), w, true, 2)
	require.NoError(t, err)
	assert.False(t, every.Equal(weighted), "the same targets, but weights are not the linear shape")

	// Definitions with them compare by their profiles.
	spec := kpi.Spec{Ref: "X", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(), Target: written(t, "96%"), Bands: kpi.TargetOnly(), Profile: every}
	d := mustDef(t, spec)
	assert.True(t, d.Equal(mustDef(t, spec)))
	assert.True(t, d.Equal(mustDef(t, d.Spec())))
	spec.Profile = weighted
	assert.False(t, d.Equal(mustDef(t, spec)))
}

// TestLadderEachYearOfAShape checks the ladder against a shape's targets in
// every year: twelve equal weights per period spread 1080 as 90 a month in
// 2016/17, above the detriment level of 87, but 1032 as 86 a month in
// 2017/18, below it.
func TestLadderEachYearOfAShape(t *testing.T) {
	var w [12]decimal.Decimal
	for i := range w {
		w[i] = dec("1")
	}
	spec := kpi.Spec{Ref: "N", Measure: kpi.Measure{Unit: kpi.Number, Polarity: kpi.HigherIsBetter, Aggregation: kpi.Sum},
		Frequency: period.Monthly(), Target: written(t, "1080"), Bands: kpi.TargetDetrimentFailure(dec("87"), dec("84"))}
	var err error
	spec.Profile, err = kpi.WeightedByYear(period.Years{}, map[period.Year]decimal.Decimal{fyear(2016): dec("1080")}, w, false, 2)
	require.NoError(t, err)
	mustDef(t, spec)
	spec.Profile, err = kpi.WeightedByYear(period.Years{}, map[period.Year]decimal.Decimal{fyear(2016): dec("1080"), fyear(2017): dec("1032")}, w, false, 2)
	require.NoError(t, err)
	_, err = kpi.New(spec)
	assert.ErrorContains(t, err, "bands[1].level: 87 must be below the target 86 for a higher-is-better measure: the missed band would be empty")
}
