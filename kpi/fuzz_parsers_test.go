package kpi_test

import (
	"encoding"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/kpiregime/kpiregime/internal/parsetest"
	"github.com/kpiregime/kpiregime/kpi"
)

// Parse errors are checked with parsetest.Error: a *period.ParseError that
// quotes a short input, in a message of at most parsetest.MaxMessage bytes
// (set KPIREGIME_FUZZ_LONG=1 to seed every target with a 1 MiB input).

// shortInput is the length of input, in bytes, under every limit the
// parsers set on what they read: properties that compare two parsers, or
// expect an error to name the trouble, are checked for such inputs only, as
// a longer text may be refused for its length first.
const shortInput = 30

// longSeeds are the 1 MiB inputs added to every target when
// KPIREGIME_FUZZ_LONG is set: garbage, and text in a documented form padded
// to a megabyte.
func longSeeds() []string {
	if os.Getenv("KPIREGIME_FUZZ_LONG") == "" {
		return nil
	}
	return []string{strings.Repeat("x", 1<<20), "95" + strings.Repeat("0", 1<<20) + ",5%"}
}

// isASCII reports whether s is all ASCII, where case rules are plain.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// swapASCIICase turns ASCII upper-case letters to lower case and lower to
// upper, leaving every other byte as it is.
func swapASCIICase(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case 'a' <= c && c <= 'z':
			b[i] = c - 'a' + 'A'
		case 'A' <= c && c <= 'Z':
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

// lowerTrim is the normal form of a name read not case-sensitively, with
// space around it ignored.
func lowerTrim(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// underscored is lowerTrim with a space or a hyphen standing for an
// underscore.
func underscored(s string) string {
	return strings.NewReplacer(" ", "_", "-", "_").Replace(lowerTrim(s))
}

// textValue is what an enumeration parsed by name must be: printable, and
// written and read as text.
type textValue interface {
	comparable
	String() string
	encoding.TextMarshaler
}

// enum describes one parser of names.
type enum[T textValue, PT interface {
	*T
	encoding.TextUnmarshaler
}] struct {
	what  string
	parse func(string) (T, error)
	all   []T // every valid value
	// norm is the leniency the parser documents, applied to ASCII text;
	// forms gives the normal forms it reads for each value.
	norm  func(string) string
	forms func(T) []string
	// emptyIsZero: UnmarshalText reads an empty text as the zero value.
	emptyIsZero bool
}

// check parses s, and fails t unless: UnmarshalText agrees with the parser;
// a value read is a valid one, its String and MarshalText read back to it,
// and an ASCII s is, in the documented normal form, one of that value's
// forms; an ASCII s refused is none of any value's forms, and the error is
// a ParseError that quotes s; and swapping the case of ASCII letters changes
// nothing.
func (e enum[T, PT]) check(t *testing.T, s string) {
	t.Helper()
	v, err := e.parse(s)
	var u T
	uerr := PT(&u).UnmarshalText([]byte(s))
	switch {
	case s == "" && e.emptyIsZero:
		var zero T
		if uerr != nil || u != zero {
			t.Fatalf("%s: UnmarshalText of an empty text = %v, %v; want the zero value", e.what, u, uerr)
		}
	case (uerr == nil) != (err == nil) || u != v:
		t.Fatalf("%s %.80q: UnmarshalText gives %v, %v; Parse %v, %v", e.what, s, u, uerr, v, err)
	}
	if ascii := isASCII(s); err == nil {
		if !slices.Contains(e.all, v) {
			t.Fatalf("%s %.80q read as %v, which is not a valid value", e.what, s, v)
		}
		if back, err := e.parse(v.String()); err != nil || back != v {
			t.Fatalf("%s %.80q read as %v; its String %q reads as %v, %v", e.what, s, v, v.String(), back, err)
		}
		b, err := v.MarshalText()
		if err != nil {
			t.Fatalf("%s %v: MarshalText: %v", e.what, v, err)
		}
		var back T
		if err := PT(&back).UnmarshalText(b); err != nil || back != v {
			t.Fatalf("%s %v: MarshalText %q reads as %v, %v", e.what, v, b, back, err)
		}
		if ascii && !slices.Contains(e.forms(v), e.norm(s)) {
			t.Fatalf("%s %q read as %v, but %q is not one of its forms %q", e.what, s, v, e.norm(s), e.forms(v))
		}
	} else {
		parsetest.Error(t, s, err, e.what)
		if ascii {
			for _, w := range e.all {
				if slices.Contains(e.forms(w), e.norm(s)) {
					t.Fatalf("%s %q refused, but %q is a form of %v: %v", e.what, s, e.norm(s), w, err)
				}
			}
		}
	}
	if w, werr := e.parse(swapASCIICase(s)); (werr == nil) != (err == nil) || w != v {
		t.Fatalf("%s: %.80q reads as %v, %v but %.80q as %v, %v", e.what, s, v, err, swapASCIICase(s), w, werr)
	}
}

// name gives a value's String as its one form.
func name[T textValue](v T) []string { return []string{v.String()} }

// FuzzParseNames reads the input with every parser of a name in the package:
// ParseStatus, ParseUnit, ParsePolarity, ParseAggregation, ParseTier and
// ParseEarlier, and
// the UnmarshalText methods that use them. For each it asserts what
// enum.check says: the text methods agree with the parser, a value read is
// valid and reads back from its String and MarshalText, an ASCII text is
// read if and only if it is a documented form of a value (not
// case-sensitively, space around it ignored, and for a status a space or
// hyphen for an underscore), an error is a *period.ParseError that quotes a
// short input and is never longer than parsetest.MaxMessage, and the case of ASCII
// letters never matters.
func FuzzParseNames(f *testing.F) {
	for _, s := range []string{
		"exceeded", "met", "Tolerance", "MISSED", "detriment", "failed", "not_due", "not due", "No-Data",
		" not_measurable ", "excluded", "percent", "Days", "hours", "minutes", "seconds", "count", "failures",
		"rating", "money", "number", "higher_is_better", "lower_is_better", "Higher", "lower", "higher is better",
		"higher-is-better", "ratio_of_sums", "weighted_mean", "sum", "latest", "minimum", "maximum", "mean_of_periods",
		"kpi", "PI", "contextual", "info", "For information", "data-only", "previous period", "same_period_last_year", "", " ", "not__due", "Status(3)", "\u212api", "miſſed", "\tmet\n", "met\x00",
	} {
		f.Add(s)
	}
	for _, s := range longSeeds() {
		f.Add(s)
	}
	checks := []func(*testing.T, string){
		enum[kpi.Status, *kpi.Status]{
			what: "status", parse: kpi.ParseStatus, norm: underscored, emptyIsZero: true,
			all: []kpi.Status{kpi.Exceeded, kpi.Met, kpi.Tolerance, kpi.Missed, kpi.Detriment, kpi.Failed, kpi.NotDue, kpi.NoData, kpi.NotMeasurable, kpi.Excluded, kpi.Info},
			forms: func(s kpi.Status) []string {
				if s == kpi.Info {
					return []string{"info", "for_information", "for_info", "data_only"}
				}
				return name(s)
			},
		}.check,
		enum[kpi.Earlier, *kpi.Earlier]{
			what: "earlier period", parse: kpi.ParseEarlier, norm: underscored,
			all: []kpi.Earlier{kpi.PreviousPeriod, kpi.SamePeriodLastYear},
			forms: func(e kpi.Earlier) []string {
				if e == kpi.PreviousPeriod {
					return []string{"previous_period", "previous", "last_period"}
				}
				return []string{"same_period_last_year", "last_year", "year_before", "same_period_a_year_before"}
			},
		}.check,
		enum[kpi.Unit, *kpi.Unit]{
			what: "unit", parse: kpi.ParseUnit, norm: lowerTrim, forms: name[kpi.Unit],
			all: []kpi.Unit{kpi.Percent, kpi.Days, kpi.Hours, kpi.Minutes, kpi.Seconds, kpi.Count, kpi.Failures, kpi.Rating, kpi.Money, kpi.Number},
		}.check,
		enum[kpi.Polarity, *kpi.Polarity]{
			what: "polarity", parse: kpi.ParsePolarity, norm: lowerTrim,
			all: []kpi.Polarity{kpi.HigherIsBetter, kpi.LowerIsBetter},
			forms: func(p kpi.Polarity) []string {
				word := map[kpi.Polarity]string{kpi.HigherIsBetter: "higher", kpi.LowerIsBetter: "lower"}[p]
				return []string{word + "_is_better", word + " is better", word}
			},
		}.check,
		enum[kpi.Aggregation, *kpi.Aggregation]{
			what: "aggregation", parse: kpi.ParseAggregation, norm: lowerTrim, forms: name[kpi.Aggregation],
			all: []kpi.Aggregation{kpi.RatioOfSums, kpi.WeightedMean, kpi.Sum, kpi.Latest, kpi.Minimum, kpi.Maximum, kpi.MeanOfPeriods},
		}.check,
		enum[kpi.Tier, *kpi.Tier]{
			what: "tier", parse: kpi.ParseTier, norm: lowerTrim, forms: name[kpi.Tier],
			all: []kpi.Tier{kpi.TierKPI, kpi.TierPI, kpi.TierContextual},
		}.check,
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, check := range checks {
			check(t, s)
		}
	})
}

// FuzzParseDecimal asserts that ParseDecimal reads only what its doc comment
// allows (after trimming space: digits, at most one decimal point, and a
// leading sign), keeps the written places, reads back from its String, and
// (for a short input) reads as ParseLevel reads the same text, an absolute
// level; and that an error is a *period.ParseError for a "number" that, for a
// short input, says so when the trouble is a comma.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"99.50", " 99.50 ", "-2", "+2", "0.4", "87", "0", "-0.000", "95,8", "£5", "", "1.2.3",
		"1e3", ".5", "5.", "-", "1,000", "007.10", "١٢", "99.5%"} {
		f.Add(s)
	}
	for _, s := range longSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := kpi.ParseDecimal(s)
		trimmed := strings.TrimSpace(s)
		if err != nil {
			parsetest.Error(t, s, err, "number")
			if len(s) <= shortInput && strings.Contains(trimmed, ",") && !strings.Contains(err.Error(), "comma") {
				t.Fatalf("%q: the error does not mention the comma: %v", s, err)
			}
			return
		}
		points := 0
		for i := 0; i < len(trimmed); i++ {
			switch c := trimmed[i]; {
			case '0' <= c && c <= '9':
			case c == '.':
				points++
			case (c == '-' || c == '+') && i == 0:
			default:
				t.Fatalf("%q read as %s, but it has %q", s, v, c)
			}
		}
		if points > 1 {
			t.Fatalf("%q read as %s, with %d points", s, v, points)
		}
		_, frac, _ := strings.Cut(trimmed, ".")
		if int(-v.Exponent()) != len(frac) {
			t.Fatalf("%q read as %s with exponent %d: the written places are not kept", s, v, v.Exponent())
		}
		if back, err := kpi.ParseDecimal(v.String()); err != nil || !back.Equal(v) {
			t.Fatalf("%q read as %s; its String reads as %s, %v", s, v, back, err)
		}
		if l, err := kpi.ParseLevel(s); len(s) <= shortInput && (err != nil || !l.Equal(kpi.Abs(v))) {
			t.Fatalf("%q: ParseDecimal reads %s but ParseLevel %+v, %v", s, v, l, err)
		}
	})
}

// FuzzParseExceed asserts that a rule ParseExceed reads is exactly one of
// none, better than target and a stretch level; that MarshalText writes it
// as text that ParseExceed and UnmarshalText read back to the same rule;
// that UnmarshalText agrees with ParseExceed; that the case of ASCII letters
// does not matter; and that an error is a *period.ParseError for an "exceed
// rule" that quotes a short input.
func FuzzParseExceed(f *testing.F) {
	for _, s := range []string{"none", "None", "better than target", "Strictly better  than target", "at 98", "98",
		"at target+2", "target-2 (exclusive)", "at 95% of target", "at", "at ", "always", "", "at\u00a098", "at\t98",
		"at not published", "87,5"} {
		f.Add(s)
	}
	for _, s := range longSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := kpi.ParseExceed(s)
		var u kpi.ExceedRule
		if uerr := u.UnmarshalText([]byte(s)); (uerr == nil) != (err == nil) || !u.Equal(r) {
			t.Fatalf("%.80q: UnmarshalText gives %v, %v; ParseExceed %v, %v", s, u, uerr, r, err)
		}
		w, werr := kpi.ParseExceed(swapASCIICase(s))
		if (werr == nil) != (err == nil) || !w.Equal(r) {
			t.Fatalf("%.80q reads as %v, %v but %.80q as %v, %v", s, r, err, swapASCIICase(s), w, werr)
		}
		if err != nil {
			parsetest.Error(t, s, err, "exceed rule")
			return
		}
		_, stretch := r.Stretch()
		if kinds := btoi(r.Equal(kpi.NoExceed())) + btoi(r.WhenBetter()) + btoi(stretch); kinds != 1 {
			t.Fatalf("%.80q read as a rule of %d kinds", s, kinds)
		}
		b, err := r.MarshalText()
		if err != nil {
			t.Fatalf("%.80q: MarshalText: %v", s, err)
		}
		back, err := kpi.ParseExceed(string(b))
		if err != nil || !back.Equal(r) {
			t.Fatalf("%.80q: MarshalText %q reads as %v, %v", s, b, back, err)
		}
	})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FuzzParseFigure asserts that ParseFigure reads a figure exactly when
// ParseWritten reads a value with no comparison, with ParseWritten's value
// (negative where it has a minus sign, and only then); that the figure
// reads back from its String; and that an
// error is a *period.ParseError, for a "figure" when the text is a comparison
// and otherwise ParseWritten's own error.
func FuzzParseFigure(f *testing.F) {
	for _, s := range []string{"88.89", "95.8%", "25 secs", "100.00", "0 failures", "1 failure", "14.00 days", "£4,210.50",
		"< 5%", ">3.5", "at least 75%", "not published", "95,8%", "", "-1", "1,000,000.5", "8.5 failures", "3 hrs"} {
		f.Add(s)
	}
	for _, s := range longSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := kpi.ParseFigure(s)
		w, werr := kpi.ParseWritten(s)
		switch {
		case werr != nil:
			if err == nil || err.Error() != werr.Error() {
				t.Fatalf("%.80q: ParseWritten fails with %v but ParseFigure gives %v, %v", s, werr, o, err)
			}
			parsetest.Error(t, s, err, "value")
			return
		case w.Comparison != kpi.Unstated:
			parsetest.Error(t, s, err, "figure")
			return
		case err != nil:
			t.Fatalf("%.80q: ParseWritten reads %v but ParseFigure fails: %v", s, w, err)
		}
		v, ok := o.Value()
		if !ok || !o.HasFigure() || !v.Equal(w.Value) || v.IsNegative() && !strings.ContainsAny(s, "-−") {
			t.Fatalf("%.80q read as %v (figure %v), want the figure %s", s, o, ok, w.Value)
		}
		if back, err := kpi.ParseFigure(o.String()); err != nil || !back.Equal(o) {
			t.Fatalf("%.80q read as %v; its String reads as %v, %v", s, o, back, err)
		}
	})
}

// FuzzLevelWrittenText asserts that Level.UnmarshalText and
// Written.UnmarshalText agree with ParseLevel and ParseWritten, that what
// they read writes with MarshalText to text they read back to the same
// value, and that their errors are *kpi.ParseErrors for a "level" and a
// "value".
func FuzzLevelWrittenText(f *testing.F) {
	for _, s := range []string{"87", "target", "target-2 (exclusive)", "95% of target", "not published", "< 5%",
		"Not greater than 3%", "£4,210.50", "0 failures", "14.00 days", "", "x", "90,0%"} {
		f.Add(s)
	}
	for _, s := range longSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var l kpi.Level
		lerr := l.UnmarshalText([]byte(s))
		pl, perr := kpi.ParseLevel(s)
		if (lerr == nil) != (perr == nil) || !l.Equal(pl) {
			t.Fatalf("%.80q: UnmarshalText gives %+v, %v; ParseLevel %+v, %v", s, l, lerr, pl, perr)
		}
		if lerr != nil {
			parsetest.Error(t, s, lerr, "level")
		} else {
			b, err := l.MarshalText()
			var back kpi.Level
			if err != nil || back.UnmarshalText(b) != nil || !back.Equal(l) {
				t.Fatalf("%.80q: level %+v writes %q (%v), which reads as %+v", s, l, b, err, back)
			}
		}

		var w kpi.Written
		werr := w.UnmarshalText([]byte(s))
		pw, perr := kpi.ParseWritten(s)
		if (werr == nil) != (perr == nil) || !w.Equal(pw) {
			t.Fatalf("%.80q: UnmarshalText gives %v, %v; ParseWritten %v, %v", s, w, werr, pw, perr)
		}
		if werr != nil {
			parsetest.Error(t, s, werr, "value")
			return
		}
		b, err := w.MarshalText()
		var back kpi.Written
		if err != nil || back.UnmarshalText(b) != nil || !back.Equal(w) {
			t.Fatalf("%.80q: value %v writes %q (%v), which reads as %v", s, w, b, err, back)
		}
	})
}
