package kpi

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// An Observation is what was reported for one indicator in one period: a
// figure; counts (calls answered of calls offered); a total and a count for
// a mean (days taken over cases); an outcome reported with no figure; or no
// figure, with the reason. It may also
// carry the status the supplier reported, so that reported and computed
// statuses can be compared. The zero Observation reports nothing, which
// evaluates as no data where a measurement is due.
type Observation struct {
	kind     obsKind
	small    bool   // counts held in n64 and d64, not num and den
	reason   Status // NotDue, NoData, NotMeasurable or Excluded, with no figure
	reported Status
	value    decimal.Decimal // a figure
	num, den decimal.Decimal // counts, or total and count for a mean
	text     string          // the supplier's words: "Not yet measurable"
	n64, d64 int64           // counts that fit an int64, where small is set
}

type obsKind uint8

const (
	obsNone obsKind = iota
	obsFigure
	obsCounts
	obsMean
	obsOutcome
	obsRange
)

// Figure is an observation of one figure: 88.89 (percent), 8.09 (days).
func Figure(v decimal.Decimal) Observation { return Observation{kind: obsFigure, value: v} }

// ParseFigure reads a figure as written (88.89, 95.8%, 25 secs) with
// [ParseWritten]. A comparison (< 5%) is an error: figures are not targets.
func ParseFigure(s string) (Observation, error) {
	w, err := parseFigure(s)
	if err != nil {
		return Observation{}, err
	}
	return Figure(w.Value), nil
}

// parseFigure reads s as a written value with no comparison.
func parseFigure(s string) (Written, error) {
	w, err := ParseWritten(s)
	if err != nil {
		return Written{}, err
	}
	if w.Comparison != Unstated {
		return Written{}, &period.ParseError{Package: "kpi", What: "figure", Input: s, Expected: "a figure with no comparison, such as 88.89 or 95.8%"}
	}
	return w, nil
}

// ParseFigure reads a figure for d as [ParseFigure] does, and checks that
// a unit written with it is d's: "95 days" or "£95" for a percent KPI, or
// "0%" for a failures KPI, is an error, not 95% or 0 failures. A figure
// written without a unit is in d's unit. Whether the figure is within the
// measure's range (a percent of 101) is for [Evaluate], which refuses it.
func (d Definition) ParseFigure(s string) (Observation, error) {
	w, err := parseFigure(s)
	if err != nil {
		return Observation{}, err
	}
	if m := d.data().spec.Measure; !m.TakesUnit(w.Unit) {
		u := m.Unit
		return Observation{}, &period.ParseError{Package: "kpi", What: "figure", Input: s, Expected: "a figure in " + u.String(),
			Err: fmt.Errorf("it is in %s, but %s is measured in %s", w.Unit, d.data().spec.Ref, u)}
	}
	return Figure(w.Value), nil
}

// errCountsFor says counts cannot be the figure of a measure in unit u.
func errCountsFor(u Unit) error {
	return fmt.Errorf("counts (a numerator and a denominator) are the figure of a percentage or a ratio, not of a measure in %s: give the figure itself", u)
}

// Counts is an observation of numerator of denominator: 20 calls answered
// within 20 seconds of 25 offered. For a percent measure the figure is
// 100 × numerator / denominator; no volume (a zero denominator) is not
// measurable. The counts aggregate exactly across periods.
func Counts(numerator, denominator int64) Observation {
	return Observation{kind: obsCounts, small: true, n64: numerator, d64: denominator}
}

// SmallCounts returns the numerator and denominator of counts made with
// [Counts] from int64s; ok is false for any other observation, counts
// made from decimals included. With [Counts] and [Observation.WithReported]
// it lets a store hold such counts in two integers and give back an equal
// observation.
func (o Observation) SmallCounts() (num, den int64, ok bool) {
	if o.kind != obsCounts || !o.small || o.text != "" {
		return 0, 0, false
	}
	return o.n64, o.d64, true
}

// wide returns o with counts held as int64 moved into num and den, where
// the exact decimal path reads them.
func (o Observation) wide() Observation {
	if o.small {
		o.num, o.den = decimal.NewFromInt(o.n64), decimal.NewFromInt(o.d64)
		o.small, o.n64, o.d64 = false, 0, 0
	}
	return o
}

// Mean is an observation of a total over a count: 161.4 days over 20 claims
// is a mean of 8.07 days. It aggregates as the sum of totals over the sum of
// counts.
func Mean(total decimal.Decimal, count int64) Observation {
	return Observation{kind: obsMean, num: total, den: decimal.NewFromInt(count)}
}

// Missing is an observation with no figure, for the given reason: [NotDue],
// [NoData], [NotMeasurable] or [Excluded]. text keeps the supplier's words
// ("Not yet measurable", "No Survey Due"). The zero Status is taken as
// [NoData]. Any other reason (a performance status such as [Met], or a
// Status that is not one) makes an observation [Evaluate] refuses with an
// error: a figure that is not there cannot have met its target.
func Missing(reason Status, text string) Observation {
	return Observation{kind: obsNone, reason: reason, text: text}
}

// Outcome is an observation of a status reported with no figure, for a
// source that publishes outcomes rather than figures: committee minutes
// saying a KPI "failed to meet the Minimum Service Level in September".
// s is the status reported, a performance status from [Exceeded] to
// [Failed]; text keeps the source's words. [Evaluate] takes the status as
// given and marks the result as an outcome ([Result.IsOutcome]): it has no
// actual, variance or margin, and it never passes for a computed status.
// Outcomes do not aggregate: a quarter of them is not measurable.
func Outcome(s Status, text string) Observation {
	return Observation{kind: obsOutcome, reported: s, text: text}
}

// Between is an observation known only to lie between lo and hi, both
// included: the ratio of sums of periods whose percentages came without
// their counts ([AggregateBounded]). [Evaluate] rates it where the whole
// range falls in one band ("between 91% and 95%: met") and finds it not
// measurable where the range spans bands. lo and hi may be given in either
// order; where they are equal it is that figure.
func Between(lo, hi decimal.Decimal) Observation {
	if lo.Equal(hi) {
		return Figure(lo)
	}
	if lo.GreaterThan(hi) {
		lo, hi = hi, lo
	}
	return Observation{kind: obsRange, num: lo, den: hi}
}

// Range returns the bounds of an observation made with [Between], and
// false for any other.
func (o Observation) Range() (lo, hi decimal.Decimal, ok bool) {
	return o.num, o.den, o.kind == obsRange
}

// IsOutcome reports whether o is an outcome reported with no figure.
func (o Observation) IsOutcome() bool { return o.kind == obsOutcome }

// WithReported returns o carrying the status the supplier reported.
func (o Observation) WithReported(s Status) Observation {
	o.reported = s
	return o
}

// Reported returns the status the supplier reported, or 0.
func (o Observation) Reported() Status { return o.reported }

// HasFigure reports whether o carries a figure, counts or a mean.
func (o Observation) HasFigure() bool {
	return o.kind == obsFigure || o.kind == obsCounts || o.kind == obsMean
}

// Value returns o's figure as written, or false for counts, means and no
// figure.
func (o Observation) Value() (decimal.Decimal, bool) { return o.value, o.kind == obsFigure }

// Counts returns o's numerator and denominator (or total and count for a
// mean), and whether it has them.
func (o Observation) Counts() (num, den decimal.Decimal, ok bool) {
	o = o.wide()
	return o.num, o.den, o.kind == obsCounts || o.kind == obsMean
}

// IsMean reports whether o is a total over a count.
func (o Observation) IsMean() bool { return o.kind == obsMean }

// Reason returns why o has no figure and the supplier's words; the reason is
// 0 for an observation with a figure or an outcome (whose words it returns),
// and NoData for the zero Observation.
func (o Observation) Reason() (Status, string) {
	if o.kind == obsOutcome {
		return 0, o.text
	}
	if o.kind != obsNone {
		return 0, ""
	}
	if o.reason == 0 {
		return NoData, o.text
	}
	return o.reason, o.text
}

// Check reports what makes o an observation no definition can rate: a
// [Missing] figure whose reason is not one (a performance status such as
// [Met], or a Status that is not one). [Evaluate] refuses such an
// observation with this error, and so does a regime's ledger.
func (o Observation) Check() error {
	if o.kind != obsNone || o.reason == 0 || (o.reason >= NotDue && o.reason <= Excluded) {
		return nil
	}
	return fmt.Errorf("a missing figure's reason is %s: want not_due, no_data, not_measurable or excluded (give a figure or an Outcome for a status reported)", o.reason)
}

// Equal reports whether o and p are the same observation.
func (o Observation) Equal(p Observation) bool {
	o, p = o.wide(), p.wide()
	return o.kind == p.kind && o.value.Equal(p.value) && o.num.Equal(p.num) && o.den.Equal(p.den) &&
		o.reason == p.reason && o.text == p.text && o.reported == p.reported
}

// String describes o: "88.89", "20 of 25", "161.4 over 20", "no data".
func (o Observation) String() string {
	o = o.wide()
	switch o.kind {
	case obsFigure:
		return o.value.String()
	case obsCounts:
		return fmt.Sprintf("%s of %s", o.num, o.den)
	case obsMean:
		return fmt.Sprintf("%s over %s", o.num, o.den)
	case obsRange:
		return fmt.Sprintf("between %s and %s", o.num, o.den)
	case obsOutcome:
		if o.text != "" {
			return fmt.Sprintf("%s as reported (%s)", o.reported, o.text)
		}
		return fmt.Sprintf("%s as reported", o.reported)
	}
	r, text := o.Reason()
	if text != "" {
		return fmt.Sprintf("%s (%s)", r, text)
	}
	return r.String()
}

// ratioPlaces is the precision a ratio is computed to where no ladder says
// how many places its comparisons need (aggregating by sum, minimum,
// maximum or latest).
const ratioPlaces = 24

// exactPlaces returns the places to which num/den (× 100 for a percent) must
// be computed so that comparing it with any level written to levelPlaces
// places is exact. A ratio p/q that differs from such a level differs by at
// least 1/(q·10^levelPlaces); rounding to one place more than digits(q) +
// levelPlaces errs by less than half of that, so it cannot cross or land on
// the level. den's own places count as digits of q.
func exactPlaces(num, den decimal.Decimal, levelPlaces int32) int32 {
	// With num = N×10^a and den = D×10^b, num/den = (N×10^max(a,0)) /
	// (D×10^max(b,0)×10^max(-a,0)×...) once both are whole: the
	// denominator has at most digits(D) + max(b,0) + max(-a,0) digits.
	q := int32(den.NumDigits()) + max(den.Exponent(), 0) + max(-num.Exponent(), 0)
	return q + levelPlaces + 1
}

// figure works out the observation's figure under measure m: the value, or
// the ratio of its counts (× 100 for a percent), or its mean. ok is false
// for no figure or no volume.
func (o *Observation) figure(unit Unit) (v decimal.Decimal, ok bool, err error) {
	return o.figureTo(unit, -1)
}

// figureTo is figure with ratios computed to the given places, or to
// ratioPlaces when places is negative.
func (o *Observation) figureTo(unit Unit, places int32) (v decimal.Decimal, ok bool, err error) {
	if places < 0 {
		places = ratioPlaces
	}
	switch o.kind {
	case obsFigure:
		return o.value, true, nil
	case obsCounts:
		if o.small {
			w := o.wide()
			o = &w
		}
		if o.num.IsNegative() || o.den.IsNegative() {
			return decimal.Decimal{}, false, fmt.Errorf("counts %s of %s cannot be negative", o.num, o.den)
		}
		if o.num.GreaterThan(o.den) {
			return decimal.Decimal{}, false, fmt.Errorf("the numerator %s is more than the denominator %s", o.num, o.den)
		}
		if o.den.IsZero() {
			return decimal.Decimal{}, false, nil
		}
		n := o.num
		if unit == Percent {
			n = n.Mul(hundred)
		}
		return n.DivRound(o.den, places), true, nil
	case obsMean:
		if o.num.IsNegative() || o.den.IsNegative() {
			return decimal.Decimal{}, false, fmt.Errorf("a mean of %s over %s cannot be negative", o.num, o.den)
		}
		if o.den.IsZero() {
			return decimal.Decimal{}, false, nil
		}
		return o.num.DivRound(o.den, places), true, nil
	}
	return decimal.Decimal{}, false, nil
}
