package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWarningsAreShown: a likely mistake that is not an error (0.95 for KPI
// 3, whose target is 90.0%: a fraction of 95%?) is printed on standard
// error as file:line: warning: ..., the scorecard is still made; -strict
// makes it an error and there is no scorecard.
func TestWarningsAreShown(t *testing.T) {
	figs := filepath.Join(t.TempDir(), "slip.csv")
	require.NoError(t, os.WriteFile(figs, []byte("kpi,period,value\n3,May-16,0.95\n"), 0o644))
	const warning = "slip.csv:2: warning: value: 0.95% is far below the target of 90.0%: is it a fraction (95%)?\n"

	code, stdout, stderr := runArgs("-contract", ictFile, "-actuals", figs, "-period", "May-16")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, filepath.Dir(figs)+"/"+warning, stderr)
	assert.Contains(t, stdout, "0.95%")

	code, stdout, stderr = runArgs("-contract", ictFile, "-actuals", figs, "-period", "May-16", "-strict")
	assert.Equal(t, exitBadInput, code)
	assert.Empty(t, stdout)
	assert.Equal(t, filepath.Dir(figs)+"/"+warning+"scorecard: -strict: the warnings above are errors, so there is no scorecard\n", stderr)
}
