package main

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWindows1252Return: a return saved by Excel as plain CSV on a UK
// machine (Windows-1252, £ as the byte 0xA3) is scored, and its note shows
// £ in every output format, as UTF-8.
func TestWindows1252Return(t *testing.T) {
	figs, err := os.ReadFile(ictFigs)
	require.NoError(t, err)
	const ascii = "Both incidents resolved but one not updated on the system as per process"
	require.Contains(t, string(figs), ascii)
	cp1252 := strings.Replace(string(figs), ascii, "Credit of \xa3250 agreed", 1)
	name := filepath.Join(t.TempDir(), "ict-2016-cp1252.csv")
	require.NoError(t, os.WriteFile(name, []byte(cp1252), 0o644))

	for _, format := range []string{"text", "markdown", "csv", "json", "html"} {
		t.Run(format, func(t *testing.T) {
			code, out, errs := runArgs("-contract", ictFile, "-actuals", name, "-period", "May-16", "-format", format)
			require.Equal(t, 0, code, errs)
			assert.Empty(t, errs)
			assert.True(t, utf8.ValidString(out), "the output is UTF-8")
			if format == "html" {
				out = html.UnescapeString(out) // £ may be written as &pound; or &#163;
			}
			assert.Contains(t, out, "Credit of £250 agreed")
		})
	}
}
