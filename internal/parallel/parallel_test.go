package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestEach checks every index is called exactly once, with one goroutine,
// with more than there are jobs, and with none.
func TestEach(t *testing.T) {
	for _, procs := range []int{1, 2, 8} {
		for _, n := range []int{0, 1, 3, 1000} {
			old := runtime.GOMAXPROCS(procs)
			calls := make([]atomic.Int32, n)
			Each(n, func(i int) { calls[i].Add(1) })
			runtime.GOMAXPROCS(old)
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Fatalf("GOMAXPROCS %d, n %d: index %d called %d times, want 1", procs, n, i, c)
				}
			}
		}
	}
}
