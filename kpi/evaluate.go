package kpi

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

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

// newResult starts a result for period p: with the status reported, and
// the earlier figures cmp where a band compares with them.
func (x *defData) newResult(p period.Period, reported Status, cmp *compared) Result {
	r := Result{def: x, period: p, band: -1, reported: reported}
	if x.compares != 0 {
		r.cmp = cmp
	}
	return r
}

// evaluate is [Evaluate], comparing with the earlier figures cmp (nil for
// none) where a band depends on the direction of travel.
func evaluate(d Definition, p period.Period, obs Observation, cmp *compared) (Result, error) {
	x := d.data()
	if d.p == nil {
		return Result{}, fmt.Errorf("kpi: evaluating the zero Definition")
	}
	r := x.newResult(p, obs.reported, cmp)
	due := x.dueIn(p)
	if !due && p.IsZero() {
		return Result{}, x.zeroPeriod()
	}
	switch {
	case obs.kind == obsOutcome:
		return x.outcome(r, obs, due)
	case obs.kind == obsRange:
		return x.rateRange(r, obs, due)
	case !obs.HasFigure():
		return x.rateMissing(r, obs, due)
	case obs.small:
		return x.rateCounts(d, &r, &obs, due, cmp)
	}
	m := &x.spec.Measure
	if len(x.spec.Parts) > 0 || x.outcomesOnly || obs.kind == obsCounts && !m.TakesCounts() {
		return Result{}, x.unrateable(p, obs)
	}
	places := int32(-1)
	if obs.kind == obsCounts || obs.kind == obsMean {
		places = x.placesFor(obs)
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
	r.actual, r.flags = v, r.flags|hasActual
	if !due {
		r.flags |= interim
	}
	switch {
	case x.contextual:
		// Reported for information: shown with its trend, never rated.
		r.status = Info
		r.actual = x.shownInfo(obs, v, places)
		return r, nil
	case x.partial:
		return x.rateFigurePartial(r, obs, places, t), nil
	}
	b := -1
	if fok && x.fast != nil {
		b = x.fast.band(fv, m.Polarity == LowerIsBetter)
	}
	if b < 0 {
		b = x.band(v, t)
	}
	r.band, r.status = int16(b), x.ladder[b].Status
	if places > m.Precision {
		r.actual = x.shownFigure(obs, v, places, b, t)
	}
	return r, nil
}

// rateMissing rates an observation with no figure: its reason (not
// measurable, excluded or no data), or not due where the measure is not
// due and nothing was reported; with the period's target where there is
// one.
func (x *defData) rateMissing(r Result, obs Observation, due bool) (Result, error) {
	if err := obs.Check(); err != nil {
		return Result{}, fmt.Errorf("kpi: %s for %s: %w", x.spec.Ref, r.period, err)
	}
	reason, text := obs.Reason()
	r.text = text
	switch {
	case reason == NoData && !due && obs.reason == 0:
		r.status = NotDue
	default:
		r.status = reason
	}
	if t, err := x.targetFor(r.period); err == nil {
		r.target, r.flags = t, r.flags|hasTarget
	}
	return r, nil
}

// unrateable says why a figure cannot be rated for p: the KPI is made of
// parts, its target is not published, or it takes no counts.
func (x *defData) unrateable(p period.Period, obs Observation) error {
	if len(x.spec.Parts) > 0 {
		return fmt.Errorf("kpi: %s is made of parts (%s): rate it from theirs with Combine", x.spec.Ref, strings.Join(x.spec.Parts, ", "))
	}
	if x.outcomesOnly {
		return fmt.Errorf("kpi: %s for %s: its target is not published, so the figure %s cannot be rated: give the outcome reported instead", x.spec.Ref, p, obs)
	}
	return fmt.Errorf("kpi: %s for %s: %w", x.spec.Ref, p, errCountsFor(x.spec.Measure.Unit))
}

// placesFor returns the places to work a ratio of counts or a mean to:
// exactly enough for its comparisons, or, where the measure rounds before
// banding, its precision, to round it once.
func (x *defData) placesFor(obs Observation) int32 {
	m := &x.spec.Measure
	if m.RoundBeforeBanding {
		return m.Precision
	}
	n := obs.num
	if obs.kind == obsCounts && m.Unit == Percent {
		n = n.Shift(2)
	}
	return max(exactPlaces(n, obs.den, x.levelPlaces), m.Precision)
}

// shownInfo returns a figure reported for information as a report prints
// it: a ratio worked to more places than the measure reports, rounded to
// its precision.
func (x *defData) shownInfo(obs Observation, v decimal.Decimal, places int32) decimal.Decimal {
	m := &x.spec.Measure
	if places > m.Precision {
		if sv, ok, _ := obs.figureTo(m.Unit, m.Precision); ok {
			return sv
		}
	}
	return v
}

// rateFigurePartial rates a figure where a level is not published or an
// earlier figure decides ([defData.ratePartial]), and keeps it as a report
// prints it unless that would cross a level or a comparison that decides.
func (x *defData) rateFigurePartial(r Result, obs Observation, places int32, t decimal.Decimal) Result {
	v := r.actual
	r = x.ratePartial(r, v, obs.reported)
	m := &x.spec.Measure
	if places <= m.Precision {
		return r
	}
	known := x.bandKnown(v, t, r.cmp)
	for q := m.Precision; q < places; q++ {
		if qv, ok, _ := obs.figureTo(m.Unit, q); ok {
			if x.bandKnown(qv, t, r.cmp) == known {
				r.actual = qv
				break
			}
		}
	}
	return r
}

// shownFigure returns the figure v of a ratio, worked to places, in band
// b as a report prints it. The band was decided on v, exact enough for every comparison;
// the result keeps the figure rounded once to the measure's precision
// (rounding v again could round twice: 85.4545 to 85.455 to 85.46).
//
// Unless that rounding crosses a level: 22,499 of 28,124 is 79.9993%,
// missed against 80%, and must not be shown as 80.00% beside Missed. The
// figure then keeps the fewest further places that band as v does
// (79.9993), up to the places v was worked to.
func (x *defData) shownFigure(obs Observation, v decimal.Decimal, places int32, b int, t decimal.Decimal) decimal.Decimal {
	m := &x.spec.Measure
	sv, ok, _ := obs.figureTo(m.Unit, m.Precision)
	if !ok {
		return v
	}
	sb := -1
	if fv, fok := fixedOf(sv); fok && x.fast != nil {
		sb = x.fast.band(fv, m.Polarity == LowerIsBetter)
	}
	if sb < 0 {
		sb = x.band(sv, t)
	}
	if sb == b {
		return sv
	}
	for q := m.Precision + 1; q < places; q++ {
		if qv, ok, _ := obs.figureTo(m.Unit, q); ok && x.band(qv, t) == b {
			return qv
		}
	}
	return v
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
