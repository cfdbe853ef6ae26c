// Command lincolnshire scores what seeds 002 and 003, the minutes of
// Lincolnshire County Council's Overview and Scrutiny Management Board,
// report of the Corporate Support Services Contract with Serco.
//
//	go run ./examples/lincolnshire
//
// The minutes publish outcomes, not figures: CSC_KPI_04, "% of total calls
// that are Abandoned Calls", failed its target service level (TSL) in
// August 2019, failed its minimum service level (MSL) in September, and
// achieved its TSL in October and November. The example records exactly
// that (lincolnshire-2019.csv: a status and the minutes' words, no value)
// against a KPI whose TSL and MSL are "not published" (lincolnshire.yaml).
// The library takes each outcome as reported and marks it so: the Actual
// column says "outcome reported", the JSON row has "outcome": true, and a
// figure for the KPI would be an error rather than be rated against a
// level nobody published.
//
// The regime raises an event when a KPI falls below its minimum service
// level, as September's outcome does.
//
// What the minutes say but do not tie to a KPI and month is printed as
// reported, not scored: mitigation "granted" to "a number of KPIs" in 2019
// and to two unnamed Adult Care Finance KPIs in 2017/18, no failed KPIs
// from August 2017 to February 2018, and the corrected count of KPIs at
// TSL in November 2019 (35). Applying relief to a KPI or month the minutes
// do not name would be inventing it; the regime's relief
// (regime.Mitigation) is shown on these outcomes in the test instead.
//
// The count of 35 is a restatement, a typing error in the addendum
// corrected at the meeting, but it is not entered as a restated row (a
// return row with a later reported_on): the minutes give the corrected
// count alone, not the figure the addendum printed, not the KPI or target
// it would be rated against, and not the meeting's date. A restated row
// needs both versions and the day; making any of them up would put a
// figure in the report that no paper published. TestRestatedOutcome shows
// how the Board's correction of an outcome would be recorded and shown.
package main

import (
	"bytes"
	_ "embed"
	"io"
	"os"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/internal/cli"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime/render"
)

var (
	//go:embed lincolnshire.yaml
	contractFile []byte
	//go:embed lincolnshire-2019.csv
	outcomesFile []byte
)

// months are the months the 2019 minutes give CSC_KPI_04's outcome for.
var months = []string{"Aug-19", "Sep-19", "Oct-19", "Nov-19"}

// reported are the minutes' statements that name no KPI and month, with
// their source.
var reported = [][]string{
	{"Seed", "Period", "Reported"},
	{"003", "Aug-17 to Feb-18", "No failed KPIs."},
	{"003", "Aug-17 to Feb-18", "Two KPIs, both in Adult Care Finance, granted mitigation relief (the implementation of Mosaic)."},
	{"002", "Jul-19 to Nov-19", "A number of KPIs granted mitigation, detailed in the report (not in the minutes)."},
	{"002", "Nov-19", "KPIs achieving their TSL: 35, as corrected at the meeting (the addendum had a typing error; the minutes do not give the figure it printed)."},
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run prints the report and returns the exit code: 0, 1 when it cannot be
// made, 2 for a usage mistake.
func run(args []string, stdout, stderr io.Writer) int {
	return cli.Command{Name: "lincolnshire", Formats: []string{"text", "json"}, Write: write}.Run(args, stdout, stderr)
}

// write scores the months and writes them in the format asked for, the
// text followed by what the minutes report without naming a KPI or month.
func write(b *bytes.Buffer, format string) error {
	cards, err := scorecards()
	if err != nil {
		return err
	}
	if format == "json" {
		return render.JSON(b, cards...)
	}
	if err := render.Text(b, cards...); err != nil {
		return err
	}
	b.WriteString("\nReported by the minutes, not scored (they name no KPI or month)\n\n")
	return render.Table(b, reported)
}

// scorecards reads the contract and the outcomes and scores each month.
func scorecards() ([]render.Card, error) {
	c, err := contract.Decode(bytes.NewReader(contractFile), "lincolnshire.yaml", contract.YAML)
	if err != nil {
		return nil, err
	}
	obs, err := contract.ReadObservations(bytes.NewReader(outcomesFile), "lincolnshire-2019.csv", c)
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
	return cards, nil
}
