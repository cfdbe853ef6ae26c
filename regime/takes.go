package regime

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// OnTrackPhrases are the words in a return's note that claim a cumulative
// KPI is on track for its annual target, matched without regard to case:
// "On track to meet annual target of 30%" claims it. Where the library's
// own projection ([Row.Forecast]) says the figure is not on track, the row
// is flagged (Row.NoteDisagrees) and counted in Summary.Disagreements.
var OnTrackPhrases = []string{"on track", "on target to meet"}

// ClaimsOnTrack reports whether a note from the return claims the KPI is
// on track: whether it holds one of [OnTrackPhrases], in any case. A note
// that denies it ("not on track") claims nothing.
func ClaimsOnTrack(note string) bool {
	low := strings.ToLower(note)
	if strings.Contains(low, "not on track") || strings.Contains(low, "off track") {
		return false
	}
	for _, p := range OnTrackPhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// Forecast returns the library's own projection of the row's figure to the
// end of its year, for a KPI with a cumulative profile
// ([kpi.Result.Forecast]): the projected figure, the annual target, and
// whether the figure is on track. ok is false for any other row. It is
// worked out on request.
func (r Row) Forecast() (kpi.Forecast, bool) { return r.Result.Forecast() }

// checkOnTrack flags row where the return's note claims it is on track and
// the projection says otherwise.
func checkOnTrack(row *Row, note string) {
	if !ClaimsOnTrack(note) {
		return
	}
	if f, ok := row.Result.Forecast(); ok && !f.OnTrack {
		row.NoteDisagrees = true
	}
}

// Takes is what a row needed and what is at stake ([Ledger.WhatItTakes]).
type Takes struct {
	// Needs are the figures each better band up to the target needed,
	// best first, with the whole cases for a ratio with counts
	// ([kpi.Result.WhatItTakes]); nil for a row on target or with no
	// figure, and for an interim row.
	Needs []kpi.Need
	// Year is what the months left in the year need to reach the annual
	// target, for a cumulative KPI or one measured over a year
	// ([kpi.Definition.YearNeed]); HasYear is false where that cannot be
	// said.
	Year    kpi.YearNeed
	HasYear bool
	// AtStake is the credit the KPI would earn in its next measurement
	// period, AtStakeFor, if it stayed where it is: the same result,
	// status and (after the repeat multiplier, for a failure that would be
	// a repeat) points, through the regime's credit rules, rounded to
	// pence, before caps. Charge is the charge it is taken on: the charge
	// of the month that period ends in where the ledger has it
	// (ChargeGiven), else the row's own month's, the last known.
	// HasAtStake is false for a regime without credit rules, a row that
	// is relieved, interim, excluded or part of another KPI, and in a view
	// longer than a month.
	AtStake     decimal.Decimal
	AtStakeFor  period.Period
	Charge      decimal.Decimal
	ChargeGiven bool
	HasAtStake  bool
	// Currency is the currency of AtStake and Charge: the ledger's.
	Currency Currency
}

// Equal reports whether t and o are the same; both nil are.
func (t *Takes) Equal(o *Takes) bool {
	if t == nil || o == nil {
		return t == o
	}
	return slices.EqualFunc(t.Needs, o.Needs, kpi.Need.Equal) && t.Year.Equal(o.Year) && t.HasYear == o.HasYear &&
		t.AtStake.Equal(o.AtStake) && t.AtStakeFor == o.AtStakeFor && t.Charge.Equal(o.Charge) &&
		t.ChargeGiven == o.ChargeGiven && t.HasAtStake == o.HasAtStake && t.Currency == o.Currency
}

// Empty reports whether t has nothing to show.
func (t *Takes) Empty() bool {
	return t == nil || (len(t.Needs) == 0 && !t.HasYear && !(t.HasAtStake && !t.AtStake.IsZero()))
}

// Notes says what t holds, one phrase each: "to meet: at least 90% (900 of
// 1000, 13 more)", "year: needs 2.01% a month more from Jun-16 to Mar-17 to
// reach the annual 30%", "at stake next month: £1,500.00".
func (t *Takes) Notes() []string {
	if t.Empty() {
		return nil
	}
	var out []string
	for _, n := range t.Needs {
		out = append(out, "needed for "+n.String())
	}
	if t.HasYear {
		out = append(out, "year: "+t.Year.String())
	}
	if t.HasAtStake && !t.AtStake.IsZero() {
		var b noteBuf
		writeMoney(&b, t.Currency, t.AtStake)
		s := fmt.Sprintf("at stake in %s if it stays so: %s", t.AtStakeFor.Label(period.Short), b.String())
		if !t.ChargeGiven {
			s += " (on the last known charge)"
		}
		out = append(out, s)
	}
	return out
}

// WhatItTakes works out, for each row of sc, a view of l, what it takes
// ([Takes]), and sets Row.Takes (nil where there is nothing to show). It
// is not part of scoring, so a program that does not ask pays nothing for
// it. The figures each band needed come with whole cases where the row's
// own figure was counts, in a month's scorecard; a view's rows give the
// figures alone. sc must be a scorecard of l.
func (l *Ledger) WhatItTakes(sc *Scorecard) error {
	if sc == nil || len(l.months) == 0 {
		return errors.New("regime: what it takes: no scorecard or an empty ledger")
	}
	last := sc.Period.LastMonth()
	k := last.Sub(l.first)
	if k < 0 || k >= len(l.months) || sc.Period.FirstMonth().Before(l.first) {
		return fmt.Errorf("regime: what it takes: %s is outside the ledger's months, %s", sc.Period, l.Months())
	}
	mo := &l.months[k]
	month := sc.Period.Kind() == period.KindMonth && len(sc.Rows) == len(mo.rows)
	for i := range sc.Rows {
		row := &sc.Rows[i]
		row.Takes = nil
		if row.PartOf != "" {
			continue
		}
		r := l.regimeFor(row, last)
		if r == nil {
			continue
		}
		di, ok := r.byRef[row.KPI]
		if !ok {
			continue
		}
		d := r.rated[di]
		var obs kpi.Observation
		if month && mo.rows[i].KPI == row.KPI {
			obs = l.ratedObs(&mo.meta[i])
		}
		t := &Takes{Currency: l.Currency()}
		if !row.Interim && row.Status.IsPerformance() && !row.Status.OnTarget() {
			t.Needs = row.Result.WhatItTakes(obs)
		}
		if y, ok := l.yearNeed(d, row, last); ok {
			t.Year, t.HasYear = y, true
		}
		if month {
			l.atStake(t, r, d, row, mo, k)
		}
		if !t.Empty() {
			row.Takes = t
		}
	}
	return nil
}

// regimeFor returns the regime that rated row, whose period ends in month
// last of a view: the regime named on the row where the month is shared.
func (l *Ledger) regimeFor(row *Row, last period.Month) *Regime {
	m := last
	if !row.Period.IsZero() && row.Period.NumMonths() > 0 {
		m = row.Period.LastMonth()
	}
	r, ok := l.history.At(m)
	if !ok {
		return nil
	}
	if row.Regime != "" && row.Regime != r.spec.Name {
		for _, o := range l.history.regimes {
			if o.spec.Name == row.Regime {
				if _, ok := o.byRef[row.KPI]; ok {
					return o
				}
			}
		}
	}
	return r
}

// yearNeed works out what the rest of the year needs for row's KPI d, as
// the figures stood at month m: for a cumulative profile from the row's
// figure; for a KPI measured over a year, from the aggregate of its
// monthly figures to m.
func (l *Ledger) yearNeed(d kpi.Definition, row *Row, m period.Month) (kpi.YearNeed, bool) {
	if row.Relieved || row.Status == kpi.Excluded {
		return kpi.YearNeed{}, false
	}
	var soFar kpi.Observation
	switch {
	case d.Profile().Cumulative():
		v, ok := row.Result.Actual()
		if !ok {
			return kpi.YearNeed{}, false
		}
		soFar = kpi.Figure(v)
	case d.Frequency().Months() == 12:
		t, ok := l.track(row.KPI)
		if !ok {
			return kpi.YearNeed{}, false
		}
		year := d.Frequency().PeriodOf(m)
		var entries []kpi.Entry
		for mm := year.FirstMonth(); !mm.After(m); mm = mm.AddMonths(1) {
			k := mm.Sub(l.first)
			if k < 0 || k >= len(l.months) {
				continue
			}
			e := &l.months[k]
			for j := range e.meta {
				if int(e.meta[j].track) == t && e.rows[j].Period.Kind() == period.KindMonth &&
					e.rows[j].Status != kpi.Excluded && !e.rows[j].Relieved {
					entries = append(entries, kpi.Entry{Period: mm.Period(), Obs: l.ratedObs(&e.meta[j])})
				}
			}
		}
		if len(entries) == 0 {
			return kpi.YearNeed{}, false
		}
		agg, err := kpi.Aggregate(d.Measure(), entries, nil)
		if err != nil {
			return kpi.YearNeed{}, false
		}
		soFar = agg
	default:
		return kpi.YearNeed{}, false
	}
	y, err := d.YearNeed(m, soFar)
	return y, err == nil
}

// atStake works out the credit row would earn in its next measurement
// period if it stayed where it is, in month k of the ledger, mo.
func (l *Ledger) atStake(t *Takes, r *Regime, d kpi.Definition, row *Row, mo *monthEntry, k int) {
	if len(r.spec.Credits) == 0 || row.Relieved || row.Interim || row.Status == kpi.Excluded || !r.carries(row.Tier) ||
		row.Period.IsZero() || row.Period.Kind() == period.KindDays {
		return
	}
	next := nextPeriod(d, row.Period)
	if next.IsZero() {
		return
	}
	charge, given := mo.charge, false
	if j := next.LastMonth().Sub(l.first); j >= 0 && j < len(l.months) && l.months[j].hasCharge {
		charge, given = l.months[j].charge, true
	}
	base := row.Points
	if row.Multiplier.IsPositive() && !row.Multiplier.Equal(one) {
		base = base.Div(row.Multiplier)
	}
	points := base
	if row.Failing && r.spec.Repeat.IsPositive() {
		points = base.Mul(r.spec.Repeat)
	}
	t.AtStakeFor, t.Charge, t.ChargeGiven, t.HasAtStake = next, charge, given, true
	t.AtStake = decimal.Zero
	short := row.Status.IsPerformance() && !row.Status.OnTarget()
	if !short && !points.IsPositive() {
		return
	}
	in := CreditInput{KPI: row.KPI, Period: next, Result: row.Result, Status: row.Status, Deemed: row.Deemed, Points: points, Failing: row.Failing}
	credit := decimal.Zero
	for _, c := range r.spec.Credits {
		v, err := c.Credit(in, charge)
		if err != nil {
			t.HasAtStake = false
			return
		}
		credit = credit.Add(v)
	}
	t.AtStake = r.spec.Rounding.Pence(credit)
}

// nextPeriod returns the measurement period of d after p.
func nextPeriod(d kpi.Definition, p period.Period) period.Period {
	f := d.Frequency()
	if f.IsFourWeekly() {
		return period.Period{}
	}
	return f.PeriodOf(p.LastMonth().AddMonths(1))
}
