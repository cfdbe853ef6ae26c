package period

import (
	"encoding"
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fuzzMaxMessage bounds the message of a parse error: a long input should be
// quoted as a short excerpt, so a longer message, whatever the input, fails
// a target. The fuzzer seldom makes inputs long enough to reach it: set
// KPIREGIME_FUZZ_LONG=1 to seed the targets with a 1 MiB input as well.
const fuzzMaxMessage = 8 << 10

// fuzzQuotedUpTo is the length of input, in bytes, that a message must
// quote in full; a longer input may be quoted as an excerpt.
const fuzzQuotedUpTo = 32

// fuzzLongSeeds are the 1 MiB inputs added to the targets when
// KPIREGIME_FUZZ_LONG is set.
func fuzzLongSeeds() []string {
	if os.Getenv("KPIREGIME_FUZZ_LONG") == "" {
		return nil
	}
	return []string{strings.Repeat("x", 1<<20), "09:00" + strings.Repeat(" ", 1<<20)}
}

// checkFuzzParseError fails t unless err, from parsing s, is a *ParseError
// for one of whats, with s as its Input, whose message quotes a short s and
// is at most fuzzMaxMessage bytes.
func checkFuzzParseError(t *testing.T, s string, err error, whats ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%.80q: no error", s)
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("%.80q: error %T is not a *ParseError: %v", s, err, err)
	}
	if !slices.Contains(whats, pe.What) {
		t.Fatalf("%.80q: a ParseError for a %q, want one of %q", s, pe.What, whats)
	}
	if pe.Input != s {
		t.Fatalf("%.80q: the ParseError's Input is %.80q", s, pe.Input)
	}
	msg := err.Error()
	if len(s) <= fuzzQuotedUpTo && !strings.Contains(msg, strconv.Quote(s)) {
		t.Fatalf("%q: the message does not quote the input: %s", s, msg)
	}
	if len(msg) > fuzzMaxMessage {
		t.Fatalf("an input of %d bytes gives a message of %d bytes, which quotes more than an excerpt: %.200s...", len(s), len(msg), msg)
	}
}

// textValue is what the package's text types have in common.
type textValue[T any] interface {
	Equal(T) bool
	IsZero() bool
	encoding.TextMarshaler
}

// checkText fails t unless UnmarshalText of s agrees with parse (an empty
// text is the zero value where emptyIsZero), a value read writes with
// MarshalText to a text that reads back to it (where an empty text is the
// zero value, a text that is empty for the zero value only), and an error is
// a *ParseError for one of whats.
func checkText[T textValue[T], PT interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, s string, parse func(string) (T, error), emptyIsZero bool, whats ...string) {
	t.Helper()
	var u T
	uerr := PT(&u).UnmarshalText([]byte(s))
	if s == "" && emptyIsZero {
		if uerr != nil || !u.IsZero() {
			t.Fatalf("%T: UnmarshalText of an empty text = %v, %v; want the zero value", u, u, uerr)
		}
		return
	}
	v, err := parse(s)
	if (uerr == nil) != (err == nil) || !u.Equal(v) {
		t.Fatalf("%T %.80q: UnmarshalText gives %v, %v; the parser %v, %v", u, s, u, uerr, v, err)
	}
	if uerr != nil {
		checkFuzzParseError(t, s, uerr, whats...)
		return
	}
	b, err := u.MarshalText()
	if err != nil {
		t.Fatalf("%T %.80q reads as %v, and MarshalText fails: %v", u, s, u, err)
	}
	if emptyIsZero && (len(b) == 0) != u.IsZero() {
		t.Fatalf("%T %.80q reads as %v (zero: %v), which MarshalText writes as %q", u, s, u, u.IsZero(), b)
	}
	var back T
	if err := PT(&back).UnmarshalText(b); err != nil || !back.Equal(u) {
		t.Fatalf("%T %.80q reads as %v; MarshalText %q reads as %v, %v", u, s, u, b, back, err)
	}
}

// parseYear is what Year.UnmarshalText documents: a label that ParseLabel
// reads as a year.
func parseYear(s string) (Year, error) {
	p, err := ParseLabel(s)
	if err != nil {
		return Year{}, err
	}
	y, ok := p.Year()
	if !ok || p.Kind() != KindYear {
		return Year{}, &ParseError{What: "year", Input: s}
	}
	return y, nil
}

// FuzzUnmarshalText reads the input with the UnmarshalText method of Date,
// Month, Year, Period and Frequency. For each it asserts what
// checkText says: the method reads what its parser reads (ParseDate,
// ParseMonth, a year label of ParseLabel, ParseLabel, ParseFrequency) and an empty text as the zero value where it documents so;
// MarshalText writes what it read as text that reads back to the same
// value; and an error is a *ParseError that quotes a short input.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"", "2016-04-01", "2016-02-30", "2016-04", "Apr-16", "April 2016", "2016/17", "2016/2017",
		"2016", "2016/17 from Sep", "Q1 2016/17", "YTD 2016/17 to Aug-16", "2016-04-01..2016-04-28", "Monthly",
		"quarterly due Jan", "four-weekly from 2016-04-01", "Mon-Fri 09:00-17:00", "24x7", "closed", "Mon 24:00-24:00",
		"Daily 00:30-01:30", "x", " 2016/17 "} {
		f.Add(s)
	}
	for _, s := range fuzzLongSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkText[Date](t, s, ParseDate, true, "date")
		checkText[Month](t, s, ParseMonth, true, "month")
		checkText[Year](t, s, parseYear, true, "period label", "year")
		checkText[Period](t, s, ParseLabel, true, "period label")
		checkText[Frequency](t, s, ParseFrequency, true, "frequency")
	})
}
