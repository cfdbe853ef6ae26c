// Command scorecard scores a contract's performance for a period from a
// contract file and the supplier's figures, and prints the scorecard:
//
//	go run ./examples/scorecard -contract examples/scorecard/testdata/ict.yaml \
//	    -actuals examples/scorecard/testdata/ict-2016.csv -period May-16
//
// The period is any label package period reads: a month (May-16,
// 2016-05), a quarter (Q1 2016/17), a half, a financial year (2016/17) or a
// year to date (YTD 2016/17, which runs to the last month with figures),
// read in the contract's years (its year_start). In a contract with a period
// calendar (periods) it is read in the calendar: a rail period (P5 2023/24),
// a quarter of periods (Q2 2023/24, P4 to P6) or a year of periods (2023/24),
// or a month.
// -actuals takes CSV returns and Excel workbooks (.xlsx, told by their
// content), in the long layout of the CSV return or the wide layout of a
// committee report (a row per KPI, a column per period: see
// docs/file-format.md); -sheet NAME reads that sheet of a workbook, the
// first by default.
//
// -format picks text (the default), markdown, csv, json, html or xlsx (an
// Excel workbook: a summary sheet and a sheet per scorecard, which needs -o
// and is never written to standard output); -o writes
// to a file instead of standard output, all or nothing: never over the
// contract or a return; a replaced file keeps its permissions (a new one is
// 0644 less the umask), a symbolic link is written through, and a device or
// named pipe is written directly. -actuals may be given more than once.
//
// One committee report on several contracts: give -contract more than
// once, each followed by its own returns; every -actuals belongs to the
// -contract before it. In text, Markdown and HTML the output is one report
// (a contents list, a summary across the contracts, then each contract's
// scorecard; the HTML prints on A4 with each contract on its own pages); in
// CSV and JSON it is every contract's scorecard in turn. With one
// -contract, the -actuals may stand anywhere, as they always could:
//
//	go run ./examples/scorecard -period May-16 -format html -o report.html \
//	    -contract pssp.yaml -actuals pssp-2016.csv \
//	    -contract ict.yaml -actuals ict-2016.csv
//
// -as-at YYYY-MM-DD scores as at that day: of a figure restated (a return
// row with a later reported_on for a period already reported), the version
// reported on or before the day is scored, and later ones are not; without
// it, the latest version of every figure is.
//
// -compare year adds, for every row, the same view a year before (the
// status, figure and credit then) and the direction of travel (improved,
// worsened, unchanged), as committees report it: two columns in text,
// Markdown and HTML, a "year_before" object in the JSON and
// year_before_* and travel columns in CSV. A year before the figures
// begin shows "none".
//
// -what-it-takes adds, for each row short of its target, the figure (and,
// with counts, the whole number of cases) each better band needed; for a
// cumulative KPI or one measured over a year, what the months left need
// to reach the annual target; and the credit at stake next month if the
// KPI stays where it is. It is a note in text, Markdown and HTML and a
// "what_it_takes" object in the JSON.
//
// Likely mistakes that may still be right (0.95 for a percentage whose
// target is 90%, perhaps a fraction) are printed on standard error as
// file:line: warning: path: message; -strict makes them errors.
//
// It exits 0 on success; 1 when the files or the period do not hold
// together, with every problem on standard error as file:line: path:
// message; 2 when the command line itself is wrong.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/contract/xlsx"
	"github.com/kpiregime/kpiregime/internal/cli"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
	xlsxout "github.com/kpiregime/kpiregime/regime/render/xlsx"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// A group is a contract file with its returns.
type group struct {
	contract string
	actuals  []string
	plans    []string // the council's plan logs
}

// inputs are the -contract and -actuals flags in the order given: each
// -actuals belongs to the -contract before it; loose are those given
// before any -contract.
type inputs struct {
	groups     []group
	loose      []string
	loosePlans []string
}

// contractFlag is the repeatable -contract flag.
type contractFlag struct{ in *inputs }

func (f contractFlag) String() string {
	if f.in == nil {
		return ""
	}
	var names []string
	for _, g := range f.in.groups {
		names = append(names, g.contract)
	}
	return strings.Join(names, ",")
}

func (f contractFlag) Set(v string) error {
	f.in.groups = append(f.in.groups, group{contract: v})
	return nil
}

// fileFlag is a repeatable flag naming files that belong to the -contract
// before it (-actuals, -plans): pick chooses the group's list, and loose
// takes those given before any -contract.
type fileFlag struct {
	in    *inputs
	pick  func(*group) *[]string
	loose *[]string
}

func (f fileFlag) String() string { return "" }

func (f fileFlag) Set(v string) error {
	if n := len(f.in.groups); n > 0 {
		list := f.pick(&f.in.groups[n-1])
		*list = append(*list, v)
	} else {
		*f.loose = append(*f.loose, v)
	}
	return nil
}

// renderers are the output formats by name.
var renderers = map[string]func(io.Writer, ...render.Card) error{
	"text": render.Text, "markdown": render.Markdown, "csv": render.CSV, "json": render.JSON, "html": render.HTML,
	"xlsx": xlsxout.Write,
}

// The exit codes.
const (
	exitOK       = 0
	exitBadInput = 1
	exitUsage    = 2
)

// run is the command, with its arguments and outputs, returning the exit
// code.
func run(args []string, stdout, stderr io.Writer) int {
	o, code, ok := parseArgs(args, stderr)
	if !ok {
		return code
	}
	for _, g := range o.in.groups {
		if err := checkOutput(o.out, g.contract, g.actuals); err != nil {
			fmt.Fprintf(stderr, "-o %s: %v\n", o.out, err)
			return exitBadInput
		}
	}
	var sections []render.Section
	for _, g := range o.in.groups {
		cards, code := scoreGroup(g, o.sheet, o.label, o.asAt, o.format == "html", o.strict, o.extras, stderr)
		if code != exitOK {
			return code
		}
		n := len(cards)
		sections = append(sections, render.Section{Card: cards[n-1], History: cards[:n-1]})
	}
	var buf bytes.Buffer
	if err := writeSections(&buf, o.format, o.write, sections); err != nil {
		fmt.Fprintf(stderr, "scorecard: %v\n", err)
		return exitBadInput
	}
	if o.out == "" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			fmt.Fprintf(stderr, "scorecard: %v\n", err)
			return exitBadInput
		}
		return exitOK
	}
	if err := cli.WriteFile(o.out, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "-o %s: %v\n", o.out, err)
		return exitBadInput
	}
	return exitOK
}

// options are the command's arguments, read and checked.
type options struct {
	in           inputs
	sheet, label string
	format, out  string
	write        func(io.Writer, ...render.Card) error // the renderer of format
	strict       bool
	asAt         period.Date
	extras       extras
}

// parseArgs reads and checks the arguments. Where they are wrong, or ask
// for help, it says so on stderr and returns the exit code and false.
func parseArgs(args []string, stderr io.Writer) (options, int, bool) {
	var o options
	fs := flag.NewFlagSet("scorecard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Var(contractFlag{&o.in}, "contract", "a contract file, YAML or JSON (required; repeat for one report on several contracts, each followed by its -actuals)")
	fs.Var(fileFlag{&o.in, func(g *group) *[]string { return &g.actuals }, &o.in.loose}, "actuals", "a return of the supplier's figures for the -contract before it, CSV or an Excel workbook (.xlsx) (required; repeat for several)")
	fs.Var(fileFlag{&o.in, func(g *group) *[]string { return &g.plans }, &o.in.loosePlans}, "plans", "the council's log of rectification plans for the -contract before it, CSV: kpi,event,date,state,target_date,note (optional)")
	fs.StringVar(&o.sheet, "sheet", "", "the sheet of an .xlsx return to read (default: its first)")
	fs.StringVar(&o.label, "period", "", "the period to score: May-16, Q1 2016/17, 2016/17, YTD 2016/17, or P5 2023/24 in a contract with periods (required)")
	fs.StringVar(&o.format, "format", "text", "the output: text, markdown, csv, json, html or xlsx (xlsx needs -o)")
	fs.StringVar(&o.out, "o", "", "write the scorecard to this file instead of standard output")
	fs.BoolVar(&o.strict, "strict", false, "treat warnings (likely mistakes, such as 0.95 for 95%) as errors")
	asAtText := fs.String("as-at", "", "score as at this day, YYYY-MM-DD: figures restated after it are read as they stood (default: the latest)")
	compare := fs.String("compare", "", "compare each row with the same view a year before: year")
	fs.BoolVar(&o.extras.takes, "what-it-takes", false, "say what each row short of its target needed, what the rest of the year needs and what is at stake next month")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: scorecard -contract FILE -actuals FILE [-actuals FILE ...] [-plans FILE] [-contract FILE -actuals FILE ...] -period LABEL [-sheet NAME] [-as-at YYYY-MM-DD] [-compare year] [-what-it-takes] [-format text|markdown|csv|json|html|xlsx] [-o FILE] [-strict]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, exitOK, false
		}
		return o, exitUsage, false
	}
	usage := func(format string, a ...any) (options, int, bool) {
		fmt.Fprintf(stderr, "scorecard: "+format+"\n", a...)
		fs.Usage()
		return o, exitUsage, false
	}
	if msg := o.in.check(fs.Args()); msg != "" {
		return usage("%s", msg)
	}
	if o.label == "" {
		return usage("-period is required")
	}
	var ok bool
	if o.write, ok = renderers[o.format]; !ok {
		return usage("-format %q is not one of text, markdown, csv, json, html, xlsx", o.format)
	}
	if o.format == "xlsx" && o.out == "" {
		return usage("-format xlsx writes a binary workbook: name the file with -o (it is never written to standard output)")
	}
	if *compare != "" && *compare != "year" {
		return usage("-compare %q: the only comparison is year", *compare)
	}
	o.extras.year = *compare == "year"
	if _, err := period.ParseLabel(o.label); err != nil && !period.IsPeriodLabel(o.label) {
		return usage("-period: %v", err)
	}
	if *asAtText != "" {
		d, err := period.ParseDate(*asAtText)
		if err != nil {
			return usage("-as-at: %v", err)
		}
		o.asAt = d
	}
	return o, exitOK, true
}

// check gives every -actuals to its -contract and says what is wrong with
// the contracts and returns given, with the arguments left over, or "".
func (in *inputs) check(rest []string) string {
	switch {
	case len(rest) > 0:
		return "unexpected arguments: " + strings.Join(rest, " ")
	case len(in.groups) == 0:
		return "-contract is required"
	case len(in.groups) == 1:
		// One contract: every -actuals is its, wherever it stands.
		in.groups[0].actuals = append(in.loose, in.groups[0].actuals...)
		in.groups[0].plans = append(in.loosePlans, in.groups[0].plans...)
	case len(in.loose) > 0:
		return fmt.Sprintf("-actuals %s comes before any -contract: with several contracts, give each -actuals after its -contract", in.loose[0])
	}
	for _, g := range in.groups {
		if len(g.actuals) == 0 {
			if len(in.groups) == 1 {
				return "-actuals is required"
			}
			return fmt.Sprintf("-contract %s has no -actuals after it", g.contract)
		}
	}
	return ""
}

// writeSections writes one contract's cards with the format's renderer,
// as the command always has; several contracts as one report in text,
// Markdown or HTML, and every contract's cards in turn in CSV or JSON.
func writeSections(b *bytes.Buffer, format string, write func(io.Writer, ...render.Card) error, sections []render.Section) error {
	all := func(s render.Section) []render.Card { return append(append([]render.Card{}, s.History...), s.Card) }
	if len(sections) == 1 {
		return write(b, all(sections[0])...)
	}
	r := render.Report{Title: "Contract performance, " + sections[0].Card.Scorecard.Period.Label(period.Long), Sections: sections}
	switch format {
	case "text":
		return render.TextReport(b, r)
	case "markdown":
		return render.MarkdownReport(b, r)
	case "html":
		return render.HTMLReport(b, r)
	}
	var cards []render.Card
	for _, s := range sections {
		cards = append(cards, s.Card)
	}
	return write(b, cards...)
}

// scoreGroup reads a contract and its returns and scores the period: the
// cards, or the exit code with the problems written to stderr.
func scoreGroup(g group, sheet, label string, asAt period.Date, months, strict bool, x extras, stderr io.Writer) ([]render.Card, int) {
	c, err := contract.ReadFile(g.contract)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, exitBadInput
	}
	warned := c.Warnings()
	// The label again, in the contract's years (Q1 of a year from October
	// is October to December), or its period calendar.
	p, err := c.ParsePeriod(label)
	if err != nil && period.IsPeriodLabel(label) && c.Periods().IsZero() {
		fmt.Fprintf(stderr, "-period: %q is a rail period, but the contract states no period calendar (periods) to read it in\n", label)
		return nil, exitBadInput
	}
	if err != nil {
		fmt.Fprintf(stderr, "-period: %v\n", err)
		return nil, exitBadInput
	}
	// CSV returns and workbooks, told apart by their content, are read as
	// one, so that a figure given in two is found whichever they are.
	obs, more, err := xlsx.Reader{Returns: contract.ReturnReader{Contract: c}, Sheet: sheet}.ReadFiles(g.actuals...)
	warned = append(warned, more...)
	for _, w := range warned {
		fmt.Fprintln(stderr, w)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, exitBadInput
	}
	if strict && len(warned) > 0 {
		fmt.Fprintln(stderr, "scorecard: -strict: the warnings above are errors, so there is no scorecard")
		return nil, exitBadInput
	}
	var updates []regime.PlanUpdate
	for _, f := range g.plans {
		u, err := contract.ReadPlanUpdatesFile(f, c)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return nil, exitBadInput
		}
		updates = append(updates, u...)
	}
	x.plans = updates
	cards, err := score(c, obs, p, asAt, months, x)
	if err != nil {
		fmt.Fprintf(stderr, "-period %s: %v\n", label, err)
		return nil, exitBadInput
	}
	return cards, exitOK
}

// extras are what a card may add to its rows beyond scoring.
type extras struct {
	year, takes bool
	plans       []regime.PlanUpdate // the council's plan logs
}

// score makes the period's card. For the HTML page of a longer period the
// month cards come first, so that each KPI's trend line runs across them.
// With extras, each card is a view of the contract's ledger that then
// compares its rows with a year before, or says what they take.
func score(c *contract.Contract, obs []regime.Observation, p period.Period, asAt period.Date, months bool, x extras) ([]render.Card, error) {
	one := func(q period.Period) (*regime.Scorecard, error) { return c.ScoreAsAt(obs, q, asAt) }
	if x.year || x.takes || len(x.plans) > 0 {
		in := c.Input(obs, p.LastMonth())
		in.AsAt, in.PlanUpdates = asAt, x.plans
		l, err := c.RunInput(in)
		if err != nil {
			return nil, err
		}
		one = func(q period.Period) (*regime.Scorecard, error) {
			sc, err := l.Scorecard(q)
			if err != nil {
				return nil, err
			}
			if x.year {
				if err := l.CompareYearBefore(sc); err != nil {
					return nil, err
				}
			}
			if x.takes {
				if err := l.WhatItTakes(sc); err != nil {
					return nil, err
				}
			}
			return sc, nil
		}
	}
	sc, err := one(p)
	if err != nil {
		return nil, err
	}
	var cards []render.Card
	if months && p.Kind() != period.KindMonth && p.Kind() != period.KindRailPeriod {
		parts := func(yield func(period.Period) bool) {
			for m := range sc.Period.Months() {
				if !yield(m.Period()) {
					return
				}
			}
		}
		if p.Kind() == period.KindRailQuarter || p.Kind() == period.KindRailYear {
			parts = c.Periods().Periods(p)
		}
		for part := range parts {
			msc, err := one(part)
			if err != nil {
				return nil, err
			}
			cards = append(cards, render.Card{Contract: c.ID(), Scorecard: msc})
		}
	}
	return append(cards, render.Card{Contract: c.ID(), Scorecard: sc}), nil
}
