package kpi

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// Forecast projects the result's figure to the end of its year, as
// [Definition.Forecast] does for the last month of the result's period: for
// a KPI with a cumulative profile (council tax collected to date), the
// year-end figure if the rest of the year goes as the profile expects, and
// whether the figure is on track. ok is false for a KPI without a
// cumulative profile, for a result with no single figure (no data, an
// outcome, a range), and for a month the profile gives no target for. It is
// worked out on request, never while scoring.
func (r Result) Forecast() (f Forecast, ok bool) {
	if r.def == nil || !r.def.spec.Profile.cumulative || r.flags&(hasActual|ranged) != hasActual || r.period.NumMonths() == 0 {
		return Forecast{}, false
	}
	f, err := Definition{p: r.def}.Forecast(r.period.LastMonth(), r.figure())
	return f, err == nil
}

// A Need is the figure a result needed to reach one band better than its
// own: the band's level as a figure, with its strictness, and, for a ratio
// reported with its counts, the number of cases.
type Need struct {
	// Status is the band's status and Band its name ("" if it has none).
	Status Status
	Band   string
	// Level is the band's level as a figure in the measure's unit, for the
	// result's period (a profiled target is the period's). Strict is true
	// where a figure must be strictly better than Level ("< 5%": below 5%),
	// false where reaching it is enough ("90%": 90% or more).
	Level  decimal.Decimal
	Strict bool
	// Polarity is the measure's: whether better is higher or lower.
	Polarity Polarity
	// HasCases is true for a percent or number reported as counts
	// (numerator over denominator, [Counts]): Cases is then the numerator
	// that reaches Level over the same Denominator, the smallest whole
	// number for a higher-is-better measure (90% of 1,000 calls: 900
	// answered) and the largest for a lower-is-better one (below 5% of
	// 1,000: at most 49), respecting the strictness and, where the measure
	// rounds before banding, the rounding. More is Cases less the
	// numerator reported (887 answered: 13 more; negative where fewer
	// were needed). A weighted mean (days over cases) has no cases: its
	// totals need not be whole.
	HasCases                 bool
	Cases, Denominator, More decimal.Decimal
	// Reachable is false where no figure the measure allows reaches the
	// level (above 100%, or no whole number of cases of the denominator).
	Reachable bool
	unit      Unit
	precision int32
}

// String says what the band needed: "met: at least 90% (900 of 1000, 13
// more)", "met: below 5% (at most 49 of 1000, 3 fewer)", "tolerance: at
// least 87%".
func (n Need) String() string {
	word := "at least"
	switch {
	case n.Polarity == LowerIsBetter && n.Strict:
		word = "below"
	case n.Polarity == LowerIsBetter:
		word = "at most"
	case n.Strict:
		word = "above"
	}
	v := n.Level
	w := Written{Value: v}
	if n.unit != Number && n.unit != Count && n.unit != Rating {
		w.Unit = n.unit
	}
	s := fmt.Sprintf("%s: %s %s", n.label(), word, w)
	switch {
	case !n.Reachable:
		s += " (not reachable)"
	case n.HasCases:
		most := ""
		if n.Polarity == LowerIsBetter {
			most = "at most "
		}
		more := ""
		switch {
		case n.More.IsPositive():
			more = ", " + n.More.String() + " more"
			if n.Polarity == LowerIsBetter {
				more = ", " + n.More.String() + " more allowed"
			}
		case n.More.IsNegative():
			more = ", " + n.More.Neg().String() + " fewer"
		}
		s += fmt.Sprintf(" (%s%s of %s%s)", most, n.Cases, n.Denominator, more)
	}
	return s
}

func (n Need) label() string {
	if n.Band != "" {
		return n.Band
	}
	return n.Status.String()
}

// Equal reports whether n and o are the same need.
func (n Need) Equal(o Need) bool {
	return n.Status == o.Status && n.Band == o.Band && n.Level.Equal(o.Level) && n.Strict == o.Strict && n.Polarity == o.Polarity &&
		n.HasCases == o.HasCases && n.Cases.Equal(o.Cases) && n.Denominator.Equal(o.Denominator) && n.More.Equal(o.More) &&
		n.Reachable == o.Reachable && n.unit == o.unit
}

// WhatItTakes returns, for a result rated below its best band, what each
// better band up to the target needed, best first: the figure that would
// have met the target, then the figure that would have avoided each lower
// band (a failed result: the target, the detriment level, the failure
// level). Bands better than the target (a stretch level) are left out. obs
// is the observation the result rated: with counts, each need gives the
// number of cases ([Need]); pass the zero Observation where there are
// none.
//
// It returns nil for a result on target, or with no figure, a range or an
// outcome, and leaves out a band whose level is not published. A band that
// also takes a figure better than an earlier period's (the direction of
// travel) is given by its level alone. It is worked out on request.
func (r Result) WhatItTakes(obs Observation) []Need {
	x := r.def
	if x == nil || r.band <= 0 || r.flags&(hasActual|ranged|outcome) != hasActual || x.contextual {
		return nil
	}
	pol := x.spec.Measure.Polarity
	strictT := x.spec.Target.Comparison.Strict()
	var out []Need
	for i := 0; i < int(r.band); i++ {
		b := x.ladder[i]
		if b.Reach.IsZero() || b.Reach.Kind == UnpublishedLevel {
			continue
		}
		if b.Status == Exceeded && i+1 < int(r.band) && x.ladder[i+1].Status.OnTarget() {
			continue // a stretch level above the target
		}
		if len(out) > 0 && out[len(out)-1].Status.OnTarget() && b.Status.OnTarget() {
			continue
		}
		lv, ls := b.Reach.resolve(r.target, strictT)
		n := Need{Status: b.Status, Band: b.Name, Level: lv, Strict: ls, Polarity: pol, Reachable: true,
			unit: x.spec.Measure.Unit, precision: x.spec.Measure.Precision}
		if x.spec.Measure.Unit == Percent && ((pol == HigherIsBetter && (lv.GreaterThan(hundred) || ls && lv.Equal(hundred))) ||
			(pol == LowerIsBetter && (lv.IsNegative() || ls && lv.IsZero()))) {
			n.Reachable = false
		}
		if num, den, ok := obs.Counts(); ok && obs.kind == obsCounts && n.Reachable {
			if c, ok := casesFor(x.spec.Measure, lv, ls, den); ok {
				n.HasCases, n.Cases, n.Denominator, n.More = true, c, den, c.Sub(num)
				if c.IsNegative() || c.GreaterThan(den) {
					n.HasCases, n.Reachable = false, false
				}
			}
		}
		if len(out) > 0 && sameWhole(x.spec.Measure, out[len(out)-1], n) {
			// Whole failures: "below 1 failure" is "at most 0 failures",
			// what the better band already needs.
			continue
		}
		out = append(out, n)
	}
	// Best first: the target, then each band down to the one above r's.
	return out
}

// sameWhole reports whether two needs of a measure of whole numbers
// (failures, counts) come to the same whole figure: the worse one adds
// nothing.
func sameWhole(m Measure, a, b Need) bool {
	if m.Unit != Failures && m.Unit != Count {
		return false
	}
	whole := func(n Need) decimal.Decimal {
		lower := n.Polarity == LowerIsBetter
		switch {
		case lower && n.Strict:
			return n.Level.Ceil().Sub(decimal.NewFromInt(1))
		case lower:
			return n.Level.Floor()
		case n.Strict:
			return n.Level.Floor().Add(decimal.NewFromInt(1))
		}
		return n.Level.Ceil()
	}
	return whole(a).Equal(whole(b))
}

// casesFor returns the numerator of den cases that reaches level lv
// (strictly where strict) for measure m: the smallest for a
// higher-is-better measure, the largest for a lower-is-better one. ok is
// false where den is not a positive whole number.
func casesFor(m Measure, lv decimal.Decimal, strict bool, den decimal.Decimal) (decimal.Decimal, bool) {
	if !den.IsInteger() || !den.IsPositive() {
		return decimal.Decimal{}, false
	}
	higher := m.Polarity != LowerIsBetter
	t := lv
	if m.RoundBeforeBanding {
		// The figure is rounded to the precision before it is compared,
		// so a ratio short of the level by less than half a unit in the
		// last place reaches it. In the exact ratio, higher-is-better
		// needs ratio ≥ t, lower-is-better ratio < t.
		p := m.Precision
		half := decimal.New(5, -p-1)
		ulp := decimal.New(1, -p)
		switch {
		case higher && !strict:
			t = lv.RoundCeil(p).Sub(half)
		case higher:
			t = lv.RoundFloor(p).Add(ulp).Sub(half)
		case !strict:
			t = lv.RoundFloor(p).Add(half)
		default:
			t = lv.RoundCeil(p).Sub(ulp).Add(half)
		}
		strict = !higher
	}
	x := t.Mul(den)
	if m.Unit == Percent {
		x = x.Shift(-2)
	}
	switch {
	case higher && !strict:
		return x.Ceil(), true
	case higher:
		return x.Floor().Add(decimal.NewFromInt(1)), true
	case !strict:
		return x.Floor(), true
	default:
		return x.Ceil().Sub(decimal.NewFromInt(1)), true
	}
}

// ErrCannotSay is returned by [Definition.YearNeed] where what the rest of
// the year needs cannot be said: the KPI is neither cumulative nor
// measured over the year, the figures so far lack the counts, or no month
// of the year remains.
var ErrCannotSay = errors.New("what the rest of the year needs cannot be said")

// A YearNeed is what the months left in a year need for a KPI to reach its
// annual target ([Definition.YearNeed]).
type YearNeed struct {
	// Annual is the annual target and Strict whether it must be beaten.
	Annual decimal.Decimal
	Strict bool
	// SoFar is the figure for the year so far, to month Through.
	SoFar   decimal.Decimal
	Through period.Month
	// From and To are the months left, Months how many.
	From, To period.Month
	Months   int
	// PerMonth is the figure each month left needs: for a cumulative
	// profile, the rise a month (percentage points for a percent); for a
	// ratio, the ratio over the months' expected volume. It is rounded to
	// the measure's precision towards needing more.
	PerMonth decimal.Decimal
	// Cumulative is true for a cumulative profile, false for a ratio or
	// mean measured over the year.
	Cumulative bool
	// For a ratio with counts: Volume is the denominator the months left
	// are expected to bring, and Cases the numerator they need (the
	// smallest whole number, or for lower-is-better the largest allowed).
	HasCases      bool
	Volume, Cases decimal.Decimal
	// Reached is true where the annual target is reached whatever the
	// months left bring; Reachable false where no figure the measure
	// allows would reach it.
	Reached, Reachable bool
	unit               Unit
	polarity           Polarity
}

// String says what the year needs: "needs 96.20% a month from Jun-16 to
// Mar-17 to reach 95.8%", "needs 1.68% a month more from Jun-16 to Mar-17
// to reach 30%", "has reached 95.8%", "cannot reach 95.8%".
func (n YearNeed) String() string {
	w := func(v decimal.Decimal) string {
		if n.unit == Number || n.unit == Count || n.unit == Rating {
			return Written{Value: v}.String()
		}
		return Written{Value: v, Unit: n.unit}.String()
	}
	span := n.From.Label(period.Short)
	if n.Months > 1 {
		span = "from " + span + " to " + n.To.Label(period.Short)
	} else {
		span = "in " + span
	}
	switch {
	case n.Reached:
		return "has reached the annual " + w(n.Annual)
	case !n.Reachable:
		return "cannot reach the annual " + w(n.Annual) + " " + span
	}
	more := ""
	if n.Cumulative {
		more = " more"
	}
	verb := "needs"
	if n.polarity == LowerIsBetter {
		verb = "may have at most"
	}
	s := fmt.Sprintf("%s %s a month%s %s to reach the annual %s", verb, w(n.PerMonth), more, span, w(n.Annual))
	if n.HasCases {
		word := ""
		if n.polarity == LowerIsBetter {
			word = "at most "
		}
		s += fmt.Sprintf(" (%s%s of about %s expected)", word, n.Cases, n.Volume)
	}
	return s
}

// Equal reports whether n and o are the same.
func (n YearNeed) Equal(o YearNeed) bool {
	return n.Annual.Equal(o.Annual) && n.Strict == o.Strict && n.SoFar.Equal(o.SoFar) && n.Through == o.Through && n.From == o.From &&
		n.To == o.To && n.Months == o.Months && n.PerMonth.Equal(o.PerMonth) && n.Cumulative == o.Cumulative &&
		n.HasCases == o.HasCases && n.Volume.Equal(o.Volume) && n.Cases.Equal(o.Cases) && n.Reached == o.Reached &&
		n.Reachable == o.Reachable && n.unit == o.unit && n.polarity == o.polarity
}

// YearNeed says what the months left in the year of month m need for the
// KPI to reach its annual target, given soFar, the figure for the year to
// m. The rule depends on the KPI:
//
//   - a cumulative profile (soFar the figure to date, council tax
//     collected so far): the gap to the profile's annual target for m's
//     year, spread evenly over the months left: (annual − soFar) ÷ months
//     left, the rise a month needed;
//   - a ratio of sums or a weighted mean measured over a year (an annual
//     frequency, reported month by month), with soFar the aggregate of the
//     months to m with its counts ([Aggregate]): the months left are
//     assumed to bring the year so far's mean monthly volume (the
//     denominator so far ÷ months elapsed × months left, to the nearest
//     whole case for a ratio), and the need is the ratio those cases must
//     reach for the year's ratio to reach the target: for a ratio, the
//     smallest whole number of cases (the largest, lower-is-better).
//
// Anything else, figures without counts, or a month that ends the year,
// is [ErrCannotSay], wrapped with the reason.
func (d Definition) YearNeed(m period.Month, soFar Observation) (YearNeed, error) {
	x := d.data()
	if d.p == nil {
		return YearNeed{}, fmt.Errorf("kpi: the zero Definition: %w", ErrCannotSay)
	}
	ms := x.spec.Measure
	n := YearNeed{Through: m, Reachable: true, unit: ms.Unit, polarity: ms.Polarity, Strict: x.spec.Target.Comparison.Strict()}
	year, err := x.needYear(m, &n)
	if err != nil {
		return YearNeed{}, err
	}
	last := year.LastMonth()
	if !m.Before(last) {
		return YearNeed{}, fmt.Errorf("kpi: %s: %s ends its year, so no month is left: %w", x.spec.Ref, m.Label(period.Short), ErrCannotSay)
	}
	n.From, n.To, n.Months = m.AddMonths(1), last, last.Sub(m)
	if n.Cumulative {
		return x.needCumulative(n, soFar)
	}
	num, den, ok := soFar.Counts()
	if !ok || !den.IsPositive() {
		return YearNeed{}, fmt.Errorf("kpi: %s: the year so far has no counts to work from: %w", x.spec.Ref, ErrCannotSay)
	}
	if v, ok, err := soFar.figure(ms.Unit); err == nil && ok {
		n.SoFar = v.Round(ms.Precision)
	}
	// The months left bring the year so far's mean monthly volume.
	elapsed := decimal.NewFromInt(int64(m.Sub(year.FirstMonth()) + 1))
	vol := den.Mul(decimal.NewFromInt(int64(n.Months))).Div(elapsed)
	if soFar.kind == obsCounts {
		return x.needCases(n, num, den, vol.Round(0))
	}
	// A weighted mean: the total the months left may add, over their cases.
	n.Volume = vol
	need := n.Annual.Mul(den.Add(vol)).Sub(num)
	higher := ms.Polarity != LowerIsBetter
	switch {
	case higher && !need.IsPositive():
		n.Reached = true
	case !higher && !need.IsPositive():
		n.Reachable = false
	default:
		n.PerMonth = n.perMonth(need.Div(vol), ms.Precision)
	}
	return n, nil
}

// needYear finds the year whose target month m's need is worked against,
// and sets n's annual target: a cumulative profile's annual target for m's
// year, or the target of the year an annual ratio or weighted mean is
// measured over.
func (x *defData) needYear(m period.Month, n *YearNeed) (period.Period, error) {
	ms, prof := x.spec.Measure, x.spec.Profile
	switch {
	case prof.cumulative:
		y := prof.years.Of(m)
		a, ok := prof.AnnualOf(y)
		if !ok {
			return period.Period{}, fmt.Errorf("kpi: %s has no annual target for %s: %w", x.spec.Ref, y, ErrCannotSay)
		}
		n.Annual, n.Cumulative = a, true
		return y.Period(), nil
	case x.spec.Frequency.Months() == 12 && (ms.Aggregation == RatioOfSums || ms.Aggregation == WeightedMean):
		year := x.spec.Frequency.PeriodOf(m)
		t, err := x.targetFor(year)
		if err != nil {
			return period.Period{}, fmt.Errorf("kpi: %s: %w", x.spec.Ref, errors.Join(err, ErrCannotSay))
		}
		n.Annual = t
		return year, nil
	}
	return period.Period{}, fmt.Errorf("kpi: %s is neither cumulative nor measured over a year: %w", x.spec.Ref, ErrCannotSay)
}

// needCumulative is [Definition.YearNeed] for a cumulative profile: the
// gap to the annual target spread evenly over the months left.
func (x *defData) needCumulative(n YearNeed, soFar Observation) (YearNeed, error) {
	ms := x.spec.Measure
	v, ok, err := soFar.figure(ms.Unit)
	if err != nil || !ok {
		return YearNeed{}, fmt.Errorf("kpi: %s: no figure so far: %w", x.spec.Ref, ErrCannotSay)
	}
	n.SoFar = v
	at := reaches(ms.Polarity, v, n.Annual, n.Strict)
	switch higher := ms.Polarity != LowerIsBetter; {
	case higher && at:
		n.Reached = true
	case !higher && !at:
		// Lower is better, and a figure to date never falls.
		n.Reachable = false
	default:
		// Higher is better: the rise a month needed; lower is better: the
		// most the figure may rise a month.
		n.PerMonth = n.perMonth(n.Annual.Sub(v).Div(decimal.NewFromInt(int64(n.Months))), ms.Precision)
	}
	return n, nil
}

// needCases is [Definition.YearNeed] for a ratio of counts: the whole
// cases of the vol expected in the months left that must pass (or, lower
// is better, may) for the year to reach its target.
func (x *defData) needCases(n YearNeed, num, den, vol decimal.Decimal) (YearNeed, error) {
	ms := x.spec.Measure
	if vol.IsZero() {
		return YearNeed{}, fmt.Errorf("kpi: %s: no volume is expected in the months left: %w", x.spec.Ref, ErrCannotSay)
	}
	total, ok := casesFor(ms, n.Annual, n.Strict, den.Add(vol))
	if !ok {
		return YearNeed{}, fmt.Errorf("kpi: %s: the counts are not whole: %w", x.spec.Ref, ErrCannotSay)
	}
	need := total.Sub(num)
	n.HasCases, n.Volume, n.Cases = true, vol, need
	higher := ms.Polarity != LowerIsBetter
	switch {
	case higher && !need.IsPositive(), !higher && need.GreaterThanOrEqual(vol):
		n.Reached = true
		return n, nil
	case higher && need.GreaterThan(vol), !higher && need.IsNegative():
		n.Reachable = false
		return n, nil
	}
	if ms.Unit == Percent {
		need = need.Shift(2)
	}
	n.PerMonth = n.perMonth(need.Div(vol), ms.Precision)
	return n, nil
}

// perMonth rounds a need a month to places: up where higher is better (the
// least that will do), down where lower is (the most that may be allowed).
func (n YearNeed) perMonth(v decimal.Decimal, places int32) decimal.Decimal {
	if n.polarity == LowerIsBetter {
		return v.RoundFloor(places)
	}
	return v.RoundCeil(places)
}
