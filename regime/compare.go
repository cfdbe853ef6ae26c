package regime

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// A Travel is a row's direction of travel against the same view a year
// before, as committees report it.
type Travel uint8

// The directions of travel. NotCompared is the zero Travel: there is
// nothing a year before to compare with, or the two cannot be compared.
const (
	NotCompared Travel = iota
	Improved
	Worsened
	Unchanged
)

// String returns improved, worsened, unchanged, or "" for NotCompared.
func (t Travel) String() string {
	switch t {
	case Improved:
		return "improved"
	case Worsened:
		return "worsened"
	case Unchanged:
		return "unchanged"
	}
	return ""
}

// YearBefore is a row's counterpart in the same view a year before
// ([Ledger.CompareYearBefore]).
type YearBefore struct {
	// Period is the period a year before the row's own.
	Period period.Period
	// Found is false where the ledger has no row for the KPI then: the
	// ledger does not reach back so far, or the KPI was not in force.
	Found bool
	// Status, Label and Result are that row's; Credit its credit.
	Status kpi.Status
	Label  string
	Result kpi.Result
	Credit decimal.Decimal
	// Travel is the direction of travel from then to now: by the figures
	// where both rows have one, polarity-aware and against each period's
	// own target ([kpi.TrendOf]: a collection rate further ahead of its
	// profile has improved); else by the statuses where both are rated
	// (met is better than missed); else NotCompared.
	Travel Travel
}

// Equal reports whether y and o are the same; both nil are.
func (y *YearBefore) Equal(o *YearBefore) bool {
	if y == nil || o == nil {
		return y == o
	}
	return y.Period == o.Period && y.Found == o.Found && y.Status == o.Status && y.Label == o.Label &&
		y.Result.Equal(o.Result) && y.Credit.Equal(o.Credit) && y.Travel == o.Travel
}

// CompareYearBefore compares each row of sc, a view of l, with the same
// view a year before: the same month, quarter, year or year to date twelve
// months earlier. It sets each row's YearBefore (the status, figure and
// credit then, and the direction of travel) and sc.YearBefore, the period
// compared with. Where the ledger does not cover the period a year before,
// every row is marked not found rather than failing: a first year has
// nothing to compare with. A row whose period differs from the card's (a
// quarterly KPI's row on a month's card) is matched with the KPI's row
// for its own period a year before.
func (l *Ledger) CompareYearBefore(sc *Scorecard) error {
	if sc == nil {
		return fmt.Errorf("regime: comparing no scorecard")
	}
	pb := shiftPeriod(sc.Period, -12)
	if pb.IsZero() {
		return fmt.Errorf("regime: %s cannot be compared with a year before", sc.Period)
	}
	sc.YearBefore = pb
	var before *Scorecard
	if ms := l.Months(); !ms.IsZero() && !pb.FirstMonth().Before(ms.FirstMonth()) && !pb.LastMonth().After(ms.LastMonth()) {
		b, err := l.Scorecard(pb)
		if err == nil {
			before = b
		}
	}
	for i := range sc.Rows {
		row := &sc.Rows[i]
		own := pb
		if !row.Period.IsZero() {
			if s := shiftPeriod(row.Period, -12); !s.IsZero() {
				own = s
			}
		}
		yb := &YearBefore{Period: own, Credit: decimal.Zero}
		if before != nil {
			if prev, ok := matchRow(before, row.KPI, own); ok {
				yb.Found, yb.Status, yb.Label, yb.Result, yb.Credit = true, prev.Status, prev.Label, prev.Result, prev.Credit
				yb.Travel = travel(prev, *row)
			}
		}
		row.YearBefore = yb
	}
	return nil
}

// matchRow finds the row of KPI ref for period p in sc, or its only row.
func matchRow(sc *Scorecard, ref string, p period.Period) (Row, bool) {
	rows := sc.RowsFor(ref)
	for _, r := range rows {
		if samePeriod(r.Period, p) {
			return r, true
		}
	}
	if len(rows) == 1 {
		return rows[0], true
	}
	return Row{}, false
}

// travel is the direction of travel from row a year before, prev, to cur.
func travel(prev, cur Row) Travel {
	if t, ok := kpi.TrendOf(prev.Result, cur.Result); ok {
		switch t {
		case kpi.Improving:
			return Improved
		case kpi.Worsening:
			return Worsened
		}
		return Unchanged
	}
	if prev.Status.IsPerformance() && cur.Status.IsPerformance() {
		switch {
		case cur.Status < prev.Status:
			return Improved
		case cur.Status > prev.Status:
			return Worsened
		}
		return Unchanged
	}
	return NotCompared
}
