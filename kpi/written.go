package kpi

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	// NoTarget is a KPI with no target at all ("no target"): a contextual
	// measure reported for information, or a score scale whose own levels
	// say what is acceptable. It has no value.
	NoTarget
)

var comparisonSymbols = [...]string{"", ">=", "<=", "<", ">", "not published", "no target"}

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
// comparison. A target read by [ParseTarget] also keeps the words it was
// written in ([Written.Text]); [Written.Equal] compares meaning, not
// words, so compare Written values with Equal rather than ==.
type Written struct {
	Value      decimal.Decimal
	Unit       Unit // 0 when the text names no unit
	Comparison Comparison
	text       string // the text ParseTarget read, where String writes it otherwise
}

// Text returns w as it was written, where [ParseTarget] kept the words
// ("Not greater than 3%"), or else as [Written.String] writes it ("<= 3%").
// A contract file written back gives its targets so.
func (w Written) Text() string {
	if w.text != "" {
		return w.text
	}
	return w.String()
}

// Equal reports whether w and o are the same written value: the same
// value with the same places, unit and comparison, however their words
// were written (the text kept by [ParseTarget] is not compared).
func (w Written) Equal(o Written) bool {
	return w.Value.Equal(o.Value) && w.Value.Exponent() == o.Value.Exponent() && w.Unit == o.Unit && w.Comparison == o.Comparison
}

// String writes w back in a canonical form that [ParseWritten] reads: a
// comparison symbol, the value as given (trailing zeros kept: 100.00), and
// the unit: "< 5%", ">= 90.0%", "1 failure", "25 secs", "14.00 days", "£4,210.50".
func (w Written) String() string {
	switch w.Comparison {
	case NotPublished:
		return notPublished
	case NoTarget:
		return noTarget
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
		if w.Value.IsNegative() {
			b.WriteString("-£" + asWritten(w.Value.Neg()))
		} else {
			b.WriteString("£" + v)
		}
	case Failures:
		if w.Value.Equal(decimal.NewFromInt(1)) {
			b.WriteString(v + " failure")
		} else {
			b.WriteString(v + " failures")
		}
	case Days:
		b.WriteString(v + plural(v, " day", " days"))
	case Hours:
		b.WriteString(v + plural(v, " hour", " hours"))
	case Minutes:
		b.WriteString(v + " mins")
	case Seconds:
		b.WriteString(v + " secs")
	default:
		b.WriteString(v)
	}
	return b.String()
}

// plural is one where a figure is written as exactly one ("1", "-1"; not
// "1.0"), else many.
func plural(v, one, many string) string {
	if v == "1" || v == "-1" {
		return one
	}
	return many
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

// comparisonWords are the phrases a target may start with ("at least 88%"),
// longest first where one starts another. A space in a phrase stands for
// any run of white space; a phrase that ends in a letter must not run into
// another letter ("min" does not start "mins").
var comparisonWords = []struct {
	text string
	c    Comparison
}{
	{"not greater than", AtMost}, {"not more than", AtMost}, {"no more than", AtMost}, {"not exceeding", AtMost},
	{"at most", AtMost}, {"a maximum of", AtMost}, {"maximum of", AtMost}, {"maximum", AtMost}, {"max", AtMost},
	{"up to", AtMost}, {"<=", AtMost}, {"≤", AtMost},
	{"not less than", AtLeast}, {"no less than", AtLeast}, {"not fewer than", AtLeast}, {"no fewer than", AtLeast},
	{"at least", AtLeast}, {"a minimum of", AtLeast}, {"minimum of", AtLeast}, {"minimum", AtLeast}, {"min", AtLeast},
	{">=", AtLeast}, {"≥", AtLeast},
	{"less than", Below}, {"fewer than", Below}, {"under", Below}, {"below", Below}, {"<", Below},
	{"greater than", Above}, {"more than", Above}, {"exceeding", Above}, {"over", Above}, {"above", Above}, {">", Above},
}

// trailingComparisonWords are the phrases a target may end with ("88% or
// more"). Each includes the level: a figure exactly at it meets the target.
var trailingComparisonWords = []struct {
	text string
	c    Comparison
}{
	{"or more", AtLeast}, {"or above", AtLeast}, {"or higher", AtLeast}, {"or greater", AtLeast},
	{"and above", AtLeast}, {"and over", AtLeast},
	{"or less", AtMost}, {"or fewer", AtMost}, {"or below", AtMost}, {"or lower", AtMost},
	{"and below", AtMost}, {"and under", AtMost},
}

// numberWords are the whole numbers a figure or target may be written in
// words, zero to twenty, each at its value.
var numberWords = [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}

// largerNumberWords start numbers in words that are not read, so that the
// error can say which are.
var largerNumberWords = []string{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million"}

// wordsRead says which numbers in words are read.
const wordsRead = "numbers in words are read only for whole numbers from zero to twenty; write this one in figures"

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
// and UK contract schedules use: a number (95.8, 100.00, £4,210.50, or a
// whole number from zero to twenty in words: "three"), then an optional
// unit (%, per cent, failures, days, hours, mins, secs), with for a target
// a comparison before it (a symbol, <, <=, >, >=, or words: "at least",
// "not greater than", "no more than", "fewer than", "over", "up to", ...)
// or after it ("or more", "or fewer", "and above", ...). Words are read in
// any case: "Not greater than 3%", "fewer than three per cent", "88 per
// cent or more". docs/file-format.md ("Targets in words") lists every
// form with its comparison. Two comparisons, the same or contradicting
// ("at least 88% or more", "no more than 3% or more"), are an error. "not
// published" reads as [NotPublished], "no target" (or "none") as [NoTarget].
//
// The value keeps its written places (100.00 stays 100.00). A decimal
// comma (95,8) is an error, not a thousands separator; commas are accepted
// only between groups of three digits (£4,210.50). Bad text is a
// [*ParseError] that quotes it.
//
// [ParseTarget] reads a target so, keeping its words.
func ParseWritten(s string) (Written, error) {
	w, err := parseWritten(s)
	if err != nil {
		return Written{}, &ParseError{Package: "kpi", What: "value", Input: s, Expected: writtenForms, Err: err}
	}
	return w, nil
}

// ParseTarget reads a target as [ParseWritten] does, and keeps its words,
// trimmed, where they differ from what [Written.String] writes: [Written.Text]
// gives "Not greater than 3%" back, where String gives "<= 3%".
func ParseTarget(s string) (Written, error) {
	w, err := ParseWritten(s)
	if err != nil {
		return Written{}, err
	}
	if t := strings.TrimSpace(s); t != w.String() {
		w.text = t
	}
	return w, nil
}

// notPublished is how a file writes a target or level that the public
// papers do not give; noTarget a KPI that has no target.
const (
	notPublished = "not published"
	noTarget     = "no target"
)

func parseWritten(s string) (Written, error) {
	if len(s) > MaxText {
		return Written{}, errTooLong(s)
	}
	var w Written
	rest := strings.TrimSpace(s)
	switch strings.ToLower(rest) {
	case notPublished:
		return Written{Comparison: NotPublished}, nil
	case noTarget, "none":
		return Written{Comparison: NoTarget}, nil
	}
	// Every match below is on rest itself, byte for byte, so that an index
	// found in it is one into it (lowering some text changes its length).
	before := ""
	if c, text, after, ok := cutComparison(rest); ok {
		w.Comparison, before = c, text
		rest = strings.TrimSpace(after)
		if c2, text2, _, ok := cutComparison(rest); ok {
			return Written{}, errTwoComparisons(before, c, text2, c2)
		}
	}
	negative, money, rest := cutSignAndMoney(rest)
	if money {
		w.Unit = Money
	}
	num, tail, inWords, err := cutNumber(s, rest, money)
	if err != nil {
		return Written{}, err
	}
	v, err := parseNumber(num)
	if err != nil {
		return Written{}, err
	}
	if negative {
		v = v.Neg()
	}
	w.Value = v
	// A comparison may follow the number and its unit: "88% or more".
	if c, text, unitText, ok := cutTrailingComparison(tail); ok {
		if w.Comparison != Unstated {
			return Written{}, errTwoComparisons(before, w.Comparison, text, c)
		}
		if c2, text2, _, ok := cutTrailingComparison(unitText); ok {
			return Written{}, errTwoComparisons(text2, c2, text, c)
		}
		w.Comparison, tail = c, unitText
	}
	if err := w.readUnit(tail, rest, inWords); err != nil {
		return Written{}, err
	}
	if w.Unit == Failures && !v.IsInteger() {
		return Written{}, fmt.Errorf("a number of failures must be whole, not %s", num)
	}
	return w, nil
}

// cutSignAndMoney cuts a sign, before or after a £, from the front of
// rest: -28, +15, -£500, £-500 (and the minus sign − that reports print).
// Whether the measure allows a negative figure is for the definition to
// say.
func cutSignAndMoney(rest string) (negative, money bool, after string) {
	cutSign := func() {
		switch {
		case strings.HasPrefix(rest, "-"), strings.HasPrefix(rest, "+"):
			negative = rest[0] == '-'
			rest = strings.TrimSpace(rest[1:])
		case strings.HasPrefix(rest, "−"):
			negative = true
			rest = strings.TrimSpace(rest[len("−"):])
		}
	}
	cutSign()
	if strings.HasPrefix(rest, "£") {
		money = true
		rest = strings.TrimSpace(rest[len("£"):])
		if !negative {
			cutSign()
		}
	}
	return negative, money, rest
}

// cutNumber cuts the number from the front of rest (the text s less any
// comparison and sign): it runs while the characters are digits, points
// and commas, or is a number in words ("two"), given back in figures.
func cutNumber(s, rest string, money bool) (num, tail string, inWords bool, err error) {
	end := 0
	for end < len(rest) && (rest[end] >= '0' && rest[end] <= '9' || rest[end] == '.' || rest[end] == ',') {
		end++
	}
	num, tail = rest[:end], rest[end:]
	if num == "" {
		if n, after, ok := cutNumberWord(rest); ok {
			if money {
				return "", "", false, fmt.Errorf("%q after £: write an amount of money in figures", rest)
			}
			num, tail, inWords = strconv.Itoa(n), after, true
		}
	}
	if num != "" {
		return num, tail, inWords, nil
	}
	switch {
	case rest == "":
		return "", "", false, errors.New("there is no figure")
	case rest[0] == '-' || rest[0] == '+':
		return "", "", false, fmt.Errorf("%q has two signs", s)
	case startsNumberWord(rest):
		return "", "", false, fmt.Errorf("%q is not a figure: %s", rest, wordsRead)
	}
	return "", "", false, fmt.Errorf("%q is not a figure", rest)
}

// readUnit reads the unit written after the number, tail, into w: "%",
// "days", "failures"; rest is the text from the number on, and inWords
// whether the number was written in words.
func (w *Written) readUnit(tail, rest string, inWords bool) error {
	suffix := strings.ToLower(strings.TrimSpace(tail))
	if suffix == "" {
		return nil
	}
	for _, uw := range unitWords {
		if suffix == uw.text {
			if w.Unit == Money {
				return fmt.Errorf("money cannot also be %s", uw.u)
			}
			w.Unit = uw.u
			return nil
		}
	}
	if inWords && continuesNumber(suffix) {
		return fmt.Errorf("%q is not read: %s", rest, wordsRead)
	}
	return fmt.Errorf("%q is not a unit (want %%, days, hours, mins, secs or failures)", suffix)
}

// errTwoComparisons says that a target gives two comparisons, a (meaning
// ca) and b (meaning cb): the same one twice, or two that contradict.
func errTwoComparisons(a string, ca Comparison, b string, cb Comparison) error {
	if ca == cb {
		return fmt.Errorf("the comparison is given twice (%q and %q both mean %s): give it once", a, b, ca)
	}
	return fmt.Errorf("the comparisons contradict (%q means %s but %q means %s): give one", a, ca, b, cb)
}

// cutComparison cuts a comparison phrase from the start of s, returning
// the comparison, the phrase as [comparisonWords] writes it, and what
// follows it.
func cutComparison(s string) (Comparison, string, string, bool) {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return Unstated, "", s, false // every phrase starts with a letter or a symbol: most figures are bare
	}
	for _, cw := range comparisonWords {
		if after, ok := cutPhrase(s, cw.text); ok {
			return cw.c, cw.text, after, true
		}
	}
	return Unstated, "", s, false
}

// cutTrailingComparison cuts a comparison phrase from the end of s,
// returning the comparison, the phrase as [trailingComparisonWords] writes
// it, and what comes before it.
func cutTrailingComparison(s string) (Comparison, string, string, bool) {
	if t := strings.TrimRightFunc(s, unicode.IsSpace); t == "" || !(t[len(t)-1] >= 'a' && t[len(t)-1] <= 'z' || t[len(t)-1] >= 'A' && t[len(t)-1] <= 'Z') {
		return Unstated, "", s, false // every phrase ends in a letter: "95%" has none
	}
	for _, cw := range trailingComparisonWords {
		if before, ok := cutTrailingPhrase(s, cw.text); ok {
			return cw.c, cw.text, before, true
		}
	}
	return Unstated, "", s, false
}

// cutPhrase reports whether s starts with phrase, its ASCII letters in
// either case and any run of white space for each of its spaces, and
// returns what follows it. A phrase that ends in a letter does not match
// where s goes on with a letter.
func cutPhrase(s, phrase string) (string, bool) {
	for i := 0; ; i++ {
		word, more, spaced := strings.Cut(phrase, " ")
		if i > 0 {
			t := strings.TrimLeftFunc(s, unicode.IsSpace)
			if len(t) == len(s) {
				return "", false
			}
			s = t
		}
		if len(s) < len(word) || !foldASCII(s[:len(word)], word) {
			return "", false
		}
		s = s[len(word):]
		if !spaced {
			break
		}
		phrase = more
	}
	if isASCIILetter(phrase[len(phrase)-1]) && startsWithLetter(s) {
		return "", false
	}
	return s, true
}

// cutTrailingPhrase reports whether s ends with phrase (after any white
// space), as [cutPhrase] matches it, and returns what comes before it. The
// phrase does not match where a letter runs into its start ("percentor
// more").
func cutTrailingPhrase(s, phrase string) (string, bool) {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for i := 0; ; i++ {
		more, word, spaced := cutLast(phrase, " ")
		if i > 0 {
			t := strings.TrimRightFunc(s, unicode.IsSpace)
			if len(t) == len(s) {
				return "", false
			}
			s = t
		}
		if len(s) < len(word) || !foldASCII(s[len(s)-len(word):], word) {
			return "", false
		}
		s = s[:len(s)-len(word)]
		if !spaced {
			break
		}
		phrase = more
	}
	if r, _ := utf8.DecodeLastRuneInString(s); s != "" && unicode.IsLetter(r) {
		return "", false
	}
	return s, true
}

// cutLast slices s around the last sep, as [strings.Cut] does around the
// first.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return "", s, false
}

// cutNumberWord reads a whole number in words, zero to twenty, from the
// start of s, in any case, and returns it and what follows it. The word
// must not run into a letter, a digit or a hyphen ("twenty-one" is not
// twenty).
func cutNumberWord(s string) (int, string, bool) {
	for n, word := range numberWords {
		if len(s) >= len(word) && foldASCII(s[:len(word)], word) {
			after := s[len(word):]
			if r, _ := utf8.DecodeRuneInString(after); after == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
				return n, after, true
			}
		}
	}
	return 0, s, false
}

// startsNumberWord reports whether s starts with a number in words, read
// or not ("twenty-one", "ninety"), for the error to say which are read.
func startsNumberWord(s string) bool {
	end := 0
	for end < len(s) && isASCIILetter(s[end]) {
		end++
	}
	word := strings.ToLower(s[:end])
	return slices.Contains(numberWords[:], word) || slices.Contains(largerNumberWords, word)
}

// continuesNumber reports whether the lowered text after a number in words
// goes on with more of the number ("point five", "hundred", "and a half").
func continuesNumber(suffix string) bool {
	first, _, _ := strings.Cut(suffix, " ")
	switch first {
	case "point", "and", "hundred", "thousand", "million", "half", "quarter":
		return true
	}
	return strings.HasPrefix(suffix, "-") || slices.Contains(numberWords[:], first) || slices.Contains(largerNumberWords, first)
}

// foldASCII reports whether s and t are equal with their ASCII letters in
// either case; other bytes must be the same.
func foldASCII(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerASCII(s[i]) != lowerASCII(t[i]) {
			return false
		}
	}
	return true
}

// lowerASCII lowers an ASCII letter and returns any other byte as it is.
func lowerASCII(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// isASCIILetter reports whether b is a letter from A to Z in either case.
func isASCIILetter(b byte) bool {
	b = lowerASCII(b)
	return b >= 'a' && b <= 'z'
}

// startsWithLetter reports whether s starts with a letter.
func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsLetter(r)
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
