package contract_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime/render"
)

// partsFile is an assessment contract whose KPI Q1 holds only when both its
// parts do: no more than 3% of audited reports graded unacceptable (Q1a),
// and at least 85% graded acceptable (Q1b). A missed Q1 is worth 2 points
// at 1% of the £100,000 monthly charge a point; a missing figure is deemed
// missed.
const partsFile = `
id: ASSESS
start: 2016-04-01
monthly_charge: 100000
regimes:
  - name: Assessments
    from: 2016-04
    missing: {deem_failed: true, status: missed}
    kpis:
      - ref: Q1
        description: Audited reports of an acceptable standard
        frequency: monthly
        parts: [Q1a, Q1b]
        bands: {scheme: target_only, points: {missed: 2}}
      - ref: Q1a
        description: Audited reports graded unacceptable
        measure: {unit: percent, polarity: lower_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: no more than 3%
      - ref: Q1b
        description: Audited reports graded acceptable
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: at least 85%
    credits:
      - {type: points, rate: 1}
`

// TestPartsThroughAFile, worked by hand:
//
//	month   Q1a (<= 3%)   Q1b (>= 85%)   Q1                      points  credit
//	May-16  2.5 met       82 missed      missed: Q1b decides     2       2% of £100,000 = £2,000
//	Jun-16  3.5 missed    90 met         missed: Q1a decides     2       £2,000
//	Jul-16  2.0 met       88 met         met                     0       £0
//	Aug-16  2.0 met       no figure      no data: deemed missed  2       £2,000
//
// The parts are shown, with their figures and statuses, and carry no
// points or credit; summaries count Q1 once. May to July as one view: Q1a's
// monthly percentages (no counts) bound 2.0% to 3.5%, which spans met and
// missed, so Q1a is not measurable there and Q1 with it; the view's money
// is its months', £4,000.
func TestPartsThroughAFile(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(partsFile), "assess.yaml", contract.YAML)
	require.NoError(t, err)
	const figures = "kpi,period,value\nQ1a,May-16,2.5\nQ1b,May-16,82\nQ1a,Jun-16,3.5\nQ1b,Jun-16,90\nQ1a,Jul-16,2.0\nQ1b,Jul-16,88\nQ1a,Aug-16,2.0\n"
	obs, err := contract.ReadObservations(strings.NewReader(figures), "assess.csv", c)
	require.NoError(t, err)
	for _, w := range []struct{ month, q1a, q1b, q1, reason, credit string }{
		{"May-16", "met", "missed", "missed", "missed: part Q1b, 82% is below the target of 85%", "2000"},
		{"Jun-16", "missed", "met", "missed", "missed: part Q1a, 3.5% is above the target of 3%", "2000"},
		{"Jul-16", "met", "met", "met", "met: every part on target (Q1a, Q1b)", "0"},
		{"Aug-16", "met", "no_data", "missed", "no_data: part Q1b, no figure was reported", "2000"},
	} {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(w.month)))
		require.NoError(t, err)
		require.Len(t, sc.Rows, 3)
		assert.Equal(t, []string{"Q1", "Q1a", "Q1b"}, []string{sc.Rows[0].KPI, sc.Rows[1].KPI, sc.Rows[2].KPI}, "report order")
		q1, a, b := sc.Rows[0], sc.Rows[1], sc.Rows[2]
		assert.Equal(t, w.q1a, a.Status.String(), w.month)
		assert.Equal(t, w.q1b, b.Status.String(), w.month)
		assert.Equal(t, w.q1, q1.Status.String(), w.month)
		assert.Equal(t, w.reason, q1.Result.Reason(), w.month)
		assert.Equal(t, w.credit, q1.Credit.String(), w.month)
		for _, part := range []string{"Q1a", "Q1b"} {
			row, _ := sc.Row(part)
			assert.Equal(t, "Q1", row.PartOf)
			assert.True(t, row.Points.IsZero() && row.Credit.IsZero(), "a part carries no money")
			assert.Contains(t, row.Notes, "part of Q1")
		}
		assert.Equal(t, 1, sc.Summary.Total, "Q1 is counted once")
		assert.Equal(t, w.credit, sc.Summary.Credits.String())
	}
	aug, err := c.Score(obs, period.Must(period.ParseLabel("Aug-16")))
	require.NoError(t, err)
	assert.True(t, aug.Rows[0].Deemed)

	view, err := c.Score(obs, period.Must(period.ParseLabel("May-16 to Jul-16")))
	require.NoError(t, err)
	q1, _ := view.Row("Q1")
	a, _ := view.Row("Q1a")
	assert.Equal(t, "not_measurable", a.Status.String())
	assert.Equal(t, "not_measurable", q1.Status.String())
	assert.True(t, strings.HasPrefix(q1.Result.Reason(), "not_measurable: part Q1a, between 2.0% and 3.5%"), q1.Result.Reason())
	assert.Equal(t, "4000", view.Summary.Credits.String())

	// Every output shows the parts beside their KPI.
	sc, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	require.NoError(t, err)
	card := render.Card{Contract: c.ID(), Scorecard: sc}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return render.Text(b, card) },
		"markdown": func(b *bytes.Buffer) error { return render.Markdown(b, card) },
		"csv":      func(b *bytes.Buffer) error { return render.CSV(b, card) },
		"json":     func(b *bytes.Buffer) error { return render.JSON(b, card) },
		"html":     func(b *bytes.Buffer) error { return render.HTML(b, card) },
	} {
		var b bytes.Buffer
		require.NoError(t, write(&b))
		for _, s := range []string{"Q1a", "Q1b", "part of Q1", "missed: part Q1b"} {
			if name == "text" || name == "markdown" {
				// The tables give notes, not reasons.
				if s == "missed: part Q1b" {
					continue
				}
			}
			assert.Contains(t, b.String(), s, "%s output", name)
		}
	}

	// Written back and read again, the same contract.
	written := roundTrip(t, c, "assess")
	assert.Contains(t, written[contract.YAML], "parts: [Q1a, Q1b]\n")
}

// TestWorstPartThroughAFile: under parts_rule worst, Q2 takes its worst
// part's status and that status's points: Q2a failed (84% or below) and Q2b
// missed (87% to 90%) make Q2 failed, 3 points, £3,000.
func TestWorstPartThroughAFile(t *testing.T) {
	file := strings.Replace(partsFile, `      - ref: Q1
        description: Audited reports of an acceptable standard
        frequency: monthly
        parts: [Q1a, Q1b]
        bands: {scheme: target_only, points: {missed: 2}}
      - ref: Q1a
        description: Audited reports graded unacceptable
        measure: {unit: percent, polarity: lower_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: no more than 3%
      - ref: Q1b
        description: Audited reports graded acceptable
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: at least 85%
`, `      - ref: Q2
        frequency: monthly
        parts: [Q2a, Q2b]
        parts_rule: worst
        bands:
          ladder:
            - {status: met, level: target}
            - {status: missed, level: 87, points: 1}
            - {status: detriment, level: 84, points: 2}
            - {status: failed, points: 3}
      - ref: Q2a
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_detriment_failure, detriment: 87, failure: 84}
      - ref: Q2b
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_detriment_failure, detriment: 87, failure: 84}
`, 1)
	require.NotEqual(t, partsFile, file)
	c, err := contract.Decode(strings.NewReader(file), "worst.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nQ2a,May-16,80\nQ2b,May-16,88\n"), "worst.csv", c)
	require.NoError(t, err)
	sc, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	require.NoError(t, err)
	q2, _ := sc.Row("Q2")
	assert.Equal(t, "failed", q2.Status.String())
	assert.Equal(t, "failed: part Q2a, 80% is at or below the failure level of 84%", q2.Result.Reason())
	assert.Equal(t, "3", q2.Points.String())
	assert.Equal(t, "3000", q2.Credit.String())
}

// TestPartsFileErrors: what a KPI made of parts may not say, and what its
// parts must be.
func TestPartsFileErrors(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"        parts: [Q1a, Q1b]\n", "        parts: [Q1a, Q1c]\n",
			"regimes[0].kpis[0].parts[1]: no KPI \"Q1c\" in the regime: did you mean Q1a?"},
		{"        parts: [Q1a, Q1b]\n", "        parts: [Q1a]\n",
			"regimes[0].kpis[0].parts: a KPI made of parts needs two or more"},
		{"        parts: [Q1a, Q1b]\n", "        parts: [Q1a, Q1b]\n        target: 90%\n",
			"regimes[0].kpis[0].target: a KPI made of parts has none of its own: its parts have theirs"},
		{"        target: at least 85%\n", "        target: at least 85%\n        rolling: 3\n",
			""}, // a part may be judged on a rolling window: no error
		{"        description: Audited reports graded acceptable\n        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}\n        frequency: monthly\n",
			"        description: Audited reports graded acceptable\n        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}\n        frequency: quarterly\n",
			"regimes[0].kpis[0].parts[1]: Q1b is quarterly, but Q1 is monthly: a part is measured as often as its KPI"},
	} {
		require.Equal(t, 1, strings.Count(partsFile, c.old), c.old)
		_, err := contract.Decode(strings.NewReader(strings.Replace(partsFile, c.old, c.new, 1)), "assess.yaml", contract.YAML)
		if c.want == "" {
			assert.NoError(t, err)
			continue
		}
		require.Error(t, err)
		assert.Contains(t, err.Error(), c.want)
	}
	// Under the worst-part rule, Q1's ladder (met, missed) lacks the
	// detriment and failed statuses Q1b can reach.
	text := strings.Replace(partsFile, "        parts: [Q1a, Q1b]\n", "        parts: [Q1a, Q1b]\n        parts_rule: worst\n", 1)
	text = strings.Replace(text, "        target: at least 85%\n", "        target: at least 85%\n        bands: {scheme: target_detriment_failure, detriment: 80, failure: 75}\n", 1)
	_, err := contract.Decode(strings.NewReader(text), "assess.yaml", contract.YAML)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "regimes[0].kpis[0].bands: Q1 takes its worst part's status, but has no band for detriment, which Q1b can reach")
}

// TestNoFigureForAKPIMadeOfParts: a return gives the parts' figures; a row
// for the KPI itself, a figure or an outcome, is refused with its line.
func TestNoFigureForAKPIMadeOfParts(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(partsFile), "assess.yaml", contract.YAML)
	require.NoError(t, err)
	_, err = contract.ReadObservations(strings.NewReader("kpi,period,value,status\nQ1,May-16,90,\nQ1,Jun-16,,met\n"), "assess.csv", c)
	require.Error(t, err)
	assert.Equal(t, "assess.csv:2: kpi: Q1 is made of parts (Q1a, Q1b): give its parts' figures, from which it is rated\n"+
		"assess.csv:3: kpi: Q1 is made of parts (Q1a, Q1b): give its parts' figures, from which it is rated", err.Error())
}
