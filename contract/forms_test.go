package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
)

// formsYAML has a profile (lines 11, 16 and 21) of each form, a shared measure by anchor and
// merge key, and a ladder.
const formsYAML = `id: FORMS
start: 2016-04-01
regimes:
  - name: Forms
    from: 2016-04
    kpis:
      - ref: LIN
        measure: &pct {unit: percent, polarity: higher_is_better, precision: 2, aggregation: latest}
        frequency: monthly
        target: 96%
        profile: {linear: true, year: 2016/17}
      - ref: WEI
        measure: *pct
        frequency: monthly
        target: 60%
        profile: {weights: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0], year: 2016/17, cumulative: true, places: 2}
      - ref: FLAT
        measure: {<<: *pct, precision: 1}
        frequency: monthly
        target: 95%
        profile: {flat: true}
        bands:
          ladder:
            - {name: Good, status: met, level: target}
            - {name: Close, status: tolerance, level: 95% of target}
            - {name: Poor, status: failed, points: 4}
`

func TestProfileFormsAndAnchors(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(formsYAML), "forms.yaml", contract.YAML)
	require.NoError(t, err)
	r, _ := c.RegimeAt(mo("Apr-16"))
	target := func(ref, month string) string {
		d, ok := r.KPI(ref)
		require.True(t, ok)
		v, ok := d.Profile().Target(mo(month))
		require.True(t, ok, "%s %s", ref, month)
		return v.StringFixed(2)
	}
	// Linear: month k of 12 is 96 × k / 12 = 8k.
	assert.Equal(t, "8.00", target("LIN", "Apr-16"))
	assert.Equal(t, "48.00", target("LIN", "Sep-16"))
	assert.Equal(t, "96.00", target("LIN", "Mar-17"))
	// Weighted, cumulative: weights total 12; April 60 × 2/12, May 60 × 3/12,
	// February 60 × 12/12, and March (weight 0) stays at 60.
	assert.Equal(t, "10.00", target("WEI", "Apr-16"))
	assert.Equal(t, "15.00", target("WEI", "May-16"))
	assert.Equal(t, "60.00", target("WEI", "Feb-17"))
	assert.Equal(t, "60.00", target("WEI", "Mar-17"))
	flat, _ := r.KPI("FLAT")
	assert.True(t, flat.Profile().IsFlat())
	// The merge key took the anchored measure and changed its precision.
	assert.Equal(t, kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 1, Aggregation: kpi.Latest}, flat.Measure())
	assert.Equal(t, "met at target; tolerance at 95% of target; failed", flat.Bands().String())
	assert.Equal(t, "4", flat.Bands().Band(2).Points.String())
	lin, _ := r.KPI("LIN")
	assert.Equal(t, kpi.Latest, lin.Measure().Aggregation)
}

func TestProfileFormMistakes(t *testing.T) {
	line := func(old, new string) string {
		require.Contains(t, formsYAML, old)
		return strings.Replace(formsYAML, old, new, 1)
	}
	tests := []struct{ name, text, want string }{
		{"two forms", line("{linear: true, year: 2016/17}", "{linear: true, year: 2016/17, months: {Apr-16: 8}}"),
			"forms.yaml:11: regimes[0].kpis[0].profile: give one of months, linear, weights or flat, not months and linear"},
		{"no form", line("{linear: true, year: 2016/17}", "{year: 2016/17}"),
			"forms.yaml:11: regimes[0].kpis[0].profile: give the profile's months, linear: true with its year, weights with its year, or flat: true"},
		{"linear without its year", line("{linear: true, year: 2016/17}", "{linear: true}"),
			"forms.yaml:11: regimes[0].kpis[0].profile.year: a linear profile needs its year (2016/17)"},
		{"a year that is a quarter", line("{linear: true, year: 2016/17}", "{linear: true, year: Q1 2016/17}"),
			`forms.yaml:11: regimes[0].kpis[0].profile.year: cannot read "Q1 2016/17" as a year (want 2016/17, or 2016/17 from Sep)`},
		{"eleven weights", line("[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]", "[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"),
			"forms.yaml:16: regimes[0].kpis[1].profile.weights: want twelve weights, one a month, not 11"},
		{"a negative weight", line("[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]", "[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1]"),
			"forms.yaml:16: regimes[0].kpis[1].profile.weights[11]: a weight cannot be negative"},
		{"flat and cumulative", line("{flat: true}", "{flat: true, cumulative: true}"),
			"forms.yaml:21: regimes[0].kpis[2].profile.cumulative: a flat profile does not take cumulative"},
		{"a ladder band without a status", line("{name: Close, status: tolerance, level: 95% of target}", "{name: Close, level: 95% of target}"),
			"forms.yaml:25: regimes[0].kpis[2].bands.ladder[1].status: a band needs its status (met, tolerance, missed, detriment, failed)"},
		{"a ladder level that does not read", line("level: 95% of target}", "level: ninety}"),
			`forms.yaml:25: regimes[0].kpis[2].bands.ladder[1].level: cannot read "ninety" as a level: "ninety" is not a number`},
		{"a ladder with a scheme", line("          ladder:", "          scheme: target_only\n          ladder:"),
			"forms.yaml:24: regimes[0].kpis[2].bands.ladder: give a scheme or a ladder, not both"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := contract.Decode(strings.NewReader(tc.text), "forms.yaml", contract.YAML)
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestReadFile(t *testing.T) {
	c, err := contract.ReadFile("../examples/scorecard/testdata/ict.yaml")
	require.NoError(t, err)
	assert.Equal(t, "ICT", c.ID())
	obs, err := contract.ReadObservationFiles(c, "../examples/scorecard/testdata/ict-2016.csv")
	require.NoError(t, err)
	assert.Len(t, obs, 10)
	_, err = contract.ReadFile("testdata/none.yaml")
	assert.ErrorContains(t, err, "no such file")
	assert.Equal(t, contract.JSON, contract.FormatOf("c.JSON"))
	assert.Equal(t, contract.YAML, contract.FormatOf("c.yml"))
}

// TestTargetsInWords decodes targets written in the words UK contracts use
// and scores a return at the level and either side of it. "88 per cent or
// more" includes 88 (>=); "fewer than three per cent" excludes 3 (<).
func TestTargetsInWords(t *testing.T) {
	text := editRange(12, 35,
		`      - ref: MORE`,
		`        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}`,
		`        frequency: monthly`,
		`        target: 88 per cent or more`,
		`        bands: {scheme: target_only}`,
		`      - ref: FEWER`,
		`        measure: {unit: percent, polarity: lower_is_better, precision: 2, aggregation: ratio_of_sums}`,
		`        frequency: monthly`,
		`        target: fewer than three per cent`,
		`        bands: {scheme: target_only}`,
	)
	c := decodeYAML(t, "words.yaml", text)
	more := indicator(t, c, "Apr-16", "MORE")
	assert.True(t, kpi.Written{Value: dec("88"), Unit: kpi.Percent, Comparison: kpi.AtLeast}.Equal(more.Target()), "%v", more.Target())
	assert.Equal(t, "88 per cent or more", more.Target().Text(), "the words kept, to write back")
	fewer := indicator(t, c, "Apr-16", "FEWER")
	assert.True(t, kpi.Written{Value: dec("3"), Unit: kpi.Percent, Comparison: kpi.Below}.Equal(fewer.Target()), "%v", fewer.Target())
	assert.Equal(t, "fewer than three per cent", fewer.Target().Text())

	figures := `kpi,period,value
MORE,Apr-16,88
MORE,May-16,87.99
MORE,Jun-16,88.01
FEWER,Apr-16,3
FEWER,May-16,2.99
FEWER,Jun-16,3.01
`
	obs, err := contract.ReadObservations(strings.NewReader(figures), "words.csv", c)
	require.NoError(t, err)
	want := map[string]map[string]kpi.Status{
		"Apr-16": {"MORE": kpi.Met, "FEWER": kpi.Missed}, // exactly at the level: >= meets it, < does not
		"May-16": {"MORE": kpi.Missed, "FEWER": kpi.Met},
		"Jun-16": {"MORE": kpi.Met, "FEWER": kpi.Missed},
	}
	for month, statuses := range want {
		sc, err := c.Score(obs, mo(month).Period())
		require.NoError(t, err, month)
		got := map[string]kpi.Status{}
		for _, r := range sc.Rows {
			got[r.KPI] = r.Status
		}
		assert.Equal(t, statuses, got, month)
	}
}
