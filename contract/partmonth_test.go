package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// franchiseFile is a franchise whose regime changed on 30 November 2019:
// the old regime (P1 at 90%, 2 points when missed) runs until November,
// the new one (P1 at 95%, 3 points) takes effect on the 30th; 1% of the
// month's charges (£30,000) a point. PART is replaced by the way the
// contract rates November.
const franchiseFile = `
id: RAIL
start: 2019-04-01
monthly_charge: 30000
regimes:
  - name: Franchise
    version: "1"
    from: 2019-04
    until: 2019-11
    kpis:
      - {ref: P1, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums},
         frequency: monthly, target: 90%, bands: {scheme: target_only, points: {missed: 2}}}
    credits: [{type: points, rate: 1}]
  - name: Franchise
    version: "2"
    from: 2019-11-30
PART    kpis:
      - {ref: P1, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums},
         frequency: monthly, target: 95%, bands: {scheme: target_only, points: {missed: 3}}}
    credits: [{type: points, rate: 1}]
`

// TestEachPartThroughAFile, worked by hand: November is shared by days,
// 29 to the old regime (£29,000 of £30,000) and 1 to the new (£1,000).
// 85% for 1-29 November is missed against 90%: 2 x 1% x £29,000 = £580;
// 93% for 30 November is missed against 95%: 3 x 1% x £1,000 = £30.
// A whole-month figure for November is refused: each part needs its own.
func TestEachPartThroughAFile(t *testing.T) {
	file := strings.Replace(franchiseFile, "PART", "    part_month: each_part\n", 1)
	c, err := contract.Decode(strings.NewReader(file), "rail.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader(
		"kpi,period,value\nP1,2019-11-01..2019-11-29,85\nP1,2019-11-30..2019-11-30,93\n"), "rail.csv", c)
	require.NoError(t, err)
	sc, err := c.Score(obs, period.Must(period.ParseLabel("Nov-19")))
	require.NoError(t, err)
	require.Len(t, sc.Rows, 2)
	assert.Equal(t, "580", sc.Rows[0].Credit.String())
	assert.Equal(t, "30", sc.Rows[1].Credit.String())
	assert.Equal(t, "610", sc.Summary.Credits.String())
	assert.Equal(t, []string{"1", "2"}, sc.Versions)

	_, err = contract.ReadObservations(strings.NewReader("kpi,period,value\nP1,Nov-19,85\n"), "rail.csv", c)
	require.Error(t, err)
	assert.EqualError(t, err, "rail.csv:2: period: Nov-19 is shared by two regimes, each rating its part on its own figure: give P1's figure for 2019-11-01 to 2019-11-29 and for 2019-11-30 to 2019-11-30")

	written := roundTrip(t, c, "rail")
	assert.Contains(t, written[contract.YAML], "from: 2019-11-30\n    part_month: each_part\n")
}

// TestMajorityThroughAFile: under majority, 30 November is one day of
// thirty, so November goes whole to the old regime: a figure of 85% for
// November is missed against its 90%, 2 points, 2% of £30,000 = £600, and
// the new regime's first month is December.
func TestMajorityThroughAFile(t *testing.T) {
	file := strings.Replace(franchiseFile, "PART", "    part_month: majority\n", 1)
	file = strings.Replace(file, "    until: 2019-11\n", "    until: 2019-12\n", 1)
	c, err := contract.Decode(strings.NewReader(file), "rail.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nP1,Nov-19,85\nP1,Dec-19,93\n"), "rail.csv", c)
	require.NoError(t, err)
	nov, err := c.Score(obs, period.Must(period.ParseLabel("Nov-19")))
	require.NoError(t, err)
	assert.Equal(t, []string{"1"}, nov.Versions)
	assert.Equal(t, "600", nov.Summary.Credits.String())
	dec19, err := c.Score(obs, period.Must(period.ParseLabel("Dec-19")))
	require.NoError(t, err)
	assert.Equal(t, []string{"2"}, dec19.Versions)
	// 93% against the new 95%: missed, 3 points, 3% of £30,000 = £900.
	assert.Equal(t, "900", dec19.Summary.Credits.String())
}

// TestPartMonthSaidOrRefused: a regime taking effect part-way through a
// month must say how that month is rated.
func TestPartMonthSaidOrRefused(t *testing.T) {
	file := strings.Replace(franchiseFile, "PART", "", 1)
	_, err := contract.Decode(strings.NewReader(file), "rail.yaml", contract.YAML)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "rail.yaml:16: regimes[1].from: Franchise takes effect on 2019-11-30, part-way through November 2019: say how that month is rated, as part_month: majority (by the regime in force for most of it) or each_part (each part on its own figure)")
}
