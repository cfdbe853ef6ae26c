package kpi

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// A Result is one indicator evaluated for one period: its status, the band
// that applied, the target and the level that decided it, the figure as
// compared, and whether the supplier reported the same status. Variance,
// margin and the one-line reason are worked out on request, so that
// evaluation itself allocates nothing.
type Result struct {
	def      *defData
	period   period.Period
	band     int16 // index into def.ladder, or -1
	status   Status
	flags    resultFlags
	reported Status
	target   decimal.Decimal
	actual   decimal.Decimal
	hi       decimal.Decimal // the top of a range; actual holds its bottom
	text     string          // the supplier's words for a missing figure
	cmp      *compared       // the earlier figures compared with, or nil
	shown    int64           // the figure's coefficient at the measure's precision, where lazyFigure is set
}

type resultFlags uint16

const (
	hasTarget resultFlags = 1 << iota
	hasActual
	interim      // a figure reported in a period when the measure is not due
	outcome      // a status reported with no figure
	ranged       // a range of figures (Between): actual to hi
	window       // the figure of a rolling window ending in the period
	combined     // a KPI made of parts, rated from theirs
	unverifiable // a status as reported, which the published levels cannot check
	lazyFigure   // the figure is shown at the measure's precision, made on request ([Result.figure])
)

// Evaluate rates one observation of d for period p (a month, or a longer
// period for an aggregate). The steps, in order:
//
//  1. An observation with no figure gives its reason: not measurable,
//     excluded or no data; and where the measure is not due in p (a
//     six-monthly survey in April) and nothing was reported, not due.
//  2. The figure is worked out: the value, the ratio of counts (× 100 for a
//     percent) or the mean; no volume (a zero denominator) is not measurable.
//  3. If the measure says so, the figure is rounded to its precision.
//  4. The period's target comes from the profile.
//  5. The figure falls in the first band whose level it reaches.
//
// A figure reported when the measure is not due is rated all the same and
// marked interim. An [Outcome] is taken as reported, in the band of the
// ladder with its status. Errors are for figures that cannot be right (a
// percent above 100, counts whose numerator exceeds the denominator), for
// an outcome whose status the ladder does not have, for a period the
// profile has no target for, for the zero Period, and for a [Missing]
// figure whose reason is not one.
func Evaluate(d Definition, p period.Period, obs Observation) (Result, error) {
	return evaluate(d, p, obs, nil)
}

// zeroPeriod is the error of evaluating for the zero Period.
func (x *defData) zeroPeriod() error {
	return fmt.Errorf("kpi: %s: evaluating for the zero Period: give the period the figure is for", x.spec.Ref)
}

// evaluate is [Evaluate], comparing with the earlier figures cmp (nil for
// none) where a band depends on the direction of travel.
func evaluate(d Definition, p period.Period, obs Observation, cmp *compared) (Result, error) {
	x := d.data()
	if d.p == nil {
		return Result{}, fmt.Errorf("kpi: evaluating the zero Definition")
	}
	r := Result{def: x, period: p, band: -1, reported: obs.reported}
	if x.compares != 0 {
		r.cmp = cmp
	}
	due := x.dueIn(p)
	if !due && p.IsZero() {
		return Result{}, x.zeroPeriod()
	}
	if obs.kind == obsOutcome {
		return x.outcome(r, obs, due)
	}
	if obs.kind == obsRange {
		return x.rateRange(r, obs, due)
	}
	if !obs.HasFigure() {
		if err := obs.Check(); err != nil {
			return Result{}, fmt.Errorf("kpi: %s for %s: %w", x.spec.Ref, p, err)
		}
		reason, text := obs.Reason()
		r.text = text
		switch {
		case reason == NoData && !due && obs.reason == 0:
			r.status = NotDue
		default:
			r.status = reason
		}
		if t, err := x.targetFor(p); err == nil {
			r.target, r.flags = t, r.flags|hasTarget
		}
		return r, nil
	}
	if len(x.spec.Parts) > 0 {
		return Result{}, fmt.Errorf("kpi: %s is made of parts (%s): rate it from theirs with Combine", x.spec.Ref, strings.Join(x.spec.Parts, ", "))
	}
	if x.outcomesOnly {
		return Result{}, fmt.Errorf("kpi: %s for %s: its target is not published, so the figure %s cannot be rated: give the outcome reported instead", x.spec.Ref, p, obs)
	}
	if obs.small {
		if fr, ok := x.rateCounts(r, p, &obs, due); ok {
			return fr, nil
		}
		obs = obs.wide()
	}
	m := &x.spec.Measure
	if obs.kind == obsCounts && !m.TakesCounts() {
		return Result{}, fmt.Errorf("kpi: %s for %s: %w", x.spec.Ref, p, errCountsFor(m.Unit))
	}
	// A ratio is computed exactly enough for its comparisons, or, where the
	// measure rounds before banding, rounded once to its precision.
	places := int32(-1)
	if obs.kind == obsCounts || obs.kind == obsMean {
		places = m.Precision
		if !m.RoundBeforeBanding {
			n := obs.num
			if obs.kind == obsCounts && m.Unit == Percent {
				n = n.Shift(2)
			}
			places = max(exactPlaces(n, obs.den, x.levelPlaces), m.Precision)
		}
	}
	v, ok, err := obs.figureTo(m.Unit, places)
	if err != nil {
		return Result{}, fmt.Errorf("kpi: %s for %s: %w", x.spec.Ref, p, err)
	}
	if !ok {
		r.status, r.text = NotMeasurable, "no volume"
		return r, nil
	}
	if m.RoundBeforeBanding && v.Exponent() < -m.Precision {
		v = v.Round(m.Precision)
	}
	fv, fok := fixedOf(v)
	if !fok || !m.quickInRange(fv) {
		if err := m.inRange(v); err != nil {
			return Result{}, fmt.Errorf("kpi: %s for %s: %w", x.spec.Ref, p, err)
		}
	}
	var t decimal.Decimal
	if !x.noTarget {
		if t, err = x.targetFor(p); err != nil {
			return Result{}, err
		}
		r.target, r.flags = t, r.flags|hasTarget
	}
	r.actual = v
	r.flags |= hasActual
	if !due {
		r.flags |= interim
	}
	if x.contextual {
		// Reported for information: shown with its trend, never rated.
		if places > m.Precision {
			if sv, ok, _ := obs.figureTo(m.Unit, m.Precision); ok {
				r.actual = sv
			}
		}
		r.status = Info
		return r, nil
	}
	if x.partial {
		r = x.ratePartial(r, v, obs.reported)
		if places > m.Precision {
			// Shown as a report prints it, unless that would cross a level
			// or a comparison that decides (as below).
			known := x.bandKnown(v, t, r.cmp)
			for q := m.Precision; q < places; q++ {
				if qv, ok, _ := obs.figureTo(m.Unit, q); ok {
					if x.bandKnown(qv, t, r.cmp) == known {
						r.actual = qv
						break
					}
				}
			}
		}
		return r, nil
	}
	b := -1
	if fok && x.fast != nil {
		b = x.fast.band(fv, x.spec.Measure.Polarity == LowerIsBetter)
	}
	if b < 0 {
		b = x.band(v, t)
	}
	r.band = int16(b)
	r.status = x.ladder[r.band].Status
	if places > m.Precision {
		// The band was decided on v, exact enough for every comparison; the
		// result keeps the figure as a report prints it, the ratio rounded
		// once to the measure's precision (rounding v again could round
		// twice: 85.4545 to 85.455 to 85.46).
		//
		// Unless that rounding crosses a level: 22,499 of 28,124 is
		// 79.9993%, missed against 80%, and must not be shown as 80.00%
		// beside Missed. The figure then keeps the fewest further places
		// that band as v does (79.9993), up to the places v was worked to.
		if sv, ok, _ := obs.figureTo(m.Unit, m.Precision); ok {
			r.actual = sv
			sb := -1
			if fv, fok := fixedOf(sv); fok && x.fast != nil {
				sb = x.fast.band(fv, m.Polarity == LowerIsBetter)
			}
			if sb < 0 {
				sb = x.band(sv, t)
			}
			if sb != b {
				r.actual = v
				for q := m.Precision + 1; q < places; q++ {
					if qv, ok, _ := obs.figureTo(m.Unit, q); ok && x.band(qv, t) == b {
						r.actual = qv
						break
					}
				}
			}
		}
	}
	return r, nil
}

// outcome rates a reported outcome: its status, in the first band of the
// ladder that has it, with the period's target where there is one.
func (x *defData) outcome(r Result, obs Observation, due bool) (Result, error) {
	s := obs.reported
	if !s.IsPerformance() {
		return Result{}, fmt.Errorf("kpi: %s for %s: an outcome is a performance status (exceeded, met, tolerance, missed, detriment or failed), not %s", x.spec.Ref, r.period, s)
	}
	if x.contextual {
		return Result{}, fmt.Errorf("kpi: %s for %s: a contextual measure is reported for information and never rated, so it takes a figure, not an outcome (%s)", x.spec.Ref, r.period, s)
	}
	b := slices.IndexFunc(x.ladder, func(b Band) bool { return b.Status == s })
	if b < 0 {
		var have []string
		for _, band := range x.ladder {
			have = append(have, band.Status.String())
		}
		return Result{}, fmt.Errorf("kpi: %s for %s: the outcome %s is not on its ladder (%s)", x.spec.Ref, r.period, s, strings.Join(have, ", "))
	}
	r.status, r.band, r.text = s, int16(b), obs.text
	r.flags |= outcome
	if !due {
		r.flags |= interim
	}
	if t, err := x.targetFor(r.period); err == nil {
		r.target, r.flags = t, r.flags|hasTarget
	}
	return r, nil
}

// rateRange rates a range of figures: in the band both ends fall in, or
// not measurable where they fall in different bands.
func (x *defData) rateRange(r Result, obs Observation, due bool) (Result, error) {
	if x.outcomesOnly {
		return Result{}, fmt.Errorf("kpi: %s for %s: its target is not published, so the figures %s cannot be rated", x.spec.Ref, r.period, obs)
	}
	lo, hi := obs.num, obs.den
	for _, v := range []decimal.Decimal{lo, hi} {
		if err := x.spec.Measure.inRange(v); err != nil {
			return Result{}, fmt.Errorf("kpi: %s for %s: %w", x.spec.Ref, r.period, err)
		}
	}
	var t decimal.Decimal
	if !x.noTarget {
		var err error
		if t, err = x.targetFor(r.period); err != nil {
			return Result{}, err
		}
		r.target, r.flags = t, r.flags|hasTarget
	}
	r.actual, r.hi = lo, hi
	r.flags |= ranged
	if !due {
		r.flags |= interim
	}
	if x.contextual {
		r.status = Info
		return r, nil
	}
	if atLo, atHi := x.bandKnown(lo, t, r.cmp), x.bandKnown(hi, t, r.cmp); atLo == atHi && atLo.one() {
		b := atLo.first()
		r.band, r.status = int16(b), x.ladder[b].Status
	} else {
		r.status = NotMeasurable
	}
	return r, nil
}

// band returns the index of the first band whose level v reaches when the
// period's target is t; where a level is not published, the first band v
// could be in ([defData.bandKnown]).
func (x *defData) band(v, t decimal.Decimal) int {
	last := len(x.ladder) - 1
	strict := x.spec.Target.Comparison.Strict()
	for i := 0; i < last; i++ {
		if x.ladder[i].Reach.Kind == UnpublishedLevel {
			return i
		}
		lv, ls := x.ladder[i].Reach.resolve(t, strict)
		if reaches(x.spec.Measure.Polarity, v, lv, ls) {
			return i
		}
	}
	return last
}

// bands is a set of bands of a ladder, bit i for band i.
type bands uint64

// maxBands is the most bands a ladder may have.
const maxBands = 64

func (s bands) first() int { return bits.TrailingZeros64(uint64(s)) }
func (s bands) last() int  { return 63 - bits.LeadingZeros64(uint64(s)) }
func (s bands) one() bool  { return s != 0 && s&(s-1) == 0 }
func (s bands) has(i int) bool {
	return s&(1<<i) != 0
}

// bandKnown finds the bands v could be in, as far as the published levels
// and the earlier figures known decide: one band, or, where a level is not
// published or an earlier figure a band compares with is not known, each
// band it could be in. An unpublished level lies between its published
// neighbours, so a figure that does not reach the published level below it
// cannot reach it either; a band whose comparison is not known stays
// possible whatever the levels below say.
func (x *defData) bandKnown(v, t decimal.Decimal, cmp *compared) bands {
	last := len(x.ladder) - 1
	strict := x.spec.Target.Comparison.Strict()
	pol := x.spec.Measure.Polarity
	var possible, unpublished bands
	for i := 0; i < last; i++ {
		band := x.ladder[i]
		if band.Reach.Kind == UnpublishedLevel {
			possible |= 1 << i
			unpublished |= 1 << i
			continue
		}
		lv, ls := band.Reach.resolve(t, strict)
		if reaches(pol, v, lv, ls) {
			return possible | 1<<i
		}
		// Below this published level, so below any unpublished one above.
		possible &^= unpublished
		unpublished = 0
		if band.OrBetterThan != NoEarlier {
			switch better, known := cmp.better(band.OrBetterThan, pol, v); {
			case known && better:
				return possible | 1<<i
			case !known:
				possible |= 1 << i
			}
		}
	}
	return possible | 1<<last
}

// ratePartial rates figure v where a level is not published. What the
// published levels decide is rated as ever; where an unpublished level
// would decide, the status is not measurable, "cannot be decided", unless
// the status reported is one the figure could have: then that status is
// taken, marked as reported and not verifiable. A reported status the
// published levels contradict stays a disagreement.
func (x *defData) ratePartial(r Result, v decimal.Decimal, reported Status) Result {
	possible := x.bandKnown(v, r.target, r.cmp)
	if possible.one() {
		b := possible.first()
		r.band, r.status = int16(b), x.ladder[b].Status
		return r
	}
	for i := range x.ladder {
		if possible.has(i) && reported != 0 && x.ladder[i].Status == reported {
			r.band, r.status = int16(i), reported
			r.flags |= unverifiable
			return r
		}
	}
	r.status = NotMeasurable
	return r
}

// candidates lists the bands a figure could be in: their statuses,
// "tolerance, missed or failed", or, on a ladder that names its bands,
// the bands, "5 Exceptional (exceeded) or 4 Strong (met)".
func (x *defData) candidates(possible bands) string {
	var names []string
	for i := range x.ladder {
		if !possible.has(i) {
			continue
		}
		n := x.ladder[i].Status.String()
		if x.namesBand(i) {
			n = x.bandLabel(i)
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Unverifiable reports whether the status is as the supplier or council
// reported it, for a figure the published levels cannot rate: consistent
// with them, but not checked.
func (r Result) Unverifiable() bool { return r.flags&unverifiable != 0 }

// dueIn reports whether a measurement falls due in p: in a month, by the
// frequency; a longer period always holds one.
func (x *defData) dueIn(p period.Period) bool {
	if p.Kind() != period.KindMonth || x.spec.Frequency.Months() == 1 {
		return !p.IsZero() // nothing is due in the zero Period
	}
	return x.spec.Frequency.Due(p.FirstMonth())
}

// Ref returns the reference of the indicator the result is for.
func (r Result) Ref() string {
	if r.def == nil {
		return ""
	}
	return r.def.spec.Ref
}

// Measure returns the measure of the indicator the result is for.
func (r Result) Measure() Measure {
	if r.def == nil {
		return Measure{}
	}
	return r.def.spec.Measure
}

// TargetWritten returns the period's target as a report writes it: the
// definition's written target ("< 5%", "0 failures", "not published") where
// it is flat, or the profiled value with the measure's unit; false if there
// is none.
func (r Result) TargetWritten() (Written, bool) {
	if r.def != nil && r.def.spec.Target.Comparison == NotPublished {
		return r.def.spec.Target, true
	}
	if r.def == nil || r.flags&hasTarget == 0 {
		return Written{}, false
	}
	if !r.def.spec.Profile.profiled() {
		return r.def.spec.Target, true
	}
	return r.def.writtenIn(r.target), true
}

// ActualWritten returns the figure as a report writes it, with the
// measure's unit (88.89%, 1 failure, 8.09 days); false if there is none.
func (r Result) ActualWritten() (Written, bool) {
	if r.def == nil || r.flags&hasActual == 0 {
		return Written{}, false
	}
	return r.def.writtenIn(r.figure()), true
}

// writtenIn writes v in the measure's unit; plain numbers, counts and
// ratings take no unit.
func (x *defData) writtenIn(v decimal.Decimal) Written {
	switch u := x.spec.Measure.Unit; u {
	case Number, Count, Rating:
		return Written{Value: v}
	default:
		return Written{Value: v, Unit: u}
	}
}

// Period returns the period the result is for.
func (r Result) Period() period.Period { return r.period }

// Status returns the result's canonical status.
func (r Result) Status() Status { return r.status }

// Band returns the band that applied, and false for a result with no
// figure.
func (r Result) Band() (Band, bool) {
	if r.band < 0 || r.def == nil {
		return Band{}, false
	}
	return r.def.ladder[r.band], true
}

// Score returns the score of the band that applied, on a score scale (a
// ladder whose bands carry scores); ok is false for a ladder with no
// scores, or a result with no band.
func (r Result) Score() (score int, ok bool) {
	b, has := r.Band()
	if !has || r.def.maxScore == 0 {
		return 0, false
	}
	return b.Score, true
}

// MaxScore returns the top score of the KPI's score scale, or 0 for a
// ladder with no scores.
func (r Result) MaxScore() int {
	if r.def == nil {
		return 0
	}
	return r.def.maxScore
}

// Points returns the service points of the band that applied (zero if
// none).
func (r Result) Points() decimal.Decimal {
	if b, ok := r.Band(); ok {
		return b.Points
	}
	return decimal.Zero
}

// Target returns the period's target, and false if there is none.
func (r Result) Target() (decimal.Decimal, bool) { return r.target, r.flags&hasTarget != 0 }

// Actual returns the figure, and false if there was none. A figure is
// returned as reported (rounded to the measure's precision if it rounds
// before banding). A ratio of counts or a mean is returned as a report
// prints it, rounded once to the measure's precision; its band was decided
// on the exact ratio, so 79.996% from counts shows as 80.00% yet misses a
// target of 80% unless the measure rounds before banding.
func (r Result) Actual() (decimal.Decimal, bool) { return r.figure(), r.flags&hasActual != 0 }

// Range returns the bounds of a result rated from a range of figures
// ([Between]): the true figure lies between lo and hi. ok is false for any
// other result.
func (r Result) Range() (lo, hi decimal.Decimal, ok bool) {
	return r.actual, r.hi, r.flags&ranged != 0
}

// Interim reports whether the figure was reported in a period when the
// measure was not due.
func (r Result) Interim() bool { return r.flags&interim != 0 }

// IsOutcome reports whether the result is an outcome reported with no
// figure ([Outcome]): its status was given, not computed.
func (r Result) IsOutcome() bool { return r.flags&outcome != 0 }

// Text returns the supplier's words for a missing figure ("Not yet
// measurable") or an outcome, or "no volume" for counts with a zero
// denominator.
func (r Result) Text() string { return r.text }

// Level returns the level that decided the status: for the top band, the
// level reached; for a lower band, the level of the band above that the
// figure did not reach. ok is false for a result with no figure.
func (r Result) Level() (level decimal.Decimal, strict bool, ok bool) {
	if r.band < 0 || r.def == nil || r.IsOutcome() {
		return decimal.Decimal{}, false, false
	}
	i := int(r.band)
	if i > 0 {
		i--
	}
	if r.def.ladder[i].Reach.IsZero() {
		return r.target, r.def.spec.Target.Comparison.Strict(), true
	}
	v, s := r.def.ladder[i].Reach.resolve(r.target, r.def.spec.Target.Comparison.Strict())
	return v, s, true
}

// Variance returns the figure less the target (negative when below it,
// whatever the polarity), and false if either is missing.
func (r Result) Variance() (decimal.Decimal, bool) {
	if r.flags&(hasActual|hasTarget) != hasActual|hasTarget {
		return decimal.Decimal{}, false
	}
	return r.figure().Sub(r.target), true
}

// Margin returns how far the figure is better than the target: positive
// when better, negative when worse, for either polarity.
func (r Result) Margin() (decimal.Decimal, bool) {
	v, ok := r.Variance()
	if ok && r.def.spec.Measure.Polarity == LowerIsBetter {
		v = v.Neg()
	}
	return v, ok
}

// Reported returns the status the supplier reported, or 0.
func (r Result) Reported() Status { return r.reported }

// Disagrees reports whether the supplier reported a status other than the
// one computed.
func (r Result) Disagrees() bool { return r.reported != 0 && r.reported != r.status }

// Equal reports whether r and o are the same result for the same
// indicator.
func (r Result) Equal(o Result) bool {
	sameDef := (r.def == nil) == (o.def == nil) && (r.def == nil || r.def.equal(o.def))
	return sameDef && r.period == o.period && r.status == o.status && r.band == o.band && (r.flags^o.flags)&^lazyFigure == 0 &&
		r.target.Equal(o.target) && r.figure().Equal(o.figure()) && r.hi.Equal(o.hi) && r.reported == o.reported && r.text == o.text
}

// format writes a value of the result's measure as written (90.0%, 87%,
// 14.00 days); a computed figure with more places than the measure reports is
// rounded to its precision.
func (r Result) format(v decimal.Decimal) string {
	m := r.def.spec.Measure
	if -v.Exponent() > m.Precision {
		v = v.Round(m.Precision)
	}
	switch m.Unit {
	case Number, Rating, Count:
		return Written{Value: v}.String()
	}
	return Written{Value: v, Unit: m.Unit}.String()
}

// shownActual writes the figure as a reason shows it: rounded to the
// measure's precision, unless that rounding would cross a level (79.9993%
// shown as 80.00% beside Missed against 80%); then with the fewest further
// places that band as the figure does.
func (r Result) shownActual() string {
	v, m := r.figure(), r.def.spec.Measure
	if places := -v.Exponent(); places > m.Precision && r.band >= 0 {
		shown := v
		for q := m.Precision; q < places; q++ {
			if qv := v.Round(q); r.def.band(qv, r.target) == int(r.band) {
				shown = qv
				break
			}
		}
		v = shown
	}
	return r.def.writtenIn(v).String()
}

// EvaluateWindow rates obs, the aggregate of a rolling window of d's
// months ending in month p (see [Spec].Rolling), as [Evaluate] rates a
// figure for p, and marks the result as the window's: its reason begins
// "rolling 3 months to Aug-19:". Aggregate the window's figures with
// [AggregateBounded].
func EvaluateWindow(d Definition, p period.Period, obs Observation) (Result, error) {
	if d.Rolling() < 2 {
		return Result{}, fmt.Errorf("kpi: %s has no rolling window", d.Ref())
	}
	r, err := Evaluate(d, p, obs)
	if err == nil && (r.flags&hasActual != 0 || r.flags&ranged != 0) {
		r.flags |= window
	}
	return r, err
}

// Window reports whether the result is of a rolling window ending in its
// period, and its months.
func (r Result) Window() (months int, ok bool) {
	if r.flags&window == 0 {
		return 0, false
	}
	return r.def.spec.Rolling, true
}

// Reason returns a one-line explanation in plain English: "88.89% is below
// the target of 90.0% but above the detriment level of 87.0%".
func (r Result) Reason() string {
	if r.def == nil {
		return ""
	}
	if r.flags&combined != 0 {
		return r.text
	}
	if x := r.def; x.partial && r.flags&hasActual != 0 && r.flags&ranged == 0 {
		if possible := x.bandKnown(r.figure(), r.target, r.cmp); !possible.one() {
			return r.undecidedReason(possible)
		}
	}

	if r.flags&window != 0 {
		w := r
		w.flags &^= window
		return fmt.Sprintf("rolling %d months to %s: %s", r.def.spec.Rolling, r.period.Label(period.Short), w.Reason())
	}
	d := r.def
	if r.status == Info {
		return r.infoReason()
	}
	if r.flags&ranged != 0 {
		return r.rangeReason()
	}
	switch r.status {
	case NotDue:
		return fmt.Sprintf("not due: %s has no measurement in %s", measureOf(d.spec.Frequency), r.period.Label(period.Short))
	case NoData:
		return "no figure was reported" + quoted(r.text)
	case NotMeasurable:
		return "not measurable" + quoted(r.text)
	case Excluded:
		return "excluded by agreement" + quoted(r.text)
	}
	if r.band < 0 {
		return ""
	}
	if r.IsOutcome() {
		return r.status.String() + " as reported, with no figure" + quoted(r.text)
	}
	note := ""
	if r.Interim() {
		note = fmt.Sprintf(" (interim: %s is not due in %s)", measureOf(d.spec.Frequency), r.period.Label(period.Short))
	}
	worse, better := "below", "above"
	if d.spec.Measure.Polarity == LowerIsBetter {
		worse, better = "above", "below"
	}
	a := r.shownActual()
	b := int(r.band)
	if d.compares != 0 {
		if s, ok := r.travelReason(b, a); ok {
			return s + note
		}
	}
	if top := d.ladder[0]; b == 0 && !d.noTarget && (top.Reach.Kind == AtTarget || (top.Status == Exceeded && top.Name == "")) {
		verb := "meets"
		if d.ladder[0].Status == Exceeded {
			verb = "exceeds"
		}
		return fmt.Sprintf("%s %s the target of %s", a, verb, r.format(r.target)) + note
	}
	if b == 0 {
		// The top band of a scale set by its own levels (a score of 5 at
		// 98%): the level reached, and the band.
		ov, os := d.ladder[0].Reach.resolve(r.target, d.spec.Target.Comparison.Strict())
		reach := "at or " + better
		if os {
			reach = better
		}
		return fmt.Sprintf("%s is %s %s: %s", a, reach, r.format(ov), d.bandLabel(0)) + note
	}
	// The level above that the figure did not reach: where this band begins.
	prev := d.ladder[b-1]
	pv, ps := prev.Reach.resolve(r.target, d.spec.Target.Comparison.Strict())
	short := worse
	if ps {
		short = "at or " + worse
	}
	if d.namesBand(b) {
		// A band with a name, or one of several with the same status (two
		// compensation tiers, both failed): the reason names the band
		// reached and its own level, not a "failure level" a failed figure
		// is above.
		above := "the target of " + r.format(pv)
		if prev.Reach.Kind != AtTarget {
			above = r.format(pv)
			if d.namesBand(b - 1) {
				above += ", the level of " + d.bandLabel(b-1)
			}
		}
		s := fmt.Sprintf("%s is %s %s: %s", a, short, above, d.bandLabel(b))
		if b < len(d.ladder)-1 {
			ov, os := d.ladder[b].Reach.resolve(r.target, d.spec.Target.Comparison.Strict())
			reach := "at or " + better
			if os {
				reach = better
			}
			s += fmt.Sprintf(", %s %s", reach, r.format(ov))
		}
		return s + note
	}
	above := r.levelPhrase(prev, d.ladder[b].Status, pv)
	if d.namesBand(b-1) && prev.Reach.Kind != AtTarget {
		above = r.levelName(b-1, pv) // "70%, the level of Red (missed)", not a guess at its name
	}
	s := fmt.Sprintf("%s is %s %s", a, short, above)
	if b < len(d.ladder)-1 {
		own := d.ladder[b]
		ov, os := own.Reach.resolve(r.target, d.spec.Target.Comparison.Strict())
		reach := "at or " + better
		if os {
			reach = better
		}
		s += fmt.Sprintf(" but %s %s", reach, r.levelPhrase(own, d.ladder[b+1].Status, ov))
	}
	return s + note
}

// infoReason explains a figure reported for information: "12.3 days, for
// information (not rated)", with the target where the KPI gives one.
func (r Result) infoReason() string {
	var s string
	if r.flags&ranged != 0 {
		s = fmt.Sprintf("between %s and %s (figures without counts, so only their range is known)", r.format(r.actual), r.format(r.hi))
	} else {
		s = r.shownActual()
	}
	if r.flags&hasTarget != 0 {
		s += " against a target of " + r.format(r.target)
	}
	s += ", for information (not rated)"
	if r.Interim() {
		s += fmt.Sprintf(" (interim: %s is not due in %s)", measureOf(r.def.spec.Frequency), r.period.Label(period.Short))
	}
	return s
}

// undecidedReason explains a figure that unpublished levels leave in one
// of bands b to e: what the published levels say of it, and the bands it
// could be in, or the status reported and taken. "85% is below the target
// of 90%, and the level that decides the rest is not published: missed or
// failed cannot be told apart"; "96% is at or above 95%, and the level
// that decides the rest is not published: 5 Exceptional (exceeded) or 4
// Strong (met) cannot be told apart".
func (r Result) undecidedReason(possible bands) string {
	x := r.def
	b, e := possible.first(), possible.last()
	worse, better := "below", "above"
	if x.spec.Measure.Polarity == LowerIsBetter {
		worse, better = "above", "below"
	}
	strict := x.spec.Target.Comparison.Strict()
	var known []string
	if b > 0 {
		prev := x.ladder[b-1]
		pv, ps := prev.Reach.resolve(r.target, strict)
		short := worse
		if ps && prev.Reach.Kind != AtTarget {
			short = "at or " + worse
		}
		known = append(known, short+" "+r.levelName(b-1, pv))
	}
	if e < len(x.ladder)-1 {
		ev, es := x.ladder[e].Reach.resolve(r.target, strict)
		reach := "at or " + better
		if es {
			reach = better
		}
		known = append(known, reach+" "+r.levelName(e, ev))
	}
	head := r.shownActual()
	if len(known) > 0 {
		head += " is " + strings.Join(known, " and ")
	}
	for i := b; i < e; i++ {
		// An earlier figure not known, rather than a level not published.
		if c := x.ladder[i].OrBetterThan; c != NoEarlier && possible.has(i) {
			if desc, known := r.cmp.describe(c, r.period); !known {
				if l := x.ladder[i].Reach; l.Kind != UnpublishedLevel {
					// Short of the band's own level: the condition decides.
					lv, _ := l.resolve(r.target, strict)
					short := worse
					if l.Strict && l.Kind != AtTarget {
						short = "at or " + worse
					}
					head = r.shownActual() + " is " + short + " " + r.levelName(i, lv)
				}
				if r.flags&unverifiable != 0 {
					return fmt.Sprintf("%s, with %s to compare with: %s as reported, not verifiable", head, desc, r.status)
				}
				return fmt.Sprintf("%s, and there is %s to compare with: %s cannot be told apart", head, desc, x.candidates(possible))
			}
		}
	}
	if r.flags&unverifiable != 0 {
		return fmt.Sprintf("%s: %s as reported, not verifiable from the published levels", head, r.status)
	}
	return fmt.Sprintf("%s, and the level that decides the rest is not published: %s cannot be told apart", head, x.candidates(possible))
}

// Travel says how the direction of travel decided the result's band, for a
// KPI whose bands depend on it: "better than 70% in May-15" where the figure
// fell in its band by being better than that earlier figure, "no better than
// 80% in Jun-15" where it fell below a band by not being; "" where no
// comparison decided.
func (r Result) Travel() string {
	if r.def == nil || r.def.compares == 0 || r.band < 0 || r.flags&(hasActual|outcome|ranged) != hasActual {
		return ""
	}
	by, _ := r.travel(int(r.band))
	return by
}

// travel is [Result.Travel] for band b; in is true where the figure is in
// b by its condition, false where it is below the band above by failing it.
func (r Result) travel(b int) (by string, in bool) {
	x := r.def
	strict := x.spec.Target.Comparison.Strict()
	if band := x.ladder[b]; b < len(x.ladder)-1 && band.OrBetterThan != NoEarlier && band.Reach.Kind != UnpublishedLevel {
		lv, ls := band.Reach.resolve(r.target, strict)
		if !reaches(x.spec.Measure.Polarity, r.figure(), lv, ls) {
			if desc, known := r.cmp.describe(band.OrBetterThan, r.period); known {
				return "better than " + desc, true
			}
			return "", false // a status as reported: no comparison decided it
		}
	}
	if b == 0 || x.ladder[b-1].OrBetterThan == NoEarlier || x.ladder[b-1].Reach.Kind == UnpublishedLevel {
		return "", false
	}
	if desc, known := r.cmp.describe(x.ladder[b-1].OrBetterThan, r.period); known {
		return "no better than " + desc, false
	}
	return "", false
}

// travelReason explains a figure whose band the direction of travel
// decided: in band b by its condition, "72% is below the tolerance level of
// 81%, but better than 68% in May-15: tolerance", or below a band whose
// condition it failed, "..., and no better than 75% in May-15: missed". ok is false where no condition decided.
func (r Result) travelReason(b int, a string) (string, bool) {
	x := r.def
	last := len(x.ladder) - 1
	strict := x.spec.Target.Comparison.Strict()
	worse := "below"
	if x.spec.Measure.Polarity == LowerIsBetter {
		worse = "above"
	}
	label := func(i int) string {
		if x.namesBand(i) {
			return x.bandLabel(i)
		}
		return x.ladder[i].Status.String()
	}
	short := func(l Level) string {
		if l.Strict && l.Kind != AtTarget {
			return "at or " + worse
		}
		return worse
	}
	by, in := r.travel(b)
	switch {
	case in:
		band := x.ladder[b]
		lv, _ := band.Reach.resolve(r.target, strict)
		return fmt.Sprintf("%s is %s %s, but %s: %s", a, short(band.Reach), r.levelName(b, lv), by, label(b)), true
	case by == "":
		return "", false
	}
	prev := x.ladder[b-1]
	pv, _ := prev.Reach.resolve(r.target, strict)
	s := fmt.Sprintf("%s is %s %s, and %s: %s", a, short(prev.Reach), r.levelName(b-1, pv), by, label(b))
	if b < last && x.ladder[b].Reach.Kind != UnpublishedLevel {
		ov, os := x.ladder[b].Reach.resolve(r.target, strict)
		reach := "at or above"
		if x.spec.Measure.Polarity == LowerIsBetter {
			reach = "at or below"
		}
		if os {
			reach = strings.TrimPrefix(reach, "at or ")
		}
		s += ", " + reach + " " + r.format(ov)
	}
	return s, true
}

// levelName names the level v of band i: "the target of 90%", "95%, the
// level of 4 Strong (met)" on a ladder that names its bands, or "the
// detriment level of 87%".
func (r Result) levelName(i int, v decimal.Decimal) string {
	x := r.def
	b := x.ladder[i]
	if b.Reach.Kind != AtTarget && x.namesBand(i) {
		return r.format(v) + ", the level of " + x.bandLabel(i)
	}
	return r.levelPhrase(b, x.ladder[i+1].Status, v)
}

// rangeReason explains a result rated from a range of figures.
func (r Result) rangeReason() string {
	d := r.def
	span := fmt.Sprintf("between %s and %s", r.format(r.actual), r.format(r.hi))
	if r.band >= 0 {
		return fmt.Sprintf("%s (figures without counts, so only their range is known), all of it %s: %s",
			span, r.bandPhrase(), r.status)
	}
	if pl, ph := d.bandKnown(r.actual, r.target, r.cmp), d.bandKnown(r.hi, r.target, r.cmp); pl == ph && !pl.one() {
		// Both ends could be in the same bands: the counts would not
		// settle it; a level not published, or an earlier figure, would.
		why := "the level that decides it is not published"
		for i := range d.ladder {
			if c := d.ladder[i].OrBetterThan; c != NoEarlier && pl.has(i) {
				if desc, known := r.cmp.describe(c, r.period); !known {
					why = "there is " + desc + " to compare with"
				}
			}
		}
		return fmt.Sprintf("%s (figures without counts, so only their range is known): %s cannot be told apart, as %s",
			span, d.candidates(pl), why)
	}
	lo, hi := d.band(r.actual, r.target), d.band(r.hi, r.target)
	a, b := d.ladder[min(lo, hi)].Status, d.ladder[max(lo, hi)].Status
	return fmt.Sprintf("%s (figures without counts, so only their range is known), which spans %s to %s: the counts are needed to rate it",
		span, a, b)
}

// Possible returns the statuses a figure the published levels (or the
// earlier figures known) cannot place could have, best first, for a
// result that is not measurable for that reason; nil otherwise.
func (r Result) Possible() []Status {
	if r.def == nil || r.status != NotMeasurable || !r.def.partial || r.flags&hasActual == 0 {
		return nil
	}
	var possible bands
	if r.flags&ranged != 0 {
		possible = r.def.bandKnown(r.actual, r.target, r.cmp) | r.def.bandKnown(r.hi, r.target, r.cmp)
	} else {
		possible = r.def.bandKnown(r.figure(), r.target, r.cmp)
	}
	var out []Status
	for i, b := range r.def.ladder {
		if possible.has(i) && !slices.Contains(out, b.Status) {
			out = append(out, b.Status)
		}
	}
	return out
}

// bandPhrase says where the result's band lies against the target: "at or
// better than the target of 90%", "worse than the target of 90%".
func (r Result) bandPhrase() string {
	if r.status.OnTarget() {
		return "meeting the target of " + r.format(r.target)
	}
	return "short of the target of " + r.format(r.target)
}

// levelPhrase names the level of band b, beyond which a band of status next
// begins: "the target of 90.0%", "the detriment level of 87.0%".
func (r Result) levelPhrase(b Band, next Status, v decimal.Decimal) string {
	if b.Reach.Kind == AtTarget {
		return "the target of " + r.format(v)
	}
	if b.Status == Exceeded {
		return "the stretch level of " + r.format(v)
	}
	name := next.String()
	switch next {
	case Failed:
		name = "failure"
		if b.Status == Missed && !b.Reach.Strict {
			name = "minimum service"
		}
	case Missed:
		name = "tolerance"
	}
	return fmt.Sprintf("the %s level of %s", name, r.format(v))
}

// namesBand reports whether the reason names band b itself: it has a name,
// or another band of the ladder has its status.
func (x *defData) namesBand(b int) bool {
	if x.ladder[b].Name != "" {
		return true
	}
	for i, o := range x.ladder {
		if i != b && o.Status == x.ladder[b].Status {
			return true
		}
	}
	return false
}

// bandLabel names band b: by its name ("Tier 1"), or, among bands of the
// same status, by its place ("the second failed band").
func (x *defData) bandLabel(b int) string {
	band := x.ladder[b]
	if band.Name != "" {
		if x.maxScore > 0 && !strings.Contains(band.Name, strconv.Itoa(band.Score)) {
			// On a score scale, the score too: "4 Strong (met)".
			return fmt.Sprintf("%d %s (%s)", band.Score, band.Name, band.Status)
		}
		return fmt.Sprintf("%s (%s)", band.Name, band.Status)
	}
	n, of := 0, 0
	for i, o := range x.ladder {
		if o.Status == band.Status {
			of++
			if i <= b {
				n++
			}
		}
	}
	if of == 1 {
		return fmt.Sprintf("the %s band", band.Status)
	}
	return fmt.Sprintf("the %s %s band of %d", ordinal(n), band.Status, of)
}

// ordinal writes n as a word: first, second, ...; past tenth, 11th.
func ordinal(n int) string {
	words := [...]string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	if n > 0 && n < len(words) {
		return words[n]
	}
	return fmt.Sprintf("%dth", n)
}

// measureOf describes a measure of frequency f with its article and, where
// it is due in some months only, the months in its years' order: "a
// quarterly measure (due Jun, Sep, Dec and Mar)", "an annual measure (due
// Mar)". Every due month is named, so a frequency written "quarterly due
// Oct" reads as written.
func measureOf(f period.Frequency) string {
	name := f.String()
	if i := strings.Index(name, " "); i > 0 {
		name = name[:i] // "quarterly" of "quarterly due Jan"
	}
	s := "a " + name + " measure"
	if strings.ContainsRune("aeiou", rune(name[0])) {
		s = "an " + name + " measure"
	}
	due := f.DueMonths()
	if len(due) == 0 || len(due) == 12 {
		return s
	}
	// In the order of the frequency's years: from its year start.
	start := slices.IndexFunc(due, func(m time.Month) bool { return m >= f.YearStart() })
	if start > 0 {
		due = append(due[start:], due[:start]...)
	}
	names := make([]string, len(due))
	for i, m := range due {
		names[i] = m.String()[:3]
	}
	list := names[0]
	if n := len(names); n > 1 {
		list = strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	return s + " (due " + list + ")"
}

func quoted(text string) string {
	if text == "" {
		return ""
	}
	return fmt.Sprintf(" (%q)", text)
}
