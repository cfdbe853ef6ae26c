// Package golden compares a test's output with a file of the output
// expected, reviewed by hand, and rewrites the file when asked to. Each
// test package keeps its own -update flag and passes its value.
package golden

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Check fails t unless got is the content of the file at path. With update
// it first writes got to path (making its directory), so that the new
// expectation can be reviewed and committed.
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run the test with -update to write %s, then review it", path)
	assert.Equal(t, string(want), string(got), path)
}
