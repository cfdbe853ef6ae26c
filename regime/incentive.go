package regime

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// An Incentive pays the supplier for a KPI's performance better than a
// benchmark and deducts for performance worse than it, per whole unit of
// performance, as franchise and some outsourcing regimes do: "£1,000 for
// each 0.1 percentage point of punctuality above 92.0%, and £1,000
// deducted for each 0.1 point below it, bonuses from a fund of £50,000 a
// year". Each measurement period's row with a figure earns a bonus or a
// deduction: the whole units between its figure and the benchmark (toward
// the benchmark: 92.37% is 3 units of 0.1 above 92.0%), at the rate, times
// the index factor in force, rounded to pence.
//
// Where it runs in the consequences pipeline: beside the service credits,
// not among them. A deduction is not a service credit: the credit caps and
// earn-back do not apply to it, its own yearly cap does. Bonuses come from
// a fund: once a year's bonuses reach it, no more is paid that year, and
// the notes say what was not. A period relieved or excluded earns
// nothing; a figure known only as a range earns nothing, and says so.
// Every output keeps the two apart: a bonus is paid to the supplier, a
// deduction taken from it, and neither is ever shown as the other.
type Incentive struct {
	KPI       string
	Benchmark decimal.Decimal
	// Per is the unit of performance (0.1 of a percentage point); zero
	// means 1.
	Per decimal.Decimal
	// Bonus is paid per unit better than the benchmark, and Deduction
	// taken per unit worse; either may be zero (a bonus alone, or a
	// deduction alone).
	Bonus, Deduction decimal.Decimal
	// Fund, if not zero, is the most paid in bonuses in a year;
	// DeductionCap, if not zero, the most deducted in a year.
	Fund, DeductionCap decimal.Decimal
	// Index, if given, scales the rates from each step's month on (by the
	// retail prices index, say), in month order.
	Index []IndexStep
}

// An IndexStep is the factor the incentive rates are multiplied by from a
// month on: 1.032 from April 2017.
type IndexStep struct {
	From   period.Month
	Factor decimal.Decimal
}

// Equal reports whether i and o are the same incentive.
func (i Incentive) Equal(o Incentive) bool {
	return i.KPI == o.KPI && i.Benchmark.Equal(o.Benchmark) && i.Per.Equal(o.Per) && i.Bonus.Equal(o.Bonus) &&
		i.Deduction.Equal(o.Deduction) && i.Fund.Equal(o.Fund) && i.DeductionCap.Equal(o.DeductionCap) &&
		slices.EqualFunc(i.Index, o.Index, func(a, b IndexStep) bool { return a.From == b.From && a.Factor.Equal(b.Factor) })
}

// per returns the unit of performance.
func (i Incentive) per() decimal.Decimal {
	if i.Per.IsZero() {
		return decimal.NewFromInt(1)
	}
	return i.Per
}

// factor returns the index factor in force in month m: that of the last
// step from m or before, or 1.
func (i Incentive) factor(m period.Month) decimal.Decimal {
	f := decimal.NewFromInt(1)
	for _, s := range i.Index {
		if s.From.After(m) {
			break
		}
		f = s.Factor
	}
	return f
}

// validate reports what is wrong with incentive k of a regime whose KPIs
// are byRef.
func (i Incentive) validate(k int, byRef map[string]int, seen map[string]int, bad func(path, format string, args ...any)) {
	path := fmt.Sprintf("incentives[%d]", k)
	if _, ok := byRef[i.KPI]; !ok {
		bad(path+".kpi", "no KPI %q in the regime", i.KPI)
	}
	if j, dup := seen[i.KPI]; dup {
		bad(path+".kpi", "%s already has an incentive (incentives[%d])", i.KPI, j)
	}
	seen[i.KPI] = k
	if i.Per.IsNegative() {
		bad(path+".per", "a unit of performance is more than zero, not %s", i.Per)
	}
	for _, f := range []struct {
		name string
		v    decimal.Decimal
	}{{"bonus", i.Bonus}, {"deduction", i.Deduction}, {"fund", i.Fund}, {"deduction_cap", i.DeductionCap}} {
		if f.v.IsNegative() {
			bad(path+"."+f.name, "an amount of money is zero or more, not %s: a bonus and a deduction are each written as what is paid or taken", f.v)
		}
	}
	if i.Bonus.IsZero() && i.Deduction.IsZero() {
		bad(path, "an incentive needs a bonus, a deduction or both (per unit of performance)")
	}
	for j, s := range i.Index {
		switch {
		case !s.Factor.IsPositive():
			bad(fmt.Sprintf("%s.index[%d]", path, j), "an index factor is more than zero, not %s", s.Factor)
		case j > 0 && !s.From.After(i.Index[j-1].From):
			bad(fmt.Sprintf("%s.index[%d]", path, j), "index steps go in month order: %s is not after %s", s.From, i.Index[j-1].From)
		}
	}
}

// fundKey is an incentive's year: its index in the regime and the first
// month of the year, for the year's fund and cap.
type fundKey struct {
	k     int
	first period.Month
}

// incentive works out row's bonus or deduction under in, incentive k of
// the regime, in month m.
func (run *runner) incentive(mo *monthEntry, r *Regime, k int, row *Row, m period.Month) {
	in := &r.spec.Incentives[k]
	if row.Interim || row.Relieved || !row.Status.IsPerformance() || row.Result.IsOutcome() {
		return
	}
	v, ok := row.Result.Actual()
	if !ok {
		if _, _, ranged := row.Result.Range(); ranged {
			row.Notes = append(row.Notes, "no incentive: only the range of the figures is known")
		}
		return
	}
	better := v.Sub(in.Benchmark)
	if row.Result.Measure().Polarity == kpi.LowerIsBetter {
		better = better.Neg()
	}
	units := better.Abs().Div(in.per()).Floor()
	if units.IsZero() {
		return
	}
	rate := in.Bonus
	if better.IsNegative() {
		rate = in.Deduction
	}
	amount := r.spec.Rounding.Pence(units.Mul(rate).Mul(in.factor(m)))
	if amount.IsZero() {
		return
	}
	y := fundKey{k, run.in.Years.Of(m).First()}
	side, word := "worse than", "units"
	if better.IsPositive() {
		side = "better than"
	}
	if units.Equal(decimal.NewFromInt(1)) {
		word = "unit"
	}
	head := fmt.Sprintf("%s %s of %s %s the benchmark of %s", units, word, decText(in.per()), side, decText(in.Benchmark))
	if f := in.factor(m); !f.Equal(decimal.NewFromInt(1)) {
		head += ", indexed ×" + f.String()
	}
	// A bonus comes from the year's fund; a deduction is within its cap.
	bonus := better.IsPositive()
	used, limit := run.deducted, in.DeductionCap
	over := "deduction: %s due, %s not taken: the year's cap of %s is reached"
	if bonus {
		used, limit = run.bonusPaid, in.Fund
		over = "bonus: %s earned, %s not paid: the year's fund of %s is spent"
	}
	if !limit.IsZero() {
		if room := decimal.Max(limit.Sub(used[y]), decimal.Zero); amount.GreaterThan(room) {
			row.Notes = append(row.Notes, fmt.Sprintf(over, run.money(amount), run.money(amount.Sub(room)), run.money(limit)))
			amount = room
		}
	}
	if !amount.IsPositive() {
		return
	}
	used[y] = used[y].Add(amount)
	if bonus {
		row.move(func(m *Moves) { m.Bonus = amount })
		mo.bonus = mo.bonus.Add(amount)
		row.Notes = append(row.Notes, fmt.Sprintf("bonus paid to the supplier: %s (%s)", run.money(amount), head))
		return
	}
	row.move(func(m *Moves) { m.Deduction = amount })
	mo.deduction = mo.deduction.Add(amount)
	row.Notes = append(row.Notes, fmt.Sprintf("deduction from the supplier: %s (%s)", run.money(amount), head))
}

// decText writes a decimal with the places it has: 92.0, not 92.
func decText(v decimal.Decimal) string { return kpi.Written{Value: v}.String() }

// hasIncentives reports whether any regime of h pays incentives.
func (h History) hasIncentives() bool {
	for _, r := range h.regimes {
		if len(r.spec.Incentives) > 0 {
			return true
		}
	}
	return false
}
