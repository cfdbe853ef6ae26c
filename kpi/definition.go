package kpi

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"

	"github.com/kpiregime/kpiregime/period"
)

// A Tier says what weight an indicator carries.
type Tier uint8

// The tiers. The zero Tier is a KPI.
const (
	TierKPI        Tier = iota // a key performance indicator, with consequences where the contract says
	TierPI                     // a performance indicator, reported without consequence
	TierContextual             // context for the committee, not scored
)

var tierNames = [...]string{"kpi", "pi", "contextual"}

// String returns kpi, pi or contextual.
func (t Tier) String() string {
	if int(t) < len(tierNames) {
		return tierNames[t]
	}
	return fmt.Sprintf("Tier(%d)", int(t))
}

// ParseTier reads kpi, pi or contextual.
func ParseTier(s string) (Tier, error) {
	for i, n := range tierNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Tier(i), nil
		}
	}
	return 0, &period.ParseError{Package: "kpi", What: "tier", Input: s, Expected: "kpi, pi or contextual"}
}

// MarshalText implements [encoding.TextMarshaler].
func (t Tier) MarshalText() ([]byte, error) {
	return marshalName(t, t.String(), int(t) >= len(tierNames))
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseTier].
func (t *Tier) UnmarshalText(b []byte) error { return unmarshalName(b, t, ParseTier) }

// A Spec is the description of an indicator that [New] validates into a
// [Definition]. Files decode into Specs.
type Spec struct {
	Ref         string // STS-K-009, CSC_KPI_04, 3
	Description string
	ServiceArea string
	Tier        Tier
	Contractual bool
	Measure     Measure
	Frequency   period.Frequency
	// Target is the target as written: "90.0%", "< 5%", "0 failures". For a
	// profiled target it is the annual target.
	Target Written
	// Profile, if not zero, varies the target through each year it covers.
	Profile Profile
	Bands   Bands
	Exceed  ExceedRule
	// Parts, if given, make the KPI one of several parts, each a KPI of
	// the regime with its own measure, target and figure ("no more than 3%
	// of audited reports graded unacceptable, and at least 85% graded
	// acceptable"); PartsRule says how the KPI takes its status from
	// theirs ([Combine]). A KPI made of parts has no measure, target,
	// profile, rolling window or exceed rule of its own, and its bands only
	// give its statuses points (target_only, met or missed, if none).
	Parts     []string
	PartsRule PartsRule
	// Rolling, if 2 or more, measures a monthly KPI over a rolling window
	// of that many months, as rail and tram punctuality is: each month is
	// rated on the aggregate of its figure and those of the months before
	// it in the window ([EvaluateWindow]). Zero rates each month on its
	// own figure.
	Rolling int
}

// maxRolling is the longest rolling window: three years of months.
const maxRolling = 36

// A Definition is one indicator, validated and immutable: what it measures,
// how often, its target and profile, and its ladder of bands. Evaluate
// figures against it with [Evaluate].
type Definition struct {
	p *defData // shared, never modified after New
}

// defData is a definition's validated content.
type defData struct {
	spec     Spec
	ladder   []Band // the bands with the exceed band first, if any
	warnings []string
	// fast holds the ladder's levels resolved against a flat target as
	// int64 fixed-point, so that most evaluations compare integers; it is
	// nil where the target is profiled or a level does not fit.
	fast *fixedLadder
	// levelPlaces is the most decimal places any level can be resolved to,
	// for computing ratios exactly enough.
	levelPlaces int32
	// outcomesOnly is set when the target is not published: only
	// outcomes can be rated.
	outcomesOnly bool
	// partial is set when a level below the target is not published: a
	// figure is rated as far as the published levels decide ([Evaluate]).
	partial bool
	// contextual is set for a measure reported for information
	// ([TierContextual]): never rated, it has no ladder.
	contextual bool
	// noTarget is set when the KPI has no target ([NoTarget]).
	noTarget bool
	// maxScore is the top score of a score scale, or 0 for a ladder
	// with no scores.
	maxScore int
	// compares has bit e set where a band compares with Earlier e.
	compares uint8
}

// emptyDef is what the zero Definition reads as.
var emptyDef = &defData{}

// data returns d's content, or an empty one for the zero Definition.
func (d Definition) data() *defData {
	if d.p == nil {
		return emptyDef
	}
	return d.p
}

// New validates spec and returns its definition. Every problem is reported
// at once, each a [*FieldError] with the field's path, and the error wraps
// [ErrInvalid]. Likely mistakes that may still be right (a percent target of
// 0.95, perhaps a fraction) do not fail; [Definition.Warnings] lists them.
func New(spec Spec) (Definition, error) {
	if len(spec.Parts) > 0 {
		return newCompound(spec)
	}
	var p problems.List
	checkCommon(spec, &p)
	t := spec.Target
	if spec.Tier == TierContextual {
		checkContextual(spec, &p)
		if err := p.Err(ErrInvalid, newFieldError); err != nil {
			return Definition{}, err
		}
		return Definition{p: &defData{spec: spec, contextual: true, noTarget: t.Comparison == NoTarget}}, nil
	}
	warnings, contradicts := checkTarget(spec, &p)
	m := spec.Measure
	var bp problems.List
	spec.Bands.validate(&bp)
	p.Merge(&bp)
	ladder := spec.Bands.List()
	if b, ok := spec.Exceed.band(); ok {
		ladder = append([]Band{b}, ladder...)
		if len(spec.Bands.list) > 0 && spec.Bands.list[0].Status == Exceeded {
			p.Add("exceed", "the bands already have an exceeded band")
		}
	}
	// With the target not published, nothing can be decided from a figure:
	// outcomes only. With a lower level not published, a figure decides
	// what the published levels decide (partial).
	outcomesOnly := t.Comparison == NotPublished
	var compares uint8
	for _, b := range ladder {
		if b.OrBetterThan != NoEarlier && int(b.OrBetterThan) < len(earlierNames) {
			compares |= 1 << b.OrBetterThan
		}
	}
	// A ladder that compares with earlier figures is rated as far as they
	// decide, too: where one is not known, as where a level is not
	// published.
	partial := !outcomesOnly && (compares != 0 || slices.ContainsFunc(ladder, func(b Band) bool {
		return b.Reach.Kind == UnpublishedLevel
	}))
	if t.Comparison == NotPublished && !spec.Profile.IsZero() {
		p.Add("profile", "a target that is not published cannot be profiled")
	}
	if bp.Len() == 0 && m.Polarity != 0 && !outcomesOnly && !contradicts {
		checkLadder(ladder, spec, &p)
		warnings = append(warnings, unreachable(ladder, spec)...)
	}
	if err := p.Err(ErrInvalid, newFieldError); err != nil {
		return Definition{}, err
	}
	spec.Profile = spec.Profile.clone()
	spec.Bands = Bands{list: spec.Bands.List(), scheme: spec.Bands.scheme}
	x := &defData{spec: spec, ladder: ladder, warnings: warnings, outcomesOnly: outcomesOnly, partial: partial, noTarget: t.Comparison == NoTarget, compares: compares}
	if !outcomesOnly && !partial {
		x.fast = x.fixedLadder()
	}
	x.levelPlaces = x.maxLevelPlaces()
	x.maxScore = topScore(ladder)
	return Definition{p: x}, nil
}

// checkCommon checks what every definition has: a reference, a tier, a
// measure, a frequency and any rolling window.
func checkCommon(spec Spec, p *problems.List) {
	if strings.TrimSpace(spec.Ref) == "" {
		p.Add("ref", "a KPI needs a reference")
	}
	if int(spec.Tier) >= len(tierNames) {
		p.Add("tier", "unknown tier %d", int(spec.Tier))
	}
	mp := problems.List{Prefix: "measure"}
	spec.Measure.validate(&mp)
	p.Merge(&mp)
	if spec.Frequency.IsZero() {
		p.Add("frequency", "must be stated (monthly, quarterly, six-monthly, annual, ...)")
	}
	switch r := spec.Rolling; {
	case r == 0:
	case r < 2 || r > maxRolling:
		p.Add("rolling", "a rolling window is 2 to %d months, not %d (omit it to rate each month on its own figure)", maxRolling, r)
	case !spec.Frequency.IsZero() && spec.Frequency.Months() != 1:
		p.Add("rolling", "a rolling window is of months: the KPI must be monthly, not %s", spec.Frequency)
	case spec.Measure.Aggregation == Latest:
		p.Add("rolling", "a rolling window combines its months' figures, which aggregation latest does not: use ratio_of_sums, weighted_mean, sum, minimum, maximum or mean_of_periods")
	}
}

// checkTarget checks the exceed rule, the target against the measure and
// the profile. It returns the warnings of a likely mistake, and whether
// the target is in another unit or direction than the measure, so that
// the ladder is not checked against it.
func checkTarget(spec Spec, p *problems.List) (warnings []string, contradicts bool) {
	m, t := spec.Measure, spec.Target
	if spec.Exceed.kind == exceedStretch && spec.Exceed.stretch.IsZero() {
		p.Add("exceed", "a stretch level needs a level: the zero Level is none")
	}
	if topScore(spec.Bands.list) > 0 && spec.Exceed.kind != exceedNone {
		p.Add("exceed", "a score scale's top band says what exceeds: give it status exceeded in the ladder rather than an exceed rule")
	}
	if t.Comparison == NoTarget {
		checkNoTarget(spec, p)
	} else if !m.TakesUnit(t.Unit) {
		p.Add("target", "%s is in %s, but the measure is in %s", t, t.Unit, m.Unit)
	}
	// A target in another unit, or that contradicts the measure's polarity,
	// is said once: the ladder is not checked against it.
	contradicts = t.Comparison != NoTarget && !m.TakesUnit(t.Unit)
	if pol := t.Comparison.Polarity(); pol != 0 && m.Polarity != 0 && pol != m.Polarity {
		p.Add("target", "%q says %s, but the measure is %s", t.String(), pol, m.Polarity)
		contradicts = true
	}
	if m.Unit != 0 && t.Comparison != NoTarget {
		if err := m.inRange(t.Value); err != nil {
			p.Add("target", "%v", err)
		}
	}
	if m.Unit == Percent && m.Polarity == HigherIsBetter && t.Value.IsPositive() && t.Value.LessThanOrEqual(decimal.NewFromInt(1)) {
		warnings = append(warnings, fmt.Sprintf("target: %s%% is a very low target for a higher-is-better percent; is it a fraction (%s%%)?", t.Value, t.Value.Shift(2)))
	}
	var pp problems.List
	spec.Profile.validate(m.Polarity, m.Unit, &pp)
	p.Merge(&pp)
	if !spec.Profile.IsZero() && spec.Profile.kind == profileFlat && !spec.Profile.annual.Equal(t.Value) {
		p.Add("profile", "a flat profile of %s contradicts the target %s", spec.Profile.annual, t.Value)
	}
	return warnings, contradicts
}

// checkContextual checks what a contextual measure may have: a measure,
// a frequency and, for the reader's reference, a target; never bands, an
// exceed rule, a profile or a rolling window, which only rating uses.
func checkContextual(spec Spec, p *problems.List) {
	const never = "a contextual measure is reported for information and never rated, so it has no %s (make it tier pi to rate it without consequences)"
	if len(spec.Bands.list) > 0 {
		p.Add("bands", never, "bands")
	}
	if spec.Exceed.kind != exceedNone {
		p.Add("exceed", never, "exceed rule")
	}
	if !spec.Profile.IsZero() {
		p.Add("profile", never, "profile")
	}
	if spec.Rolling != 0 {
		p.Add("rolling", never, "rolling window")
	}
	t, m := spec.Target, spec.Measure
	switch {
	case t.Comparison == NotPublished:
		p.Add("target", "a contextual measure has a target or none (no target), never one that is not published")
	case t.Comparison == NoTarget:
	case !m.TakesUnit(t.Unit):
		p.Add("target", "%s is in %s, but the measure is in %s", t, t.Unit, m.Unit)
	case m.Unit != 0:
		if err := m.inRange(t.Value); err != nil {
			p.Add("target", "%v", err)
		}
	}
}

// checkNoTarget checks a KPI with no target: its ladder's levels must be
// figures, since there is no target to set them from.
func checkNoTarget(spec Spec, p *problems.List) {
	for i, b := range spec.Bands.list {
		if b.Reach.Kind != NoLevel && b.Reach.Kind != Absolute && b.Reach.Kind != UnpublishedLevel {
			p.Add(fmt.Sprintf("bands[%d].level", i), "%s is set from the target, and the KPI has none: give the level as a figure", b.Reach.describe())
		}
	}
	switch {
	case spec.Exceed.kind == exceedStrict:
		p.Add("exceed", "exceeded when better than the target needs a target: give a stretch level as a figure")
	case spec.Exceed.kind == exceedStretch && spec.Exceed.stretch.Kind != Absolute && !spec.Exceed.stretch.IsZero():
		p.Add("exceed", "the stretch level %s is set from the target, and the KPI has none: give it as a figure", spec.Exceed.stretch.describe())
	}
	if !spec.Profile.IsZero() {
		p.Add("profile", "a profile varies the target, and the KPI has none")
	}
}

// checkLadder resolves the levels against every target the definition can
// have, in every year its profile covers, and checks they run from best to
// worst without one hiding another.
func checkLadder(ladder []Band, spec Spec, p *problems.List) {
	targets := append([]decimal.Decimal{spec.Target.Value}, spec.Profile.targets()...)
	pol := spec.Measure.Polarity
	strictTarget := spec.Target.Comparison.Strict()
	offset := 0
	if spec.Exceed.kind != exceedNone {
		offset = 1
	}
	for _, t := range targets {
		for i := 1; i < len(ladder)-1; i++ {
			prev, cur := ladder[i-1], ladder[i]
			if prev.Reach.Kind == UnpublishedLevel || cur.Reach.Kind == UnpublishedLevel {
				continue // nothing to compare: the papers do not give it
			}
			pv, ps := prev.Reach.resolve(t, strictTarget)
			cv, cs := cur.Reach.resolve(t, strictTarget)
			c := pol.Better(pv, cv)
			if c > 0 || (c == 0 && ps && !cs) {
				continue
			}
			path := fmt.Sprintf("bands[%d].level", i-offset)
			if i-offset < 0 {
				path = "exceed"
			}
			side := "below"
			if pol == LowerIsBetter {
				side = "above"
			}
			above := fmt.Sprintf("the %s %s for a %s measure", levelName(spec, i-1-offset), pv, strings.ReplaceAll(pol.String(), "_", "-"))
			if prev.Reach.Kind != AtTarget {
				above += fmt.Sprintf(" (with a target of %s)", t)
			}
			p.Add(path, "%s must be %s %s: the %s band would be empty", cv, side, above, cur.Status)
			return
		}
	}
}

// levelName names the level of band i of spec's bands as [Bands.LevelName]
// does (the detriment level, the level of Score 2); band -1 is the exceed
// rule's, named by [ExceedRule.LevelName].
func levelName(spec Spec, i int) string {
	if i < 0 {
		return spec.Exceed.LevelName()
	}
	return spec.Bands.LevelName(i)
}

// unreachable warns of bands no figure in the measure's range can reach:
// an exceeded band above 100%, or a level "below 0" on a count of failures.
// (A band below one that is unreachable is reached, so the ladder is still
// whole; the band is only dead, which is likely a slip.)
func unreachable(ladder []Band, spec Spec) []string {
	m := spec.Measure
	var bound decimal.Decimal
	switch {
	case m.Polarity == HigherIsBetter && m.Unit == Percent:
		bound = hundred
	case m.Polarity == HigherIsBetter && m.Unit == Rating:
		bound = m.ScaleMax
	case m.Polarity == LowerIsBetter && m.Unit == Rating:
		bound = m.ScaleMin
	case m.Polarity == LowerIsBetter && m.Unit != Money && m.Unit != Number:
		bound = decimal.Zero
	default:
		return nil
	}
	offset := 0
	if spec.Exceed.kind != exceedNone {
		offset = 1
	}
	var out []string
	for i, b := range ladder {
		if b.Reach.IsZero() || b.Reach.Kind == UnpublishedLevel {
			continue
		}
		v, strict := b.Reach.resolve(spec.Target.Value, spec.Target.Comparison.Strict())
		c := cmpDec(v, bound)
		if m.Polarity == LowerIsBetter {
			c = -c
		}
		if c < 0 || (c == 0 && !strict) {
			continue
		}
		path := fmt.Sprintf("bands[%d].level", i-offset)
		switch {
		case i < offset:
			path = "exceed"
		case b.Reach.Kind == AtTarget:
			path = "target"
		}
		beyond := "above"
		if m.Polarity == LowerIsBetter {
			beyond = "below"
		}
		if c == 0 {
			beyond = "beyond"
		}
		out = append(out, fmt.Sprintf("%s: no figure can reach the %s band: it needs a figure %s %s, and a %s figure cannot be", path, b.Status, beyond, v, m.Unit))
	}
	return out
}

// Ref returns the indicator's reference.
func (d Definition) Ref() string { return d.data().spec.Ref }

// Description returns what the indicator measures.
func (d Definition) Description() string { return d.data().spec.Description }

// ServiceArea returns the service area the indicator belongs to.
func (d Definition) ServiceArea() string { return d.data().spec.ServiceArea }

// Tier returns the indicator's tier.
func (d Definition) Tier() Tier { return d.data().spec.Tier }

// Contractual reports whether the indicator is contractual.
func (d Definition) Contractual() bool { return d.data().spec.Contractual }

// Measure returns the indicator's measure.
func (d Definition) Measure() Measure { return d.data().spec.Measure }

// Frequency returns how often the indicator falls due.
func (d Definition) Frequency() period.Frequency { return d.data().spec.Frequency }

// Rolling returns the months of the KPI's rolling window, or 0 if each
// month is rated on its own figure.
func (d Definition) Rolling() int { return d.data().spec.Rolling }

// Target returns the target as written.
func (d Definition) Target() Written { return d.data().spec.Target }

// Profile returns the target's profile; zero for a flat written target.
func (d Definition) Profile() Profile { return d.data().spec.Profile }

// Bands returns the ladder as specified, without the exceed band.
func (d Definition) Bands() Bands { return d.data().spec.Bands }

// OutcomesOnly reports whether the definition's target is not published
// ([NotPublished]): it rates outcomes reported without figures ([Outcome]),
// and a figure is an error. A definition whose target is published but a
// lower level is not ([Unpublished]) rates figures as far as the published
// levels decide ([Evaluate]).
func (d Definition) OutcomesOnly() bool { return d.data().outcomesOnly }

// HasTarget reports whether the KPI has a target, published or not: false
// for [NoTarget] (a contextual measure, or a score scale whose levels are
// figures).
func (d Definition) HasTarget() bool { return d.data().spec.Target.Comparison != NoTarget }

// IsContextual reports whether the KPI is reported for information only
// ([TierContextual]): its figures are shown with their trends and rated
// [Info], never on a ladder.
func (d Definition) IsContextual() bool { return d.data().contextual }

// MaxScore returns the top score of the KPI's score scale (5 on a scale
// of 1 to 5), or 0 for a ladder whose bands carry no scores.
func (d Definition) MaxScore() int { return d.data().maxScore }

// Exceed returns the exceed rule.
func (d Definition) Exceed() ExceedRule { return d.data().spec.Exceed }

// Spec returns a copy of the spec the definition was built from.
func (d Definition) Spec() Spec {
	s := d.data().spec
	s.Parts = slices.Clone(s.Parts)
	return s
}

// Warnings returns the likely mistakes [New] noticed but let pass.
func (d Definition) Warnings() []string { return append([]string(nil), d.data().warnings...) }

// IsZero reports whether d is the zero Definition.
func (d Definition) IsZero() bool { return d.p == nil }

// Equal reports whether d and o are the same definition.
func (d Definition) Equal(o Definition) bool { return d.data().equal(o.data()) }

func (x *defData) equal(y *defData) bool {
	if x == y {
		return true
	}
	a, b := x.spec, y.spec
	return a.Ref == b.Ref && a.Description == b.Description && a.ServiceArea == b.ServiceArea && a.Tier == b.Tier &&
		a.Contractual == b.Contractual && a.Measure.Equal(b.Measure) && a.Frequency == b.Frequency &&
		a.Target.Equal(b.Target) && a.Profile.Equal(b.Profile) && a.Bands.Equal(b.Bands) && a.Exceed.Equal(b.Exceed) &&
		a.Rolling == b.Rolling && slices.Equal(a.Parts, b.Parts) && a.PartsRule == b.PartsRule
}

// TargetFor returns the target for a period: for a month, the profile's
// target for that month (or the flat target); for a longer period, the
// target of its last month if the profile is cumulative, or else the annual
// target of the year its last month falls in. A cumulative profile's target
// for the last month of a year it covers is that year's annual target, if it
// does not list the month. It is an error if the profile has no target for
// the month, and an [*UncoveredYearError] if it does not cover the month's
// year at all.
func (d Definition) TargetFor(p period.Period) (decimal.Decimal, error) { return d.data().targetFor(p) }

func (x *defData) targetFor(p period.Period) (decimal.Decimal, error) {
	switch x.spec.Target.Comparison {
	case NotPublished:
		return decimal.Decimal{}, fmt.Errorf("kpi: %s's target is not published", x.spec.Ref)
	case NoTarget:
		return decimal.Decimal{}, fmt.Errorf("kpi: %s has no target", x.spec.Ref)
	}
	prof := &x.spec.Profile
	if !prof.profiled() {
		return x.spec.Target.Value, nil
	}
	m := p.LastMonth()
	y := prof.years.Of(m)
	annual, ok := prof.AnnualOf(y)
	if !ok {
		return decimal.Decimal{}, &UncoveredYearError{Ref: x.spec.Ref, Year: y}
	}
	if p.Kind() != period.KindMonth && !prof.cumulative {
		return annual, nil
	}
	if v, ok := prof.Target(m); ok {
		return v, nil
	}
	if prof.cumulative && m.Equal(y.Last()) {
		return annual, nil
	}
	return decimal.Decimal{}, fmt.Errorf("kpi: %s has no profiled target for %s", x.spec.Ref, m.Label(period.Short))
}

// CheckYear returns nil if d has a target in every month of year y, as it
// does when it is not profiled or its profile applies every year; otherwise
// an [*UncoveredYearError] naming d's reference and the year: "KPI R&B-K-001
// has no profiled target for 2017/18". A regime or contract checks each year
// a profiled indicator is in force with it when it is loaded, rather than
// fail when the first figure of an uncovered year is rated. If y counts its
// years from another month than the profile does, the error names the first
// of the profile's own years that y reaches into and it does not cover.
// Months that a covered year's explicit profile does not list are not
// checked: rating one is an error of its own ([Definition.TargetFor]).
func (d Definition) CheckYear(y period.Year) error {
	if y.IsZero() {
		return nil
	}
	return d.CheckYears(y.Period())
}

// CheckYears is [Definition.CheckYear] for every year the months of a
// period reach into, such as the months a regime is in force: it returns an
// [*UncoveredYearError] for the first year of d's profile that the months
// reach into and the profile does not cover, or nil.
func (d Definition) CheckYears(p period.Period) error {
	x := d.data()
	if !x.spec.Profile.profiled() {
		return nil
	}
	if y, ok := x.spec.Profile.uncovered(p); ok {
		return &UncoveredYearError{Ref: x.spec.Ref, Year: y}
	}
	return nil
}

// fixedLadder resolves the ladder's levels against a flat target, or
// returns nil if the target is profiled or any level does not fit an int64.
func (x *defData) fixedLadder() *fixedLadder {
	if x.spec.Profile.profiled() || len(x.ladder) == 0 {
		return nil
	}
	t, strict := x.spec.Target.Value, x.spec.Target.Comparison.Strict()
	levels := make([]fixed, len(x.ladder)-1)
	stricts := make([]bool, len(levels))
	for i := range levels {
		v, s := x.ladder[i].Reach.resolve(t, strict)
		f, ok := fixedOf(v)
		if !ok {
			return nil
		}
		levels[i], stricts[i] = f, s
	}
	return newFixedLadder(levels, stricts)
}

// maxLevelPlaces returns the most places a resolved level can have: those of
// the target or a profiled target, plus an offset's, or plus a percentage's
// and two more for percent-of-target levels.
func (x *defData) maxLevelPlaces() int32 {
	places := func(v decimal.Decimal) int32 { return max(-v.Exponent(), 0) }
	tp := places(x.spec.Target.Value)
	for _, v := range x.spec.Profile.targets() {
		tp = max(tp, places(v))
	}
	out := tp
	for _, b := range x.ladder {
		if b.Reach.IsZero() {
			continue
		}
		switch b.Reach.Kind {
		case Absolute:
			out = max(out, places(b.Reach.Value))
		case OffsetFromTarget:
			out = max(out, tp, places(b.Reach.Value))
		case PercentOfTarget:
			out = max(out, tp+places(b.Reach.Value)+2)
		}
	}
	return out
}
