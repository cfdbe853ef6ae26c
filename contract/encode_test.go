package contract_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// TestEncodeRepositoryFiles decodes every contract file in the repository,
// encodes it and decodes that again: the contract is Equal, the file is no
// longer than the lines of meaning of the one written by hand (schemes stay
// schemes, one-line mappings stay on one line), and encoding again changes
// nothing. In JSON, too, the contract comes back Equal.
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
