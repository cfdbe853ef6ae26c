// Package scalegen makes the files of the at-scale measurements (issue 18):
// a contract of many percentage KPIs under one regime with credits, a cap
// and escalation, and a return of every KPI for every month, half the rows
// counts and half figures, drawn at random from a fixed seed so that the
// same arguments always give the same bytes.
package scalegen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/kpiregime/kpiregime/period"
)

// First is the first month of the contract and of the return: April 1990,
// so that 400 months (to July 2023) have all begun.
var First = period.Must(period.ParseMonth("1990-04"))

// Contract returns a contract file (YAML) of kpis percentage KPIs
// K0000, K0001, ... with target, detriment and failure levels and points,
// a points credit, a per-month cap and an escalation rule, in force from
// First.
func Contract(kpis int) []byte {
	var y strings.Builder
	y.WriteString("id: SCALE\nstart: 1990-04-01\nmonthly_charge: 250000.00\nregimes:\n  - name: Scale\n    from: 1990-04\n    kpis:\n")
	for k := range kpis {
		fmt.Fprintf(&y, `      - ref: %s
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: 95.0%%
        bands: {scheme: target_detriment_failure, detriment: 92.5, failure: 90, points: {missed: 1, detriment: 2, failed: 3}}
`, Ref(k))
	}
	y.WriteString("    credits:\n      - {type: points, rate: 0.01}\n    caps: {per_period: 10% of charges}\n")
	y.WriteString("    escalation:\n      - {event: material failure, rule: failures_in_window, failures: 3, periods: 6}\n")
	return []byte(y.String())
}

// Ref is the reference of KPI k: K and four digits.
func Ref(k int) string { return fmt.Sprintf("K%04d", k) }

// WriteReturn writes the return of kpis KPIs for months months from First
// to w, one row a KPI's month, month by month: even KPIs as counts (a
// denominator of 1,000 to 9,999 and 88% to 100% of it passing), odd ones
// as figures (88.00 to 99.99). It returns the last month.
func WriteReturn(w io.Writer, kpis, months int) (last period.Month, err error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	rng := rand.New(rand.NewPCG(18, 1))
	bw.WriteString("kpi,period,value,numerator,denominator\n")
	refs := make([]string, kpis)
	for k := range refs {
		refs[k] = Ref(k)
	}
	var b []byte
	for i := range months {
		last = First.AddMonths(i)
		m := last.String()
		for k := range kpis {
			b = append(b[:0], refs[k]...)
			b = append(b, ',')
			b = append(b, m...)
			if k%2 == 0 {
				den := 1000 + rng.IntN(9000)
				num := den * (880 + rng.IntN(121)) / 1000
				b = append(b, ",,"...)
				b = strconv.AppendInt(b, int64(num), 10)
				b = append(b, ',')
				b = strconv.AppendInt(b, int64(den), 10)
			} else {
				b = append(b, ',')
				b = strconv.AppendInt(b, int64(88+rng.IntN(12)), 10)
				b = append(b, '.')
				c := rng.IntN(100)
				b = append(b, byte('0'+c/10), byte('0'+c%10))
				b = append(b, ",,"...)
			}
			b = append(b, '\n')
			if _, err := bw.Write(b); err != nil {
				return last, err
			}
		}
	}
	return last, bw.Flush()
}
