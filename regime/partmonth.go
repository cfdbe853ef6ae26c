package regime

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/period"
)

// A PartMonth says how the month in which a regime takes effect part-way
// through is rated ([Spec].Starts).
type PartMonth uint8

// The ways. The zero PartMonth says nothing, which is an error for a regime
// that starts part-way through a month.
const (
	// Majority: the month is rated, whole, by the regime in force for more
	// of its days (the one in force at its start, on a tie). The contract
	// resolves it into the regime's first whole month.
	Majority PartMonth = iota + 1
	// EachPart: each regime rates its part of the month on its own
	// figure, against its share of the month's charge by days.
	EachPart
)

var partMonthNames = [...]string{"", "majority", "each_part"}

// String returns "majority" or "each_part".
func (p PartMonth) String() string {
	if int(p) < len(partMonthNames) && p != 0 {
		return partMonthNames[p]
	}
	return fmt.Sprintf("PartMonth(%d)", int(p))
}

// ParsePartMonth reads "majority" or "each_part", not case-sensitively.
func ParsePartMonth(s string) (PartMonth, error) {
	for i, n := range partMonthNames[1:] {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return PartMonth(i + 1), nil
		}
	}
	return 0, parseError("part_month", s, "majority or each_part")
}

// MajorityMonth returns the first month a regime taking effect on day d
// rates whole under [Majority]: d's month if the regime is in force for more
// than half of its days, else the month after.
func MajorityMonth(d period.Date) period.Month {
	m := d.YearMonth()
	days := m.Days()
	if own := days - d.Day() + 1; 2*own > days {
		return m
	}
	return m.AddMonths(1)
}

// split is a month shared by two regimes under [EachPart]: the regime
// before, in force to the day before the new one starts, and the parts.
type split struct {
	before        *Regime
	first, second period.Period // the days of each part, as day ranges
}

// splitIn returns the split of month m, where the regime in force in m
// starts part-way through it and rates each part on its own figure.
func (h History) splitIn(m period.Month) (split, bool) {
	r, ok := h.At(m)
	if !ok || r.spec.PartMonth != EachPart || r.spec.From != m || r.spec.Starts.IsZero() || r.spec.Starts.Day() == 1 {
		return split{}, false
	}
	before, ok := h.At(m.AddMonths(-1))
	if !ok {
		return split{}, false
	}
	first, err1 := period.DateRange(m.First(), r.spec.Starts) // half-open: to the day before
	second, err2 := period.DateRange(r.spec.Starts, m.Last().AddDays(1))
	if err1 != nil || err2 != nil {
		return split{}, false
	}
	return split{before: before, first: first, second: second}, true
}

// Parts returns the two parts of month m where a regime of h starts
// part-way through it and rates each part on its own figure: the regime
// before and its days, the regime after and its days.
func (h History) Parts(m period.Month) (before, after *Regime, first, second period.Period, ok bool) {
	s, ok := h.splitIn(m)
	if !ok {
		return nil, nil, period.Period{}, period.Period{}, false
	}
	r, _ := h.At(m)
	return s.before, r, s.first, s.second, true
}

// shares divides a month's charge between its parts by days, to the penny:
// the first part's share rounded half up, the second the rest.
func (s split) shares(charge decimal.Decimal, m period.Month) (first, second decimal.Decimal) {
	days := decimal.NewFromInt(int64(m.Days()))
	n := decimal.NewFromInt(int64(s.first.Days()))
	first = charge.Mul(n).Div(days).Round(2)
	return first, charge.Sub(first)
}
