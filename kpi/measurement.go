package kpi

import (
	"fmt"

	"github.com/kpiregime/kpiregime/period"
)

// CheckPeriod reports whether a figure for p can belong to d: p is one of
// the measurement periods of d's frequency (a quarter of a quarterly KPI,
// a 28-day period of a four-weekly one, a rail period of a periodic one),
// or a month, whose figure for a KPI measured over a longer period is
// interim. A four-weekly or periodic KPI has no interim figures: a month is
// refused. The error names the period the figure should be given for.
func (d Definition) CheckPeriod(p period.Period) error {
	f := d.Frequency()
	if p.IsZero() {
		return fmt.Errorf("%s: a figure needs its month or period", d.Ref())
	}
	switch {
	case f.IsFourWeekly():
		mp := f.PeriodOf(p.LastMonth())
		for q := range f.Periods(p) {
			mp = q
		}
		if p.Kind() != period.KindDays || p.Start() != mp.Start() || p.End() != mp.End() {
			return fmt.Errorf("%s is four-weekly: give the figure for one of its 28-day periods (such as %s), not %s",
				d.Ref(), mp, p.Label(period.Short))
		}
	case f.IsPeriodic():
		// The period as the calendar labels it (P5 2023/24), or its days
		// (2023-07-22..2023-08-18).
		c := f.PeriodCalendar()
		mp, err := c.PeriodOf(p.Start())
		if err != nil {
			return fmt.Errorf("%s is measured in the periods of its calendar: %s is outside them (%w)", d.Ref(), p.Label(period.Short), err)
		}
		if (p.Kind() != period.KindRailPeriod && p.Kind() != period.KindDays) || p.End() != mp.End() || p.Start() != mp.Start() {
			return fmt.Errorf("%s is measured in periods: give the figure for one of its periods (such as %s, %s..%s), not %s",
				d.Ref(), mp, mp.Start(), mp.Last(), p.Label(period.Short))
		}
	case p.Kind() == period.KindMonth:
		return nil // a month, or a month inside a longer period: interim
	default:
		mp := f.PeriodOf(p.LastMonth())
		if p.Start() != mp.Start() || p.End() != mp.End() || !f.Due(p.LastMonth()) {
			return fmt.Errorf("%s is %s: %s is not one of its measurement periods (give %s, or a month)",
				d.Ref(), f, p.Label(period.Short), mp.Label(period.Short))
		}
	}
	return nil
}
