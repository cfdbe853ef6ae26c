package regime

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// Scorecard returns the scorecard for period p, a view of the ledger.
//
// For a month it is the rows of the measurement periods that ended in it,
// with their money, and the interim figures reported in it.
//
// For a longer period (a quarter, a half, a year, a year to date, any run of
// months) it rates each KPI and sums its money:
//
//   - a KPI measured over exactly p shows its own result for p;
//   - a KPI measured more often shows the aggregate of its measurement
//     periods' figures by its measure's rule (the ratio of sums with counts,
//     the latest for a cumulative figure); where percentages come without
//     their counts, the range they bound is rated if it lies in one band and
//     is not measurable otherwise ([kpi.AggregateBounded]); a sum of figures
//     (failures, complaints) over more than one period is not rated against
//     levels written for one period: the row gives the total and how many
//     periods were in each status (Tally);
//   - a KPI with no measurement period ending in p is not due;
//   - points, credits and events are the sums of what accrued in p's
//     months, never scored again, and the notes name the periods that
//     were deemed, relieved, excluded, refused or interim, and where money
//     came from.
//
// A view may span a change of regime: each row names the versions that
// rated it, and a KPI is rated against the definition in force last. A year
// to date that runs past the ledger's last month is cut short at it. p must
// lie within the ledger's months.
func (l *Ledger) Scorecard(p period.Period) (*Scorecard, error) {
	if len(l.months) == 0 {
		return nil, fmt.Errorf("regime: no observations to score")
	}
	last := l.first.AddMonths(len(l.months) - 1)
	if p.Kind() == period.KindYearToDate && p.LastMonth().After(last) {
		if y, ok := p.Year(); ok && y.Contains(last) && !last.Before(p.FirstMonth()) {
			p, _ = y.ToDate(last)
		}
	}
	if p.IsZero() || p.NumMonths() == 0 {
		return nil, fmt.Errorf("regime: a scorecard is for whole months, not %s", p)
	}
	i, j := p.FirstMonth().Sub(l.first), p.LastMonth().Sub(l.first)
	if i < 0 || j >= len(l.months) {
		return nil, fmt.Errorf("regime: %s is outside the months scored, %s", p, l.Months())
	}
	span := l.months[i : j+1]
	sc := &Scorecard{Period: p}
	for k := len(span) - 1; k >= 0; k-- {
		if r := span[k].regime; r != nil {
			sc.Regime, sc.Version = r.spec.Name, r.spec.Version
			break
		}
	}
	if sc.Regime == "" {
		return nil, fmt.Errorf("regime: no regime is in force in %s", p)
	}
	before, credits := decimal.Zero, decimal.Zero
	for k := range span {
		mo := &span[k]
		if mo.regime != nil && !slices.Contains(sc.Versions, mo.regime.spec.Version) {
			sc.Versions = append(sc.Versions, mo.regime.spec.Version)
		}
		if !mo.before.IsZero() {
			before, credits = before.Add(mo.before), credits.Add(mo.credits)
		}
		sc.Events = append(sc.Events, mo.events...)
	}
	if p.Kind() == period.KindMonth {
		sc.Rows = slices.Clone(span[0].rows)
	} else {
		sc.Rows = l.viewRows(p, span)
	}
	sc.Summary = summarise(sc.Rows)
	sc.Summary.CreditsBeforeCaps, sc.Summary.Credits = before, credits
	sc.Summary.CappedBy = before.Sub(credits)
	return sc, nil
}

// viewRows rates each KPI in force in span over p.
func (l *Ledger) viewRows(p period.Period, span []monthEntry) []Row {
	// The KPIs in the order of the regime in force last, then those only
	// earlier regimes had.
	type kpiOf struct {
		def kpi.Definition
		r   *Regime
	}
	var order []int
	defs := map[int]kpiOf{}
	for k := len(span) - 1; k >= 0; k-- {
		r := span[k].regime
		if r == nil || (k < len(span)-1 && span[k+1].regime == r) {
			continue
		}
		for _, d := range r.spec.Indicators {
			t := slices.Index(l.tracks, d.Ref())
			if _, seen := defs[t]; !seen {
				defs[t] = kpiOf{d, r}
				order = append(order, t)
			}
		}
	}
	rows := make([]Row, 0, len(order))
	for _, t := range order {
		rows = append(rows, l.viewRow(p, span, t, defs[t].def, defs[t].r))
	}
	return rows
}

// viewRow rates track t over p.
func (l *Ledger) viewRow(p period.Period, span []monthEntry, t int, d kpi.Definition, r *Regime) Row {
	row := baseRow(r, d, p)
	row.Versions = nil
	var meas []*Row
	var entries []kpi.Entry
	var interim, deemed, relieved, excluded, refused, money []string
	for k := range span {
		mo := &span[k]
		for i := range mo.rows {
			if int(mo.track[i]) != t {
				continue
			}
			mr := &mo.rows[i]
			label := mr.Period.Label(period.Short)
			if mr.Interim {
				interim = append(interim, label)
				continue
			}
			if mr.Status == kpi.NotDue {
				continue
			}
			for _, v := range mr.Versions {
				if !slices.Contains(row.Versions, v) {
					row.Versions = append(row.Versions, v)
				}
			}
			meas = append(meas, mr)
			if mr.Status != kpi.Excluded {
				entries = append(entries, kpi.Entry{Period: mr.Period, Obs: mo.rated[i]})
			}
			switch {
			case mr.Status == kpi.Excluded:
				excluded = append(excluded, label)
			case mr.Deemed:
				deemed = append(deemed, label)
			}
			if mr.Relieved {
				relieved = append(relieved, fmt.Sprintf("%s (%s)", label, strings.ReplaceAll(mr.Relief.Kind.String(), "_", " ")))
			}
			if mr.ClaimRefused {
				refused = append(refused, fmt.Sprintf("%s (%s)", label, strings.ReplaceAll(mr.Claim.String(), "_", " ")))
			}
			if !mr.Points.IsZero() || !mr.Credit.IsZero() {
				row.Points = row.Points.Add(mr.Points)
				row.Credit = row.Credit.Add(mr.Credit)
				money = append(money, fmt.Sprintf("%s %s, %s, %s", label, mr.Status, pointsText(mr.Points), pounds(mr.Credit)))
			}
		}
	}
	if row.Versions == nil {
		row.Versions = r.versions
	}
	if len(meas) > 1 || (len(meas) == 1 && !samePeriod(meas[0].Period, p)) {
		row.Tally = map[kpi.Status]int{}
		for _, mr := range meas {
			row.Tally[mr.Status]++
		}
	}
	var res kpi.Result
	var err error
	switch {
	case len(meas) == 1 && samePeriod(meas[0].Period, p):
		own := *meas[0]
		own.Notes = slices.Clone(own.Notes)
		own.Versions = row.Versions
		return own
	case len(meas) == 0:
		res, err = kpi.Evaluate(d, p, kpi.Missing(kpi.NotDue, ""))
	case len(entries) == 0:
		res, err = kpi.Evaluate(d, p, kpi.Missing(kpi.Excluded, "excluded for the whole period"))
	case d.Measure().Aggregation == kpi.Sum && len(meas) > 1:
		total, aerr := kpi.Aggregate(d.Measure(), entries, nil)
		why := fmt.Sprintf("not rated: %s's levels are for one %s, not for %s", d.Ref(), unitOf(d), p.Label(period.Short))
		if v, ok := total.Value(); ok && aerr == nil {
			why = fmt.Sprintf("%s in all over %s, not rated against levels for one %s", writtenIn(d, v), p.Label(period.Short), unitOf(d))
		}
		res, err = kpi.Evaluate(d, p, kpi.Missing(kpi.NotMeasurable, why))
		row.Notes = append(row.Notes, why)
	default:
		agg, aerr := kpi.AggregateBounded(d.Measure(), entries, nil)
		if aerr != nil {
			why := strings.TrimPrefix(aerr.Error(), "kpi: ")
			agg = kpi.Missing(kpi.NotMeasurable, why)
		}
		res, err = kpi.Evaluate(d, p, agg)
	}
	if err != nil {
		// The aggregate cannot be rated against this definition (a
		// profiled target with none for the period): say so in the row.
		res, _ = kpi.Evaluate(d, p, kpi.Missing(kpi.NotMeasurable, strings.TrimPrefix(err.Error(), "kpi: ")))
	}
	row.Result, row.Status = res, res.Status()
	row.Label = r.Label(row.Status)
	row.Failing = r.failing(row.Status)
	if len(row.Tally) > 0 && len(meas) > 1 {
		row.Notes = append(row.Notes, tallyNote(r, row.Tally, len(meas), d))
	}
	if len(excluded) > 0 && len(entries) > 0 {
		row.Notes = append(row.Notes, "performance outside the excluded "+periodsWord(d, len(excluded))+" ("+strings.Join(excluded, ", ")+")")
	}
	for _, n := range []struct {
		what  string
		which []string
	}{{"deemed", deemed}, {"relieved", relieved}, {"claims refused", refused}, {"interim figures, not charged", interim}} {
		if len(n.which) > 0 {
			row.Notes = append(row.Notes, n.what+": "+strings.Join(n.which, ", "))
		}
	}
	if len(money) > 0 {
		row.Notes = append(row.Notes, "accrued: "+strings.Join(money, "; "))
	}
	if len(row.Versions) > 1 {
		row.Notes = append(row.Notes, fmt.Sprintf("rated against version %s's definition", r.spec.Version))
	}
	return row
}

// tallyNote says how many measurement periods were in each status: "3 of
// 9 months failed, 1 missed, 5 met".
func tallyNote(r *Regime, tally map[kpi.Status]int, n int, d kpi.Definition) string {
	var parts []string
	for st := kpi.Failed; st >= kpi.Exceeded; st-- {
		if c := tally[st]; c > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c, strings.ToLower(r.Label(st))))
		}
	}
	for st := kpi.NotDue; st <= kpi.Excluded; st++ {
		if c := tally[st]; c > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c, strings.ToLower(r.Label(st))))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	parts[0] = strings.Replace(parts[0], " ", fmt.Sprintf(" of %d %s ", n, periodsWord(d, n)), 1)
	return strings.Join(parts, ", ")
}

// periodsWord names n of d's measurement periods: "months", "quarters".
func periodsWord(d kpi.Definition, n int) string {
	w := unitOf(d)
	if n != 1 {
		w += "s"
	}
	return w
}

// unitOf names one of d's measurement periods: month, quarter, half-year.
func unitOf(d kpi.Definition) string {
	f := d.Frequency()
	switch {
	case f.IsFourWeekly():
		return "four-weekly period"
	case f.Months() == 1:
		return "month"
	case f.Months() == 3:
		return "quarter"
	case f.Months() == 6:
		return "half-year"
	case f.Months() == 12:
		return "year"
	}
	return fmt.Sprintf("%d-month period", f.Months())
}

// writtenIn writes v in d's unit: "6 failures".
func writtenIn(d kpi.Definition, v decimal.Decimal) string {
	u := d.Measure().Unit
	switch u {
	case kpi.Number, kpi.Count, kpi.Rating:
		return kpi.Written{Value: v}.String()
	}
	return kpi.Written{Value: v, Unit: u}.String()
}

// pointsText writes "1 point", "2.5 points".
func pointsText(v decimal.Decimal) string {
	if v.Equal(one) {
		return "1 point"
	}
	return v.String() + " points"
}

// pounds writes money as a report does: £2,000.00.
func pounds(v decimal.Decimal) string {
	s := v.Abs().StringFixed(2)
	whole, pence, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	sign := ""
	if v.IsNegative() {
		sign = "-"
	}
	return sign + "£" + b.String() + "." + pence
}

// samePeriod reports whether a and b cover the same days.
func samePeriod(a, b period.Period) bool { return a.Start() == b.Start() && a.End() == b.End() }
