package golden_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kpiregime/kpiregime/internal/golden"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) FailNow()              { r.failed = true }
func (r *recorder) Helper()               {}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "out.txt")
	r := &recorder{TB: t}
	golden.Check(r, path, []byte("one\n"), true) // writes, then agrees
	assert.False(t, r.failed)
	golden.Check(r, path, []byte("one\n"), false)
	assert.False(t, r.failed)
	golden.Check(r, path, []byte("two\n"), false) // differs
	assert.True(t, r.failed)
	r = &recorder{TB: t}
	golden.Check(r, filepath.Join(t.TempDir(), "missing.txt"), []byte("x"), false)
	assert.True(t, r.failed)
}
