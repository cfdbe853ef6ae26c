package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	qualityFile = "testdata/quality.yaml"
	qualityFigs = "testdata/quality-2016.csv"
)

// TestReportOfTwoContracts: -contract given twice, each with its own
// -actuals, makes one report whose sections are the two single-contract
// scorecards (testdata/may-16.txt and quality-may-16.txt, each worked by
// hand) under numbered titles, after a summary counted from those cards'
// own summaries: ICT 5 KPIs, 4 Met and 1 Detriment, 4 of 5 on target,
// £2,000.00; BUSQ 6 KPIs, 1 Met, 2 Tolerance, 1 Failed, 1 Not measurable
// and 1 for information (left out of the counts), 1 of 5 on target,
// £500.00; neither has an event.
func TestReportOfTwoContracts(t *testing.T) {
	code, out, errs := runArgs("-period", "May-16", "-contract", ictFile, "-actuals", ictFigs,
		"-contract", qualityFile, "-actuals", qualityFigs)
	require.Equal(t, 0, code, errs)
	assert.True(t, strings.HasPrefix(out, "Contract performance, May 2016\n==============================\n\nContents\n\n"+
		"1. ICT: ICT 2009, May 2016\n2. BUSQ: Quality 2015, May 2016\n\nSummary\n\n"+
		"Contract       Period    KPIs  Met  Tolerance  Detriment  Failed  Not measurable  On target  Credits    Events\n"+
		"ICT            May 2016  5     4    0          1          0       0               4 of 5     £2,000.00  0\n"+
		"BUSQ           May 2016  6     1    2          0          1       1               1 of 5     £500.00    0\n"+
		"All contracts            11    5    2          1          1       1               5 of 10    £2,500.00  0\n"), out)
	for i, golden := range []string{"may-16.txt", "quality-may-16.txt"} {
		card := readFile(t, filepath.Join("testdata", golden))
		assert.Contains(t, out, "\n"+string(rune('1'+i))+". "+card, golden)
	}

	// Markdown and HTML make the same report; CSV and JSON list both
	// contracts' rows.
	for format, want := range map[string]string{
		"markdown": "## 2. BUSQ: Quality 2015, May 2016\n",
		"html":     `<section class="contract" id="contract-2" data-contract="BUSQ">`,
		"json":     `"contract": "BUSQ"`,
		"csv":      "\nBUSQ,",
	} {
		code, out, errs := runArgs("-period", "May-16", "-format", format, "-contract", ictFile, "-actuals", ictFigs,
			"-contract", qualityFile, "-actuals", qualityFigs)
		require.Equal(t, 0, code, errs)
		assert.Contains(t, out, want, format)
		assert.Contains(t, out, "ICT", format)
	}
}

// TestOneContractAnyOrder: with one -contract, an -actuals before it is
// still its own, as it always was.
func TestOneContractAnyOrder(t *testing.T) {
	code, before, errs := runArgs("-actuals", ictFigs, "-contract", ictFile, "-period", "May-16")
	require.Equal(t, 0, code, errs)
	code, after, errs := runArgs("-contract", ictFile, "-actuals", ictFigs, "-period", "May-16")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, after, before)
	assert.Equal(t, readFile(t, "testdata/may-16.txt"), after)
}

func TestReportUsage(t *testing.T) {
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"actuals before the first of two": {[]string{"-actuals", ictFigs, "-contract", ictFile, "-contract", qualityFile, "-actuals", qualityFigs},
			"-actuals " + ictFigs + " comes before any -contract"},
		"a contract without returns": {[]string{"-contract", ictFile, "-contract", qualityFile, "-actuals", qualityFigs},
			"-contract " + ictFile + " has no -actuals after it"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, errs := runArgs(append(tc.args, "-period", "May-16")...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, tc.want)
		})
	}
	// -o is refused over any contract's return, not only the first's.
	code, _, errs := runArgs("-period", "May-16", "-o", qualityFigs, "-contract", ictFile, "-actuals", ictFigs,
		"-contract", qualityFile, "-actuals", qualityFigs)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "that is a return")
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}
