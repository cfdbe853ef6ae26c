package kpi

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// String writes the level as [ParseLevel] reads it: "87.0", "target",
// "target-2", "95% of target", with " (exclusive)" after a strict level.
// The zero Level, no level, is written as nothing at all, which ParseLevel
// refuses.
func (l Level) String() string { return l.describe() }

// MarshalText implements [encoding.TextMarshaler] with [Level.String].
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseLevel].
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

const levelForms = `a number (87, 87.5%), "target", an offset such as "target-2" or "target + 0.5", ` +
	`or a share such as "95% of target", optionally followed by "(exclusive)"`

// ParseLevel reads a band's level as a contract file writes it: a number
// (an absolute level; a trailing % is allowed and ignored, so 87% is 87), the
// word target, the target plus or minus an amount ("target-2",
// "target + 0.5"), a percentage of the target ("95% of target"), or "not
// published" for a level the public papers do not give ([Unpublished]). A
// trailing "(exclusive)" or "exclusive" makes the level strict: a figure
// exactly at it does not reach it. Numbers use a decimal point; a comma is an
// error.
func ParseLevel(s string) (Level, error) {
	l, err := parseLevel(s)
	if err != nil {
		return Level{}, &period.ParseError{Package: "kpi", What: "level", Input: s, Expected: levelForms, Err: err}
	}
	return l, nil
}

func parseLevel(s string) (Level, error) {
	if len(s) > MaxText {
		return Level{}, errTooLong(s)
	}
	rest := strings.TrimSpace(s)
	strict := false
	lower := strings.ToLower(rest)
	for _, suffix := range []string{"(exclusive)", "exclusive"} {
		if strings.HasSuffix(lower, suffix) {
			strict = true
			rest = strings.TrimSpace(rest[:len(rest)-len(suffix)])
			lower = strings.ToLower(rest)
			break
		}
	}
	var l Level
	switch {
	case lower == "":
		return Level{}, errors.New("there is no level")
	case lower == notPublished:
		if strict {
			return Level{}, errors.New("a level that is not published cannot be exclusive")
		}
		l = Unpublished()
	case strings.HasPrefix(lower, "target"):
		off := strings.TrimSpace(rest[len("target"):])
		if off == "" {
			l = Target()
			break
		}
		sign := off[0]
		if sign != '+' && sign != '-' {
			return Level{}, fmt.Errorf("%q after target: want + or - and an amount", off)
		}
		v, err := parseDecimal(strings.TrimSpace(off[1:]))
		if err != nil {
			return Level{}, err
		}
		if v.IsNegative() {
			return Level{}, fmt.Errorf("%q: write one sign", off)
		}
		if sign == '-' {
			v = v.Neg()
		}
		l = Offset(v)
	case strings.HasSuffix(lower, "of target"):
		num := strings.TrimSpace(rest[:len(rest)-len("of target")])
		if !strings.HasSuffix(num, "%") {
			return Level{}, fmt.Errorf("%q: a share of the target is written as a percentage (95%% of target)", rest)
		}
		v, err := parseDecimal(strings.TrimSpace(strings.TrimSuffix(num, "%")))
		if err != nil {
			return Level{}, err
		}
		if v.IsNegative() {
			return Level{}, fmt.Errorf("%s%% of the target cannot be negative", v)
		}
		l = PercentOf(v)
	default:
		v, err := parseDecimal(strings.TrimSpace(strings.TrimSuffix(rest, "%")))
		if err != nil {
			return Level{}, err
		}
		l = Abs(v)
	}
	l.Strict = strict
	return l, nil
}

// parseDecimal reads a plain decimal number ("87", "-2.5", "0.40"), keeping
// its written places. A comma is refused with the likely cause.
func parseDecimal(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, errors.New("there is no number")
	}
	if len(s) > MaxText {
		return decimal.Decimal{}, errTooLong(s)
	}
	if err := checkDigits(s); err != nil {
		return decimal.Decimal{}, err
	}
	if strings.Contains(s, ",") {
		return decimal.Decimal{}, fmt.Errorf("%q has a comma: write a decimal point (%s)", s, strings.Replace(s, ",", ".", 1))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || (i == 0 && (c == '-' || c == '+'))) {
			return decimal.Decimal{}, fmt.Errorf("%q is not a number", s)
		}
	}
	v, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%q is not a number", s)
	}
	return v, nil
}

// ParseDecimal reads a plain decimal number as a contract file writes it
// ("99.50", "-2", "0.4"), keeping its written places, so 99.50 is not a
// float. Only digits, one decimal point and a leading sign are accepted: a
// decimal comma ("95,8"), a thousands separator, an exponent or a unit is a
// [*period.ParseError] that says so.
func ParseDecimal(s string) (decimal.Decimal, error) {
	v, err := parseDecimal(strings.TrimSpace(s))
	if err != nil {
		return decimal.Decimal{}, &period.ParseError{Package: "kpi", What: "number", Input: s, Expected: "a number written with a decimal point, such as 95.8", Err: err}
	}
	return v, nil
}

// WhenBetter reports whether r marks any figure strictly better than the
// target as exceeded ([ExceedWhenBetter]).
func (r ExceedRule) WhenBetter() bool { return r.kind == exceedStrict }

// Stretch returns the stretch level of a rule made by [ExceedAt], and false
// for any other rule.
func (r ExceedRule) Stretch() (Level, bool) { return r.stretch, r.kind == exceedStretch }

// MarshalText implements [encoding.TextMarshaler]: "none", "better than
// target" or "at " and the level.
func (r ExceedRule) MarshalText() ([]byte, error) {
	switch r.kind {
	case exceedStrict:
		return []byte("better than target"), nil
	case exceedStretch:
		return []byte("at " + r.stretch.String()), nil
	}
	return []byte("none"), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseExceed].
func (r *ExceedRule) UnmarshalText(b []byte) error {
	v, err := ParseExceed(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// ParseExceed reads an exceed rule: "none"; "better than target" (or
// "strictly better than target", as [ExceedRule.String] writes it) for
// [ExceedWhenBetter]; or a stretch level for [ExceedAt], with or without a
// leading "at" ("at 98", "target+2").
func ParseExceed(s string) (ExceedRule, error) {
	if len(s) > MaxText {
		return ExceedRule{}, &period.ParseError{Package: "kpi", What: "exceed rule", Input: s, Expected: `none, "better than target", or a stretch level`, Err: errTooLong(s)}
	}
	lower := strings.ToLower(strings.Join(strings.Fields(s), " "))
	switch lower {
	case "none":
		return NoExceed(), nil
	case "better than target", "strictly better than target":
		return ExceedWhenBetter(), nil
	}
	text := strings.TrimSpace(s)
	if strings.HasPrefix(lower, "at ") {
		text = strings.TrimSpace(text[len("at "):])
	}
	l, err := parseLevel(text)
	if err != nil {
		return ExceedRule{}, &period.ParseError{Package: "kpi", What: "exceed rule", Input: s,
			Expected: `none, "better than target", or a stretch level such as "at 98" or "at target+2"`, Err: err}
	}
	return ExceedAt(l), nil
}

// IsFlat reports whether p is a flat profile, the same target every
// period ([Flat]).
func (p Profile) IsFlat() bool { return p.kind == profileFlat }

// At returns the level's value for a period whose target is target: the
// value itself for an absolute level, the target for [Target], the target
// plus the offset, or the percentage of the target.
func (l Level) At(target decimal.Decimal) decimal.Decimal {
	v, _ := l.resolve(target, false)
	return v
}
