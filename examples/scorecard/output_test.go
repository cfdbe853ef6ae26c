//go:build unix

package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outputDir copies the contract and the return into a new directory and makes
// it the working directory, so that the tests name them ict.yaml and
// ict-2016.csv. It returns the May 2016 scorecard as text, from the golden
// file TestGoldenText checks, and the inputs' bytes.
func outputDir(t *testing.T) (dir string, may, contract, figures []byte) {
	t.Helper()
	may, err := os.ReadFile("testdata/may-16.txt")
	require.NoError(t, err)
	contract, err = os.ReadFile(ictFile)
	require.NoError(t, err)
	figures, err = os.ReadFile(ictFigs)
	require.NoError(t, err)
	dir = t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ict.yaml"), contract, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ict-2016.csv"), figures, 0o644))
	t.Chdir(dir)
	return dir, may, contract, figures
}

// mayInto are the arguments that score May 2016 into file out.
func mayInto(out string) []string {
	return []string{"-contract", "ict.yaml", "-actuals", "ict-2016.csv", "-period", "May-16", "-o", out}
}

// dirNames are the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestOutputIsNotAnInput: -o naming an input, by any path, hard link or
// symbolic link, is refused before anything is read: exit 1, the message,
// and both inputs byte for byte as they were.
func TestOutputIsNotAnInput(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prepare func(t *testing.T) // makes the links
		args    []string
		want    string
	}{
		{"the contract", nil, mayInto("ict.yaml"),
			"-o ict.yaml: that is the contract file (-contract ict.yaml): write the scorecard elsewhere\n"},
		{"the contract by another path", nil, mayInto("./sub/../ict.yaml"),
			"-o ./sub/../ict.yaml: that is the contract file (-contract ict.yaml): write the scorecard elsewhere\n"},
		{"a return", nil, mayInto("ict-2016.csv"),
			"-o ict-2016.csv: that is a return (-actuals ict-2016.csv): write the scorecard elsewhere\n"},
		{"the second return", func(t *testing.T) { require.NoError(t, os.WriteFile("more.csv", []byte("kpi,period,value\n"), 0o644)) },
			append(mayInto("more.csv"), "-actuals", "more.csv"),
			"-o more.csv: that is a return (-actuals more.csv): write the scorecard elsewhere\n"},
		{"a hard link to the contract", func(t *testing.T) { require.NoError(t, os.Link("ict.yaml", "hard.yaml")) }, mayInto("hard.yaml"),
			"-o hard.yaml: that is the contract file (-contract ict.yaml): write the scorecard elsewhere\n"},
		{"a symbolic link to the contract", func(t *testing.T) { require.NoError(t, os.Symlink("ict.yaml", "soft.yaml")) }, mayInto("soft.yaml"),
			"-o soft.yaml: that is the contract file (-contract ict.yaml): write the scorecard elsewhere\n"},
		// Refused before the returns are read: the missing one is not
		// reported.
		{"the contract, with a missing return", nil,
			[]string{"-contract", "ict.yaml", "-actuals", "missing.csv", "-period", "May-16", "-o", "ict.yaml"},
			"-o ict.yaml: that is the contract file (-contract ict.yaml): write the scorecard elsewhere\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, _, contract, figures := outputDir(t)
			require.NoError(t, os.Mkdir("sub", 0o755))
			if tc.prepare != nil {
				tc.prepare(t)
			}
			before := dirNames(t, dir)
			code, out, errs := runArgs(tc.args...)
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			assert.Equal(t, tc.want, errs)
			got, err := os.ReadFile("ict.yaml")
			require.NoError(t, err)
			assert.Equal(t, string(contract), string(got))
			got, err = os.ReadFile("ict-2016.csv")
			require.NoError(t, err)
			assert.Equal(t, string(figures), string(got))
			assert.Equal(t, before, dirNames(t, dir), "no file added or removed")
		})
	}
}

// TestOutputReplaces: -o replaces a regular file all at once through
// the shared writer (internal/cli.WriteFile, whose own tests cover modes,
// links, pipes and directories): the scorecard, the file's permission bits
// kept, and no temporary file left.
func TestOutputReplaces(t *testing.T) {
	dir, may, _, _ := outputDir(t)
	require.NoError(t, os.WriteFile("may.txt", []byte("previous"), 0o600))
	require.NoError(t, os.Chmod("may.txt", 0o640))
	code, _, errs := runArgs(mayInto("may.txt")...)
	require.Equal(t, 0, code, errs)
	got, err := os.ReadFile("may.txt")
	require.NoError(t, err)
	assert.Equal(t, string(may), string(got))
	fi, err := os.Stat("may.txt")
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o640), fi.Mode())
	assert.Equal(t, []string{"ict-2016.csv", "ict.yaml", "may.txt"}, dirNames(t, dir))

	require.NoError(t, os.Mkdir("reports", 0o755))
	code, out, errs := runArgs(mayInto("reports")...)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, "-o reports: it is a directory: name a file\n", errs)
}

// TestOutputFailedRun: a run that fails (March 2016 is before the regime)
// writes nothing: no file, no temporary file. An existing file is left as
// it was.
func TestOutputFailedRun(t *testing.T) {
	dir, _, _, _ := outputDir(t)
	args := mayInto("new.txt")
	args[slices.Index(args, "May-16")] = "Mar-16"
	code, out, _ := runArgs(args...)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, []string{"ict-2016.csv", "ict.yaml"}, dirNames(t, dir))

	require.NoError(t, os.WriteFile("old.txt", []byte("previous"), 0o644))
	args = mayInto("old.txt")
	args[slices.Index(args, "May-16")] = "Mar-16"
	code, _, _ = runArgs(args...)
	assert.Equal(t, 1, code)
	got, err := os.ReadFile("old.txt")
	require.NoError(t, err)
	assert.Equal(t, "previous", string(got))
	assert.Equal(t, []string{"ict-2016.csv", "ict.yaml", "old.txt"}, dirNames(t, dir))
}
