//go:build unix

package cli_test

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/internal/cli"
)

// report is what the tests write.
const report = "the report\n"

// inDir makes a new directory the working directory and returns it.
func inDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
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

// TestWriteFileKeepsMode: a regular file that is replaced keeps its
// permission bits, whatever the umask.
func TestWriteFileKeepsMode(t *testing.T) {
	dir := inDir(t)
	setUmask(t, 0o022)
	require.NoError(t, os.WriteFile("may.txt", []byte("previous"), 0o600))
	require.NoError(t, os.Chmod("may.txt", 0o640))
	require.NoError(t, cli.WriteFile("may.txt", []byte(report)))
	got, err := os.ReadFile("may.txt")
	require.NoError(t, err)
	assert.Equal(t, report, string(got))
	fi, err := os.Stat("may.txt")
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o640), fi.Mode())
	assert.Equal(t, []string{"may.txt"}, dirNames(t, dir), "no temporary file left")
}

// TestWriteFileNewFileMode: a new file is 0644 less the umask: 0644 under
// 022, 0640 under 027, 0600 under 077.
func TestWriteFileNewFileMode(t *testing.T) {
	for _, tc := range []struct {
		mask int
		want fs.FileMode
	}{{0o022, 0o644}, {0o027, 0o640}, {0o077, 0o600}} {
		t.Run(fmt.Sprintf("umask %03o", tc.mask), func(t *testing.T) {
			dir := inDir(t)
			setUmask(t, tc.mask)
			require.NoError(t, cli.WriteFile("new.txt", []byte(report)))
			got, err := os.ReadFile("new.txt")
			require.NoError(t, err)
			assert.Equal(t, report, string(got))
			fi, err := os.Stat("new.txt")
			require.NoError(t, err)
			assert.Equal(t, tc.want, fi.Mode())
			assert.Equal(t, []string{"new.txt"}, dirNames(t, dir))
		})
	}
}

// TestWriteFileThroughSymlink: a symbolic link is written through: its
// target, in another directory, is replaced with the target's mode; the
// link stays a link to it, and no temporary file is left in either
// directory. A link to nothing is an error.
func TestWriteFileThroughSymlink(t *testing.T) {
	dir := inDir(t)
	require.NoError(t, os.Mkdir("reports", 0o755))
	require.NoError(t, os.WriteFile("reports/may.txt", []byte("previous"), 0o600))
	require.NoError(t, os.Chmod("reports/may.txt", 0o664))
	require.NoError(t, os.Symlink("reports/may.txt", "latest.txt"))
	require.NoError(t, cli.WriteFile("latest.txt", []byte(report)))

	li, err := os.Lstat("latest.txt")
	require.NoError(t, err)
	assert.Equal(t, fs.ModeSymlink, li.Mode().Type(), "still a link")
	link, err := os.Readlink("latest.txt")
	require.NoError(t, err)
	assert.Equal(t, "reports/may.txt", link)
	got, err := os.ReadFile("reports/may.txt")
	require.NoError(t, err)
	assert.Equal(t, report, string(got))
	fi, err := os.Stat("reports/may.txt")
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o664), fi.Mode())
	assert.Equal(t, []string{"latest.txt", "reports"}, dirNames(t, dir))
	assert.Equal(t, []string{"may.txt"}, dirNames(t, "reports"))

	require.NoError(t, os.Symlink("reports/none.txt", "dangling.txt"))
	assert.EqualError(t, cli.WriteFile("dangling.txt", []byte(report)), "it is a symbolic link to a file that does not exist")
	assert.Equal(t, []string{"may.txt"}, dirNames(t, "reports"))
}

// TestWriteFileNamedPipe: a named pipe is written, not replaced: a reader
// holding it open gets the report, and it is still a pipe.
func TestWriteFileNamedPipe(t *testing.T) {
	dir := inDir(t)
	require.NoError(t, syscall.Mkfifo("pipe", 0o644))
	// The reader opens first (without waiting for a writer), then a writer
	// of the test's own keeps the pipe open, so that the reader sees the
	// end only when the test closes it, whatever WriteFile did.
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

	werr := cli.WriteFile("pipe", []byte(report))
	require.NoError(t, keep.Close())
	assert.NoError(t, werr)
	select {
	case got := <-read:
		assert.Equal(t, report, string(got))
	case <-time.After(10 * time.Second):
		t.Fatal("the reader got no end of file")
	}
	li, err := os.Lstat("pipe")
	require.NoError(t, err)
	assert.Equal(t, fs.ModeNamedPipe, li.Mode().Type(), "still a pipe")
	assert.Equal(t, []string{"pipe"}, dirNames(t, dir))
}

// TestWriteFileDirectory: a directory is an error, and nothing is written
// in or beside it.
func TestWriteFileDirectory(t *testing.T) {
	dir := inDir(t)
	require.NoError(t, os.Mkdir("reports", 0o755))
	assert.EqualError(t, cli.WriteFile("reports", []byte(report)), "it is a directory: name a file")
	assert.Equal(t, []string{"reports"}, dirNames(t, dir))
	assert.Empty(t, dirNames(t, "reports"))
}

// TestWriteFileNoDirectory: a file in a directory that does not exist is
// an error, and leaves nothing.
func TestWriteFileNoDirectory(t *testing.T) {
	dir := inDir(t)
	assert.Error(t, cli.WriteFile(filepath.Join("no", "such", "report.txt"), []byte(report)))
	assert.Empty(t, dirNames(t, dir))
}

// TestRunOutput: a command with a file format writes its report with -o
// through WriteFile (a replaced file keeps its bits), refuses the file
// format without -o, and names the -o file in a writing error.
func TestRunOutput(t *testing.T) {
	dir := inDir(t)
	c := cli.Command{Name: "demo", Formats: []string{"text", "xlsx"}, Files: []string{"xlsx"},
		Write: func(b *bytes.Buffer, format string) error { b.WriteString(format); return nil }}
	var out, errs bytes.Buffer
	assert.Equal(t, 2, c.Run([]string{"-format", "xlsx"}, &out, &errs))
	assert.Equal(t, "demo: -format xlsx writes a binary file: name it with -o FILE\n", errs.String())

	require.NoError(t, os.WriteFile("r.xlsx", []byte("previous"), 0o600))
	require.NoError(t, os.Chmod("r.xlsx", 0o640))
	errs.Reset()
	assert.Equal(t, 0, c.Run([]string{"-format", "xlsx", "-o", "r.xlsx"}, &out, &errs), errs.String())
	assert.Empty(t, out.String())
	got, err := os.ReadFile("r.xlsx")
	require.NoError(t, err)
	assert.Equal(t, "xlsx", string(got))
	fi, err := os.Stat("r.xlsx")
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o640), fi.Mode())

	require.NoError(t, os.Mkdir("reports", 0o755))
	errs.Reset()
	assert.Equal(t, 1, c.Run([]string{"-format", "xlsx", "-o", "reports"}, &out, &errs))
	assert.Equal(t, "-o reports: it is a directory: name a file\n", errs.String())
	assert.Equal(t, []string{"r.xlsx", "reports"}, dirNames(t, dir))
}
