package regime

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/period"
)

// A PlanRule makes an escalation rule's event open a rectification plan:
// one plan for each KPI and event, however many months the rule holds
// while it is open. The plan is due for submission SubmitWithin days after
// the end of the month its event was raised in; once agreed, it is closed
// when the KPI is on target in CloseAfter of its measurement periods in a
// row. A plan not submitted by its due date, or not completed by the
// target date it was agreed with, is overdue, and raises the Overdue
// event (once for each); a failure of the KPI while the plan is agreed and
// open raises the Repeat event. Either event may be empty (none raised).
// Only the KPI's measurement periods that begin after the day the plan
// was agreed count toward closing it or as repeat failures: a period
// partly before it was not wholly under the plan.
type PlanRule struct {
	SubmitWithin int
	CloseAfter   int
	Overdue      string
	Repeat       string
}

// IsZero reports whether p is the zero PlanRule: the rule opens no plan.
func (p PlanRule) IsZero() bool { return p == PlanRule{} }

// opens reports whether the rule opens plans.
func (p PlanRule) opens() bool { return !p.IsZero() }

func (p PlanRule) validate() error {
	switch {
	case p.SubmitWithin < 0 || p.SubmitWithin > 366:
		return fmt.Errorf("a plan is due 0 to 366 days after its month, not %d", p.SubmitWithin)
	case p.CloseAfter < 0 || p.CloseAfter > 36:
		return fmt.Errorf("a plan closes after 0 to 36 periods on target, not %d", p.CloseAfter)
	}
	return nil
}

// WithPlan returns r with its event opening a rectification plan.
func (r Rule) WithPlan(p PlanRule) Rule {
	r.plan = p
	return r
}

// A PlanState is where a rectification plan stands.
type PlanState uint8

// The states, in the order a plan goes through them. The zero PlanState
// is none.
const (
	Requested PlanState = iota + 1 // the event asked for a plan
	Submitted                      // the supplier submitted it
	Agreed                         // the council agreed it, with a target date
	Completed                      // the supplier reports its actions done
	Closed                         // performance held, or the council closed it
)

var planStateNames = [...]string{"", "requested", "submitted", "agreed", "completed", "closed"}

// String returns requested, submitted, agreed, completed or closed.
func (s PlanState) String() string {
	if s >= Requested && s <= Closed {
		return planStateNames[s]
	}
	return fmt.Sprintf("PlanState(%d)", int(s))
}

// ParsePlanState reads submitted, agreed, completed or closed (the states
// an update can give; requested is the event's), not case-sensitively.
func ParsePlanState(s string) (PlanState, error) {
	norm := strings.ToLower(strings.TrimSpace(s))
	for st := Submitted; st <= Closed; st++ {
		if norm == planStateNames[st] {
			return st, nil
		}
	}
	return 0, parseError("plan state", s, "submitted, agreed, completed or closed")
}

// MarshalText implements [encoding.TextMarshaler].
func (s PlanState) MarshalText() ([]byte, error) {
	if s < Requested || s > Closed {
		return nil, fmt.Errorf("regime: cannot marshal %s", s)
	}
	return []byte(s.String()), nil
}

// A PlanUpdate is a change to a rectification plan, from the log the
// council keeps: the plan of KPI for Event was submitted, agreed (with a
// Target date to complete it by), completed or closed on Date.
type PlanUpdate struct {
	KPI, Event string
	Date       period.Date
	State      PlanState
	Target     period.Date
	Note       string
	Source     Source
}

// A Plan is a rectification plan as it stands at the end of a scorecard:
// the KPI and event that opened it, the month it was opened in, the day it
// is due for submission (zero where the rule sets none), the target date
// agreed, its State, whether it is Overdue, the events it raised, and its
// Steps to that day.
type Plan struct {
	KPI, Event string
	Opened     period.Month
	Due        period.Date
	Target     period.Date
	State      PlanState
	Overdue    bool
	Steps      []PlanStep
}

// A PlanStep is one step in a plan's history: on Date it reached State
// (or, for a step that changes no state, what Note says happened); an
// agreed plan's step has the Target date agreed.
type PlanStep struct {
	Date   period.Date
	State  PlanState
	Target period.Date
	Note   string
}

// add adds a step to the plan's history, in date order (after the steps
// of the same day).
func (p *plan) add(s PlanStep) {
	i := len(p.Steps)
	for i > 0 && p.Steps[i-1].Date.After(s.Date) {
		i--
	}
	p.Steps = slices.Insert(p.Steps, i, s)
}

// Equal reports whether p and o are the same plan.
func (p Plan) Equal(o Plan) bool {
	return p.KPI == o.KPI && p.Event == o.Event && p.Opened == o.Opened && p.Due == o.Due && p.Target == o.Target &&
		p.State == o.State && p.Overdue == o.Overdue && slices.Equal(p.Steps, o.Steps)
}

// String describes the plan in a line: "rectification plan for KPI 3
// (opened May-16): agreed 2016-06-15, target 2016-08-31".
func (p Plan) String() string {
	s := fmt.Sprintf("%s for KPI %s (opened %s): %s", p.Event, p.KPI, p.Opened.Label(period.Short), p.State)
	for i := len(p.Steps) - 1; i >= 0; i-- {
		if p.Steps[i].State == p.State {
			s += " " + p.Steps[i].Date.String() // the day it reached its state
			break
		}
	}
	if !p.Target.IsZero() {
		s += ", target " + p.Target.String()
	}
	if p.Overdue {
		s += ", overdue"
	}
	return s
}

// plan is a plan the ledger keeps, with its whole history.
type plan struct {
	Plan
	rule     PlanRule
	good     int // on-target periods in a row since it was agreed
	agreedOn period.Date
	overdue  bool // overdue for submission raised
	late     bool // overdue against its target raised
	closedOn period.Date
}

// planKey identifies a plan: its KPI and event.
type planKey struct{ kpi, event string }

// state returns the plan's state and whether it is overdue at the end of
// day d, with its steps to then.
func (p *plan) at(d period.Date) Plan {
	out := p.Plan
	out.Steps = nil
	out.Overdue = false
	out.Target = period.Date{}
	for _, s := range p.Steps {
		if s.Date.After(d) {
			break
		}
		out.Steps = append(out.Steps, s)
		if s.State != 0 {
			out.State = s.State
		}
		if s.State == Agreed {
			out.Target = s.Target
		}
		if strings.HasPrefix(s.Note, "overdue") {
			out.Overdue = true
		}
		if s.State == Submitted || s.State == Completed || s.State == Closed {
			out.Overdue = false
		}
	}
	return out
}

// plans runs the month's rectification plans, after escalation: an event
// of a rule with a plan opens one (or, where the KPI's plan for it is
// open, is not raised again, and the plan notes it); the council's updates
// dated in the month are applied; a plan past its due or target date is
// overdue; the KPI's periods ending in the month count toward closing it,
// or, failing, raise the rule's repeat event.
func (run *runner) plans(r *Regime, m period.Month, mo *monthEntry) error {
	l := run.l
	end := m.Last()
	kept := mo.events[:0]
	for _, e := range mo.events {
		rule, ok := r.planRule(e)
		if !ok {
			kept = append(kept, e)
			continue
		}
		k := planKey{e.KPI, e.Name}
		if i, open := l.openPlan[k]; open {
			p := l.plans[i]
			p.add(PlanStep{Date: end, Note: fmt.Sprintf("%s held again in %s: the plan is open", e.Name, m.Label(period.Short))})
			continue
		}
		p := &plan{Plan: Plan{KPI: e.KPI, Event: e.Name, Opened: m}, rule: rule}
		if rule.SubmitWithin > 0 {
			p.Due = end.AddDays(rule.SubmitWithin)
		}
		p.Steps = []PlanStep{{Date: end, State: Requested, Note: "opened by " + e.Rule}}
		if l.openPlan == nil {
			l.openPlan = map[planKey]int{}
		}
		l.openPlan[k] = len(l.plans)
		l.plans = append(l.plans, p)
		kept = append(kept, e)
	}
	mo.events = kept
	if err := run.applyUpdates(end); err != nil {
		return err
	}
	for _, i := range l.openIndexes() {
		p := l.plans[i]
		mo.events = append(mo.events, run.progress(p, m, mo)...)
		if p.State == Closed {
			delete(l.openPlan, planKey{p.KPI, p.Event})
		}
	}
	return nil
}

// planRule returns the plan rule of the rule that raised e, if it opens
// plans.
func (r *Regime) planRule(e Event) (PlanRule, bool) {
	for i, rule := range r.spec.Escalation {
		if rule.event == e.Name && r.ruleTexts[i] == e.Rule && rule.plan.opens() {
			return rule.plan, true
		}
	}
	return PlanRule{}, false
}

// openIndexes returns the indexes of the open plans, in the order they
// were opened.
func (l *Ledger) openIndexes() []int {
	out := make([]int, 0, len(l.openPlan))
	for _, i := range l.openPlan {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

// applyUpdates applies the council's updates dated up to end to the plans
// open, in date order (and file order within a day); an update for a plan
// that is not open is an error.
func (run *runner) applyUpdates(end period.Date) error {
	l := run.l
	ups := run.in.PlanUpdates
	var errs []error
	for run.nextUpdate < len(run.updateOrder) {
		u := &ups[run.updateOrder[run.nextUpdate]]
		if u.Date.After(end) {
			break
		}
		run.nextUpdate++
		i, open := l.openPlan[planKey{u.KPI, u.Event}]
		if !open {
			errs = append(errs, fmt.Errorf("plan update%s: %s for KPI %s on %s: no such plan is open then", sourceText(u.Source), problems.Quote(u.Event), u.KPI, u.Date))
			continue
		}
		p := l.plans[i]
		if u.Date.Before(p.Steps[0].Date) {
			errs = append(errs, fmt.Errorf("plan update%s: %s for KPI %s on %s: before the plan was opened (%s)", sourceText(u.Source), problems.Quote(u.Event), u.KPI, u.Date, p.Steps[0].Date))
			continue
		}
		step := PlanStep{Date: u.Date, State: u.State, Note: u.Note}
		if u.State == Agreed {
			step.Target = u.Target
		}
		switch u.State {
		case Agreed:
			p.Target, p.agreedOn = u.Target, u.Date
			if !u.Target.IsZero() && step.Note == "" {
				step.Note = "to be completed by " + u.Target.String()
			}
			p.good = 0
		case Closed:
			p.closedOn = u.Date
			if step.Note == "" {
				step.Note = "closed by the council"
			}
		}
		p.State = u.State
		p.add(step)
	}
	return errors.Join(errs...)
}

// progress checks plan p at the end of month m: overdue dates that have
// passed, and the KPI's periods ending in the month. It returns the events
// it raises.
func (run *runner) progress(p *plan, m period.Month, mo *monthEntry) []Event {
	end := m.Last()
	var events []Event
	raise := func(name, why string) {
		if name != "" {
			events = append(events, Event{Name: name, KPI: p.KPI, Period: m, Rule: fmt.Sprintf("%s for KPI %s (opened %s) %s", p.Event, p.KPI, p.Opened.Label(period.Short), why)})
		}
	}
	stateOn := func(d period.Date) PlanState { return p.at(d).State }
	if !p.overdue && !p.Due.IsZero() && p.Due.Before(end) && stateOn(p.Due) == Requested {
		p.overdue = true
		why := "overdue: not submitted by " + p.Due.String()
		p.add(PlanStep{Date: p.Due.AddDays(1), Note: why})
		raise(p.rule.Overdue, why)
	}
	if !p.late && !p.Target.IsZero() && p.Target.Before(end) {
		if st := stateOn(p.Target); st == Agreed || st == Submitted {
			p.late = true
			why := "overdue: not completed by its target date " + p.Target.String()
			p.add(PlanStep{Date: p.Target.AddDays(1), Note: why})
			raise(p.rule.Overdue, why)
		}
	}
	if p.State != Agreed && p.State != Completed {
		return events
	}
	for i := range mo.rows {
		row := &mo.rows[i]
		if row.KPI != p.KPI || row.Interim || !counts(row) || !row.Period.Start().After(p.agreedOn) {
			continue // (only periods wholly under the agreed plan count)
		}
		switch {
		case row.Failing:
			p.good = 0
			raise(p.rule.Repeat, fmt.Sprintf("failed again in %s while the plan is in force", row.Period.Label(period.Short)))
		case row.Status.OnTarget():
			p.good++
			if p.rule.CloseAfter > 0 && p.good >= p.rule.CloseAfter {
				p.State, p.closedOn = Closed, end
				p.add(PlanStep{Date: end, State: Closed,
					Note: fmt.Sprintf("closed: on target in %d %s in a row", p.good, plural(p.good, "period"))})
				return events
			}
		}
	}
	return events
}

// orderUpdates sorts the plan updates by date, keeping file order within
// a day, and checks each: its KPI, event and state.
func (run *runner) orderUpdates() error {
	ups := run.in.PlanUpdates
	var errs []error
	run.updateOrder = make([]int, 0, len(ups))
	for i := range ups {
		u := &ups[i]
		switch {
		case u.Date.IsZero():
			errs = append(errs, fmt.Errorf("plan update%s: %s for KPI %s has no date", sourceText(u.Source), problems.Quote(u.Event), u.KPI))
			continue
		case u.State < Submitted || u.State > Closed:
			errs = append(errs, fmt.Errorf("plan update%s: %s for KPI %s on %s: the state is submitted, agreed, completed or closed", sourceText(u.Source), problems.Quote(u.Event), u.KPI, u.Date))
			continue
		case !u.Target.IsZero() && u.State != Agreed:
			errs = append(errs, fmt.Errorf("plan update%s: %s for KPI %s on %s: a target date goes with agreed, not %s", sourceText(u.Source), problems.Quote(u.Event), u.KPI, u.Date, u.State))
			continue
		case !u.Target.IsZero() && u.Target.Before(u.Date):
			errs = append(errs, fmt.Errorf("plan update%s: %s for KPI %s: the target date %s is before the day it was agreed, %s", sourceText(u.Source), problems.Quote(u.Event), u.KPI, u.Target, u.Date))
			continue
		}
		run.updateOrder = append(run.updateOrder, i)
	}
	slices.SortStableFunc(run.updateOrder, func(a, b int) int { return cmp.Compare(ups[a].Date.Compare(ups[b].Date), 0) })
	return errors.Join(errs...)
}

// Plans returns the rectification plans open at any time in p, each as it
// stands at p's end, in the order they were opened.
func (l *Ledger) Plans(p period.Period) []Plan {
	var out []Plan
	last := p.End().AddDays(-1)
	for _, pl := range l.plans {
		if pl.Opened.First().After(last) || (!pl.closedOn.IsZero() && pl.closedOn.Before(p.Start())) {
			continue
		}
		out = append(out, pl.at(last))
	}
	return out
}
