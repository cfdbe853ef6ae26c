package render

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// A Report is one committee report on several contracts, as councils take
// performance to committee (seed 000 is one report on two Serco
// contracts): a title, a contents list, a summary table across the
// contracts, then each contract's scorecard in the order given.
type Report struct {
	// Title heads the report ("Serco contract performance, May 2016");
	// empty, it is "Contract performance".
	Title string
	// Sections are the contracts, one each, in the order they are shown.
	Sections []Section
}

// A Section is one contract's part of a [Report]: the card the report
// shows, and the contract's earlier cards, oldest first, whose figures the
// HTML report draws in each KPI's trend line as [HTML] does. The text and
// Markdown reports show Card alone.
type Section struct {
	Card    Card
	History []Card
}

// ErrEmptyReport is returned by the report renderers for a report with no
// sections, or a section with no scorecard.
var ErrEmptyReport = errors.New("render: a report needs at least one section, each with a scorecard")

// reportTitle is the report's title, or the default.
func reportTitle(r Report) string {
	if r.Title == "" {
		return "Contract performance"
	}
	return r.Title
}

// check reports whether the report can be rendered.
func (r Report) check() error {
	if len(r.Sections) == 0 {
		return ErrEmptyReport
	}
	for _, s := range r.Sections {
		if s.Card.Scorecard == nil {
			return ErrEmptyReport
		}
		for _, h := range s.History {
			if h.Scorecard == nil {
				return ErrEmptyReport
			}
		}
	}
	return nil
}

// sectionHeading numbers a section's title: "2. ICT: ICT 2009, May 2016".
func sectionHeading(i int, s Section) string {
	return fmt.Sprintf("%d. %s", i+1, title(s.Card))
}

// reportStatuses are the canonical statuses that some section's summary
// counts, in the ladder's order: the summary table's status columns.
func reportStatuses(r Report) []kpi.Status {
	var out []kpi.Status
	for st := kpi.Exceeded; st <= kpi.LastStatus; st++ {
		for _, s := range r.Sections {
			if s.Card.Scorecard.Summary.ByStatus[st] > 0 {
				out = append(out, st)
				break
			}
		}
	}
	return out
}

// reportHasInterim reports whether a section has interim figures, and so
// the summary table an Interim column.
func reportHasInterim(r Report) bool {
	for _, s := range r.Sections {
		if s.Card.Scorecard.Summary.Interim > 0 {
			return true
		}
	}
	return false
}

// summaryTable is the report's summary across the contracts: a header, a
// row per section and a row of totals. The statuses are named by their
// default labels, since each regime labels them its own way; the counts
// leave interim figures and measures for information out, as each card's
// summary does. Credits are after caps; events are counted.
func summaryTable(r Report) [][]string {
	statuses := reportStatuses(r)
	interim := reportHasInterim(r)
	head := []string{"Contract", "Period", "KPIs"}
	for _, st := range statuses {
		head = append(head, regime.DefaultLabel(st))
	}
	if interim {
		head = append(head, "Interim")
	}
	head = append(head, "On target", "Credits", "Events")
	rows := [][]string{head}
	var kpis, onTarget, counted, interims, events int
	byStatus := map[kpi.Status]int{}
	// The credits are totalled by currency, in the order the currencies
	// come: contracts in different currencies are not added together.
	var currencies []regime.Currency
	credits := map[regime.Currency]decimal.Decimal{}
	for _, s := range r.Sections {
		sc := s.Card.Scorecard
		sum := sc.Summary
		row := []string{s.Card.Contract, sc.Period.Label(period.Long), fmt.Sprint(sum.Total)}
		for _, st := range statuses {
			row = append(row, fmt.Sprint(sum.ByStatus[st]))
			byStatus[st] += sum.ByStatus[st]
		}
		if interim {
			row = append(row, fmt.Sprint(sum.Interim))
		}
		n := sum.Total - sum.Interim - sum.ForInfo
		row = append(row, fmt.Sprintf("%d of %d", sum.OnTarget, n), moneyText(sc, sum.Credits), fmt.Sprint(len(sc.Events)))
		rows = append(rows, row)
		kpis += sum.Total
		onTarget += sum.OnTarget
		counted += n
		interims += sum.Interim
		events += len(sc.Events)
		if _, ok := credits[sc.Currency]; !ok {
			currencies = append(currencies, sc.Currency)
		}
		credits[sc.Currency] = credits[sc.Currency].Add(sum.Credits)
	}
	total := []string{"All contracts", "", fmt.Sprint(kpis)}
	for _, st := range statuses {
		total = append(total, fmt.Sprint(byStatus[st]))
	}
	if interim {
		total = append(total, fmt.Sprint(interims))
	}
	totals := make([]string, len(currencies))
	for i, c := range currencies {
		totals[i] = c.Format(credits[c])
	}
	if len(totals) == 0 {
		totals = []string{regime.GBP.Format(decimal.Zero)}
	}
	total = append(total, fmt.Sprintf("%d of %d", onTarget, counted), strings.Join(totals, " + "), fmt.Sprint(events))
	return append(rows, total)
}

// TextReport writes a report as text: the title, a numbered contents list,
// the summary table across the contracts, then each section's card as
// [Text] writes it, its title numbered as in the contents.
func TextReport(w io.Writer, r Report) error {
	if err := r.check(); err != nil {
		return err
	}
	var b strings.Builder
	t := plain(reportTitle(r))
	b.WriteString(t + "\n" + strings.Repeat("=", len([]rune(t))) + "\n\nContents\n\n")
	for i, s := range r.Sections {
		b.WriteString(plain(sectionHeading(i, s)) + "\n")
	}
	b.WriteString("\nSummary\n\n")
	rows := summaryTable(r)
	for i := range rows {
		for j := range rows[i] {
			rows[i][j] = plain(rows[i][j])
		}
	}
	writeAligned(&b, rows)
	for i, s := range r.Sections {
		b.WriteString("\n")
		writeTextCard(&b, s.Card, sectionHeading(i, s))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// MarkdownReport writes a report as Markdown: the title as a level-one
// heading, a numbered contents list, the summary table, then each
// section's card as [Markdown] writes it, under a numbered level-two
// heading. Values from the input are escaped as [Markdown] escapes them.
func MarkdownReport(w io.Writer, r Report) error {
	if err := r.check(); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("# " + markdownText(reportTitle(r)) + "\n\n## Contents\n\n")
	for i, s := range r.Sections {
		fmt.Fprintf(&b, "%d. %s\n", i+1, markdownText(title(s.Card)))
	}
	b.WriteString("\n## Summary\n\n")
	rows := summaryTable(r)
	for i, row := range rows {
		cells := make([]string, len(row))
		for j, c := range row {
			cells[j] = markdownText(c)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat("---|", len(row)) + "\n")
		}
	}
	for i, s := range r.Sections {
		b.WriteString("\n")
		writeMarkdownCard(&b, s.Card, sectionHeading(i, s))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// printStyle lays the HTML report out on A4 paper: each contract starts a
// new page, a table's header row is repeated on every page it runs over,
// rows are not split across pages, and the status colours are printed.
const printStyle = `
nav ol{margin:.3em 0}table.summary td:nth-child(n+3){text-align:right}tr.total td{font-weight:bold}
@page{size:A4;margin:12mm}
@media print{body{margin:0;font-size:8pt}section.contract{break-before:page}
thead{display:table-header-group}tr{break-inside:avoid}h2,h3{break-after:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}`

// HTMLReport writes a report as one self-contained HTML page: the title, a
// contents list linking to each contract, the summary table across the
// contracts, then a section per contract (<section class="contract"
// id="contract-1" data-contract="PSSP">) holding its card as [HTML] draws
// it, with its trend lines across the section's history and its card.
// Printed, the page is laid out on A4: each contract starts on a new page,
// a table's header row is repeated on each page it runs over, and the
// status colours print. Like [HTML], it has no scripts, references nothing
// outside itself (the contents' links are to its own sections) and escapes
// every value.
func HTMLReport(w io.Writer, r Report) error {
	if err := r.check(); err != nil {
		return err
	}
	var b strings.Builder
	e := escHTML
	t := reportTitle(r)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>%s%s</style>\n</head>\n<body>\n<h1>%s</h1>\n", e(t), pageStyle, printStyle, e(t))
	b.WriteString("<nav>\n<h2>Contents</h2>\n<ol>\n")
	for i, s := range r.Sections {
		fmt.Fprintf(&b, "<li><a href=\"#contract-%d\">%s</a></li>\n", i+1, e(title(s.Card)))
	}
	b.WriteString("</ol>\n</nav>\n<h2>Summary</h2>\n<table class=\"summary\">\n<thead><tr>")
	rows := summaryTable(r)
	for _, h := range rows[0] {
		fmt.Fprintf(&b, "<th>%s</th>", e(h))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for i, row := range rows[1:] {
		if i == len(rows)-2 {
			b.WriteString("<tr class=\"total\">")
		} else {
			fmt.Fprintf(&b, "<tr data-contract=\"%s\">", e(row[0]))
		}
		for _, c := range row {
			fmt.Fprintf(&b, "<td>%s</td>", e(c))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	for i, s := range r.Sections {
		fmt.Fprintf(&b, "<section class=\"contract\" id=\"contract-%d\" data-contract=\"%s\">\n", i+1, e(s.Card.Contract))
		writeHTMLCard(&b, append(append([]Card{}, s.History...), s.Card), sectionHeading(i, s), 2)
		b.WriteString("</section>\n")
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
