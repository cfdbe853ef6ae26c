package regime

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// ErrInvalid is wrapped by every validation error. It is [kpi.ErrInvalid]
// itself, so errors.Is(err, kpi.ErrInvalid) holds for a regime's
// validation error as for a KPI's.
var ErrInvalid = kpi.ErrInvalid

// parseError reports text s that is not one of the names of what, which
// are those expected: the one [period.ParseError] of the library.
func parseError(what, s, expected string) error {
	return &period.ParseError{Package: "regime", What: what, Input: s, Expected: expected}
}

// newFieldError makes a problem a [kpi.FieldError].
func newFieldError(path, msg string) error { return &kpi.FieldError{Path: path, Msg: msg} }

// A Spec describes a regime for [New].
type Spec struct {
	// Name and Version identify the regime; every scorecard says which
	// version made it ("PSSP", "2016").
	Name, Version string
	// From is the first month the regime is in force; Until, if not zero,
	// the first month it no longer is.
	From, Until period.Month
	// Starts, if not zero, is the day the regime takes effect where that
	// is part-way through a month, and PartMonth how that month is rated.
	// Under [EachPart], Starts is in From, and From is shared with the
	// regime before, each rating its part; under [Majority] (resolved when
	// the contract is built) From is the first month rated whole, and
	// Starts is kept for the record.
	Starts    period.Date
	PartMonth PartMonth
	// KPIs are the regime's KPI definitions, in report order. Their
	// references must be unique.
	KPIs []kpi.Definition
	// Labels are the display labels for statuses ("Target Met", "Within
	// 'Tolerance'", "Failed MSL"); statuses without one use [DefaultLabel].
	Labels map[kpi.Status]string
	// Exceed is the regime's exceed rule, applied to every KPI whose
	// own rule is none (the zero ExceedRule, which leaves them as they are).
	// It applies when the regime rates: [Regime.KPI] hands back each
	// definition as it was given, without it.
	Exceed kpi.ExceedRule
	// RoundBeforeBanding, when true, makes every KPI round its figures
	// to its reporting precision before banding, as a report that prints
	// them would. Like Exceed, it applies when the regime rates.
	RoundBeforeBanding bool
	// Missing says what a missing figure means where one was due, or where
	// the return claimed a status the contract does not grant.
	Missing MissingRule
	// Failing is the best status that counts as a failure for repeat
	// points and escalation; zero means [kpi.Missed], so missed,
	// detriment and failed results are failures.
	Failing kpi.Status
	// Repeat multiplies the points of a failure that follows a failure of
	// the same KPI in its previous measurement period. Zero means no
	// multiplier; the UK Model Services Contract style is 2. It is not
	// compounded: a third failure in a row is also multiplied by 2.
	Repeat decimal.Decimal
	// Relief lists exclusions, mitigations and customer-cause relief.
	Relief []Relief
	// MitigatedCount says whether a failure under mitigation still counts
	// for repeat points and escalation, as some contracts say; its own
	// points and credits are zero either way.
	MitigatedCount bool
	// Credits are the service credit rules, applied in order and added.
	Credits []CreditRule
	// Consequences are the tiers whose KPIs carry points, credits
	// and escalation. Nil means [kpi.TierKPI] alone: a performance
	// indicator (PI) or a contextual measure is rated and reported, but
	// earns nothing, as most schedules say; a regime whose PIs do carry
	// consequences lists both.
	Consequences []kpi.Tier
	// Remedy, if not zero, charges for the service points a month accrues
	// over a baseline ([PointsRemedy]), as a credit before the caps.
	Remedy PointsRemedy
	// Caps limit the credits in a period and over a rolling window.
	Caps Caps
	// Escalation rules raise named events from the history.
	Escalation []Rule
	// Rounding is how money is rounded to pence.
	Rounding Rounding
	// Currency is the currency of the regime's money (its credits, caps,
	// remedy and incentives) and of the notes and outputs that show it:
	// GBP for the zero Currency. A contract's regimes share one.
	Currency Currency
	// Reset, when true, starts the history afresh when this regime takes
	// over from an earlier one: repeats, escalation windows and rolling
	// caps count only from its first month. Otherwise a KPI whose
	// reference continues from the earlier regime keeps its history.
	Reset bool
	// EarnBack, if not zero, lets the supplier earn back the credits a KPI
	// accrues by meeting it afterwards ([EarnBack]).
	EarnBack EarnBack
	// Incentives pay the supplier for performance better than a benchmark
	// and deduct for performance worse than it ([Incentive]).
	Incentives []Incentive
	// Restatements is how the change in money a restated figure makes is
	// settled: as an adjustment in the month it was restated in (the zero
	// value, [AdjustInMonthRestated]), or in place ([RestateInPlace]). The
	// rule of the regime in force in the month of the restatement decides.
	Restatements RestatementRule
}

// MissingRule says what a missing figure (no data where one was due) means.
type MissingRule struct {
	// DeemFailed, when true, treats no data as a failure at Status (zero
	// means kpi.Failed) earning Points (zero means the points of the KPI's
	// band with that status).
	DeemFailed bool
	Status     kpi.Status
	Points     decimal.Decimal
}

// A Regime is a validated, immutable schedule of KPIs and the rules
// that turn their results into consequences. Build one with [New]; score it
// with [Regime.Run].
type Regime struct {
	spec Spec // as given (cloned): KPIs, KPI and Spec hand back its definitions
	// rated are the definitions the regime rates with, in spec order: each
	// of spec.KPIs with the regime's exceed and rounding rules where it
	// leaves them to the regime ([Spec.Exceed], [Spec.RoundBeforeBanding]).
	rated    []kpi.Definition
	byRef    map[string]int
	versions []string // the version, as rows name it; shared, never modified
	refs     []string // the KPIs' references, in order; never modified
	rows     []Row    // each indicator's row before it is rated, to copy
	// repeatNote is the note on a repeat failure: "repeat failure: points
	// × 2".
	repeatNote string
	profiled   bool // some indicator has a profiled target
	labels     [kpi.LastStatus + 1]string
	// lowerLabels are the labels in lower case, for notes.
	lowerLabels [kpi.LastStatus + 1]string
	ruleTexts   []string // the escalation rules' descriptions, for events
	// partOf maps the reference of a part to the KPI it is part of.
	partOf map[string]string
	// incentive is, by indicator, the index of its incentive, or -1; nil
	// for a regime with none.
	incentive []int
	// opensPlans is set where an escalation rule opens rectification plans.
	opensPlans bool
}

// New validates a spec and returns its regime, reporting every problem at
// once with the path of its field.
func New(spec Spec) (*Regime, error) {
	var p problems.List
	spec = spec.clone()
	rated, byRef := spec.checkKPIs(&p)
	partOf := checkParts(spec.KPIs, byRef, p.Add)
	spec.checkRules(&p, byRef)
	spec.checkStart(p.Add)
	spec.checkSettings(p.Add)
	if err := p.Err(ErrInvalid, newFieldError); err != nil {
		return nil, fmt.Errorf("regime %q: %w", spec.Name, err)
	}
	r := build(spec, rated, byRef, partOf)
	if !spec.Until.IsZero() {
		if err := r.checkYears(spec.From, spec.Until.AddMonths(-1)); err != nil {
			return nil, fmt.Errorf("regime %q: %w", spec.Name, err)
		}
	}
	return r, nil
}

// checkKPIs checks the regime's name, months and KPIs, and returns the
// definitions it rates with (each with the regime's exceed and rounding
// rules, [applyRegimeRules]) and the index of each reference.
func (spec Spec) checkKPIs(p *problems.List) ([]kpi.Definition, map[string]int) {
	bad := p.Add
	if strings.TrimSpace(spec.Name) == "" {
		bad("name", "a regime needs a name")
	}
	if spec.From.IsZero() {
		bad("from", "a regime needs the month it takes effect")
	}
	if !spec.Until.IsZero() && !spec.Until.After(spec.From) {
		bad("until", "%s is not after %s", spec.Until, spec.From)
	}
	byRef := map[string]int{}
	rated := slices.Clone(spec.KPIs)
	for i, d := range spec.KPIs {
		if d.IsZero() {
			bad(fmt.Sprintf("kpis[%d]", i), "the zero Definition")
			continue
		}
		if applied, err := applyRegimeRules(d, spec); err != nil {
			nest(p, fmt.Sprintf("kpis[%d]", i), err, "with the regime's exceed and rounding rules: ")
		} else {
			rated[i] = applied
		}
		if j, dup := byRef[d.Ref()]; dup {
			bad(fmt.Sprintf("kpis[%d].ref", i), "%s is also kpis[%d]", problems.Quote(d.Ref()), j)
			continue
		}
		byRef[d.Ref()] = i
	}
	if len(spec.KPIs) == 0 {
		bad("kpis", "a regime needs at least one KPI")
	}
	return rated, byRef
}

// checkRules checks the relief, credit, cap, remedy, earn-back, incentive
// and escalation rules, and that each KPI they name is one of the
// regime's.
func (spec Spec) checkRules(p *problems.List, byRef map[string]int) {
	bad := p.Add
	known := func(path, ref string) {
		if _, ok := byRef[ref]; !ok {
			var refs []string
			for _, d := range spec.KPIs {
				refs = append(refs, d.Ref())
			}
			bad(path, "no KPI %s in the regime%s", problems.Quote(ref), problems.NearestRef(ref, refs))
		}
	}
	for i, rl := range spec.Relief {
		path := fmt.Sprintf("relief[%d]", i)
		known(path+".kpi", rl.KPI)
		rl.validate(path, bad)
	}
	for i, c := range spec.Credits {
		if c == nil {
			bad(fmt.Sprintf("credits[%d]", i), "nil rule")
			continue
		}
		for _, ref := range c.KPIs() {
			known(fmt.Sprintf("credits[%d].kpi", i), ref)
		}
		nest(p, fmt.Sprintf("credits[%d]", i), c.Validate())
	}
	p.Append(spec.Caps.validate()...)
	spec.Remedy.validate(spec.From, bad)
	spec.EarnBack.validate(bad)
	seenIncentive := map[string]int{}
	for i := range spec.Incentives {
		spec.Incentives[i].validate(i, byRef, seenIncentive, bad)
	}
	for i, r := range spec.Escalation {
		path := fmt.Sprintf("escalation[%d]", i)
		if r.ref != "" {
			known(path+".kpi", r.ref)
		}
		nest(p, path, r.validate())
	}
}

// validate checks relief at path, but for its KPI, which the regime
// checks.
func (rl Relief) validate(path string, bad func(path, format string, args ...any)) {
	if rl.Kind < Exclusion || rl.Kind > AgreedNotMeasurable {
		bad(path+".kind", "unknown kind of relief %d", int(rl.Kind))
	}
	if rl.From.IsZero() {
		bad(path+".from", "relief needs the first month it applies to")
	}
	if !rl.Through.IsZero() && rl.Through.Before(rl.From) {
		bad(path+".through", "%s is before %s", rl.Through, rl.From)
	}
	if strings.TrimSpace(rl.Reason) == "" {
		bad(path+".reason", "relief needs its reason, for the report")
	}
}

// checkStart checks the day a regime starts part-way through a month, and
// how that month is rated.
func (spec Spec) checkStart(bad func(path, format string, args ...any)) {
	switch {
	case spec.Starts.IsZero() && spec.PartMonth != 0:
		bad("part_month", "is for a regime that starts part-way through a month (give the day it starts)")
	case spec.Starts.IsZero():
	case spec.PartMonth == 0 && spec.Starts.Day() != 1:
		bad("part_month", "%s takes effect on %s, part-way through %s: say how that month is rated, as part_month: majority (by the regime in force for most of it) or each_part (each part on its own figure)",
			spec.Name, spec.Starts, spec.Starts.YearMonth().Label(period.Long))
	case spec.PartMonth > EachPart:
		bad("part_month", "unknown way %d", int(spec.PartMonth))
	case spec.PartMonth == EachPart && spec.Starts.YearMonth() != spec.From:
		bad("starts", "%s is not in the regime's first month %s: each part of a month is rated in that month", spec.Starts, spec.From)
	case spec.PartMonth == Majority && MajorityMonth(spec.Starts) != spec.From:
		bad("from", "a regime taking effect on %s is first in force for most of %s, not %s", spec.Starts, MajorityMonth(spec.Starts), spec.From)
	}
}

// checkSettings checks the regime's single settings: restatements, the
// tiers with consequences, the repeat multiplier, the failing status, the
// missing rule and the labels.
func (spec Spec) checkSettings(bad func(path, format string, args ...any)) {
	if spec.Restatements > RestateInPlace {
		bad("restatements", "unknown restatement rule %d", int(spec.Restatements))
	}
	for i, t := range spec.Consequences {
		switch {
		case t > kpi.TierContextual:
			bad(fmt.Sprintf("consequences[%d]", i), "unknown tier %d", int(t))
		case t == kpi.TierContextual:
			bad(fmt.Sprintf("consequences[%d]", i), "a contextual measure is reported for information and never rated, so it carries no consequences (list kpi or pi)")
		case slices.Index(spec.Consequences, t) < i:
			bad(fmt.Sprintf("consequences[%d]", i), "%s is listed twice", t)
		}
	}
	if spec.Repeat.IsNegative() {
		bad("repeat", "a multiplier cannot be negative")
	}
	if spec.Failing != 0 && !spec.Failing.IsPerformance() {
		bad("failing", "%s is not a performance status", spec.Failing)
	}
	if spec.Missing.DeemFailed && spec.Missing.Status != 0 && !spec.Missing.Status.IsPerformance() {
		bad("missing.status", "%s is not a performance status", spec.Missing.Status)
	}
	for st := range spec.Labels {
		if st < kpi.Exceeded || st > kpi.LastStatus {
			bad("labels", "unknown status %d", int(st))
		}
	}
}

// build makes the regime of a valid spec: what it rates with, and what it
// works out once rather than for every row.
func build(spec Spec, rated []kpi.Definition, byRef map[string]int, partOf map[string]string) *Regime {
	r := &Regime{spec: spec, rated: rated, byRef: byRef, ruleTexts: make([]string, len(spec.Escalation)), partOf: partOf}
	if len(spec.Incentives) > 0 {
		r.incentive = make([]int, len(spec.KPIs))
		for i := range r.incentive {
			r.incentive[i] = -1
		}
		for k, in := range spec.Incentives {
			r.incentive[byRef[in.KPI]] = k
		}
	}
	r.versions = []string{spec.Version}[:1:1]
	r.repeatNote = "repeat failure: points × " + spec.Repeat.String()
	r.refs = make([]string, len(spec.KPIs))
	r.rows = make([]Row, len(spec.KPIs))
	for i, d := range rated {
		r.refs[i] = d.Ref()
		r.rows[i] = baseRow(r, d, period.Period{})
		r.rows[i].PartOf = partOf[d.Ref()]
		// Profiles for listed years can miss one; a shape applied to every
		// year cannot.
		r.profiled = r.profiled || len(d.Profile().Years()) > 0
	}
	for i, rule := range spec.Escalation {
		r.ruleTexts[i] = rule.String()
		r.opensPlans = r.opensPlans || rule.plan.opens()
	}
	for st := kpi.Exceeded; st <= kpi.LastStatus; st++ {
		r.labels[st] = DefaultLabel(st)
		if l, ok := spec.Labels[st]; ok {
			r.labels[st] = l
		}
		r.lowerLabels[st] = strings.ToLower(r.labels[st])
	}
	return r
}

// applyRegimeRules returns d with the regime's exceed rule (where d has
// none) and rounding rule applied, re-validated.
func applyRegimeRules(d kpi.Definition, spec Spec) (kpi.Definition, error) {
	ds := d.Spec()
	changed := false
	if ds.Exceed.Equal(kpi.NoExceed()) && !spec.Exceed.Equal(kpi.NoExceed()) {
		ds.Exceed, changed = spec.Exceed, true
	}
	if spec.RoundBeforeBanding && !ds.Measure.RoundBeforeBanding {
		ds.Measure.RoundBeforeBanding, changed = true, true
	}
	if !changed {
		return d, nil
	}
	return kpi.New(ds)
}

// Name returns the regime's name.
func (r *Regime) Name() string { return r.spec.Name }

// Currency returns the currency of the regime's money (Spec.Currency).
func (r *Regime) Currency() Currency { return r.spec.Currency }

// Version returns the regime's version.
func (r *Regime) Version() string { return r.spec.Version }

// From returns the first month the regime is in force.
func (r *Regime) From() period.Month { return r.spec.From }

// Until returns the first month the regime is no longer in force, or the
// zero Month if it has no end.
func (r *Regime) Until() period.Month { return r.spec.Until }

// InForce reports whether the regime applies to month m.
func (r *Regime) InForce(m period.Month) bool {
	return !m.Before(r.spec.From) && (r.spec.Until.IsZero() || m.Before(r.spec.Until))
}

// KPIs returns the regime's definitions in report order, each as it was
// given ([kpi.Definition.Equal] to it): the regime's exceed and rounding rules
// are applied when it rates, not written into them.
func (r *Regime) KPIs() []kpi.Definition { return slices.Clone(r.spec.KPIs) }

// KPI returns the definition with reference ref, as it was given.
func (r *Regime) KPI(ref string) (kpi.Definition, bool) {
	i, ok := r.byRef[ref]
	if !ok {
		return kpi.Definition{}, false
	}
	return r.spec.KPIs[i], true
}

// Spec returns a copy of the spec the regime was built from, sharing no
// slice or map with the regime: editing it changes nothing the regime
// rates with.
func (r *Regime) Spec() Spec { return r.spec.clone() }

// clone returns s sharing no slice or map with it: each is copied, and so
// are the package's credit rules and the incentives' indices. [New] keeps a
// clone, so that the caller's spec can change after it, and [Regime.Spec]
// hands one out.
func (s Spec) clone() Spec {
	s.KPIs = slices.Clone(s.KPIs)
	s.Labels = maps.Clone(s.Labels)
	s.Relief = slices.Clone(s.Relief)
	s.Credits = cloneCredits(s.Credits)
	s.Escalation = slices.Clone(s.Escalation)
	s.Remedy.Baselines = slices.Clone(s.Remedy.Baselines)
	s.Consequences = slices.Clone(s.Consequences)
	s.Incentives = slices.Clone(s.Incentives)
	for i := range s.Incentives {
		s.Incentives[i].Index = slices.Clone(s.Incentives[i].Index)
	}
	return s
}

// checkParts checks the KPIs made of parts: each part is a KPI of the
// regime, measured as often as the KPI, made of no parts itself, and part
// of one KPI only; under the worst-part rule, the KPI's ladder has every
// status its parts can reach. It returns the KPI of each part.
func checkParts(defs []kpi.Definition, byRef map[string]int, bad func(path, format string, args ...any)) map[string]string {
	partOf := map[string]string{}
	for i, d := range defs {
		for j, ref := range d.Parts() {
			path := fmt.Sprintf("kpis[%d].parts[%d]", i, j)
			k, ok := byRef[ref]
			if !ok {
				var refs []string
				for _, o := range defs {
					refs = append(refs, o.Ref())
				}
				bad(path, "no KPI %s in the regime%s", problems.Quote(ref), problems.NearestRef(ref, refs))
				continue
			}
			part := defs[k]
			switch {
			case part.IsCompound():
				bad(path, "%s is itself made of parts: a part is rated on its own figure", ref)
			case part.Frequency() != d.Frequency():
				bad(path, "%s is %s, but %s is %s: a part is measured as often as its KPI", ref, part.Frequency(), d.Ref(), d.Frequency())
			case partOf[ref] != "":
				bad(path, "%s is already a part of %s", ref, partOf[ref])
			}
			if d.PartsRule() == kpi.WorstPart {
				for _, st := range part.Statuses() {
					if !slices.Contains(d.Statuses(), st) {
						bad(fmt.Sprintf("kpis[%d].bands", i), "%s takes its worst part's status, but has no band for %s, which %s can reach", d.Ref(), st, ref)
					}
				}
			}
			if partOf[ref] == "" {
				partOf[ref] = d.Ref()
			}
		}
	}
	return partOf
}

// Label returns the regime's display label for a status.
func (r *Regime) Label(s kpi.Status) string {
	if s >= kpi.Exceeded && s <= kpi.LastStatus {
		return r.labels[s]
	}
	return DefaultLabel(s)
}

// DefaultLabel is the label for a status where a regime gives none: "Met",
// "Not due", "No data", "For information".
func DefaultLabel(s kpi.Status) string {
	switch s {
	case kpi.NotDue:
		return "Not due"
	case kpi.NoData:
		return "No data"
	case kpi.NotMeasurable:
		return "Not measurable"
	case kpi.Info:
		return "For information"
	}
	if s < kpi.Exceeded || s > kpi.LastStatus {
		return ""
	}
	n := s.String()
	return strings.ToUpper(n[:1]) + n[1:]
}

// title names a regime with its version: "PSSP 2016".
func title(r *Regime) string {
	if r.spec.Version == "" {
		return r.spec.Name
	}
	return r.spec.Name + " " + r.spec.Version
}

// needsCharges reports whether scoring a month needs its charge: the
// regime has credit rules, or a cap written as a percentage of charges.
func (r *Regime) needsCharges() bool {
	return len(r.spec.Credits) > 0 || r.spec.Remedy.Rate.PercentOfCharges ||
		r.spec.Caps.PerPeriod.PercentOfCharges || r.spec.Caps.Rolling.PercentOfCharges
}

// deemedStatus is the status a missing figure is deemed to have.
func (r *Regime) deemedStatus() kpi.Status {
	if r.spec.Missing.Status != 0 {
		return r.spec.Missing.Status
	}
	return kpi.Failed
}

// deemedPoints are the points a deemed failure earns: the regime's, or, if
// it gives none, those of d's band with the deemed status.
func (r *Regime) deemedPoints(d kpi.Definition) decimal.Decimal {
	if !r.spec.Missing.Points.IsZero() {
		return r.spec.Missing.Points
	}
	st := r.deemedStatus()
	for _, b := range d.Bands().List() {
		if b.Status == st {
			return b.Points
		}
	}
	return decimal.Zero
}

// checkYears checks that every profiled indicator has targets for each
// year the months from first to last reach into: a profiled KPI scored in a
// year its profile does not cover is an error naming the KPI and the year
// ([*kpi.UncoveredYearError]).
func (r *Regime) checkYears(first, last period.Month) error {
	if !r.profiled {
		return nil
	}
	span, err := period.MonthRange(first, last)
	if err != nil {
		return err
	}
	var errs []error
	for i, d := range r.spec.KPIs {
		if err := d.CheckYears(span); err != nil {
			errs = append(errs, &kpi.FieldError{Path: fmt.Sprintf("kpis[%d].profile", i), Msg: err.Error(), Err: err})
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return nil
}

// failing reports whether a status counts as a failure.
// carries reports whether a KPI of tier t carries consequences.
func (r *Regime) carries(t kpi.Tier) bool {
	if r.spec.Consequences == nil {
		return t == kpi.TierKPI
	}
	return slices.Contains(r.spec.Consequences, t)
}

func (r *Regime) failing(s kpi.Status) bool {
	f := r.spec.Failing
	if f == 0 {
		f = kpi.Missed
	}
	return s.IsPerformance() && s >= f
}

// Equal reports whether r and o were built from equal specs: the same name,
// version, months, currency, KPIs ([kpi.Definition.Equal]) and rules
// (escalation rules by [Rule.Equal], the package's credit rules by their own
// Equal, and a caller's own credit rule by its description).
func (r *Regime) Equal(o *Regime) bool {
	if r == o {
		return true
	}
	if r == nil || o == nil {
		return false
	}
	a, b := r.spec, o.spec
	if a.Name != b.Name || a.Version != b.Version || a.From != b.From || a.Until != b.Until || a.Currency != b.Currency ||
		!a.Exceed.Equal(b.Exceed) || a.RoundBeforeBanding != b.RoundBeforeBanding ||
		!maps.Equal(a.Labels, b.Labels) || a.Missing.DeemFailed != b.Missing.DeemFailed || a.Missing.Status != b.Missing.Status ||
		!a.Missing.Points.Equal(b.Missing.Points) || a.Failing != b.Failing || !a.Repeat.Equal(b.Repeat) ||
		a.MitigatedCount != b.MitigatedCount || a.Rounding != b.Rounding || !slices.Equal(a.Relief, b.Relief) ||
		a.Reset != b.Reset || a.Restatements != b.Restatements || !a.Remedy.Equal(b.Remedy) || a.Starts != b.Starts || a.PartMonth != b.PartMonth || !slices.Equal(a.Consequences, b.Consequences) ||
		!a.Caps.equal(b.Caps) || len(a.KPIs) != len(b.KPIs) || len(a.Credits) != len(b.Credits) ||
		!a.EarnBack.Equal(b.EarnBack) || !slices.EqualFunc(a.Incentives, b.Incentives, Incentive.Equal) ||
		!slices.EqualFunc(a.Escalation, b.Escalation, Rule.Equal) {
		return false
	}
	for i := range a.KPIs {
		if !a.KPIs[i].Equal(b.KPIs[i]) {
			return false
		}
	}
	return slices.EqualFunc(a.Credits, b.Credits, creditEqual)
}

// creditEqual reports whether two credit rules are the same: the package's
// by their Equal, a caller's own by its description.
func creditEqual(a, b CreditRule) bool {
	switch a := a.(type) {
	case PointsCredit:
		return sameRule(a, b)
	case ShortfallCredit:
		return sameRule(a, b)
	case FixedCredit:
		return sameRule(a, b)
	case AtRiskCredit:
		return sameRule(a, b)
	}
	return a.String() == b.String()
}

// sameRule reports whether b is a rule of a's type equal to a.
func sameRule[R interface{ Equal(R) bool }](a R, b CreditRule) bool {
	o, ok := b.(R)
	return ok && a.Equal(o)
}

// A History is the effective-dated run of a contract's regimes, in order and
// not overlapping: which regime applies to a month.
type History struct {
	regimes []*Regime
}

// Equal reports whether h and o run the same regimes, each [Regime.Equal],
// in the same order.
func (h History) Equal(o History) bool {
	return slices.EqualFunc(h.regimes, o.regimes, (*Regime).Equal)
}

// NewHistory orders regimes by the month they take effect and checks that
// no two are in force in the same month.
func NewHistory(regimes ...*Regime) (History, error) {
	rs := slices.Clone(regimes)
	slices.SortFunc(rs, func(a, b *Regime) int { return a.From().Compare(b.From()) })
	var errs []error
	for i, cur := range rs {
		if cur.spec.PartMonth != EachPart || cur.spec.Starts.IsZero() || cur.spec.Starts.Day() == 1 {
			continue
		}
		if i == 0 || rs[i-1].Until() != cur.From() {
			errs = append(errs, newFieldError("regimes", fmt.Sprintf("%s takes effect on %s and rates each part of %s on its own figure, so a regime must run until %s, for the first part",
				title(cur), cur.spec.Starts, cur.From().Label(period.Long), cur.From())))
		}
	}
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		if cur.spec.Currency != rs[0].spec.Currency {
			errs = append(errs, newFieldError("regimes", fmt.Sprintf("%s %s is in %s, and %s %s in %s: a contract's regimes share one currency",
				cur.Name(), cur.Version(), cur.spec.Currency, rs[0].Name(), rs[0].Version(), rs[0].spec.Currency)))
		}
		if prev.Until().IsZero() || cur.From().Before(prev.Until()) {
			errs = append(errs, newFieldError("regimes", fmt.Sprintf("%s %s (from %s) overlaps %s %s (from %s, until %s)",
				cur.Name(), cur.Version(), cur.From(), prev.Name(), prev.Version(), prev.From(), untilText(prev.Until()))))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return History{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return History{regimes: rs}, nil
}

func untilText(m period.Month) string {
	if m.IsZero() {
		return "open-ended"
	}
	return m.String()
}

// At returns the regime in force in month m.
func (h History) At(m period.Month) (*Regime, bool) {
	for _, r := range h.regimes {
		if r.InForce(m) {
			return r, true
		}
	}
	return nil, false
}

// Regimes returns the regimes in order.
func (h History) Regimes() []*Regime { return slices.Clone(h.regimes) }

// nest records the problems of err, a lower layer's validation error, in p
// under path, each [kpi.FieldError] at its own path put under path, and
// each message after note, if any.
func nest(p *problems.List, path string, err error, note ...string) {
	pre := strings.Join(note, "")
	p.Nest(path, err, ErrInvalid, func(e error) (string, string, bool) {
		if fe, ok := e.(*kpi.FieldError); ok {
			return fe.Path, pre + fe.Msg, true
		}
		return "", "", false
	})
}

// Currency returns the currency of the history's regimes, which they
// share ([NewHistory]); GBP for a history of none.
func (h History) Currency() Currency {
	if len(h.regimes) == 0 {
		return GBP
	}
	return h.regimes[0].spec.Currency
}
