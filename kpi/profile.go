package kpi

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"

	"github.com/kpiregime/kpiregime/period"
)

// A Profile is a target that varies through the year. A flat profile has
// the same target every period. Other profiles give a target per month of
// each year they cover, each year building to its own annual target:
//
//   - explicit values, as a schedule lists them, for one year ([Explicit])
//     or several ([ExplicitYears]);
//   - a linear cumulative path to the annual target, for one year
//     ([LinearCumulative]), for the years of a table of annual targets
//     ([LinearCumulativeByYear]) or for every year ([LinearCumulativeEveryYear]);
//   - a path weighted by a pattern of twelve weights (last year's shape), for
//     one year ([Weighted]), by year ([WeightedByYear]) or every year
//     ([WeightedEveryYear]).
//
// A cumulative profile is compared with cumulative figures (council tax
// collected to date); a per-period profile with each period's own figure.
// A profile counts years from a month ([Profile.YearStart]): April, the UK
// financial year, unless it was built for years that start in another
// month, which groups the months differently (a year from October runs
// October to September).
//
// A profile with years of its own covers only those ([Profile.Years],
// [Profile.Covers]): a definition asked for a target in another year says so
// ([Definition.CheckYear], [*UncoveredYearError]).
//
// The zero Profile has no target; a definition with it uses its written
// target flat.
type Profile struct {
	kind       profileKind
	cumulative bool
	// annual is the flat target, the annual target of a profile with one
	// for every year, or the first year's annual target.
	annual decimal.Decimal
	years  period.Years // how the profile counts years
	// annuals is each covered year's annual target; nil for a flat profile
	// and a shape on the same annual target every year.
	annuals map[period.Year]decimal.Decimal
	byMonth map[period.Month]decimal.Decimal // profileExplicit: the target of each month listed
	shape   *shape                           // profileShaped
}

type profileKind uint8

const (
	profileNone     profileKind = iota
	profileFlat                 // one target every period
	profileExplicit             // a target per month listed
	profileShaped               // a shape applied to each year's annual target
)

// A shape spreads an annual target over the twelve months of a year.
type shape struct {
	linear  bool
	weights [12]decimal.Decimal
	places  int32
	// share[k] is the weight of month k+1 of the year (cumulative: of
	// months 1 to k+1), and total the weights' sum: month k+1's target is
	// annual × share[k] ÷ total.
	share [12]decimal.Decimal
	total decimal.Decimal
}

// newShape checks the weights and works out their shares.
func newShape(weights [12]decimal.Decimal, cumulative bool, places int32) (*shape, error) {
	s := &shape{weights: weights, places: places}
	run := decimal.Zero
	for i, w := range weights {
		if w.IsNegative() {
			return nil, &FieldError{Path: fmt.Sprintf("profile.weights[%d]", i), Msg: "a weight cannot be negative"}
		}
		run = run.Add(w)
		s.share[i] = w
		if cumulative {
			s.share[i] = run
		}
	}
	if run.IsZero() {
		return nil, &FieldError{Path: "profile.weights", Msg: "the weights add up to zero"}
	}
	s.total = run
	return s, nil
}

// linearShape is the shape of a linear cumulative profile: twelve equal
// weights, cumulative, so that month k is annual × k ÷ 12.
func linearShape(places int32) *shape {
	var w [12]decimal.Decimal
	for i := range w {
		w[i] = decimal.NewFromInt(1)
	}
	s, _ := newShape(w, true, places) // twelve positive weights
	s.linear = true
	return s
}

// target returns the target of month k (0 to 11) of a year whose annual
// target is annual.
func (s *shape) target(annual decimal.Decimal, k int) decimal.Decimal {
	return annual.Mul(s.share[k]).DivRound(s.total, s.places)
}

// months returns the targets of the twelve months of a year whose annual
// target is annual, as a map for year y.
func (s *shape) months(y period.Year, annual decimal.Decimal, into map[period.Month]decimal.Decimal) {
	k := 0
	for m := range y.Months() {
		into[m] = s.target(annual, k)
		k++
	}
}

func (s *shape) equal(o *shape) bool {
	if s.linear != o.linear || s.places != o.places {
		return false
	}
	for i := range s.weights {
		if !s.weights[i].Equal(o.weights[i]) {
			return false
		}
	}
	return true
}

// Flat is the same target every period.
func Flat(target decimal.Decimal) Profile { return Profile{kind: profileFlat, annual: target} }

// Explicit is a profile for one UK financial year with a target per month,
// as a contract's schedule lists them. annual is the target for the year
// (for a cumulative profile, where it must end); months the profile does not
// list have no target. The year is the one its earliest month falls in, and
// every month must fall in it. Seed 000's R&B-K-001 is cumulative, 95.8
// for the year, 11.36 in Apr-16 and 20.31 in May-16:
//
//	kpi.Explicit(dec("95.8"), true, map[period.Month]decimal.Decimal{apr16: dec("11.36"), may16: dec("20.31")})
//
// with dec [decimal.RequireFromString] and apr16, may16 the months. For
// several years, or years that start in another month, use [ExplicitYears].
func Explicit(annual decimal.Decimal, cumulative bool, byMonth map[period.Month]decimal.Decimal) Profile {
	p := Profile{kind: profileExplicit, cumulative: cumulative, annual: annual, byMonth: cloneMonths(byMonth)}
	if ms := p.listed(); len(ms) > 0 {
		p.annuals = map[period.Year]decimal.Decimal{period.Years{}.Of(ms[0]): annual}
	}
	return p
}

// ExplicitYears is a profile with a target per month over several years,
// each year building to its own annual target: a five-year contract's
// council tax collection profile, year by year. ys says when the years
// start, and so which year each month belongs to (a year from October runs
// October to September); annual gives the annual target of each year
// covered, and every month listed must fall in one of them. It is checked
// year by year when it becomes part of a definition ([New]): a cumulative
// profile never falls back within a year, never goes beyond the year's annual
// target, and ends at it if it lists the year's last month; for a percentage
// every target is within 0 to 100. Months the profile does not list have no
// target.
func ExplicitYears(ys period.Years, cumulative bool, annual map[period.Year]decimal.Decimal, byMonth map[period.Month]decimal.Decimal) Profile {
	p := Profile{kind: profileExplicit, cumulative: cumulative, years: ys, annuals: byYear(annual), byMonth: cloneMonths(byMonth)}
	p.annual = p.firstAnnual()
	return p
}

// LinearCumulative is a cumulative profile for one year that rises by the
// same amount each month to the annual target in the year's last month:
// month k of 12 is annual × k / 12, rounded to places. For more than one
// year, use [LinearCumulativeByYear] or [LinearCumulativeEveryYear].
func LinearCumulative(year period.Year, annual decimal.Decimal, places int32) Profile {
	byMonth := map[period.Month]decimal.Decimal{}
	linearShape(places).months(year, annual, byMonth)
	return Profile{kind: profileExplicit, cumulative: true, annual: annual, years: year.Years(),
		annuals: map[period.Year]decimal.Decimal{year: annual}, byMonth: byMonth}
}

// LinearCumulativeByYear is the linear cumulative shape of
// [LinearCumulative] applied to each year of ys that annual gives a target
// for: month k of 12 of a year is that year's annual target × k / 12, rounded
// to places. It covers the years annual lists and no others.
func LinearCumulativeByYear(ys period.Years, annual map[period.Year]decimal.Decimal, places int32) Profile {
	p := Profile{kind: profileShaped, cumulative: true, years: ys, annuals: byYear(annual), shape: linearShape(places)}
	p.annual = p.firstAnnual()
	return p
}

// LinearCumulativeEveryYear is the linear cumulative shape of
// [LinearCumulative] applied to the same annual target every year of ys:
// month k of 12 of any year is annual × k / 12, rounded to places. It covers
// every year; for the definition's written target every year, pass its
// value.
func LinearCumulativeEveryYear(ys period.Years, annual decimal.Decimal, places int32) Profile {
	return Profile{kind: profileShaped, cumulative: true, years: ys, annual: annual, shape: linearShape(places)}
}

// Weighted is a profile for one year shaped by a pattern of twelve weights
// (last year's monthly figures, say), first month of the year first.
// Cumulative, month k is annual × (w1 + ... + wk) / (w1 + ... + w12); per
// period, it is annual × wk / (w1 + ... + w12), so the months add up to the
// annual figure. Targets are rounded to places. A negative weight, or weights
// that add up to zero, are an error. For more than one year, use
// [WeightedByYear] or [WeightedEveryYear].
func Weighted(year period.Year, annual decimal.Decimal, weights [12]decimal.Decimal, cumulative bool, places int32) (Profile, error) {
	s, err := newShape(weights, cumulative, places)
	if err != nil {
		return Profile{}, err
	}
	byMonth := map[period.Month]decimal.Decimal{}
	s.months(year, annual, byMonth)
	return Profile{kind: profileExplicit, cumulative: cumulative, annual: annual, years: year.Years(),
		annuals: map[period.Year]decimal.Decimal{year: annual}, byMonth: byMonth}, nil
}

// WeightedByYear is the weighted shape of [Weighted] applied to each year of
// ys that annual gives a target for, the first weight for the first month of
// each year. It covers the years annual lists and no others.
func WeightedByYear(ys period.Years, annual map[period.Year]decimal.Decimal, weights [12]decimal.Decimal, cumulative bool, places int32) (Profile, error) {
	s, err := newShape(weights, cumulative, places)
	if err != nil {
		return Profile{}, err
	}
	p := Profile{kind: profileShaped, cumulative: cumulative, years: ys, annuals: byYear(annual), shape: s}
	p.annual = p.firstAnnual()
	return p, nil
}

// WeightedEveryYear is the weighted shape of [Weighted] applied to the same
// annual target every year of ys, the first weight for the first month of
// each year. It covers every year; for the definition's written target every
// year, pass its value.
func WeightedEveryYear(ys period.Years, annual decimal.Decimal, weights [12]decimal.Decimal, cumulative bool, places int32) (Profile, error) {
	s, err := newShape(weights, cumulative, places)
	if err != nil {
		return Profile{}, err
	}
	return Profile{kind: profileShaped, cumulative: cumulative, years: ys, annual: annual, shape: s}, nil
}

// IsZero reports whether p has no target at all.
func (p Profile) IsZero() bool { return p.kind == profileNone }

// profiled reports whether p's targets vary from month to month.
func (p Profile) profiled() bool { return p.kind == profileExplicit || p.kind == profileShaped }

// Cumulative reports whether p's targets are cumulative to date.
func (p Profile) Cumulative() bool { return p.cumulative }

// Annual returns the annual target: the flat target, the one annual target
// of a profile for one year or for every year, or, for a profile with a
// target for each of several years, the first year's ([Profile.AnnualOf]
// gives each year's).
func (p Profile) Annual() decimal.Decimal { return p.annual }

// AnnualOf returns the annual target of year y, and false if p does not
// cover y: for a flat profile, its target; for a shape on the same annual
// target every year, that target; otherwise the target p gives y, which must
// be one of p's [Profile.Years].
func (p Profile) AnnualOf(y period.Year) (decimal.Decimal, bool) {
	switch {
	case p.kind == profileFlat, p.kind == profileShaped && p.annuals == nil:
		return p.annual, true
	case p.profiled():
		v, ok := p.annuals[y]
		return v, ok
	}
	return decimal.Decimal{}, false
}

// YearStart returns the month p's years start in: April, the UK financial
// year, unless p was built for years that start in another month.
func (p Profile) YearStart() time.Month { return p.years.Start() }

// Years returns, in order, the years p covers: each year it gives an annual
// target for. It is nil for a profile that covers every year (see
// [Profile.EveryYear]).
func (p Profile) Years() []period.Year {
	if p.EveryYear() {
		return nil
	}
	ys := make([]period.Year, 0, len(p.annuals))
	ys = slices.AppendSeq(ys, maps.Keys(p.annuals))
	slices.SortFunc(ys, func(a, b period.Year) int { return a.First().Compare(b.First()) })
	return ys
}

// EveryYear reports whether p applies in every year, having no years of its
// own: the zero Profile and a flat one (which leave one target in force
// every year), and a shape on the same annual target every year
// ([LinearCumulativeEveryYear], [WeightedEveryYear]).
func (p Profile) EveryYear() bool { return p.kind != profileExplicit && p.annuals == nil }

// Covers reports whether p has targets in year y: whether every month of y
// falls in a year p covers. A profile that applies every year
// ([Profile.EveryYear]) covers every year; y may count its years from
// another month than p does, in which case both of p's years that y overlaps
// must be covered.
func (p Profile) Covers(y period.Year) bool {
	if y.IsZero() {
		return false
	}
	if p.EveryYear() {
		return true
	}
	_, first := p.annuals[p.years.Of(y.First())]
	_, last := p.annuals[p.years.Of(y.Last())]
	return first && last
}

// uncovered returns the first of p's years that the months of period q
// reach into and p does not cover, and false if there is none.
func (p Profile) uncovered(q period.Period) (period.Year, bool) {
	if p.EveryYear() || q.NumMonths() == 0 {
		return period.Year{}, false
	}
	last := q.LastMonth()
	for y := p.years.Of(q.FirstMonth()); !last.Before(y.First()); y = y.Next() {
		if _, ok := p.annuals[y]; !ok {
			return y, true
		}
	}
	return period.Year{}, false
}

// Linear reports whether p is the linear cumulative shape applied to each
// year's annual target ([LinearCumulativeByYear], [LinearCumulativeEveryYear]).
// A one-year [LinearCumulative] profile keeps its months' targets as
// [Explicit] does, and is not.
func (p Profile) Linear() bool { return p.kind == profileShaped && p.shape.linear }

// Weights returns the twelve weights of a weighted shape applied to each
// year's annual target ([WeightedByYear], [WeightedEveryYear]), first month
// of the year first, or nil for any other profile. A one-year [Weighted]
// profile keeps its months' targets as [Explicit] does.
func (p Profile) Weights() []decimal.Decimal {
	if p.kind != profileShaped || p.shape.linear {
		return nil
	}
	return slices.Clone(p.shape.weights[:])
}

// Places returns the decimal places the targets of a shape applied to each
// year are rounded to, or 0 for any other profile.
func (p Profile) Places() int32 {
	if p.kind != profileShaped {
		return 0
	}
	return p.shape.places
}

// Months returns, in order, the months p gives a target for: those listed,
// or, for a shape by year, every month of its years. It is nil for a flat
// profile and for a shape applied every year, whose months never end.
func (p Profile) Months() []period.Month {
	if p.kind == profileShaped {
		if p.annuals == nil {
			return nil
		}
		var ms []period.Month
		for _, y := range p.Years() {
			ms = slices.AppendSeq(ms, y.Months())
		}
		return ms
	}
	return p.listed()
}

// listed returns the months an explicit profile lists, in order.
func (p Profile) listed() []period.Month {
	if len(p.byMonth) == 0 {
		return nil
	}
	ms := slices.Collect(maps.Keys(p.byMonth))
	slices.SortFunc(ms, period.Month.Compare)
	return ms
}

// Target returns the target for month m, and false if p has none for it: a
// month an explicit profile does not list, or a month of a year a shape
// gives no annual target for.
func (p Profile) Target(m period.Month) (decimal.Decimal, bool) {
	switch p.kind {
	case profileFlat:
		return p.annual, true
	case profileExplicit:
		v, ok := p.byMonth[m]
		return v, ok
	case profileShaped:
		y := p.years.Of(m)
		annual, ok := p.AnnualOf(y)
		if !ok {
			return decimal.Decimal{}, false
		}
		return p.shape.target(annual, m.Sub(y.First())), true
	}
	return decimal.Decimal{}, false
}

// Equal reports whether p and o are the same profile. Profiles built
// differently that give the same months the same targets, with the same
// annual targets, are equal: [LinearCumulative] and the [Explicit] profile
// of its months, say. A shape is equal only to the same shape.
func (p Profile) Equal(o Profile) bool {
	if p.kind != o.kind || p.cumulative != o.cumulative || !p.annual.Equal(o.annual) || p.EveryYear() != o.EveryYear() ||
		!equalMaps(p.byMonth, o.byMonth) || !equalMaps(p.annuals, o.annuals) {
		return false
	}
	if p.kind == profileShaped {
		return p.years == o.years && p.shape.equal(o.shape)
	}
	return true
}

func equalMaps[K comparable](a, b map[K]decimal.Decimal) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !v.Equal(w) {
			return false
		}
	}
	return true
}

// clone returns p with maps of its own.
func (p Profile) clone() Profile {
	p.byMonth = cloneMonths(p.byMonth)
	p.annuals = cloneYears(p.annuals)
	return p
}

// firstAnnual returns the annual target of p's first year, or zero.
func (p Profile) firstAnnual() decimal.Decimal {
	if ys := p.Years(); len(ys) > 0 {
		return p.annuals[ys[0]]
	}
	return decimal.Decimal{}
}

// targets returns every target p can set, in order: each month's and each
// year's annual target. For a shape applied every year, one year's months
// stand for all.
func (p Profile) targets() []decimal.Decimal {
	var out []decimal.Decimal
	switch p.kind {
	case profileExplicit:
		for _, m := range p.listed() {
			out = append(out, p.byMonth[m])
		}
		for _, y := range p.Years() {
			out = append(out, p.annuals[y])
		}
	case profileShaped:
		annuals := []decimal.Decimal{p.annual}
		if p.annuals != nil {
			annuals = annuals[:0]
			for _, y := range p.Years() {
				annuals = append(annuals, p.annuals[y])
			}
		}
		for _, a := range annuals {
			for k := range 12 {
				out = append(out, p.shape.target(a, k))
			}
			out = append(out, a)
		}
	}
	return out
}

// yearPath is the path of year y's annual target in a validation error.
func yearPath(y period.Year) string { return fmt.Sprintf("profile.annual[%s]", y) }

// validate checks a profile for a measure of polarity pol.
func (p Profile) validate(pol Polarity, unit Unit, pr *problems.List) {
	switch p.kind {
	case profileExplicit:
		p.validateExplicit(pol, unit, pr)
	case profileShaped:
		p.validateShaped(unit, pr)
	}
}

// validateAnnuals checks that each year's annual target is a year of p's
// years and, for a percentage, within 0 to 100.
func (p Profile) validateAnnuals(unit Unit, pr *problems.List) {
	for _, y := range p.Years() {
		if y.First().Month() != p.years.Start() {
			pr.Add(yearPath(y), "%s does not start in %s, as the profile's years do", y, p.years.Start())
		}
		if unit == Percent && outsidePercent(p.annuals[y]) {
			pr.Add(yearPath(y), "%s%% is outside 0 to 100", p.annuals[y])
		}
	}
}

func outsidePercent(v decimal.Decimal) bool { return v.IsNegative() || v.GreaterThan(hundred) }

func (p Profile) validateExplicit(pol Polarity, unit Unit, pr *problems.List) {
	ms := p.listed()
	if len(ms) == 0 {
		pr.Add("profile", "an explicit profile needs at least one month")
		return
	}
	p.validateAnnuals(unit, pr)
	several := len(p.annuals) > 1
	// The months of each year, in order.
	byYear := map[period.Year][]period.Month{}
	for _, m := range ms {
		y := p.years.Of(m)
		if _, ok := p.annuals[y]; !ok {
			if len(p.annuals) == 1 {
				only := p.Years()[0]
				pr.Add(fmt.Sprintf("profile[%s]", m), "%s is not in the year %s: this profile covers one year", m, only)
			} else {
				pr.Add(fmt.Sprintf("profile[%s]", m), "%s is in %s, a year the profile has no annual target for", m, y)
			}
			continue
		}
		byYear[y] = append(byYear[y], m)
		if unit == Percent && outsidePercent(p.byMonth[m]) {
			pr.Add(fmt.Sprintf("profile[%s]", m), "%s%% is outside 0 to 100", p.byMonth[m])
		}
	}
	for _, y := range p.Years() {
		yms := byYear[y]
		if len(yms) == 0 {
			pr.Add(yearPath(y), "the profile lists no month of %s", y)
			continue
		}
		if !p.cumulative {
			continue
		}
		annual := p.annuals[y]
		of := ""
		if several {
			of = " of " + y.String()
		}
		for i := 1; i < len(yms); i++ {
			prev, cur := p.byMonth[yms[i-1]], p.byMonth[yms[i]]
			if pol.Better(prev, cur) > 0 {
				pr.Add(fmt.Sprintf("profile[%s]", yms[i]), "a cumulative profile cannot fall back: %s after %s in %s", cur, prev, yms[i-1])
			}
		}
		last := yms[len(yms)-1]
		if last.Equal(y.Last()) && !p.byMonth[last].Equal(annual) {
			pr.Add(fmt.Sprintf("profile[%s]", last), "a cumulative profile must end at the annual target %s%s, not %s", annual, of, p.byMonth[last])
		}
		for _, m := range yms {
			if pol.Better(p.byMonth[m], annual) > 0 {
				pr.Add(fmt.Sprintf("profile[%s]", m), "%s is beyond the annual target %s%s that the profile builds to", p.byMonth[m], annual, of)
			}
		}
	}
}

// validateShaped checks a shape's annual targets, and that a cumulative
// shape, rounded, still ends at each annual target.
func (p Profile) validateShaped(unit Unit, pr *problems.List) {
	if p.annuals == nil {
		if unit == Percent && outsidePercent(p.annual) {
			pr.Add("profile.annual", "%s%% is outside 0 to 100", p.annual)
		}
		if end := p.shape.target(p.annual, 11); p.cumulative && !end.Equal(p.annual) {
			pr.Add("profile.places", "rounded to %d places the profile ends each year at %s, not at the annual target %s", p.shape.places, end, p.annual)
		}
		return
	}
	if len(p.annuals) == 0 {
		pr.Add("profile.annual", "a profile by year needs the annual target of at least one year")
		return
	}
	p.validateAnnuals(unit, pr)
	for _, y := range p.Years() {
		a := p.annuals[y]
		if end := p.shape.target(a, 11); p.cumulative && !end.Equal(a) {
			pr.Add(yearPath(y), "rounded to %d places the profile ends %s at %s, not at its annual target %s", p.shape.places, y, end, a)
		}
	}
}

func cloneMonths(m map[period.Month]decimal.Decimal) map[period.Month]decimal.Decimal {
	if m == nil {
		return nil
	}
	return maps.Clone(m)
}

// byYear copies a table of annual targets, empty rather than nil: a profile
// by year with no years covers none, not every one.
func byYear(m map[period.Year]decimal.Decimal) map[period.Year]decimal.Decimal {
	out := make(map[period.Year]decimal.Decimal, len(m))
	maps.Copy(out, m)
	return out
}

func cloneYears(m map[period.Year]decimal.Decimal) map[period.Year]decimal.Decimal {
	if m == nil {
		return nil
	}
	return maps.Clone(m)
}
