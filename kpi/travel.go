package kpi

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// Earlier names an earlier period a figure is compared with, for a band
// that depends on the direction of travel ([Band].OrBetterThan): amber
// where a figure is more than 10% off target but better than the same
// period last year.
type Earlier uint8

// The earlier periods. The zero Earlier is none.
const (
	NoEarlier          Earlier = iota
	PreviousPeriod             // the KPI's previous measurement period
	SamePeriodLastYear         // the same period a year before
)

var earlierNames = [...]string{"", "previous_period", "same_period_last_year"}

// String returns previous_period or same_period_last_year, or "" for
// NoEarlier.
func (e Earlier) String() string {
	if int(e) < len(earlierNames) {
		return earlierNames[e]
	}
	return fmt.Sprintf("Earlier(%d)", int(e))
}

// ParseEarlier reads previous_period or same_period_last_year (spaces or
// hyphens for underscores; "previous period", "last year" and "year
// before" too).
func ParseEarlier(s string) (Earlier, error) {
	norm := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch norm {
	case "previous_period", "previous", "last_period":
		return PreviousPeriod, nil
	case "same_period_last_year", "last_year", "year_before", "same_period_a_year_before":
		return SamePeriodLastYear, nil
	}
	return 0, &period.ParseError{Package: "kpi", What: "earlier period", Input: s, Expected: "previous_period or same_period_last_year"}
}

// MarshalText implements [encoding.TextMarshaler].
func (e Earlier) MarshalText() ([]byte, error) {
	return marshalName(e, e.String(), int(e) >= len(earlierNames))
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseEarlier].
func (e *Earlier) UnmarshalText(b []byte) error { return unmarshalName(b, e, ParseEarlier) }

// Compared holds the results of the earlier periods a figure is compared
// with, for a KPI whose bands depend on its direction of travel
// ([Definition.ComparesEarlier]): the KPI's previous measurement period and
// the same period a year before. A zero Result, or one with no figure, is
// not known.
type Compared struct {
	Previous, LastYear Result
}

// compared is what a result keeps of the figures it was compared with.
type compared struct {
	prev, year         decimal.Decimal
	prevOK, yearOK     bool
	prevAt, yearAt     period.Period
	prevText, yearText string // the figures as a report writes them
}

func (c Compared) keep() *compared {
	out := &compared{}
	if v, ok := c.Previous.Actual(); ok && c.Previous.flags&ranged == 0 {
		out.prev, out.prevOK, out.prevAt, out.prevText = v, true, c.Previous.period, c.Previous.shownActual()
	}
	if v, ok := c.LastYear.Actual(); ok && c.LastYear.flags&ranged == 0 {
		out.year, out.yearOK, out.yearAt, out.yearText = v, true, c.LastYear.period, c.LastYear.shownActual()
	}
	return out
}

// better reports whether v is strictly better than the earlier figure e
// names, and whether that figure is known.
func (c *compared) better(e Earlier, pol Polarity, v decimal.Decimal) (better, known bool) {
	if c == nil {
		return false, false
	}
	var w decimal.Decimal
	switch e {
	case PreviousPeriod:
		w, known = c.prev, c.prevOK
	case SamePeriodLastYear:
		w, known = c.year, c.yearOK
	}
	if !known {
		return false, false
	}
	return pol.Better(v, w) > 0, true
}

// describe names the earlier figure e names for a reason: "68% in
// May-15", or, where it is not known, "no figure for May-15"; p is the
// period rated.
func (c *compared) describe(e Earlier, p period.Period) (string, bool) {
	if c != nil {
		switch {
		case e == PreviousPeriod && c.prevOK:
			return c.prevText + " in " + c.prevAt.Label(period.Short), true
		case e == SamePeriodLastYear && c.yearOK:
			return c.yearText + " in " + c.yearAt.Label(period.Short), true
		}
	}
	switch {
	case e == SamePeriodLastYear && p.Kind() == period.KindMonth:
		return "no figure for " + p.FirstMonth().AddMonths(-12).Label(period.Short), false
	case e == SamePeriodLastYear:
		return "no figure for the same period a year before", false
	case p.Kind() == period.KindMonth:
		return "no figure for " + p.FirstMonth().AddMonths(-1).Label(period.Short), false
	}
	return "no figure for the previous period", false
}

// ComparesEarlier reports whether a band of the KPI depends on the
// direction of travel, so that rating a figure needs the earlier figures
// ([EvaluateCompared]).
func (d Definition) ComparesEarlier() bool { return d.data().compares != 0 }

// Compares returns the earlier periods the KPI's bands compare with.
func (d Definition) Compares() []Earlier {
	var out []Earlier
	for _, e := range []Earlier{PreviousPeriod, SamePeriodLastYear} {
		if d.data().compares&(1<<e) != 0 {
			out = append(out, e)
		}
	}
	return out
}

// EvaluateCompared rates obs as [Evaluate] does, comparing the figure with
// the earlier periods' results c where a band depends on the direction of
// travel. A figure that reaches no band's level but is better than the
// earlier figure a band names falls in that band; where that figure is not
// known and would decide, the status is not measurable ("no figure for
// May-15 to compare with"), unless the status reported is one the figure
// could have, which is taken and marked ([Result.Unverifiable]).
func EvaluateCompared(d Definition, p period.Period, obs Observation, c Compared) (Result, error) {
	if d.p == nil || d.p.compares == 0 {
		return Evaluate(d, p, obs)
	}
	return evaluate(d, p, obs, c.keep())
}
