package kpi

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/period"
)

// A PartsRule says how a KPI made of parts ([Spec].Parts) takes its status
// from theirs.
type PartsRule uint8

// The rules. The zero PartsRule is [AllParts].
const (
	// AllParts: the KPI is met only when every part is on target, and
	// missed otherwise ("no more than 3% unacceptable, and at least 85%
	// acceptable").
	AllParts PartsRule = iota
	// WorstPart: the KPI takes the status of its worst part.
	WorstPart
)

var partsRuleNames = [...]string{"all", "worst"}

// String returns "all" or "worst".
func (r PartsRule) String() string {
	if int(r) < len(partsRuleNames) {
		return partsRuleNames[r]
	}
	return fmt.Sprintf("PartsRule(%d)", int(r))
}

// ParsePartsRule reads "all" or "worst", not case-sensitively.
func ParsePartsRule(s string) (PartsRule, error) {
	for i, n := range partsRuleNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return PartsRule(i), nil
		}
	}
	return 0, &period.ParseError{Package: "kpi", What: "parts rule", Input: s, Expected: "all or worst"}
}

// A PartResult is the result of one part of a KPI made of parts, under
// the part's reference.
type PartResult struct {
	Ref    string
	Result Result
}

// newCompound validates the spec of a KPI made of parts: its reference,
// frequency, parts and rule, and a ladder that gives its statuses points
// (the levels of a compound KPI's bands are not used: its status comes
// from its parts). It has no measure, target, profile, rolling window or
// exceed rule of its own.
func newCompound(spec Spec) (Definition, error) {
	var p problems.List
	if strings.TrimSpace(spec.Ref) == "" {
		p.Add("ref", "a KPI needs a reference")
	}
	if int(spec.Tier) >= len(tierNames) {
		p.Add("tier", "unknown tier %d", int(spec.Tier))
	}
	if spec.Frequency.IsZero() {
		p.Add("frequency", "must be stated (monthly, quarterly, six-monthly, annual, ...)")
	}
	if len(spec.Parts) < 2 {
		p.Add("parts", "a KPI made of parts needs two or more")
	}
	for i, ref := range spec.Parts {
		switch {
		case strings.TrimSpace(ref) == "":
			p.Add(fmt.Sprintf("parts[%d]", i), "a part needs a reference")
		case ref == spec.Ref:
			p.Add(fmt.Sprintf("parts[%d]", i), "%s cannot be a part of itself", ref)
		case slices.Index(spec.Parts, ref) < i:
			p.Add(fmt.Sprintf("parts[%d]", i), "%s is a part twice", ref)
		}
	}
	if spec.PartsRule > WorstPart {
		p.Add("parts_rule", "unknown rule %d", int(spec.PartsRule))
	}
	own := func(field string, set bool) {
		if set {
			p.Add(field, "a KPI made of parts has none of its own: its parts have theirs")
		}
	}
	own("measure", spec.Measure != Measure{})
	own("target", spec.Target.Comparison != Unstated || !spec.Target.Value.IsZero() || spec.Target.Unit != 0)
	own("profile", !spec.Profile.IsZero())
	own("rolling", spec.Rolling != 0)
	own("exceed", spec.Exceed.kind != exceedNone)
	if len(spec.Bands.list) == 0 {
		spec.Bands = TargetOnly()
	}
	var bp problems.List
	spec.Bands.validate(&bp)
	p.Merge(&bp)
	if err := p.Err(ErrInvalid, newFieldError); err != nil {
		return Definition{}, err
	}
	spec.Parts = slices.Clone(spec.Parts)
	spec.Bands = Bands{list: spec.Bands.List()}
	return Definition{p: &defData{spec: spec, ladder: spec.Bands.List()}}, nil
}

// IsCombined reports whether the result is of a KPI made of parts, rated
// from theirs by [Combine].
func (r Result) IsCombined() bool { return r.flags&combined != 0 }

// Parts returns the references of the KPI's parts, or nil for a KPI rated
// on its own figure.
func (d Definition) Parts() []string { return slices.Clone(d.data().spec.Parts) }

// IsCompound reports whether the KPI is made of parts.
func (d Definition) IsCompound() bool { return len(d.data().spec.Parts) > 0 }

// PartsRule returns how a KPI made of parts takes its status from theirs.
func (d Definition) PartsRule() PartsRule { return d.data().spec.PartsRule }

// Statuses returns the statuses of the KPI's ladder, best first.
func (d Definition) Statuses() []Status {
	if d.data().contextual {
		return []Status{Info}
	}
	var out []Status
	for _, b := range d.data().ladder {
		if !slices.Contains(out, b.Status) {
			out = append(out, b.Status)
		}
	}
	return out
}

// errNoParts is Combine's refusal of a KPI not made of parts.
var errNoParts = errors.New("is not made of parts")

// Combine rates a KPI made of parts for period p from its parts' results,
// given in the order of [Definition.Parts]:
//
//   - a part with no figure (no data), not measurable or excluded makes
//     the KPI the same, in that order of precedence, so that the regime's
//     rule for a missing figure applies to the KPI: nothing is guessed;
//   - when no part is due, the KPI is not due;
//   - otherwise, under [AllParts], the KPI is met when every part is on
//     target (exceeded or met) and missed when any is not; under
//     [WorstPart] it takes the worst part's status.
//
// The KPI's band is the first of its ladder with that status, whose points
// it earns. Its reason names the part that decided it: "missed: Q1b,
// 82% is below the target of 85%".
func Combine(d Definition, p period.Period, parts []PartResult) (Result, error) {
	x := d.data()
	if d.p == nil || len(x.spec.Parts) == 0 {
		return Result{}, fmt.Errorf("kpi: %s %w", x.spec.Ref, errNoParts)
	}
	if len(parts) != len(x.spec.Parts) {
		return Result{}, fmt.Errorf("kpi: %s has %d parts, not %d", x.spec.Ref, len(x.spec.Parts), len(parts))
	}
	r := Result{def: x, period: p, band: -1, flags: combined}
	for _, missing := range []Status{NoData, NotMeasurable, Excluded} {
		for _, pr := range parts {
			if pr.Result.Status() == missing {
				r.status, r.text = missing, fmt.Sprintf("%s: part %s, %s", missing, pr.Ref, pr.Result.Reason())
				return r, nil
			}
		}
	}
	due := false
	for _, pr := range parts {
		if pr.Result.Status() != NotDue {
			due = true
		}
	}
	if !due {
		r.status, r.text = NotDue, "not due: no part is due in "+p.Label(period.Short)
		return r, nil
	}
	decider := -1
	switch x.spec.PartsRule {
	case AllParts:
		r.status = Met
		for i, pr := range parts {
			if st := pr.Result.Status(); st.IsPerformance() && !st.OnTarget() {
				r.status, decider = Missed, i
				break
			}
		}
	case WorstPart:
		for i, pr := range parts {
			if st := pr.Result.Status(); st.IsPerformance() && (decider < 0 || st > r.status) {
				r.status, decider = st, i
			}
		}
	}
	b := slices.IndexFunc(x.ladder, func(b Band) bool { return b.Status == r.status })
	if b < 0 {
		return Result{}, fmt.Errorf("kpi: %s for %s: its ladder has no band for %s, which its parts give", x.spec.Ref, p.Label(period.Short), r.status)
	}
	r.band = int16(b)
	if decider < 0 || r.status.OnTarget() {
		names := make([]string, len(parts))
		for i, pr := range parts {
			names[i] = pr.Ref
		}
		r.text = fmt.Sprintf("%s: every part on target (%s)", r.status, strings.Join(names, ", "))
		return r, nil
	}
	r.text = fmt.Sprintf("%s: part %s, %s", r.status, parts[decider].Ref, parts[decider].Result.Reason())
	return r, nil
}
