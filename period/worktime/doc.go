// Package worktime is working time: weekly business hours, working-time
// calendars, deadlines in business hours or working days, and SLA clocks with
// pauses. It builds on the civil dates of package
// [github.com/kpiregime/kpiregime/period], which is reporting time (months,
// years, frequencies, labels); UK bank holidays for a calendar come from
// package [github.com/kpiregime/kpiregime/period/ukholiday].
//
// ICT and payroll KPIs are measured on the clock: "severity 1 incidents
// resolved within 2 hours", "priority 3 within 2 business days", "DBS checks
// within two working days". A [Calendar] is working time in a location:
// weekly [Hours] (any number of spans a day, each a [Span]: 09:00-12:30 and
// 13:30-17:00, a 24x7 desk, a Monday-to-Saturday desk), less holidays and
// closures, over a stated span of days ([CalendarSpec], [NewCalendar]). It
// answers:
//
//   - [Calendar.Elapsed]: the working time between two instants.
//   - [Calendar.Deadline]: when a business duration runs out ("within 4
//     working hours", "within 16 business hours").
//   - [Calendar.DeadlineWorkingDays] and [Calendar.DeadlineWorkingDaysAt]:
//     the end, or a cut-off time, of the nth working day after a day ("within
//     2 working days", "by 16:00 on the next working day"). One working day
//     and 24 business hours are different deadlines, and these are different
//     functions.
//
// A [Clock] is a ticket's SLA clock with pauses (on hold, awaiting
// customer), built from its status changes ([StatusChange]): only paused time
// that overlaps working time is removed. Queries on a calendar take constant
// or logarithmic time and allocate nothing; instants outside its span are an
// error ([ErrOutsideCalendar]), never a guess.
//
// # Values
//
// [TimeOfDay], [Span] and [ClockEvent] are small values that compare with ==.
// [Closure] and [StatusChange] compare with == too, but that compares their
// [time.Time] fields as == does, locations included; [Closure.Equal]
// compares instants. [Hours], [Clock] and [CalendarSpec] hold slices and do
// not compare with ==: compare them with their Equal methods, which
// [github.com/google/go-cmp/cmp.Equal] uses too. A [Calendar] is built once,
// used through a pointer, immutable and safe for concurrent use;
// [Calendar.Equal] reports whether two give the same working time.
//
// [Hours], [TimeOfDay] and [ClockEvent] implement [encoding.TextMarshaler]
// and [encoding.TextUnmarshaler], writing the forms their parsers read. Text
// that does not parse is a
// [*github.com/kpiregime/kpiregime/period.ParseError].
package worktime
