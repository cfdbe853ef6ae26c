// Package regimetest has assertions for test suites that pin a contract's
// rules: with these figures, May's credit is £4,210.50.
//
//	sc, err := r.Score(input, may)
//	regimetest.Credit(t, sc, "4210.50")
//	regimetest.Status(t, sc, "CSC_KPI_04", kpi.Failed)
//	regimetest.Event(t, sc, "material failure")
//
// Each assertion reports a failure through t with what was wanted, what
// the scorecard has, and the row's reason, and returns whether it held.
package regimetest

import (
	"fmt"
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/regime"
)

// T is the part of *testing.T the assertions use.
type T interface {
	Helper()
	Errorf(format string, args ...any)
}

func money(t T, s string) (decimal.Decimal, bool) {
	t.Helper()
	v, err := decimal.NewFromString(s)
	if err != nil {
		t.Errorf("regimetest: %q is not an amount: %v", s, err)
		return decimal.Decimal{}, false
	}
	return v, true
}

// Credit asserts the scorecard's total credit after caps, a bare amount in
// the scorecard's currency ("4210.50").
func Credit(t T, sc *regime.Scorecard, want string) bool {
	t.Helper()
	w, ok := money(t, want)
	if !ok {
		return false
	}
	if !sc.Summary.Credits.Equal(w) {
		t.Errorf("%s %s: want the credit for %s to be %s, got %s (%s before caps)%s",
			sc.Regime, sc.Version, sc.Period, w.StringFixed(2), sc.Summary.Credits.StringFixed(2),
			sc.Summary.CreditsBeforeCaps.StringFixed(2), creditLines(sc))
		return false
	}
	return true
}

// RowCredit asserts one KPI's credit before caps.
func RowCredit(t T, sc *regime.Scorecard, ref, want string) bool {
	t.Helper()
	w, ok := money(t, want)
	if !ok {
		return false
	}
	row, ok := row(t, sc, ref)
	if !ok {
		return false
	}
	if !row.Credit.Equal(w) {
		t.Errorf("%s: want the credit of %s for %s to be %s, got %s (%s, %s points)",
			sc.Regime, ref, sc.Period, w.StringFixed(2), row.Credit.StringFixed(2), row.Result.Reason(), row.Points)
		return false
	}
	return true
}

// Points asserts one KPI's service points ("" for the scorecard's total).
func Points(t T, sc *regime.Scorecard, ref, want string) bool {
	t.Helper()
	w, ok := money(t, want)
	if !ok {
		return false
	}
	got := sc.Summary.Points
	what := "the scorecard"
	if ref != "" {
		r, ok := row(t, sc, ref)
		if !ok {
			return false
		}
		got, what = r.Points, ref
	}
	if !got.Equal(w) {
		t.Errorf("%s: want %s points for %s in %s, got %s", sc.Regime, w, what, sc.Period, got)
		return false
	}
	return true
}

// Status asserts one KPI's status.
func Status(t T, sc *regime.Scorecard, ref string, want kpi.Status) bool {
	t.Helper()
	r, ok := row(t, sc, ref)
	if !ok {
		return false
	}
	if r.Status != want {
		t.Errorf("%s: want %s to be %s in %s, got %s: %s", sc.Regime, ref, want, sc.Period, r.Status, r.Result.Reason())
		return false
	}
	return true
}

// Event asserts that the scorecard raised an event of that name (for the
// given KPIs, if any are named).
func Event(t T, sc *regime.Scorecard, name string, kpis ...string) bool {
	t.Helper()
	for _, e := range sc.Events {
		if e.Name == name && (len(kpis) == 0 || contains(kpis, e.KPI)) {
			return true
		}
	}
	t.Errorf("%s: want the event %q%s in %s; events raised:%s", sc.Regime, name, forKPIs(kpis), sc.Period, eventLines(sc.Events))
	return false
}

// NoEvent asserts that the scorecard raised no event of that name.
func NoEvent(t T, sc *regime.Scorecard, name string) bool {
	t.Helper()
	for _, e := range sc.Events {
		if e.Name == name {
			t.Errorf("%s: want no event %q in %s, but %s raised it (%s)", sc.Regime, name, sc.Period, orRegime(e.KPI), e.Rule)
			return false
		}
	}
	return true
}

// Same asserts that two scorecards are equal, printing a diff of what
// differs.
func Same(t T, want, got *regime.Scorecard) bool {
	t.Helper()
	if want.Equal(got) {
		return true
	}
	t.Errorf("scorecards differ (-want +got):\n%s", cmp.Diff(summaryView(want), summaryView(got)))
	return false
}

// summaryView is a plain view of a scorecard for diffs.
func summaryView(sc *regime.Scorecard) map[string]string {
	out := map[string]string{
		"regime":  sc.Regime + " " + sc.Version,
		"period":  sc.Period.String(),
		"credits": sc.Summary.Credits.StringFixed(2),
		"points":  sc.Summary.Points.String(),
		"events":  eventLines(sc.Events),
	}
	for _, r := range sc.Rows {
		out["row "+r.KPI] = fmt.Sprintf("%s %s points=%s credit=%s relieved=%v", r.Status, r.Result.Reason(), r.Points, r.Credit.StringFixed(2), r.Relieved)
	}
	return out
}

func row(t T, sc *regime.Scorecard, ref string) (regime.Row, bool) {
	t.Helper()
	r, ok := sc.Row(ref)
	if !ok {
		refs := make([]string, len(sc.Rows))
		for i, r := range sc.Rows {
			refs[i] = r.KPI
		}
		t.Errorf("%s: no row %q in the scorecard for %s (rows: %s)", sc.Regime, ref, sc.Period, strings.Join(refs, ", "))
	}
	return r, ok
}

func creditLines(sc *regime.Scorecard) string {
	var b strings.Builder
	for _, r := range sc.Rows {
		if !r.Credit.IsZero() {
			fmt.Fprintf(&b, "\n  %s: %s (%s points; %s)", r.KPI, r.Credit.StringFixed(2), r.Points, r.Result.Reason())
		}
	}
	return b.String()
}

func eventLines(es []regime.Event) string {
	if len(es) == 0 {
		return " none"
	}
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "\n  %s %s: %s (%s)", e.Period, orRegime(e.KPI), e.Name, e.Rule)
	}
	return b.String()
}

func orRegime(ref string) string {
	if ref == "" {
		return "the regime"
	}
	return ref
}

func forKPIs(kpis []string) string {
	if len(kpis) == 0 {
		return ""
	}
	return " for " + strings.Join(kpis, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
