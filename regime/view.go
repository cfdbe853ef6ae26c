package regime

import (
	"fmt"
	"slices"
	"strconv"
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
//
// A rail period, rail quarter or rail year of a [period.PeriodCalendar]
// (P5 2023/24, Q4 2023/24, 2023/24) is a view of the months its periods end
// in, as every measurement period is rated in the month it ends: P5
// 2023/24, 22 July to 18 August 2023, is a view of August 2023, and Q4
// 2023/24, P10 to P13, of January to March 2024. A KPI measured in the
// calendar's periods is rated over the view's own periods only (P5's row
// for P5; Q4's over P10 to P13); a KPI of any other frequency over its
// measurement periods ending in those months, as their views have them (in
// the view of one period, the row of its measurement period ending in that
// month, as the month's scorecard has it: August 2023's row in P5's view);
// and the money and events are those of the months, as the ledger keeps
// them. That money is the view's own except in a month where periods
// inside and outside the view both end (P12 and P13 2023/24 both end in
// March 2024): the view of each then shows its own rows, and the whole
// month's credits, caps and events, which the contract applies by month.
// In a calendar from 1 April, rail quarters and years hold such months
// whole, so their money is exact.
func (l *Ledger) Scorecard(p period.Period) (*Scorecard, error) { return l.scorecard(p, false) }

// scorecard is Scorecard; own says the caller owns the ledger and will not
// read it again, so a month's rows need not be copied.
func (l *Ledger) scorecard(p period.Period, own bool) (*Scorecard, error) {
	p, i, span, err := l.span(p)
	if err != nil {
		return nil, err
	}
	rail := isRail(p)
	sc := &Scorecard{Period: p, AsAt: l.asAt, Currency: l.Currency()}
	if len(span) == 0 {
		return nil, fmt.Errorf("regime: no period of %s ends within the months scored, %s", p.Label(period.Short), l.Months())
	}
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
	var remedy Summary // its remedy fields only
	var moves Summary  // its earn-back and incentive fields only
	var adjustments []Adjustment
	shared := false
	for k := range span {
		mo := &span[k]
		if mo.regime != nil && !mo.regime.spec.Remedy.IsZero() {
			remedy.Remedy = remedy.Remedy.Add(mo.remedy)
			remedy.PointsOverBaseline = remedy.PointsOverBaseline.Add(mo.over)
			if mo.points.IsPositive() || len(span) == 1 {
				remedy.RemedyNotes = append(remedy.RemedyNotes, remedyNote(l.first.AddMonths(i+k), mo))
			}
		}
		if mo.shared != nil && !slices.Contains(sc.Versions, mo.shared.spec.Version) {
			sc.Versions = append(sc.Versions, mo.shared.spec.Version)
		}
		shared = shared || mo.shared != nil
		if mo.regime != nil && !slices.Contains(sc.Versions, mo.regime.spec.Version) {
			sc.Versions = append(sc.Versions, mo.regime.spec.Version)
		}
		if !mo.before.IsZero() {
			before, credits = before.Add(mo.before), credits.Add(mo.credits)
		}
		adjustments = append(adjustments, mo.adjustments...)
		moves.addMoves(mo)
		sc.Events = append(sc.Events, mo.events...)
	}
	if p.Kind() == period.KindMonth && !rail {
		sc.Rows = span[0].rows
		if !own {
			sc.Rows = slices.Clone(sc.Rows)
		}
	} else {
		sc.Rows = l.viewRows(p, span, true)
	}
	sc.Summary = summarise(sc.Rows)
	if len(l.plans) > 0 {
		sc.Plans = l.Plans(p)
	}
	sc.Summary.CreditsBeforeCaps, sc.Summary.Credits = before, credits
	sc.Summary.CappedBy = before.Sub(credits)
	sc.Summary.Remedy, sc.Summary.PointsOverBaseline, sc.Summary.RemedyNotes = remedy.Remedy, remedy.PointsOverBaseline, remedy.RemedyNotes
	sc.Summary.Held, sc.Summary.EarnedBack, sc.Summary.Repaid, sc.Summary.Forfeited = moves.Held, moves.EarnedBack, moves.Repaid, moves.Forfeited
	sc.Summary.HeldBalance, sc.Summary.Bonuses, sc.Summary.Deductions = span[len(span)-1].heldBalance, moves.Bonuses, moves.Deductions
	sc.Summary.AdjustmentsTotal = decimal.Zero
	for _, a := range adjustments {
		sc.Summary.Adjustments = append(sc.Summary.Adjustments, a.clone())
		sc.Summary.AdjustmentsTotal = sc.Summary.AdjustmentsTotal.Add(a.Amount)
	}
	if shared {
		sc.Names = regimeNames(span, sc.Regime)
	}
	return sc, nil
}

// span returns the months of the ledger that view p reads, from the i-th
// month scored, with p cut short where it is a year to date that runs past
// the last month scored.
func (l *Ledger) span(p period.Period) (_ period.Period, i int, span []monthEntry, err error) {
	if len(l.months) == 0 {
		return p, 0, nil, fmt.Errorf("regime: no observations to score")
	}
	last := l.first.AddMonths(len(l.months) - 1)
	if p.Kind() == period.KindYearToDate && p.LastMonth().After(last) {
		if y, ok := p.Year(); ok && y.Contains(last) && !last.Before(p.FirstMonth()) {
			p, _ = y.ToDate(last)
		}
	}
	rail := isRail(p)
	if p.IsZero() || (p.NumMonths() == 0 && !rail) {
		return p, 0, nil, fmt.Errorf("regime: a scorecard is for whole months, not %s", p)
	}
	i, j := p.FirstMonth().Sub(l.first), p.LastMonth().Sub(l.first)
	if rail {
		i = l.railFirstMonth(p).Sub(l.first)
	}
	if i < 0 || j >= len(l.months) {
		return p, 0, nil, fmt.Errorf("regime: %s is outside the months scored, %s", p, l.Months())
	}
	return p, i, l.months[i : j+1], nil
}

// regimeNames returns the names of the regimes of a span with a shared
// month, in the order of their versions, where any differs from name (the
// scorecard's regime); nil where none does.
func regimeNames(span []monthEntry, name string) []string {
	var seen, names []string
	for k := range span {
		for _, r := range []*Regime{span[k].shared, span[k].regime} {
			if r != nil && !slices.Contains(seen, r.spec.Version) {
				seen = append(seen, r.spec.Version)
				names = append(names, r.spec.Name)
			}
		}
	}
	if slices.ContainsFunc(names, func(n string) bool { return n != name }) {
		return names
	}
	return nil
}

// addMoves adds month mo's earn-back moves and incentives to s.
func (s *Summary) addMoves(mo *monthEntry) {
	s.Held, s.EarnedBack = plus(s.Held, mo.held), plus(s.EarnedBack, mo.earnedBack)
	s.Repaid, s.Forfeited = plus(s.Repaid, mo.repaid), plus(s.Forfeited, mo.forfeited)
	s.Bonuses, s.Deductions = plus(s.Bonuses, mo.bonus), plus(s.Deductions, mo.deduction)
}

// plus is a + b, with no work where b is zero (as most moves are).
func plus(a, b decimal.Decimal) decimal.Decimal {
	if b.IsZero() {
		return a
	}
	return a.Add(b)
}

// remedyNote says how month m's remedy came about: "May-16: 14 points, 4
// over the baseline of 10: £4,000.00", or "Apr-16: 9 points, none over the
// baseline of 10".
func remedyNote(m period.Month, mo *monthEntry) string {
	head := fmt.Sprintf("%s: %s points", m.Label(period.Short), mo.points)
	if !mo.over.IsPositive() {
		return fmt.Sprintf("%s, none over the baseline of %s", head, mo.baseline)
	}
	var b noteBuf
	writeMoney(&b, mo.regime.spec.Currency, mo.remedy)
	return fmt.Sprintf("%s, %s over the baseline of %s: %s", head, mo.over, mo.baseline, b.String())
}

// viewRows rates each KPI in force in span over p. With compare, a KPI
// whose bands depend on the direction of travel is compared with the same
// view of the period before and of the year before, where the ledger
// covers them.
func (l *Ledger) viewRows(p period.Period, span []monthEntry, compare bool) []Row {
	vm, done := l.viewMem()
	// The KPIs in the order of the regime in force last, then those only
	// earlier regimes had.
	order := vm.order[:0]
	defs := reuse(vm.defs, len(l.tracks))
	defer func() {
		vm.order, vm.defs = order, defs
		done()
	}()
	for k := len(span) - 1; k >= 0; k-- {
		r := span[k].regime
		if r == nil || (k < len(span)-1 && span[k+1].regime == r) {
			continue
		}
		for i, d := range r.rated {
			t, _ := l.track(r.refs[i])
			if !defs[t].set {
				defs[t] = viewKPI{d, r, true}
				order = append(order, t)
			}
		}
	}
	// The span's rows, grouped by track in month order: a counting sort
	// into one slice.
	start := reuse(vm.start, len(l.tracks)+1)
	// In a view of rail periods, a KPI measured in them is rated over the
	// view's own periods only.
	skip := func(r *Row) bool {
		return r.Period.Kind() == period.KindRailPeriod && (r.Period.Start().Before(p.Start()) || p.End().Before(r.Period.End()))
	}
	if !isRail(p) {
		skip = func(*Row) bool { return false }
	}
	for k := range span {
		for i, m := range span[k].meta {
			if !skip(&span[k].rows[i]) {
				start[m.track+1]++
			}
		}
	}
	for t := 1; t < len(start); t++ {
		start[t] += start[t-1]
	}
	refs := reuse(vm.refs, start[len(start)-1])
	next := append(vm.next[:0], start[:len(l.tracks)]...)
	vm.start, vm.refs, vm.next = start, refs, next
	for k := range span {
		for i, m := range span[k].meta {
			if skip(&span[k].rows[i]) {
				continue
			}
			refs[next[m.track]] = viewRef{&span[k].rows[i], &span[k].meta[i]}
			next[m.track]++
		}
	}
	rows := make([]Row, 0, len(order))
	sc := &vm.sc
	compound := false
	var earlier earlierViews
	for _, t := range order {
		var cmp *kpi.Compared
		if d := defs[t].def; compare && d.ComparesEarlier() {
			cmp = earlier.of(l, p, d.Ref())
		}
		row := l.viewRow(p, refs[start[t]:start[t+1]], defs[t].def, defs[t].r, sc, cmp)
		row.PartOf = defs[t].r.partOf[row.KPI]
		compound = compound || defs[t].def.IsCompound()
		rows = append(rows, row)
	}
	if compound {
		for k, t := range order {
			if d := defs[t].def; d.IsCompound() && !rows[k].Result.IsCombined() {
				recombine(&rows[k], rows, d, defs[t].r, p)
			}
		}
	}
	return rows
}

// earlierViews are the views a view's direction of travel compares with,
// made once, when a KPI first needs them.
type earlierViews struct {
	done           bool
	previous, year map[string]kpi.Result
}

// of returns the results of KPI ref in the view of the period before p
// and of the same period a year before, where the ledger covers them.
func (e *earlierViews) of(l *Ledger, p period.Period, ref string) *kpi.Compared {
	if !e.done {
		e.done = true
		e.previous = l.viewResults(shiftPeriod(p, -p.NumMonths()))
		e.year = l.viewResults(shiftPeriod(p, -12))
	}
	return &kpi.Compared{Previous: e.previous[ref], LastYear: e.year[ref]}
}

// viewResults rates the view of p, with no comparisons of its own, and
// returns each KPI's result by reference; nil where p is zero or outside
// the ledger's months.
func (l *Ledger) viewResults(p period.Period) map[string]kpi.Result {
	if p.IsZero() {
		return nil
	}
	i, j := p.FirstMonth().Sub(l.first), p.LastMonth().Sub(l.first)
	if i < 0 || j >= len(l.months) {
		return nil
	}
	span := l.months[i : j+1]
	var rows []Row
	if p.Kind() == period.KindMonth {
		rows = span[0].rows
	} else {
		rows = l.viewRows(p, span, false)
	}
	out := make(map[string]kpi.Result, len(rows))
	for _, r := range rows {
		if !r.Interim {
			out[r.KPI] = r.Result
		}
	}
	return out
}

// shiftPeriod returns p moved by n months, of the same kind: the quarter
// before Q1 2016/17 is Q4 2015/16, the year before YTD 2016/17 to Aug-16
// is YTD 2015/16 to Aug-15. It returns the zero Period for a run of days.
func shiftPeriod(p period.Period, n int) period.Period {
	first, last := p.FirstMonth().AddMonths(n), p.LastMonth().AddMonths(n)
	y, _ := p.Year()
	ys := y.Years()
	switch p.Kind() {
	case period.KindMonth:
		return first.Period()
	case period.KindQuarter:
		return ys.Quarter(first)
	case period.KindHalf:
		return ys.Half(first)
	case period.KindYear:
		return ys.Of(first).Period()
	case period.KindYearToDate:
		q, err := ys.Of(first).ToDate(last)
		if err == nil {
			return q
		}
	case period.KindMonths:
		q, err := period.MonthRange(first, last)
		if err == nil {
			return q
		}
	}
	return period.Period{}
}

// recombine rates a view's row of a KPI made of parts, which has no
// figures of its own to aggregate, from its parts' rows in the view.
func recombine(row *Row, rows []Row, d kpi.Definition, r *Regime, p period.Period) {
	refs := d.Parts()
	parts := make([]kpi.PartResult, len(refs))
	for j, ref := range refs {
		parts[j].Ref = ref
		for k := range rows {
			if rows[k].KPI == ref {
				parts[j].Result = rows[k].Result
				break
			}
		}
	}
	res, err := kpi.Combine(d, p, parts)
	if err != nil {
		return // the months were rated; a view that cannot combine keeps what they said
	}
	row.Result, row.Status, row.Deemed = res, res.Status(), false
	if row.Status == kpi.NoData && r.spec.Missing.DeemFailed {
		row.Status, row.Deemed = r.deemedStatus(), true
	}
	row.Label = r.Label(row.Status)
	row.Failing = r.failing(row.Status)
}

// scratch is space a view reuses from one row to the next.
type scratch struct {
	entries      []kpi.Entry
	meas         []*Row
	money, tally noteBuf
}

// noteBuf builds a note; unlike a strings.Builder, it can be emptied and
// used again without giving up its memory.
type noteBuf []byte

func (b *noteBuf) WriteString(s string) { *b = append(*b, s...) }
func (b *noteBuf) writeByte(c byte)     { *b = append(*b, c) }
func (b *noteBuf) Write(p []byte)       { *b = append(*b, p...) }
func (b *noteBuf) Len() int             { return len(*b) }
func (b *noteBuf) String() string       { return string(*b) }
func (b *noteBuf) Reset()               { *b = (*b)[:0] }

// viewRef is a row in a view's span, with what the ledger keeps beside it.
type viewRef struct {
	row  *Row
	meta *rowMeta
}

// viewRow rates a track over p from its rows in the span, in month order.
// entries is scratch space, returned for reuse.
func (l *Ledger) viewRow(p period.Period, own []viewRef, d kpi.Definition, r *Regime, sc *scratch, cmp *kpi.Compared) Row {
	row := baseRow(r, d, p)
	row.Versions = nil
	row.Notes = make([]string, 0, 4) // money, the periods, and what they were
	v := viewParts{l: l, meas: sc.meas[:0], entries: sc.entries[:0]}
	defer func() { sc.meas, sc.entries = v.meas[:0], v.entries[:0] }()
	money := &sc.money
	money.Reset()
	v.gather(&row, own, money, r.spec.Currency)
	if row.Versions == nil {
		row.Versions = r.versions
	}
	meas := v.meas
	// A single measurement that is the view's own, or in the view of one
	// rail period the one measurement of a KPI not measured in periods
	// (its month), is shown as its row.
	showOwn := len(meas) == 1 && (samePeriod(meas[0].Period, p) || (p.Kind() == period.KindRailPeriod && !d.Frequency().IsPeriodic()))
	if showOwn {
		own := *meas[0]
		own.Notes = slices.Clone(own.Notes)
		own.Versions = row.Versions
		return own
	}
	if len(meas) > 0 {
		row.Tally = tallyOf(meas)
	}
	res := rateView(&row, d, p, meas, v.entries, cmp)
	row.Result, row.Status = res, res.Status()
	v.notes(&row, r, d, sc)
	if money.Len() > 0 {
		row.Notes = append(row.Notes, money.String())
	}
	if len(row.Versions) > 1 {
		row.Notes = append(row.Notes, fmt.Sprintf("rated against version %s's definition", r.spec.Version))
	}
	return row
}

// viewParts is what a view's row gathers from its track's rows: the
// measurements (meas), the entries to aggregate, and the labels of the
// periods its notes name.
type viewParts struct {
	l                                                      *Ledger
	meas                                                   []*Row
	entries                                                []kpi.Entry
	interim, deemed, relieved, excluded, refused, restated []string
}

// gather reads a track's rows into v and adds their money (written in
// money, in currency c), moves and versions to row.
func (v *viewParts) gather(row *Row, own []viewRef, money *noteBuf, c Currency) {
	points, credit := sumOf(row.Points), sumOf(row.Credit)
	defer func() { row.Points, row.Credit = points.total(), credit.total() }()
	for _, ref := range own {
		mr := ref.row
		if mr.Restated() {
			last := mr.Figures[len(mr.Figures)-1]
			v.restated = append(v.restated, mr.Period.Label(period.Short)+" (on "+last.ReportedOn.String()+")")
		}
		if mr.Interim {
			v.interim = append(v.interim, mr.Period.Label(period.Short))
			continue
		}
		if mr.Status == kpi.NotDue {
			continue
		}
		switch {
		case row.Versions == nil:
			row.Versions = mr.Versions // shared until a second version comes
		case len(mr.Versions) == 1 && len(row.Versions) > 0 && mr.Versions[0] == row.Versions[len(row.Versions)-1]:
		default:
			for _, ver := range mr.Versions {
				if !slices.Contains(row.Versions, ver) {
					row.Versions = append(slices.Clip(row.Versions), ver)
				}
			}
		}
		v.meas = append(v.meas, mr)
		if mr.Status != kpi.Excluded {
			v.entries = append(v.entries, kpi.Entry{Period: mr.Period, Obs: v.l.ratedObs(ref.meta)})
		}
		switch {
		case mr.Status == kpi.Excluded:
			v.excluded = append(v.excluded, mr.Period.Label(period.Short))
		case mr.Deemed:
			v.deemed = append(v.deemed, mr.Period.Label(period.Short))
		}
		if mr.Relieved {
			v.relieved = append(v.relieved, mr.Period.Label(period.Short)+" ("+strings.ReplaceAll(mr.Relief.Kind.String(), "_", " ")+")")
		}
		if mr.ClaimRefused {
			v.refused = append(v.refused, mr.Period.Label(period.Short)+" ("+strings.ReplaceAll(mr.Claim.String(), "_", " ")+")")
		}
		if mr.moves != nil {
			m := row.Moves().add(*mr.moves)
			row.moves = &m
		}
		if !mr.Points.IsZero() || !mr.Credit.IsZero() {
			points.add(mr.Points)
			credit.add(mr.Credit)
			if money.Len() == 0 {
				money.WriteString("accrued: ")
			} else {
				money.WriteString("; ")
			}
			writeLabel(money, mr.Period)
			money.WriteString(" ")
			money.WriteString(mr.Status.String())
			money.WriteString(", ")
			writePoints(money, mr.Points)
			money.WriteString(", ")
			writeMoney(money, c, mr.Credit)
		}
	}
}

// tallyOf counts the statuses of a view's measurements.
func tallyOf(meas []*Row) map[kpi.Status]int {
	var counts [kpi.LastStatus + 1]int
	distinct := 0
	for _, mr := range meas {
		if counts[mr.Status] == 0 {
			distinct++
		}
		counts[mr.Status]++
	}
	tally := make(map[kpi.Status]int, distinct)
	for st, n := range counts {
		if n > 0 {
			tally[kpi.Status(st)] = n
		}
	}
	return tally
}

// rateView rates a view's row of KPI d over p from its measurements and
// their entries, compared with earlier views (cmp) where its bands need
// them.
func rateView(row *Row, d kpi.Definition, p period.Period, meas []*Row, entries []kpi.Entry, cmp *kpi.Compared) kpi.Result {
	var res kpi.Result
	var err error
	switch {
	case len(meas) == 0:
		res, err = kpi.Evaluate(d, p, kpi.Missing(kpi.NotDue, ""))
	case len(entries) == 0:
		res, err = kpi.Evaluate(d, p, kpi.Missing(kpi.Excluded, "excluded for the whole period"))
	case d.Measure().Aggregation == kpi.Sum && len(meas) > 1 && !d.IsContextual():
		// (A contextual measure is never rated: its total is shown.)
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
		if cmp != nil {
			res, err = kpi.EvaluateCompared(d, p, agg, *cmp)
		} else {
			res, err = kpi.Evaluate(d, p, agg)
		}
	}
	if err != nil {
		// The aggregate cannot be rated against this definition (a
		// profiled target with none for the period): say so in the row.
		res, _ = kpi.Evaluate(d, p, kpi.Missing(kpi.NotMeasurable, strings.TrimPrefix(err.Error(), "kpi: ")))
	}
	return res
}

// notes adds to a view's row what its periods were: deemed, rated on some
// figures only, not rated, excluded, relieved, refused, interim, restated.
func (v *viewParts) notes(row *Row, r *Regime, d kpi.Definition, sc *scratch) {
	meas, entries := v.meas, v.entries
	deemed, excluded := v.deemed, v.excluded
	// Periods without a figure: the figures of the others cannot speak for
	// them. Where the regime deemed them failures, the view is no better
	// than that; otherwise the note says what the rating rests on.
	if len(deemed) > 0 {
		st := r.deemedStatus()
		if !row.Status.IsPerformance() || st.WorseThan(row.Status) {
			row.Status, row.Deemed = st, true
		}
		row.Notes = append(row.Notes, fmt.Sprintf("%d of %d %s had no figure and were deemed %s: the view is %s",
			len(deemed), len(meas), periodsWord(d, len(meas)), st, row.Status))
	} else if n := countNoFigure(meas); n > 0 && n < len(meas) && row.Status != kpi.Excluded {
		what := "rated on"
		if d.IsContextual() {
			what = "shown from" // never rated
		}
		row.Notes = append(row.Notes, fmt.Sprintf("%s the figures of %d of %d %s: %d had none", what,
			len(meas)-n, len(meas), periodsWord(d, len(meas)), n))
	}
	row.Label = r.Label(row.Status)
	row.Failing = r.failing(row.Status)
	if len(row.Tally) > 0 && len(meas) > 1 && !row.Status.IsPerformance() && row.Status != kpi.Info {
		// Not rated for the whole period: say how its periods went. (A
		// rated row keeps its periods' statuses in Tally alone.)
		row.Notes = append(row.Notes, tallyNote(&sc.tally, r, row.Tally, len(meas), d))
	}
	if len(excluded) > 0 && len(entries) > 0 {
		row.Notes = append(row.Notes, "performance outside the excluded "+periodsWord(d, len(excluded))+" ("+strings.Join(excluded, ", ")+")")
	}
	for _, n := range []struct {
		what  string
		which []string
	}{{"deemed", deemed}, {"relieved", v.relieved}, {"claims refused", v.refused}, {"interim figures, not charged", v.interim}, {"restated", v.restated}} {
		if len(n.which) > 0 {
			row.Notes = append(row.Notes, n.what+": "+strings.Join(n.which, ", "))
		}
	}
}

// countNoFigure counts the periods, not excluded, whose rows rated no
// figure.
func countNoFigure(meas []*Row) int {
	n := 0
	for _, mr := range meas {
		if mr.Status == kpi.NoData || (mr.Deemed && mr.Status != kpi.Excluded) {
			n++
		}
	}
	return n
}

// tallyNote says how many measurement periods were in each status: "3 of
// 9 months failed, 1 missed, 5 met".
func tallyNote(b *noteBuf, r *Regime, tally map[kpi.Status]int, n int, d kpi.Definition) string {
	b.Reset()
	add := func(st kpi.Status) {
		c := tally[st]
		if c == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(c))
		if b.Len() == len(strconv.Itoa(c)) {
			b.WriteString(" of ")
			b.WriteString(strconv.Itoa(n))
			b.WriteString(" ")
			b.WriteString(periodsWord(d, n))
		}
		b.WriteString(" ")
		b.WriteString(r.lowerLabels[st])
	}
	for st := kpi.Failed; st >= kpi.Exceeded; st-- {
		add(st)
	}
	for st := kpi.NotDue; st <= kpi.LastStatus; st++ {
		add(st)
	}
	return b.String()
}

// periodsWord names n of d's measurement periods: "months", "quarters".
func periodsWord(d kpi.Definition, n int) string {
	w := unitOf(d)
	if n == 1 {
		return w
	}
	switch w {
	case "month":
		return "months"
	case "quarter":
		return "quarters"
	}
	return w + "s"
}

// unitOf names one of d's measurement periods: month, quarter, half-year.
func unitOf(d kpi.Definition) string {
	f := d.Frequency()
	switch {
	case f.IsFourWeekly():
		return "four-weekly period"
	case f.IsPeriodic():
		return "period"
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

// writePoints writes "1 point", "2.5 points".
func writePoints(b *noteBuf, v decimal.Decimal) {
	switch {
	case v.Equal(one):
		b.WriteString("1 point")
		return
	case v.Exponent() == 0 && v.Cmp(maxSmall) < 0 && v.Cmp(minSmall) > 0:
		b.WriteString(strconv.FormatInt(v.IntPart(), 10))
	default:
		b.WriteString(v.String())
	}
	b.WriteString(" points")
}

// maxSmall and minSmall bound what int64 arithmetic formats; written with
// exponent 0, so that comparing whole numbers with them rescales nothing.
var maxSmall, minSmall = decimal.NewFromInt(1e15), decimal.NewFromInt(-1e15)

// writeMoney writes money in currency c as a report does: £2,000.00,
// -£15.50 ([Currency.AppendFormat]).
func writeMoney(b *noteBuf, c Currency, v decimal.Decimal) { *b = c.AppendFormat(*b, v) }

// writeLabel writes a period's short label, a month's without building a
// string of its own ("Apr-16").
func writeLabel(b *noteBuf, p period.Period) {
	if p.Kind() != period.KindMonth {
		b.WriteString(p.Label(period.Short))
		return
	}
	m := p.FirstMonth()
	b.WriteString(m.Month().String()[:3])
	b.writeByte('-')
	y := m.Year() % 100
	if y < 0 {
		y += 100
	}
	b.writeByte(byte('0' + y/10))
	b.writeByte(byte('0' + y%10))
}

// isRail reports whether p is a period, quarter or year of a period
// calendar.
func isRail(p period.Period) bool {
	switch p.Kind() {
	case period.KindRailPeriod, period.KindRailQuarter, period.KindRailYear:
		return true
	}
	return false
}

// railFirstMonth returns the month the first period of rail view p ends
// in: the month of its end for a single period; for a quarter or year, as
// the calendar of a periodic KPI of the ledger's regimes says. A ledger
// with no periodic KPI takes the month of p's 28th day, the end of a
// 28-day period.
func (l *Ledger) railFirstMonth(p period.Period) period.Month {
	if p.Kind() == period.KindRailPeriod {
		return p.LastMonth()
	}
	for _, r := range l.history.regimes {
		for _, d := range r.rated {
			if f := d.Frequency(); f.IsPeriodic() {
				for q := range f.PeriodCalendar().Periods(p) {
					return q.LastMonth()
				}
			}
		}
	}
	d := p.Start().AddDays(27)
	if p.Last().Before(d) {
		d = p.Last()
	}
	return d.YearMonth()
}

// samePeriod reports whether a and b cover the same days.
func samePeriod(a, b period.Period) bool { return a.Start() == b.Start() && a.End() == b.End() }
