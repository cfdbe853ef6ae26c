package regime

import (
	"fmt"
	"strings"

	"github.com/kpiregime/kpiregime/period"
)

// A ReliefKind says what relief does to a result.
type ReliefKind uint8

// The kinds of relief.
const (
	// Exclusion takes a KPI out of the regime for the months agreed: the
	// result is excluded, and the months drop out of aggregates (seed 001:
	// calls KPIs suspended for April and May 2014 and from 1 January 2015).
	Exclusion ReliefKind = iota + 1
	// Mitigation lets the status stand but marks the result relieved: no
	// points or credits accrue (seeds 002 and 003).
	Mitigation
	// CustomerCause is relief for a failure the customer caused, in a single
	// month: treated as mitigation, and reported as customer cause.
	CustomerCause
	// AgreedNotMeasurable records the customer's agreement that a KPI
	// cannot be measured for the months given (seed 000's BT-K-002, "not
	// yet measurable: ADP and milestones being agreed"): the result is not
	// measurable and nothing accrues. Without it, a return's
	// not_measurable is a missing figure.
	AgreedNotMeasurable
)

var reliefNames = [...]string{"", "exclusion", "mitigation", "customer_cause", "not_measurable"}

// String returns exclusion, mitigation, customer_cause or not_measurable.
func (k ReliefKind) String() string {
	if k >= Exclusion && k <= AgreedNotMeasurable {
		return reliefNames[k]
	}
	return fmt.Sprintf("ReliefKind(%d)", int(k))
}

// Relief is agreed relief for one KPI over a run of months.
type Relief struct {
	Kind ReliefKind
	KPI  string
	// From is the first month relieved; Through the last, or zero for no
	// end ("from 1 January 2015").
	From, Through period.Month
	Reason        string
}

// covers reports whether the relief applies to month m.
func (rl Relief) covers(m period.Month) bool {
	return !m.Before(rl.From) && (rl.Through.IsZero() || !m.After(rl.Through))
}

// reliefFor returns the relief for KPI ref in month m (the month a
// measurement period ends in, for a longer one): an exclusion if any, else
// the first other relief.
func (r *Regime) reliefFor(ref string, m period.Month) (Relief, bool) {
	var found Relief
	ok := false
	for _, rl := range r.spec.Relief {
		if rl.KPI != ref || !rl.covers(m) {
			continue
		}
		if rl.Kind == Exclusion {
			return rl, true
		}
		if !ok {
			found, ok = rl, true
		}
	}
	return found, ok
}

// ParseReliefKind reads exclusion, mitigation, customer_cause or
// not_measurable (a space or hyphen may stand for the underscore).
func ParseReliefKind(s string) (ReliefKind, error) {
	norm := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	for k := Exclusion; k <= AgreedNotMeasurable; k++ {
		if norm == reliefNames[k] {
			return k, nil
		}
	}
	return 0, parseError("kind of relief", s, "exclusion, mitigation, customer_cause or not_measurable")
}
