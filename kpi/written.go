package kpi

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// A Comparison says how a written target compares: "< 5%" is Below, "Not
// greater than 3%" is AtMost. A bare figure ("90%") states none, and the
// measure's polarity decides: at least the figure for higher-is-better, at
// most for lower-is-better.
type Comparison uint8

// The comparisons. Below and Above are strict: a figure exactly at the level
// does not meet it.
const (
	Unstated Comparison = iota
	AtLeast             // >=, "at least", "not less than", "minimum"
	AtMost              // <=, "not greater than", "no more than", "maximum"
	Below               // <, "less than"
	Above               // >, "more than", "greater than"
	// NotPublished is a target the public papers do not give ("not
	// published"): the schedule sets one, but only outcomes reported
	// against it can be rated ([Outcome]). It has no value.
	NotPublished
)

var comparisonSymbols = [...]string{"", ">=", "<=", "<", ">", "not published"}

// String returns the comparison as a symbol: >=, <=, < or >; "" for
// Unstated.
func (c Comparison) String() string {
	if int(c) < len(comparisonSymbols) {
		return comparisonSymbols[c]
	}
	return fmt.Sprintf("Comparison(%d)", int(c))
}

// Strict reports whether a figure exactly at the level fails the comparison.
func (c Comparison) Strict() bool { return c == Below || c == Above }

// Polarity returns the polarity a comparison implies: higher is better for
// >= and >, lower for <= and <; 0 for Unstated.
func (c Comparison) Polarity() Polarity {
	switch c {
	case AtLeast, Above:
		return HigherIsBetter
	case AtMost, Below:
		return LowerIsBetter
	}
	return 0
}

// A Written value is a figure or a target as the seed documents write it:
// a value, the unit its text named (if any), and for a target its
// comparison.
type Written struct {
	Value      decimal.Decimal
	Unit       Unit // 0 when the text names no unit
	Comparison Comparison
}

// Equal reports whether w and o are the same written value.
func (w Written) Equal(o Written) bool {
	return w.Value.Equal(o.Value) && w.Value.Exponent() == o.Value.Exponent() && w.Unit == o.Unit && w.Comparison == o.Comparison
}

// String writes w back in a canonical form that [ParseWritten] reads: a
// comparison symbol, the value as given (trailing zeros kept: 100.00), and
// the unit: "< 5%", ">= 90.0%", "1 failure", "25 secs", "14.00 days", "£4,210.50".
func (w Written) String() string {
	if w.Comparison == NotPublished {
		return notPublished
	}
	var b strings.Builder
	if w.Comparison != Unstated {
		b.WriteString(w.Comparison.String())
		b.WriteByte(' ')
	}
	v := asWritten(w.Value)
	switch w.Unit {
	case Percent:
		b.WriteString(v + "%")
	case Money:
		b.WriteString("£" + v)
	case Failures:
		if w.Value.Equal(decimal.NewFromInt(1)) {
			b.WriteString(v + " failure")
		} else {
			b.WriteString(v + " failures")
		}
	case Days:
		b.WriteString(v + " days")
	case Hours:
		b.WriteString(v + " hours")
	case Minutes:
		b.WriteString(v + " mins")
	case Seconds:
		b.WriteString(v + " secs")
	default:
		b.WriteString(v)
	}
	return b.String()
}

// MarshalText implements [encoding.TextMarshaler] with [Written.String].
func (w Written) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseWritten].
func (w *Written) UnmarshalText(b []byte) error {
	v, err := ParseWritten(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

const writtenForms = `a figure or target such as 95.8%, 100.00, < 5%, Not greater than 3%, > 3.5, 0 failures, 25 secs or 14.00 days`

// comparisonWords are the phrases a target may start with, longest first
// where one is a prefix of another.
var comparisonWords = []struct {
	text string
	c    Comparison
}{
	{"not greater than", AtMost}, {"not more than", AtMost}, {"no more than", AtMost}, {"at most", AtMost},
	{"maximum", AtMost}, {"max", AtMost}, {"<=", AtMost}, {"≤", AtMost},
	{"not less than", AtLeast}, {"no less than", AtLeast}, {"at least", AtLeast}, {"minimum", AtLeast},
	{"min", AtLeast}, {">=", AtLeast}, {"≥", AtLeast},
	{"less than", Below}, {"fewer than", Below}, {"under", Below}, {"<", Below},
	{"greater than", Above}, {"more than", Above}, {"over", Above}, {">", Above},
}

// unitWords are the unit suffixes a value may end with.
var unitWords = []struct {
	text string
	u    Unit
}{
	{"%", Percent}, {"percent", Percent}, {"per cent", Percent},
	{"failures", Failures}, {"failure", Failures},
	{"days", Days}, {"day", Days}, {"working days", Days},
	{"hours", Hours}, {"hour", Hours}, {"hrs", Hours}, {"hr", Hours},
	{"minutes", Minutes}, {"minute", Minutes}, {"mins", Minutes}, {"min", Minutes},
	{"seconds", Seconds}, {"second", Seconds}, {"secs", Seconds}, {"sec", Seconds},
}

// ParseWritten reads a figure or target in the forms the seed documents
// use: 95.8%, 100.00, 90.0%, < 5%, <0.4%, Not greater than 3%, > 3.5, >3.5,
// 0 failures, 1 failure, 25 secs, 14.00 days; also >=, <=, "at least",
// "at most", "less than", "more than", and £ for money. The value keeps its
// written places (100.00 stays 100.00). A decimal comma (95,8) is an error,
// not a thousands separator; commas are accepted only between groups of
// three digits (£4,210.50). Bad text is a [*ParseError] that quotes it.
func ParseWritten(s string) (Written, error) {
	w, err := parseWritten(s)
	if err != nil {
		return Written{}, &ParseError{What: "value", Input: s, Expected: writtenForms, Err: err}
	}
	return w, nil
}

// notPublished is how a file writes a target or level that the public
// papers do not give.
const notPublished = "not published"

func parseWritten(s string) (Written, error) {
	if len(s) > MaxText {
		return Written{}, errTooLong(s)
	}
	var w Written
	rest := strings.TrimSpace(s)
	lower := strings.ToLower(rest)
	if lower == notPublished {
		return Written{Comparison: NotPublished}, nil
	}
	for _, cw := range comparisonWords {
		if strings.HasPrefix(lower, cw.text) {
			w.Comparison = cw.c
			rest = strings.TrimSpace(rest[len(cw.text):])
			lower = strings.ToLower(rest)
			break
		}
	}
	if strings.HasPrefix(rest, "£") {
		w.Unit = Money
		rest = strings.TrimSpace(rest[len("£"):])
		lower = strings.ToLower(rest)
	}
	// The number runs while the characters are digits, points and commas.
	end := 0
	for end < len(rest) && (rest[end] >= '0' && rest[end] <= '9' || rest[end] == '.' || rest[end] == ',') {
		end++
	}
	num, suffix := rest[:end], strings.TrimSpace(lower[end:])
	if num == "" {
		if rest == "" {
			return Written{}, errors.New("there is no figure")
		}
		if rest[0] == '-' || rest[0] == '+' {
			return Written{}, fmt.Errorf("a sign (%c) is not read: figures and targets are written without one, as zero or more", rest[0])
		}
		return Written{}, fmt.Errorf("%q is not a figure", rest)
	}
	v, err := parseNumber(num)
	if err != nil {
		return Written{}, err
	}
	w.Value = v
	if suffix != "" {
		found := false
		for _, uw := range unitWords {
			if suffix == uw.text {
				if w.Unit == Money {
					return Written{}, fmt.Errorf("money cannot also be %s", uw.u)
				}
				w.Unit, found = uw.u, true
				break
			}
		}
		if !found {
			return Written{}, fmt.Errorf("%q is not a unit (want %%, days, hours, mins, secs or failures)", suffix)
		}
	}
	if w.Unit == Failures && !v.IsInteger() {
		return Written{}, fmt.Errorf("a number of failures must be whole, not %s", num)
	}
	return w, nil
}

// parseNumber reads digits with an optional decimal point and optional
// thousands commas, keeping the written exponent.
func parseNumber(num string) (decimal.Decimal, error) {
	intPart, frac, hasPoint := strings.Cut(num, ".")
	if hasPoint && (frac == "" || strings.ContainsAny(frac, ".,")) {
		return decimal.Decimal{}, fmt.Errorf("%q is not a decimal number", num)
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		ok := len(groups[0]) >= 1 && len(groups[0]) <= 3
		for _, g := range groups[1:] {
			ok = ok && len(g) == 3
		}
		if !ok {
			return decimal.Decimal{}, fmt.Errorf("%q has a comma that is not a thousands separator: write a decimal point, not a comma", num)
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" {
		return decimal.Decimal{}, fmt.Errorf("%q needs a digit before the point (0.4, not .4)", num)
	}
	text := intPart
	if hasPoint {
		text += "." + frac
	}
	if err := checkDigits(text); err != nil {
		return decimal.Decimal{}, err
	}
	v, err := decimal.NewFromString(text)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%q is not a number", num)
	}
	return v, nil
}
