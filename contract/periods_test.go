package contract_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
)

// railFile is a contract reported in rail periods: thirteen 28-day periods
// from 1 April, P13 taking the odd days. PPM is measured each period, COMP
// each month; a point is 1% of the month's charge of £10,000. PERIODS is
// replaced by the calendar.
const railFile = `
id: RAIL
start: 2023-04-01
monthly_charge: 10000
PERIODS
regimes:
  - name: Performance
    version: "2023"
    from: 2023-04
    kpis:
      - ref: PPM
        description: Public performance measure
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: periodic
        target: 90%
        bands: {scheme: target_only, points: {missed: 2}}
      - ref: COMP
        description: Complaints answered in 10 days
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_only, points: {missed: 1}}
    credits: [{type: points, rate: 1}]
`

const railRule = "periods: {year_start: 04-01, absorb: last}"

// railReturn reports P4 to P6 and P12 and P13 of 2023/24 for PPM, in
// every label form a return may use, and July to September 2023 for COMP.
const railReturn = `kpi,period,value,numerator,denominator
PPM,P4 2023/24,,920,1000
PPM,p05 2023/24,,880,1000
PPM,2023-08-19..2023-09-15,,900,1000
PPM,Period 12 2023/24,91,,
PPM,P13 2023/24,85,,
COMP,Jul-23,,96,100
COMP,Aug-23,,95,100
COMP,Sep-23,,80,100
`

func railContract(t *testing.T, periods string) *contract.Contract {
	t.Helper()
	c, err := contract.Decode(strings.NewReader(strings.Replace(railFile, "PERIODS", periods, 1)), "rail.yaml", contract.YAML)
	require.NoError(t, err)
	return c
}

// TestRailPeriodsThroughAFile scores periods, a quarter of them and a
// month from a contract file and a CSV return, worked by hand. 2023/24 from
// 1 April, P13 absorbing: P4 is 24 June to 21 July, P5 22 July to 18
// August, P6 19 August to 15 September, P12 3 February to 1 March 2024, P13
// 2 to 31 March 2024 (see period's TestPeriodCalendarPeriods).
func TestRailPeriodsThroughAFile(t *testing.T) {
	c := railContract(t, railRule)
	assert.Equal(t, "13 periods a year from 1 April, the last absorbing the odd days", c.Periods().String())
	obs, err := contract.ReadObservations(strings.NewReader(railReturn), "rail.csv", c)
	require.NoError(t, err)

	score := func(label string) map[string]string {
		t.Helper()
		p, err := c.ParsePeriod(label)
		require.NoError(t, err, label)
		sc, err := c.Score(obs, p)
		require.NoError(t, err, label)
		got := map[string]string{"period": sc.Period.String(), "points": sc.Summary.Points.String(), "credits": sc.Summary.Credits.String()}
		for _, r := range sc.Rows {
			got[r.KPI] = r.Period.String() + " " + r.Status.String() + " " + r.Credit.String()
		}
		return got
	}
	tests := []struct {
		label string
		want  map[string]string
	}{
		// P5 ends on 18 August: a view of August. PPM 880 of 1,000 = 88%
		// is below 90%: missed, 2 points, 2% of £10,000 = £200. COMP, a
		// monthly KPI, shows August's row: 95 of 100, met. August has no
		// other money.
		{"P5 2023/24", map[string]string{"period": "P5 2023/24", "PPM": "P5 2023/24 missed 200", "COMP": "2023-08 met 0", "points": "2", "credits": "200"}},
		// The days of P6 read as P6: 900 of 1,000 = 90%, met at the target.
		// COMP's September, 80 of 100, missed: 1 point, £100.
		{"P6 2023/24", map[string]string{"period": "P6 2023/24", "PPM": "P6 2023/24 met 0", "COMP": "2023-09 missed 100", "points": "1", "credits": "100"}},
		// Q2 is P4 to P6, ending in July, August and September: PPM is
		// (920 + 880 + 900) of 3,000 = 90%, met; COMP (96 + 95 + 80) of
		// 300 = 90.33%, met. The money is the months': P5's £200 in
		// August and COMP's September miss, 80% < 90%, 1 point, £100.
		{"Q2 2023/24", map[string]string{"period": "Q2 2023/24", "PPM": "Q2 2023/24 met 200", "COMP": "Q2 2023/24 met 100", "points": "3", "credits": "300"}},
		// P12 (ends 1 March) and P13 (ends 31 March) both end in March
		// 2024. P13: 85% < 90%, missed, £200; P12: 91%, met. Each view
		// shows its own row and March's money, £200. COMP shows March's row
		// in both: it has no figure for March, no data, nothing deemed.
		{"P13 2023/24", map[string]string{"period": "P13 2023/24", "PPM": "P13 2023/24 missed 200", "COMP": "2024-03 no_data 0", "points": "2", "credits": "200"}},
		{"P12 2023/24", map[string]string{"period": "P12 2023/24", "PPM": "P12 2023/24 met 0", "COMP": "2024-03 no_data 0", "points": "0", "credits": "200"}},
		// A month is as it always was: August 2023 has P5's row.
		{"Aug-23", map[string]string{"period": "2023-08", "PPM": "P5 2023/24 missed 200", "COMP": "2023-08 met 0", "points": "2", "credits": "200"}},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			assert.Equal(t, tt.want, score(tt.label))
		})
	}

	roundTrip(t, c, "rail")
}

// TestRailPeriodsReturnErrors: a return is read as its KPI's frequency
// reads it, and says what is wrong on the row's line.
func TestRailPeriodsReturnErrors(t *testing.T) {
	c := railContract(t, railRule)
	for _, tt := range []struct{ row, want string }{
		{"PPM,Aug-23,88", "rail.csv:2: period: PPM is measured in periods: give the figure for one of its periods (such as P5 2023/24, 2023-07-22..2023-08-18), not Aug-23"},
		{"PPM,2023-07-22..2023-08-19,88", "rail.csv:2: period: PPM is measured in periods: give the figure for one of its periods (such as P5 2023/24, 2023-07-22..2023-08-18), not 2023-07-22 to 2023-08-19"},
		{"PPM,P14 2023/24,88", `rail.csv:2: period: cannot read "P14 2023/24" as a period label: period 14: a year has 13 periods, P1 to P13`},
		{"PPM,Q2 2023/24,88", `rail.csv:2: period: "Q2 2023/24" is a rail quarter: give the figure for its month or its KPI's measurement period`},
		{"COMP,P5 2023/24,88", `rail.csv:2: period: "P5 2023/24" is a period of the contract's calendar, but COMP is not measured in periods: give its month or measurement period`},
	} {
		t.Run(tt.row, func(t *testing.T) {
			_, err := contract.ReadObservations(strings.NewReader("kpi,period,value\n"+tt.row+"\n"), "rail.csv", c)
			require.Error(t, err)
			assert.EqualError(t, err, tt.want)
		})
	}
	// Without a calendar, a P-label says so.
	plain := strings.Replace(strings.Replace(railFile, "PERIODS", "", 1), "frequency: periodic", "frequency: monthly", 1)
	c2, err := contract.Decode(strings.NewReader(plain), "plain.yaml", contract.YAML)
	require.NoError(t, err)
	_, err = contract.ReadObservations(strings.NewReader("kpi,period,value\nPPM,P5 2023/24,88\n"), "plain.csv", c2)
	assert.EqualError(t, err, `plain.csv:2: period: "P5 2023/24" is a rail period, but the contract states no period calendar (periods) to read it in`)
}

// TestRailPeriodsFileErrors: a calendar that cannot be is an error on its
// line, naming the field.
func TestRailPeriodsFileErrors(t *testing.T) {
	for _, tt := range []struct{ periods, want string }{
		{"periods: {year_start: 02-29, absorb: last}", `rail.yaml:5: periods.year_start: cannot read "02-29" as a year start day: 29 February is not in every year, so years cannot start on it`},
		{"periods: {year_start: 04-01}", "rail.yaml:5: periods.absorb: say which period absorbs the day or two over 364 days: first or last"},
		{"periods: {year_start: 04-01, absorb: middle}", `rail.yaml:5: periods.absorb: cannot read "middle" as a rule for the odd days (want first or last: the period that takes the odd days)`},
		{"periods: {absorb: last, starts: [2023-04-01]}", "rail.yaml:5: periods.starts: give either year_start and absorb (a rule) or starts (a list), not both"},
		{"periods: {starts: [2023-04-01, 2023-04-29]}", "rail.yaml:5: periods.starts: 2 start dates do not make whole years of 13 periods: give each year's 13 starts and then the day after the last period (14 dates for one year, 27 for two)"},
		{"periods:\n  starts:\n    - 2023-04-01\n    - 2023-04-31", `rail.yaml:8: periods.starts[1]: cannot read "2023-04-31" as a date: day 31 is outside 1 to 30 for April 2023`},
		// No calendar at all: periodic cannot be read.
		{"", `rail.yaml:14: regimes[0].kpis[0].frequency: cannot read "periodic" as a frequency: a periodic frequency is measured in the periods of a period calendar, and none is given (a contract file states it as periods)`},
	} {
		t.Run(tt.periods, func(t *testing.T) {
			_, err := contract.Decode(strings.NewReader(strings.Replace(railFile, "PERIODS", tt.periods, 1)), "rail.yaml", contract.YAML)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestRailPeriodsListed reads a calendar of listed starts: 2023/24 as the
// rule has it but for P13, which ends on 30 March 2024 because 2024/25's P1
// starts on 31 March. P13 2023/24 is then 2 to 30 March, 29 days.
func TestRailPeriodsListed(t *testing.T) {
	c := railContract(t, `periods:
  starts: [2023-04-01, 2023-04-29, 2023-05-27, 2023-06-24, 2023-07-22, 2023-08-19, 2023-09-16,
           2023-10-14, 2023-11-11, 2023-12-09, 2024-01-06, 2024-02-03, 2024-03-02, 2024-03-31]`)
	assert.True(t, c.Periods().IsListed())
	p, err := c.ParsePeriod("P13 2023/24")
	require.NoError(t, err)
	assert.Equal(t, "2024-03-02..2024-03-30", p.Start().String()+".."+p.Last().String())
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nPPM,P13 2023/24,85\n"), "rail.csv", c)
	require.NoError(t, err)
	sc, err := c.Score(obs, p)
	require.NoError(t, err)
	row, ok := sc.Row("PPM")
	require.True(t, ok)
	assert.Equal(t, kpi.Missed, row.Status)
	// Past its last year, there is no period to read.
	_, err = c.ParsePeriod("P1 2024/25")
	assert.ErrorContains(t, err, "2024/25 is outside the period calendar's years, 2023/24 to 2023/24")
	roundTrip(t, c, "listed")
}

// ExampleContract_ParsePeriod scores a rail period from a contract whose
// years are thirteen 28-day periods from 1 April.
func ExampleContract_ParsePeriod() {
	c, err := contract.Decode(strings.NewReader(strings.Replace(railFile, "PERIODS", railRule, 1)), "rail.yaml", contract.YAML)
	if err != nil {
		panic(err)
	}
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nPPM,P5 2023/24,88.0\nCOMP,Aug-23,95\n"), "rail.csv", c)
	if err != nil {
		panic(err)
	}
	p5, _ := c.ParsePeriod("P5 2023/24")
	sc, err := c.Score(obs, p5)
	if err != nil {
		panic(err)
	}
	fmt.Println(p5, "runs", p5.Start(), "to", p5.Last())
	for _, r := range sc.Rows {
		fmt.Println(r.KPI, r.Period, r.Status, r.Credit)
	}
	// Output:
	// P5 2023/24 runs 2023-07-22 to 2023-08-18
	// PPM P5 2023/24 missed 200
	// COMP 2023-08 met 0
}

// TestFileFormatRailPeriods reads the rail periods example of
// docs/file-format.md and scores its quarter, worked by hand: Q2 2023/24 is
// P4 to P6, (920 + 880 + 900) of 3,000 = 90%, met; P5's 88% was missed, 2
// points, 2% of £10,000 = £200 in August.
func TestFileFormatRailPeriods(t *testing.T) {
	doc, err := os.ReadFile("../docs/file-format.md")
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(doc), "## Rail periods\n")
	require.True(t, ok)
	block := func(lang string) string {
		_, rest, ok := strings.Cut(section, "```"+lang+"\n")
		require.True(t, ok, lang)
		text, _, _ := strings.Cut(rest, "```")
		return text
	}
	c, err := contract.Decode(strings.NewReader(block("yaml")), "file-format.md", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader(block("csv")), "file-format.md", c)
	require.NoError(t, err)
	q2, err := c.ParsePeriod("Q2 2023/24")
	require.NoError(t, err)
	sc, err := c.Score(obs, q2)
	require.NoError(t, err)
	row, ok := sc.Row("PPM")
	require.True(t, ok)
	assert.Equal(t, kpi.Met, row.Status)
	assert.Equal(t, "200", sc.Summary.Credits.String())
}

// TestRailPeriodsInOtherYears: a contract whose years start in October
// with periods from 1 April reads its periods' labels in the calendar and
// the others in its own years: H1 2023/24 is October 2023 to March 2024.
func TestRailPeriodsInOtherYears(t *testing.T) {
	c := railContract(t, "year_start: October\n"+railRule)
	p, err := c.ParsePeriod("P1 2023/24")
	require.NoError(t, err)
	assert.Equal(t, "2023-04-01..2023-04-28", p.Start().String()+".."+p.Last().String())
	h, err := c.ParsePeriod("H1 2023/24")
	require.NoError(t, err)
	assert.Equal(t, "2023-10-01..2024-03-31", h.Start().String()+".."+h.Last().String())
	roundTrip(t, c, "rail-oct")
}
