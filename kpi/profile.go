package kpi

import (
	"fmt"
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"

	"github.com/kpiregime/kpiregime/period"
)

// A Profile is a target that may vary through the year. A flat profile has
// the same target every period. Other profiles belong to one year and give
// a target per month: explicit values, a linear cumulative path to an annual
// target, or a path weighted by a pattern (last year's shape). A cumulative
// profile is compared with cumulative figures (council tax collected to
// date); a per-period profile with each period's own figure.
//
// The zero Profile has no target; a definition with it uses its written
// target flat.
type Profile struct {
	kind       profileKind
	cumulative bool
	annual     decimal.Decimal
	year       period.Year
	byMonth    map[period.Month]decimal.Decimal
}

type profileKind uint8

const (
	profileNone profileKind = iota
	profileFlat
	profileExplicit
)

// Flat is the same target every period.
func Flat(target decimal.Decimal) Profile { return Profile{kind: profileFlat, annual: target} }

// Explicit is a profile with a target per month, as a contract's schedule
// lists them. annual is the target for the year (for a cumulative profile,
// where it must end); months the profile does not list have no target. Seed
// 000's R&B-K-001 is Explicit(95.8, true, {Apr-16: 11.36, May-16: 20.31, ...}).
func Explicit(annual decimal.Decimal, cumulative bool, byMonth map[period.Month]decimal.Decimal) Profile {
	p := Profile{kind: profileExplicit, cumulative: cumulative, annual: annual, byMonth: cloneMonths(byMonth)}
	for m := range byMonth {
		p.year = period.Years{}.Of(m)
		break
	}
	return p
}

// LinearCumulative is a cumulative profile that rises by the same amount
// each month to the annual target in the year's last month: month k of 12 is
// annual × k / 12, rounded to places.
func LinearCumulative(year period.Year, annual decimal.Decimal, places int32) Profile {
	byMonth := map[period.Month]decimal.Decimal{}
	k := int64(0)
	for m := range year.Months() {
		k++
		byMonth[m] = annual.Mul(decimal.NewFromInt(k)).DivRound(decimal.NewFromInt(12), places)
	}
	return Profile{kind: profileExplicit, cumulative: true, annual: annual, year: year, byMonth: byMonth}
}

// Weighted is a profile shaped by a pattern of twelve weights (last year's
// monthly figures, say), first month of the year first. Cumulative, month k is
// annual × (w1 + ... + wk) / (w1 + ... + w12); per period, it is
// annual × wk / (w1 + ... + w12), so the months add up to the annual figure.
// Targets are rounded to places.
func Weighted(year period.Year, annual decimal.Decimal, weights [12]decimal.Decimal, cumulative bool, places int32) (Profile, error) {
	total := decimal.Zero
	for i, w := range weights {
		if w.IsNegative() {
			return Profile{}, &FieldError{Path: fmt.Sprintf("profile.weights[%d]", i), Msg: "a weight cannot be negative"}
		}
		total = total.Add(w)
	}
	if total.IsZero() {
		return Profile{}, &FieldError{Path: "profile.weights", Msg: "the weights add up to zero"}
	}
	byMonth := map[period.Month]decimal.Decimal{}
	run := decimal.Zero
	i := 0
	for m := range year.Months() {
		run = run.Add(weights[i])
		w := weights[i]
		if cumulative {
			w = run
		}
		byMonth[m] = annual.Mul(w).DivRound(total, places)
		i++
	}
	return Profile{kind: profileExplicit, cumulative: cumulative, annual: annual, year: year, byMonth: byMonth}, nil
}

// IsZero reports whether p has no target at all.
func (p Profile) IsZero() bool { return p.kind == profileNone }

// Cumulative reports whether p's targets are cumulative to date.
func (p Profile) Cumulative() bool { return p.cumulative }

// Annual returns the annual target (or the flat target).
func (p Profile) Annual() decimal.Decimal { return p.annual }

// Months returns the months p lists, in order; nil for a flat profile.
func (p Profile) Months() []period.Month {
	ms := slices.Collect(maps.Keys(p.byMonth))
	slices.SortFunc(ms, func(a, b period.Month) int { return a.Compare(b) })
	return ms
}

// Target returns the target for month m, and false if p has none for it.
func (p Profile) Target(m period.Month) (decimal.Decimal, bool) {
	switch p.kind {
	case profileFlat:
		return p.annual, true
	case profileExplicit:
		v, ok := p.byMonth[m]
		return v, ok
	}
	return decimal.Decimal{}, false
}

// Equal reports whether p and o are the same profile.
func (p Profile) Equal(o Profile) bool {
	if p.kind != o.kind || p.cumulative != o.cumulative || !p.annual.Equal(o.annual) || len(p.byMonth) != len(o.byMonth) {
		return false
	}
	for m, v := range p.byMonth {
		if w, ok := o.byMonth[m]; !ok || !v.Equal(w) {
			return false
		}
	}
	return true
}

// validate checks a profile for a measure of polarity pol.
func (p Profile) validate(pol Polarity, unit Unit, pr *problems.List) {
	if p.kind != profileExplicit {
		return
	}
	ms := p.Months()
	if len(ms) == 0 {
		pr.Add("profile", "an explicit profile needs at least one month")
		return
	}
	y := period.Years{}.Of(ms[0])
	if !p.year.IsZero() {
		y = p.year
	}
	for _, m := range ms {
		if !y.Contains(m) {
			pr.Add("profile", "%s is not in the year %s: a profile covers one year", m, y)
		}
		if unit == Percent && (p.byMonth[m].IsNegative() || p.byMonth[m].GreaterThan(hundred)) {
			pr.Add(fmt.Sprintf("profile[%s]", m), "%s%% is outside 0 to 100", p.byMonth[m])
		}
	}
	if !p.cumulative {
		return
	}
	for i := 1; i < len(ms); i++ {
		prev, cur := p.byMonth[ms[i-1]], p.byMonth[ms[i]]
		if pol.Better(prev, cur) > 0 {
			pr.Add(fmt.Sprintf("profile[%s]", ms[i]), "a cumulative profile cannot fall back: %s after %s in %s", cur, prev, ms[i-1])
		}
	}
	last := ms[len(ms)-1]
	if last.Equal(y.Last()) && !p.byMonth[last].Equal(p.annual) {
		pr.Add(fmt.Sprintf("profile[%s]", last), "a cumulative profile must end at the annual target %s, not %s", p.annual, p.byMonth[last])
	}
	for _, m := range ms {
		if pol.Better(p.byMonth[m], p.annual) > 0 {
			pr.Add(fmt.Sprintf("profile[%s]", m), "%s is beyond the annual target %s that the profile builds to", p.byMonth[m], p.annual)
		}
	}
}

func cloneMonths(m map[period.Month]decimal.Decimal) map[period.Month]decimal.Decimal {
	if m == nil {
		return nil
	}
	return maps.Clone(m)
}
