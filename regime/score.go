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

// An Observation is what was reported for one KPI in one month, with the
// supplier's note, if any, which the scorecard row keeps.
type Observation struct {
	KPI   string
	Month period.Month
	Obs   kpi.Observation
	Note  string
}

// Input is what a regime is scored from: the observations, in any order,
// and the charges for each month that credit rules take percentages of.
type Input struct {
	Observations []Observation
	Charges      map[period.Month]decimal.Decimal
}

// A Row is one KPI's line on a scorecard.
type Row struct {
	KPI         string
	Description string
	ServiceArea string
	Tier        kpi.Tier
	Contractual bool
	// Result is the KPI's evaluation. Status may differ from
	// Result.Status() only where the regime deems a missing figure a
	// failure (Deemed is then true).
	Result kpi.Result
	Status kpi.Status
	Deemed bool
	Label  string
	// Relief is the relief applied, if Relieved; an excluded row has the
	// exclusion here too.
	Relief   Relief
	Relieved bool
	// Points are the service points that accrue (zero when relieved), after
	// the repeat Multiplier; Credit the row's credit in pounds, rounded to
	// pence, before caps.
	Points     decimal.Decimal
	Multiplier decimal.Decimal
	Credit     decimal.Decimal
	// Failing says whether the status counts as a failure in this regime.
	Failing bool
	// Trend against the previous period and the same period a year before,
	// where both have figures.
	Trend, TrendYear       kpi.Trend
	HasTrend, HasTrendYear bool
	Notes                  []string
}

// Equal reports whether r and o are the same row.
func (r Row) Equal(o Row) bool {
	return r.KPI == o.KPI && r.Description == o.Description && r.ServiceArea == o.ServiceArea && r.Tier == o.Tier &&
		r.Contractual == o.Contractual && r.Result.Equal(o.Result) && r.Status == o.Status && r.Deemed == o.Deemed &&
		r.Label == o.Label && r.Relief == o.Relief && r.Relieved == o.Relieved && r.Points.Equal(o.Points) &&
		r.Multiplier.Equal(o.Multiplier) && r.Credit.Equal(o.Credit) && r.Failing == o.Failing && r.Trend == o.Trend &&
		r.TrendYear == o.TrendYear && r.HasTrend == o.HasTrend && r.HasTrendYear == o.HasTrendYear && slices.Equal(r.Notes, o.Notes)
}

// Summary totals a scorecard.
type Summary struct {
	// Total is the number of rows; Rated those with a performance status
	// (a figure was rated); OnTarget those exceeded or met.
	Total, Rated, OnTarget int
	ByStatus               map[kpi.Status]int
	ByServiceArea          map[string]map[kpi.Status]int
	ByTier                 map[kpi.Tier]map[kpi.Status]int
	// ShareOnTarget is OnTarget as a percentage of all rows;
	// ShareOnTargetRated of the rated rows only, leaving out those that
	// could not be reported. Both to two places; zero with no rows.
	ShareOnTarget, ShareOnTargetRated decimal.Decimal
	// Exceptions are the references of rows worse than met, and of rows
	// with no data where a figure was due, in report order.
	Exceptions []string
	// Points are the service points accrued, never capped.
	Points decimal.Decimal
	// CreditsBeforeCaps is the rows' credits added up; Credits the total
	// after the caps; CappedBy the difference.
	CreditsBeforeCaps, Credits, CappedBy decimal.Decimal
}

// A Scorecard is a regime's results for a period: a row per KPI, a summary,
// and the escalation events raised. It names the regime version that made
// it.
type Scorecard struct {
	Regime, Version string
	Period          period.Period
	Rows            []Row
	Summary         Summary
	Events          []Event
}

// Row returns the row for KPI ref.
func (s *Scorecard) Row(ref string) (Row, bool) {
	for _, r := range s.Rows {
		if r.KPI == ref {
			return r, true
		}
	}
	return Row{}, false
}

// Equal reports whether s and o are the same scorecard.
func (s *Scorecard) Equal(o *Scorecard) bool {
	if s == nil || o == nil {
		return s == o
	}
	return s.Regime == o.Regime && s.Version == o.Version && s.Period == o.Period &&
		slices.EqualFunc(s.Rows, o.Rows, Row.Equal) && s.Summary.equal(o.Summary) && slices.Equal(s.Events, o.Events)
}

func (s Summary) equal(o Summary) bool {
	eqMap := func(a, b map[kpi.Status]int) bool {
		if len(a) != len(b) {
			return false
		}
		for k, v := range a {
			if b[k] != v {
				return false
			}
		}
		return true
	}
	if len(s.ByServiceArea) != len(o.ByServiceArea) || len(s.ByTier) != len(o.ByTier) {
		return false
	}
	for k, v := range s.ByServiceArea {
		if !eqMap(v, o.ByServiceArea[k]) {
			return false
		}
	}
	for k, v := range s.ByTier {
		if !eqMap(v, o.ByTier[k]) {
			return false
		}
	}
	return s.Total == o.Total && s.Rated == o.Rated && s.OnTarget == o.OnTarget && eqMap(s.ByStatus, o.ByStatus) &&
		s.ShareOnTarget.Equal(o.ShareOnTarget) && s.ShareOnTargetRated.Equal(o.ShareOnTargetRated) &&
		slices.Equal(s.Exceptions, o.Exceptions) && s.Points.Equal(o.Points) &&
		s.CreditsBeforeCaps.Equal(o.CreditsBeforeCaps) && s.Credits.Equal(o.Credits) && s.CappedBy.Equal(o.CappedBy)
}

// A Ledger is a regime run over its input, month by month: every month's
// rows, capped credits and events, from which scorecards for any period
// within it are read.
type Ledger struct {
	regime *Regime
	first  period.Month
	months []monthly
	// obs holds the observations by month (from first) and indicator:
	// obs[month*len(indicators)+indicator]; notes the same for their notes.
	obs   []kpi.Observation
	notes []string
}

// observation returns the observation of indicator i in month m.
func (l *Ledger) observation(i int, m period.Month) kpi.Observation {
	return l.obs[m.Sub(l.first)*len(l.regime.spec.Indicators)+i]
}

type monthly struct {
	rows                    []Row
	points, before, credits decimal.Decimal
	events                  []Event
	escalationPoints        []decimal.Decimal // by indicator, as escalation sees them
	escalationTotal         decimal.Decimal   // their sum
}

// Run scores the regime over its input, from the first month with an
// observation (or the month the regime takes effect, if later) to the last
// month with one, in this fixed order for each month and KPI:
//
//  1. relief: an exclusion makes the result excluded;
//  2. banding: the observation is evaluated ([kpi.Evaluate]), and a missing
//     figure deemed a failure where the regime says so;
//  3. repeat: a failure after a failure of the same KPI in its previous
//     measurement period has its points multiplied (not compounded);
//  4. points: the band's points, or none under mitigation or
//     customer-cause relief;
//  5. credits: each credit rule, added and rounded to pence;
//  6. caps: the month's total is capped per period and over the rolling
//     window;
//  7. escalation: each rule is checked against the history.
//
// It is an error for an observation to name an unknown KPI or a month the
// regime is not in force in, for a KPI to be observed twice in a month, or
// for a month with credit rules to have no charges. The order of the input
// does not matter.
func (r *Regime) Run(in Input) (*Ledger, error) {
	var errs []error
	var first, last period.Month
	for i, o := range in.Observations {
		if _, ok := r.byRef[o.KPI]; !ok {
			errs = append(errs, fmt.Errorf("observations[%d]: no indicator %q in regime %s", i, o.KPI, r.spec.Name))
			continue
		}
		if !r.InForce(o.Month) {
			errs = append(errs, fmt.Errorf("observations[%d]: %s for %s is outside regime %s %s (from %s, until %s)",
				i, o.KPI, o.Month, r.spec.Name, r.spec.Version, r.spec.From, untilText(r.spec.Until)))
			continue
		}
		if first.IsZero() || o.Month.Before(first) {
			first = o.Month
		}
		if last.IsZero() || o.Month.After(last) {
			last = o.Month
		}
	}
	l := &Ledger{regime: r, first: first}
	if first.IsZero() {
		if err := errors.Join(errs...); err != nil {
			return nil, err
		}
		return l, nil
	}
	n, k := last.Sub(first)+1, len(r.spec.Indicators)
	l.obs = make([]kpi.Observation, n*k)
	l.notes = make([]string, n*k)
	seen := make([]bool, n*k)
	for i, o := range in.Observations {
		ref, ok := r.byRef[o.KPI]
		if !ok || !r.InForce(o.Month) {
			continue // reported above
		}
		at := o.Month.Sub(first)*k + ref
		if seen[at] {
			errs = append(errs, fmt.Errorf("observations[%d]: %s for %s is reported twice", i, o.KPI, o.Month))
			continue
		}
		seen[at] = true
		l.obs[at], l.notes[at] = o.Obs, o.Note
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	l.months = make([]monthly, 0, n)
	st := newRunState(k, n)
	for m := first; !m.After(last); m = m.AddMonths(1) {
		mo, err := r.month(m, in.Charges, st, l)
		if err != nil {
			return nil, err
		}
		l.months = append(l.months, mo)
	}
	return l, nil
}

// runState is what each KPI's history carries from month to month.
type runState struct {
	prevFail []bool   // the KPI failed in its previous measurement period
	fails    [][]bool // failure of each measurement period so far, by KPI
}

func newRunState(kpis, months int) *runState {
	st := &runState{prevFail: make([]bool, kpis), fails: make([][]bool, kpis)}
	backing := make([]bool, kpis*months)
	for i := range st.fails {
		st.fails[i] = backing[i*months : i*months : (i+1)*months]
	}
	return st
}

var one = decimal.NewFromInt(1)

func (r *Regime) month(m period.Month, charges map[period.Month]decimal.Decimal, st *runState, l *Ledger) (monthly, error) {
	mo := monthly{rows: make([]Row, len(r.spec.Indicators)), escalationPoints: make([]decimal.Decimal, len(r.spec.Indicators))}
	p := m.Period()
	charge, haveCharge := charges[m]
	totalPoints := decimal.Zero
	before := decimal.Zero
	for i, d := range r.spec.Indicators {
		ref := d.Ref()
		o := l.observation(i, m)
		row := Row{KPI: ref, Description: d.Description(), ServiceArea: d.ServiceArea(), Tier: d.Tier(),
			Contractual: d.Contractual(), Multiplier: one, Points: decimal.Zero, Credit: decimal.Zero}
		if note := l.notes[m.Sub(l.first)*len(r.spec.Indicators)+i]; note != "" {
			row.Notes = append(row.Notes, note)
		}
		rl, relieved := r.reliefFor(ref, m)
		if relieved && rl.Kind == Exclusion {
			o = kpi.Missing(kpi.Excluded, rl.Reason).WithReported(o.Reported())
		}
		res, err := kpi.Evaluate(d, p, o)
		if err != nil {
			return monthly{}, fmt.Errorf("regime %s: %w", r.spec.Name, err)
		}
		row.Result, row.Status = res, res.Status()
		points := res.Points()
		if row.Status == kpi.NoData && r.spec.Missing.DeemFailed {
			row.Status, row.Deemed = kpi.Failed, true
			if r.spec.Missing.Status != 0 {
				row.Status = r.spec.Missing.Status
			}
			points = r.spec.Missing.Points
			row.Notes = append(row.Notes, "no figure was reported: deemed "+row.Status.String())
		}
		row.Label = r.Label(row.Status)
		if relieved {
			row.Relief, row.Relieved = rl, rl.Kind != Exclusion
			row.Notes = append(row.Notes, fmt.Sprintf("%s: %s", strings.ReplaceAll(rl.Kind.String(), "_", " "), rl.Reason))
		}
		row.Failing = r.failing(row.Status)
		counts := row.Failing && (!row.Relieved || r.spec.MitigatedCount)
		due := row.Status != kpi.NotDue && row.Status != kpi.Excluded
		if row.Failing && st.prevFail[i] && r.spec.Repeat.IsPositive() {
			row.Multiplier = r.spec.Repeat
			points = points.Mul(r.spec.Repeat)
			row.Notes = append(row.Notes, fmt.Sprintf("repeat failure: points × %s", r.spec.Repeat))
		}
		mo.escalationPoints[i] = decimal.Zero
		if counts && !points.IsZero() {
			mo.escalationPoints[i] = points
			mo.escalationTotal = mo.escalationTotal.Add(points)
		}
		if due {
			st.prevFail[i] = counts
			st.fails[i] = append(st.fails[i], counts)
		} else if row.Status == kpi.Excluded {
			st.prevFail[i] = false
		}
		if !row.Relieved && row.Status != kpi.Excluded {
			row.Points = points
			short := row.Status.IsPerformance() && !row.Status.OnTarget()
			if len(r.spec.Credits) > 0 && (short || points.IsPositive()) {
				if !haveCharge {
					return monthly{}, fmt.Errorf("regime %s: no charges for %s, which its credit rules need", r.spec.Name, m)
				}
				credit := decimal.Zero
				in := CreditInput{KPI: ref, Result: res, Points: points, Failing: row.Failing}
				for _, c := range r.spec.Credits {
					v, err := c.Credit(in, charge)
					if err != nil {
						return monthly{}, fmt.Errorf("regime %s: %s for %s: %s: %w", r.spec.Name, ref, m, c, err)
					}
					credit = credit.Add(v)
				}
				row.Credit = r.spec.Rounding.Pence(credit)
			}
		}
		if !row.Points.IsZero() {
			totalPoints = totalPoints.Add(row.Points)
		}
		if !row.Credit.IsZero() {
			before = before.Add(row.Credit)
		}
		l.trend(&row, i, m, res)
		mo.rows[i] = row
	}
	mo.points, mo.before = totalPoints, before
	mo.credits = r.cap(before, charge, l)
	mo.events = r.escalate(m, mo, st, l)
	return mo, nil
}

// trend sets a row's trends against the same KPI a month and a year before.
func (l *Ledger) trend(row *Row, i int, m period.Month, res kpi.Result) {
	if k := m.Sub(l.first) - 1; k >= 0 && k < len(l.months) {
		row.Trend, row.HasTrend = kpi.TrendOf(l.months[k].rows[i].Result, res)
	}
	if k := m.Sub(l.first) - 12; k >= 0 && k < len(l.months) {
		row.TrendYear, row.HasTrendYear = kpi.TrendOf(l.months[k].rows[i].Result, res)
	}
}

// cap applies the caps to a month's credits.
func (r *Regime) cap(before, charge decimal.Decimal, l *Ledger) decimal.Decimal {
	c := before
	caps := r.spec.Caps
	if !caps.PerPeriod.IsZero() {
		c = decimal.Min(c, r.spec.Rounding.Pence(caps.PerPeriod.Of(charge)))
	}
	if !caps.Rolling.IsZero() {
		// The window's cap less what the months before it in the window
		// have already taken. A percentage cap is of this month's charges
		// times the window.
		limit := caps.Rolling.Of(charge)
		if caps.Rolling.PercentOfCharges {
			limit = limit.Mul(decimal.NewFromInt(int64(caps.window())))
		}
		taken := decimal.Zero
		for k := max(len(l.months)-(caps.window()-1), 0); k < len(l.months); k++ {
			taken = taken.Add(l.months[k].credits)
		}
		c = decimal.Max(decimal.Min(c, r.spec.Rounding.Pence(limit).Sub(taken)), decimal.Zero)
	}
	return c
}

// escalate checks the rules for month m.
func (r *Regime) escalate(m period.Month, mo monthly, st *runState, l *Ledger) []Event {
	var events []Event
	month := m.String()
	var text string
	raise := func(rule Rule, ref string) {
		events = append(events, Event{Name: rule.Event, KPI: ref, Period: month, Rule: text})
	}
	for ri, rule := range r.spec.Escalation {
		text = r.ruleTexts[ri]
		for i, d := range r.spec.Indicators {
			ref := d.Ref()
			if rule.KPI != "" && rule.KPI != ref {
				continue
			}
			row := mo.rows[i]
			// Rules about failures look only at months the KPI was due.
			due := row.Status != kpi.NotDue && row.Status != kpi.Excluded
			switch rule.Kind {
			case FailuresInWindow:
				h := st.fails[i]
				if !due || len(h) == 0 {
					continue
				}
				n := 0
				for _, f := range h[max(len(h)-rule.M, 0):] {
					if f {
						n++
					}
				}
				if n >= rule.N && h[len(h)-1] {
					raise(rule, ref)
				}
			case Consecutive:
				h := st.fails[i]
				if !due || len(h) < rule.N {
					continue
				}
				if !slices.Contains(h[len(h)-rule.N:], false) {
					raise(rule, ref)
				}
			case Reached:
				if row.Status.IsPerformance() && row.Status >= rule.Status && (!row.Relieved || r.spec.MitigatedCount) {
					raise(rule, ref)
				}
			case RollingPoints:
				if rule.KPI == "" {
					continue // the regime-wide total is checked below
				}
				if l.pointsInWindow(mo, i, rule.M).GreaterThanOrEqual(rule.Level) {
					raise(rule, ref)
				}
			}
		}
		if rule.Kind == RollingPoints && rule.KPI == "" && l.pointsInWindow(mo, -1, rule.M).GreaterThanOrEqual(rule.Level) {
			raise(rule, "")
		}
	}
	return events
}

// pointsInWindow adds up the points escalation sees over the last w months,
// this one (mo) included: for indicator i, or all when i < 0.
func (l *Ledger) pointsInWindow(mo monthly, i, w int) decimal.Decimal {
	sum := func(m *monthly) decimal.Decimal {
		if i >= 0 {
			return m.escalationPoints[i]
		}
		return m.escalationTotal
	}
	total := sum(&mo)
	for k := max(len(l.months)-(w-1), 0); k < len(l.months); k++ {
		if v := sum(&l.months[k]); !v.IsZero() {
			total = total.Add(v)
		}
	}
	return total
}

// Regime returns the regime the ledger ran.
func (l *Ledger) Regime() *Regime { return l.regime }

// Months returns the months the ledger covers, as a period; the zero Period
// if it has none.
func (l *Ledger) Months() period.Period {
	if len(l.months) == 0 {
		return period.Period{}
	}
	p, _ := period.MonthRange(l.first, l.first.AddMonths(len(l.months)-1))
	return p
}

// Scorecard returns the scorecard for period p. For a month it is that
// month's rows. A year to date that runs past the months scored is cut
// short at the last of them, so "YTD 2016/17" means as far as the figures
// go. For a longer period (a quarter, a year to date) each KPI's
// monthly observations are aggregated by its measure's rule, excluded
// months left out, and rated against the period's target; points, credits
// and events are those of its months added up. p must lie within the
// ledger's months.
func (l *Ledger) Scorecard(p period.Period) (*Scorecard, error) {
	r := l.regime
	if len(l.months) == 0 {
		return nil, fmt.Errorf("regime %s: no observations to score", r.spec.Name)
	}
	if last := l.first.AddMonths(len(l.months) - 1); p.Kind() == period.KindYearToDate && p.LastMonth().After(last) {
		// A year to date runs as far as the figures go: "YTD 2016/17"
		// in August is April to the last month scored.
		if y, ok := p.Year(); ok && y.Contains(last) {
			p, _ = y.ToDate(last)
		}
	}
	firstM, lastM := p.FirstMonth(), p.LastMonth()
	i, j := firstM.Sub(l.first), lastM.Sub(l.first)
	if p.NumMonths() == 0 || i < 0 || j >= len(l.months) {
		return nil, fmt.Errorf("regime %s: %s is outside the months scored, %s", r.spec.Name, p, l.Months())
	}
	sc := &Scorecard{Regime: r.spec.Name, Version: r.spec.Version, Period: p}
	if p.Kind() == period.KindMonth {
		mo := l.months[i]
		sc.Rows = slices.Clone(mo.rows)
		sc.Events = slices.Clone(mo.events)
		sc.Summary = summarise(sc.Rows)
		sc.Summary.CreditsBeforeCaps, sc.Summary.Credits = mo.before, mo.credits
		sc.Summary.CappedBy = mo.before.Sub(mo.credits)
		return sc, nil
	}
	span := l.months[i : j+1]
	before, credits := decimal.Zero, decimal.Zero
	for _, mo := range span {
		if !mo.before.IsZero() {
			before, credits = before.Add(mo.before), credits.Add(mo.credits)
		}
		sc.Events = append(sc.Events, mo.events...)
	}
	for k, d := range r.spec.Indicators {
		ref := d.Ref()
		entries := make([]kpi.Entry, 0, len(span))
		row := Row{KPI: ref, Description: d.Description(), ServiceArea: d.ServiceArea(), Tier: d.Tier(),
			Contractual: d.Contractual(), Multiplier: one, Points: decimal.Zero, Credit: decimal.Zero}
		excluded := 0
		for n, mo := range span {
			mr := mo.rows[k]
			if !mr.Points.IsZero() {
				row.Points = row.Points.Add(mr.Points)
			}
			if !mr.Credit.IsZero() {
				row.Credit = row.Credit.Add(mr.Credit)
			}
			if mr.Status == kpi.Excluded {
				excluded++
				continue
			}
			entries = append(entries, kpi.Entry{Period: firstM.AddMonths(n).Period(), Obs: l.observation(k, firstM.AddMonths(n))})
		}
		agg, err := kpi.Aggregate(d.Measure(), entries, nil)
		if err != nil {
			// Figures that cannot be combined (percentages without their
			// counts) leave this row unrated, not the whole scorecard.
			// The reason is the row's note; the table shows the status.
			why := strings.TrimPrefix(err.Error(), "kpi: ")
			agg = kpi.Missing(kpi.NotMeasurable, why)
			row.Notes = append(row.Notes, why)
		}
		if len(entries) == 0 && excluded > 0 {
			agg = kpi.Missing(kpi.Excluded, "excluded for the whole period")
		}
		res, err := kpi.Evaluate(d, p, agg)
		if err != nil {
			return nil, fmt.Errorf("regime %s: %w", r.spec.Name, err)
		}
		row.Result, row.Status = res, res.Status()
		row.Label = r.Label(row.Status)
		row.Failing = r.failing(row.Status)
		if excluded > 0 && len(entries) > 0 {
			row.Notes = append(row.Notes, fmt.Sprintf("performance outside %d excluded month(s)", excluded))
		}
		sc.Rows = append(sc.Rows, row)
	}
	sc.Summary = summarise(sc.Rows)
	sc.Summary.CreditsBeforeCaps, sc.Summary.Credits = before, credits
	sc.Summary.CappedBy = before.Sub(credits)
	return sc, nil
}

// summarise counts rows by status, service area and tier.
func summarise(rows []Row) Summary {
	s := Summary{ByStatus: map[kpi.Status]int{}, ByServiceArea: map[string]map[kpi.Status]int{}, ByTier: map[kpi.Tier]map[kpi.Status]int{},
		Points: decimal.Zero}
	for _, r := range rows {
		s.Total++
		s.ByStatus[r.Status]++
		if s.ByServiceArea[r.ServiceArea] == nil {
			s.ByServiceArea[r.ServiceArea] = map[kpi.Status]int{}
		}
		s.ByServiceArea[r.ServiceArea][r.Status]++
		if s.ByTier[r.Tier] == nil {
			s.ByTier[r.Tier] = map[kpi.Status]int{}
		}
		s.ByTier[r.Tier][r.Status]++
		if r.Status.IsPerformance() {
			s.Rated++
		}
		if r.Status.OnTarget() {
			s.OnTarget++
		}
		if (r.Status.IsPerformance() && !r.Status.OnTarget()) || r.Status == kpi.NoData {
			s.Exceptions = append(s.Exceptions, r.KPI)
		}
		if !r.Points.IsZero() {
			s.Points = s.Points.Add(r.Points)
		}
	}
	share := func(n, of int) decimal.Decimal {
		if of == 0 {
			return decimal.Zero
		}
		return decimal.NewFromInt(int64(n*100)).DivRound(decimal.NewFromInt(int64(of)), 2)
	}
	s.ShareOnTarget, s.ShareOnTargetRated = share(s.OnTarget, s.Total), share(s.OnTarget, s.Rated)
	return s
}

// Score runs the regime over in and returns the scorecard for p: Run then
// Scorecard.
func (r *Regime) Score(in Input, p period.Period) (*Scorecard, error) {
	l, err := r.Run(in)
	if err != nil {
		return nil, err
	}
	return l.Scorecard(p)
}

// Score scores in with the regime in force in p's last month.
func (h History) Score(in Input, p period.Period) (*Scorecard, error) {
	r, ok := h.At(p.LastMonth())
	if !ok {
		return nil, fmt.Errorf("no regime is in force in %s", p.LastMonth())
	}
	var own Input
	own.Charges = in.Charges
	for _, o := range in.Observations {
		if r.InForce(o.Month) {
			own.Observations = append(own.Observations, o)
		}
	}
	return r.Score(own, p)
}
