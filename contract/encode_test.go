package contract_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/kpiregime/kpiregime/contract"
)

// meaningLines counts the lines of a file that say something: not blank,
// not a comment.
func meaningLines(b []byte) int {
	n := 0
	for line := range strings.Lines(string(b)) {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			n++
		}
	}
	return n
}

// targets returns every KPI's target in a YAML contract file as written,
// in order: the scalar under each key "target", however the file quotes it
// or lays out its mapping.
func targets(t *testing.T, b []byte) []string {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(b, &doc))
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 0 && c.Value == "target" && n.Content[i+1].Kind == yaml.ScalarNode {
				out = append(out, n.Content[i+1].Value)
			}
			walk(c)
		}
	}
	walk(&doc)
	return out
}

// TestEncodeRepositoryFiles decodes every contract file in the repository,
// encodes it and decodes that again: the contract is Equal, the file is no
// longer than the lines of meaning of the one written by hand (schemes stay
// schemes, one-line mappings stay on one line), every target is written as
// it was, and encoding again changes nothing. In JSON, too, the contract comes back Equal.
func TestEncodeRepositoryFiles(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../examples/*/*.yaml", "../examples/scorecard/testdata/*.yaml"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.GreaterOrEqual(t, len(files), 8)
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			written, err := os.ReadFile(name)
			require.NoError(t, err)
			c, err := contract.Decode(bytes.NewReader(written), name, contract.YAML)
			require.NoError(t, err)
			var out bytes.Buffer
			require.NoError(t, contract.Encode(&out, c, contract.YAML))
			back, err := contract.Decode(bytes.NewReader(out.Bytes()), name, contract.YAML)
			require.NoError(t, err, "%s", out.String())
			assert.True(t, c.Equal(back), "the contract read back differs:\n%s", out.String())
			assert.LessOrEqual(t, meaningLines(out.Bytes()), meaningLines(written), "%s", out.String())
			// Every target is written back in its own words: "Not greater
			// than 3%" stays so, not "<= 3%".
			assert.Equal(t, targets(t, written), targets(t, out.Bytes()))
			assert.NotContains(t, out.String(), "!!", "a tag written out")
			var again bytes.Buffer
			require.NoError(t, contract.Encode(&again, back, contract.YAML))
			assert.Equal(t, out.String(), again.String())

			var js bytes.Buffer
			require.NoError(t, contract.Encode(&js, c, contract.JSON))
			fromJSON, err := contract.Decode(bytes.NewReader(js.Bytes()), name, contract.JSON)
			require.NoError(t, err, "%s", js.String())
			assert.True(t, c.Equal(fromJSON), "the contract read back from JSON differs:\n%s", js.String())
		})
	}
}

// TestEncodeICT shows the seed ICT file written back as it was written, but
// for its comments, the order of its labels, quotes and the canonical name
// of a frequency.
func TestEncodeICT(t *testing.T) {
	c, err := contract.ReadFile("../examples/peterborough/ict.yaml")
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, contract.Encode(&out, c, contract.YAML))
	text := out.String()
	for _, line := range []string{
		"services: [ICT]\n",
		"        measure: {unit: failures, polarity: lower_is_better, aggregation: sum}\n",
		"        bands: {scheme: volume_of_failures, detriment: 1, failure: 2}\n",
		"        bands: {scheme: target_detriment_failure, detriment: 87.0, failure: 84.0}\n",
		"        bands: {scheme: target_detriment_failure, detriment: 99.00, failure: 98.50}\n",
		"        target: 90.0%\n",
	} {
		assert.Contains(t, text, line)
	}
	assert.NotContains(t, text, "ladder")
	written, err := os.ReadFile("../examples/peterborough/ict.yaml")
	require.NoError(t, err)
	assert.Equal(t, meaningLines(written), meaningLines(out.Bytes()))
}

// TestEncodeKeepsLaddersAndSchemes writes a ladder as a ladder even where
// a scheme gives the same bands, and a scheme as that scheme with its
// levels and points.
func TestEncodeKeepsLaddersAndSchemes(t *testing.T) {
	const file = `id: FORMS
start: 2016-04-01
regimes:
  - name: Forms
    from: 2016-04
    kpis:
      - ref: LADDER
        measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands:
          ladder:
            - {status: met, level: target}
            - {status: missed}
      - ref: TOLERANCE
        measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_tolerance, tolerance: target-2, points: {tolerance: 1, missed: 3}}
      - ref: MINIMUM
        measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_and_minimum, minimum: 85.5}
      - ref: SCORE
        measure: {unit: number, polarity: higher_is_better, aggregation: latest}
        frequency: monthly
        bands: {scheme: score_bands, met: 3, thresholds: [20, 40, 60, 80, 90]}
      - ref: DEFAULT
        measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
`
	c := decodeYAML(t, "forms.yaml", file)
	text := roundTrip(t, c, "forms")[contract.YAML]
	for _, line := range []string{
		"        bands:\n          ladder:\n            - {status: met, level: target}\n            - {status: missed}\n",
		"        bands: {scheme: target_tolerance, tolerance: target-2, points: {tolerance: 1, missed: 3}}\n",
		"        bands: {scheme: target_and_minimum, minimum: 85.5}\n",
		"        bands: {scheme: score_bands, met: 3, thresholds: [20, 40, 60, 80, 90]}\n",
	} {
		assert.Contains(t, text, line)
	}
	assert.Equal(t, 4, strings.Count(text, "bands:"), "the KPI with no bands is written with none")
	assert.Equal(t, meaningLines([]byte(file)), meaningLines([]byte(text)), text)
}
