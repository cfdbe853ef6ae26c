package regime_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/regime"
)

// maxMessage bounds the message of a parse error: a long input should be
// quoted as a short excerpt, so a longer message fails a target. The fuzzer
// seldom makes inputs long enough to reach it: set KPIREGIME_FUZZ_LONG=1 to
// seed the targets with a 1 MiB input as well.
const maxMessage = 8 << 10

// longSeeds are the 1 MiB inputs added to the targets when
// KPIREGIME_FUZZ_LONG is set.
func longSeeds() []string {
	if os.Getenv("KPIREGIME_FUZZ_LONG") == "" {
		return nil
	}
	return []string{strings.Repeat("x", 1<<20), "5" + strings.Repeat("0", 1<<20) + "% of charges"}
}

// checkError fails t unless err, from parsing s, is an error whose message
// quotes a short s and is at most maxMessage bytes.
func checkError(t *testing.T, s string, err error) {
	t.Helper()
	if err == nil {
		t.Fatalf("%.80q: no error", s)
	}
	msg := err.Error()
	if len(s) <= 32 && !strings.Contains(msg, strconv.Quote(s)) {
		t.Fatalf("%q: the message does not quote the input: %s", s, msg)
	}
	if len(msg) > maxMessage {
		t.Fatalf("an input of %d bytes gives a message of %d bytes, which quotes more than an excerpt: %.200s...", len(s), len(msg), msg)
	}
}

// swapASCIICase turns ASCII upper-case letters to lower case and lower to
// upper, leaving every other byte as it is.
func swapASCIICase(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			b[i] = c ^ 0x20
		}
	}
	return string(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// checkName parses s with parse, and fails t unless: a value read is one of
// all and reads back from its String; an ASCII s is read if and only if,
// lower-cased and trimmed with a space or hyphen for an underscore (as the
// parsers document), it is a value's String; the case of ASCII letters never
// matters; and an error quotes a short s.
func checkName[T interface {
	comparable
	String() string
}](t *testing.T, s string, parse func(string) (T, error), all []T) {
	t.Helper()
	v, err := parse(s)
	norm := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	var want T
	named := false
	for _, w := range all {
		if w.String() == norm {
			want, named = w, true
		}
	}
	ascii := isASCII(s)
	switch {
	case err != nil:
		checkError(t, s, err)
		if ascii && named {
			t.Fatalf("%T %q refused, but it names %v: %v", v, s, want, err)
		}
	case ascii && (!named || v != want):
		t.Fatalf("%T %q reads as %v, want %v (named: %v)", v, s, v, want, named)
	default:
		found := false
		for _, w := range all {
			found = found || w == v
		}
		if !found {
			t.Fatalf("%T %.80q reads as %v, not a valid value", v, s, v)
		}
		if back, err := parse(v.String()); err != nil || back != v {
			t.Fatalf("%T %.80q reads as %v; its String reads as %v, %v", v, s, v, back, err)
		}
	}
	if w, werr := parse(swapASCIICase(s)); (werr == nil) != (err == nil) || w != v {
		t.Fatalf("%T %.80q reads as %v, %v but %.80q as %v, %v", v, s, v, err, swapASCIICase(s), w, werr)
	}
}

// FuzzParseNames reads the input with ParseRuleKind, ParseRounding and
// ParseReliefKind, and asserts for each what checkName says: only a
// documented name is read (not case-sensitively, space around it ignored, a
// space or hyphen for an underscore), to a valid value that reads back from
// its String, and an error quotes a short input and is at most maxMessage
// bytes.
func FuzzParseNames(f *testing.F) {
	for _, s := range []string{"failures_in_window", "Consecutive", "rolling points", "rolling-points", "reached",
		"half_up", "Half-Even", "down", "HALF UP", "exclusion", "mitigation", "Customer cause", "not_measurable",
		"not-measurable", "", " ", "bankers", "waiver", "RuleKind(1)", "half__up", "\tdown\n", "ſtop", "\u212a"} {
		f.Add(s)
	}
	for _, s := range longSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkName(t, s, regime.ParseRuleKind, []regime.RuleKind{regime.FailuresInWindow, regime.Consecutive, regime.RollingPoints, regime.Reached})
		checkName(t, s, regime.ParseRounding, []regime.Rounding{regime.HalfUp, regime.HalfEven, regime.Down})
		checkName(t, s, regime.ParseReliefKind, []regime.ReliefKind{regime.Exclusion, regime.Mitigation, regime.CustomerCause, regime.AgreedNotMeasurable})
	})
}

// FuzzParseAmount asserts that ParseAmount never panics; that an amount it
// reads is never negative, has the value kpi.ParseWritten reads from the
// text (less any "of charges"), and is a percentage of the charges exactly
// when that value is a percentage, as it must be before "of charges"; that its String and MarshalText write text that
// ParseAmount and UnmarshalText read back to an equal amount; that
// UnmarshalText agrees with ParseAmount; and that an error quotes a short
// input and is at most maxMessage bytes.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"£500", "500", "£4,210.50", "5%", "12.5% of charges", "5% OF CHARGES", "0", "£0.00",
		"2,5%", "5 of charges", "< £500", "3 days", "lots", "", "of charges", "% of charges", "-5%", "£-5", "£ 500",
		"Ⱥ5% of charges", "1,000,000.25", "5 percent of charges"} {
		f.Add(s)
	}
	for _, s := range longSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := regime.ParseAmount(s)
		var u regime.Amount
		if uerr := u.UnmarshalText([]byte(s)); (uerr == nil) != (err == nil) || !u.Equal(a) {
			t.Fatalf("%.80q: UnmarshalText gives %v, %v; ParseAmount %v, %v", s, u, uerr, a, err)
		}
		if err != nil {
			checkError(t, s, err)
			return
		}
		text, share := strings.TrimSpace(s), false
		if n := len(text) - len("of charges"); n >= 0 && strings.EqualFold(text[n:], "of charges") {
			text, share = strings.TrimSpace(text[:n]), true
		}
		w, err := kpi.ParseWritten(text)
		if err != nil || !w.Value.Equal(a.Value) || a.PercentOfCharges != (w.Unit == kpi.Percent) {
			t.Fatalf("%.80q reads as %v, but kpi.ParseWritten(%.80q) = %v, %v", s, a, text, w, err)
		}
		if a.Value.IsNegative() || (share && !a.PercentOfCharges) {
			t.Fatalf("%.80q reads as %v (value %s, percent of charges: %v)", s, a, a.Value, a.PercentOfCharges)
		}
		if back, err := regime.ParseAmount(a.String()); err != nil || !back.Equal(a) {
			t.Fatalf("%.80q reads as %v (value %s); its String %q reads as %v (value %s), %v", s, a, a.Value, a.String(), back, back.Value, err)
		}
		b, err := a.MarshalText()
		var back regime.Amount
		if err != nil || back.UnmarshalText(b) != nil || !back.Equal(a) {
			t.Fatalf("%.80q reads as %v (value %s); MarshalText %q (%v) reads as %v (value %s)", s, a, a.Value, b, err, back, back.Value)
		}
	})
}

// FuzzParseAmountIn asserts that ParseAmountIn never panics; that in GBP it
// agrees with ParseAmount; that in EUR and USD an amount it reads is never
// negative, never read from text with a £, and is written by Format in
// text it reads back to an equal amount; and that an error quotes a short
// input and is at most maxMessage bytes.
func FuzzParseAmountIn(f *testing.F) {
	for _, s := range []string{"€500", "500", "USD 500", "usd 1,000.50", "€4,210.50", "5%", "12.5% of charges", "£500",
		"EUR 500", "€ 500", "€-5", "-€5", "€", "USD", "5% of turnover", ""} {
		f.Add(s)
	}
	for _, s := range longSeeds() {
		f.Add(s)
	}
	eur, usd := regime.MustCurrency("EUR"), regime.MustCurrency("USD")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := regime.ParseAmountIn(s, regime.GBP)
		b, berr := regime.ParseAmount(s)
		if (err == nil) != (berr == nil) || !a.Equal(b) {
			t.Fatalf("%.80q: in GBP %v, %v; ParseAmount %v, %v", s, a, err, b, berr)
		}
		for _, c := range []regime.Currency{eur, usd} {
			a, err := regime.ParseAmountIn(s, c)
			if err != nil {
				checkError(t, s, err)
				continue
			}
			if a.Value.IsNegative() || strings.Contains(s, "£") {
				t.Fatalf("%.80q reads in %s as %v (value %s)", s, c, a, a.Value)
			}
			if back, err := regime.ParseAmountIn(a.Format(c), c); err != nil || !back.Equal(a) {
				t.Fatalf("%.80q reads in %s as %v; its Format %q reads as %v, %v", s, c, a, a.Format(c), back, err)
			}
		}
	})
}
