package contract

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// The columns of a plan log: kpi, event, date and state are required,
// target_date and note optional.
var planColumns = []string{"kpi", "event", "date", "state", "target_date", "note"}

// ReadPlanUpdates reads the log a council keeps of its rectification
// plans, a CSV file with a header line:
//
//	kpi,event,date,state,target_date,note
//	3,rectification plan,2016-06-08,submitted,,
//	3,rectification plan,2016-06-15,agreed,2016-08-31,actions agreed at the board
//
// Each row says that the plan the KPI's event opened was submitted,
// agreed (with the date it is to be completed by), completed or closed on
// the date. The KPI must be one of the contract's, and the event one an
// escalation rule of the contract raises and opens plans for; dates are
// YYYY-MM-DD, not after the day the log is read. Every problem is a
// [*LineError] naming the line and column, all at once. Whether a plan is
// open on an update's date is for the ledger to say: the contract's run
// refuses an update for a plan not open then ([regime.Input].PlanUpdates).
func ReadPlanUpdates(r io.Reader, file string, c *Contract) ([]regime.PlanUpdate, error) {
	lr := &limited{r: r}
	cr := csv.NewReader(textReader(lr))
	cr.TrimLeadingSpace = true
	pr := &planReader{file: file}
	if err := pr.header(cr); err != nil {
		return nil, err
	}
	if len(pr.errs) > 0 {
		return nil, errors.Join(pr.errs...)
	}
	pr.events, pr.refs = c.planEvents()
	pr.today = period.DateOf(time.Now().UTC())
	var out []regime.PlanUpdate
	line := 1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			if lr.over {
				return nil, &LineError{File: file, Msg: errTooLarge.Error()}
			}
			pr.report(csvLine(err, line), "", "%s", csvMessage(err))
			break
		}
		if u, ok := pr.row(rec, line); ok {
			out = append(out, u)
		}
	}
	if err := errors.Join(pr.errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// planReader reads a log of plan updates: its columns, and what its rows
// are checked against.
type planReader struct {
	file   string
	errs   []error
	cols   map[string]int // column name -> 1-based index
	events map[string]bool
	refs   map[string]bool
	today  period.Date
}

// report records a problem at a line and column, up to maxErrors.
func (pr *planReader) report(line int, col, format string, args ...any) {
	if len(pr.errs) < maxErrors {
		pr.errs = append(pr.errs, &LineError{File: pr.file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
	}
}

// header reads the header line, recording problems with its columns; the
// error is for a file with no header to read.
func (pr *planReader) header(cr *csv.Reader) error {
	header, err := cr.Read()
	if err == io.EOF {
		return &LineError{File: pr.file, Line: 1, Msg: "the file is empty: want a header line such as kpi,event,date,state,target_date,note"}
	}
	if err != nil {
		return &LineError{File: pr.file, Line: csvLine(err, 1), Msg: csvMessage(err)}
	}
	pr.cols = map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		switch {
		case !slices.Contains(planColumns, name):
			pr.report(1, name, "unknown column (want %s)", strings.Join(planColumns, ", "))
		case pr.cols[name] != 0:
			pr.report(1, name, "the column is named twice")
		default:
			pr.cols[name] = i + 1
		}
	}
	for _, req := range planColumns[:4] {
		if pr.cols[req] == 0 {
			pr.report(1, req, "the header has no %s column", req)
		}
	}
	return nil
}

// row reads the update on one line; ok is false if it has problems, which
// are recorded.
func (pr *planReader) row(rec []string, line int) (u regime.PlanUpdate, ok bool) {
	field := func(name string) string {
		if i := pr.cols[name]; i > 0 && i <= len(rec) {
			return strings.TrimSpace(rec[i-1])
		}
		return ""
	}
	u = regime.PlanUpdate{KPI: field("kpi"), Event: field("event"), Note: field("note"), Source: regime.Source{File: pr.file, Line: line}}
	ok = true
	bad := func(col, format string, args ...any) {
		pr.report(line, col, format, args...)
		ok = false
	}
	switch {
	case u.KPI == "":
		bad("kpi", "the KPI reference is empty")
	case !pr.refs[u.KPI]:
		bad("kpi", "no KPI %s in the contract", problems.Quote(u.KPI))
	}
	switch {
	case u.Event == "":
		bad("event", "the event is empty")
	case !pr.events[u.Event]:
		bad("event", "no escalation rule of the contract opens a plan for %s (its plans are for %s)", problems.Quote(u.Event), orNone(sortedKeys(pr.events)))
	}
	date := func(col string) period.Date {
		s := field(col)
		if s == "" {
			return period.Date{}
		}
		d, err := period.ParseDate(s)
		switch {
		case err != nil:
			bad(col, "cannot read %s as a date (want YYYY-MM-DD, such as 2016-06-15)", problems.Quote(s))
		case col == "date" && d.After(pr.today):
			bad(col, "%s is after the day the log is read (%s)", d, pr.today)
		}
		return d
	}
	u.Date, u.Target = date("date"), date("target_date")
	if field("date") == "" {
		bad("date", "the date is empty")
	}
	if st, err := regime.ParsePlanState(field("state")); err != nil {
		bad("state", "%s", reason(err))
	} else {
		u.State = st
	}
	if !u.Target.IsZero() && u.State != 0 && u.State != regime.Agreed {
		bad("target_date", "a target date goes with agreed, not %s", u.State)
	}
	return u, ok
}

// ReadPlanUpdatesFile reads a plan log from a file ([ReadPlanUpdates]).
func ReadPlanUpdatesFile(path string, c *Contract) ([]regime.PlanUpdate, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadPlanUpdates(f, path, c)
}

// planEvents returns the events the contract's escalation rules open plans
// for, and the contract's KPI references.
func (c *Contract) planEvents() (events, refs map[string]bool) {
	events, refs = map[string]bool{}, map[string]bool{}
	for _, r := range c.history.Regimes() {
		s := r.Spec()
		for _, rule := range s.Escalation {
			if !rule.Plan().IsZero() {
				events[rule.Event()] = true
			}
		}
		for _, d := range s.KPIs {
			refs[d.Ref()] = true
		}
	}
	return events, refs
}

// orNone joins names, or says there are none.
func orNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
