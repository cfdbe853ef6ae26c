//go:build unix

package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

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

// setUmask sets the process's umask for the test.
func setUmask(t *testing.T, mask int) {
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
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

// TestOutputKeepsMode: a regular file that is replaced keeps its
// permission bits, whatever the umask.
func TestOutputKeepsMode(t *testing.T) {
	_, may, _, _ := outputDir(t)
	setUmask(t, 0o022)
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
}

// TestOutputNewFileMode: a new file is 0644 less the umask: 0644 under
// 022, 0640 under 027, 0600 under 077.
func TestOutputNewFileMode(t *testing.T) {
	for _, tc := range []struct {
		mask int
		want fs.FileMode
	}{{0o022, 0o644}, {0o027, 0o640}, {0o077, 0o600}} {
		t.Run(fmt.Sprintf("umask %03o", tc.mask), func(t *testing.T) {
			dir, may, _, _ := outputDir(t)
			setUmask(t, tc.mask)
			code, _, errs := runArgs(mayInto("new.txt")...)
			require.Equal(t, 0, code, errs)
			got, err := os.ReadFile("new.txt")
			require.NoError(t, err)
			assert.Equal(t, string(may), string(got))
			fi, err := os.Stat("new.txt")
			require.NoError(t, err)
			assert.Equal(t, tc.want, fi.Mode())
			assert.Equal(t, []string{"ict-2016.csv", "ict.yaml", "new.txt"}, dirNames(t, dir))
		})
	}
}

// TestOutputThroughSymlink: -o naming a symbolic link writes its target,
// in another directory, with the target's mode; the link stays a link to
// it, and no temporary file is left in either directory.
func TestOutputThroughSymlink(t *testing.T) {
	dir, may, _, _ := outputDir(t)
	require.NoError(t, os.Mkdir("reports", 0o755))
	require.NoError(t, os.WriteFile("reports/may.txt", []byte("previous"), 0o600))
	require.NoError(t, os.Chmod("reports/may.txt", 0o664))
	require.NoError(t, os.Symlink("reports/may.txt", "latest.txt"))
	code, _, errs := runArgs(mayInto("latest.txt")...)
	require.Equal(t, 0, code, errs)

	li, err := os.Lstat("latest.txt")
	require.NoError(t, err)
	assert.Equal(t, fs.ModeSymlink, li.Mode().Type(), "still a link")
	link, err := os.Readlink("latest.txt")
	require.NoError(t, err)
	assert.Equal(t, "reports/may.txt", link)
	got, err := os.ReadFile("reports/may.txt")
	require.NoError(t, err)
	assert.Equal(t, string(may), string(got))
	fi, err := os.Stat("reports/may.txt")
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o664), fi.Mode())
	assert.Equal(t, []string{"ict-2016.csv", "ict.yaml", "latest.txt", "reports"}, dirNames(t, dir))
	assert.Equal(t, []string{"may.txt"}, dirNames(t, "reports"))
}

// TestOutputNamedPipe: a named pipe is written, not replaced: a reader
// holding it open gets the scorecard, and it is still a pipe.
func TestOutputNamedPipe(t *testing.T) {
	dir, may, _, _ := outputDir(t)
	require.NoError(t, syscall.Mkfifo("pipe", 0o644))
	// The reader opens first (without waiting for a writer), then a writer
	// of the test's own keeps the pipe open, so that the reader sees the
	// end only when the test closes it, whatever the command did.
	r, err := os.OpenFile("pipe", os.O_RDONLY|syscall.O_NONBLOCK, 0)
	require.NoError(t, err)
	defer r.Close()
	keep, err := os.OpenFile("pipe", os.O_WRONLY, 0)
	require.NoError(t, err)
	read := make(chan []byte, 1)
	go func() {
		b, _ := io.ReadAll(r)
		read <- b
	}()

	code, _, errs := runArgs(mayInto("pipe")...)
	require.NoError(t, keep.Close())
	assert.Equal(t, 0, code, errs)
	select {
	case got := <-read:
		assert.Equal(t, string(may), string(got))
	case <-time.After(10 * time.Second):
		t.Fatal("the reader got no end of file")
	}
	li, err := os.Lstat("pipe")
	require.NoError(t, err)
	assert.Equal(t, fs.ModeNamedPipe, li.Mode().Type(), "still a pipe")
	assert.Equal(t, []string{"ict-2016.csv", "ict.yaml", "pipe"}, dirNames(t, dir))
}

// TestOutputDirectory: -o naming a directory is an error, and nothing is
// written in or beside it.
func TestOutputDirectory(t *testing.T) {
	dir, _, _, _ := outputDir(t)
	require.NoError(t, os.Mkdir("reports", 0o755))
	code, out, errs := runArgs(mayInto("reports")...)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, "-o reports: it is a directory: name a file\n", errs)
	assert.Equal(t, []string{"ict-2016.csv", "ict.yaml", "reports"}, dirNames(t, dir))
	assert.Empty(t, dirNames(t, "reports"))
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
