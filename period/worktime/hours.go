package worktime

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kpiregime/kpiregime/period"
)

// A TimeOfDay is a wall-clock time as seconds after midnight, from 00:00 to
// 24:00 (which is valid only as the end of a span). The zero value is
// midnight.
type TimeOfDay int32

// Midnight and EndOfDay bound a day's wall clock.
const (
	Midnight TimeOfDay = 0
	EndOfDay TimeOfDay = 24 * 60 * 60
)

// NewTimeOfDay returns h:m, or an error wrapping [period.ErrOutOfRange]. 24:00 is
// allowed, as the end of a day.
func NewTimeOfDay(h, m int) (TimeOfDay, error) {
	if h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0) {
		return 0, fmt.Errorf("%w: %02d:%02d is not a time of day", period.ErrOutOfRange, h, m)
	}
	return TimeOfDay(h*3600 + m*60), nil
}

// ParseTimeOfDay parses HH:MM or HH:MM:SS on the 24-hour clock (09:00,
// 17:30, 24:00).
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	const want = "a time written HH:MM, such as 09:00 or 17:30"
	if (len(s) != 5 && len(s) != 8) || s[2] != ':' || (len(s) == 8 && s[5] != ':') {
		return 0, &period.ParseError{Package: "worktime", What: "time of day", Input: s, Expected: want}
	}
	h, ok1 := twoDigits(s[0:2])
	m, ok2 := twoDigits(s[3:5])
	sec, ok3 := 0, true
	if len(s) == 8 {
		sec, ok3 = twoDigits(s[6:8])
	}
	if !ok1 || !ok2 || !ok3 {
		return 0, &period.ParseError{Package: "worktime", What: "time of day", Input: s, Expected: want}
	}
	t, err := NewTimeOfDay(h, m)
	if err == nil && (sec > 59 || (h == 24 && sec != 0)) {
		err = fmt.Errorf("%w: second %d", period.ErrOutOfRange, sec)
	}
	if err != nil {
		return 0, &period.ParseError{Package: "worktime", What: "time of day", Input: s, Expected: want, Err: err}
	}
	return t + TimeOfDay(sec), nil
}

// errEmpty marks hours given as empty text, which have no form at all.
var errEmpty = errors.New("no working hours")

// twoDigits parses exactly two ASCII digits.
func twoDigits(s string) (int, bool) {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

// Hour returns the hour of t, 0 to 24.
func (t TimeOfDay) Hour() int { return int(t) / 3600 }

// Minute returns the minute within the hour.
func (t TimeOfDay) Minute() int { return int(t) / 60 % 60 }

// Second returns the second within the minute.
func (t TimeOfDay) Second() int { return int(t) % 60 }

// String returns t as HH:MM, or HH:MM:SS when it has seconds.
func (t TimeOfDay) String() string {
	if t.Second() != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", t.Hour(), t.Minute(), t.Second())
	}
	return fmt.Sprintf("%02d:%02d", t.Hour(), t.Minute())
}

// MarshalText implements [encoding.TextMarshaler] with [TimeOfDay.String].
// A value outside 00:00 to 24:00 is an error wrapping
// [github.com/kpiregime/kpiregime/period.ErrOutOfRange].
func (t TimeOfDay) MarshalText() ([]byte, error) {
	if t < Midnight || t > EndOfDay {
		return nil, fmt.Errorf("worktime: %w: %d seconds is not a time of day", period.ErrOutOfRange, int32(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseTimeOfDay].
func (t *TimeOfDay) UnmarshalText(b []byte) error {
	v, err := ParseTimeOfDay(string(b))
	if err == nil {
		*t = v
	}
	return err
}

// On returns the instant t falls at on day d in loc, built from the civil
// date and the wall clock (24:00 is the start of the next day). Where the
// wall-clock time does not exist, because the clocks went forward, the result
// is the one [time.Date] gives.
func (t TimeOfDay) On(d period.Date, loc *time.Location) time.Time {
	if t >= EndOfDay {
		return d.AddDays(1).In(loc)
	}
	if t == Midnight {
		return d.In(loc)
	}
	y, m, dd := d.Civil()
	return time.Date(y, m, dd, t.Hour(), t.Minute(), t.Second(), 0, loc)
}

// A Span is a half-open stretch of a day's wall clock, [Start, End).
type Span struct {
	Start, End TimeOfDay
}

// String returns the span as 09:00-17:00.
func (s Span) String() string { return s.Start.String() + "-" + s.End.String() }

// Hours are the weekly working hours of a desk or a service: for each day of
// the week, any number of spans (09:00-12:30 and 13:30-17:00). Build them with
// [ParseHours] or [NewHours]. The zero Hours has no working time at all.
type Hours struct {
	week [7][]Span // by time.Weekday; sorted, non-overlapping, non-adjacent
}

// NewHours returns hours with the given spans on each weekday; days not in
// the map have none. Spans on a day must not overlap; adjacent spans are
// joined (09:00-12:00 and 12:00-17:00 is 09:00-17:00). Spans that cross
// midnight must be written as two, one each side.
func NewHours(week map[time.Weekday][]Span) (Hours, error) {
	var h Hours
	var errs []error
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		spans := slices.Clone(week[wd])
		slices.SortFunc(spans, func(a, b Span) int { return int(a.Start - b.Start) })
		var out []Span
		for _, s := range spans {
			if s.Start < 0 || s.End > EndOfDay || s.Start >= s.End {
				errs = append(errs, fmt.Errorf("%s %s: a span must run forwards within 00:00 to 24:00", wd, s))
				continue
			}
			if n := len(out); n > 0 && s.Start < out[n-1].End {
				errs = append(errs, fmt.Errorf("%s: %s overlaps %s", wd, s, out[n-1]))
				continue
			}
			if n := len(out); n > 0 && s.Start == out[n-1].End {
				out[n-1].End = s.End
				continue
			}
			out = append(out, s)
		}
		h.week[wd] = out
	}
	for wd := range week {
		if wd < time.Sunday || wd > time.Saturday {
			errs = append(errs, fmt.Errorf("%d is not a day of the week", int(wd)))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Hours{}, err
	}
	return h, nil
}

// Day returns the spans of weekday wd, in order.
func (h Hours) Day(wd time.Weekday) []Span {
	if wd < time.Sunday || wd > time.Saturday {
		return nil
	}
	return slices.Clone(h.week[wd])
}

// Weekly returns the total working time in a week of h, ignoring clock
// changes and holidays.
func (h Hours) Weekly() time.Duration {
	var total time.Duration
	for _, spans := range h.week {
		for _, s := range spans {
			total += time.Duration(s.End-s.Start) * time.Second
		}
	}
	return total
}

// IsZero reports whether h has no working time.
func (h Hours) IsZero() bool { return h.Weekly() == 0 }

// Equal reports whether h and o have the same spans on every day.
func (h Hours) Equal(o Hours) bool {
	for i := range h.week {
		if !slices.Equal(h.week[i], o.week[i]) {
			return false
		}
	}
	return true
}

// dayOrder lists the week from Monday, as working hours are written.
var dayOrder = [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// String returns the canonical form [ParseHours] reads: runs of days with the
// same spans, Monday first: "Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00".
// Hours with no working time are "closed".
func (h Hours) String() string {
	var parts []string
	for i := 0; i < 7; {
		j := i
		for j+1 < 7 && slices.Equal(h.week[dayOrder[j+1]], h.week[dayOrder[i]]) {
			j++
		}
		if spans := h.week[dayOrder[i]]; len(spans) > 0 {
			days := dayOrder[i].String()[:3]
			if j > i {
				days += "-" + dayOrder[j].String()[:3]
			}
			ss := make([]string, len(spans))
			for k, s := range spans {
				ss[k] = s.String()
			}
			parts = append(parts, days+" "+strings.Join(ss, ","))
		}
		i = j + 1
	}
	if len(parts) == 0 {
		return "closed"
	}
	return strings.Join(parts, "; ")
}

// MarshalText implements [encoding.TextMarshaler] with the canonical form.
func (h Hours) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseHours].
func (h *Hours) UnmarshalText(b []byte) error {
	v, err := ParseHours(string(b))
	if err != nil {
		return err
	}
	*h = v
	return nil
}

const hoursForms = `working hours such as "Mon-Fri 09:00-17:00", "Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00" or "24x7"`

// ParseHours parses weekly working hours: clauses separated by semicolons,
// each a day or run of days (Mon, Mon-Fri, Mon,Wed,Fri, or Daily for every
// day) and a comma-separated list of spans (09:00-17:00). "24x7" is every day
// 00:00-24:00, and "closed" no working time. Days are not case-sensitive; a
// day named twice is an error, as are spans that overlap or run backwards.
func ParseHours(s string) (Hours, error) {
	week, err := parseHours(s)
	if err == nil {
		var h Hours
		if h, err = NewHours(week); err == nil {
			return h, nil
		}
	}
	pe := &period.ParseError{Package: "worktime", What: "working hours", Input: s, Expected: hoursForms}
	if !errors.Is(err, errEmpty) {
		pe.Err = err
	}
	return Hours{}, pe
}

func parseHours(s string) (map[time.Weekday][]Span, error) {
	week := map[time.Weekday][]Span{}
	trimmed := strings.TrimSpace(s)
	switch strings.ToLower(trimmed) {
	case "24x7", "24/7":
		for _, wd := range dayOrder {
			week[wd] = []Span{{Midnight, EndOfDay}}
		}
		return week, nil
	case "closed":
		return week, nil
	case "":
		return nil, errEmpty
	}
	seen := map[time.Weekday]bool{}
	for _, clause := range strings.Split(trimmed, ";") {
		f := strings.Fields(clause)
		if len(f) != 2 {
			return nil, fmt.Errorf("clause %q: want days then spans, such as Mon-Fri 09:00-17:00", strings.TrimSpace(clause))
		}
		days, err := parseDays(f[0])
		if err != nil {
			return nil, err
		}
		var spans []Span
		for _, sp := range strings.Split(f[1], ",") {
			a, b, ok := strings.Cut(sp, "-")
			if !ok {
				return nil, fmt.Errorf("span %q: want HH:MM-HH:MM", sp)
			}
			start, err := ParseTimeOfDay(a)
			if err != nil {
				return nil, err
			}
			end, err := ParseTimeOfDay(b)
			if err != nil {
				return nil, err
			}
			spans = append(spans, Span{start, end})
		}
		for _, wd := range days {
			if seen[wd] {
				return nil, fmt.Errorf("%s is given twice", wd)
			}
			seen[wd] = true
			week[wd] = spans
		}
	}
	return week, nil
}

// parseDays reads Mon, Mon-Fri, Mon,Wed,Fri or Daily.
func parseDays(s string) ([]time.Weekday, error) {
	if strings.EqualFold(s, "daily") {
		return dayOrder[:], nil
	}
	var out []time.Weekday
	for _, part := range strings.Split(s, ",") {
		a, b, isRange := strings.Cut(part, "-")
		i, ok := dayIndex(a)
		if !ok {
			return nil, fmt.Errorf("%q is not a day (want Mon, Tue, ... Sun)", a)
		}
		j := i
		if isRange {
			if j, ok = dayIndex(b); !ok {
				return nil, fmt.Errorf("%q is not a day (want Mon, Tue, ... Sun)", b)
			}
			if j < i {
				return nil, fmt.Errorf("the run %s goes backwards: the week starts on Monday", part)
			}
		}
		for k := i; k <= j; k++ {
			out = append(out, dayOrder[k])
		}
	}
	return out, nil
}

// dayIndex finds a three-letter day name in dayOrder.
func dayIndex(s string) (int, bool) {
	for i, wd := range dayOrder {
		if strings.EqualFold(s, wd.String()[:3]) {
			return i, true
		}
	}
	return 0, false
}
