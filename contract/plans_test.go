package contract_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

// plansFile: two failures in a row of a KPI raise "rectification plan",
// which opens a plan due ten days after its month, closed once agreed by
// three periods on target in a row; an overdue plan raises "critical
// failure", a failure while it is agreed "termination right".
const plansFile = `
id: PLANS
start: 2016-04-01
regimes:
  - name: R
    from: 2016-04
    kpis:
      - {ref: "3", measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly, target: 90%}
      - {ref: "9", measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly, target: 90%}
    escalation:
      - event: rectification plan
        rule: consecutive
        failures: 2
        plan: {submit_within_days: 10, close_after: 3, overdue_event: critical failure, repeat_event: termination right}
`

// plansReturn: KPI 3 misses April to July and meets August to October;
// KPI 9 misses April and May and meets from June.
const plansReturn = "kpi,period,value\n" +
	"3,Apr-16,80\n3,May-16,80\n3,Jun-16,80\n3,Jul-16,80\n3,Aug-16,95\n3,Sep-16,95\n3,Oct-16,95\n" +
	"9,Apr-16,80\n9,May-16,80\n9,Jun-16,95\n9,Jul-16,95\n9,Aug-16,95\n9,Sep-16,95\n9,Oct-16,95\n"

// plansLog is the council's log: KPI 3's plan submitted on 8 June (before
// its due date, 10 June) and agreed on 20 June, to be completed by 31
// August; KPI 9's submitted late, on 5 July.
const plansLog = "kpi,event,date,state,target_date,note\n" +
	"3,rectification plan,2016-06-08,submitted,,\n" +
	"3,rectification plan,2016-06-20,agreed,2016-08-31,\n" +
	"9,rectification plan,2016-07-05,submitted,,late\n"

// TestRectificationPlans, worked by hand, events month by month:
//
//	May-16  3 and 9 have failed twice in a row: "rectification plan" for
//	        each, opening a plan each, raised 31 May, due 10 June
//	Jun-16  3 fails a third time: the rule holds, but 3's plan is open:
//	        not raised again (the plan notes it). 3 submitted 8 June, in
//	        time; agreed 20 June, target 31 August. 9's plan, not
//	        submitted by 10 June, is overdue from 11 June: "critical
//	        failure" for 9
//	Jul-16  3 fails again, its July wholly under the agreed plan:
//	        "termination right" for 3 (the rule's own event is again not
//	        raised). 9 submitted on 5 July
//	Aug-16  3 meets: one period on target
//	Sep-16  3 meets: two. 3's target date, 31 August, passed with the plan
//	        agreed and not completed: overdue from 1 September, "critical
//	        failure" for 3
//	Oct-16  3 meets: three in a row: its plan closes on 31 October
//
// (June's failure of 3 does not count against its plan: June began
// before the plan was agreed on 20 June.)
func TestRectificationPlans(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(plansFile), "plans.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader(plansReturn), "plans.csv", c)
	require.NoError(t, err)
	updates, err := contract.ReadPlanUpdates(strings.NewReader(plansLog), "plans-log.csv", c)
	require.NoError(t, err)
	in := c.Input(obs, period.Must(period.ParseMonth("Oct-16")))
	in.PlanUpdates = updates
	l, err := c.RunInput(in)
	require.NoError(t, err)

	events := map[string][]string{}
	for _, m := range []string{"Apr-16", "May-16", "Jun-16", "Jul-16", "Aug-16", "Sep-16", "Oct-16"} {
		sc, err := l.Scorecard(period.Must(period.ParseLabel(m)))
		require.NoError(t, err)
		for _, e := range sc.Events {
			events[m] = append(events[m], e.Name+" for "+e.KPI)
		}
	}
	assert.Equal(t, map[string][]string{
		"May-16": {"rectification plan for 3", "rectification plan for 9"},
		"Jun-16": {"critical failure for 9"},
		"Jul-16": {"termination right for 3"},
		"Sep-16": {"critical failure for 3"},
	}, events)

	type state struct {
		kpi, state, target string
		overdue            bool
	}
	for _, w := range []struct {
		view  string
		plans []state
	}{
		{"May-16", []state{{"3", "requested", "", false}, {"9", "requested", "", false}}},
		{"Jun-16", []state{{"3", "agreed", "2016-08-31", false}, {"9", "requested", "", true}}},
		{"Jul-16", []state{{"3", "agreed", "2016-08-31", false}, {"9", "submitted", "", false}}},
		{"Sep-16", []state{{"3", "agreed", "2016-08-31", true}, {"9", "submitted", "", false}}},
		{"Oct-16", []state{{"3", "closed", "2016-08-31", false}, {"9", "submitted", "", false}}},
		{"Nov-16", nil},
	} {
		p := period.Must(period.ParseLabel(w.view))
		var got []state
		for _, pl := range l.Plans(p) {
			target := ""
			if !pl.Target.IsZero() {
				target = pl.Target.String()
			}
			if w.view == "Nov-16" && pl.State == regime.Closed {
				t.Errorf("a plan closed in October is not open in November")
			}
			got = append(got, state{pl.KPI, pl.State.String(), target, pl.Overdue})
		}
		if w.view != "Nov-16" {
			assert.Equal(t, w.plans, got, w.view)
		}
	}
	sep, err := l.Scorecard(period.Must(period.ParseLabel("Sep-16")))
	require.NoError(t, err)
	var text bytes.Buffer
	require.NoError(t, render.Text(&text, render.Card{Contract: "PLANS", Scorecard: sep}))
	assert.Contains(t, text.String(), "Event: critical failure for KPI 3 (rectification plan for KPI 3 (opened May-16) overdue: not completed by its target date 2016-08-31).\n"+
		"Plan: rectification plan for KPI 3 (opened May-16): agreed 2016-06-20, target 2016-08-31, overdue.\n"+
		"Plan: rectification plan for KPI 9 (opened May-16): submitted 2016-07-05.\n")
	plans := l.Plans(period.Must(period.ParseLabel("Oct-16")))
	require.Len(t, plans, 2)
	var notes []string
	for _, s := range plans[0].Steps {
		notes = append(notes, s.Date.String()+" "+s.Note)
	}
	assert.Equal(t, []string{
		"2016-05-31 opened by 2 consecutive failures: rectification plan",
		"2016-06-08 ",
		"2016-06-20 to be completed by 2016-08-31",
		"2016-06-30 rectification plan held again in Jun-16: the plan is open",
		"2016-07-31 rectification plan held again in Jul-16: the plan is open",
		"2016-09-01 overdue: not completed by its target date 2016-08-31",
		"2016-10-31 closed: on target in 3 periods in a row",
	}, notes)
}

// TestPlanLogErrors: each problem of a plan log names its line and column,
// and an update for a plan that is not open is refused when the ledger
// runs.
func TestPlanLogErrors(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(plansFile), "plans.yaml", contract.YAML)
	require.NoError(t, err)
	_, err = contract.ReadPlanUpdates(strings.NewReader("kpi,event,date,state,target_date\n"+
		"X,rectification plan,2016-06-08,submitted,\n"+
		"3,plan please,2016-06-08,submitted,\n"+
		"3,rectification plan,08/06/2016,submitted,\n"+
		"3,rectification plan,2016-06-08,approved,\n"+
		"3,rectification plan,2016-06-08,submitted,2016-08-31\n"), "log.csv", c)
	require.Error(t, err)
	for _, want := range []string{
		`log.csv:2: kpi: no KPI "X" in the contract`,
		`log.csv:3: event: no escalation rule of the contract opens a plan for "plan please" (its plans are for rectification plan)`,
		`log.csv:4: date: cannot read "08/06/2016" as a date (want YYYY-MM-DD, such as 2016-06-15)`,
		`log.csv:5: state: cannot read "approved" as a plan state (want submitted, agreed, completed or closed)`,
		`log.csv:6: target_date: a target date goes with agreed, not submitted`,
	} {
		assert.Contains(t, err.Error(), want)
	}
	obs, err := contract.ReadObservations(strings.NewReader(plansReturn), "plans.csv", c)
	require.NoError(t, err)
	for log, want := range map[string]string{
		// April: no plan is open yet (3's opens with May).
		"kpi,event,date,state\n3,rectification plan,2016-04-20,submitted\n": `plan update, log.csv:2: "rectification plan" for KPI 3 on 2016-04-20: no such plan is open then`,
		// 10 May: read with May, whose end opens the plan, on 31 May.
		"kpi,event,date,state\n3,rectification plan,2016-05-10,submitted\n": `plan update, log.csv:2: "rectification plan" for KPI 3 on 2016-05-10: before the plan was opened (2016-05-31)`,
	} {
		updates, err := contract.ReadPlanUpdates(strings.NewReader(log), "log.csv", c)
		require.NoError(t, err)
		in := c.Input(obs, period.Must(period.ParseMonth("Oct-16")))
		in.PlanUpdates = updates
		_, err = c.RunInput(in)
		require.Error(t, err)
		assert.Contains(t, err.Error(), want)
	}
}

// FuzzReadPlanUpdates reads arbitrary bytes as a plan log: it never
// panics, a problem names the file, and what it accepts is for the
// contract's KPIs and plan events, in a state an update can give, and
// runs through the ledger without a panic (an update for a plan not open
// is an error, not a crash).
func FuzzReadPlanUpdates(f *testing.F) {
	f.Add([]byte(plansLog))
	f.Add([]byte("kpi,event,date,state\n3,rectification plan,2016-06-08,closed\n"))
	f.Add([]byte("kpi,event,date,state,target_date\n3,rectification plan,2016-06-20,agreed,2016-06-01\n"))
	f.Add([]byte("\xff\xfe\x00"))
	c, err := contract.Decode(strings.NewReader(plansFile), "plans.yaml", contract.YAML)
	if err != nil {
		f.Fatal(err)
	}
	obs, err := contract.ReadObservations(strings.NewReader(plansReturn), "plans.csv", c)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ups, err := contract.ReadPlanUpdates(bytes.NewReader(b), "log.csv", c)
		if err != nil {
			if ups != nil {
				t.Fatal("updates returned with an error")
			}
			if !strings.HasPrefix(err.Error(), "log.csv") {
				t.Fatalf("a problem that does not name the file: %v", err)
			}
			return
		}
		for _, u := range ups {
			if (u.KPI != "3" && u.KPI != "9") || u.Event != "rectification plan" || u.State < regime.Submitted || u.State > regime.Closed || u.Date.IsZero() {
				t.Fatalf("accepted %+v", u)
			}
		}
		in := c.Input(obs, period.Must(period.ParseMonth("Oct-16")))
		in.PlanUpdates = ups
		_, _ = c.RunInput(in)
	})
}
