package regime

import (
	"slices"

	"github.com/kpiregime/kpiregime/period"
)

// horizon returns the month a ledger run for the view of p may start in,
// rather than at the first figure, and still give the view exactly: ok is
// false where no such month can be told, and the run starts at the first
// figure.
//
// A view reads the rows of its months and, for their trends, the rows of
// the fifteen months before (lookBack); escalation reads, for each KPI,
// its last failures over a window of measurement periods, or its points
// over a window of months. Those rows, in turn, read the figures of their
// measurement periods (or rolling windows) and whether the KPI's previous
// period failed (for repeats), and nothing earlier. So a run that starts
// far enough back gives those rows, and the view, as a run from the first
// figure does, wherever nothing else carries from month to month. Things
// that do carry without bound, each of which makes ok false:
//   - a rolling cap (each month's credits after caps depend on the months'
//     before them, and theirs on the months' before them);
//   - earn-back and incentives (balances carried across months and years),
//     and a remedy's baseline;
//   - rectification plans (a plan opened in any month may still be open),
//     and plan updates in the input;
//   - bands that depend on the direction of travel (each result reads the
//     ones before it);
//   - a credit rule of the caller's own, which may keep state of its own;
//   - a KPI that leaves the regimes in force and comes back without a
//     reset, whose previous row may lie before any bounded start.
func (h History) horizon(in Input, p period.Period) (start period.Month, ok bool) {
	if h.hasIncentives() || len(in.PlanUpdates) > 0 || !h.contiguous() {
		return period.Month{}, false
	}
	longest, rolling, periods, months := 1, 0, 0, 0
	for _, r := range h.regimes {
		s := &r.spec
		if !s.Caps.Rolling.IsZero() || s.EarnBack.Mode != 0 || !s.Remedy.IsZero() || r.opensPlans {
			return period.Month{}, false
		}
		for _, c := range s.Credits {
			switch c.(type) {
			case PointsCredit, ShortfallCredit, FixedCredit, AtRiskCredit:
			default:
				return period.Month{}, false
			}
		}
		for _, d := range r.rated {
			if d.ComparesEarlier() {
				return period.Month{}, false
			}
			n := d.Frequency().Months()
			if d.Frequency().ByDays() || n < 1 {
				n = 3 // a period of days spans at most three months
			}
			longest, rolling = max(longest, n), max(rolling, d.Rolling())
		}
		for _, rule := range s.Escalation {
			switch rule.kind {
			case FailuresInWindow:
				periods = max(periods, rule.m)
			case Consecutive:
				periods = max(periods, rule.n)
			case RollingPoints:
				months = max(months, rule.m)
			}
		}
	}
	// The earliest row the view reads, directly or through escalation; one
	// period more for its repeat; and the figures of its period or window.
	back := max(lookBack, periods*longest, months) + longest + max(longest, rolling) + 1
	return p.FirstMonth().AddMonths(-back), true
}

// contiguous reports whether every KPI is in force, from the first month
// a regime has it, in every month up to the last one has it, but across a
// regime that starts afresh (Spec.Reset), before which nothing carries.
func (h History) contiguous() bool {
	if len(h.regimes) == 1 {
		return true
	}
	regimes := slices.Clone(h.regimes)
	slices.SortStableFunc(regimes, func(a, b *Regime) int { return a.spec.From.Compare(b.spec.From) })
	until := map[string]period.Month{} // the month after each KPI was last in force; zero for open-ended
	for _, r := range regimes {
		for _, ref := range r.refs {
			if u, seen := until[ref]; seen && !r.spec.Reset && u != r.spec.From {
				return false // a gap, or regimes that overlap
			}
			until[ref] = r.spec.Until
		}
	}
	return true
}
