// Package parallel runs independent jobs on all cores, each writing its
// result to its own place, so that the outcome is the same as running them
// one after another, in order.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) once for each i from 0 to n-1, on up to
// runtime.GOMAXPROCS(0) goroutines at once, and returns when every call
// has returned. The calls run in no particular order: f must be safe to
// call concurrently for distinct i, and write only to what belongs to i.
func Each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
