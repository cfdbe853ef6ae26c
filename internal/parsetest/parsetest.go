// Package parsetest has the checks that the fuzz targets of the library's
// parsers make of what a parser returns: an error that is a
// *period.ParseError quoting a short input in a bounded message, and a text
// form that reads back to the value it wrote. It is for tests only. Package
// period keeps its own copy, as its tests cannot import a package that
// imports period.
package parsetest

import (
	"encoding"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kpiregime/kpiregime/period"
)

// MaxMessage bounds the message of a parse error: a long input should be
// quoted as a short excerpt, so a longer message fails a target.
const MaxMessage = 8 << 10

// QuotedUpTo is the longest input a message must quote whole.
const QuotedUpTo = 32

// Error fails t unless err, from parsing s, is a *period.ParseError for one
// of whats, with s as its Input, whose message quotes s where it is at most
// QuotedUpTo bytes and is at most MaxMessage bytes.
func Error(t testing.TB, s string, err error, whats ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%.80q: no error", s)
	}
	var pe *period.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("%.80q: error %T is not a *period.ParseError: %v", s, err, err)
	}
	if !slices.Contains(whats, pe.What) {
		t.Fatalf("%.80q: a ParseError for a %q, want one of %q", s, pe.What, whats)
	}
	if pe.Input != s {
		t.Fatalf("%.80q: the ParseError's Input is %.80q", s, pe.Input)
	}
	msg := err.Error()
	if len(s) <= QuotedUpTo && !strings.Contains(msg, strconv.Quote(s)) {
		t.Fatalf("%q: the message does not quote the input: %s", s, msg)
	}
	if len(msg) > MaxMessage {
		t.Fatalf("an input of %d bytes gives a message of %d bytes, which quotes more than an excerpt: %.200s...", len(s), len(msg), msg)
	}
}

// TextValue is what the library's text types have in common.
type TextValue[T any] interface {
	Equal(T) bool
	IsZero() bool
	encoding.TextMarshaler
}

// Text fails t unless UnmarshalText of s agrees with parse (an empty text
// is the zero value where emptyIsZero), a value read writes with
// MarshalText to a text that reads back to it (where an empty text is the
// zero value, a text that is empty for the zero value only), and an error is
// a *period.ParseError for one of whats, as [Error] checks.
func Text[T TextValue[T], PT interface {
	*T
	encoding.TextUnmarshaler
}](t testing.TB, s string, parse func(string) (T, error), emptyIsZero bool, whats ...string) {
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
		Error(t, s, uerr, whats...)
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
