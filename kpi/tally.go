package kpi

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/worktime"
)

// A Record is one raw item behind an indicator: an incident, a service
// request, a benefit claim. It started and ended (or was resolved) at the
// given instants; Clock, when it has started, is its SLA clock with pauses
// and is used instead of Start and End for working time.
type Record struct {
	Start, End time.Time
	Clock      worktime.Clock
}

// A Test says whether a record passes: resolved within its SLA, processed
// on time.
type Test func(Record) (bool, error)

// WithinWorkingTime passes a record whose working time on cal, pauses
// removed, is at most limit: "severity 1 resolved within 2 hours",
// "priority 3 within 2 business days" read as 16 business hours.
func WithinWorkingTime(cal *worktime.Calendar, limit time.Duration) Test {
	return func(r Record) (bool, error) {
		var d time.Duration
		var err error
		if !r.Clock.Started().IsZero() {
			d, err = r.Clock.Elapsed(cal, r.End)
		} else {
			d, err = cal.Elapsed(r.Start, r.End)
		}
		if err != nil {
			return false, err
		}
		return d <= limit, nil
	}
}

// WithinWorkingDays passes a record that ended by the close of the nth
// working day after the day it started: "DBS checks within two working
// days" read as a count of days.
func WithinWorkingDays(cal *worktime.Calendar, n int) Test {
	return func(r Record) (bool, error) {
		dl, err := cal.DeadlineWorkingDays(r.Start, n)
		if err != nil {
			return false, err
		}
		return !r.End.After(dl), nil
	}
}

// CountPassing tallies records into counts: those that pass of all of them.
// No records is no volume, which evaluates as not measurable.
func CountPassing(records []Record, pass Test) (Observation, error) {
	n, err := countPass(records, pass)
	if err != nil {
		return Observation{}, err
	}
	return Counts(int64(n), int64(len(records))), nil
}

// CountFailures tallies records into a volume of failures: the number that
// do not pass.
func CountFailures(records []Record, pass Test) (Observation, error) {
	n, err := countPass(records, pass)
	if err != nil {
		return Observation{}, err
	}
	return Figure(decimal.NewFromInt(int64(len(records) - n))), nil
}

func countPass(records []Record, pass Test) (int, error) {
	n := 0
	for i, r := range records {
		ok, err := pass(r)
		if err != nil {
			return 0, fmt.Errorf("kpi: record %d: %w", i, err)
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// MeanCalendarDays tallies records into a mean of days, counting both the
// first and the last day in the records' location, as benefit processing
// times are counted: a claim received and decided on the same day took one
// day. A record that ends before it starts is an error.
func MeanCalendarDays(records []Record) (Observation, error) {
	total := int64(0)
	for i, r := range records {
		first, last := period.DateOf(r.Start), period.DateOf(r.End.In(r.Start.Location()))
		if last.Before(first) {
			return Observation{}, fmt.Errorf("kpi: record %d ends (%s) before it starts (%s)", i, last, first)
		}
		total += int64(last.Sub(first) + 1)
	}
	return Mean(decimal.NewFromInt(total), int64(len(records))), nil
}

// MeanWorkingDays tallies records into a mean of working days on cal,
// counting the first and last day where they are working days.
func MeanWorkingDays(cal *worktime.Calendar, records []Record) (Observation, error) {
	total := int64(0)
	loc := cal.Location()
	for i, r := range records {
		first, last := period.DateOf(r.Start.In(loc)), period.DateOf(r.End.In(loc))
		if last.Before(first) {
			return Observation{}, fmt.Errorf("kpi: record %d ends (%s) before it starts (%s)", i, last, first)
		}
		n, err := cal.WorkingDays(first, last.AddDays(1))
		if err != nil {
			return Observation{}, fmt.Errorf("kpi: record %d: %w", i, err)
		}
		total += int64(n)
	}
	return Mean(decimal.NewFromInt(total), int64(len(records))), nil
}
