package kpi

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// An Entry is an observation for one period, as aggregates take them.
type Entry struct {
	Period period.Period
	Obs    Observation
}

// Aggregate combines a run of observations into one, by the measure's rule:
//
//   - ratio_of_sums: the sum of numerators over the sum of denominators;
//     every entry with a figure must carry counts, because the mean of
//     monthly percentages is not the year's percentage;
//   - weighted_mean: the sum of totals over the sum of counts (days over
//     cases); every entry must carry them;
//   - sum: the figures added;
//   - latest: the figure of the latest period (a cumulative stock);
//   - minimum, maximum: the lowest or highest figure.
//
// Entries with no figure (not due, no data, not measurable, excluded) drop
// out, and so do entries whose period skip reports true: that is how a
// report gives "performance outside excluded periods" (seed 001). A run with
// no figure left aggregates to no data. A run with an outcome reported
// without a figure ([Outcome]) is not measurable: the outcome's month
// cannot be left out, nor combined. The order of entries does not matter.
func Aggregate(m Measure, entries []Entry, skip func(period.Period) bool) (Observation, error) {
	for _, e := range entries {
		if e.Obs.kind == obsOutcome && (skip == nil || !skip(e.Period)) {
			return Missing(NotMeasurable, "outcomes reported without figures cannot be combined"), nil
		}
	}
	return aggregate(m, entries, skip)
}

func aggregate(m Measure, entries []Entry, skip func(period.Period) bool) (Observation, error) {
	use := func(e *Entry) bool { return e.Obs.HasFigure() && (skip == nil || !skip(e.Period)) }
	switch m.Aggregation {
	case RatioOfSums, WeightedMean:
		return sumCounts(m, entries, use)
	case Sum, Minimum, Maximum, Latest, MeanOfPeriods:
		var acc decimal.Decimal
		var latest period.Period
		have, seen := false, false
		n := int64(0)
		for i := range entries {
			e := &entries[i]
			if !use(e) {
				continue
			}
			seen = true
			v, ok, err := e.Obs.figure(m.Unit)
			if err != nil {
				return Observation{}, fmt.Errorf("kpi: %s: %w", e.Period, err)
			}
			if !ok {
				continue
			}
			n++
			switch {
			case !have:
				acc, latest, have = v, e.Period, true
			case m.Aggregation == Sum, m.Aggregation == MeanOfPeriods:
				acc = acc.Add(v)
			case m.Aggregation == Minimum && v.LessThan(acc), m.Aggregation == Maximum && v.GreaterThan(acc):
				acc = v
			case m.Aggregation == Latest && e.Period.End().After(latest.End()):
				acc, latest = v, e.Period
			}
		}
		if !seen {
			return Missing(NoData, "no figures in the periods aggregated"), nil
		}
		if !have {
			return Missing(NotMeasurable, "no volume in the periods aggregated"), nil
		}
		if m.Aggregation == MeanOfPeriods && n > 1 {
			acc = acc.DivRound(decimal.NewFromInt(n), ratioPlaces)
		}
		return Figure(acc), nil
	}
	return Observation{}, fmt.Errorf("kpi: cannot aggregate with rule %s", m.Aggregation)
}

// AggregateBounded is [Aggregate], except that where a ratio of sums or a
// weighted mean cannot be worked out because some figures come without
// their counts, it returns the range the true figure must lie in instead
// of an error: a ratio of sums is a mean of the periods' ratios weighted by
// their denominators, so it lies between the smallest and the largest of
// them, whatever the counts. The range is an observation made with
// [Between]; [Evaluate] rates it where the whole range falls in one band
// and says it is not measurable otherwise. Where every figure is the same,
// that figure is the answer.
func AggregateBounded(m Measure, entries []Entry, skip func(period.Period) bool) (Observation, error) {
	if !lacksCounts(m, entries, skip) {
		return Aggregate(m, entries, skip)
	}
	for _, e := range entries {
		if e.Obs.kind == obsOutcome && (skip == nil || !skip(e.Period)) {
			return Missing(NotMeasurable, "outcomes reported without figures cannot be combined"), nil
		}
	}
	var lo, hi decimal.Decimal
	have := false
	for i := range entries {
		e := &entries[i]
		if !e.Obs.HasFigure() || (skip != nil && skip(e.Period)) {
			continue
		}
		v, ok, err := e.Obs.figure(m.Unit)
		if err != nil {
			return Observation{}, fmt.Errorf("kpi: %s: %w", e.Period, err)
		}
		if !ok {
			continue // no volume: it weighs nothing in the ratio
		}
		if !have {
			lo, hi, have = v, v, true
			continue
		}
		if v.LessThan(lo) {
			lo = v
		}
		if v.GreaterThan(hi) {
			hi = v
		}
	}
	if !have {
		return Missing(NotMeasurable, "no volume in the periods aggregated"), nil
	}
	return Between(lo, hi), nil
}

// lacksCounts reports whether a ratio of sums or a weighted mean has a
// figure without the counts behind it, so that it cannot be worked out.
func lacksCounts(m Measure, entries []Entry, skip func(period.Period) bool) bool {
	if m.Aggregation != RatioOfSums && m.Aggregation != WeightedMean {
		return false
	}
	for i := range entries {
		e := &entries[i]
		if e.Obs.kind == obsFigure && (skip == nil || !skip(e.Period)) {
			return true
		}
	}
	return false
}

// sumCounts adds numerators and denominators (or totals and counts). Whole
// counts are summed as int64 while they fit, and as decimals after.
func sumCounts(m Measure, entries []Entry, use func(*Entry) bool) (Observation, error) {
	var n64, d64 int64
	num, den := decimal.Zero, decimal.Zero
	seen, mean := false, m.Aggregation == WeightedMean
	for i := range entries {
		e := &entries[i]
		if !use(e) {
			continue
		}
		if o := &e.Obs; o.small {
			seen = true
			if s, ok := addInt(n64, o.n64); ok {
				if t, ok := addInt(d64, o.d64); ok {
					n64, d64 = s, t
					continue
				}
			}
		}
		n, d, ok := e.Obs.Counts()
		if !ok {
			v, _ := e.Obs.Value()
			why := "averaging percentages gives the wrong answer"
			if m.Aggregation == WeightedMean {
				why = "the mean of means gives the wrong answer"
			}
			return Observation{}, fmt.Errorf("kpi: cannot aggregate the figure %s for %s by %s: %w (%s)", v, e.Period, m.Aggregation, ErrNeedsCounts, why)
		}
		seen = true
		mean = mean || e.Obs.IsMean()
		if fn, ok := fixedOf(n); ok && fn.e == 0 {
			if fd, ok := fixedOf(d); ok && fd.e == 0 {
				if s, ok := addInt(n64, fn.c); ok {
					if t, ok := addInt(d64, fd.c); ok {
						n64, d64 = s, t
						continue
					}
				}
			}
		}
		num, den = num.Add(n), den.Add(d)
	}
	if !seen {
		return Missing(NoData, "no figures in the periods aggregated"), nil
	}
	if !mean && num.IsZero() && den.IsZero() {
		return Counts(n64, d64), nil
	}
	num, den = num.Add(decimal.NewFromInt(n64)), den.Add(decimal.NewFromInt(d64))
	if mean {
		return Observation{kind: obsMean, num: num, den: den}, nil
	}
	return Observation{kind: obsCounts, num: num, den: den}, nil
}

// addInt returns a + b, and false on overflow.
func addInt(a, b int64) (int64, bool) {
	s := a + b
	if (s > a) != (b > 0) {
		return 0, false
	}
	return s, true
}

// A Trend says which way performance moved between two results.
type Trend int8

// The trends.
const (
	Worsening Trend = -1
	Unchanged Trend = 0
	Improving Trend = 1
)

// String returns improving, worsening or unchanged.
func (t Trend) String() string {
	switch t {
	case Improving:
		return "improving"
	case Worsening:
		return "worsening"
	}
	return "unchanged"
}

// TrendOf compares two results of the same indicator by their margins
// against their own targets, so that it is polarity-aware and fair to a
// profiled target: a collection rate that keeps further ahead of its profile
// is improving. Results with no target (a contextual measure, a score scale
// set by its own levels) compare by their figures. ok is false if either
// result has no figure.
func TrendOf(prev, cur Result) (t Trend, ok bool) {
	const both = hasActual | hasTarget
	flat := prev.flags&both == both && cur.flags&both == both && cmpDec(prev.target, cur.target) == 0
	none := prev.flags&both == hasActual && cur.flags&both == hasActual
	if prev.def != nil && (flat || none) {
		// The same target both times (a flat target), or none (a measure
		// for information, a score scale): compare the figures, without
		// working out the margins.
		c := cmpFigures(cur, prev)
		if prev.def.spec.Measure.Polarity == LowerIsBetter {
			c = -c
		}
		return Trend(c), true
	}
	a, ok1 := prev.Margin()
	b, ok2 := cur.Margin()
	if !ok1 || !ok2 {
		return Unchanged, false
	}
	return Trend(b.Cmp(a)), true
}

// A Forecast projects a cumulative figure to the year end.
type Forecast struct {
	// Profiled is the cumulative target for the month.
	Profiled decimal.Decimal
	// Projected is the year-end figure if the rest of the year goes as the
	// profile expects relative to it: actual × annual ÷ profiled, rounded to
	// the measure's precision.
	Projected decimal.Decimal
	// Annual is the annual target.
	Annual decimal.Decimal
	// OnTrack is true when the figure reaches its profiled target.
	OnTrack bool
}

// Forecast projects a cumulative figure for month m to the end of its year.
// It is an error for a definition without a cumulative profile, or for a
// month the profile has no target for (an [*UncoveredYearError] if the
// profile does not cover the month's year).
func (d Definition) Forecast(m period.Month, actual decimal.Decimal) (Forecast, error) {
	x := d.data()
	prof := x.spec.Profile
	if !prof.cumulative {
		return Forecast{}, fmt.Errorf("kpi: %s has no cumulative profile to forecast from", x.spec.Ref)
	}
	profiled, err := x.targetFor(m.Period())
	if err != nil {
		return Forecast{}, err
	}
	if profiled.IsZero() {
		return Forecast{}, fmt.Errorf("kpi: %s has a profiled target of zero for %s, so the year cannot be projected", x.spec.Ref, m.Label(period.Short))
	}
	annual, _ := prof.AnnualOf(prof.years.Of(m)) // targetFor found the year
	projected := actual.Mul(annual).DivRound(profiled, x.spec.Measure.Precision)
	return Forecast{
		Profiled:  profiled,
		Projected: projected,
		Annual:    annual,
		OnTrack:   reaches(x.spec.Measure.Polarity, actual, profiled, false),
	}, nil
}
