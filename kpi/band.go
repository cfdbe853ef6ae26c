package kpi

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"
)

// A LevelKind says how a band's level is set: absolutely, or from the
// period's target so that it moves with a profile.
type LevelKind uint8

// The level kinds. The zero LevelKind is NoLevel, so the zero [Level] is
// no level at all: the last band of a ladder, written Band{Status: Missed}.
const (
	NoLevel          LevelKind = iota // no level: the last band, which every figure reaches
	Absolute                          // the level is Value itself
	AtTarget                          // the period's target, compared as the target is written
	OffsetFromTarget                  // the target plus Value (negative for below)
	PercentOfTarget                   // Value percent of the target
	// UnpublishedLevel is a level the schedule sets but the public papers
	// do not give: a ladder with one rates outcomes only ([Outcome]).
	UnpublishedLevel
)

// A Level is the threshold a figure must reach for a band to apply. For a
// higher-is-better measure a figure reaches a level at or above it; for
// lower-is-better, at or below. When Strict, a figure exactly at the level
// does not reach it. The zero Level is no level ([Level.IsZero]). Level is a
// plain value: copying one copies all of it.
type Level struct {
	Kind   LevelKind
	Value  decimal.Decimal
	Strict bool
}

// Abs is the absolute level v, inclusive.
func Abs(v decimal.Decimal) Level { return Level{Kind: Absolute, Value: v} }

// Offset is the level d from the period's target (negative d is below it),
// inclusive.
func Offset(d decimal.Decimal) Level { return Level{Kind: OffsetFromTarget, Value: d} }

// PercentOf is the level p percent of the period's target, inclusive.
func PercentOf(p decimal.Decimal) Level { return Level{Kind: PercentOfTarget, Value: p} }

// Target is the period's target itself, strict or not as the target is
// written ("< 5%" is strict; "90%" is not).
func Target() Level { return Level{Kind: AtTarget} }

// Unpublished is a level the public papers do not give ("not published"),
// such as a minimum service level known only from the outcomes reported
// against it. A definition with one rates outcomes only.
func Unpublished() Level { return Level{Kind: UnpublishedLevel} }

// IsZero reports whether l is no level: the zero Level, the level of the
// last band of a ladder.
func (l Level) IsZero() bool { return l.Kind == NoLevel }

// Exclusive returns l made strict: a figure exactly at it does not reach it.
func (l Level) Exclusive() Level {
	l.Strict = true
	return l
}

// Equal reports whether l and o are the same level.
func (l Level) Equal(o Level) bool {
	return l.Kind == o.Kind && l.Value.Equal(o.Value) && l.Strict == o.Strict
}

// resolve returns the level's value for a period whose target is t, and
// whether it is strict (targetStrict is the target's own comparison).
func (l Level) resolve(t decimal.Decimal, targetStrict bool) (decimal.Decimal, bool) {
	switch l.Kind {
	case AtTarget:
		return t, targetStrict || l.Strict
	case OffsetFromTarget:
		return t.Add(l.Value), l.Strict
	case PercentOfTarget:
		return t.Mul(l.Value).Shift(-2), l.Strict
	}
	return l.Value, l.Strict
}

// reaches reports whether v reaches level lv under polarity p.
func reaches(p Polarity, v, lv decimal.Decimal, strict bool) bool {
	c := cmpDec(v, lv)
	if p == LowerIsBetter {
		c = -c
	}
	return c > 0 || (c == 0 && !strict)
}

// A Band is one rung of a ladder: a named interval of figures mapped to a
// status, optionally carrying service points or a score.
type Band struct {
	// Name is the band's name in the contract ("Severe", "Minor").
	// It may be empty.
	Name   string
	Status Status
	// Reach is the level a figure must reach for the band to apply; the
	// zero Level (no level) for the last band, which every figure reaches.
	Reach  Level
	Points decimal.Decimal
	Score  int
	// OrBetterThan, if set, makes the band depend on the direction of
	// travel: a figure that does not reach the band's level still falls in
	// it where it is better than the KPI's figure for the earlier period
	// named (amber: within 10% of target, or further off but better than
	// the same period last year).
	OrBetterThan Earlier
}

// Equal reports whether b and o are the same band.
func (b Band) Equal(o Band) bool {
	return b.Reach.Equal(o.Reach) && b.Name == o.Name && b.Status == o.Status && b.Points.Equal(o.Points) && b.Score == o.Score && b.OrBetterThan == o.OrBetterThan
}

// Bands is an ordered ladder, best band first: a figure falls in the first
// band whose level it reaches, and the last band takes every other figure, so
// exactly one band applies to any figure. Build one with [NewBands] or a
// scheme ([TargetOnly], [TargetTolerance], [TargetDetrimentFailure],
// [TargetAndMinimum], [VolumeOfFailures], [ScoreBands]).
type Bands struct {
	list []Band
	// problem, if not empty, is why a scheme's arguments make no ladder
	// ([ScoreBands] with a met score it does not have); [New] refuses it.
	problem string
	scheme  schemeKind // the scheme that built it, or ladder for band by band
}

// IsScheme reports whether bs was built by a scheme ([TargetOnly],
// [TargetTolerance], [TargetDetrimentFailure], [VolumeOfFailures],
// [TargetAndMinimum], [ScoreBands]), with or without [Bands.WithPoints],
// rather than band by band with [NewBands]: a contract file writes the
// one as its scheme and the other as a ladder. [Bands.Equal] compares the
// bands and their names, not how they were built: a scheme names its bands
// and levels ([Bands.LevelName]), so a ladder built band by band is Equal
// to a scheme's only where its bands carry the same names.
func (bs Bands) IsScheme() bool { return bs.scheme != ladder }

// NewBands checks and returns a ladder. Every band but the last has a
// level; the last has none; statuses are performance statuses (exceeded to
// failed) that never get better down the ladder. Whether the levels are in
// order depends on the target and polarity, and is checked by [New].
func NewBands(list ...Band) (Bands, error) {
	var p problems.List
	validateBandList(list, &p)
	if err := p.Err(ErrInvalid, newFieldError); err != nil {
		return Bands{}, err
	}
	return Bands{list: append([]Band(nil), list...)}, nil
}

// validate checks the ladder as [NewBands] does, and reports the problem a
// scheme's arguments left ([ScoreBands]).
func (bs Bands) validate(p *problems.List) {
	if bs.problem != "" {
		p.Add("bands", "%s", bs.problem)
	}
	validateBandList(bs.list, p)
}

func validateBandList(list []Band, p *problems.List) {
	if len(list) == 0 {
		p.Add("bands", "a ladder needs at least one band")
		return
	}
	if len(list) > maxBands-1 {
		// (One place is kept for the band an exceed rule adds.)
		p.Add("bands", "a ladder has at most %d bands, not %d", maxBands-1, len(list))
		return
	}
	for i, b := range list {
		path := fmt.Sprintf("bands[%d]", i)
		last := i == len(list)-1
		switch {
		case last && !b.Reach.IsZero():
			p.Add(path+".level", "the last band takes every figure below the others, so it has no level")
		case !last && b.Reach.IsZero():
			p.Add(path+".level", "every band but the last needs a level")
		}
		if !b.Status.IsPerformance() {
			p.Add(path+".status", "%s is not a status a figure can have (want exceeded, met, tolerance, missed, detriment or failed)", b.Status)
		} else if i > 0 && b.Status < list[i-1].Status {
			p.Add(path+".status", "%s is better than %s above it: bands go from best to worst", b.Status, list[i-1].Status)
		}
		if b.Points.IsNegative() {
			p.Add(path+".points", "points cannot be negative (%s)", b.Points)
		}
		switch {
		case int(b.OrBetterThan) >= len(earlierNames):
			p.Add(path+".or_better_than", "unknown earlier period %d", int(b.OrBetterThan))
		case b.OrBetterThan != NoEarlier && last:
			p.Add(path+".or_better_than", "the last band takes every figure the others do not, so it has no condition")
		}
		switch {
		case b.Score < 0:
			p.Add(path+".score", "a score cannot be negative (%d)", b.Score)
		case i > 0 && b.Score > list[i-1].Score:
			p.Add(path+".score", "a score of %d is higher than the %d above it: bands go from best to worst", b.Score, list[i-1].Score)
		}
	}
}

// Len returns the number of bands.
func (bs Bands) Len() int { return len(bs.list) }

// Band returns band i, best first.
func (bs Bands) Band(i int) Band { return bs.list[i] }

// List returns a copy of the bands, best first.
func (bs Bands) List() []Band {
	out := make([]Band, len(bs.list))
	copy(out, bs.list)
	return out
}

// Equal reports whether bs and o are the same ladder: the same bands,
// whose bands and levels have the same names ([Bands.Name],
// [Bands.LevelName]), so that they explain a figure alike.
func (bs Bands) Equal(o Bands) bool {
	if len(bs.list) != len(o.list) || bs.problem != o.problem {
		return false
	}
	for i := range bs.list {
		if !bs.list[i].Equal(o.list[i]) {
			return false
		}
	}
	return bs.namesEqual(o)
}

// String describes the ladder: "met at target; missed".
func (bs Bands) String() string {
	parts := make([]string, len(bs.list))
	for i, b := range bs.list {
		parts[i] = b.Status.String()
		if !b.Reach.IsZero() {
			parts[i] += " at " + b.Reach.describe()
		}
		if b.OrBetterThan != NoEarlier {
			parts[i] += " or better than " + strings.ReplaceAll(b.OrBetterThan.String(), "_", " ")
		}
	}
	return strings.Join(parts, "; ")
}

func (l Level) describe() string {
	s := ""
	switch l.Kind {
	case NoLevel:
		return ""
	case AtTarget:
		s = "target"
	case OffsetFromTarget:
		s = "target" + signed(l.Value)
	case PercentOfTarget:
		s = asWritten(l.Value) + "% of target"
	case UnpublishedLevel:
		s = notPublished
	default:
		s = asWritten(l.Value)
	}
	if l.Strict {
		s += " (exclusive)"
	}
	return s
}

func signed(v decimal.Decimal) string {
	if v.IsNegative() {
		return asWritten(v)
	}
	return "+" + asWritten(v)
}

// asWritten formats v with the places it was written with: 87.0, not 87.
func asWritten(v decimal.Decimal) string {
	if e := v.Exponent(); e < 0 {
		return v.StringFixed(-e)
	}
	return v.String()
}

// TargetOnly is the ladder with one line: met at the target, missed below
// it.
func TargetOnly() Bands {
	return Bands{scheme: schemeTargetOnly, list: []Band{{Status: Met, Reach: Target()}, {Status: Missed}}}
}

// TargetTolerance is met at the target, tolerance down to the tolerance
// level (inclusive), missed beyond it. Give the level absolutely
// (Abs(decimal.NewFromInt(85))), as an offset from the target
// (Offset(decimal.NewFromInt(-2))) or relatively
// (PercentOf(decimal.NewFromInt(95))).
func TargetTolerance(tolerance Level) Bands {
	return Bands{scheme: schemeTolerance, list: []Band{{Status: Met, Reach: Target()}, {Status: Tolerance, Reach: tolerance}, {Status: Missed}}}
}

// TargetDetrimentFailure is seed 000's ICT scheme: met at the target; missed
// short of it but not at the detriment level; detriment at or beyond the
// detriment level but not at the failure level; failed at or beyond the
// failure level. For 90% / 87% / 84% (higher is better): 88.89 is missed,
// 87 is detriment, 84 is failed.
func TargetDetrimentFailure(detriment, failure decimal.Decimal) Bands {
	return Bands{scheme: schemeDetrimentFailure, list: []Band{
		{Status: Met, Reach: Target()},
		{Status: Missed, Reach: Abs(detriment).Exclusive()},
		{Status: Detriment, Reach: Abs(failure).Exclusive()},
		{Status: Failed},
	}}
}

// VolumeOfFailures is the ladder for "0 failures / 1 failure / 2 failures"
// (a lower-is-better count): met at the target count or fewer, detriment at
// the detriment count, failed at the failure count or more. Counts between
// the target and the detriment count are missed.
func VolumeOfFailures(detriment, failure int64) Bands {
	return TargetDetrimentFailure(decimal.NewFromInt(detriment), decimal.NewFromInt(failure))
}

// TargetAndMinimum is the target service level and minimum service level
// scheme (seeds 002 and 003): met at the target service level; missed
// ("failed TSL") below it but at or above the minimum; failed ("failed MSL")
// below the minimum service level.
func TargetAndMinimum(minimum decimal.Decimal) Bands { return TargetAndMinimumAt(Abs(minimum)) }

// TargetAndMinimumAt is [TargetAndMinimum] with the minimum service level
// given as a level: [Unpublished] where the public papers report outcomes
// against it but not its value (seed 002's CSC_KPI_04).
func TargetAndMinimumAt(minimum Level) Bands {
	return Bands{scheme: schemeMinimum, list: []Band{
		{Status: Met, Reach: Target()},
		{Status: Missed, Reach: minimum},
		{Status: Failed},
	}}
}

// ScoreBands is a numbered score scale: thresholds[k-1] is the level (at or
// above, for higher is better) at which score k applies, for k from 1 to
// len(thresholds); a figure below thresholds[0] scores 0. Scores of met or
// more are met; lower scores are missed; score 0 is failed. With thresholds
// 20, 40, 60, 80 and 90, ScoreBands(3, thresholds...) is a 1 to 5 scale on
// which 60 or more meets the target.
// met must be one of the scores the thresholds give, 1 to len(thresholds):
// with any other (0 would make a figure below every threshold met), [New]
// refuses the ladder with an error at "bands".
func ScoreBands(met int, thresholds ...decimal.Decimal) Bands {
	list := make([]Band, 0, len(thresholds)+1)
	for k := len(thresholds); k >= 1; k-- {
		st := Missed
		if k >= met {
			st = Met
		}
		list = append(list, Band{Name: fmt.Sprintf("Score %d", k), Status: st, Reach: Abs(thresholds[k-1]), Score: k})
	}
	bs := Bands{scheme: schemeScore, list: append(list, Band{Name: "Score 0", Status: Failed})}
	if met < 1 || met > len(thresholds) {
		bs.problem = fmt.Sprintf("the score that meets the target must be 1 to %d, the scores the thresholds give, not %d", len(thresholds), met)
	}
	return bs
}

// WithPoints returns bs with the given service points on the bands of each
// status:
//
//	bs.WithPoints(map[Status]decimal.Decimal{Detriment: decimal.NewFromInt(1), Failed: decimal.NewFromInt(3)})
func (bs Bands) WithPoints(points map[Status]decimal.Decimal) Bands {
	out := bs.List()
	for i := range out {
		if pt, ok := points[out[i].Status]; ok {
			out[i].Points = pt
		}
	}
	return Bands{list: out, problem: bs.problem, scheme: bs.scheme}
}

// An ExceedRule says when a figure counts as exceeding its target.
type ExceedRule struct {
	kind    exceedKind
	stretch Level
}

type exceedKind uint8

const (
	exceedNone exceedKind = iota
	exceedStrict
	exceedStretch
)

// NoExceed is the rule with no exceeded status: the zero ExceedRule.
func NoExceed() ExceedRule { return ExceedRule{} }

// ExceedWhenBetter marks any figure strictly better than the target as
// exceeded.
func ExceedWhenBetter() ExceedRule { return ExceedRule{kind: exceedStrict} }

// ExceedAt marks figures that reach a stretch level as exceeded.
func ExceedAt(stretch Level) ExceedRule { return ExceedRule{kind: exceedStretch, stretch: stretch} }

// Equal reports whether r and o are the same rule.
func (r ExceedRule) Equal(o ExceedRule) bool { return r.kind == o.kind && r.stretch.Equal(o.stretch) }

// String describes the rule: "none", "strictly better than target", "at 98".
func (r ExceedRule) String() string {
	switch r.kind {
	case exceedStrict:
		return "strictly better than target"
	case exceedStretch:
		return "at " + r.stretch.describe()
	}
	return "none"
}

// band returns the exceeded band the rule adds, if any.
func (r ExceedRule) band() (Band, bool) {
	switch r.kind {
	case exceedStrict:
		return Band{Status: Exceeded, Reach: Offset(decimal.Zero).Exclusive()}, true
	case exceedStretch:
		return Band{Status: Exceeded, Reach: r.stretch}, true
	}
	return Band{}, false
}

// topScore returns the highest score on a ladder, or 0.
func topScore(ladder []Band) int {
	top := 0
	for _, b := range ladder {
		top = max(top, b.Score)
	}
	return top
}
