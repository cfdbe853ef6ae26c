package regime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// A RuleKind is the shape of an escalation rule's predicate.
type RuleKind uint8

// The kinds of escalation rule.
const (
	// FailuresInWindow holds when a KPI has failed in at least N of its last
	// M measurement periods.
	FailuresInWindow RuleKind = iota + 1
	// Consecutive holds when a KPI has failed in its last N measurement
	// periods in a row.
	Consecutive
	// RollingPoints holds when the service points of the last M periods add
	// up to Level or more: across the regime, or for one KPI.
	RollingPoints
	// Reached holds when a KPI's status is Status or worse (below a minimum
	// service level, say).
	Reached
)

var ruleKindNames = [...]string{"", "failures_in_window", "consecutive", "rolling_points", "reached"}

// String returns failures_in_window, consecutive, rolling_points or reached.
func (k RuleKind) String() string {
	if k >= FailuresInWindow && k <= Reached {
		return ruleKindNames[k]
	}
	return fmt.Sprintf("RuleKind(%d)", int(k))
}

// ParseRuleKind reads failures_in_window, consecutive, rolling_points or
// reached (a space or hyphen may stand for the underscore).
func ParseRuleKind(s string) (RuleKind, error) {
	norm := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	for k := FailuresInWindow; k <= Reached; k++ {
		if norm == ruleKindNames[k] {
			return k, nil
		}
	}
	return 0, parseError("rule", s, "failures_in_window, consecutive, rolling_points or reached")
}

// A Rule raises a named event when its predicate holds. Rules are checked
// every month, after credits and caps. Rules about failures raise their
// event in each month whose failure makes them hold (the third failure in
// six months, and any further one while the window still holds three);
// RollingPoints in each month the window's total is at or above the level;
// Reached in each month the status is reached. Mitigated failures count
// only where the regime's MitigatedCount says so.
type Rule struct {
	// Event is the name of what the rule raises: "material failure",
	// "rectification plan required", "critical failure".
	Event string
	Kind  RuleKind
	// KPI restricts the rule to one indicator; empty means each indicator
	// (or, for RollingPoints, the regime's total).
	KPI    string
	N, M   int
	Level  decimal.Decimal
	Status kpi.Status
	// Plan, if not zero, makes the event open a rectification plan
	// ([PlanRule]).
	Plan PlanRule
}

// NFailuresInM raises event when a KPI fails in n of any m consecutive
// measurement periods.
func NFailuresInM(event string, n, m int) Rule {
	return Rule{Event: event, Kind: FailuresInWindow, N: n, M: m}
}

// KConsecutive raises event when a KPI fails k measurement periods in a
// row.
func KConsecutive(event string, k int) Rule { return Rule{Event: event, Kind: Consecutive, N: k} }

// PointsInWindow raises event when the regime's service points over the last
// m periods reach level.
func PointsInWindow(event string, m int, level decimal.Decimal) Rule {
	return Rule{Event: event, Kind: RollingPoints, M: m, Level: level}
}

// StatusReached raises event when a KPI's result is status or worse.
func StatusReached(event string, status kpi.Status) Rule {
	return Rule{Event: event, Kind: Reached, Status: status}
}

// ForKPI returns r restricted to one indicator.
func (r Rule) ForKPI(ref string) Rule {
	r.KPI = ref
	return r
}

// Equal reports whether r and o are the same rule.
func (r Rule) Equal(o Rule) bool {
	return r.Event == o.Event && r.Kind == o.Kind && r.KPI == o.KPI && r.N == o.N && r.M == o.M &&
		r.Level.Equal(o.Level) && r.Status == o.Status && r.Plan == o.Plan
}

func (r Rule) validate() error {
	if r.Event == "" {
		return errors.New("a rule needs the name of the event it raises")
	}
	if err := r.Plan.validate(); err != nil {
		return err
	}
	switch r.Kind {
	case FailuresInWindow:
		if r.N < 1 || r.M < r.N {
			return fmt.Errorf("%d failures in %d periods: want at least one failure, in a window (periods) of at least as many periods", r.N, r.M)
		}
	case Consecutive:
		if r.N < 1 {
			return fmt.Errorf("%d consecutive failures: want at least 1", r.N)
		}
	case RollingPoints:
		if r.M < 1 || !r.Level.IsPositive() {
			return fmt.Errorf("points over %d periods reaching %s: want a window of at least 1 and a positive level", r.M, r.Level)
		}
	case Reached:
		if !r.Status.IsPerformance() {
			return fmt.Errorf("%s is not a performance status", r.Status)
		}
	default:
		return fmt.Errorf("unknown kind of rule %d", int(r.Kind))
	}
	return nil
}

// String describes the rule: "3 failures in any 6 periods: material
// failure".
func (r Rule) String() string {
	var s string
	switch r.Kind {
	case FailuresInWindow:
		s = fmt.Sprintf("%d failures in any %d periods", r.N, r.M)
	case Consecutive:
		s = fmt.Sprintf("%d consecutive failures", r.N)
	case RollingPoints:
		s = fmt.Sprintf("%s or more service points in %d periods", r.Level, r.M)
	case Reached:
		s = fmt.Sprintf("a result of %s or worse", r.Status)
	}
	if r.KPI != "" {
		s += " of " + r.KPI
	}
	return s + ": " + r.Event
}

// An Event is what an escalation rule raised, for a KPI (or the regime,
// when KPI is empty) in a period.
type Event struct {
	Name   string
	KPI    string
	Period period.Month // the month it was raised in
	Rule   string       // the rule's description
}
