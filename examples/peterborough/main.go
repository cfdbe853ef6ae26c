// Command peterborough scores seed 000, Peterborough City Council's two
// contracts with Serco, for April and May 2016: the Peterborough-Serco
// Strategic Partnership (PSSP) and the ICT contract. Each is read from its
// contract file (pssp.yaml, ict.yaml) with the published figures
// (pssp-2016.csv, ict-2016.csv), scored month by month and printed as the
// seed's tables are, each contract followed by a summary of its two
// months. With -format json it prints the scorecards in the JSON shape of
// the scorecard command; with -format xlsx and -o it writes them as an Excel
// workbook (package regime/render/xlsx), a summary sheet and a sheet per
// contract per month. -o writes all or nothing, as the scorecard command's
// does: a replaced file keeps its permissions and a symbolic link is
// written through. With -format html or markdown it prints one
// committee report on both contracts for May 2016, as the seed is one
// report on the two: a contents list, a summary across the contracts, then
// each contract's scorecard (in HTML with April and May in each KPI's
// trend line, laid out to print on A4 with each contract on its own
// pages).
//
//	go run ./examples/peterborough
//	go run ./examples/peterborough -format json
//	go run ./examples/peterborough -format xlsx -o report.xlsx
//	go run ./examples/peterborough -format html > report.html
//
// Beside each cumulative collection KPI (R&B-K-001 and the others with a
// cumulative profile) the table prints the library's own projection to the
// year end, actual × annual ÷ profiled ([kpi.Result.Forecast]), after the
// supplier's note. Where the note says "On track to meet annual target of
// ..." and the projection says not (R&B-K-008 in May 2016: 9.96 × 30 ÷
// 11.25 = 26.56%, against the note's 30%), the row is marked ! and listed
// under Disagreements; the JSON carries the projection as "forecast".
//
// Each contract is also built with the Go API (pssp.go, ict.go), and a
// test checks that the two definitions give the same scorecards.
//
// Readings the example takes where the seed's figures and criteria
// disagree, or where it is silent (each also in the file's comments and
// in the notes printed beside the rows):
//
//   - ICT KPIs 1 and 2 are volumes of failures, but the seed prints 100
//     and 50, the percentage of incidents resolved in time. The note on
//     KPI 1 in May ("Both incidents resolved but one not updated on the
//     system as per process") says 50 is one of two incidents, so the
//     figures are entered as 0 failures (100) and 1 failure (50).
//   - PSSP R&B-K-009a is labelled days, but its profile rises toward an
//     "annual target of 26%": it is read as the percentage of housing
//     benefit overpayment debt recovered to date.
//   - The PSSP key names Target Met, Exceeded, Within Tolerance, Not Met
//     and Not Measurable, but the seed's statuses are colours its text
//     does not keep and no row gives a tolerance level: a figure at its
//     target is Target Met, one strictly better Exceeded, one short of it
//     Not Met.
//   - The PSSP collection rates the seed calls "Annual" are reported every
//     month against a cumulative profile toward the annual target in their
//     notes; CS-K-002's annual 85% is profiled at 82% in April and May.
//   - The last two PSSP rows lose their layout in the seed's text. The
//     purchase-card compliance row has no reference, so its service-area
//     cell, PR, stands as one; FS-K-002's figures cannot be placed in a
//     month, so it is left out rather than guessed.
package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/internal/cli"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime/render"
	"github.com/kpiregime/kpiregime/regime/render/xlsx"
)

var (
	//go:embed pssp.yaml
	psspFile []byte
	//go:embed pssp-2016.csv
	psspFigures []byte
	//go:embed ict.yaml
	ictFile []byte
	//go:embed ict-2016.csv
	ictFigures []byte
)

// source is one contract of the example: its file and its figures.
type source struct {
	file, figures         string
	fileData, figuresData []byte
}

var sources = []source{
	{"pssp.yaml", "pssp-2016.csv", psspFile, psspFigures},
	{"ict.yaml", "ict-2016.csv", ictFile, ictFigures},
}

// months are the months the seed reports.
var months = []string{"Apr-16", "May-16"}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run prints the scorecards and returns the exit code: 0, 1 when the
// contracts cannot be scored, 2 for a usage mistake.
func run(args []string, stdout, stderr io.Writer) int {
	return cli.Command{Name: "peterborough", Formats: []string{"text", "json", "markdown", "html", "xlsx"}, Files: []string{"xlsx"}, Write: write}.Run(args, stdout, stderr)
}

// write scores both contracts and writes them in the format asked for.
func write(b *bytes.Buffer, format string) error {
	scored, err := scorecards()
	if err != nil {
		return err
	}
	switch format {
	case "json", "xlsx":
		var all []render.Card
		for _, s := range scored {
			all = append(all, s.cards...)
		}
		if format == "xlsx" {
			return xlsx.Write(b, all...)
		}
		return render.JSON(b, all...)
	case "markdown":
		return render.MarkdownReport(b, report(scored))
	case "html":
		return render.HTMLReport(b, report(scored))
	}
	for i, s := range scored {
		if i > 0 {
			b.WriteString("\n")
		}
		if err := render.Text(b, s.cards...); err != nil {
			return err
		}
		b.WriteString("\n")
		writeSummary(b, s)
	}
	return nil
}

// report is the committee report of May 2016 on both contracts, as seed
// 000 is one report on the two: each contract's May scorecard, with April
// in its trend lines.
func report(scored []scored) render.Report {
	var r render.Report
	for _, s := range scored {
		n := len(s.cards)
		r.Sections = append(r.Sections, render.Section{Card: s.cards[n-1], History: s.cards[:n-1]})
	}
	r.Title = "Serco contract performance, " + r.Sections[0].Card.Scorecard.Period.Label(period.Long)
	return r
}

// scored is a contract with its scorecards, a card a month.
type scored struct {
	contract *contract.Contract
	cards    []render.Card
}

// scorecards reads each contract and its figures and scores April and May
// 2016.
func scorecards() ([]scored, error) {
	var out []scored
	for _, s := range sources {
		c, err := contract.Decode(bytes.NewReader(s.fileData), s.file, contract.YAML)
		if err != nil {
			return nil, err
		}
		obs, err := contract.ReadObservations(bytes.NewReader(s.figuresData), s.figures, c)
		if err != nil {
			return nil, err
		}
		var cards []render.Card
		for _, label := range months {
			sc, err := c.Score(obs, period.Must(period.ParseLabel(label)))
			if err != nil {
				return nil, err
			}
			cards = append(cards, render.Card{Contract: c.ID(), Scorecard: sc})
		}
		out = append(out, scored{c, cards})
	}
	return out, nil
}

// writeSummary writes a contract's months side by side: how many KPIs had
// each status, how many were on target, and the KPIs whose status changed
// from one month to the next.
func writeSummary(b *bytes.Buffer, s scored) {
	cards := s.cards
	first, last := cards[0].Scorecard, cards[len(cards)-1].Scorecard
	r, _ := s.contract.RegimeAt(first.Period.FirstMonth())
	fmt.Fprintf(b, "%s summary, %s to %s\n\n", cards[0].Contract, first.Period.Label(period.Long), last.Period.Label(period.Long))
	head := []string{"Status"}
	for _, c := range cards {
		head = append(head, c.Scorecard.Period.Label(period.Short))
	}
	table := [][]string{head}
	for st := kpi.Exceeded; st <= kpi.LastStatus; st++ {
		row, any := []string{r.Label(st)}, false
		for _, c := range cards {
			n := c.Scorecard.Summary.ByStatus[st]
			any = any || n > 0
			row = append(row, fmt.Sprint(n))
		}
		if any {
			table = append(table, row)
		}
	}
	interim, anyInterim := []string{"Interim"}, false
	for _, c := range cards {
		interim = append(interim, fmt.Sprint(c.Scorecard.Summary.Interim))
		anyInterim = anyInterim || c.Scorecard.Summary.Interim > 0
	}
	if anyInterim {
		// Figures for months inside a longer measurement period: shown,
		// not rated for the period, so not counted above.
		table = append(table, interim)
	}
	onTarget, rated := []string{"On target"}, []string{"Of the rated"}
	for _, c := range cards {
		s := c.Scorecard.Summary
		onTarget = append(onTarget, fmt.Sprintf("%d of %d", s.OnTarget, s.Total-s.Interim))
		rated = append(rated, s.ShareOnTargetRated.StringFixed(2)+"%")
	}
	table = append(table, onTarget, rated)
	writeColumns(b, table)
	for i := 1; i < len(cards); i++ {
		prev, cur := cards[i-1].Scorecard, cards[i].Scorecard
		var changes []string
		for _, row := range cur.Rows {
			if was, ok := prev.Row(row.KPI); ok && was.Status != row.Status {
				changes = append(changes, fmt.Sprintf("%s from %s to %s", row.KPI, was.Label, row.Label))
			}
		}
		if len(changes) > 0 {
			fmt.Fprintf(b, "\nChanged in %s: %s.\n", cur.Period.Label(period.Short), strings.Join(changes, "; "))
		}
	}
}

// writeColumns writes a table with its first column left-aligned and the
// others right-aligned, two spaces apart.
func writeColumns(b *bytes.Buffer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], len(cell))
		}
	}
	for _, r := range rows {
		line := fmt.Sprintf("%-*s", widths[0], r[0])
		for i, cell := range r[1:] {
			line += fmt.Sprintf("  %*s", widths[i+1], cell)
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
}
