package contract

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/parallel"
	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// ErrInvalid is wrapped by every validation error, of [New] and of
// [Decode] alike, and matched by every [*LineError] of a file read. It is [kpi.ErrInvalid] itself (and so [regime.ErrInvalid]):
// errors.Is(err, ErrInvalid) holds for a problem found in any layer.
var ErrInvalid = kpi.ErrInvalid

// newFieldError makes a problem a [kpi.FieldError].
func newFieldError(path, msg string) error { return &kpi.FieldError{Path: path, Msg: msg} }

// A Spec describes a contract for [New].
type Spec struct {
	// ID is the contract's identifier ("PSSP", "ICT-2009"); Name its title.
	ID, Name string
	// Customer and Supplier are the parties ("Peterborough City Council",
	// "Serco").
	Customer, Supplier string
	// Years is how the contract counts its years: from April (the zero
	// Years, the UK financial year) unless they start in another month.
	// Period labels in returns and reports (Q1 2016/17, YTD 2016/17) are
	// read in these years; frequencies and profiles carry their own.
	Years period.Years
	// Periods is the contract's period calendar, for KPIs measured in
	// thirteen periods a year ([period.Periodic]) and for labels such as
	// P5 2023/24; the zero PeriodCalendar if it has none. Left zero, it is
	// the calendar of the regimes' periodic KPIs, which must all share one.
	Periods period.PeriodCalendar
	// Start is the first day of the contract; End, if not zero, the day after
	// its last (the term is half-open, [Start, End)).
	Start, End period.Date
	// Services are the services or service areas the contract covers.
	Services []string
	// MonthlyCharge is the service charge for every month that Charges does
	// not list; zero means none.
	MonthlyCharge decimal.Decimal
	// Charges are the service charges of particular months, which credit
	// rules take percentages of. A month with neither a charge here nor a
	// MonthlyCharge has no charge: scoring it under credit rules is an
	// error, never £0.00.
	Charges map[period.Month]decimal.Decimal
	// OpeningCredits are the credits already applied (after caps) in months
	// before the first one scored, which rolling caps count against their
	// window.
	OpeningCredits map[period.Month]decimal.Decimal
	// Regimes are the contract's performance regimes, effective-dated and
	// not overlapping.
	Regimes []*regime.Regime
}

// A Contract is a validated, immutable agreement: its parties, term,
// services, charges and the history of its regimes. Score it with
// [Contract.Score].
type Contract struct {
	spec     Spec
	history  regime.History
	warnings []Warning
}

// New validates a spec, reporting every problem at once.
func New(spec Spec) (*Contract, error) {
	var p problems.List
	spec.checkTerm(p.Add)
	overlap := spec.checkRegimes(p.Add)
	spec.checkYears(p.Add)
	spec.Periods = spec.periodCalendar(p.Add)
	var history regime.History
	if rs := slices.DeleteFunc(slices.Clone(spec.Regimes), func(r *regime.Regime) bool { return r == nil }); len(rs) > 0 && !overlap {
		h, err := regime.NewHistory(rs...)
		p.Append(err)
		history = h
	}
	if err := p.Err(ErrInvalid, newFieldError); err != nil {
		return nil, fmt.Errorf("contract %q: %w", spec.ID, err)
	}
	if spec.Years.Start() == time.April {
		// Years not given: those the profiles and frequencies count in, as
		// a file written from this contract would say.
		if ys, err := contractYears(spec); err == nil {
			spec.Years = ys
		}
	}
	spec.Services = slices.Clone(spec.Services)
	spec.Charges = maps.Clone(spec.Charges)
	spec.OpeningCredits = maps.Clone(spec.OpeningCredits)
	spec.Regimes = history.Regimes()
	return &Contract{spec: spec, history: history, warnings: definitionWarnings(spec.Regimes)}, nil
}

// checkTerm checks the contract's identifier, term, charges and opening
// credits.
func (spec Spec) checkTerm(bad func(path, format string, args ...any)) {
	if strings.TrimSpace(spec.ID) == "" {
		bad("id", "a contract needs an identifier")
	}
	if spec.Start.IsZero() {
		bad("start", "a contract needs its start date")
	}
	if !spec.End.IsZero() && !spec.End.After(spec.Start) {
		bad("end", "%s is not after the start %s", spec.End, spec.Start)
	}
	if spec.MonthlyCharge.IsNegative() {
		bad("monthly_charge", "a charge cannot be negative (%s)", spec.MonthlyCharge)
	}
	for _, m := range slices.SortedFunc(maps.Keys(spec.Charges), period.Month.Compare) {
		if spec.Charges[m].IsNegative() {
			bad(fmt.Sprintf("charges[%s]", m), "a charge cannot be negative (%s)", spec.Charges[m])
		}
		if !monthInTerm(m, spec.Start, spec.End) {
			bad(fmt.Sprintf("charges[%s]", m), "%s is outside the contract's term", m.Label(period.Short))
		}
	}
	for _, m := range slices.SortedFunc(maps.Keys(spec.OpeningCredits), period.Month.Compare) {
		if spec.OpeningCredits[m].IsNegative() {
			bad(fmt.Sprintf("opening_credits[%s]", m), "credits applied cannot be negative (%s)", spec.OpeningCredits[m])
		}
	}
}

// checkRegimes checks that there are regimes, each in force within the
// term, and reports whether two overlap.
func (spec Spec) checkRegimes(bad func(path, format string, args ...any)) (overlap bool) {
	if len(spec.Regimes) == 0 {
		bad("regimes", "a contract needs at least one regime")
	}
	for i, r := range spec.Regimes {
		if r == nil {
			bad(fmt.Sprintf("regimes[%d]", i), "nil regime")
			continue
		}
		if !spec.Start.IsZero() && r.From().Before(spec.Start.YearMonth()) {
			bad(fmt.Sprintf("regimes[%d].from", i), "%s takes effect in %s, before the contract starts on %s", r.Name(), r.From().Label(period.Short), spec.Start)
		}
		if spec.End.After(spec.Start) && !r.From().First().Before(spec.End) {
			// End is the day after the last (the term is half-open).
			bad(fmt.Sprintf("regimes[%d].from", i), "%s takes effect in %s, after the contract's last day, %s", r.Name(), r.From().Label(period.Short), spec.End.AddDays(-1))
		}
	}
	for j, r := range spec.Regimes {
		for i, q := range spec.Regimes[:j] {
			if r != nil && q != nil && overlaps(q, r) {
				overlap = true
				bad(fmt.Sprintf("regimes[%d]", j), "%s in force %s overlaps regimes[%d], %s in force %s: a month can have only one regime",
					title(r), inForce(r), i, title(q), inForce(q))
			}
		}
	}
	return overlap
}

// checkYears checks that a profiled KPI has targets for every year its
// regime is in force within the term.
func (spec Spec) checkYears(bad func(path, format string, args ...any)) {
	for i, r := range spec.Regimes {
		if r == nil || spec.Start.IsZero() {
			continue
		}
		// A profiled KPI scored in a year its profile does not cover is an
		// error when the contract is read, where its months are known.
		last := r.Until().AddMonths(-1)
		if !spec.End.IsZero() && (r.Until().IsZero() || spec.End.AddDays(-1).YearMonth().Before(last)) {
			last = spec.End.AddDays(-1).YearMonth()
		}
		if last.IsZero() || last.Before(r.From()) {
			continue
		}
		span, _ := period.MonthRange(r.From(), last)
		for j, d := range r.KPIs() {
			if err := d.CheckYears(span); err != nil {
				bad(fmt.Sprintf("regimes[%d].kpis[%d].profile", i, j), "%v", err)
			}
		}
	}
}

// periodCalendar returns the contract's period calendar: the spec's, or
// else that of its periodic KPIs, each of which must measure in it.
func (spec Spec) periodCalendar(bad func(path, format string, args ...any)) period.PeriodCalendar {
	// Every periodic KPI measures in the contract's period calendar, which
	// is theirs where the spec gives none.
	for i, r := range spec.Regimes {
		if r == nil {
			continue
		}
		for j, d := range r.KPIs() {
			f := d.Frequency()
			switch {
			case !f.IsPeriodic():
			case spec.Periods.IsZero():
				spec.Periods = f.PeriodCalendar()
			case f.PeriodCalendar() != spec.Periods:
				bad(fmt.Sprintf("regimes[%d].kpis[%d].frequency", i, j), "%s is measured in %s, not in the contract's period calendar, %s",
					d.Ref(), f.PeriodCalendar(), spec.Periods)
			}
		}
	}
	return spec.Periods
}

// overlaps reports whether two regimes are in force in a common month.
func overlaps(a, b *regime.Regime) bool {
	return (a.Until().IsZero() || b.From().Before(a.Until())) && (b.Until().IsZero() || a.From().Before(b.Until()))
}

// title names a regime with its version: "PSSP 2016".
func title(r *regime.Regime) string {
	if r.Version() == "" {
		return r.Name()
	}
	return r.Name() + " " + r.Version()
}

// inForce describes a regime's months: "from 2016-04", "2015-04 to 2016-03".
func inForce(r *regime.Regime) string {
	if r.Until().IsZero() {
		return "from " + r.From().String()
	}
	return r.From().String() + " to " + r.Until().AddMonths(-1).String()
}

// monthInTerm reports whether any day of m falls in [start, end).
func monthInTerm(m period.Month, start, end period.Date) bool {
	if m.Last().Before(start) {
		return false
	}
	return end.IsZero() || m.First().Before(end)
}

// ID returns the contract's identifier.
func (c *Contract) ID() string { return c.spec.ID }

// Name returns the contract's title.
func (c *Contract) Name() string { return c.spec.Name }

// Customer returns the customer party.
func (c *Contract) Customer() string { return c.spec.Customer }

// Supplier returns the supplier party.
func (c *Contract) Supplier() string { return c.spec.Supplier }

// Term returns the contract's term as a run of days; an open-ended contract
// runs to 9999-12-30, the last day a period can hold.
func (c *Contract) Term() period.Period {
	end := c.spec.End
	if end.IsZero() {
		end = period.Must(period.NewDate(9999, 12, 31))
	}
	p, _ := period.DateRange(c.spec.Start, end)
	return p
}

// termText describes the term: "from 2009-10-01", or "2011-11-28 to
// 2021-11-27".
func (c *Contract) termText() string {
	if c.spec.End.IsZero() {
		return "from " + c.spec.Start.String()
	}
	return c.spec.Start.String() + " to " + c.spec.End.AddDays(-1).String()
}

// Years returns how the contract counts its years, in which period labels
// are read.
func (c *Contract) Years() period.Years { return c.spec.Years }

// Periods returns the contract's period calendar, or the zero
// PeriodCalendar if it has none.
func (c *Contract) Periods() period.PeriodCalendar { return c.spec.Periods }

// ParsePeriod reads a period label as the contract's reports write it. In
// a contract with a period calendar it reads the calendar's labels: a
// period (P5 2023/24), a quarter of periods (Q2 2023/24 is P4 to P6) and a
// year of periods (2023/24); every other label (a month, a half, a year to
// date) it reads as [period.Years.Parse] does, in the contract's years.
func (c *Contract) ParsePeriod(s string) (period.Period, error) {
	if c.spec.Periods.IsZero() {
		return c.spec.Years.Parse(s)
	}
	return c.spec.Periods.ParseIn(c.spec.Years, s)
}

// Services returns the services the contract covers.
func (c *Contract) Services() []string { return slices.Clone(c.spec.Services) }

// Spec returns a copy of the spec the contract was built from.
func (c *Contract) Spec() Spec {
	s := c.spec
	s.Services = slices.Clone(s.Services)
	s.Charges = maps.Clone(s.Charges)
	s.OpeningCredits = maps.Clone(s.OpeningCredits)
	s.Regimes = slices.Clone(s.Regimes)
	return s
}

// Covers reports whether month m falls (at least partly) in the term.
func (c *Contract) Covers(m period.Month) bool { return monthInTerm(m, c.spec.Start, c.spec.End) }

// Charge returns the service charge for month m: its own from Charges, or
// the MonthlyCharge. ok is false where the contract gives none (no entry in
// Charges and no MonthlyCharge), or m is outside the term.
func (c *Contract) Charge(m period.Month) (charge decimal.Decimal, ok bool) {
	if v, ok := c.spec.Charges[m]; ok {
		return v, true
	}
	if !c.spec.MonthlyCharge.IsZero() && c.Covers(m) {
		return c.spec.MonthlyCharge, true
	}
	return decimal.Zero, false
}

// RegimeAt returns the regime in force in month m.
func (c *Contract) RegimeAt(m period.Month) (*regime.Regime, bool) { return c.history.At(m) }

// History returns the contract's regimes.
func (c *Contract) History() regime.History { return c.history }

// Currency returns the currency of the contract's money, which its regimes
// share (regime.Spec.Currency; the file's currency): GBP unless it says
// otherwise.
func (c *Contract) Currency() regime.Currency { return c.history.Currency() }

// Score runs the contract's ledger ([Contract.Run]) to the end of period p
// and returns p's scorecard: a month, or a view of a quarter, a year or a
// year to date that may span a change of regime. See [regime.History.Score].
func (c *Contract) Score(obs []regime.Observation, p period.Period) (*regime.Scorecard, error) {
	return c.ScoreAsAt(obs, p, period.Date{})
}

// ScoreAsAt is [Contract.Score] as at day asAt: of each figure's versions
// ([regime.Observation].ReportedOn), the latest reported on or before asAt
// is scored, and those reported after it are not, as though they had not
// yet been reported. The zero Date scores the latest version of each. A
// restated row shows its earlier versions, and the money a restatement
// changes is settled by the regime's [regime.RestatementRule].
func (c *Contract) ScoreAsAt(obs []regime.Observation, p period.Period, asAt period.Date) (*regime.Scorecard, error) {
	return c.score(obs, nil, p, asAt)
}

// ScoreReturn is [Contract.Score] of the observations of a Return, as
// [ReadReturn] reads one: the way to score a large return, whose
// observations held one by one would cost many times the file's size.
func (c *Contract) ScoreReturn(rt *regime.Return, p period.Period) (*regime.Scorecard, error) {
	return c.score(nil, rt, p, period.Date{})
}

// score scores p from obs and rt as at asAt.
func (c *Contract) score(obs []regime.Observation, rt *regime.Return, p period.Period, asAt period.Date) (*regime.Scorecard, error) {
	last := p.LastMonth()
	if !c.Covers(p.FirstMonth()) || !c.Covers(last) {
		return nil, fmt.Errorf("contract %s: %s is outside its term (%s)", c.spec.ID, p, c.termText())
	}
	in := c.inputFrom(obs, rt, p.FirstMonth(), last)
	in.AsAt = asAt
	sc, err := c.history.Score(in, p)
	return sc, c.explain(err)
}

// Run runs the contract's ledger over obs through month through (zero: to
// the end of the last period with a figure), under each regime in its
// months, with the contract's charges and opening credits. Every view of
// it ([regime.Ledger.Scorecard]) reads the same rows.
func (c *Contract) Run(obs []regime.Observation, through period.Month) (*regime.Ledger, error) {
	return c.RunAsAt(obs, through, period.Date{})
}

// RunAsAt is [Contract.Run] as at day asAt (zero: the latest version of
// each figure), as [Contract.ScoreAsAt] scores.
func (c *Contract) RunAsAt(obs []regime.Observation, through period.Month, asAt period.Date) (*regime.Ledger, error) {
	in := c.input(obs, through)
	in.AsAt = asAt
	l, err := c.history.Run(in)
	return l, c.explain(err)
}

// RunReturn is [Contract.Run] over the observations of a Return, as
// [ReadReturn] reads one.
func (c *Contract) RunReturn(rt *regime.Return, through period.Month) (*regime.Ledger, error) {
	l, err := c.history.Run(c.inputFrom(nil, rt, period.Month{}, through))
	return l, c.explain(err)
}

// Input returns what the contract's ledger is run from through month
// through (zero: the last month with a figure): the observations, the
// contract's charges from a year before the first observation (for
// rolling caps), its opening credits and its years. Add what the returns
// do not carry, such as the council's plan log
// ([regime.Input].PlanUpdates) or a day to run as at, and run it with
// [Contract.RunInput].
func (c *Contract) Input(obs []regime.Observation, through period.Month) regime.Input {
	in := c.input(obs, through)
	in.OpeningCredits = maps.Clone(in.OpeningCredits) // the contract's own: hand out a copy
	return in
}

// RunInput runs the contract's ledger from in ([Contract.Input]), with
// errors in the contract's terms as [Contract.Run] gives them.
func (c *Contract) RunInput(in regime.Input) (*regime.Ledger, error) {
	l, err := c.history.Run(in)
	return l, c.explain(err)
}

// input is the ledger's input: the observations, the charges of every month
// from a year before the first observation (for rolling caps) through the
// last month asked for, and the opening credits.
func (c *Contract) input(obs []regime.Observation, through period.Month) regime.Input {
	return c.inputFrom(obs, nil, period.Month{}, through)
}

// inputFrom is input, with the charges from a year before month from too,
// where that is before the first observation (a view that starts before
// the first figure).
func (c *Contract) inputFrom(obs []regime.Observation, rt *regime.Return, from, through period.Month) regime.Input {
	in := regime.Input{Observations: obs, Return: rt, Through: through, Years: c.spec.Years, Charges: map[period.Month]decimal.Decimal{},
		OpeningCredits: c.spec.OpeningCredits}
	var first, last period.Month
	if rt != nil {
		first, last = rt.Months()
	}
	for _, o := range obs {
		p := o.For()
		if p.IsZero() {
			continue
		}
		if first.IsZero() || p.FirstMonth().Before(first) {
			first = p.FirstMonth()
		}
		if last.IsZero() || p.LastMonth().After(last) {
			last = p.LastMonth()
		}
	}
	if !through.IsZero() {
		last = through
	}
	if !from.IsZero() && !first.IsZero() && from.Before(first) {
		first = from
	}
	if first.IsZero() {
		return in
	}
	window := 12
	for _, r := range c.history.Regimes() {
		window = max(window, r.Spec().Caps.Window)
	}
	for m := range c.spec.OpeningCredits {
		if m.Before(first) {
			first = m
		}
	}
	for m := first.AddMonths(-window); !m.After(last); m = m.AddMonths(1) {
		if v, ok := c.Charge(m); ok {
			in.Charges[m] = v
		}
	}
	return in
}

// explain names the contract's fields in a regime's error about charges.
func (c *Contract) explain(err error) error {
	var mc *regime.MissingChargeError
	if errors.As(err, &mc) {
		return &wrapped{msg: fmt.Sprintf("contract %s: no charge for %s, which the credit rules of regime %s need: set monthly_charge, or charges[%s]",
			c.spec.ID, mc.Month.Label(period.Short), mc.Regime, mc.Month), err: err}
	}
	if err != nil {
		return fmt.Errorf("contract %s: %w", c.spec.ID, err)
	}
	return nil
}

// Warnings returns the likely mistakes in the contract's definitions that
// are not errors, such as a percent target of 0.95% (perhaps a fraction)
// or a band no figure can reach. A contract read from a file gives each
// its file and line; one made with [New] gives the field's path alone.
func (c *Contract) Warnings() []Warning { return slices.Clone(c.warnings) }

// definitionWarnings gathers the warnings of every KPI of every regime,
// each with its field's path.
func definitionWarnings(regimes []*regime.Regime) []Warning {
	var out []Warning
	for i, r := range regimes {
		for j, d := range r.KPIs() {
			for _, w := range d.Warnings() {
				path, msg, ok := strings.Cut(w, ": ")
				if !ok {
					path, msg = "", w
				}
				out = append(out, Warning{Path: child(fmt.Sprintf("regimes[%d].kpis[%d]", i, j), path), Msg: msg})
			}
		}
	}
	return out
}

// Equal reports whether c and o are the same contract: the same parties,
// term, services, charges and equal regimes.
func (c *Contract) Equal(o *Contract) bool {
	if c == nil || o == nil {
		return c == o
	}
	a, b := c.spec, o.spec
	if a.ID != b.ID || a.Name != b.Name || a.Customer != b.Customer || a.Supplier != b.Supplier ||
		a.Start != b.Start || a.End != b.End || a.Years != b.Years || a.Periods != b.Periods || !slices.Equal(a.Services, b.Services) ||
		!a.MonthlyCharge.Equal(b.MonthlyCharge) || len(a.Charges) != len(b.Charges) || len(a.Regimes) != len(b.Regimes) ||
		len(a.OpeningCredits) != len(b.OpeningCredits) {
		return false
	}
	for m, v := range a.OpeningCredits {
		if w, ok := b.OpeningCredits[m]; !ok || !v.Equal(w) {
			return false
		}
	}
	for m, v := range a.Charges {
		if w, ok := b.Charges[m]; !ok || !v.Equal(w) {
			return false
		}
	}
	for i := range a.Regimes {
		if !a.Regimes[i].Equal(b.Regimes[i]) {
			return false
		}
	}
	return true
}

// A Portfolio is several contracts, by identifier: Peterborough runs two
// with Serco, under different regimes.
type Portfolio struct {
	contracts []*Contract
}

// Equal reports whether p and o hold the same contracts, each
// [Contract.Equal], in the same order.
func (p *Portfolio) Equal(o *Portfolio) bool {
	if p == nil || o == nil {
		return p == o
	}
	return slices.EqualFunc(p.contracts, o.contracts, (*Contract).Equal)
}

// NewPortfolio checks that the contracts' identifiers are unique.
func NewPortfolio(contracts ...*Contract) (*Portfolio, error) {
	seen := map[string]bool{}
	var errs []error
	for i, c := range contracts {
		if c == nil {
			errs = append(errs, &kpi.FieldError{Path: fmt.Sprintf("contracts[%d]", i), Msg: "nil contract"})
			continue
		}
		if seen[c.ID()] {
			errs = append(errs, &kpi.FieldError{Path: fmt.Sprintf("contracts[%d]", i), Msg: fmt.Sprintf("the identifier %q is used twice", c.ID())})
		}
		seen[c.ID()] = true
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return &Portfolio{contracts: slices.Clone(contracts)}, nil
}

// Contracts returns the contracts in the order given.
func (p *Portfolio) Contracts() []*Contract { return slices.Clone(p.contracts) }

// Contract returns the contract with identifier id.
func (p *Portfolio) Contract(id string) (*Contract, bool) {
	for _, c := range p.contracts {
		if c.ID() == id {
			return c, true
		}
	}
	return nil, false
}

// Score scores period per of each contract of the portfolio from its
// return (returns[id]; a contract with none is scored from no figures), as
// [Contract.Score] scores one, the contracts concurrently on all cores (up
// to runtime.GOMAXPROCS at once). The scorecards come in the portfolio's
// order, each the one [Contract.Score] gives: a contract's scorecard
// depends on nothing but its contract and its return, so the result is the
// same as scoring them one after another.
//
// Where contracts fail, the error joins each one's, in the portfolio's
// order, naming the contract; a failed contract's scorecard is nil, and
// the others are still scored.
func (p *Portfolio) Score(returns map[string][]regime.Observation, per period.Period) ([]*regime.Scorecard, error) {
	out := make([]*regime.Scorecard, len(p.contracts))
	errs := make([]error, len(p.contracts))
	parallel.Each(len(p.contracts), func(i int) {
		c := p.contracts[i]
		sc, err := c.Score(returns[c.ID()], per)
		if err != nil {
			errs[i] = fmt.Errorf("contracts[%d] (%s): %w", i, c.ID(), err)
			return
		}
		out[i] = sc
	})
	return out, errors.Join(errs...)
}

// wrapped is an error that says it in the contract's terms, and unwraps to
// the regime's.
type wrapped struct {
	msg string
	err error
}

func (e *wrapped) Error() string { return e.msg }
func (e *wrapped) Unwrap() error { return e.err }
