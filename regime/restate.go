package regime

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// A Source is where an observation was read: a file and its line, or, for
// a workbook, the file, the sheet and the sheet's row. The zero Source is
// an observation built in Go.
type Source struct {
	// File is the file's name as it was given ("returns.xlsx"), the same
	// for every sheet of a workbook.
	File string
	// Sheet is the name of the workbook's sheet the row is on ("ICT"); ""
	// for a CSV file.
	Sheet string
	// Line is the line of a CSV file, or the row of a sheet (from 1).
	Line int
}

// String returns "file:line" for a CSV file, "file: sheet!row" for a
// workbook's row ("returns.xlsx: ICT!7", as a problem in a workbook names
// its cell), the file alone without a line, or "".
func (s Source) String() string {
	switch {
	case s.Sheet != "" && s.Line == 0:
		return s.File + ": " + s.Sheet
	case s.Sheet != "":
		return s.File + ": " + s.Sheet + "!" + strconv.Itoa(s.Line)
	case s.Line == 0:
		return s.File
	}
	return s.File + ":" + strconv.Itoa(s.Line)
}

// A RestatementRule says how a regime settles the money of a restatement:
// a figure for a period already reported, reported again with a later
// date ([Observation].ReportedOn), as a typing error corrected at the next
// meeting is, or a result revised after rectification.
type RestatementRule uint8

// The rules. Under both, every month is shown as it now stands: the
// restated period's row rates the figure in force at the scorecard's
// as-at date ([Input].AsAt), and its month's credits are those that
// figure earns. They differ in where the change in money is shown.
const (
	// AdjustInMonthRestated, the zero RestatementRule and the default,
	// posts the change in money as an [Adjustment] in the month the
	// restatement was reported in (the month of its ReportedOn): the
	// difference between the credits after caps that the months before it
	// carried as at the day before the restatement and as at its day.
	AdjustInMonthRestated RestatementRule = iota
	// RestateInPlace recomputes the restated months with no adjustment:
	// the months' credits change, and nothing is posted elsewhere, as a
	// regime that publishes "original" and "revised" results and settles
	// on the revised ones does.
	RestateInPlace
)

var restatementNames = [...]string{"adjust_in_month_restated", "restate_in_place"}

// String returns "adjust_in_month_restated" or "restate_in_place".
func (r RestatementRule) String() string {
	if int(r) < len(restatementNames) {
		return restatementNames[r]
	}
	return fmt.Sprintf("RestatementRule(%d)", int(r))
}

// ParseRestatementRule reads "adjust_in_month_restated" or
// "restate_in_place", not case-sensitively.
func ParseRestatementRule(s string) (RestatementRule, error) {
	for i, n := range restatementNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return RestatementRule(i), nil
		}
	}
	return 0, parseError("restatement rule", s, "adjust_in_month_restated or restate_in_place")
}

// A FigureVersion is one version of a restated row's figure, as reported:
// the observation, its note, when, by whom and where it was read, and what
// the row was with it in force.
type FigureVersion struct {
	Obs        kpi.Observation
	Note       string
	ReportedOn period.Date
	ReportedBy string
	Source     Source
	// Result, Status and Label are the row's while this version was in
	// force (as at the day before the next version was reported; the row's
	// own for the last version), and Credit its credit before caps.
	Result kpi.Result
	Status kpi.Status
	Label  string
	Credit decimal.Decimal
}

// Equal reports whether v and o are the same version.
func (v FigureVersion) Equal(o FigureVersion) bool {
	return v.Obs.Equal(o.Obs) && v.Note == o.Note && v.ReportedOn == o.ReportedOn && v.ReportedBy == o.ReportedBy &&
		v.Source == o.Source && v.Result.Equal(o.Result) && v.Status == o.Status && v.Label == o.Label && v.Credit.Equal(o.Credit)
}

// Written returns the version's figure as a report writes it ("82.1%");
// an outcome reported without a figure as "the outcome" and its label
// ("the outcome Failed MSL"); and no figure as its label ("No Data").
func (v FigureVersion) Written() string {
	if w, ok := v.Result.ActualWritten(); ok {
		return w.String()
	}
	if v.Obs.IsOutcome() {
		return "the outcome " + cmp.Or(v.Label, DefaultLabel(v.Status))
	}
	if v.Obs.HasFigure() {
		return v.Obs.String()
	}
	return cmp.Or(v.Label, DefaultLabel(v.Status))
}

// An Adjustment is the change in money a restatement makes to months
// already reported, posted in the month the restatement was reported in
// under [AdjustInMonthRestated]. Amount is After less Before: positive, more
// credit to the customer (a further deduction from the supplier's
// charges); negative, credit given back to the supplier (a refund of a
// deduction).
type Adjustment struct {
	// Month is the month the adjustment is posted in: the month of
	// ReportedOn.
	Month period.Month
	// ReportedOn is the day the restatement was reported, and ReportedBy
	// who reported it (the restated rows' reported_by, joined with ", ").
	ReportedOn period.Date
	ReportedBy string
	// Restated names the figures restated that day: "CSC_KPI_04 Jun-19".
	Restated []string
	// Months are the months before Month whose credits after caps the
	// restatement changed, in order (the restated period's month, and any
	// after it whose repeats or rolling caps it changed).
	Months []period.Month
	// Before and After are those months' credits after caps, added up, as
	// at the day before the restatement and as at its day.
	Before, After, Amount decimal.Decimal
	// Currency is the currency of Before, After and Amount: the ledger's.
	Currency Currency
}

// Equal reports whether a and o are the same adjustment.
func (a Adjustment) Equal(o Adjustment) bool {
	return a.Month == o.Month && a.ReportedOn == o.ReportedOn && a.ReportedBy == o.ReportedBy &&
		slices.Equal(a.Restated, o.Restated) && slices.Equal(a.Months, o.Months) && a.Before.Equal(o.Before) &&
		a.After.Equal(o.After) && a.Amount.Equal(o.Amount) && a.Currency == o.Currency
}

// String says what the adjustment is: "Sep-19: -£2,000.00 for CSC_KPI_04
// Jun-19, restated on 2019-09-12 by the council (credits after caps of
// Jun-19 were £2,000.00, now £0.00)".
func (a Adjustment) String() string {
	var b, before, after noteBuf
	writeMoney(&b, a.Currency, a.Amount)
	writeMoney(&before, a.Currency, a.Before)
	writeMoney(&after, a.Currency, a.After)
	by := ""
	if a.ReportedBy != "" {
		by = " by " + a.ReportedBy
	}
	months := make([]string, len(a.Months))
	for i, m := range a.Months {
		months[i] = m.Label(period.Short)
	}
	return fmt.Sprintf("%s: %s for %s, restated on %s%s (credits after caps of %s were %s, now %s)",
		a.Month.Label(period.Short), b.String(), strings.Join(a.Restated, ", "), a.ReportedOn, by,
		strings.Join(months, ", "), before.String(), after.String())
}

// versionKey identifies a KPI's figure for one period, across its versions.
type versionKey struct {
	ref        string
	start, end period.Date
}

// restatement is a version that replaced an earlier one: its day, its
// KPI and period, and who reported it.
type restatement struct {
	on  period.Date
	ref string
	p   period.Period
	by  string
}

// versions is what a ledger reads of observations with several versions:
// for each restated figure its versions reported by the as-at date, oldest
// first (indices into the input), and the restatements among them.
type versions struct {
	of           map[versionKey][]int32
	restatements []restatement
}

// chooseVersions picks, of each KPI's figure for a period, the version the
// ledger reads as at asAt (zero: the latest): the latest reported on or
// before it, an undated version counting as the earliest. A version dated
// after asAt is not read; a figure all of whose versions are is not
// reported. Two versions with the same date (or both undated) are an
// error. It returns the indices of the observations to read, in input
// order, and the versions of the figures restated; idx lists the
// observations to consider (all where nil).
func chooseVersions(obs []Observation, idx []int32, asAt period.Date) ([]int32, *versions, error) {
	groups, order, keep := groupVersions(obs, idx)
	var errs []error
	vs := &versions{}
	for _, k := range order {
		g := groups[k]
		if len(g) == 1 {
			if o := &obs[g[0]]; asAt.IsZero() || o.ReportedOn.IsZero() || !o.ReportedOn.After(asAt) {
				keep = append(keep, g[0])
			}
			continue
		}
		slices.SortStableFunc(g, func(a, b int32) int { return obs[a].ReportedOn.Compare(obs[b].ReportedOn) })
		if err := sameDay(obs, g); err != nil {
			errs = append(errs, err)
			continue
		}
		in := len(g)
		if !asAt.IsZero() {
			in = 0
			for in < len(g) && !obs[g[in]].ReportedOn.After(asAt) {
				in++
			}
		}
		if in == 0 {
			continue
		}
		g = g[:in]
		keep = append(keep, g[in-1])
		if in == 1 {
			continue
		}
		if vs.of == nil {
			vs.of = map[versionKey][]int32{}
		}
		vs.of[k] = g
		for _, i := range g[1:] {
			o := &obs[i]
			vs.restatements = append(vs.restatements, restatement{on: o.ReportedOn, ref: o.KPI, p: o.For(), by: o.ReportedBy})
		}
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	slices.Sort(keep)
	slices.SortStableFunc(vs.restatements, func(a, b restatement) int { return a.on.Compare(b.on) })
	return keep, vs, nil
}

// groupVersions groups the observations idx lists (all of them if it is
// nil) by KPI and period, in the order each group first appears; keep
// starts with those with no period, for the ledger to report.
func groupVersions(obs []Observation, idx []int32) (groups map[versionKey][]int32, order []versionKey, keep []int32) {
	n := len(obs)
	if idx != nil {
		n = len(idx)
	}
	groups = map[versionKey][]int32{}
	keep = make([]int32, 0, n)
	for j := range n {
		i := int32(j)
		if idx != nil {
			i = idx[j]
		}
		p := obs[i].For()
		if p.IsZero() {
			keep = append(keep, i) // for the ledger to report
			continue
		}
		k := versionKey{obs[i].KPI, p.Start(), p.End()}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	return groups, order, keep
}

// sameDay reports the versions of one figure (g, in the order reported)
// given on the same day, or both undated.
func sameDay(obs []Observation, g []int32) error {
	var errs []error
	for j := 1; j < len(g); j++ {
		a, b := &obs[g[j-1]], &obs[g[j]]
		if a.ReportedOn == b.ReportedOn {
			when := ""
			if !a.ReportedOn.IsZero() {
				when = " on " + a.ReportedOn.String()
			}
			errs = append(errs, fmt.Errorf("observations[%d]: %s for %s is reported twice%s (observations[%d]%s): a restatement needs a later reported-on date",
				g[j], b.KPI, b.For(), when, g[j-1], sourceText(a.Source)))
		}
	}
	return errors.Join(errs...)
}

// sourceText is ", file:line" for a source, or "".
func sourceText(s Source) string {
	if t := s.String(); t != "" {
		return ", " + t
	}
	return ""
}

// figures returns the versions of track ref's figure for period p, as the
// row shows them, or nil where it was reported once.
func (run *runner) figures(ref string, p period.Period) []FigureVersion {
	vs := run.l.versions
	if vs == nil || vs.of == nil {
		return nil
	}
	g, ok := vs.of[versionKey{ref, p.Start(), p.End()}]
	if !ok {
		return nil
	}
	out := make([]FigureVersion, len(g))
	for j, i := range g {
		o := &run.in.Observations[i]
		out[j] = FigureVersion{Obs: o.Obs, Note: o.Note, ReportedOn: o.ReportedOn, ReportedBy: o.ReportedBy, Source: o.Source,
			Credit: decimal.Zero}
	}
	return out
}

// restate completes a ledger whose figures include restatements: it gives
// each earlier version of a restated row the row it made (from the ledger
// as at the day before the next version), notes each restatement on the
// row, and posts the adjustments of the regimes that take them. at runs the
// ledger as at a day.
func (l *Ledger) restate(at func(period.Date) (*Ledger, error)) error {
	vs := l.versions
	cache := map[period.Date]*Ledger{}
	asAt := func(d period.Date) (*Ledger, error) {
		if x, ok := cache[d]; ok {
			return x, nil
		}
		x, err := at(d)
		if err != nil {
			return nil, err
		}
		cache[d] = x
		return x, nil
	}
	for k := range l.months {
		mo := &l.months[k]
		for i := range mo.rows {
			if err := restateRow(&mo.rows[i], k, asAt); err != nil {
				return err
			}
		}
	}
	// The adjustments: one for each day restatements were reported on, in
	// its month, where the months before it changed.
	for j := 0; j < len(vs.restatements); {
		d := vs.restatements[j].on
		var restated, by []string
		for ; j < len(vs.restatements) && vs.restatements[j].on == d; j++ {
			r := vs.restatements[j]
			restated = append(restated, r.ref+" "+r.p.Label(period.Short))
			if r.by != "" && !slices.Contains(by, r.by) {
				by = append(by, r.by)
			}
		}
		k := d.YearMonth().Sub(l.first)
		if k <= 0 || k >= len(l.months) {
			continue // no month before it, or posted after the ledger's months
		}
		r := l.months[k].regime
		if r == nil || r.spec.Restatements != AdjustInMonthRestated {
			continue
		}
		before, err := asAt(d.AddDays(-1))
		if err != nil {
			return err
		}
		after, err := asAt(d)
		if err != nil {
			return err
		}
		a := Adjustment{Month: d.YearMonth(), ReportedOn: d, ReportedBy: strings.Join(by, ", "), Restated: restated,
			Before: decimal.Zero, After: decimal.Zero, Currency: l.Currency()}
		for m := range k {
			b, c := before.months[m].credits, after.months[m].credits
			if b.Equal(c) {
				continue
			}
			a.Months = append(a.Months, l.first.AddMonths(m))
			a.Before, a.After = a.Before.Add(b), a.After.Add(c)
		}
		if len(a.Months) == 0 {
			continue
		}
		a.Amount = a.After.Sub(a.Before)
		l.months[k].adjustments = append(l.months[k].adjustments, a)
	}
	return nil
}

// restateRow completes a restated row (of the ledger's k-th month), if
// it is one: each version of its figure says what the row was with it, as
// the ledger as at the day before the next version (asAt) rated it, and a
// note says what each restatement changed.
func restateRow(row *Row, k int, asAt func(period.Date) (*Ledger, error)) error {
	f := row.Figures
	if len(f) < 2 {
		return nil
	}
	last := len(f) - 1
	f[last].Result, f[last].Status, f[last].Label, f[last].Credit = row.Result, row.Status, row.Label, row.Credit
	for j := range last {
		before, err := asAt(f[j+1].ReportedOn.AddDays(-1))
		if err != nil {
			return err
		}
		if was, ok := before.rowAt(k, row.KPI, row.Period); ok {
			f[j].Result, f[j].Status, f[j].Label, f[j].Credit = was.Result, was.Status, was.Label, was.Credit
		}
	}
	for j := range last {
		row.Notes = append(row.Notes, restatedNote(f[j], f[j+1]))
	}
	return nil
}

// rowAt returns the row of KPI ref for period p in the ledger's month k.
func (l *Ledger) rowAt(k int, ref string, p period.Period) (Row, bool) {
	if k >= len(l.months) {
		return Row{}, false
	}
	for _, r := range l.months[k].rows {
		if r.KPI == ref && samePeriod(r.Period, p) {
			return r, true
		}
	}
	return Row{}, false
}

// restatedNote says what a restatement changed: "restated on 2019-09-12 by
// the council: was 82.1% (missed), now 92.1% (met)".
func restatedNote(was, now FigureVersion) string {
	by := ""
	if now.ReportedBy != "" {
		by = " by " + now.ReportedBy
	}
	status := func(v FigureVersion) string {
		if v.Status == 0 {
			return ""
		}
		return " (" + v.Status.String() + ")"
	}
	return fmt.Sprintf("restated on %s%s: was %s%s, now %s%s", now.ReportedOn, by, was.Written(), status(was), now.Written(), status(now))
}

// clone returns a copy of a that shares no slices with it.
func (a Adjustment) clone() Adjustment {
	a.Restated, a.Months = slices.Clone(a.Restated), slices.Clone(a.Months)
	return a
}
