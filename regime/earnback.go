package regime

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// An EarnBackMode says what happens to a service credit a supplier may
// earn back.
type EarnBackMode uint8

// The modes. The zero EarnBackMode is no earn-back.
const (
	// Hold holds the credit rather than deducting it: earned back, it is
	// never deducted; forfeited, it is deducted in the month it is
	// forfeited, under that month's caps.
	Hold EarnBackMode = iota + 1
	// Repay deducts the credit as ever (under its month's caps) and repays
	// what was deducted of it in the month it is earned back.
	Repay
)

var earnBackModeNames = [...]string{"", "hold", "repay"}

// String returns hold or repay.
func (m EarnBackMode) String() string {
	if int(m) < len(earnBackModeNames) && m != 0 {
		return earnBackModeNames[m]
	}
	return fmt.Sprintf("EarnBackMode(%d)", int(m))
}

// ParseEarnBackMode reads hold or repay, not case-sensitively.
func ParseEarnBackMode(s string) (EarnBackMode, error) {
	for i, n := range earnBackModeNames[1:] {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return EarnBackMode(i + 1), nil
		}
	}
	return 0, parseError("earn-back mode", s, "hold or repay")
}

// EarnBack lets a supplier earn back the service credits a KPI accrues by
// meeting the KPI afterwards, as many contracts allow. Each credit a KPI's
// row accrues (its Credit, before the month's caps) is earned back when
// the KPI is on target (exceeded or met) in each of its next Periods
// measurement periods, or, with RestOfYear, in each period to the end of
// the year the credit accrued in (earned back with the year's last
// period). A later period that is short of target, or has no figure where
// one was due, forfeits every credit of the KPI still to be earned back;
// a period not due, excluded, relieved or not measurable counts neither
// way, and interim figures are not periods.
//
// Where it runs in the consequences pipeline: after each row's credit is
// worked out, and before the month's caps. Under [Hold], the share that
// can be earned back is held and left out of the month's credits before
// caps; a forfeited credit joins the credits before caps of the month it
// is forfeited in. Under [Repay], credits are deducted as ever, and the
// share of a credit that can be earned back is scaled down, where its
// month's caps bound, by the caps' ratio (credits after caps over before),
// to the penny below, so that no more is repaid than was deducted; the
// repayment is shown in the month it is earned back, apart from the
// credits (it is never capped).
type EarnBack struct {
	Mode EarnBackMode
	// Periods is the number of following measurement periods the KPI must
	// be on target in; zero with RestOfYear.
	Periods    int
	RestOfYear bool
	// Share is the percentage of each credit that can be earned back: 50
	// holds (or repays) half and deducts the rest as ever. Zero means 100.
	Share decimal.Decimal
	// Limit, if not zero, is the most that can be earned back in a year
	// (the year of the month it is earned back in); beyond it a credit
	// earned back is forfeited.
	Limit decimal.Decimal
}

// IsZero reports whether e is the zero EarnBack: no earn-back.
func (e EarnBack) IsZero() bool { return e.Mode == 0 }

// Equal reports whether e and o are the same rule.
func (e EarnBack) Equal(o EarnBack) bool {
	return e.Mode == o.Mode && e.Periods == o.Periods && e.RestOfYear == o.RestOfYear && e.Share.Equal(o.Share) && e.Limit.Equal(o.Limit)
}

// share returns the percentage of a credit that can be earned back.
func (e EarnBack) share() decimal.Decimal {
	if e.Share.IsZero() {
		return decimal.NewFromInt(100)
	}
	return e.Share
}

// String describes the rule: "hold, earned back after 3 periods on
// target", "repay 50%, earned back by the year end, at most £10,000.00 a
// year".
func (e EarnBack) String() string {
	if e.IsZero() {
		return "none"
	}
	s := e.Mode.String()
	if !e.Share.IsZero() && !e.Share.Equal(decimal.NewFromInt(100)) {
		s += " " + e.Share.String() + "%"
	}
	if e.RestOfYear {
		s += ", earned back by the year end"
	} else {
		s += fmt.Sprintf(", earned back after %d %s on target", e.Periods, plural(e.Periods, "period"))
	}
	if !e.Limit.IsZero() {
		s += ", at most " + GBP.Format(e.Limit) + " a year"
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// validate reports what is wrong with the rule.
func (e EarnBack) validate(bad func(path, format string, args ...any)) {
	if e.IsZero() {
		if e.Periods != 0 || e.RestOfYear || !e.Share.IsZero() || !e.Limit.IsZero() {
			bad("earn_back.mode", "an earn-back rule needs its mode: hold or repay")
		}
		return
	}
	switch {
	case e.Mode > Repay:
		bad("earn_back.mode", "unknown mode %d", int(e.Mode))
	case e.RestOfYear && e.Periods != 0:
		bad("earn_back.periods", "give periods or rest_of_year, not both")
	case !e.RestOfYear && (e.Periods < 1 || e.Periods > 36):
		bad("earn_back.periods", "a credit is earned back after 1 to 36 periods on target, not %d (or give rest_of_year)", e.Periods)
	}
	if e.Share.IsNegative() || e.Share.GreaterThan(decimal.NewFromInt(100)) {
		bad("earn_back.share", "a share is 0 to 100%%, not %s%%", e.Share)
	}
	if e.Limit.IsNegative() {
		bad("earn_back.limit", "a limit is an amount of money, not %s", e.Limit)
	}
}

// heldCredit is a credit a KPI may still earn back.
type heldCredit struct {
	from   period.Period   // the measurement period the credit accrued for
	year   period.Year     // the year it accrued in, for RestOfYear
	amount decimal.Decimal // what can be earned back (held, or to repay)
	met    int             // periods on target since
}

// earnBack moves track t's credits under the regime's earn-back rule, for
// row, the track's row for period p, in month m: it counts the row toward
// the credits still to be earned back, releasing or forfeiting them, and
// holds (or opens for repayment) the share of the row's own credit that
// can be earned back.
func (run *runner) earnBack(mo *monthEntry, r *Regime, row *Row, t int, m period.Month, bare bool) {
	eb := r.spec.EarnBack
	if eb.IsZero() || bare || row.Interim {
		return
	}
	tr := &run.tracks[t]
	if len(tr.owed) > 0 && counts(row) {
		if row.Status.OnTarget() {
			keep := tr.owed[:0]
			for _, h := range tr.owed {
				h.met++
				done := h.met >= eb.Periods && !eb.RestOfYear
				if eb.RestOfYear {
					done = !row.Period.LastMonth().Before(h.year.Last())
				}
				if !done {
					keep = append(keep, h)
					continue
				}
				run.release(mo, r, row, m, h)
			}
			tr.owed = keep
		} else {
			for _, h := range tr.owed {
				run.forfeit(mo, row, h, "")
			}
			tr.owed = tr.owed[:0]
		}
	}
	if !row.Credit.IsPositive() {
		return
	}
	amount := r.spec.Rounding.Pence(row.Credit.Mul(eb.share()).Shift(-2))
	if !amount.IsPositive() {
		return
	}
	y := run.in.Years.Of(m)
	tr.owed = append(tr.owed, heldCredit{from: row.Period, year: y, amount: amount})
	what := fmt.Sprintf("%d %s on target", eb.Periods, plural(eb.Periods, "period"))
	if eb.RestOfYear {
		what = "every period to the end of " + y.Label(period.Short)
	}
	switch eb.Mode {
	case Hold:
		row.move(func(m *Moves) { m.Held = amount })
		mo.held = mo.held.Add(amount)
		row.Notes = append(row.Notes, fmt.Sprintf("%s held: earned back with %s, deducted if not", run.money(amount), what))
	case Repay:
		run.opened = append(run.opened, openedCredit{track: t, from: row.Period})
		row.Notes = append(row.Notes, fmt.Sprintf("%s to be repaid if earned back with %s", run.money(amount), what))
	}
}

// counts reports whether row counts toward earning back: a period that
// was due, not excluded, relieved or agreed not measurable, and rated or
// missing.
func counts(row *Row) bool {
	switch {
	case row.Relieved, row.Status == kpi.NotDue, row.Status == kpi.Excluded, row.Status == kpi.NotMeasurable, row.Status == kpi.Info:
		return false
	}
	return true
}

// release earns back credit h with row, within the year's limit.
func (run *runner) release(mo *monthEntry, r *Regime, row *Row, m period.Month, h heldCredit) {
	eb := r.spec.EarnBack
	amount := h.amount
	if !eb.Limit.IsZero() {
		y := run.in.Years.Of(m).First()
		if run.earned == nil {
			run.earned = map[period.Month]decimal.Decimal{}
		}
		room := decimal.Max(eb.Limit.Sub(run.earned[y]), decimal.Zero)
		if amount.GreaterThan(room) {
			over := heldCredit{from: h.from, amount: amount.Sub(room)}
			amount = room
			run.forfeit(mo, row, over, " (over the year's earn-back limit of "+run.money(eb.Limit)+")")
		}
		run.earned[y] = run.earned[y].Add(amount)
	}
	if !amount.IsPositive() {
		return
	}
	from := h.from.Label(period.Short)
	switch eb.Mode {
	case Hold:
		row.move(func(m *Moves) { m.EarnedBack = m.EarnedBack.Add(amount) })
		mo.earnedBack = mo.earnedBack.Add(amount)
		row.Notes = append(row.Notes, fmt.Sprintf("earned back: %s held for %s", run.money(amount), from))
	case Repay:
		row.move(func(m *Moves) { m.Repaid = m.Repaid.Add(amount) })
		mo.repaid = mo.repaid.Add(amount)
		row.Notes = append(row.Notes, fmt.Sprintf("earned back: %s repaid of %s's credit", run.money(amount), from))
	}
}

// forfeit forfeits credit h at row: under Hold it is deducted now, with
// this month's credits before caps; under Repay it stays deducted.
func (run *runner) forfeit(mo *monthEntry, row *Row, h heldCredit, why string) {
	if !h.amount.IsPositive() {
		return
	}
	row.move(func(m *Moves) { m.Forfeited = m.Forfeited.Add(h.amount) })
	mo.forfeited = mo.forfeited.Add(h.amount)
	if mo.regime != nil && mo.regime.spec.EarnBack.Mode == Repay {
		row.Notes = append(row.Notes, fmt.Sprintf("forfeited: %s of %s's credit, not repaid%s", run.money(h.amount), h.from.Label(period.Short), why))
		return
	}
	mo.forfeitedHeld = mo.forfeitedHeld.Add(h.amount)
	row.Notes = append(row.Notes, fmt.Sprintf("forfeited: %s held for %s, deducted%s", run.money(h.amount), h.from.Label(period.Short), why))
}

// openedCredit is a credit opened for repayment in the month being
// scored: its track and the period it accrued for.
type openedCredit struct {
	track int
	from  period.Period
}

// scaleRepayable scales the credits opened for repayment in a month whose
// caps bound (credits after caps below before) by the caps' ratio, to the
// penny below: no more is repaid than was deducted.
func (run *runner) scaleRepayable(mo *monthEntry) {
	defer func() { run.opened = run.opened[:0] }()
	if len(run.opened) == 0 || !mo.credits.LessThan(mo.before) || !mo.before.IsPositive() {
		return
	}
	for _, o := range run.opened {
		owed := run.tracks[o.track].owed
		for i := range owed {
			if h := &owed[i]; h.from == o.from {
				h.amount = h.amount.Mul(mo.credits).Div(mo.before).RoundDown(2)
			}
		}
	}
}
