// Package render writes scorecards for people and programs: an aligned text
// table like a committee report's, Markdown, CSV, JSON in a stable shape,
// and a single self-contained HTML page for a committee.
// Every renderer is deterministic byte for byte: the same scorecards always
// give the same output.
//
// The JSON shape is an object with a "scorecards" array; each scorecard has
// "contract", "regime", "version", "period", "rows", "summary" and
// "events"; each row has "contract", "regime", "kpi", "description",
// "service_area", "period" (2016-05 for a month), "status" (the canonical
// ladder name), "label", "target", "actual", "variance", "band", "reason",
// "relieved", "points" and "credit", among others; "outcome" is true, and
// present, only for a status reported with no figure ([kpi.Outcome]).
// Decimals are JSON strings, and absent figures are null.
package render

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// A Card is a scorecard with the contract it belongs to.
type Card struct {
	Contract  string
	Scorecard *regime.Scorecard
}

// row is a scorecard row in the JSON and CSV shape.
type row struct {
	Contract    string   `json:"contract"`
	Regime      string   `json:"regime"`
	Version     string   `json:"version"`
	KPI         string   `json:"kpi"`
	Description string   `json:"description"`
	ServiceArea string   `json:"service_area"`
	Tier        string   `json:"tier"`
	Period      string   `json:"period"`
	Status      string   `json:"status"`
	Label       string   `json:"label"`
	Target      *string  `json:"target"`
	Actual      *string  `json:"actual"`
	Outcome     bool     `json:"outcome,omitempty"`
	Variance    *string  `json:"variance"`
	Band        string   `json:"band"`
	Reason      string   `json:"reason"`
	Relieved    bool     `json:"relieved"`
	Relief      string   `json:"relief"`
	Points      string   `json:"points"`
	Credit      string   `json:"credit"`
	Trend       string   `json:"trend"`
	Notes       []string `json:"notes"`
}

type summary struct {
	Total              int                       `json:"total"`
	Rated              int                       `json:"rated"`
	OnTarget           int                       `json:"on_target"`
	ByStatus           map[string]int            `json:"by_status"`
	ByServiceArea      map[string]map[string]int `json:"by_service_area"`
	ByTier             map[string]map[string]int `json:"by_tier"`
	ShareOnTarget      string                    `json:"share_on_target"`
	ShareOnTargetRated string                    `json:"share_on_target_rated"`
	Exceptions         []string                  `json:"exceptions"`
	Points             string                    `json:"points"`
	CreditsBeforeCaps  string                    `json:"credits_before_caps"`
	Credits            string                    `json:"credits"`
	CappedBy           string                    `json:"capped_by"`
}

type event struct {
	Name   string `json:"name"`
	KPI    string `json:"kpi"`
	Period string `json:"period"`
	Rule   string `json:"rule"`
}

type card struct {
	Contract string  `json:"contract"`
	Regime   string  `json:"regime"`
	Version  string  `json:"version"`
	Period   string  `json:"period"`
	Rows     []row   `json:"rows"`
	Summary  summary `json:"summary"`
	Events   []event `json:"events"`
}

func money(d decimal.Decimal) string { return d.StringFixed(2) }

// pounds writes money for people: £2,000.00, -£15.50.
func pounds(d decimal.Decimal) string {
	s := d.Abs().StringFixed(2)
	whole, pence, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	sign := ""
	if d.IsNegative() {
		sign = "-"
	}
	return sign + "£" + b.String() + "." + pence
}

// exact writes a decimal with the places it has (90.0 stays 90.0).
func exact(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.String()
}

func ptr(d decimal.Decimal, ok bool) *string {
	if !ok {
		return nil
	}
	s := exact(d)
	return &s
}

func rowOf(c Card, r regime.Row) row {
	sc := c.Scorecard
	target, tok := r.Result.Target()
	actual, aok := r.Result.Actual()
	variance, vok := r.Result.Variance()
	out := row{
		Contract: c.Contract, Regime: sc.Regime, Version: sc.Version, KPI: r.KPI, Description: r.Description,
		ServiceArea: r.ServiceArea, Tier: r.Tier.String(), Period: sc.Period.String(), Status: r.Status.String(),
		Label: r.Label, Target: ptr(target, tok), Actual: ptr(actual, aok), Variance: ptr(variance, vok),
		Outcome: r.Result.Outcome(), Reason: r.Result.Reason(), Relieved: r.Relieved, Points: exact(r.Points), Credit: money(r.Credit),
		Notes: append([]string{}, r.Notes...),
	}
	if b, ok := r.Result.Band(); ok {
		out.Band = b.Name
	}
	if r.Relief.Kind != 0 {
		out.Relief = r.Relief.Kind.String()
	}
	if r.HasTrend {
		out.Trend = r.Trend.String()
	}
	return out
}

func cardOf(c Card) card {
	sc := c.Scorecard
	out := card{Contract: c.Contract, Regime: sc.Regime, Version: sc.Version, Period: sc.Period.String(),
		Rows: []row{}, Events: []event{}}
	for _, r := range sc.Rows {
		out.Rows = append(out.Rows, rowOf(c, r))
	}
	s := sc.Summary
	out.Summary = summary{Total: s.Total, Rated: s.Rated, OnTarget: s.OnTarget,
		ByStatus: names(s.ByStatus), ByServiceArea: map[string]map[string]int{}, ByTier: map[string]map[string]int{},
		ShareOnTarget: s.ShareOnTarget.StringFixed(2), ShareOnTargetRated: s.ShareOnTargetRated.StringFixed(2),
		Exceptions: append([]string{}, s.Exceptions...), Points: s.Points.String(),
		CreditsBeforeCaps: money(s.CreditsBeforeCaps), Credits: money(s.Credits), CappedBy: money(s.CappedBy)}
	for area, m := range s.ByServiceArea {
		out.Summary.ByServiceArea[area] = names(m)
	}
	for tier, m := range s.ByTier {
		out.Summary.ByTier[tier.String()] = names(m)
	}
	for _, e := range sc.Events {
		out.Events = append(out.Events, event(e))
	}
	return out
}

func names(m map[kpi.Status]int) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		out[k.String()] = v
	}
	return out
}

// JSON writes the cards in the stable JSON shape, indented, with a final
// newline. Map keys are sorted, so the output is the same every time.
func JSON(w io.Writer, cards ...Card) error {
	doc := struct {
		Scorecards []card `json:"scorecards"`
	}{Scorecards: []card{}}
	for _, c := range cards {
		doc.Scorecards = append(doc.Scorecards, cardOf(c))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// csvColumns are the CSV renderer's columns, one row per KPI per card.
var csvColumns = []string{"contract", "regime", "version", "period", "kpi", "description", "service_area", "tier",
	"status", "label", "target", "actual", "variance", "band", "relieved", "relief", "points", "credit", "trend", "reason", "notes"}

// CSV writes one line per KPI per card under a header, for spreadsheets.
func CSV(w io.Writer, cards ...Card) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for _, c := range cards {
		for _, r := range c.Scorecard.Rows {
			x := rowOf(c, r)
			rec := []string{x.Contract, x.Regime, x.Version, x.Period, x.KPI, x.Description, x.ServiceArea, x.Tier,
				x.Status, x.Label, deref(x.Target), deref(x.Actual), deref(x.Variance), x.Band, fmt.Sprint(x.Relieved),
				x.Relief, x.Points, x.Credit, x.Trend, x.Reason, strings.Join(x.Notes, "; ")}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// tableRow is a row of the text and Markdown tables: the target and the
// figure as a report writes them, the regime's label, points and credit
// where there are any, and the notes.
func tableRow(r regime.Row) []string {
	target, figure := "", ""
	if w, ok := r.Result.TargetWritten(); ok {
		target = w.String()
	}
	switch w, ok := r.Result.ActualWritten(); {
	case ok:
		figure = w.String()
	case r.Result.Outcome():
		// A status reported with no figure: the column must not look as
		// though a figure was rated.
		figure = "outcome reported"
	case r.Result.Text() != "" && !slices.Contains(r.Notes, r.Result.Text()):
		figure = r.Result.Text()
	case r.Label != "":
		// The text is already in the notes: the column says what the
		// status is, as a report's "No Data" does, and the note says why.
		figure = r.Label
	default:
		figure = regime.DefaultLabel(r.Status)
	}
	points, credit := "", ""
	if !r.Points.IsZero() {
		points = r.Points.String()
	}
	if !r.Credit.IsZero() {
		credit = pounds(r.Credit)
	}
	return []string{r.ServiceArea, r.KPI, r.Description, target, figure, r.Label, points, credit, strings.Join(r.Notes, "; ")}
}

var tableHead = []string{"Service area", "Ref", "Description", "Target", "Actual", "Status", "Points", "Credit", "Notes"}

// title heads a card: "ICT: ICT 2009, May 2016".
func title(c Card) string {
	sc := c.Scorecard
	return fmt.Sprintf("%s: %s %s, %s", c.Contract, sc.Regime, sc.Version, sc.Period.Label(period.Long))
}

// Text writes each card as an aligned table like a committee report's, with
// the regime's status labels, followed by its summary and events.
func Text(w io.Writer, cards ...Card) error {
	var b strings.Builder
	for i, c := range cards {
		if i > 0 {
			b.WriteString("\n")
		}
		sc := c.Scorecard
		b.WriteString(title(c) + "\n\n")
		rows := [][]string{tableHead}
		for _, r := range sc.Rows {
			rows = append(rows, tableRow(r))
		}
		writeAligned(&b, rows)
		b.WriteString("\n")
		writeSummary(&b, sc)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Table writes rows as an aligned text table in the style of [Text]: each
// column padded to its widest cell, two spaces apart, no trailing spaces.
// It is for tables of a program's own beside the scorecards (a comparison
// with published figures, say). Rows may differ in length.
func Table(w io.Writer, rows [][]string) error {
	var b strings.Builder
	writeAligned(&b, rows)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeAligned pads columns to their widest cell, two spaces apart, with no
// trailing spaces.
func writeAligned(b *strings.Builder, rows [][]string) {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	widths := make([]int, n)
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], len([]rune(cell)))
		}
	}
	for _, r := range rows {
		var line strings.Builder
		for i, cell := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			line.WriteString(cell)
			if i < len(r)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-len([]rune(cell))))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

func writeSummary(b *strings.Builder, sc *regime.Scorecard) {
	s := sc.Summary
	var counts []string
	for st := kpi.Exceeded; st <= kpi.Excluded; st++ {
		if n := s.ByStatus[st]; n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, labelFor(sc, st)))
		}
	}
	kpis := "KPIs"
	if s.Total == 1 {
		kpis = "KPI"
	}
	fmt.Fprintf(b, "%d %s: %s.\n", s.Total, kpis, strings.Join(counts, ", "))
	fmt.Fprintf(b, "On target: %d of %d (%s%%); of the %d rated, %s%%.\n", s.OnTarget, s.Total,
		s.ShareOnTarget.StringFixed(2), s.Rated, s.ShareOnTargetRated.StringFixed(2))
	if len(s.Exceptions) > 0 {
		fmt.Fprintf(b, "Exceptions: %s.\n", strings.Join(s.Exceptions, ", "))
	}
	fmt.Fprintf(b, "Service points: %s. Credits: %s", s.Points, pounds(s.Credits))
	if !s.CappedBy.IsZero() {
		fmt.Fprintf(b, " (%s before caps)", pounds(s.CreditsBeforeCaps))
	}
	b.WriteString(".\n")
	for _, e := range sc.Events {
		who := "KPI " + e.KPI
		if e.KPI == "" {
			who = "the regime"
		}
		fmt.Fprintf(b, "Event: %s for %s (%s).\n", e.Name, who, strings.TrimSuffix(e.Rule, ": "+e.Name))
	}
}

// labelFor is the label the scorecard's rows give a status, or the default.
func labelFor(sc *regime.Scorecard, st kpi.Status) string {
	i := slices.IndexFunc(sc.Rows, func(r regime.Row) bool { return r.Status == st })
	if i >= 0 {
		return sc.Rows[i].Label
	}
	return regime.DefaultLabel(st)
}

// Markdown writes each card as a Markdown section with a table and its
// summary.
func Markdown(w io.Writer, cards ...Card) error {
	var b strings.Builder
	for i, c := range cards {
		if i > 0 {
			b.WriteString("\n")
		}
		sc := c.Scorecard
		b.WriteString("## " + title(c) + "\n\n")
		b.WriteString("| " + strings.Join(tableHead, " | ") + " |\n")
		b.WriteString("|" + strings.Repeat("---|", len(tableHead)) + "\n")
		for _, r := range sc.Rows {
			cells := tableRow(r)
			for j := range cells {
				cells[j] = strings.ReplaceAll(cells[j], "|", `\|`)
			}
			b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
		b.WriteString("\n")
		var sum strings.Builder
		writeSummary(&sum, sc)
		for _, line := range strings.Split(strings.TrimRight(sum.String(), "\n"), "\n") {
			b.WriteString("- " + line + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
