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
)

var reliefNames = [...]string{"", "exclusion", "mitigation", "customer_cause"}

// String returns exclusion, mitigation or customer_cause.
func (k ReliefKind) String() string {
	if k >= Exclusion && k <= CustomerCause {
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

// reliefFor returns the relief for KPI ref in month m: an exclusion if any,
// else the first other relief.
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

// ParseReliefKind reads exclusion, mitigation or customer_cause (a space or
// hyphen may stand for the underscore).
func ParseReliefKind(s string) (ReliefKind, error) {
	norm := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	for k := Exclusion; k <= CustomerCause; k++ {
		if norm == reliefNames[k] {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown kind of relief %q (want exclusion, mitigation or customer_cause)", s)
}
