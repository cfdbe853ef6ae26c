package contract_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
)

// baseYAML is a small valid contract file: two of seed 000's ICT and
// revenues KPIs. The line numbers in the table below refer to it.
const baseYAML = `id: ICT
name: ICT Managed Service
customer: Peterborough City Council
supplier: Serco
start: 2009-10-01
monthly_charge: 100000.00
regimes:
  - name: ICT
    version: "2009"
    from: 2016-04
    kpis:
      - ref: "3"
        description: Severity 3 incidents resolved on time
        service_area: ICT
        measure:
          unit: percent
          polarity: higher_is_better
          precision: 2
          aggregation: ratio_of_sums
        frequency: monthly
        target: 90.0%
        bands:
          scheme: target_detriment_failure
          detriment: 87.0
          failure: 84.0
          points: {missed: 1, detriment: 2, failed: 3}
      - ref: R&B-K-001
        description: Council tax collected
        service_area: Revenues
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: latest}
        frequency: monthly
        target: 95.8%
        profile:
          cumulative: true
          months: {Apr-16: 11.36, May-16: 20.31, Jun-16: 29.17}
    credits:
      - type: points
        rate: 1
    escalation:
      - event: material failure
        rule: failures_in_window
        failures: 3
        periods: 6
`

// edit returns baseYAML with line n (1-based) replaced by the given lines
// (none deletes it).
func edit(n int, with ...string) string {
	lines := strings.Split(baseYAML, "\n")
	out := append(append(append([]string{}, lines[:n-1]...), with...), lines[n:]...)
	return strings.Join(out, "\n")
}

// editRange returns baseYAML with lines from to to (1-based, inclusive)
// replaced by the given lines.
func editRange(from, to int, with ...string) string {
	lines := strings.Split(baseYAML, "\n")
	out := append(append(append([]string{}, lines[:from-1]...), with...), lines[to:]...)
	return strings.Join(out, "\n")
}

// insert returns baseYAML with lines added after line n.
func insert(n int, add ...string) string {
	lines := strings.Split(baseYAML, "\n")
	out := append(append(append([]string{}, lines[:n]...), add...), lines[n:]...)
	return strings.Join(out, "\n")
}

func TestBaseFileIsValid(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(baseYAML), "contract.yaml", contract.YAML)
	require.NoError(t, err)
	r, ok := c.RegimeAt(mo("May-16"))
	require.True(t, ok)
	d, ok := r.KPI("3")
	require.True(t, ok)
	assert.Equal(t, "met at target; missed at 87.0 (exclusive); detriment at 84.0 (exclusive); failed", d.Bands().String())
	assert.Equal(t, "3", d.Bands().Band(3).Points.String())
	p, ok := r.KPI("R&B-K-001")
	require.True(t, ok)
	v, _ := p.Profile().Target(mo("May-16"))
	assert.Equal(t, "20.31", v.String())
	charge, ok := c.Charge(mo("May-16"))
	assert.True(t, ok)
	assert.Equal(t, "100000", charge.String())
}

// TestBrokenContractFiles is the table of mistakes an analyst makes, each
// with every line of the error it must give.
func TestBrokenContractFiles(t *testing.T) {
	fullYear := "          months: {Apr-16: 11.36, May-16: 20.31, Jun-16: 29.17, Jul-16: 37.96, Aug-16: 46.71, " +
		"Sep-16: 55.44, Oct-16: 64.20, Nov-16: 72.97, Dec-16: 81.66, Jan-17: 90.41, Feb-17: 95.20, Mar-17: 95.70}"
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
	big := strings.Repeat("# padding to make the file far too large for a contract\n", 50<<20/56+1)
	tests := []struct {
		name, file, text string
		want             []string
	}{
		{"a typo in a field name", "contract.yaml", edit(14, "        service_aera: ICT"),
			[]string{`contract.yaml:14: regimes[0].kpis[0].service_aera: unknown field: did you mean service_area?`}},
		{"a typo at the top", "contract.yaml", edit(4, "suplier: Serco"),
			[]string{`contract.yaml:4: suplier: unknown field: did you mean supplier?`}},
		{"a field no contract has", "contract.yaml", insert(6, "vat: 20%"),
			[]string{`contract.yaml:7: vat: unknown field (want one of charges, currency, customer, end, id, monthly_charge, name, opening_credits, periods, regimes, services, start, supplier, year_start)`}},
		{"a currency ISO 4217 does not list", "contract.yaml", insert(6, "currency: EURO"),
			[]string{`contract.yaml:7: currency: cannot read "EURO" as a currency: an ISO 4217 code is three letters, such as GBP or EUR`}},
		{"a tab-indented line", "contract.yaml", edit(14, "\t\tservice_area: ICT"),
			[]string{`contract.yaml:14: not valid YAML: found a tab character that violates indentation: indent with spaces, not tabs`}},
		{"a percent written 95,8", "contract.yaml", edit(32, "        target: 95,8%"),
			[]string{`contract.yaml:32: regimes[0].kpis[1].target: cannot read "95,8%" as a value: "95,8" has a comma that is not a thousands separator: write a decimal point, not a comma`}},
		{"a level written 87,0", "contract.yaml", edit(24, "          detriment: 87,0"),
			[]string{`contract.yaml:24: regimes[0].kpis[0].bands.detriment: cannot read "87,0" as a number: "87,0" has a comma: write a decimal point (87.0)`}},
		{"a failure level above the target", "contract.yaml", edit(25, "          failure: 92.0"),
			[]string{`contract.yaml:25: regimes[0].kpis[0].bands.failure: must be below the detriment level 87 for a higher-is-better measure`}},
		{"a detriment level above the target", "contract.yaml", edit(24, "          detriment: 91"),
			[]string{`contract.yaml:24: regimes[0].kpis[0].bands.detriment: must be below the target 90 for a higher-is-better measure`}},
		{"a profile that does not reach the annual target", "contract.yaml", edit(35, fullYear),
			[]string{`contract.yaml:35: regimes[0].kpis[1].profile.months[Mar-17]: a cumulative profile must end at the annual target 95.8, not 95.7`}},
		{"a duplicate KPI reference", "contract.yaml", edit(27, `      - ref: "3"`),
			[]string{`contract.yaml:27: regimes[0].kpis[1].ref: "3" is also kpis[0]`}},
		{"overlapping regimes", "contract.yaml", insert(43, `  - name: ICT`, `    version: "2017"`, `    from: 2017-04`, `    kpis:`, `      - ref: "1"`,
			`        measure: {unit: failures, polarity: lower_is_better, aggregation: sum}`, `        frequency: monthly`, `        target: 0 failures`),
			[]string{`contract.yaml:44: regimes[1]: ICT 2017 in force from 2017-04 overlaps regimes[0], ICT 2009 in force from 2016-04: a month can have only one regime`}},
		{"an empty file", "contract.yaml", "",
			[]string{`contract.yaml: the file is empty: a contract file needs at least id, start and regimes`}},
		{"a file of comments", "contract.yaml", "# ICT contract\n# to do\n",
			[]string{`contract.yaml: the file is empty: a contract file needs at least id, start and regimes`}},
		{"a binary file", "contract.yaml", png,
			[]string{`contract.yaml: the file is not text (it holds binary data, as a spreadsheet or an image would): want a YAML contract file`}},
		{"a 50 MB file", "contract.yaml", big,
			[]string{`contract.yaml: the file is larger than 8 MiB, far more than any contract needs: is it the right file?`}},
		{"a unit the library does not know", "contract.yaml", edit(16, "          unit: percentage"),
			[]string{`contract.yaml:16: regimes[0].kpis[0].measure.unit: cannot read "percentage" as a unit (want percent, days, hours, minutes, seconds, count, failures, rating, money, number)`}},
		{"a KPI without a target", "contract.yaml", edit(21),
			[]string{`contract.yaml:12: regimes[0].kpis[0].target: a KPI needs its target as the schedule writes it (90.0%, < 5%, 0 failures); only a contextual measure, or a ladder whose levels are figures, has none`}},
		{"a day that does not exist", "contract.yaml", edit(5, "start: 2009-10-32"),
			[]string{`contract.yaml:5: start: cannot read "2009-10-32" as a date: day 32 is outside 1 to 31 for October 2009`}},
		{"an end before the start", "contract.yaml", insert(5, "end: 2009-09-30"),
			[]string{`contract.yaml:6: end: the last day 2009-09-30 is before the start 2009-10-01`}},
		{"a field given twice", "contract.yaml", insert(21, "        target: 92.0%"),
			[]string{`contract.yaml:22: regimes[0].kpis[0].target: the field is given twice (first on line 21)`}},
		{"a value where fields belong", "contract.yaml", editRange(15, 19, "        measure: percent"),
			[]string{`contract.yaml:15: regimes[0].kpis[0].measure: want a mapping of fields (name: value), not the value "percent"`}},
		{"a scheme the library does not have", "contract.yaml", edit(23, "          scheme: target_detriment"),
			[]string{`contract.yaml:23: regimes[0].kpis[0].bands.scheme: unknown scheme "target_detriment" (want target_only, target_tolerance, target_detriment_failure, volume_of_failures, target_and_minimum or score_bands)`}},
		{"a scheme without its failure level", "contract.yaml", edit(25),
			[]string{`contract.yaml:22: regimes[0].kpis[0].bands.failure: the target_detriment_failure scheme needs its failure level`}},
		{"a level the scheme does not take", "contract.yaml", insert(25, "          tolerance: 88"),
			[]string{`contract.yaml:26: regimes[0].kpis[0].bands.tolerance: the target_detriment_failure scheme does not take tolerance (it takes detriment and failure)`}},
		{"a status misspelt in the points", "contract.yaml", edit(26, "          points: {missed: 1, detrimental: 2, failed: 3}"),
			[]string{`contract.yaml:26: regimes[0].kpis[0].bands.points[detrimental]: cannot read "detrimental" as a status (want exceeded, met, tolerance, missed, detriment, failed, not_due, no_data, not_measurable, excluded, info)`}},
		{"relief for a KPI the regime does not have", "contract.yaml", insert(35, "    relief:", "      - {kind: exclusion, kpi: \"99\", from: 2016-06, reason: System migration}"),
			[]string{`contract.yaml:37: regimes[0].relief[0].kpi: no indicator "99" in the regime (it has 3, R&B-K-001)`}},
		{"a credit rule misspelt", "contract.yaml", edit(37, "      - type: point"),
			[]string{`contract.yaml:37: regimes[0].credits[0].type: unknown credit rule "point" (want points, shortfall, fixed or at_risk)`}},
		{"an escalation rule with a field it does not take", "contract.yaml", edit(41, "        rule: consecutive"),
			[]string{`contract.yaml:43: regimes[0].escalation[0].periods: a consecutive rule does not take periods (it takes failures)`}},
		{"two documents in one file", "contract.yaml", baseYAML + "---\nid: PSSP\n",
			[]string{`contract.yaml:44: a contract file holds one document, but a second begins here (---): put each contract in a file of its own`}},
		{"a list at the top", "contract.yaml", "- id: ICT\n  start: 2009-10-01\n",
			[]string{`contract.yaml:1: a contract file is a mapping of fields (id: ..., regimes: ...), not a list`}},
		{"a target that contradicts the polarity", "contract.yaml", edit(21, "        target: < 5%"),
			[]string{`contract.yaml:21: regimes[0].kpis[0].target: "< 5%" says lower_is_better, but the measure is higher_is_better`}},
		{"yes for true", "contract.yaml", insert(14, "        contractual: yes"),
			[]string{`contract.yaml:15: regimes[0].kpis[0].contractual: want true or false, not the value "yes"`}},
		{"a month misspelt in a profile", "contract.yaml", edit(35, "          months: {Apri-16: 11.36, May-16: 20.31}"),
			[]string{`contract.yaml:35: regimes[0].kpis[1].profile.months[Apri-16]: cannot read "Apri-16" as a month (want a month written 2016-04, Apr-16 or April 2016)`}},
		{"several mistakes at once, in line order", "contract.yaml", edit(32, "        target: 95,8%", "        frequncy: monthly"),
			[]string{
				`contract.yaml:32: regimes[0].kpis[1].target: cannot read "95,8%" as a value: "95,8" has a comma that is not a thousands separator: write a decimal point, not a comma`,
				`contract.yaml:33: regimes[0].kpis[1].frequncy: unknown field: did you mean frequency?`,
			}},
		{"a regime with no KPIs and no start", "contract.yaml", "id: X\nregimes:\n  - name: R\n    from: 2016-04\n",
			[]string{
				`contract.yaml:1: start: a contract needs its start date (YYYY-MM-DD)`,
				`contract.yaml:3: regimes[0].kpis: a regime needs at least one KPI`,
			}},
		{"JSON with a trailing comma", "contract.json", "{\n  \"id\": \"ICT\",\n  \"start\": \"2009-10-01\",\n}\n",
			[]string{`contract.json:4: not valid JSON: invalid character '}' looking for beginning of object key string`}},
		{"JSON with a typo", "contract.json", "{\n\t\"id\": \"ICT\",\n\t\"start\": \"2009-10-01\",\n\t\"regime\": []\n}\n",
			[]string{
				`contract.json:1: regimes: a contract needs at least one regime`,
				`contract.json:4: regime: unknown field: did you mean regimes?`,
			}},
	}
	require.GreaterOrEqual(t, len(tests), 25)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := contract.Decode(strings.NewReader(tc.text), tc.file, contract.FormatOf(tc.file))
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Equal(t, strings.Join(tc.want, "\n"), err.Error())
		})
	}
}

// TestEveryProblemIsALineError checks that callers can walk the problems.
func TestEveryProblemIsALineError(t *testing.T) {
	_, err := contract.Decode(strings.NewReader(edit(32, "        target: 95,8%", "        frequncy: monthly")), "c.yaml", contract.YAML)
	require.Error(t, err)
	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok)
	var lines []int
	for _, e := range joined.Unwrap() {
		le, ok := e.(*contract.LineError)
		require.True(t, ok, "%T", e)
		lines = append(lines, le.Line)
	}
	assert.Equal(t, []int{32, 33}, lines)
}

// TestManyProblemsAreCapped checks the cap of 100 problems a file reports.
func TestManyProblemsAreCapped(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("id: X\nstart: 2016-04-01\n")
	for i := range 150 {
		fmt.Fprintf(&b, "field%d: 1\n", i)
	}
	_, err := contract.Decode(&b, "many.yaml", contract.YAML)
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	assert.Len(t, lines, 101)
	assert.Equal(t, "many.yaml: and 51 more problems", lines[100])
}
