package render

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/regime"
)

// Class returns the colour class of a status, as the HTML page and the Excel
// workbook colour it: "green" on target (exceeded, met), "amber" short of it
// (tolerance, missed), "red" at detriment or failure, "grey" with no figure
// or for information.
func Class(s kpi.Status) string { return rag(s) }

// Colour returns the background colour of a colour class ([Class]) as a
// hex RGB value, "#d9f2d9" for green, as the HTML page's style sheet gives
// it; "" for a class that is not one.
func Colour(class string) string { return classColours[class] }

// classColours are the background colours of the classes, as pageStyle
// writes them (TestColoursMatchStyle checks the two agree).
var classColours = map[string]string{"green": "#d9f2d9", "amber": "#fff0c2", "red": "#f8d0d0", "grey": "#eeeeee"}

// rag is the colour class of a status: green on target, amber short of it,
// red at detriment or failure, grey with no figure.
func rag(s kpi.Status) string {
	switch s {
	case kpi.Exceeded, kpi.Met:
		return "green"
	case kpi.Tolerance, kpi.Missed:
		return "amber"
	case kpi.Detriment, kpi.Failed:
		return "red"
	}
	return "grey"
}

const pageStyle = `body{font-family:system-ui,sans-serif;margin:2em;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f2f2f2}.num{text-align:right;white-space:nowrap}
.green{background:#d9f2d9}.amber{background:#fff0c2}.red{background:#f8d0d0}.grey{background:#eeeeee}
.counts span{display:inline-block;margin-right:1em;padding:.2em .5em;border-radius:.3em}
svg{vertical-align:middle}.reason{color:#555;font-size:.9em}
tr.interim td{font-style:italic}.flag{font-weight:bold;color:#a00}`

// HTML writes a single self-contained page for a committee: the last card's
// scorecard with its summary counts, the exceptions first, each row coloured
// red, amber, green or grey by its status, and for each KPI a small inline
// SVG line of its figures across the cards given (oldest first). Interim
// figures come last, in a table of their own, marked "(interim)" and
// data-interim="true"; a row that disagrees with the return has a "!" in
// its Status cell, titled with how (and data-disagreement saying the same),
// and a "Disagreements:" line under the summary names them; a row for a
// period other than the card's has data-period and a note. The page has
// no scripts and references nothing outside itself. Every value is escaped
// for HTML after its control characters are made plain as [Text] makes
// them, so nothing from the input becomes markup.
func HTML(w io.Writer, cards ...Card) error {
	if len(cards) == 0 {
		return fmt.Errorf("render: HTML needs at least one scorecard")
	}
	var b strings.Builder
	heading := title(cards[len(cards)-1])
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", escHTML(heading), pageStyle)
	writeHTMLCard(&b, cards, heading, 1)
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// escHTML escapes a value for HTML text or a quoted attribute; a control
// character (which XML forbids) or a bidi control in it is written as an
// escape first.
func escHTML(s string) string { return html.EscapeString(plain(s)) }

// writeHTMLCard writes the last card as [HTML] does, under the heading
// given at the heading level given (1 for h1), its parts one level below,
// with trend lines across all the cards.
func writeHTMLCard(b *strings.Builder, cards []Card, heading string, level int) {
	sc := cards[len(cards)-1].Scorecard
	fmt.Fprintf(b, "<h%d>%s</h%d>\n", level, escHTML(heading), level)
	writeHTMLSummary(b, sc)
	writeHTMLEvents(b, sc)
	series := figuresByKPI(cards)
	for _, part := range cardParts(sc) {
		if len(part.rows) == 0 {
			continue
		}
		writeHTMLTable(b, sc, part.heading, part.rows, series, level+1)
	}
}

// writeHTMLSummary writes a card's counts by status and its summary lines.
func writeHTMLSummary(b *strings.Builder, sc *regime.Scorecard) {
	e := escHTML
	s := sc.Summary
	b.WriteString("<p class=\"counts\">")
	for st := kpi.Exceeded; st <= kpi.LastStatus; st++ {
		if n := s.ByStatus[st]; n > 0 {
			fmt.Fprintf(b, "<span class=\"%s\" data-status=\"%s\">%d %s</span>", rag(st), st, n, e(labelFor(sc, st)))
		}
	}
	if s.Interim > 0 {
		fmt.Fprintf(b, "<span class=\"grey interim\">%d interim</span>", s.Interim)
	}
	if s.ForInfo > 0 {
		fmt.Fprintf(b, "<span class=\"grey info\">%d for information</span>", s.ForInfo)
	}
	b.WriteString("</p>\n")
	fmt.Fprintf(b, "<p>%s. Service points: %s. Credits: %s", e(onTargetLine(s)), e(s.Points.String()), e(moneyText(sc, s.Credits)))
	if !s.CappedBy.IsZero() {
		fmt.Fprintf(b, " (%s before caps)", e(moneyText(sc, s.CreditsBeforeCaps)))
	}
	b.WriteString(".</p>\n")
	if s.MaxScore > 0 {
		fmt.Fprintf(b, "<p class=\"score\">%s.</p>\n", e(scoreLine(s)))
	}
	if len(s.RemedyNotes) > 0 {
		fmt.Fprintf(b, "<p class=\"remedy\">%s.</p>\n", e(remedyLine(sc)))
	}
	if len(s.Adjustments) > 0 {
		fmt.Fprintf(b, "<p class=\"adjustments\">%s.</p>\n", e(adjustmentsLine(sc)))
	}
	if l := earnBackLine(sc); l != "" {
		fmt.Fprintf(b, "<p class=\"earn-back\">%s.</p>\n", e(l))
	}
	if l := incentivesLine(sc); l != "" {
		fmt.Fprintf(b, "<p class=\"incentives\">%s.</p>\n", e(l))
	}
	if len(s.Disagreements) > 0 {
		fmt.Fprintf(b, "<p class=\"disagreements\">Disagreements: %s.</p>\n", e(disagreements(sc)))
	}
}

// writeHTMLEvents writes a card's events and rectification plans, each a
// list where there are any.
func writeHTMLEvents(b *strings.Builder, sc *regime.Scorecard) {
	e := escHTML
	if len(sc.Events) > 0 {
		b.WriteString("<ul class=\"events\">\n")
		for _, ev := range sc.Events {
			who := "KPI " + ev.KPI
			if ev.KPI == "" {
				who = "the regime"
			}
			fmt.Fprintf(b, "<li>%s for %s (%s)</li>\n", e(ev.Name), e(who), e(strings.TrimSuffix(ev.Rule, ": "+ev.Name)))
		}
		b.WriteString("</ul>\n")
	}
	if len(sc.Plans) > 0 {
		b.WriteString("<ul class=\"plans\">\n")
		for _, p := range sc.Plans {
			class := "plan"
			if p.Overdue {
				class += " overdue"
			}
			fmt.Fprintf(b, "<li class=\"%s\" data-kpi=\"%s\" data-state=\"%s\">Plan: %s</li>\n", class, e(p.KPI), p.State, e(p.String()))
		}
		b.WriteString("</ul>\n")
	}
}

// cardPart is one table of an HTML card: its heading and its rows.
type cardPart struct {
	heading string
	rows    []regime.Row
}

// cardParts sorts a card's rows into its tables, in order: exceptions, on
// target or not rated, for information, and interim figures (which are
// never exceptions: they are shown apart).
func cardParts(sc *regime.Scorecard) []cardPart {
	exceptions, rest, info, interim := []regime.Row{}, []regime.Row{}, []regime.Row{}, []regime.Row{}
	for _, r := range sc.Rows {
		switch {
		case r.Interim:
			interim = append(interim, r)
		case r.Tier == kpi.TierContextual:
			info = append(info, r)
		case (r.Status.IsPerformance() && !r.Status.OnTarget()) || r.Status == kpi.NoData:
			exceptions = append(exceptions, r)
		default:
			rest = append(rest, r)
		}
	}
	return []cardPart{{"Exceptions", exceptions}, {"On target or not rated", rest}, {"For information, not rated", info}, {"Interim figures, not charged", interim}}
}

// writeHTMLTable writes one table of a card under its heading.
func writeHTMLTable(b *strings.Builder, sc *regime.Scorecard, heading string, rows []regime.Row, series map[string][]*decimal.Decimal, level int) {
	e := escHTML
	fmt.Fprintf(b, "<h%d>%s</h%d>\n<table>\n<thead><tr>", level, e(heading), level)
	cols := head(sc)
	for _, h := range append(cols[:len(cols)-1:len(cols)-1], "Trend", "Notes") {
		fmt.Fprintf(b, "<th>%s</th>", e(h))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range rows {
		writeHTMLRow(b, sc, r, series[r.KPI])
	}
	b.WriteString("</tbody>\n</table>\n")
}

// writeHTMLRow writes one row of a card's table, with its sparkline drawn
// from points.
func writeHTMLRow(b *strings.Builder, sc *regime.Scorecard, r regime.Row, points []*decimal.Decimal) {
	e := escHTML
	// Each cell is escaped whole with e below.
	cells := tableRow(sc, r, func(s string) string { return s })
	class := rag(r.Status)
	if r.Interim {
		class += " interim"
	}
	fmt.Fprintf(b, "<tr class=\"%s\" data-kpi=\"%s\" data-status=\"%s\"", class, e(r.KPI), r.Status)
	if p, ok := ownPeriod(sc, r); ok {
		fmt.Fprintf(b, " data-period=\"%s\"", e(p))
	}
	if r.Interim {
		b.WriteString(" data-interim=\"true\"")
	}
	why := disagreement(sc, r)
	if why != "" {
		fmt.Fprintf(b, " data-disagreement=\"%s\"", e(why))
	}
	b.WriteString(">")
	for i, c := range cells[:len(cells)-1] {
		class := ""
		if i >= 3 && i != 5 && (i != scoreColumn || !scaled(sc)) {
			class = " class=\"num\""
		}
		if i == 5 && why != "" {
			// The marker, with what it marks on hover.
			c = strings.TrimSuffix(c, " !")
			fmt.Fprintf(b, "<td>%s <span class=\"flag\" title=\"%s\">!</span></td>", e(c), e(why))
			continue
		}
		fmt.Fprintf(b, "<td%s>%s</td>", class, e(c))
	}
	fmt.Fprintf(b, "<td>%s</td>", sparkline(points))
	notes, reason := cells[len(cells)-1], r.Result.Reason()
	if strings.Contains(notes, reason) {
		// The notes already give it (a figure that cannot be placed).
		fmt.Fprintf(b, "<td>%s</td></tr>\n", e(notes))
		return
	}
	fmt.Fprintf(b, "<td>%s<div class=\"reason\">%s</div></td></tr>\n", e(notes), e(reason))
}

// figuresByKPI collects each KPI's figures across the cards, oldest first;
// a card with no figure for it leaves a gap. Where a card has more than one
// row for a KPI, the last figure of a measurement period is drawn, and an
// interim figure only where the card has no other.
func figuresByKPI(cards []Card) map[string][]*decimal.Decimal {
	out := map[string][]*decimal.Decimal{}
	for i, c := range cards {
		rated := map[string]bool{}
		for _, r := range c.Scorecard.Rows {
			if out[r.KPI] == nil {
				out[r.KPI] = make([]*decimal.Decimal, len(cards))
			}
			if a, ok := r.Result.Actual(); ok && (!r.Interim || !rated[r.KPI]) {
				out[r.KPI][i] = &a
				rated[r.KPI] = !r.Interim
			}
		}
	}
	return out
}

// sparkline draws figures as a small SVG polyline, 80 by 20, scaled to their
// own range; fewer than two figures draw nothing.
func sparkline(figs []*decimal.Decimal) string {
	var vals []float64 // for drawing only: positions on a 20-pixel line
	var xs []int
	for i, f := range figs {
		if f != nil {
			v, _ := f.Float64()
			vals, xs = append(vals, v), append(xs, i)
		}
	}
	if len(vals) < 2 {
		return ""
	}
	lo, hi := vals[0], vals[0]
	for _, v := range vals {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	const width, height = 80.0, 20.0
	var pts []string
	for k, v := range vals {
		x := 0.0
		if len(figs) > 1 {
			x = width * float64(xs[k]) / float64(len(figs)-1)
		}
		y := height / 2
		if hi > lo {
			y = height - 2 - (height-4)*(v-lo)/(hi-lo)
		}
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20" viewBox="0 0 80 20" role="img" aria-label="trend"><polyline fill="none" stroke="#333" stroke-width="1.5" points="%s"/></svg>`,
		strings.Join(pts, " "))
}
