package contract_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// fiveYearsYAML is a five-year revenues contract whose years run from
// October: a council tax profile year by year, each year with its own annual
// target; an annual survey; a linear path to the written target every year;
// and last year's shape applied to each year's business rates target.
const fiveYearsYAML = `id: REV-5
name: Revenues, five years
start: 2016-10-01
end: 2021-09-30
year_start: October
regimes:
  - name: Revenues
    from: 2016-10
    until: 2021-10
    kpis:
      - ref: CTAX
        description: Council tax collected to date
        measure: &pct {unit: percent, polarity: higher_is_better, precision: 2, aggregation: latest}
        frequency: quarterly
        target: 96.0%
        profile:
          cumulative: true
          annual_targets: {2016/17: 95.8, 2017/18: 96.0, 2018/19: 96.2, 2019/20: 96.4, 2020/21: 96.5}
          months:
            Dec-16: 30.10
            Mar-17: 58.40
            Jun-17: 80.20
            Sep-17: 95.8
            Dec-17: 30.20
            Mar-18: 58.50
            Jun-18: 80.30
            Sep-18: 96.0
            Dec-18: 30.30
            Mar-19: 58.60
            Jun-19: 80.40
            Sep-19: 96.2
            Dec-19: 30.40
            Mar-20: 58.70
            Jun-20: 80.50
            Sep-20: 96.4
            Dec-20: 30.50
            Mar-21: 58.80
            Jun-21: 80.60
            Sep-21: 96.5
      - ref: SURVEY
        measure: *pct
        frequency: annual
        target: 85%
      - ref: BEN
        measure: *pct
        frequency: six-monthly
        target: 90%
      - ref: COL
        measure: *pct
        frequency: monthly
        target: 96%
        profile: {linear: true, every_year: true}
      - ref: NNDR
        measure: *pct
        frequency: monthly
        target: 97%
        profile:
          weights: [12, 9, 9, 9, 8, 7, 8, 9, 8, 7, 4, 0]
          cumulative: true
          annual_targets: {2016/17: 97.0, 2017/18: 97.1, 2018/19: 97.2, 2019/20: 97.4, 2020/21: 97.5}
`

func decodeYAML(t *testing.T, name, text string) *contract.Contract {
	t.Helper()
	c, err := contract.Decode(strings.NewReader(text), name, contract.YAML)
	require.NoError(t, err)
	return c
}

func indicator(t *testing.T, c *contract.Contract, m, ref string) kpi.Definition {
	t.Helper()
	r, ok := c.RegimeAt(mo(m))
	require.True(t, ok)
	d, ok := r.KPI(ref)
	require.True(t, ok, ref)
	return d
}

// TestYearStartReachesFrequencies reads the contract's frequencies in its
// years from October.
func TestYearStartReachesFrequencies(t *testing.T) {
	c := decodeYAML(t, "rev5.yaml", fiveYearsYAML)
	oct := period.Must(period.YearsStarting(time.October))
	tests := []struct {
		ref    string
		want   period.Frequency
		due    []time.Month
		month  string
		period string // the measurement period of month
	}{
		// Quarters of years from October end Dec, Mar, Jun, Sep; Nov-16 is
		// in Q1 2016/17 from Oct, Oct-16 to Dec-16.
		{"CTAX", oct.Quarterly(), []time.Month{time.March, time.June, time.September, time.December}, "Nov-16", "Q1 2016/17 from Oct"},
		// The annual survey is due in September, the year's last month.
		{"SURVEY", oct.Annual(), []time.Month{time.September}, "Jan-17", "2016/17 from Oct"},
		// Halves: Oct-Mar and Apr-Sep.
		{"BEN", oct.SixMonthly(), []time.Month{time.March, time.September}, "Apr-17", "H2 2016/17 from Oct"},
		{"COL", period.Monthly(), []time.Month{time.January, time.February, time.March, time.April, time.May, time.June,
			time.July, time.August, time.September, time.October, time.November, time.December}, "Apr-17", "Apr-17"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			f := indicator(t, c, "Oct-16", tt.ref).Frequency()
			assert.Equal(t, tt.want, f)
			assert.Equal(t, tt.due, f.DueMonths())
			assert.Equal(t, tt.period, f.PeriodOf(mo(tt.month)).Label(period.Short))
		})
	}
}

// TestYearStartReachesProfiles reads the profiles in years from October and
// takes each period's target from its own year.
func TestYearStartReachesProfiles(t *testing.T) {
	c := decodeYAML(t, "rev5.yaml", fiveYearsYAML)
	oct := period.Must(period.YearsStarting(time.October))
	y := func(start int) period.Year { return period.Must(oct.Year(start)) }
	tests := []struct {
		ref, period, want string
	}{
		// CTAX: each quarter of a year from October against that year's
		// cumulative profile: Q1 2016/17 (Oct-Dec 2016) 30.10, Q1 2017/18
		// 30.20, Q4 2020/21 (Jul-Sep 2021) the year's 96.5.
		{"CTAX", "Q1 2016/17 from Oct", "30.10"},
		{"CTAX", "Q1 2017/18 from Oct", "30.20"},
		{"CTAX", "Q2 2019/20 from Oct", "58.70"},
		{"CTAX", "Q4 2020/21 from Oct", "96.5"},
		{"CTAX", "2018/19 from Oct", "96.2"},
		// COL: the written 96% every year, month k of the year 96 × k / 12:
		// October 8, March (month 6) 48, September 96, in any year.
		{"COL", "Oct-16", "8"},
		{"COL", "Mar-17", "48"},
		{"COL", "Sep-21", "96"},
		{"COL", "Mar-21", "48"},
		// NNDR: weights adding up to 90, the first six to 54. October 2016:
		// 97.0 × 12/90 = 12.933... = 12.93; March 2017: 97.0 × 54/90 =
		// 58.2; October 2020: 97.5 × 12/90 = 13; March 2021: 97.5 × 54/90 =
		// 58.5; September 2021: 97.5.
		{"NNDR", "Oct-16", "12.93"},
		{"NNDR", "Mar-17", "58.2"},
		{"NNDR", "Oct-20", "13"},
		{"NNDR", "Mar-21", "58.5"},
		{"NNDR", "Sep-21", "97.5"},
	}
	for _, tt := range tests {
		t.Run(tt.ref+" "+tt.period, func(t *testing.T) {
			d := indicator(t, c, "Oct-16", tt.ref)
			p, err := oct.Parse(tt.period)
			require.NoError(t, err)
			got, err := d.TargetFor(p)
			require.NoError(t, err)
			assert.True(t, dec(tt.want).Equal(got), "got %s", got)
		})
	}
	ctax := indicator(t, c, "Oct-16", "CTAX").Profile()
	assert.Equal(t, []period.Year{y(2016), y(2017), y(2018), y(2019), y(2020)}, ctax.Years())
	assert.Equal(t, time.October, ctax.YearStart())
	// Every year the contract runs is covered; the year after it is not.
	for start := 2016; start <= 2020; start++ {
		for _, ref := range []string{"CTAX", "COL", "NNDR"} {
			assert.NoError(t, indicator(t, c, "Oct-16", ref).CheckYear(y(start)), "%s %d", ref, start)
		}
	}
	err := indicator(t, c, "Oct-16", "CTAX").CheckYear(y(2021))
	assert.EqualError(t, err, "KPI CTAX has no profiled target for 2021/22 from Oct")
	assert.NoError(t, indicator(t, c, "Oct-16", "COL").CheckYear(y(2021)))
}

// TestYearsRoundTrip writes the five-year contract and reads it back.
func TestYearsRoundTrip(t *testing.T) {
	text := roundTrip(t, decodeYAML(t, "rev5.yaml", fiveYearsYAML), "rev5")[contract.YAML]
	// The year start is said once; frequencies and years are written in it.
	assert.Contains(t, text, "\nyear_start: October\n")
	assert.Contains(t, text, "frequency: quarterly\n")
	assert.Contains(t, text, "frequency: annual\n")
	assert.NotContains(t, text, "from Oct")
	assert.Contains(t, text, "annual_targets: {2016/17: 95.8, 2017/18: 96.0,")
	assert.Contains(t, text, "profile: {linear: true, every_year: true}\n")
}

// TestSeveralYearsAprilContract is a contract in UK financial years with one
// months profile over two years: one annual target for both (scalar annual),
// and months grouped into 2016/17 and 2017/18.
func TestSeveralYearsAprilContract(t *testing.T) {
	text := `id: PSSP
start: 2016-04-01
regimes:
  - name: PSSP
    from: 2016-04
    until: 2018-04
    kpis:
      - ref: R&B-K-002
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: latest}
        frequency: monthly
        target: 97.8%
        profile:
          cumulative: true
          months: {Apr-16: 11.56, May-16: 19.84, Mar-17: 97.8, Apr-17: 11.60, May-17: 19.90, Mar-18: 97.8}
`
	c := decodeYAML(t, "pssp.yaml", text)
	d := indicator(t, c, "Apr-16", "R&B-K-002")
	fy := func(start int) period.Year { return period.Must(period.FinancialYear(start)) }
	assert.Equal(t, []period.Year{fy(2016), fy(2017)}, d.Profile().Years())
	for _, y := range d.Profile().Years() {
		a, _ := d.Profile().AnnualOf(y)
		assert.Equal(t, "97.8", a.String(), "the KPI's target, each year")
	}
	got, err := d.TargetFor(mo("May-17").Period())
	require.NoError(t, err)
	assert.Equal(t, "19.9", got.String())
	written := roundTrip(t, c, "pssp")[contract.YAML]
	assert.NotContains(t, written, "year_start")
	assert.NotContains(t, written, "annual")
}

// TestYearsMixedStarts writes a contract whose KPIs count years from
// different months: the shape every year fixes the year start (October),
// and a profile and a frequency of UK financial years say "from Apr".
func TestYearsMixedStarts(t *testing.T) {
	oct := period.Must(period.YearsStarting(time.October))
	fy := period.Must(period.FinancialYear(2016))
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.Latest}
	mk := func(ref string, f period.Frequency, p kpi.Profile) kpi.Definition {
		d, err := kpi.New(kpi.Spec{Ref: ref, Measure: pct, Frequency: f, Target: kpi.Written{Value: dec("96"), Unit: kpi.Percent}, Profile: p, Bands: kpi.TargetOnly()})
		require.NoError(t, err)
		return d
	}
	weights := [12]decimal.Decimal{}
	for i := range weights {
		weights[i] = dec("1")
	}
	byYear, err := kpi.WeightedByYear(period.Years{}, map[period.Year]decimal.Decimal{fy: dec("96"), fy.Next(): dec("96.5")}, weights, false, 3)
	require.NoError(t, err)
	defs := []kpi.Definition{
		mk("EVERY", oct.Quarterly(), kpi.LinearCumulativeEveryYear(oct, dec("96"), 2)),
		mk("APRIL", period.Quarterly(), kpi.LinearCumulative(fy, dec("96"), 2)),
		mk("APRIL2", period.Annual(), kpi.ExplicitYears(period.Years{}, true,
			map[period.Year]decimal.Decimal{fy: dec("95"), fy.Next(): dec("95")},
			map[period.Month]decimal.Decimal{mo("Apr-16"): dec("10"), mo("Apr-17"): dec("11")})),
		mk("SHARE", period.Monthly(), byYear),
	}
	r, err := regime.New(regime.Spec{Name: "Mixed", From: mo("Apr-16"), Until: mo("Apr-17"), KPIs: defs})
	require.NoError(t, err)
	c, err := contract.New(contract.Spec{ID: "MIXED", Start: date("2016-04-01"), End: date("2017-04-01"), Regimes: []*regime.Regime{r}})
	require.NoError(t, err)
	text := roundTrip(t, c, "mixed")[contract.YAML]
	assert.Contains(t, text, "year_start: October")
	assert.Contains(t, text, "frequency: quarterly from Apr\n")
	assert.Contains(t, text, "frequency: annual due Mar\n") // March ends no year from October
	assert.Contains(t, text, "year: 2016/17 from Apr\n")
	assert.Contains(t, text, "2017/18 from Apr: 96.5}\n")

	// Two shapes every year in years from different months cannot share
	// one year_start.
	r2, err := regime.New(regime.Spec{Name: "Clash", From: mo("Apr-16"), KPIs: []kpi.Definition{
		defs[0], mk("APRIL3", period.Monthly(), kpi.LinearCumulativeEveryYear(period.Years{}, dec("96"), 2))}})
	require.NoError(t, err)
	c2, err := contract.New(contract.Spec{ID: "CLASH", Start: date("2016-04-01"), Regimes: []*regime.Regime{r2}})
	require.NoError(t, err)
	err = contract.Encode(io.Discard, c2, contract.YAML)
	assert.EqualError(t, err, `contract "CLASH": KPI EVERY's profile applies every year in years from October, and KPI APRIL3's in years from April: a contract file has one year_start`)
}

// TestYearsFileMistakes reports each mistake with the new fields at its
// field and line.
func TestYearsFileMistakes(t *testing.T) {
	line := func(old, new string) string {
		require.Contains(t, fiveYearsYAML, old)
		return strings.Replace(fiveYearsYAML, old, new, 1)
	}
	tests := []struct{ name, text, want string }{
		{"a year start that is not a month", line("year_start: October", "year_start: Octember"),
			`rev5.yaml:5: year_start: "Octember" is not a month: write the month the contract's years start in (April, October)`},
		{"a frequency from no month", line("frequency: quarterly", "frequency: quarterly from Foo"),
			`rev5.yaml:14: regimes[0].kpis[0].frequency: cannot read "quarterly from Foo" as a frequency: "foo" is not a month name`},
		{"annual and annual_targets", line("cumulative: true\n          annual_targets", "cumulative: true\n          annual: 96\n          annual_targets"),
			"rev5.yaml:19: regimes[0].kpis[0].profile.annual_targets: give annual (one target for every year) or annual_targets (one for each year), not both"},
		{"a year that is a quarter", line("2016/17: 95.8,", "Q1 2016/17: 95.8,"),
			`rev5.yaml:18: regimes[0].kpis[0].profile.annual_targets[Q1 2016/17]: cannot read "Q1 2016/17" as a year (want 2016/17, or 2016/17 from Sep)`},
		{"the same year twice", line("2017/18: 96.0,", "2016/2017: 96.0,"),
			"rev5.yaml:18: regimes[0].kpis[0].profile.annual_targets[2016/2017]: 2016/2017 is the same year as 2016/17"},
		{"years from two months", line("2017/18: 96.0,", "2017/18 from Apr: 96.0,"),
			"rev5.yaml:18: regimes[0].kpis[0].profile.annual_targets[2017/18 from Apr]: 2017/18 from Apr starts in April, but 2016/17 starts in October: a profile's years all start in the same month"},
		// A year with no annual target: each of its months is a mistake.
		{"a year without its annual target", line(", 2020/21: 96.5}", "}"),
			"rev5.yaml:36: regimes[0].kpis[0].profile.months[Dec-20]: 2020-12 is in 2020/21 from Oct, a year the profile has no annual target for\n" +
				"rev5.yaml:37: regimes[0].kpis[0].profile.months[Mar-21]: 2021-03 is in 2020/21 from Oct, a year the profile has no annual target for\n" +
				"rev5.yaml:38: regimes[0].kpis[0].profile.months[Jun-21]: 2021-06 is in 2020/21 from Oct, a year the profile has no annual target for\n" +
				"rev5.yaml:39: regimes[0].kpis[0].profile.months[Sep-21]: 2021-09 is in 2020/21 from Oct, a year the profile has no annual target for"},
		// Over 100, and so September 2019's 96.2 does not end at it.
		{"an annual target over 100", line("2018/19: 96.2,", "2018/19: 101,"),
			"rev5.yaml:18: regimes[0].kpis[0].profile.annual_targets[2018/19]: 101% is outside 0 to 100\n" +
				"rev5.yaml:31: regimes[0].kpis[0].profile.months[Sep-19]: a cumulative profile must end at the annual target 101 of 2018/19 from Oct, not 96.2"},
		// Each year ends at its own annual target: September 2018 must be
		// 2017/18's 96.0.
		{"a year that does not end at its own target", line("Sep-18: 96.0", "Sep-18: 95.9"),
			"rev5.yaml:27: regimes[0].kpis[0].profile.months[Sep-18]: a cumulative profile must end at the annual target 96 of 2017/18 from Oct, not 95.9"},
		{"falling back within the second year", line("Mar-18: 58.50", "Mar-18: 30.00"),
			"rev5.yaml:25: regimes[0].kpis[0].profile.months[Mar-18]: a cumulative profile cannot fall back: 30 after 30.2 in 2017-12"},
		{"a year with no months", line("2020/21: 96.5}", "2020/21: 96.5, 2021/22: 96.6}"),
			"rev5.yaml:18: regimes[0].kpis[0].profile.annual_targets[2021/22]: the profile lists no month of 2021/22 from Oct"},
		{"every year and a year", line("{linear: true, every_year: true}", "{linear: true, every_year: true, year: 2016/17}"),
			"rev5.yaml:52: regimes[0].kpis[3].profile.every_year: give the linear profile's one year or every_year: true, not both"},
		{"every year and annual targets", line("{linear: true, every_year: true}", "{linear: true, every_year: true, annual_targets: {2016/17: 96}}"),
			"rev5.yaml:52: regimes[0].kpis[3].profile.annual_targets: a linear profile for every year takes one annual target (annual, or the KPI's target), not annual_targets"},
		{"every year on a flat profile", line("{linear: true, every_year: true}", "{flat: true, every_year: true}"),
			"rev5.yaml:52: regimes[0].kpis[3].profile.every_year: a flat profile does not take every_year"},
		{"a linear path that cannot end at its target", line("{linear: true, every_year: true}", "{linear: true, every_year: true, annual: 95.825}"),
			"rev5.yaml:52: regimes[0].kpis[3].profile.places: rounded to 2 places the profile ends each year at 95.83, not at the annual target 95.825"},
		{"an every-year annual target over 100", line("{linear: true, every_year: true}", "{linear: true, every_year: true, annual: 120}"),
			"rev5.yaml:52: regimes[0].kpis[3].profile.annual: 120% is outside 0 to 100"},
		{"weights by year with a year", line("cumulative: true\n          annual_targets: {2016/17: 97.0", "cumulative: true\n          year: 2016/17\n          annual_targets: {2016/17: 97.0"),
			"rev5.yaml:61: regimes[0].kpis[4].profile.annual_targets: a weighted profile for one year (year: 2016/17) takes annual, not annual_targets"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := contract.Decode(strings.NewReader(tc.text), "rev5.yaml", contract.YAML)
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

// TestCalendarYearContract reads years that start in January, written 2016.
func TestCalendarYearContract(t *testing.T) {
	text := `id: CAL
start: 2016-01-01
year_start: Jan
regimes:
  - name: Calendar
    from: 2016-01
    until: 2018-01
    kpis:
      - ref: SAT
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: latest}
        frequency: annual
        target: 80%
      - ref: LIN
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: latest}
        frequency: quarterly
        target: 96%
        profile: {linear: true, annual_targets: {2016: 96, 2017: 84}}
`
	c := decodeYAML(t, "cal.yaml", text)
	sat := indicator(t, c, "Jan-16", "SAT")
	assert.Equal(t, []time.Month{time.December}, sat.Frequency().DueMonths())
	assert.Equal(t, "2016", sat.Frequency().PeriodOf(mo("Jun-16")).Label(period.Short))
	lin := indicator(t, c, "Jan-16", "LIN")
	// Q2 2016 is April to June: month 6 of 12, 96 × 6/12 = 48; Q1 2017 ends
	// in March, month 3, 84 × 3/12 = 21.
	for _, tt := range []struct{ month, want string }{{"May-16", "48"}, {"Feb-17", "21"}} {
		got, err := lin.TargetFor(lin.Frequency().PeriodOf(mo(tt.month)))
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.String(), tt.month)
	}
	var buf bytes.Buffer
	require.NoError(t, contract.Encode(&buf, c, contract.YAML))
	assert.Contains(t, buf.String(), "year_start: January\n")
	assert.Contains(t, buf.String(), "{2016: 96, 2017: 84}")
	back := decodeYAML(t, "cal.yaml", buf.String())
	assert.True(t, c.Equal(back), buf.String())

	_, err := contract.Decode(strings.NewReader(strings.Replace(text, "{2016: 96,", "{2016/17: 96,", 1)), "cal.yaml", contract.YAML)
	assert.EqualError(t, err, `cal.yaml:17: regimes[0].kpis[1].profile.annual_targets[2016/17]: cannot read "2016/17" as a year (want 2016, or 2016/17 from Apr)`)
}

// A contract whose years run from October states it once: its quarterly
// KPIs measure the contract's quarters, its annual survey falls due in
// September, and its council tax profile gives each year its own path and
// annual target.
func ExampleDecode_yearStart() {
	c, err := contract.Decode(strings.NewReader(`
id: REV
start: 2016-10-01
end: 2018-09-30
year_start: October
regimes:
  - name: Revenues
    from: 2016-10
    until: 2018-10
    kpis:
      - ref: CTAX
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: latest}
        frequency: quarterly
        target: 96%
        profile:
          cumulative: true
          annual_targets: {2016/17: 95.8, 2017/18: 96.0}
          months: {Dec-16: 30.10, Mar-17: 58.40, Jun-17: 80.20, Dec-17: 30.20, Mar-18: 58.50, Jun-18: 80.30}
      - ref: SURVEY
        measure: {unit: percent, polarity: higher_is_better, precision: 0, aggregation: latest}
        frequency: annual
        target: 85%
`), "rev.yaml", contract.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := c.RegimeAt(period.Must(period.ParseMonth("Oct-16")))
	ctax, _ := r.KPI("CTAX")
	survey, _ := r.KPI("SURVEY")
	for _, m := range []string{"Nov-16", "Aug-17", "Feb-18", "Sep-18"} {
		q := ctax.Frequency().PeriodOf(period.Must(period.ParseMonth(m)))
		t, _ := ctax.TargetFor(q)
		fmt.Printf("%s is in %s, target %s%%\n", m, q.Label(period.Short), t)
	}
	fmt.Println("survey due in", survey.Frequency().DueMonths())
	// A quarter is rated against its last month's cumulative target; the
	// file lists no September, the year's last month, so Q4 is rated against
	// the year's annual target.
	// Output:
	// Nov-16 is in Q1 2016/17 from Oct, target 30.1%
	// Aug-17 is in Q4 2016/17 from Oct, target 95.8%
	// Feb-18 is in Q2 2017/18 from Oct, target 58.5%
	// Sep-18 is in Q4 2017/18 from Oct, target 96%
	// survey due in [September]
}
