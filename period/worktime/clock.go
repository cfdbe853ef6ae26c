package worktime

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kpiregime/kpiregime/period"
)

// A ClockEvent is a change in an SLA clock's state.
type ClockEvent uint8

// The clock events. A clock starts once, may pause and resume any number of
// times, and may stop once; a ticket "on hold" or "awaiting customer" is a
// paused clock.
const (
	ClockStart ClockEvent = iota + 1
	ClockPause
	ClockResume
	ClockStop
)

var clockEventNames = [...]string{"", "start", "pause", "resume", "stop"}

// String returns the event's name: start, pause, resume, stop.
func (e ClockEvent) String() string {
	if e >= ClockStart && e <= ClockStop {
		return clockEventNames[e]
	}
	return fmt.Sprintf("ClockEvent(%d)", int(e))
}

// ParseClockEvent reads an event by name (start, pause, resume, stop), not
// case-sensitively.
func ParseClockEvent(s string) (ClockEvent, error) {
	for e := ClockStart; e <= ClockStop; e++ {
		if strings.EqualFold(s, clockEventNames[e]) {
			return e, nil
		}
	}
	return 0, &period.ParseError{Package: "worktime", What: "clock event", Input: s, Expected: "start, pause, resume or stop"}
}

// MarshalText implements [encoding.TextMarshaler] with the event's name. An
// event not named above is an error wrapping
// [github.com/kpiregime/kpiregime/period.ErrOutOfRange].
func (e ClockEvent) MarshalText() ([]byte, error) {
	if e < ClockStart || e > ClockStop {
		return nil, fmt.Errorf("worktime: %w: %s is not a clock event", period.ErrOutOfRange, e)
	}
	return []byte(clockEventNames[e]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseClockEvent].
func (e *ClockEvent) UnmarshalText(b []byte) error {
	v, err := ParseClockEvent(string(b))
	if err == nil {
		*e = v
	}
	return err
}

// A StatusChange is one event in a ticket's history.
type StatusChange struct {
	At    time.Time
	Event ClockEvent
}

// A Clock is an SLA clock: it starts, may be paused and resumed, and may
// stop. Its elapsed time is the working time, on a [Calendar], while it ran:
// paused time is removed only where it overlaps working time, so a pause over
// a weekend removes nothing from a Monday-to-Friday clock.
//
// Build a Clock with [NewClock] from a ticket's status changes. The zero
// Clock has not started.
type Clock struct {
	start  time.Time
	pauses []Closure // [pause, resume); the last may be open (End zero)
	stop   time.Time // zero while running
}

// NewClock builds a clock from its status changes, which must be in time
// order: a start, then pauses and resumes in turn, then at most one stop
// (which may come while paused). Every problem is reported, with the index of
// the change.
func NewClock(changes ...StatusChange) (Clock, error) {
	var c Clock
	var errs []error
	paused, stopped := false, false
	for i, ch := range changes {
		bad := func(msg string) {
			errs = append(errs, fmt.Errorf("changes[%d] (%s at %s): %s", i, ch.Event, ch.At.Format(time.RFC3339), msg))
		}
		if i > 0 && ch.At.Before(changes[i-1].At) {
			bad("comes before the change before it")
			continue
		}
		switch {
		case i == 0 && ch.Event != ClockStart:
			bad("a clock must start first")
			continue
		case stopped:
			bad("the clock has already stopped")
			continue
		}
		switch ch.Event {
		case ClockStart:
			if i > 0 {
				bad("the clock has already started")
				continue
			}
			c.start = ch.At
		case ClockPause:
			if paused {
				bad("the clock is already paused")
				continue
			}
			paused = true
			c.pauses = append(c.pauses, Closure{Start: ch.At})
		case ClockResume:
			if !paused {
				bad("the clock is not paused")
				continue
			}
			paused = false
			c.pauses[len(c.pauses)-1].End = ch.At
		case ClockStop:
			if paused {
				c.pauses[len(c.pauses)-1].End = ch.At
				paused = false
			}
			stopped = true
			c.stop = ch.At
		default:
			bad("unknown event")
		}
	}
	if len(changes) == 0 {
		errs = append(errs, errors.New("a clock needs at least a start"))
	}
	if err := errors.Join(errs...); err != nil {
		return Clock{}, fmt.Errorf("worktime: bad clock: %w", err)
	}
	return c, nil
}

// Equal reports whether c and o started, paused, resumed and stopped at the
// same instants, compared with [time.Time.Equal]. A Clock holds a slice and
// does not compare with ==; [github.com/google/go-cmp/cmp.Equal] uses this
// method.
func (c Clock) Equal(o Clock) bool {
	return c.start.Equal(o.start) && c.stop.Equal(o.stop) &&
		slices.EqualFunc(c.pauses, o.pauses, Closure.Equal)
}

// Started returns when the clock started.
func (c Clock) Started() time.Time { return c.start }

// Stopped returns when the clock stopped, and false while it runs.
func (c Clock) Stopped() (time.Time, bool) { return c.stop, !c.stop.IsZero() }

// Paused reports whether the clock is paused now: its last pause has not
// been resumed and it has not stopped.
func (c Clock) Paused() bool { return len(c.pauses) > 0 && c.pauses[len(c.pauses)-1].End.IsZero() }

// Elapsed returns the working time on cal that the clock has run up to at:
// the working time from its start to the earlier of at and its stop, less the
// working time in its pauses. An at before the start gives zero.
func (c Clock) Elapsed(cal *Calendar, at time.Time) (time.Duration, error) {
	if c.start.IsZero() {
		return 0, errors.New("worktime: the clock has not started")
	}
	end := at
	if !c.stop.IsZero() && c.stop.Before(end) {
		end = c.stop
	}
	if end.Before(c.start) {
		return 0, nil
	}
	total, err := cal.Elapsed(c.start, end)
	if err != nil {
		return 0, err
	}
	for _, p := range c.pauses {
		if !p.Start.Before(end) {
			break
		}
		pe := p.End
		if pe.IsZero() || pe.After(end) {
			pe = end
		}
		d, err := cal.Elapsed(p.Start, pe)
		if err != nil {
			return 0, err
		}
		total -= d
	}
	return total, nil
}

// Deadline returns the instant the clock reaches d of working time on cal,
// given the pauses it has had. It is an error if the clock is paused or
// stopped before reaching d: the deadline then depends on events not yet
// known.
func (c Clock) Deadline(cal *Calendar, d time.Duration) (time.Time, error) {
	if c.start.IsZero() {
		return time.Time{}, errors.New("worktime: the clock has not started")
	}
	remaining := d
	from := c.start
	for _, p := range c.pauses {
		run, err := cal.Elapsed(from, p.Start)
		if err != nil {
			return time.Time{}, err
		}
		if run >= remaining {
			return cal.Deadline(from, remaining)
		}
		remaining -= run
		if p.End.IsZero() {
			return time.Time{}, fmt.Errorf("worktime: the clock is paused with %s still to run", remaining)
		}
		from = p.End
	}
	t, err := cal.Deadline(from, remaining)
	if err != nil {
		return time.Time{}, err
	}
	if !c.stop.IsZero() && t.After(c.stop) {
		return time.Time{}, fmt.Errorf("worktime: the clock stopped at %s before reaching %s", c.stop.Format(time.RFC3339), d)
	}
	return t, nil
}
