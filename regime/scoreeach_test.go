package regime_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/regime"
)

// TestScoreEachIsSequential checks ScoreEach gives each job the scorecard
// Regime.Score gives it, in order, on one core and on several: the
// expected values are Score's own, one job after another.
func TestScoreEachIsSequential(t *testing.T) {
	jobs := portfolioJobs(t, 24, 4)
	want := make([]*regime.Scorecard, len(jobs))
	for i, j := range jobs {
		sc, err := j.Regime.Score(j.Input, j.Period)
		require.NoError(t, err)
		want[i] = sc
	}
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		got, err := regime.ScoreEach(jobs)
		runtime.GOMAXPROCS(old)
		require.NoError(t, err)
		require.Len(t, got, len(jobs))
		for i := range got {
			if !got[i].Equal(want[i]) {
				t.Fatalf("GOMAXPROCS %d: job %d's scorecard differs from Regime.Score's", procs, i)
			}
		}
	}
}

// TestScoreEachErrors checks a failed job leaves its scorecard nil, the
// others are scored, and the errors come in the order of the jobs.
func TestScoreEachErrors(t *testing.T) {
	jobs := portfolioJobs(t, 4, 4)
	jobs[1].Regime = nil
	jobs[3].Period = mo("Apr-15").Period() // before the regime is in force
	got, err := regime.ScoreEach(jobs)
	require.Error(t, err)
	require.Nil(t, got[1])
	require.Nil(t, got[3])
	require.NotNil(t, got[0])
	require.NotNil(t, got[2])
	msg := err.Error()
	i1, i3 := strings.Index(msg, "jobs[1]: no regime"), strings.Index(msg, "jobs[3]: regime: no regime is in force in Apr-15")
	if i1 < 0 || i3 < 0 || i3 < i1 {
		t.Fatalf("want jobs[1]'s error then jobs[3]'s, got %q", msg)
	}
}
