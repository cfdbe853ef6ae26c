package kpi

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/period"
)

// A Unit is what a measure counts.
type Unit uint8

// The units. The zero Unit is unstated.
const (
	Percent  Unit = iota + 1 // a percentage, 0 to 100
	Days                     // a number of days
	Hours                    // a number of hours
	Minutes                  // a number of minutes
	Seconds                  // a number of seconds (time to answer a call)
	Count                    // a count of things (complaints, overpayments)
	Failures                 // a volume of failures: lower is better
	Rating                   // a rating on a stated scale (1 to 5)
	Money                    // an amount of money, in pounds
	Number                   // a plain number
)

var unitNames = [...]string{"", "percent", "days", "hours", "minutes", "seconds", "count", "failures", "rating", "money", "number"}

// String returns the unit's name: percent, days, hours, minutes, seconds,
// count, failures, rating, money, number.
func (u Unit) String() string {
	if u >= Percent && u <= Number {
		return unitNames[u]
	}
	return fmt.Sprintf("Unit(%d)", int(u))
}

// ParseUnit reads a unit by name, not case-sensitively.
func ParseUnit(s string) (Unit, error) {
	for u := Percent; u <= Number; u++ {
		if strings.EqualFold(strings.TrimSpace(s), unitNames[u]) {
			return u, nil
		}
	}
	return 0, &period.ParseError{Package: "kpi", What: "unit", Input: s, Expected: strings.Join(unitNames[1:], ", ")}
}

// MarshalText implements [encoding.TextMarshaler].
func (u Unit) MarshalText() ([]byte, error) { return marshalName(u, u.String(), u == 0 || u > Number) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseUnit].
func (u *Unit) UnmarshalText(b []byte) error { return unmarshalName(b, u, ParseUnit) }

// Polarity says which way is better.
type Polarity uint8

// The polarities. The zero Polarity is unstated, and a definition must state
// one.
const (
	HigherIsBetter Polarity = iota + 1
	LowerIsBetter
)

var polarityNames = [...]string{"", "higher_is_better", "lower_is_better"}

// String returns higher_is_better or lower_is_better.
func (p Polarity) String() string {
	if p == HigherIsBetter || p == LowerIsBetter {
		return polarityNames[p]
	}
	return fmt.Sprintf("Polarity(%d)", int(p))
}

// ParsePolarity reads higher_is_better or lower_is_better (or "higher",
// "lower").
func ParsePolarity(s string) (Polarity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "higher_is_better", "higher is better", "higher":
		return HigherIsBetter, nil
	case "lower_is_better", "lower is better", "lower":
		return LowerIsBetter, nil
	}
	return 0, &period.ParseError{Package: "kpi", What: "polarity", Input: s, Expected: "higher_is_better or lower_is_better"}
}

// MarshalText implements [encoding.TextMarshaler].
func (p Polarity) MarshalText() ([]byte, error) {
	return marshalName(p, p.String(), p == 0 || p > LowerIsBetter)
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParsePolarity].
func (p *Polarity) UnmarshalText(b []byte) error { return unmarshalName(b, p, ParsePolarity) }

// Better returns +1 if a is better than b under p, -1 if worse, 0 if equal.
func (p Polarity) Better(a, b decimal.Decimal) int {
	c := cmpDec(a, b)
	if p == LowerIsBetter {
		return -c
	}
	return c
}

// An Aggregation says how a measure combines across periods.
type Aggregation uint8

// The aggregation rules. The zero Aggregation is unstated.
const (
	// RatioOfSums adds numerators and denominators: calls answered over
	// calls offered. Never the mean of monthly percentages.
	RatioOfSums Aggregation = iota + 1
	// WeightedMean is the sum of totals over the sum of counts: days taken
	// over cases processed.
	WeightedMean
	// Sum adds the figures: complaints, failures.
	Sum
	// Latest takes the last figure: a cumulative stock such as council tax
	// collected to date.
	Latest
	// Minimum takes the worst-case low figure; Maximum the high.
	Minimum
	// Maximum takes the highest figure.
	Maximum
	// MeanOfPeriods is the arithmetic mean of the periods' figures, each
	// period weighing the same whatever its volume. It is never a default:
	// use it only where a contract defines a longer period's figure as the
	// mean of its periods' figures.
	MeanOfPeriods
)

var aggregationNames = [...]string{"", "ratio_of_sums", "weighted_mean", "sum", "latest", "minimum", "maximum", "mean_of_periods"}

// String returns the rule's name: ratio_of_sums, weighted_mean, sum, latest,
// minimum, maximum, mean_of_periods.
func (a Aggregation) String() string {
	if a >= RatioOfSums && a <= MeanOfPeriods {
		return aggregationNames[a]
	}
	return fmt.Sprintf("Aggregation(%d)", int(a))
}

// ParseAggregation reads a rule by name.
func ParseAggregation(s string) (Aggregation, error) {
	for a := RatioOfSums; a <= MeanOfPeriods; a++ {
		if strings.EqualFold(strings.TrimSpace(s), aggregationNames[a]) {
			return a, nil
		}
	}
	return 0, &period.ParseError{Package: "kpi", What: "aggregation", Input: s, Expected: strings.Join(aggregationNames[1:], ", ")}
}

// MarshalText implements [encoding.TextMarshaler].
func (a Aggregation) MarshalText() ([]byte, error) {
	return marshalName(a, a.String(), a == 0 || a > MeanOfPeriods)
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseAggregation].
func (a *Aggregation) UnmarshalText(b []byte) error { return unmarshalName(b, a, ParseAggregation) }

// A Measure says what an indicator's figures are and how to treat them.
type Measure struct {
	Unit     Unit
	Polarity Polarity
	// Precision is the number of decimal places figures are reported to.
	Precision int32
	// RoundBeforeBanding rounds each figure to Precision (half away from
	// zero) before it is compared with the bands, as a report that prints
	// 80.00 would: 79.996 then meets a target of 80.
	RoundBeforeBanding bool
	Aggregation        Aggregation
	// ScaleMin and ScaleMax bound a Rating (1 and 5, say).
	ScaleMin, ScaleMax decimal.Decimal
	// Signed allows negative figures and levels, as a variance in days
	// (-28 is four weeks early) or a change does. Money and plain numbers
	// may be negative without it; a count of failures never is.
	Signed bool
}

// Equal reports whether m and o are the same measure.
func (m Measure) Equal(o Measure) bool {
	return m.Unit == o.Unit && m.Polarity == o.Polarity && m.Precision == o.Precision &&
		m.RoundBeforeBanding == o.RoundBeforeBanding && m.Aggregation == o.Aggregation &&
		m.ScaleMin.Equal(o.ScaleMin) && m.ScaleMax.Equal(o.ScaleMax) && m.Signed == o.Signed
}

// validate reports the measure's problems under path.
func (m Measure) validate(p *problems.List) {
	if m.Unit == 0 || m.Unit > Number {
		p.Add("unit", "must be stated (one of %s)", strings.Join(unitNames[1:], ", "))
	}
	if m.Polarity == 0 || m.Polarity > LowerIsBetter {
		p.Add("polarity", "must be stated: higher_is_better or lower_is_better")
	}
	if m.Unit == Failures && m.Polarity == HigherIsBetter {
		p.Add("polarity", "a volume of failures is lower_is_better")
	}
	if m.Precision < 0 || m.Precision > 10 {
		p.Add("precision", "%d decimal places is outside 0 to 10", m.Precision)
	}
	if m.Aggregation == 0 || m.Aggregation > MeanOfPeriods {
		p.Add("aggregation", "must be stated (one of %s)", strings.Join(aggregationNames[1:], ", "))
	}
	if m.Unit == Rating {
		if !m.ScaleMin.LessThan(m.ScaleMax) {
			p.Add("scale", "a rating needs a scale with its minimum below its maximum (1 to 5, say)")
		}
	} else if !m.ScaleMin.IsZero() || !m.ScaleMax.IsZero() {
		p.Add("scale", "only a rating has a scale")
	}
	if m.Signed && (m.Unit == Failures || m.Unit == Count) {
		p.Add("signed", "a %s is never negative", m.Unit)
	}
	if m.Aggregation == RatioOfSums && m.Unit != Percent && m.Unit != Number {
		p.Add("aggregation", "ratio_of_sums is for percentages and ratios, not %s", m.Unit)
	}
}

// TakesUnit reports whether a value written in unit u ("95%", "3 days")
// is a figure of the measure: u is unstated or the measure's own (or
// failures, for a count). A measure whose unit is unstated takes any.
func (m Measure) TakesUnit(u Unit) bool {
	return u == 0 || m.Unit == 0 || u == m.Unit || u == Failures && m.Unit == Count
}

// TakesCounts reports whether counts (a numerator and a denominator) can
// be the measure's figure: they can for a percent (100 × numerator ÷
// denominator) and a plain number (their ratio), not for days, failures or
// money, whose figure is given as it is.
func (m Measure) TakesCounts() bool { return m.Unit == Percent || m.Unit == Number }

// inRange checks a figure against the measure's natural range.
func (m Measure) inRange(v decimal.Decimal) error {
	neg := v.IsNegative()
	switch {
	case m.Unit == Failures && (neg || !v.IsInteger()):
		return fmt.Errorf("a number of failures must be whole and zero or more, not %s", v)
	case m.Unit == Count && (neg || !v.IsInteger()):
		return fmt.Errorf("a count must be whole and zero or more, not %s", v)
	case neg && !m.Signed && m.Unit != Money && m.Unit != Number && m.Unit != Rating:
		return fmt.Errorf("%s has a sign, but a %s figure is zero or more (a measure whose figures can be negative says signed: true)", v, m.Unit)
	case m.Unit == Percent && (cmpDec(v, hundred) > 0 || cmpDec(v, minusHundred) < 0):
		lo := "0"
		if m.Signed {
			lo = "-100"
		}
		return fmt.Errorf("%s%% is outside %s to 100", v, lo)
	case m.Unit == Rating && (cmpDec(v, m.ScaleMin) < 0 || cmpDec(v, m.ScaleMax) > 0):
		return fmt.Errorf("%s is outside the scale %s to %s", v, m.ScaleMin, m.ScaleMax)
	}
	return nil
}

var (
	hundred      = decimal.NewFromInt(100)
	minusHundred = decimal.NewFromInt(-100)
)

// quickInRange reports, without allocating, that a figure held as fixed
// point is certainly within the measure's range; false means "check with
// inRange".
func (m *Measure) quickInRange(f fixed) bool {
	switch m.Unit {
	case Percent:
		c, ok := cmpFixed(f, fixed{100, 0})
		return ok && f.c >= 0 && c <= 0
	case Money, Number, Rating:
		return false
	case Failures, Count:
		return f.c >= 0 && f.e >= 0
	}
	return f.c >= 0
}

func marshalName[T any](_ T, name string, bad bool) ([]byte, error) {
	if bad {
		return nil, fmt.Errorf("kpi: cannot marshal %s", name)
	}
	return []byte(name), nil
}

func unmarshalName[T any](b []byte, dst *T, parse func(string) (T, error)) error {
	v, err := parse(string(b))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}
