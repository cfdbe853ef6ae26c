package regime

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// A PointsRemedy charges for the service points a month accrues above a
// baseline, as rail and tram franchises do: the points over the baseline,
// not all of them, times Rate; nothing at or below it. The baseline may
// step down over the contract, each [Baseline] in force from its month
// until the next. The remedy is a credit like any other: added to the
// rows' credits before the caps, and shown in the summary of every
// scorecard with the month's points and baseline.
//
// For a baseline of 10 points and a rate of £1,000 a point, a month of 14
// points charges (14 − 10) × £1,000 = £4,000; a month of 9 points, none.
type PointsRemedy struct {
	// Baselines are the points allowed before any remedy, each from its
	// month, in order. The first must be in force from the regime's first
	// month.
	Baselines []Baseline
	// Rate is the amount charged a point over the baseline: money (£1,000)
	// or a percentage of the month's charges (0.5%).
	Rate Amount
}

// A Baseline is the points allowed before a [PointsRemedy] charges, from
// a month.
type Baseline struct {
	From   period.Month
	Points decimal.Decimal
}

// IsZero reports whether the regime has no remedy.
func (p PointsRemedy) IsZero() bool { return len(p.Baselines) == 0 && p.Rate.IsZero() }

// BaselineAt returns the baseline in force in month m, and false before
// the first.
func (p PointsRemedy) BaselineAt(m period.Month) (decimal.Decimal, bool) {
	i, found := slices.BinarySearchFunc(p.Baselines, m, func(b Baseline, m period.Month) int { return b.From.Compare(m) })
	if !found {
		i--
	}
	if i < 0 {
		return decimal.Decimal{}, false
	}
	return p.Baselines[i].Points, true
}

// Over returns the points of points over the baseline of month m (zero at
// or below it) and the remedy they charge against the month's charges,
// before rounding.
func (p PointsRemedy) Over(m period.Month, points, charges decimal.Decimal) (over, remedy decimal.Decimal) {
	base, _ := p.BaselineAt(m)
	over = points.Sub(base)
	if !over.IsPositive() {
		return decimal.Zero, decimal.Zero
	}
	return over, over.Mul(p.Rate.Of(charges))
}

// String describes the remedy for reports: "£1,000.00 a point over a
// baseline of 10 points (8 from 2017-04)".
func (p PointsRemedy) String() string {
	if p.IsZero() {
		return "none"
	}
	s := fmt.Sprintf("%s a point over a baseline of %s points", p.Rate, p.Baselines[0].Points)
	if len(p.Baselines) > 1 {
		s += " ("
		for i, b := range p.Baselines[1:] {
			if i > 0 {
				s += ", "
			}
			s += fmt.Sprintf("%s from %s", b.Points, b.From)
		}
		s += ")"
	}
	return s
}

// Equal reports whether p and o are the same remedy.
func (p PointsRemedy) Equal(o PointsRemedy) bool {
	return p.Rate.Equal(o.Rate) && slices.EqualFunc(p.Baselines, o.Baselines, func(a, b Baseline) bool {
		return a.From == b.From && a.Points.Equal(b.Points)
	})
}

// validate reports the remedy's problems, under path, for a regime from
// month from.
func (p PointsRemedy) validate(from period.Month, bad func(path, format string, args ...any)) {
	if p.IsZero() {
		return
	}
	if !p.Rate.Value.IsPositive() {
		bad("remedy.rate", "the rate a point must be positive, not %s", p.Rate)
	}
	if len(p.Baselines) == 0 {
		bad("remedy.baselines", "a remedy needs a baseline: the points allowed before it charges")
		return
	}
	for i, b := range p.Baselines {
		path := fmt.Sprintf("remedy.baselines[%d]", i)
		if b.Points.IsNegative() {
			bad(path+".points", "a baseline cannot be negative (%s)", b.Points)
		}
		if i > 0 && !b.From.After(p.Baselines[i-1].From) {
			bad(path+".from", "%s is not after the baseline before it (%s): give them in order", b.From, p.Baselines[i-1].From)
		}
	}
	if !from.IsZero() && p.Baselines[0].From.After(from) {
		bad("remedy.baselines[0].from", "the first baseline is from %s, after the regime's first month %s: a month would have none", p.Baselines[0].From, from)
	}
}
