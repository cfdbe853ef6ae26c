// Command periods prints the reporting calendar of a UK financial year: its
// quarters and months, with the labels committee reports use, and which
// months each measurement frequency falls due in.
//
//	go run ./examples/periods            # 2016/17
//	go run ./examples/periods -year 2024 # 2024/25
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kpiregime/kpiregime/period"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command with its arguments and output streams, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("periods", flag.ContinueOnError)
	fs.SetOutput(stderr)
	label := fs.String("year", "2016/17", "the financial year, as a label such as 2016/17 or 2016/2017")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	p, err := period.ParseLabel(*label)
	if err == nil && p.Kind() != period.KindYear {
		err = fmt.Errorf("%q is a %s, not a year", *label, p.Kind())
	}
	if err != nil {
		fmt.Fprintln(stderr, "periods:", err)
		return 1
	}
	fy, _ := p.Year()

	frequencies := []struct {
		name string
		f    period.Frequency
	}{
		{"monthly", period.Monthly()},
		{"quarterly", period.Quarterly()},
		{"6 monthly", period.SixMonthly()},
		{"annual", period.Annual()},
	}
	fmt.Fprintf(stdout, "Financial year %s (%s to %s)\n\n", fy.Label(period.Long), fy.Start(), fy.End().AddDays(-1))
	row := []string{"month", "", "quarter"}
	for _, fr := range frequencies {
		row = append(row, fr.name)
	}
	printRow(stdout, row)
	for m := range fy.Months() {
		row = []string{m.Label(period.Short), m.Label(period.Long), period.Years{}.Quarter(m).Label(period.Short)}
		for _, fr := range frequencies {
			mark := "-"
			if fr.f.Due(m) {
				mark = "due"
			}
			row = append(row, mark)
		}
		printRow(stdout, row)
	}
	fmt.Fprintln(stdout, "\n"+strings.TrimSpace(`
A six-monthly survey is due in September and March only, so in April it is
"Not Measured, No Survey Due".`))
	return 0
}

// printRow writes one aligned row of the table, without trailing spaces.
func printRow(w io.Writer, cells []string) {
	widths := []int{7, 14, 11, 9, 9, 9, 9}
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%-*s", widths[i], c)
	}
	fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
}
