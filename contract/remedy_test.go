package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// tramFile is a tram contract from 1 December 2019 whose performance
// points are charged over a baseline that steps down by contract year: 10
// points in the first (Dec-19 to Nov-20), 8 in the second, 6 after. Each
// punctuality KPI is worth 3 points when failed (below 95%), 1 when missed
// (95% to 98%); £500 a point over the baseline.
const tramFile = `
id: TRAM
start: 2019-12-01
regimes:
  - name: Tram performance
    version: "2019"
    from: 2019-12
    kpis:
      - ref: P1
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: 98%
        bands: {scheme: target_and_minimum, minimum: 95, points: {missed: 1, failed: 3}}
      - ref: P2
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: 98%
        bands: {scheme: target_and_minimum, minimum: 95, points: {missed: 1, failed: 3}}
      - ref: P3
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: 98%
        bands: {scheme: target_and_minimum, minimum: 95, points: {missed: 1, failed: 3}}
      - ref: P4
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: 98%
        bands: {scheme: target_and_minimum, minimum: 95, points: {missed: 1, failed: 3}}
    remedy:
      rate: £500
      baseline_by_contract_year: [10, 8, 6]
`

// TestRemedyThroughAFile, worked by hand from the file above and the
// return below:
//
//	month   P1    P2    P3    P4    points         baseline  over  remedy
//	Nov-20  90 3  90 3  90 3  96 1  3+3+3+1 = 10   10 (yr 1)  0    nothing
//	Dec-20  90 3  90 3  90 3  96 1  10             8 (yr 2)   2    2 x £500 = £1,000
//	Dec-21  90 3  96 1  99 0  99 0  4              6 (yr 3)   0    nothing
//	Dec-22  90 3  90 3  96 1  99 0  7              6 (yr 3+)  1    £500
//
// Only the points over the baseline are charged: Dec-20's 10 points charge
// 2, not 10.
func TestRemedyThroughAFile(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(tramFile), "tram.yaml", contract.YAML)
	require.NoError(t, err)
	const figures = `kpi,period,value
P1,Nov-20,90
P2,Nov-20,90
P3,Nov-20,90
P4,Nov-20,96
P1,Dec-20,90
P2,Dec-20,90
P3,Dec-20,90
P4,Dec-20,96
P1,Dec-21,90
P2,Dec-21,96
P3,Dec-21,99
P4,Dec-21,99
P1,Dec-22,90
P2,Dec-22,90
P3,Dec-22,96
P4,Dec-22,99
`
	obs, err := contract.ReadObservations(strings.NewReader(figures), "tram.csv", c)
	require.NoError(t, err)
	for _, w := range []struct{ month, points, over, remedy string }{
		{"Nov-20", "10", "0", "0"},
		{"Dec-20", "10", "2", "1000"},
		{"Dec-21", "4", "0", "0"},
		{"Dec-22", "7", "1", "500"},
	} {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(w.month)))
		require.NoError(t, err)
		assert.Equal(t, w.points, sc.Summary.Points.String(), w.month)
		assert.Equal(t, w.over, sc.Summary.PointsOverBaseline.String(), w.month)
		assert.Equal(t, w.remedy, sc.Summary.Remedy.String(), w.month)
		assert.Equal(t, w.remedy, sc.Summary.Credits.String(), w.month)
	}

	// Written back, the baselines are by month, and read back the same.
	written := roundTrip(t, c, "tram")
	assert.Contains(t, written[contract.YAML], "remedy: {rate: £500.00, baseline: {2019-12: 10, 2020-12: 8, 2021-12: 6}}\n")
}

// TestRemedyFileErrors: a remedy says its baseline one way, and has one.
func TestRemedyFileErrors(t *testing.T) {
	for _, c := range []struct{ edit, want string }{
		{"      baseline: {2019-12: 10}\n      baseline_by_contract_year: [10, 8, 6]\n",
			"regimes[0].remedy.baseline_by_contract_year: give baseline or baseline_by_contract_year, not both"},
		{"", "regimes[0].remedy: a remedy needs a baseline (baseline: {2016-04: 10}) or baseline_by_contract_year: [10, 8]"},
		{"      baseline: {2020-01: 10}\n",
			"tram.yaml:31: regimes[0].remedy.baseline: the first baseline is from 2020-01, after the regime's first month 2019-12: a month would have none"},
	} {
		text := strings.Replace(tramFile, "      baseline_by_contract_year: [10, 8, 6]\n", c.edit, 1)
		_, err := contract.Decode(strings.NewReader(text), "tram.yaml", contract.YAML)
		require.Error(t, err)
		assert.Contains(t, err.Error(), c.want)
	}
}
