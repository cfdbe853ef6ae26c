package regime_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/regimetest"
)

// TestRailPeriodsSharingAMonth: periods of 28 days from 2 April, P13
// absorbing. 2022/23 (2 April 2022 to 1 April 2023, 365 days) has P13 from
// 4 March to 1 April 2023 (2 April 2022 + 334 days is 2 March 2023, + 336
// is 4 March; 29 days); 2023/24's P1 is 2 to 29 April 2023, P2 30 April to
// 27 May, P3 28 May to 24 June. So April 2023 holds the ends of P13
// 2022/23 and P1 2023/24. PPM at 80% for P13 misses 90%: 3 points, 1% of
// £100,000 each, £3,000 accrued in April; P1 to P3 at 95% are met.
func TestRailPeriodsSharingAMonth(t *testing.T) {
	cal := period.Must(period.NewPeriodCalendar(time.April, 2, period.AbsorbLast))
	d := mustDef(t, kpi.Spec{Ref: "PPM", Measure: pct, Frequency: period.Must(period.Periodic(cal)), Target: written(t, "90%"),
		Bands: kpi.TargetOnly().WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: dec("3")})})
	r := mustRegime(t, regime.Spec{Name: "Rail", From: mo("Apr-23"), KPIs: []kpi.Definition{d}, Credits: onePoint})
	p13 := period.Must(cal.Period(13, 2022))
	require.Equal(t, "2023-03-04..2023-04-01", p13.Start().String()+".."+p13.Last().String())
	in := regime.Input{Observations: []regime.Observation{{KPI: "PPM", Period: p13, Obs: kpi.Figure(dec("80"))}},
		Charges: charges("100000", "Apr-23", "May-23", "Jun-23")}
	for n := 1; n <= 3; n++ {
		in.Observations = append(in.Observations, regime.Observation{KPI: "PPM", Period: period.Must(cal.Period(n, 2023)), Obs: kpi.Figure(dec("95"))})
	}

	// April: both periods' rows, P13 first.
	apr, err := r.Score(in, mo("Apr-23").Period())
	require.NoError(t, err)
	rows := apr.RowsFor("PPM")
	require.Len(t, rows, 2)
	assert.Equal(t, "P13 2022/23", rows[0].Period.String())
	assert.Equal(t, kpi.Missed, rows[0].Status)
	assert.Equal(t, "P1 2023/24", rows[1].Period.String())
	assert.Equal(t, kpi.Met, rows[1].Status)
	regimetest.Credit(t, apr, "3000")

	// P13 2022/23's view is its own row, and April's money.
	sc, err := r.Score(in, p13)
	require.NoError(t, err)
	require.Len(t, sc.RowsFor("PPM"), 1)
	assert.Equal(t, kpi.Missed, sc.Rows[0].Status)
	assert.Equal(t, "3", sc.Summary.Points.String())
	regimetest.Credit(t, sc, "3000")

	// P1 2023/24's view: its own row, met; April's money, which P13
	// accrued, as the documented rule says.
	p1 := period.Must(cal.Period(1, 2023))
	sc, err = r.Score(in, p1)
	require.NoError(t, err)
	require.Len(t, sc.Rows, 1)
	assert.Equal(t, p1, sc.Rows[0].Period)
	assert.Equal(t, kpi.Met, sc.Rows[0].Status)
	assert.True(t, sc.Summary.Points.IsZero())
	regimetest.Credit(t, sc, "3000")

	// Q1 2023/24, P1 to P3: rated on those three (95% each: met), not on
	// P13 2022/23, whose end April shares; the money is April to June's.
	q1 := period.Must(cal.Quarter(1, 2023))
	sc, err = r.Score(in, q1)
	require.NoError(t, err)
	row, ok := sc.Row("PPM")
	require.True(t, ok)
	assert.Equal(t, kpi.Met, row.Status)
	assert.Equal(t, map[kpi.Status]int{kpi.Met: 3}, row.Tally)
	regimetest.Credit(t, sc, "3000")

	// A month is not a rail period; nor are days that are not one.
	_, err = r.Run(regime.Input{Observations: figures("PPM", map[string]string{"May-23": "95"})})
	assert.ErrorContains(t, err, "PPM is measured in periods: give the figure for one of its periods (such as P2 2023/24, 2023-04-30..2023-05-27), not May-23")
	days := period.Must(period.DateRange(p1.Start(), p1.End().AddDays(1)))
	_, err = r.Run(regime.Input{Observations: []regime.Observation{{KPI: "PPM", Period: days, Obs: kpi.Figure(dec("95"))}}})
	assert.ErrorContains(t, err, "not 2023-04-02 to 2023-04-30")
	// The same days as a period are that period.
	same := period.Must(period.DateRange(p1.Start(), p1.End()))
	led, err := r.Run(regime.Input{Observations: []regime.Observation{{KPI: "PPM", Period: same, Obs: kpi.Figure(dec("80"))}},
		Charges: charges("100000", "Apr-23")})
	require.NoError(t, err)
	sc, err = led.Scorecard(p1)
	require.NoError(t, err)
	assert.Equal(t, kpi.Missed, sc.Rows[0].Status)
}

// TestRailPeriodTrendAYearBefore: a periodic KPI's row is compared with
// the same period a year before, P5 2022/23 for P5 2023/24 (calendar from
// 1 April, last absorbing), not with the row of the month twelve months
// before. P5 2022/23 at 85%, P6 2022/23 at 99%, and P5 2023/24 at 90%:
// against P5 2022/23 improving, against the period before it (P4 2023/24
// at 95%) worsening.
func TestRailPeriodTrendAYearBefore(t *testing.T) {
	cal := period.Must(period.NewPeriodCalendar(time.April, 1, period.AbsorbLast))
	d := mustDef(t, kpi.Spec{Ref: "PPM", Measure: pct, Frequency: period.Must(period.Periodic(cal)), Target: written(t, "90%"), Bands: kpi.TargetOnly()})
	r := mustRegime(t, regime.Spec{Name: "Rail", From: mo("Apr-22"), KPIs: []kpi.Definition{d}})
	obs := func(n, y int, v string) regime.Observation {
		return regime.Observation{KPI: "PPM", Period: period.Must(cal.Period(n, y)), Obs: kpi.Figure(dec(v))}
	}
	in := regime.Input{Observations: []regime.Observation{obs(5, 2022, "85"), obs(6, 2022, "99"), obs(4, 2023, "95"), obs(5, 2023, "90")}}
	p5 := period.Must(cal.Period(5, 2023))
	sc, err := r.Score(in, p5)
	require.NoError(t, err)
	row, ok := sc.Row("PPM")
	require.True(t, ok)
	assert.True(t, row.HasTrendYear)
	assert.Equal(t, kpi.Improving, row.TrendYear)
	assert.True(t, row.HasTrend)
	assert.Equal(t, kpi.Worsening, row.Trend)
	// P4 2023/24 has no P4 2022/23 to compare with.
	sc, err = r.Score(in, period.Must(cal.Period(4, 2023)))
	require.NoError(t, err)
	assert.False(t, sc.Rows[0].HasTrendYear)
}
