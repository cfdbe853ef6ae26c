package period

import (
	"errors"
	"strings"
	"time"

	"fmt"
)

const labelForms = "a period label such as Apr-16, April 2016, 2016-04, 2016/17, 2016/2017, Q1 2016/17, " +
	"Quarter One 2016/2017, H1 2016/17, YTD 2016/17, YTD 2016/17 to Aug-16, Apr-16 to Jun-16 or 2016-04-01..2016-04-28"

// ParseLabel parses a period label as committee reports write them, reading
// years as UK financial years (April to March). It is Years{}.Parse; see
// [Years.Parse] for the forms.
func ParseLabel(s string) (Period, error) { return Years{}.Parse(s) }

// Parse parses a period label, reading financial-year labels as years that
// start in ys's month. It accepts:
//
//	a month            2016-04, Apr-16, Apr-2016, April 2016
//	a year             2016/17, 2016/2017, and 2016 for a calendar year
//	a quarter          Q1 2016/17, Quarter One 2016/2017, Quarter 1 2016/17
//	a half             H1 2016/17, Half One 2016/2017, Half 1 2016/17
//	a year to date     YTD 2016/17 (the whole year), YTD 2016/17 to Aug-16
//	a run of months    2016-04..2016-06, Apr-16 to Jun-16
//	a run of days      2016-04-01..2016-04-28, 2016-04-01 to 2016-04-28 (last day included)
//
// Any year label may end "from Sep" (or "from September") to say which month
// its years start in, overriding ys: that is how [Period.Label] writes years
// that start in neither April nor January. Month names and keywords are not
// case-sensitive; words are separated by white space. The second year of
// 2016/17 must be the year after the first. Anything else is a
// [*ParseError] that quotes the input.
func (ys Years) Parse(s string) (Period, error) {
	p, err := ys.parse(s)
	if err != nil {
		pe := &ParseError{What: "period label", Input: s, Expected: labelForms}
		if !errors.Is(err, errNotLabel) && !errors.Is(err, errNotMonth) {
			pe.Err = err
		}
		return Period{}, pe
	}
	return p, nil
}

// errNotLabel marks input that matches no form at all, as opposed to a form
// with a bad value in it.
var errNotLabel = errors.New("not a label")

func (ys Years) parse(s string) (Period, error) {
	if len(s) > MaxLabel {
		return Period{}, fmt.Errorf("it is %d characters long: a period label has at most %d", len(s), MaxLabel)
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return Period{}, errNotLabel
	}
	f, start, explicit, err := yearStartSuffix(f, ys.Start())
	if err != nil {
		return Period{}, err
	}
	if p, ok, err := parsePart(f, start, explicit); ok {
		return p, err
	}
	if explicit {
		// Only year labels take a start month.
		if len(f) != 1 {
			return Period{}, errNotLabel
		}
		y, err := parseYearToken(f[0], start, true)
		if err != nil {
			return Period{}, err
		}
		return y.Period(), nil
	}
	// Ranges: A..B or A to B.
	if len(f) == 1 {
		if a, b, ok := strings.Cut(f[0], ".."); ok {
			return parseRange(a, b)
		}
	}
	for i, w := range f {
		if strings.EqualFold(w, "to") && i > 0 && i < len(f)-1 {
			return parseRange(strings.Join(f[:i], " "), strings.Join(f[i+1:], " "))
		}
	}
	joined := strings.Join(f, " ")
	if m, err := parseMonthText(joined); err == nil {
		return m.Period(), nil
	} else if !errors.Is(err, errNotMonth) {
		return Period{}, err
	}
	if len(f) == 1 {
		y, err := parseYearToken(f[0], start, false)
		if err != nil {
			return Period{}, err
		}
		return y.Period(), nil
	}
	return Period{}, errNotLabel
}

// yearStartSuffix reads a closing "from Sep" off the fields f: it returns
// the fields before it, the month the years start in (start where there is
// no suffix), and whether the suffix gave it.
func yearStartSuffix(f []string, start time.Month) ([]string, time.Month, bool, error) {
	n := len(f)
	if n < 3 || !strings.EqualFold(f[n-2], "from") {
		return f, start, false, nil
	}
	m, ok := monthByName(f[n-1], true)
	if !ok {
		m, ok = monthByName(f[n-1], false)
	}
	if !ok {
		return nil, 0, false, errors.New("the word after \"from\" must name the month the year starts in")
	}
	return f[:n-2], m, true, nil
}

// parsePart parses the labels that begin with a keyword: a year to date
// (YTD 2016/17, YTD 2016/17 to Aug-16), a quarter or a half (Q1 2016/17,
// Quarter One 2016/2017). ok is false where f begins with none of them.
func parsePart(f []string, start time.Month, explicit bool) (p Period, ok bool, err error) {
	head := strings.ToUpper(f[0])
	switch {
	case head == "YTD":
		if len(f) < 2 {
			return Period{}, true, errNotLabel
		}
		y, err := parseYearToken(f[1], start, explicit)
		if err != nil {
			return Period{}, true, err
		}
		switch {
		case len(f) == 2:
			p, err = y.ToDate(y.Last())
			return p, true, err
		case strings.EqualFold(f[2], "to") && len(f) > 3:
			m, err := parseMonthText(strings.Join(f[3:], " "))
			if err != nil {
				return Period{}, true, err
			}
			p, err = y.ToDate(m)
			return p, true, err
		}
		return Period{}, true, errNotLabel
	case len(f) == 2 && len(head) == 2 && (head[0] == 'Q' || head[0] == 'H'):
		n, ok := digits(head[1:])
		if !ok {
			return Period{}, true, errNotLabel
		}
		p, err = part(head[0] == 'Q', n, f[1], start, explicit)
		return p, true, err
	case len(f) == 3 && (head == "QUARTER" || head == "HALF"):
		n, ok := numberWord(f[1])
		if !ok {
			return Period{}, true, errNotLabel
		}
		p, err = part(head == "QUARTER", n, f[2], start, explicit)
		return p, true, err
	}
	return Period{}, false, nil
}

// part builds quarter or half n of the year written tok.
func part(quarter bool, n int, tok string, start time.Month, explicit bool) (Period, error) {
	y, err := parseYearToken(tok, start, explicit)
	if err != nil {
		return Period{}, err
	}
	if quarter {
		return y.Quarter(n)
	}
	return y.Half(n)
}

// numberWord reads One to Four, or 1 to 4.
func numberWord(s string) (int, bool) {
	for i := 1; i < len(numberWords); i++ {
		if strings.EqualFold(s, numberWords[i]) {
			return i, true
		}
	}
	if n, ok := digits(s); ok && len(s) == 1 {
		return n, true
	}
	return 0, false
}

// parseYearToken reads 2016/17 or 2016/2017 as a year starting in start, or
// 2016 as a calendar year.
func parseYearToken(tok string, start time.Month, explicit bool) (Year, error) {
	a, b, slash := strings.Cut(tok, "/")
	y, ok := digits(a)
	if !ok || len(a) != 4 {
		return Year{}, errNotLabel
	}
	if !slash {
		if explicit && start != time.January {
			return Year{}, errors.New("a single year is a calendar year; write a year starting in another month as 2016/17")
		}
		return yearFrom(y, time.January)
	}
	if start == time.January {
		return Year{}, errors.New("years starting in January are calendar years, written 2016")
	}
	z, ok := digits(b)
	switch {
	case !ok || (len(b) != 2 && len(b) != 4):
		return Year{}, errNotLabel
	case len(b) == 2 && z != (y+1)%100, len(b) == 4 && z != y+1:
		return Year{}, errors.New("the second year must be the year after the first")
	}
	return yearFrom(y, start)
}

func yearFrom(y int, start time.Month) (Year, error) {
	ys, err := YearsStarting(start)
	if err != nil {
		return Year{}, err
	}
	return ys.Year(y)
}

// parseRange reads a run of months or of days, last one included.
func parseRange(a, b string) (Period, error) {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if len(a) == 10 && len(b) == 10 {
		d1, err := ParseDate(a)
		if err != nil {
			return Period{}, err
		}
		d2, err := ParseDate(b)
		if err != nil {
			return Period{}, err
		}
		if d2.Before(d1) {
			return Period{}, errors.New("the range ends before it starts")
		}
		return DateRange(d1, d2.AddDays(1))
	}
	m1, err := parseMonthText(a)
	if err != nil {
		return Period{}, err
	}
	m2, err := parseMonthText(b)
	if err != nil {
		return Period{}, err
	}
	p, err := MonthRange(m1, m2)
	if err != nil {
		return Period{}, err
	}
	p.kind = KindMonths // a range written as a range stays one
	if m1.Equal(m2) {
		p.kind = KindMonth
	}
	return p, nil
}
