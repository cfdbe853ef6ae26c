package regimetest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/regimetest"
)

// recorder is a T that keeps what the assertions report.
type recorder struct{ msgs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

// may is a scorecard for May 2016 with a shortfall credit: 98% required, 75%
// achieved, on charges of £18,306.52: 23%, £4,210.50.
func may(t *testing.T) *regime.Scorecard {
	target, err := kpi.ParseWritten("98%")
	require.NoError(t, err)
	d, err := kpi.New(kpi.Spec{Ref: "SR-1", Frequency: period.Monthly(), Target: target, Bands: kpi.TargetOnly(),
		Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}})
	require.NoError(t, err)
	m := period.Must(period.ParseMonth("May-16"))
	r, err := regime.New(regime.Spec{Name: "CCS", Version: "1", From: m, KPIs: []kpi.Definition{d},
		Credits:    []regime.CreditRule{regime.NewShortfallCredit("SR-1")},
		Escalation: []regime.Rule{regime.StatusReached("service failure", kpi.Missed)}})
	require.NoError(t, err)
	sc, err := r.Score(regime.Input{
		Observations: []regime.Observation{{KPI: "SR-1", Month: m, Obs: kpi.Figure(decimal.RequireFromString("75"))}},
		Charges:      map[period.Month]decimal.Decimal{m: decimal.RequireFromString("18306.52")},
	}, m.Period())
	require.NoError(t, err)
	return sc
}

func TestAssertionsThatHold(t *testing.T) {
	sc := may(t)
	rec := &recorder{}
	assert.True(t, regimetest.Credit(rec, sc, "4210.50"))
	assert.True(t, regimetest.RowCredit(rec, sc, "SR-1", "4210.50"))
	assert.True(t, regimetest.Points(rec, sc, "", "0"))
	assert.True(t, regimetest.Status(rec, sc, "SR-1", kpi.Missed))
	assert.True(t, regimetest.Event(rec, sc, "service failure"))
	assert.True(t, regimetest.Event(rec, sc, "service failure", "SR-1"))
	assert.True(t, regimetest.NoEvent(rec, sc, "material failure"))
	assert.True(t, regimetest.Same(rec, sc, sc))
	assert.Empty(t, rec.msgs)
}

func TestAssertionsThatFail(t *testing.T) {
	sc := may(t)
	tests := []struct {
		name  string
		check func(regimetest.T) bool
		want  []string
	}{
		{"credit", func(t regimetest.T) bool { return regimetest.Credit(t, sc, "4210.49") },
			[]string{"want the credit for 2016-05 to be 4210.49, got 4210.50", "SR-1: 4210.50", "75% is below the target of 98%"}},
		{"row credit", func(t regimetest.T) bool { return regimetest.RowCredit(t, sc, "SR-1", "1") }, []string{"want the credit of SR-1 for 2016-05 to be 1.00, got 4210.50"}},
		{"points", func(t regimetest.T) bool { return regimetest.Points(t, sc, "SR-1", "3") }, []string{"want 3 points for SR-1 in 2016-05, got 0"}},
		{"status", func(t regimetest.T) bool { return regimetest.Status(t, sc, "SR-1", kpi.Met) }, []string{"want SR-1 to be met in 2016-05, got missed: 75% is below the target of 98%"}},
		{"no such row", func(t regimetest.T) bool { return regimetest.Status(t, sc, "SR-9", kpi.Met) }, []string{`no row "SR-9"`, "rows: SR-1"}},
		{"event", func(t regimetest.T) bool { return regimetest.Event(t, sc, "material failure") }, []string{`want the event "material failure" in 2016-05`, "2016-05 SR-1: service failure"}},
		{"event for a KPI", func(t regimetest.T) bool { return regimetest.Event(t, sc, "service failure", "SR-2") }, []string{"for SR-2"}},
		{"no event", func(t regimetest.T) bool { return regimetest.NoEvent(t, sc, "service failure") }, []string{`want no event "service failure"`, "SR-1 raised it"}},
		{"bad amount", func(t regimetest.T) bool { return regimetest.Credit(t, sc, "four") }, []string{`"four" is not an amount`}},
		{"same", func(t regimetest.T) bool {
			other := *sc
			other.Summary.Credits = decimal.Zero
			return regimetest.Same(t, sc, &other)
		}, []string{"scorecards differ (-want +got)", "4210.50"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			assert.False(t, tt.check(rec))
			require.Len(t, rec.msgs, 1)
			for _, w := range tt.want {
				assert.Contains(t, rec.msgs[0], w)
			}
		})
	}
	// A scorecard with no events says so.
	quiet := *sc
	quiet.Events = nil
	rec := &recorder{}
	regimetest.Event(rec, &quiet, "x")
	assert.True(t, strings.HasSuffix(rec.msgs[0], "events raised: none"))
}
