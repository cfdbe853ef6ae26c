// Command scorecard scores a contract's performance for a period from a
// contract file and the supplier's figures, and prints the scorecard:
//
//	go run ./examples/scorecard -contract examples/scorecard/testdata/ict.yaml \
//	    -actuals examples/scorecard/testdata/ict-2016.csv -period May-16
//
// The period is any label package period reads: a month (May-16,
// 2016-05), a quarter (Q1 2016/17), a half, a financial year (2016/17) or a
// year to date (YTD 2016/17, which runs to the last month with figures),
// read in the contract's years (its year_start).
// -format picks text (the default), markdown, csv, json or html; -o writes
// to a file instead of standard output, all or nothing: never over the
// contract or a return; a replaced file keeps its permissions (a new one is
// 0644 less the umask), a symbolic link is written through, and a device or
// named pipe is written directly. -actuals may be given more than once.
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
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// files is a repeatable flag.
type files []string

func (f *files) String() string     { return strings.Join(*f, ",") }
func (f *files) Set(v string) error { *f = append(*f, v); return nil }

// renderers are the output formats by name.
var renderers = map[string]func(io.Writer, ...render.Card) error{
	"text": render.Text, "markdown": render.Markdown, "csv": render.CSV, "json": render.JSON, "html": render.HTML,
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
	fs := flag.NewFlagSet("scorecard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var actuals files
	contractFile := fs.String("contract", "", "the contract file, YAML or JSON (required)")
	fs.Var(&actuals, "actuals", "a CSV file of the supplier's figures (required; repeat for several)")
	label := fs.String("period", "", "the period to score: May-16, Q1 2016/17, 2016/17, YTD 2016/17 (required)")
	format := fs.String("format", "text", "the output: text, markdown, csv, json or html")
	out := fs.String("o", "", "write the scorecard to this file instead of standard output")
	strict := fs.Bool("strict", false, "treat warnings (likely mistakes, such as 0.95 for 95%) as errors")
	asAtText := fs.String("as-at", "", "score as at this day, YYYY-MM-DD: figures restated after it are read as they stood (default: the latest)")
	compare := fs.String("compare", "", "compare each row with the same view a year before: year")
	takes := fs.Bool("what-it-takes", false, "say what each row short of its target needed, what the rest of the year needs and what is at stake next month")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: scorecard -contract FILE -actuals FILE [-actuals FILE ...] -period LABEL [-as-at YYYY-MM-DD] [-compare year] [-what-it-takes] [-format text|markdown|csv|json|html] [-o FILE] [-strict]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "scorecard: "+format+"\n", a...)
		fs.Usage()
		return exitUsage
	}
	switch {
	case fs.NArg() > 0:
		return usage("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	case *contractFile == "":
		return usage("-contract is required")
	case len(actuals) == 0:
		return usage("-actuals is required")
	case *label == "":
		return usage("-period is required")
	}
	write, ok := renderers[*format]
	if !ok {
		return usage("-format %q is not one of text, markdown, csv, json, html", *format)
	}
	if *compare != "" && *compare != "year" {
		return usage("-compare %q: the only comparison is year", *compare)
	}
	if _, err := period.ParseLabel(*label); err != nil {
		return usage("-period: %v", err)
	}
	var asAt period.Date
	if *asAtText != "" {
		d, err := period.ParseDate(*asAtText)
		if err != nil {
			return usage("-as-at: %v", err)
		}
		asAt = d
	}
	if err := checkOutput(*out, *contractFile, actuals); err != nil {
		fmt.Fprintf(stderr, "-o %s: %v\n", *out, err)
		return exitBadInput
	}

	c, err := contract.ReadFile(*contractFile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	warned := c.Warnings()
	// The label again, in the contract's years (Q1 of a year from October
	// is October to December).
	p, err := c.Years().Parse(*label)
	if err != nil {
		fmt.Fprintf(stderr, "-period: %v\n", err)
		return exitBadInput
	}
	obs, more, err := contract.ReturnReader{Contract: c}.ReadFiles(actuals...)
	warned = append(warned, more...)
	for _, w := range warned {
		fmt.Fprintln(stderr, w)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	if *strict && len(warned) > 0 {
		fmt.Fprintln(stderr, "scorecard: -strict: the warnings above are errors, so there is no scorecard")
		return exitBadInput
	}
	cards, err := score(c, obs, p, asAt, *format == "html", extras{year: *compare == "year", takes: *takes})
	if err != nil {
		fmt.Fprintf(stderr, "-period %s: %v\n", *label, err)
		return exitBadInput
	}
	var buf bytes.Buffer
	if err := write(&buf, cards...); err != nil {
		fmt.Fprintf(stderr, "scorecard: %v\n", err)
		return exitBadInput
	}
	if *out == "" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			fmt.Fprintf(stderr, "scorecard: %v\n", err)
			return exitBadInput
		}
		return exitOK
	}
	if err := writeOutput(*out, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "-o %s: %v\n", *out, err)
		return exitBadInput
	}
	return exitOK
}

// extras are what a card may add to its rows beyond scoring.
type extras struct{ year, takes bool }

// score makes the period's card. For the HTML page of a longer period the
// month cards come first, so that each KPI's trend line runs across them.
// With extras, each card is a view of the contract's ledger that then
// compares its rows with a year before, or says what they take.
func score(c *contract.Contract, obs []regime.Observation, p period.Period, asAt period.Date, months bool, x extras) ([]render.Card, error) {
	one := func(q period.Period) (*regime.Scorecard, error) { return c.ScoreAsAt(obs, q, asAt) }
	if x.year || x.takes {
		l, err := c.RunAsAt(obs, p.LastMonth(), asAt)
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
	if months && p.Kind() != period.KindMonth {
		for m := range sc.Period.Months() {
			msc, err := one(m.Period())
			if err != nil {
				return nil, err
			}
			cards = append(cards, render.Card{Contract: c.ID(), Scorecard: msc})
		}
	}
	return append(cards, render.Card{Contract: c.ID(), Scorecard: sc}), nil
}
