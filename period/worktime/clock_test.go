package worktime_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/period/worktime"
)

func change(t time.Time, e worktime.ClockEvent) worktime.StatusChange {
	return worktime.StatusChange{At: t, Event: e}
}

func TestClockPauses(t *testing.T) {
	cal := officeCalendar(t)
	tests := []struct {
		name    string
		changes []worktime.StatusChange
		at      time.Time
		want    time.Duration
	}{
		// Started 16:00 Friday 8 April 2016, paused at 17:30 (after close),
		// resumed at 08:00 Monday (before opening), stopped 10:00 Monday: the
		// pause covers no working time, so 1 hour Friday + 1 hour Monday.
		{"a pause over the weekend removes nothing", []worktime.StatusChange{
			change(at(2016, time.April, 8, 16, 0), worktime.ClockStart),
			change(at(2016, time.April, 8, 17, 30), worktime.ClockPause),
			change(at(2016, time.April, 11, 8, 0), worktime.ClockResume),
			change(at(2016, time.April, 11, 10, 0), worktime.ClockStop),
		}, at(2016, time.April, 30, 0, 0), 2 * time.Hour},
		// Started 09:00 Monday 11 April, paused 10:00 to 11:30, stopped 13:00:
		// 4 hours less exactly the 1.5-hour pause.
		{"a pause in working hours removes its length", []worktime.StatusChange{
			change(at(2016, time.April, 11, 9, 0), worktime.ClockStart),
			change(at(2016, time.April, 11, 10, 0), worktime.ClockPause),
			change(at(2016, time.April, 11, 11, 30), worktime.ClockResume),
			change(at(2016, time.April, 11, 13, 0), worktime.ClockStop),
		}, at(2016, time.April, 30, 0, 0), 150 * time.Minute},
		// Paused 16:00 Friday to 10:00 Monday: only 16:00-17:00 Friday and
		// 09:00-10:00 Monday are removed from the 10:00 Friday - 12:00 Monday
		// run of 7 + 3 working hours.
		{"a pause partly in working hours", []worktime.StatusChange{
			change(at(2016, time.April, 8, 10, 0), worktime.ClockStart),
			change(at(2016, time.April, 8, 16, 0), worktime.ClockPause),
			change(at(2016, time.April, 11, 10, 0), worktime.ClockResume),
			change(at(2016, time.April, 11, 12, 0), worktime.ClockStop),
		}, at(2016, time.April, 30, 0, 0), 8 * time.Hour},
		// Still running, asked at 11:00 the same day.
		{"running", []worktime.StatusChange{
			change(at(2016, time.April, 11, 9, 0), worktime.ClockStart),
		}, at(2016, time.April, 11, 11, 0), 2 * time.Hour},
		// Stopped while paused: the pause ends at the stop.
		{"stopped while paused", []worktime.StatusChange{
			change(at(2016, time.April, 11, 9, 0), worktime.ClockStart),
			change(at(2016, time.April, 11, 10, 0), worktime.ClockPause),
			change(at(2016, time.April, 11, 15, 0), worktime.ClockStop),
		}, at(2016, time.April, 30, 0, 0), time.Hour},
		// Paused and asked mid-pause.
		{"asked while paused", []worktime.StatusChange{
			change(at(2016, time.April, 11, 9, 0), worktime.ClockStart),
			change(at(2016, time.April, 11, 10, 0), worktime.ClockPause),
		}, at(2016, time.April, 11, 15, 0), time.Hour},
		{"asked before the start", []worktime.StatusChange{
			change(at(2016, time.April, 11, 9, 0), worktime.ClockStart),
		}, at(2016, time.April, 10, 9, 0), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := worktime.NewClock(tt.changes...)
			require.NoError(t, err)
			got, err := c.Elapsed(cal, tt.at)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestClockDeadline(t *testing.T) {
	cal := officeCalendar(t)
	// Severity 1, 2 hours: started 09:00 Monday 11 April 2016, paused 10:00
	// to 14:00. One hour ran before the pause; the second runs 14:00-15:00.
	c, err := worktime.NewClock(
		change(at(2016, time.April, 11, 9, 0), worktime.ClockStart),
		change(at(2016, time.April, 11, 10, 0), worktime.ClockPause),
		change(at(2016, time.April, 11, 14, 0), worktime.ClockResume),
	)
	require.NoError(t, err)
	dl, err := c.Deadline(cal, 2*time.Hour)
	require.NoError(t, err)
	assert.True(t, at(2016, time.April, 11, 15, 0).Equal(dl), "got %s", dl)
	// Half an hour is reached before the pause.
	dl, err = c.Deadline(cal, 30*time.Minute)
	require.NoError(t, err)
	assert.True(t, at(2016, time.April, 11, 9, 30).Equal(dl), "got %s", dl)
	assert.False(t, c.Paused())
	_, stopped := c.Stopped()
	assert.False(t, stopped)
	assert.True(t, at(2016, time.April, 11, 9, 0).Equal(c.Started()))

	paused, err := worktime.NewClock(
		change(at(2016, time.April, 11, 9, 0), worktime.ClockStart),
		change(at(2016, time.April, 11, 10, 0), worktime.ClockPause),
	)
	require.NoError(t, err)
	assert.True(t, paused.Paused())
	_, err = paused.Deadline(cal, 2*time.Hour)
	assert.ErrorContains(t, err, "paused with 1h0m0s still to run")

	stopped2, err := worktime.NewClock(
		change(at(2016, time.April, 11, 9, 0), worktime.ClockStart),
		change(at(2016, time.April, 11, 10, 0), worktime.ClockStop),
	)
	require.NoError(t, err)
	_, err = stopped2.Deadline(cal, 2*time.Hour)
	assert.ErrorContains(t, err, "stopped")

	var zero worktime.Clock
	_, err = zero.Elapsed(cal, at(2016, time.April, 11, 9, 0))
	assert.Error(t, err)
	_, err = zero.Deadline(cal, time.Hour)
	assert.Error(t, err)
}

func TestNewClockErrors(t *testing.T) {
	t0 := at(2016, time.April, 11, 9, 0)
	tests := []struct {
		name    string
		changes []worktime.StatusChange
		want    []string
	}{
		{"empty", nil, []string{"needs at least a start"}},
		{"no start", []worktime.StatusChange{change(t0, worktime.ClockPause)}, []string{"changes[0] (pause", "must start first"}},
		{"resume while running", []worktime.StatusChange{change(t0, worktime.ClockStart), change(t0, worktime.ClockResume)}, []string{"changes[1] (resume", "not paused"}},
		{"pause twice", []worktime.StatusChange{change(t0, worktime.ClockStart), change(t0, worktime.ClockPause), change(t0, worktime.ClockPause)}, []string{"already paused"}},
		{"out of order", []worktime.StatusChange{change(t0, worktime.ClockStart), change(t0.Add(-time.Hour), worktime.ClockStop)}, []string{"comes before"}},
		{"after stop", []worktime.StatusChange{change(t0, worktime.ClockStart), change(t0, worktime.ClockStop), change(t0, worktime.ClockResume)}, []string{"already stopped"}},
		{"start twice", []worktime.StatusChange{change(t0, worktime.ClockStart), change(t0, worktime.ClockStart)}, []string{"already started"}},
		{"unknown", []worktime.StatusChange{change(t0, worktime.ClockStart), change(t0, 9)}, []string{"unknown event"}},
		{"every problem at once", []worktime.StatusChange{change(t0, worktime.ClockStart), change(t0, worktime.ClockResume), change(t0, worktime.ClockResume)}, []string{"changes[1]", "changes[2]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := worktime.NewClock(tt.changes...)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.ErrorContains(t, err, w)
			}
		})
	}
}

func TestClockEventNames(t *testing.T) {
	for _, e := range []worktime.ClockEvent{worktime.ClockStart, worktime.ClockPause, worktime.ClockResume, worktime.ClockStop} {
		back, err := worktime.ParseClockEvent(e.String())
		require.NoError(t, err)
		assert.Equal(t, e, back)
	}
	_, err := worktime.ParseClockEvent("hold")
	assert.Error(t, err)
	assert.Equal(t, "ClockEvent(0)", worktime.ClockEvent(0).String())
}
