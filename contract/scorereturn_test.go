package contract_test

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/internal/scalegen"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// BenchmarkScoreMillionRowReturn scores the last month of the 1,000,000-row
// return of BenchmarkMillionRows from a Return already read: the scoring
// part of that benchmark alone.
func BenchmarkScoreMillionRowReturn(b *testing.B) {
	const kpis, months = 2500, 400
	c, rt, last := millionRowReturn(b, kpis, months)
	runtime.GC()
	b.ReportAllocs()
	for b.Loop() {
		sc, err := c.ScoreReturn(rt, last.Period())
		if err != nil {
			b.Fatal(err)
		}
		if len(sc.Rows) != kpis {
			b.Fatalf("%d rows", len(sc.Rows))
		}
	}
}

func millionRowReturn(tb testing.TB, kpis, months int) (*contract.Contract, *regime.Return, period.Month) {
	tb.Helper()
	c, err := contract.Decode(bytes.NewReader(scalegen.Contract(kpis)), "scale.yaml", contract.YAML)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	last, err := scalegen.WriteReturn(&buf, kpis, months)
	if err != nil {
		tb.Fatal(err)
	}
	rt, err := contract.ReadReturn(&buf, "scale.csv", c)
	if err != nil {
		tb.Fatal(err)
	}
	return c, rt, last
}
