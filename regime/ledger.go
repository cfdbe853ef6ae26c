package regime

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// A Ledger is a contract's performance across the months it was run over,
// kept across all its regime versions: for each month, the rows of the
// measurement periods that ended in it (and the interim figures reported in
// it), the credits after caps, and the events raised. Scorecards for any
// period within it are views of it ([Ledger.Scorecard]).
type Ledger struct {
	history History
	first   period.Month
	months  []monthEntry
	tracks  []string       // KPI references, one track each across versions
	trackOf map[string]int // track by reference; nil for a single regime, whose tracks are its indicators
	// obs are the figures labelled with a month, at
	// (month-first)*len(tracks)+track, each a slot; byPeriod those labelled
	// with a longer period. A slot refers to the figure: in given, the
	// input's observations, or in ret, the compact rows of its Return.
	// A ledger handed to a caller has its own copy of given ([History.Run]);
	// one that makes a scorecard and is dropped reads the input's.
	obs      []slot
	byPeriod map[periodKey]slot
	given    []Observation
	ret      *Return
	mem      *ledgerMem // the pool's memory it runs in, or nil
	// early, if not zero, is the first month with a figure, before first
	// ([History.horizon]): the figures of the months from it to first are
	// checked, not kept, and earlySeen marks which KPIs' months have one,
	// to find one reported twice.
	early     period.Month
	earlySeen []uint64
	// plans are the rectification plans opened, in order, and openPlan the
	// open ones by KPI and event ([PlanRule]).
	plans    []*plan
	openPlan map[planKey]int
	asAt     period.Date // the day the ledger was run as at; zero for the latest
	versions *versions   // the versions of restated figures; nil if none
}

// track returns the track of KPI ref.
func (l *Ledger) track(ref string) (int, bool) {
	if l.trackOf == nil {
		r := l.history.regimes[0]
		t, ok := r.byRef[ref]
		return t, ok
	}
	t, ok := l.trackOf[ref]
	return t, ok
}

// A slot refers to one observation as reported: 0 to none, i+1 to the
// ledger's given[i], -(j+1) to row j of its Return.
type slot int32

// read returns the observation s refers to, its note, and whether there
// is one.
func (l *Ledger) read(s slot) (o kpi.Observation, note string, set bool) {
	switch {
	case s > 0:
		o := &l.given[s-1]
		return o.Obs, o.Note, true
	case s < 0:
		return l.ret.observation(*l.ret.row(int(-s - 1))), "", true
	}
	return kpi.Observation{}, "", false
}

// periodKey identifies a figure labelled with a period longer than a month
// (or a four-weekly period).
type periodKey struct {
	track      int
	start, end period.Date
}

// monthEntry is one month of the ledger.
type monthEntry struct {
	regime *Regime
	rows   []Row
	// meta says, for each row, what views and escalation need of it.
	meta                    []rowMeta
	charge                  decimal.Decimal
	hasCharge               bool
	points, before, credits decimal.Decimal
	// over and remedy are the points over the remedy's baseline and the
	// money they charge (in before); baseline the month's baseline.
	over, remedy, baseline decimal.Decimal
	events                 []Event
	escPoints              []decimal.Decimal // by track, as escalation sees them; nil if none
	escTotal               decimal.Decimal
	escSum                 sum  // escTotal, while the month is rated
	fresh                  bool // the regime started afresh in this month (Reset)
	// shared is the regime before, where the month is shared with it: each
	// rated its part ([EachPart]).
	shared *Regime
	// The earn-back moves of the month ([EarnBack]): credits held,
	// earned back (held credits released), forfeited (forfeitedHeld those
	// of them held, now deducted), repaid; and heldBalance, the credits
	// held and not yet earned back or forfeited at the month's end.
	held, earnedBack, forfeited, forfeitedHeld, repaid, heldBalance decimal.Decimal
	// bonus and deduction are the month's incentives ([Incentive]).
	bonus, deduction decimal.Decimal
	// adjustments are those posted in the month for restatements of
	// months before it ([AdjustInMonthRestated]).
	adjustments []Adjustment
}

// rowMeta is what the ledger keeps beside a row: the observation it rated,
// after claims and relief, for views to aggregate; its track; and the
// length of the track's failure history once the row was added.
type rowMeta struct {
	// src is the slot of the observation the row rated, where it rated
	// one as reported; own the observation where it is not (aggregated,
	// claimed, relieved), or nil for none.
	src   slot
	own   *kpi.Observation
	track int32
	hist  int32
}

// ratedObs returns the observation row meta m rated (the zero Observation
// for none).
func (l *Ledger) ratedObs(m *rowMeta) kpi.Observation {
	if m.own != nil {
		return *m.own
	}
	o, _, _ := l.read(m.src)
	return o
}

// rowRef is a row of the ledger: its month's index and its index there.
type rowRef struct{ month, row int32 }

// trackState is what a KPI's history carries from one measurement period to
// the next, across regime versions unless a version resets it.
type trackState struct {
	prevFail bool
	fails    []bool       // whether each measurement period counted as a failure
	rows     []rowRef     // each measurement period's row, for trends
	owed     []heldCredit // credits the KPI may still earn back ([EarnBack])
}

// Run runs the ledger of a single regime: see [History.Run].
func (r *Regime) Run(in Input) (*Ledger, error) { return History{regimes: []*Regime{r}}.Run(in) }

// Score runs the regime's ledger to the end of p and returns p's
// scorecard: see [History.Score].
func (r *Regime) Score(in Input, p period.Period) (*Scorecard, error) {
	return History{regimes: []*Regime{r}}.Score(in, p)
}

// Score runs the ledger to the end of period p (and no further) and returns
// p's scorecard ([Ledger.Scorecard]). A year to date that runs past the
// last period with a figure is cut short at it, so "YTD 2016/17" means as
// far as the figures go.
//
// Where nothing the regimes keep carries from month to month without bound
// (no rolling cap, earn-back, incentive, remedy, rectification plan or
// direction of travel, and only the package's credit rules), the ledger
// starts only as far back as p's scorecard can reach: its trends, the
// windows of its escalation rules, repeats and measurement periods. The
// scorecard is the one a run from the first figure gives; the figures
// before that start are checked (an unknown KPI, a figure reported twice),
// not scored, so a month there needs no charge. So scoring the last month
// of a return of many years costs about as much as scoring it from a
// return of one.
func (h History) Score(in Input, p period.Period) (*Scorecard, error) {
	if p.IsZero() {
		return nil, fmt.Errorf("regime: scoring the zero Period")
	}
	if _, ok := h.At(p.LastMonth()); !ok {
		return nil, fmt.Errorf("regime: no regime is in force in %s", p.LastMonth().Label(period.Short))
	}
	in.Through = p.LastMonth()
	in = in.spread()
	first, last, keep, dated := in.scan()
	if p.Kind() == period.KindYearToDate && !last.IsZero() && last.Before(in.Through) && !last.Before(p.FirstMonth()) {
		y, _ := p.Year()
		p, _ = y.ToDate(last)
		in.Through = last
	}
	if !last.IsZero() && last.Before(in.Through) {
		hint := "give the figures to its end"
		if y, ok := p.Year(); ok && p.Kind() != period.KindYearToDate {
			hint = fmt.Sprintf("score the year to date (YTD %s) for as far as they go, or give the figures to its end", y.Label(period.Short))
		}
		return nil, fmt.Errorf("regime: %s runs to %s, but the figures run to %s: %s", p.Label(period.Short), p.LastMonth().Label(period.Short), last.Label(period.Short), hint)
	}
	// The view's months from its start, where a regime is in force then,
	// though the first figure comes later: the contract, not the return,
	// says what the months without figures mean.
	start := p.FirstMonth()
	if from := h.regimes[0].spec.From; start.Before(from) {
		start = from
	}
	if _, ok := h.At(start); ok && (first.IsZero() || start.Before(first)) {
		first = start
	}
	// Only p's scorecard is read: the rows of months before it, and before
	// the views a year and a period before it that its comparisons read,
	// can go once the ledger has run past the months its trends look back
	// to.
	// Where the regimes carry nothing from month to month without bound,
	// the run need only start far enough back for the view ([horizon]);
	// the figures before that are checked, not scored.
	var early period.Month
	if start, ok := h.horizon(in, p); ok && !dated && !first.IsZero() && first.Before(start) && !fullRuns {
		early, first = first, start
	}
	l, err := h.run(in, first, last, keep, dated, p.FirstMonth().AddMonths(-max(p.NumMonths(), 12)-2), early)
	if err != nil {
		return nil, err
	}
	sc, err := l.scorecard(p, true)
	l.release(sc)
	return sc, err
}

// scan returns the first month an observation's period starts in (of those
// that start by through, if through is not zero) and the last month any
// ends in, reading a month without building its period. Where through is
// not zero it returns, too, the indices of the observations to read: those
// ending by through, and those with no month (to report). dated reports
// whether any observation carries a reported-on date, so that a ledger need
// look for versions.
func scan(obs []Observation, through period.Month) (first, last period.Month, keep []int32, dated bool) {
	if !through.IsZero() {
		keep = make([]int32, 0, min(len(obs), 1024))
	}
	for i := range obs {
		o := &obs[i]
		dated = dated || !o.ReportedOn.IsZero()
		f, e := o.Month, o.Month
		if !o.Period.IsZero() {
			f, e = o.Period.FirstMonth(), o.Period.LastMonth()
		}
		if keep != nil && (f.IsZero() || !e.After(through)) {
			keep = append(keep, int32(i))
		}
		if f.IsZero() {
			continue
		}
		if last.IsZero() || e.After(last) {
			last = e
		}
		if (through.IsZero() || !f.After(through)) && (first.IsZero() || f.Before(first)) {
			first = f
		}
	}
	return first, last, keep, dated
}

// scan is [scan] of the input's observations and its Return's rows
// ([Input.spread] leaves the Return only rows that are not dated).
func (in Input) scan() (first, last period.Month, keep []int32, dated bool) {
	first, last, keep, dated = scan(in.Observations, in.Through)
	if in.Return == nil {
		return first, last, keep, dated
	}
	// The Return's first month, where it is not after Through, is the first
	// of its rows that start by then.
	rf, rl := in.Return.Months()
	if !rl.IsZero() && (last.IsZero() || rl.After(last)) {
		last = rl
	}
	if !rf.IsZero() && (in.Through.IsZero() || !rf.After(in.Through)) && (first.IsZero() || rf.Before(first)) {
		first = rf
	}
	return first, last, keep, dated
}

// spread returns in with the rows of its Return that it keeps as given
// moved to Observations; or, where any observation is dated, every row,
// and no Return, since choosing a figure's version reads all its versions
// side by side.
func (in Input) spread() Input {
	rt := in.Return
	if rt == nil {
		return in
	}
	switch {
	case rt.n == 0:
		in.Return = nil
	case rt.dated || slices.ContainsFunc(in.Observations, func(o Observation) bool { return !o.ReportedOn.IsZero() }):
		in.Observations = append(slices.Clip(in.Observations), rt.Observations()...)
		in.Return = nil
	case len(rt.full) > 0:
		in.Observations = append(slices.Clip(in.Observations), rt.full...)
	}
	return in
}

// A MissingChargeError is returned when a month scored under credit rules
// (or a cap written as a percentage of charges) has no charge.
type MissingChargeError struct {
	Regime string
	Month  period.Month
}

// Error says which regime lacks the charge of which month.
func (e *MissingChargeError) Error() string {
	return fmt.Sprintf("regime %s: no charge for %s, which its credit rules and caps need", e.Regime, e.Month.Label(period.Short))
}

// Run runs the contract's ledger over its input, one month at a time from
// the first month an observation's period covers to in.Through (or the end
// of the last observation's period), each month under the regime in force
// in it. A KPI whose reference continues into a later regime keeps its
// history (repeats, escalation, rolling caps) unless that regime resets it
// ([Spec.Reset]).
//
// Each KPI is rated once per measurement period of its frequency, in the
// month the period ends, and that period's consequences accrue in that
// month, against that month's charges. For each month and each
// measurement period ending in it, the figure (the one reported for the
// period, the aggregate of the interim figures for its months
// ([kpi.AggregateBounded]), or none) goes through the eleven steps of the
// package documentation's ledger, in that fixed order: claims and relief,
// banding and deeming, repeat, points, credits, earn-back, incentives,
// remedy, caps, escalation and plans.
//
// A figure for a month inside a longer measurement period is interim: shown
// in its month, never charged, not counted by escalation.
//
// It is an error for an observation to name an unknown KPI, a period the
// regime in force is not in, or a period that is not a measurement period
// of its KPI (nor a month inside one); for a KPI to be reported twice for
// a period; and for a month scored under credit rules to have no charge
// ([*MissingChargeError]). The order of the input does not matter.
func (h History) Run(in Input) (*Ledger, error) {
	in = in.spread()
	// The ledger's views read the observations later: its own copy, which
	// the caller cannot change.
	in.Observations = slices.Clone(in.Observations)
	first, last, keep, dated := in.scan()
	return h.run(in, first, last, keep, dated, period.Month{}, period.Month{})
}

// fullRuns makes every run start at the first figure, for the tests that
// compare a run from a horizon with one from the start.
var fullRuns = false

// run is Run with the first month an observation covers and the last month
// one ends in already found, reading the observations keep lists (all of
// them if it is nil). Where the observations carry reported-on dates
// (dated, from [scan]), it
// reads the version of each figure in force as at in.AsAt, and, where
// there are restatements, completes the ledger with them
// ([Ledger.restate]).
func (h History) run(in Input, first, dataLast period.Month, keep []int32, dated bool, keepFrom, early period.Month) (*Ledger, error) {
	if !dated {
		return h.runAt(in, first, dataLast, keep, nil, keepFrom, early)
	}
	chosen, vs, err := chooseVersions(in.Observations, keep, in.AsAt)
	if err != nil {
		return nil, err
	}
	l, err := h.runAt(in, first, dataLast, chosen, vs, period.Month{}, period.Month{})
	if err != nil || len(vs.restatements) == 0 || len(l.months) == 0 {
		return l, err
	}
	err = l.restate(func(d period.Date) (*Ledger, error) {
		at := in
		at.AsAt = d
		c, v, err := chooseVersions(in.Observations, keep, d)
		if err != nil {
			return nil, err
		}
		return h.runAt(at, first, dataLast, c, v, period.Month{}, period.Month{})
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// runAt is run reading the observations keep lists, whose restated figures'
// versions are vs (nil if none). Where keepFrom is not zero, only the rows
// of the months from keepFrom on are read once the ledger has run: those
// of earlier months are let go as soon as no trend can look back to them,
// so that a long ledger run for one view holds a few months' rows, not all
// of them. Where early is not zero, it is the first month with a figure,
// before first: the figures from it to first are checked, not scored.
func (h History) runAt(in Input, first, dataLast period.Month, keep []int32, vs *versions, keepFrom, early period.Month) (*Ledger, error) {
	if len(h.regimes) == 0 {
		return nil, errors.New("regime: a history with no regimes")
	}
	l := &Ledger{history: h, first: first, asAt: in.AsAt, versions: vs, early: early, given: in.Observations}
	through := in.Through
	if through.IsZero() {
		through = dataLast
	}
	if first.IsZero() || through.Before(first) {
		return l, checkObservations(in.Observations)
	}
	from := first
	if !early.IsZero() {
		from = early // the figures before first are checked against their own tracks
	}
	l.setTracks(from, through)
	n, k := through.Sub(first)+1, len(l.tracks)
	if !keepFrom.IsZero() {
		// Run for one scorecard and dropped: its memory is the pool's.
		l.mem = memPool.Get().(*ledgerMem)
	}
	l.obs = reuse(l.mem.arrays().slots, n*k)
	if !early.IsZero() {
		l.earlySeen = make([]uint64, (first.Sub(early)*k+63)/64)
	}
	if err := errors.Join(l.place(in.Observations, keep, through), l.placeReturn(in.Return, through)); err != nil {
		return nil, err
	}
	if err := h.checkYears(first, through); err != nil {
		return nil, err
	}
	run := &runner{l: l, in: in, tracks: reuse(l.mem.arrays().tracks, k), keepFrom: keepFrom}
	if h.hasIncentives() {
		run.bonusPaid, run.deducted = map[fundKey]decimal.Decimal{}, map[fundKey]decimal.Decimal{}
	}
	if err := run.orderUpdates(); err != nil {
		return nil, err
	}
	fails, rows := reuse(l.mem.arrays().fails, n*k)[:0], reuse(l.mem.arrays().refs, n*k)[:0]
	for t := range run.tracks {
		run.tracks[t].fails = fails[t*n : t*n : (t+1)*n]
		run.tracks[t].rows = rows[t*n : t*n : (t+1)*n]
	}
	if err := run.months(first, through); err != nil {
		return nil, err
	}
	if l.mem != nil {
		l.mem.tracks, l.mem.fails, l.mem.refs = run.tracks, fails, rows
	}
	return l, nil
}

// setTracks gives every KPI of the regimes in force from first to through
// a track, reported or not; a single regime's tracks are its indicators.
func (l *Ledger) setTracks(first, through period.Month) {
	h := l.history
	single := len(h.regimes) == 1
	if single {
		l.tracks = h.regimes[0].refs
	} else {
		l.trackOf = map[string]int{}
		for _, r := range h.regimes {
			if r.spec.From.After(through) || (!r.spec.Until.IsZero() && !r.spec.Until.After(first)) {
				continue
			}
			for _, ref := range r.refs {
				if _, ok := l.trackOf[ref]; !ok {
					l.trackOf[ref] = len(l.tracks)
					l.tracks = append(l.tracks, ref)
				}
			}
		}
	}
}

// place puts the observations keep lists (all of them if it is nil) that
// end by through in the ledger's slots, and reports those it cannot read.
func (l *Ledger) place(obs []Observation, keep []int32, through period.Month) error {
	h, first, k, single := l.history, l.first, len(l.tracks), l.trackOf == nil
	var errs []error
	count := len(obs)
	if keep != nil {
		count = len(keep)
	}
	for j := range count {
		i := j
		if keep != nil {
			i = int(keep[j])
		}
		o := &obs[i]
		month := o.Period.IsZero()
		end := o.Month
		if !month {
			end = o.Period.LastMonth()
		}
		if end.IsZero() {
			errs = append(errs, fmt.Errorf("observations[%d]: %s has no month or period", i, o.KPI))
			continue
		}
		if end.After(through) {
			continue // only what is asked
		}
		di, err := h.indicatorFor(i, o, end)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t := di
		if !single {
			t = l.trackOf[o.KPI]
		}
		if month && end.Before(first) {
			if l.seenEarly(t, end) {
				errs = append(errs, fmt.Errorf("observations[%d]: %s for %s is reported twice", i, o.KPI, end))
			}
			continue
		}
		if month {
			at := end.Sub(first)*k + t
			if l.obs[at] != 0 {
				errs = append(errs, fmt.Errorf("observations[%d]: %s for %s is reported twice", i, o.KPI, end))
				continue
			}
			l.obs[at] = slot(i + 1)
			continue
		}
		key := periodKey{t, o.Period.Start(), o.Period.End()}
		if l.byPeriod == nil {
			l.byPeriod = map[periodKey]slot{}
		}
		if _, dup := l.byPeriod[key]; dup {
			errs = append(errs, fmt.Errorf("observations[%d]: %s for %s is reported twice", i, o.KPI, o.Period))
			continue
		}
		l.byPeriod[key] = slot(i + 1)
	}
	return errors.Join(errs...)
}

// placeReturn puts the compact rows of rt (those it does not keep as
// given, which place reads) that end by through in the ledger's slots, and
// reports those it cannot read, as place does. The regime in force and
// the KPI's index in it are looked up once for each month and KPI, not
// for every row.
func (l *Ledger) placeReturn(rt *Return, through period.Month) error {
	if rt == nil {
		return nil
	}
	l.ret = rt
	h, k := l.history, len(l.tracks)
	var errs []error
	var (
		lastMonth period.Month
		r         *Regime
		index     []int32                 // by the Return's KPI, its index in r + 1, -1 if r has none, 0 if not yet looked up
		indices   = map[*Regime][]int32{} // index, for each regime met
	)
	for j := range rt.n {
		row := rt.row(j)
		if row.kind() == retFull || row.month.After(through) {
			continue
		}
		if row.month != lastMonth {
			lastMonth = row.month
			var ok bool
			if r, ok = h.At(row.month); !ok {
				r = nil
			} else if index = indices[r]; index == nil {
				index = make([]int32, len(rt.refs))
				indices[r] = index
			}
		}
		if r == nil {
			errs = append(errs, fmt.Errorf("%s: %s for %s: no regime is in force in %s", rt.name(j), rt.refs[row.kpi()], row.month, row.month))
			continue
		}
		di := index[row.kpi()]
		if di <= 0 {
			i, err := indicatorIn(r, rt.refs[row.kpi()])
			if err != nil {
				index[row.kpi()] = -1
				errs = append(errs, fmt.Errorf("%s: %w", rt.name(j), err))
				continue
			}
			di = int32(i + 1)
			index[row.kpi()] = di
		}
		d := r.rated[di-1]
		if d.Frequency().ByDays() {
			if err := d.CheckPeriod(row.month.Period()); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", rt.name(j), err))
				continue
			}
		}
		t := int(di - 1)
		if l.trackOf != nil {
			t = l.trackOf[rt.refs[row.kpi()]]
		}
		if row.month.Before(l.first) {
			if l.seenEarly(t, row.month) {
				errs = append(errs, fmt.Errorf("%s: %s for %s is reported twice", rt.name(j), rt.refs[row.kpi()], row.month))
			}
			continue
		}
		at := row.month.Sub(l.first)*k + t
		if l.obs[at] != 0 {
			errs = append(errs, fmt.Errorf("%s: %s for %s is reported twice", rt.name(j), rt.refs[row.kpi()], row.month))
			continue
		}
		l.obs[at] = slot(-j - 1)
	}
	return errors.Join(errs...)
}

// seenEarly marks track t's month m, before the run's first month, as
// reported, and reports whether it was already.
func (l *Ledger) seenEarly(t int, m period.Month) bool {
	i := m.Sub(l.early)*len(l.tracks) + t
	w, b := i/64, uint64(1)<<(i%64)
	seen := l.earlySeen[w]&b != 0
	l.earlySeen[w] |= b
	return seen
}

// indicatorIn returns the index of KPI ref in regime r, or an error
// saying r has no such KPI.
func indicatorIn(r *Regime, ref string) (int, error) {
	if i, ok := r.byRef[ref]; ok {
		return i, nil
	}
	return 0, fmt.Errorf("no KPI %s in regime %s", problems.Quote(ref), title(r))
}

// indicatorFor returns the index of observation i's indicator (o, for a
// period ending in month end) in the regime that rates it, checking that
// the regime has it, the figure is sound and the period is one the
// indicator is measured for.
func (h History) indicatorFor(i int, o *Observation, end period.Month) (int, error) {
	month := o.Period.IsZero()
	r, ok := h.At(end)
	if !ok {
		return 0, fmt.Errorf("observations[%d]: %s for %s: no regime is in force in %s", i, o.KPI, o.For(), end)
	}
	part := false // a regime's part of a month it shares with another
	if s, split := h.splitIn(end); split && !month {
		switch o.Period {
		case s.first:
			r, part = s.before, true
		case s.second:
			part = true
		}
	}
	di, err := indicatorIn(r, o.KPI)
	if err != nil {
		return 0, fmt.Errorf("observations[%d]: %w", i, err)
	}
	if err := o.Obs.Check(); err != nil {
		return 0, fmt.Errorf("observations[%d]: %s for %s: %w", i, o.KPI, o.For(), err)
	}
	d := r.rated[di]
	if (!month || d.Frequency().ByDays()) && !(part && d.Frequency().Months() == 1) {
		if err := d.CheckPeriod(o.For()); err != nil {
			return 0, fmt.Errorf("observations[%d]: %w", i, err)
		}
	}
	return di, nil
}

// months runs the ledger month by month from first to through, each under
// the regime in force in it.
func (run *runner) months(first, through period.Month) error {
	h, l := run.l.history, run.l
	n := through.Sub(first) + 1
	l.months = reuse(l.mem.arrays().months, n)[:0]
	var prev *Regime // the regime of the month before, as a run from the first figure has it
	for m := l.early; !m.IsZero() && m.Before(first); m = m.AddMonths(1) {
		if r, ok := h.At(m); ok {
			prev = r
		}
	}
	for m := first; !m.After(through); m = m.AddMonths(1) {
		r, _ := h.At(m)
		fresh := r != nil && r != prev && prev != nil && r.spec.Reset
		if fresh {
			for t := range run.tracks {
				tr := &run.tracks[t]
				*tr = trackState{fails: tr.fails[:0], rows: tr.rows[:0]}
			}
		}
		var sp *split
		if s, ok := h.splitIn(m); ok {
			sp = &s
		}
		mo, err := run.month(m, r, fresh, sp)
		if err != nil {
			return err
		}
		l.months = append(l.months, mo)
		run.letGo(m.AddMonths(-lookBack))
		if r != nil {
			prev = r
		}
	}
	return nil
}

// lookBack is how many months before the month being rated a trend or a
// comparison may read a row of, but for a KPI's previous measurement
// period ([runner.earlierRows]): the same period a year before, rated
// within the fourteen months before, and one more.
const lookBack = 15

// letGo lets go of the rows of month m, where the run's keepFrom says
// they will not be read, keeping for each KPI whose latest row is there
// that row's result, which its next trend reads.
func (run *runner) letGo(m period.Month) {
	l := run.l
	k := m.Sub(l.first)
	if run.keepFrom.IsZero() || !m.Before(run.keepFrom) || k < 0 || l.months[k].rows == nil {
		return
	}
	if run.kept == nil {
		run.kept = make([]kpi.Result, len(run.tracks))
	}
	for t := range run.tracks {
		tr := &run.tracks[t]
		if n := len(tr.rows); n > 0 && int(tr.rows[n-1].month) == k {
			run.kept[t] = l.months[k].rows[tr.rows[n-1].row].Result
		}
	}
	// Its arrays may hold the rows of a month to come.
	if l.mem != nil {
		l.mem.free(l.months[k].rows, l.months[k].meta)
	}
	l.months[k].rows, l.months[k].meta, l.months[k].events = nil, nil, nil
}

// checkObservations reports the observations with no month or period
// where no month is to be scored (the others end after it, and are not
// read).
func checkObservations(obs []Observation) error {
	var errs []error
	for i := range obs {
		if o := &obs[i]; o.For().IsZero() {
			errs = append(errs, fmt.Errorf("observations[%d]: %s has no month or period", i, o.KPI))
		}
	}
	return errors.Join(errs...)
}

// checkYears checks that every profiled KPI in force between first and
// last has targets for each year it is scored in.
func (h History) checkYears(first, last period.Month) error {
	var errs []error
	for _, r := range h.regimes {
		from, until := r.spec.From, r.spec.Until
		if from.Before(first) {
			from = first
		}
		end := last.AddMonths(1)
		if !until.IsZero() && until.Before(end) {
			end = until
		}
		if !from.Before(end) {
			continue
		}
		if err := r.checkYears(from, end.AddMonths(-1)); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// runner carries the state of one run.
type runner struct {
	l      *Ledger
	in     Input
	tracks []trackState
	// opened are the credits opened for repayment in the month being
	// scored; earned the credits earned back in each year (by its first
	// month), for the earn-back limit; bonusPaid and deducted the
	// incentives of each year, for their caps; heldBalance the credits held.
	opened []openedCredit
	// updateOrder is the order of the plan updates (by date), and
	// nextUpdate the first not yet applied.
	updateOrder         []int
	nextUpdate          int
	earned              map[period.Month]decimal.Decimal
	bonusPaid, deducted map[fundKey]decimal.Decimal
	heldBalance         decimal.Decimal
	// keepFrom, if not zero, is the first month whose rows are read once
	// the run is done ([runner.letGo]); kept, by track, the result of the
	// latest row where its month's rows were let go (nil until some are).
	keepFrom period.Month
	kept     []kpi.Result
}

// month scores month m under regime r (nil where none is in force).
func (run *runner) month(m period.Month, r *Regime, fresh bool, sp *split) (monthEntry, error) {
	mo := monthEntry{regime: r, fresh: fresh, points: decimal.Zero, before: decimal.Zero, credits: decimal.Zero, escTotal: decimal.Zero,
		heldBalance: run.heldBalance}
	if r == nil {
		return mo, nil
	}
	mo.charge, mo.hasCharge = run.in.Charges[m]
	if (r.needsCharges() || sp != nil && sp.before.needsCharges()) && !mo.hasCharge {
		return monthEntry{}, &MissingChargeError{Regime: title(r), Month: m}
	}
	mo.rows, mo.meta = run.rowsFor(len(r.rated))
	full := mo.charge
	if sp == nil {
		if err := run.rateRegime(&mo, r, m, m.Period(), everyKPI); err != nil {
			return monthEntry{}, err
		}
	} else {
		// A month shared by two regimes: the one before rates its monthly
		// KPIs over its days, against its share of the charge by days;
		// this one its monthly KPIs over the rest, against the rest of
		// the charge, and its longer periods ending in the month as ever.
		mo.shared = sp.before
		first, second := sp.shares(full, m)
		mo.charge = first
		if err := run.rateRegime(&mo, sp.before, m, sp.first, monthlyKPI); err != nil {
			return monthEntry{}, err
		}
		mo.charge = second
		if err := run.rateRegime(&mo, r, m, sp.second, monthlyKPI); err != nil {
			return monthEntry{}, err
		}
		mo.charge = full
		if err := run.rateRegime(&mo, r, m, m.Period(), longerKPI); err != nil {
			return monthEntry{}, err
		}
	}
	mo.charge = full
	mo.escTotal = mo.escSum.total()
	mo.addUp()
	if !r.spec.Remedy.IsZero() {
		mo.baseline, _ = r.spec.Remedy.BaselineAt(m)
		over, remedy := r.spec.Remedy.Over(m, mo.points, mo.charge)
		mo.over, mo.remedy = over, r.spec.Rounding.Pence(remedy)
		mo.before = mo.before.Add(mo.remedy)
	}
	credits, err := run.cap(r, m, mo)
	if err != nil {
		return monthEntry{}, err
	}
	mo.credits = credits
	run.scaleRepayable(&mo)
	if fresh {
		run.heldBalance = decimal.Zero // a regime that starts afresh drops what was held
	}
	if !mo.held.IsZero() || !mo.earnedBack.IsZero() || !mo.forfeitedHeld.IsZero() {
		run.heldBalance = run.heldBalance.Add(mo.held).Sub(mo.earnedBack).Sub(mo.forfeitedHeld)
	}
	mo.heldBalance = run.heldBalance
	mo.events = run.escalate(r, m, mo)
	if r.opensPlans || len(run.l.plans) > 0 {
		if err := run.plans(r, m, &mo); err != nil {
			return monthEntry{}, err
		}
	}
	return mo, nil
}

// addUp totals the points of the month's rows, and the credits to be
// deducted before caps: the rows' credits less those held to be earned
// back, and the held credits forfeited this month.
func (mo *monthEntry) addUp() {
	var points, before sum
	for i := range mo.rows {
		if !mo.rows[i].Points.IsZero() {
			points.add(mo.rows[i].Points)
		}
		if c := mo.rows[i].Credit; !c.IsZero() {
			if h := mo.rows[i].Moves().Held; !h.IsZero() {
				c = c.Sub(h) // a credit held to be earned back is not deducted now
			}
			before.add(c)
		}
	}
	if !mo.forfeitedHeld.IsZero() {
		// Held credits forfeited this month are deducted now, under its caps.
		before.add(mo.forfeitedHeld)
	}
	mo.points, mo.before = points.total(), before.total()
}

// at returns the slot of track t for month m.
func (l *Ledger) at(t int, m period.Month) slot {
	i := m.Sub(l.first)
	if i < 0 || i*len(l.tracks) >= len(l.obs) {
		return 0
	}
	return l.obs[i*len(l.tracks)+t]
}

// baseRow is a row with d's description and nothing accrued.
func baseRow(r *Regime, d kpi.Definition, p period.Period) Row {
	return Row{KPI: d.Ref(), Description: d.Description(), ServiceArea: d.ServiceArea(), Tier: d.Tier(),
		Contractual: d.Contractual(), Period: p, Regime: r.spec.Name, Versions: r.versions, Multiplier: one, Points: decimal.Zero,
		Credit: decimal.Zero}
}

var one = decimal.NewFromInt(1)

// interim adds the row of a KPI with no measurement period ending in m: an
// interim figure reported for m, or not due.
func (run *runner) interim(mo *monthEntry, r *Regime, i, t int, m period.Month) error {
	d := r.rated[i]
	s := run.l.at(t, m)
	o, note, set := run.l.read(s)
	// The row is built on the stack and copied into the month once: writes
	// into heap memory pay the garbage collector's write barriers.
	rowv := r.rows[i]
	row := &rowv
	row.Period = m.Period()
	row.Figures = run.figures(d.Ref(), row.Period)
	if note != "" {
		row.Notes = append(row.Notes, note)
	}
	res, err := kpi.Evaluate(d, m.Period(), o)
	if err != nil {
		return fmt.Errorf("regime %s: %w", r.spec.Name, err)
	}
	row.Result, row.Status = res, res.Status()
	row.Label = r.Label(row.Status)
	if set && (o.HasFigure() || o.IsOutcome()) {
		mp := d.Frequency().PeriodOf(m)
		row.Interim = true
		row.Reported = o.Reported()
		row.Notes = append(row.Notes, fmt.Sprintf("interim: %s is measured for %s, rated when it ends", d.Ref(), mp.Label(period.Short)))
	} else if st := res.Status(); st == kpi.NotMeasurable || st == kpi.Excluded {
		// A claim for a month when nothing is due is shown as reported; it
		// costs nothing until the period it belongs to ends.
		row.Claim = st
		if rl, ok := r.reliefFor(d.Ref(), m); ok {
			row.Relief = rl
			row.Notes = append(row.Notes, reliefNote(rl))
		}
	} else {
		row.Status, row.Label = kpi.NotDue, r.Label(kpi.NotDue)
	}
	row.Failing = false
	mo.rows = append(mo.rows, rowv)
	mo.meta = append(mo.meta, rowMeta{src: s, track: int32(t), hist: int32(len(run.tracks[t].fails))})
	return nil
}

// figure returns the observation for measurement period p of track t: the
// figure reported for p, or the aggregate of the interim figures for its
// months, and a note saying which.
// src is the observation's slot, where it is one reported (a slot of
// the ledger's, not an aggregate).
func (run *runner) figure(d kpi.Definition, t int, p period.Period, m period.Month) (o kpi.Observation, src slot, note string, err error) {
	l := run.l
	if p.Kind() == period.KindMonth {
		s := l.at(t, m)
		o, note, _ := l.read(s)
		return o, s, note, nil
	}
	if s, ok := l.byPeriod[periodKey{t, p.Start(), p.End()}]; ok {
		o, note, _ := l.read(s)
		return o, s, note, nil
	}
	if d.Frequency().ByDays() || p.Kind() == period.KindDays {
		// A four-weekly or rail period, or a regime's part of a shared
		// month, has its own figure or none: it is not made of months.
		return kpi.Observation{}, 0, "", nil
	}
	var entries []kpi.Entry
	var notes []string
	for mm := range p.Months() {
		if o, note, set := l.read(l.at(t, mm)); set {
			entries = append(entries, kpi.Entry{Period: mm.Period(), Obs: o})
			if note != "" {
				notes = append(notes, note)
			}
		}
	}
	if len(entries) == 0 {
		return kpi.Observation{}, 0, "", nil
	}
	agg, err := kpi.AggregateBounded(d.Measure(), entries, nil)
	if err != nil {
		return kpi.Observation{}, 0, "", fmt.Errorf("%s for %s: %w", d.Ref(), p.Label(period.Short), err)
	}
	first, last := entries[0].Period.FirstMonth(), entries[len(entries)-1].Period.FirstMonth()
	note = fmt.Sprintf("%s from the monthly figures of %s", p.Label(period.Short), monthSpan(first, last))
	if len(notes) > 0 {
		note += "; " + strings.Join(notes, "; ")
	}
	return agg, 0, note, nil
}

// Which KPIs rateRegime rates.
type kpisOf uint8

const (
	everyKPI   kpisOf = iota
	monthlyKPI        // the monthly KPIs, over the regime's part of a shared month
	longerKPI         // the others, in a shared month, after them
)

// rateRegime adds the rows of regime r in month m: each monthly KPI over
// mp (the month, or the regime's part of it), each longer measurement
// period ending in m, and interim rows for the others; which says which of
// them. The KPIs made of parts are rated after every other, from their
// parts' rows, and the rows are then put in report order.
func (run *runner) rateRegime(mo *monthEntry, r *Regime, m period.Month, mp period.Period, which kpisOf) error {
	start := len(mo.rows)
	for pass := range 2 {
		for i, d := range r.rated {
			if d.IsCompound() != (pass == 1) {
				continue
			}
			t := i
			if run.l.trackOf != nil {
				t = run.l.trackOf[r.refs[i]]
			}
			f := d.Frequency()
			if f.Months() == 1 {
				if which == longerKPI {
					continue
				}
				if err := run.rate(mo, r, i, t, m, mp); err != nil {
					return err
				}
				continue
			}
			if which == monthlyKPI {
				continue
			}
			ended := false
			for p := range f.Periods(m.Period()) {
				ended = true
				if err := run.rate(mo, r, i, t, m, p); err != nil {
					return err
				}
			}
			if !ended {
				if err := run.interim(mo, r, i, t, m); err != nil {
					return err
				}
			}
		}
	}
	if len(r.partOf) > 0 {
		reportOrder(mo, r, start)
	}
	return nil
}

// reportOrder puts the rows of r from index start back in the regime's
// order of KPIs, after the KPIs made of parts were rated last.
func reportOrder(mo *monthEntry, r *Regime, start int) {
	rows, meta := mo.rows[start:], mo.meta[start:]
	idx := make([]int, len(rows))
	for k := range idx {
		idx[k] = k
	}
	slices.SortStableFunc(idx, func(a, b int) int { return r.byRef[rows[a].KPI] - r.byRef[rows[b].KPI] })
	sr, sm := make([]Row, len(idx)), make([]rowMeta, len(idx))
	for k, j := range idx {
		sr[k], sm[k] = rows[j], meta[j]
	}
	copy(rows, sr)
	copy(meta, sm)
}

// combine rates a KPI made of parts for period p from its parts' rows,
// which the month has already (month rates the KPIs made of parts after
// every other). A part with no row for p is taken as no figure.
func combine(mo *monthEntry, d kpi.Definition, p period.Period) (kpi.Result, error) {
	refs := d.Parts()
	parts := make([]kpi.PartResult, len(refs))
	for j, ref := range refs {
		parts[j] = kpi.PartResult{Ref: ref, Result: kpi.Result{}}
		for k := range mo.rows {
			if pr := &mo.rows[k]; pr.KPI == ref && pr.Period.Start() == p.Start() && pr.Period.End() == p.End() {
				parts[j].Result = pr.Result
				break
			}
		}
	}
	return kpi.Combine(d, p, parts)
}

// window rates month m of a KPI measured over a rolling window on the
// aggregate of the window's figures: o, this month's, and those reported
// for the months before it in the window, leaving out months excluded or
// agreed not measurable. The row's note names the window and gives the
// month's own figure beside it.
func (run *runner) window(row *Row, r *Regime, d kpi.Definition, t int, m period.Month, o kpi.Observation) (kpi.Result, error) {
	n := d.Rolling()
	first := m.AddMonths(1 - n)
	entries := make([]kpi.Entry, 0, n)
	for mm := first; mm.Before(m); mm = mm.AddMonths(1) {
		mo, _, set := run.l.read(run.l.at(t, mm))
		if !set || !mo.HasFigure() {
			continue
		}
		if rl, ok := r.reliefFor(d.Ref(), mm); ok && (rl.Kind == Exclusion || rl.Kind == AgreedNotMeasurable) {
			continue
		}
		entries = append(entries, kpi.Entry{Period: mm.Period(), Obs: mo})
	}
	entries = append(entries, kpi.Entry{Period: m.Period(), Obs: o})
	agg, err := kpi.AggregateBounded(d.Measure(), entries, nil)
	if err != nil {
		return kpi.Result{}, fmt.Errorf("%s: rolling %d months to %s: %w", d.Ref(), n, m.Label(period.Short), err)
	}
	res, err := kpi.EvaluateWindow(d, m.Period(), agg)
	if err != nil {
		return kpi.Result{}, err
	}
	own, err := kpi.Evaluate(d, m.Period(), o)
	if err != nil {
		return kpi.Result{}, err
	}
	note := fmt.Sprintf("rolling %d months, %s", n, monthSpan(first, m))
	if len(entries) < n {
		note += fmt.Sprintf(" (%d with figures)", len(entries))
	}
	if w, ok := own.ActualWritten(); ok {
		note += fmt.Sprintf("; %s alone: %s, %s", m.Label(period.Short), w, own.Status())
	}
	row.Notes = append(row.Notes, note)
	return res, nil
}

// monthSpan writes "Apr-16" or "Apr-16 to Sep-16".
func monthSpan(first, last period.Month) string {
	if first == last {
		return first.Label(period.Short)
	}
	return first.Label(period.Short) + " to " + last.Label(period.Short)
}

// rate adds the row of track t's measurement period p, ending in m.
func (run *runner) rate(mo *monthEntry, r *Regime, i, t int, m period.Month, p period.Period) error {
	d := r.rated[i]
	o, src, note, err := run.figure(d, t, p, m)
	if err != nil {
		return fmt.Errorf("regime %s: %w", r.spec.Name, err)
	}
	ref := d.Ref()
	rowv := r.rows[i] // built on the stack, copied into the month once
	row := &rowv
	row.Period = p
	row.Figures = run.figures(ref, p)
	if note != "" {
		row.Notes = append(row.Notes, note)
	}
	rl, relieved := r.reliefFor(ref, m)
	// The contract decides what a missing figure means, not the return.
	o, src = claims(row, o, src, rl, relieved, ref, p)
	res, err := run.evaluate(mo, row, r, d, t, m, p, o)
	if err != nil {
		return fmt.Errorf("regime %s: %w", r.spec.Name, err)
	}
	row.Result, row.Status = res, res.Status()
	if res.Unverifiable() {
		row.Notes = append(row.Notes, "as reported, not verifiable from the published levels")
	}
	if by := res.Travel(); by != "" {
		row.Notes = append(row.Notes, "direction of travel: "+by)
	}
	bare, err := run.consequences(mo, row, r, d, t, p, res, o, note, rl, relieved)
	if err != nil {
		return err
	}
	if r.spec.EarnBack.Mode != 0 {
		run.earnBack(mo, r, row, t, m, bare)
	}
	if r.incentive != nil {
		if k := r.incentive[i]; k >= 0 {
			run.incentive(mo, r, k, row, m)
		}
	}
	run.trend(mo, row, t, m, res, d)
	mo.rows = append(mo.rows, rowv)
	meta := rowMeta{src: src, track: int32(t), hist: int32(len(run.tracks[t].fails))}
	if src == 0 && o != (kpi.Observation{}) {
		own := o // on the heap only here, not for every row
		meta.own = &own
	}
	mo.meta = append(mo.meta, meta)
	return nil
}

// claims applies what the contract grants to a row's figure o (src where
// it is one reported): a claim instead of a figure (not due, excluded, not
// measurable) the relief rl does not grant is refused, and taken as no
// figure; an exclusion or agreed not-measurable relief replaces the
// figure.
func claims(row *Row, o kpi.Observation, src slot, rl Relief, relieved bool, ref string, p period.Period) (kpi.Observation, slot) {
	// The contract decides what a missing figure means, not the return.
	if claim, text := o.Reason(); !o.HasFigure() && !o.IsOutcome() && !isRange(o) && claim != kpi.NoData {
		row.Claim = claim
		granted := false
		switch claim {
		case kpi.Excluded:
			granted = relieved && rl.Kind == Exclusion
		case kpi.NotMeasurable:
			granted = relieved && rl.Kind == AgreedNotMeasurable
		}
		if !granted {
			row.ClaimRefused = true
			what := strings.ReplaceAll(claim.String(), "_", " ")
			if claim == kpi.NotDue {
				row.Notes = append(row.Notes, fmt.Sprintf("reported not due, but due: %s is measured for %s", ref, p.Label(period.Short)))
			} else {
				row.Notes = append(row.Notes, fmt.Sprintf("reported %s, a claim the contract does not grant for %s: taken as no figure", what, p.Label(period.Short)))
			}
			o, src = kpi.Missing(kpi.NoData, text), 0
		}
	}
	if relieved && (rl.Kind == Exclusion || rl.Kind == AgreedNotMeasurable) {
		src = 0
		switch rl.Kind {
		case Exclusion:
			o = kpi.Missing(kpi.Excluded, rl.Reason).WithReported(o.Reported())
		case AgreedNotMeasurable:
			if o.HasFigure() {
				row.Notes = append(row.Notes, fmt.Sprintf("the figure %s is set aside: agreed not measurable", o))
			}
			o = kpi.Missing(kpi.NotMeasurable, rl.Reason).WithReported(o.Reported())
		}
	}
	return o, src
}

// evaluate bands figure o of KPI d (track t) for period p, ending in
// month m, as its definition says: a compound KPI from its parts' rows, a
// rolling KPI over its window, a direction of travel against its earlier
// periods, or the figure alone.
func (run *runner) evaluate(mo *monthEntry, row *Row, r *Regime, d kpi.Definition, t int, m period.Month, p period.Period, o kpi.Observation) (kpi.Result, error) {
	switch n := d.Rolling(); {
	case d.IsCompound():
		return combine(mo, d, p)
	case n >= 2 && o.HasFigure() && p.Kind() == period.KindMonth:
		return run.window(row, r, d, t, m, o)
	case d.ComparesEarlier():
		// Bands that depend on the direction of travel: the KPI's
		// previous period and the same period a year before.
		var c kpi.Compared
		c.Previous, c.LastYear = run.earlier(mo, t, m, p, d)
		return kpi.EvaluateCompared(d, p, o, c)
	}
	return kpi.Evaluate(d, p, o)
}

// consequences sets what row (of KPI d, track t, for period p) accrues
// from its result res: points after deeming and repeats, relief, whether it
// fails and counts for escalation, and its credits.
func (run *runner) consequences(mo *monthEntry, row *Row, r *Regime, d kpi.Definition, t int, p period.Period, res kpi.Result, o kpi.Observation, note string, rl Relief, relieved bool) (bare bool, err error) {
	ref := d.Ref()
	points := res.Points()
	bare = row.PartOf != "" || !r.carries(row.Tier) // rated and shown, with no consequences
	if row.PartOf != "" {
		// A part is rated and shown; its KPI carries the consequences, and
		// takes the missing rule for it.
		row.Notes = append(row.Notes, "part of "+row.PartOf)
	}
	if bare {
		points = decimal.Zero
	}
	if row.Status == kpi.NoData && r.spec.Missing.DeemFailed && !bare {
		row.Status, row.Deemed = r.deemedStatus(), true
		points = r.deemedPoints(d)
		row.Notes = append(row.Notes, "no figure was reported: deemed "+row.Status.String())
	}
	row.Label = r.Label(row.Status)
	row.Reported = o.Reported()
	row.Disagrees = row.Reported != 0 && row.Reported != row.Status
	if note != "" && d.Profile().Cumulative() {
		checkOnTrack(row, note)
	}
	if relieved {
		row.Relief, row.Relieved = rl, rl.Kind == Mitigation || rl.Kind == CustomerCause
		row.Notes = append(row.Notes, reliefNote(rl))
	}
	row.Failing = r.failing(row.Status) && !bare
	tr := &run.tracks[t]
	counts := row.Failing && (!row.Relieved || r.spec.MitigatedCount)
	if row.Failing && tr.prevFail && r.spec.Repeat.IsPositive() {
		row.Multiplier = r.spec.Repeat
		points = points.Mul(r.spec.Repeat)
		row.Notes = append(row.Notes, r.repeatNote)
	}
	if counts && !points.IsZero() {
		if mo.escPoints == nil {
			mo.escPoints = run.escFor(len(run.tracks))
		}
		if mo.escPoints[t].IsZero() {
			mo.escPoints[t] = points
		} else {
			mo.escPoints[t] = mo.escPoints[t].Add(points)
		}
		mo.escSum.add(points)
	}
	if row.Status == kpi.Excluded {
		tr.prevFail = false
	} else {
		tr.prevFail = counts
		tr.fails = append(tr.fails, counts)
	}
	if !row.Relieved && row.Status != kpi.Excluded && !bare {
		row.Points = points
		if err := run.credit(mo, row, r, ref, p, res, points); err != nil {
			return bare, err
		}
	}
	return bare, nil
}

// credit sets a row's credit: each credit rule's, added and rounded to
// pence, where the row is short of target or has points.
func (run *runner) credit(mo *monthEntry, row *Row, r *Regime, ref string, p period.Period, res kpi.Result, points decimal.Decimal) error {
	short := row.Status.IsPerformance() && !row.Status.OnTarget()
	if len(r.spec.Credits) == 0 || !short && !points.IsPositive() {
		return nil
	}
	var credit sum
	in := CreditInput{KPI: ref, Period: p, Result: res, Status: row.Status, Deemed: row.Deemed, Points: points, Failing: row.Failing}
	for _, c := range r.spec.Credits {
		if pc, ok := c.(PointsCredit); ok && credit.addPoints(pc, points, mo.charge) {
			continue
		}
		v, err := c.Credit(in, mo.charge)
		if err != nil {
			return fmt.Errorf("regime %s: %s for %s: %s: %w", r.spec.Name, ref, p.Label(period.Short), c, err)
		}
		credit.add(v)
	}
	row.Credit = credit.pence(r.spec.Rounding)
	return nil
}

func isRange(o kpi.Observation) bool {
	_, _, ok := o.Range()
	return ok
}

// trend sets a row's trends against the KPI's previous measurement period
// and the same period a year before, and records the row as the KPI's
// latest; the row is to be mo.rows[len(mo.rows)], in month m.
func (run *runner) trend(mo *monthEntry, row *Row, t int, m period.Month, res kpi.Result, d kpi.Definition) {
	// A row of a month before keepFrom is never shown: its trends are not
	// worked out.
	shown := run.keepFrom.IsZero() || !m.Before(run.keepFrom)
	prev, year, okPrev, okYear := run.earlierRows(t, m, row.Period, d)
	okPrev, okYear = okPrev && shown, okYear && shown
	if okPrev {
		row.Trend, row.HasTrend = kpi.TrendOf(run.resultAt(mo, m, t, prev), res)
	}
	if okYear {
		row.TrendYear, row.HasTrendYear = kpi.TrendOf(run.resultAt(mo, m, t, year), res)
	}
	tr := &run.tracks[t]
	k := int32(m.Sub(run.l.first))
	tr.rows = append(tr.rows, rowRef{month: k, row: int32(len(mo.rows))})
}

// earlier returns the results of track t's previous measurement period and
// of the same period a year before, for period p ending in month m; a
// zero Result where there is none ([runner.earlierRows]).
func (run *runner) earlier(mo *monthEntry, t int, m period.Month, p period.Period, d kpi.Definition) (prev, year kpi.Result) {
	pr, yr, okPrev, okYear := run.earlierRows(t, m, p, d)
	if okPrev {
		prev = run.resultAt(mo, m, t, pr)
	}
	if okYear {
		year = run.resultAt(mo, m, t, yr)
	}
	return prev, year
}

// resultAt returns the result of track t's row ref, in month m's entry mo
// where it is in m.
func (run *runner) resultAt(mo *monthEntry, m period.Month, t int, ref rowRef) kpi.Result {
	if ref.month == int32(m.Sub(run.l.first)) {
		return mo.rows[ref.row].Result
	}
	if e := &run.l.months[ref.month]; e.rows != nil {
		return e.rows[ref.row].Result
	}
	return run.kept[t] // the latest row, whose month's rows were let go
}

// earlierRows finds track t's rows of its previous measurement period and
// of the same period a year before (its row twelve months back, or for a
// rail period the same period of the year before), for period p ending in
// month m. Thirteen four-weekly periods make a year, so none of those is a
// year before another.
func (run *runner) earlierRows(t int, m period.Month, p period.Period, d kpi.Definition) (prev, year rowRef, okPrev, okYear bool) {
	l := run.l
	tr := &run.tracks[t]
	n := len(tr.rows)
	if n == 0 {
		return prev, year, false, false
	}
	k := int32(m.Sub(l.first))
	prev, okPrev = tr.rows[n-1], true
	f := d.Frequency()
	switch {
	case f.IsPeriodic():
		// The same period a year before: P5 2022/23 for P5 2023/24, rated
		// within the fourteen months before.
		if ago, err := f.PeriodCalendar().YearBefore(p); err == nil {
			for i := n - 1; i >= 0 && tr.rows[i].month >= k-14; i-- {
				if ref := tr.rows[i]; ref.month < k && l.months[ref.month].rows[ref.row].Period == ago {
					return prev, ref, true, true
				}
			}
		}
	case !f.ByDays():
		// The row twelve months before (four-weekly periods have no year
		// to say which is the same).
		for i := n - 1; i >= 0 && tr.rows[i].month >= k-12; i-- {
			if tr.rows[i].month == k-12 {
				return prev, tr.rows[i], true, true
			}
		}
	}
	return prev, year, true, false
}

// cap applies the caps to a month's credits.
func (run *runner) cap(r *Regime, m period.Month, mo monthEntry) (decimal.Decimal, error) {
	c := mo.before
	caps := r.spec.Caps
	if c.IsZero() || (caps.PerPeriod.IsZero() && caps.Rolling.IsZero()) {
		return c, nil
	}
	if !caps.PerPeriod.IsZero() {
		c = decimal.Min(c, caps.PerPeriod.Of(mo.charge).RoundDown(2))
	}
	if !caps.Rolling.IsZero() {
		l := run.l
		w := caps.window()
		if mo.fresh {
			w = 1
		}
		charges, taken := sumOf(mo.charge), sumOf(decimal.Zero)
		for back := 1; back < w; back++ {
			mm := m.AddMonths(-back)
			k := mm.Sub(l.first)
			if k >= 0 {
				e := &l.months[k]
				if e.regime == nil {
					continue
				}
				taken.add(e.credits)
				charges.add(e.charge)
				if e.fresh {
					break // the regime started afresh: its window starts here
				}
				continue
			}
			opening, had := run.in.OpeningCredits[mm]
			charge, hasCharge := run.in.Charges[mm]
			if had {
				taken.add(opening)
				if caps.Rolling.PercentOfCharges && !hasCharge {
					return decimal.Zero, &MissingChargeError{Regime: title(r), Month: mm}
				}
			}
			if hasCharge {
				charges.add(charge)
			}
		}
		limit := caps.Rolling.Of(charges.total()).RoundDown(2)
		c = decimal.Max(decimal.Min(c, limit.Sub(taken.total())), decimal.Zero)
	}
	return c, nil
}

// escalate checks the rules for the rows that accrued in month m.
func (run *runner) escalate(r *Regime, m period.Month, mo monthEntry) []Event {
	var events []Event
	for ri, rule := range r.spec.Escalation {
		text := r.ruleTexts[ri]
		raise := func(ref string) {
			events = append(events, Event{Name: rule.event, KPI: ref, Period: m, Rule: text})
		}
		for i := range mo.rows {
			row := &mo.rows[i]
			ref := row.KPI
			if row.Interim || row.Status == kpi.NotDue || (rule.ref != "" && rule.ref != ref) {
				continue
			}
			t := mo.meta[i].track
			h := run.tracks[t].fails[:mo.meta[i].hist]
			due := row.Status != kpi.Excluded
			switch rule.kind {
			case FailuresInWindow:
				if !due || len(h) == 0 {
					continue
				}
				n := 0
				for _, f := range h[max(len(h)-rule.m, 0):] {
					if f {
						n++
					}
				}
				if n >= rule.n && h[len(h)-1] {
					raise(ref)
				}
			case Consecutive:
				if !due || len(h) < rule.n {
					continue
				}
				if !slices.Contains(h[len(h)-rule.n:], false) {
					raise(ref)
				}
			case Reached:
				if row.Status.IsPerformance() && row.Status >= rule.status && (!row.Relieved || r.spec.MitigatedCount) {
					raise(ref)
				}
			case RollingPoints:
				if rule.ref == "" {
					continue // the regime-wide total is checked below
				}
				if i > 0 && mo.meta[i-1].track == t {
					continue // once a month for a KPI with two periods in it
				}
				if run.pointsInWindow(mo, int(t), rule.m).GreaterThanOrEqual(rule.level) {
					raise(ref)
				}
			}
		}
		if rule.kind == RollingPoints && rule.ref == "" && run.pointsInWindow(mo, -1, rule.m).GreaterThanOrEqual(rule.level) {
			raise("")
		}
	}
	return events
}

// pointsInWindow adds up the points escalation sees over the last w months,
// this one (mo) included: for track t, or all when t < 0. The window stops
// where the regime started afresh.
func (run *runner) pointsInWindow(mo monthEntry, t, w int) decimal.Decimal {
	of := func(m *monthEntry) decimal.Decimal {
		if t >= 0 {
			if m.escPoints == nil {
				return decimal.Zero
			}
			return m.escPoints[t]
		}
		return m.escTotal
	}
	total := sumOf(of(&mo))
	if mo.fresh {
		return total.total()
	}
	months := run.l.months
	for k := len(months) - 1; k >= max(len(months)-(w-1), 0); k-- {
		if v := of(&months[k]); !v.IsZero() {
			total.add(v)
		}
		if months[k].fresh {
			break
		}
	}
	return total.total()
}

// Regime returns the regime in force in the ledger's last month, or nil
// for an empty ledger.
func (l *Ledger) Regime() *Regime {
	for k := len(l.months) - 1; k >= 0; k-- {
		if l.months[k].regime != nil {
			return l.months[k].regime
		}
	}
	return nil
}

// History returns the regimes the ledger ran under.
func (l *Ledger) History() History { return l.history }

// Currency returns the currency of the ledger's money: its regimes'.
func (l *Ledger) Currency() Currency { return l.history.Currency() }

// Months returns the months the ledger covers, as a period; the zero Period
// if it has none.
func (l *Ledger) Months() period.Period {
	if len(l.months) == 0 {
		return period.Period{}
	}
	p, _ := period.MonthRange(l.first, l.first.AddMonths(len(l.months)-1))
	return p
}

// reliefNote says what relief applies: "mitigation: agreed at the board",
// "agreed not measurable: ADP being agreed".
func reliefNote(rl Relief) string {
	kind := strings.ReplaceAll(rl.Kind.String(), "_", " ")
	if rl.Kind == AgreedNotMeasurable {
		kind = "agreed not measurable"
	}
	return kind + ": " + rl.Reason
}

// Equal reports whether l and o are the same run: equal histories, run as
// at the same day over the same months, with an equal scorecard
// ([Scorecard.Equal]) for every month and equal plans.
func (l *Ledger) Equal(o *Ledger) bool {
	if l == nil || o == nil {
		return l == o
	}
	if !l.history.Equal(o.history) || l.asAt != o.asAt || l.Months() != o.Months() ||
		!slices.EqualFunc(l.Plans(l.Months()), o.Plans(o.Months()), Plan.Equal) {
		return false
	}
	for m := range l.Months().Months() {
		a, errA := l.Scorecard(m.Period())
		b, errB := o.Scorecard(m.Period())
		if (errA == nil) != (errB == nil) || !a.Equal(b) {
			return false
		}
	}
	return true
}

// money writes v in the ledger's currency for a note: £2,000.00.
func (run *runner) money(v decimal.Decimal) string { return run.l.Currency().Format(v) }
