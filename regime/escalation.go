package regime

import (
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
	// FailuresInWindow holds when a KPI has failed in at least n of its last
	// m measurement periods ([NFailuresInM], [Rule.Failures], [Rule.Periods]).
	FailuresInWindow RuleKind = iota + 1
	// Consecutive holds when a KPI has failed in its last k measurement
	// periods in a row ([KConsecutive], [Rule.Failures]).
	Consecutive
	// RollingPoints holds when the service points of the last m periods add
	// up to the level or more: across the regime, or for one KPI
	// ([PointsInWindow], [Rule.Periods], [Rule.Level]).
	RollingPoints
	// Reached holds when a KPI's status is the rule's status or worse (below
	// a minimum service level, say) ([StatusReached], [Rule.Status]).
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
//
// A Rule is a value built by [NFailuresInM], [KConsecutive],
// [PointsInWindow] or [StatusReached], narrowed by [Rule.ForKPI] and
// [Rule.WithPlan]; its fields are unexported and read by its accessors.
// [New] checks it.
type Rule struct {
	event string
	kind  RuleKind
	ref   string // the KPI, or empty for each (the regime's total, for RollingPoints)
	n, m  int
	level decimal.Decimal
	// status is the status Reached looks for.
	status kpi.Status
	plan   PlanRule
}

// NFailuresInM raises event when a KPI fails in n of any m consecutive
// measurement periods.
func NFailuresInM(event string, n, m int) Rule {
	return Rule{event: event, kind: FailuresInWindow, n: n, m: m}
}

// KConsecutive raises event when a KPI fails k measurement periods in a
// row.
func KConsecutive(event string, k int) Rule { return Rule{event: event, kind: Consecutive, n: k} }

// PointsInWindow raises event when the regime's service points (or, with
// [Rule.ForKPI], one KPI's) over the last m periods reach level.
func PointsInWindow(event string, m int, level decimal.Decimal) Rule {
	return Rule{event: event, kind: RollingPoints, m: m, level: level}
}

// StatusReached raises event when a KPI's result is status or worse.
func StatusReached(event string, status kpi.Status) Rule {
	return Rule{event: event, kind: Reached, status: status}
}

// ForKPI returns r restricted to one KPI.
func (r Rule) ForKPI(ref string) Rule {
	r.ref = ref
	return r
}

// Event returns the name of what the rule raises: "material failure",
// "rectification plan required", "critical failure".
func (r Rule) Event() string { return r.event }

// Kind returns the shape of the rule's predicate.
func (r Rule) Kind() RuleKind { return r.kind }

// KPI returns the KPI the rule is restricted to; empty means each KPI (or,
// for RollingPoints, the regime's total).
func (r Rule) KPI() string { return r.ref }

// Failures returns how many failures the rule counts: n of
// [NFailuresInM], k of [KConsecutive]; zero for the other kinds.
func (r Rule) Failures() int { return r.n }

// Periods returns the window, in measurement periods, of
// [NFailuresInM] and [PointsInWindow]; zero for the other kinds.
func (r Rule) Periods() int { return r.m }

// Level returns the points [PointsInWindow] looks for.
func (r Rule) Level() decimal.Decimal { return r.level }

// Status returns the status [StatusReached] looks for.
func (r Rule) Status() kpi.Status { return r.status }

// Plan returns the rectification plan the rule's event opens, or the zero
// PlanRule.
func (r Rule) Plan() PlanRule { return r.plan }

// Equal reports whether r and o are the same rule.
func (r Rule) Equal(o Rule) bool {
	return r.event == o.event && r.kind == o.kind && r.ref == o.ref && r.n == o.n && r.m == o.m &&
		r.level.Equal(o.level) && r.status == o.status && r.plan == o.plan
}

// validate checks the rule, each problem a [kpi.FieldError] at the
// setting it is about, as a contract file names it (failures, periods,
// points, status, plan).
func (r Rule) validate() error {
	if r.event == "" {
		return ruleError("event", "a rule needs the name of the event it raises")
	}
	if err := r.plan.validate(); err != nil {
		return ruleError("plan", "%v", err)
	}
	switch r.kind {
	case FailuresInWindow:
		if r.n < 1 || r.m < r.n {
			return ruleError("", "%d failures in %d periods: want at least one failure, in a window (periods) of at least as many periods", r.n, r.m)
		}
	case Consecutive:
		if r.n < 1 {
			return ruleError("failures", "%d consecutive failures: want at least 1", r.n)
		}
	case RollingPoints:
		if r.m < 1 || !r.level.IsPositive() {
			return ruleError("", "points over %d periods reaching %s: want a window of at least 1 and a positive level", r.m, r.level)
		}
	case Reached:
		if !r.status.IsPerformance() {
			return ruleError("status", "%s is not a performance status", r.status)
		}
	default:
		return ruleError("rule", "unknown kind of rule %d", int(r.kind))
	}
	return nil
}

// String describes the rule: "3 failures in any 6 periods: material
// failure".
func (r Rule) String() string {
	var s string
	switch r.kind {
	case FailuresInWindow:
		s = fmt.Sprintf("%d failures in any %d periods", r.n, r.m)
	case Consecutive:
		s = fmt.Sprintf("%d consecutive failures", r.n)
	case RollingPoints:
		s = fmt.Sprintf("%s or more service points in %d periods", r.level, r.m)
	case Reached:
		s = fmt.Sprintf("a result of %s or worse", r.status)
	}
	if r.ref != "" {
		s += " of " + r.ref
	}
	return s + ": " + r.event
}

// An Event is what an escalation rule raised, for a KPI (or the regime,
// when KPI is empty), in the month it was raised (Period: a month, even for
// a quarterly KPI, whose events are raised in the month its quarter ends).
type Event struct {
	Name   string
	KPI    string
	Period period.Month // the month it was raised in
	Rule   string       // the rule's description
}
