package contract_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// Scoring a portfolio's contracts at once, each from its own return. CSA's
// target is 90%, so May's 85% misses: one point, 1% of the £10,000 charge,
// £100. CSB's is 80%, which 85% meets: nothing.
func ExamplePortfolio_Score() {
	file := func(id, target string) string {
		return `id: ` + id + `
start: 2016-04-01
monthly_charge: 10000
regimes:
  - name: ` + id + `
    from: 2016-04
    kpis:
      - ref: CS
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: ` + target + `
        bands: {scheme: target_only, points: {missed: 1}}
    credits: [{type: points, rate: 1}]
`
	}
	returns := map[string][]regime.Observation{}
	var contracts []*contract.Contract
	for _, c := range []struct{ id, target string }{{"CSA", "90%"}, {"CSB", "80%"}} {
		ct, err := contract.Decode(strings.NewReader(file(c.id, c.target)), c.id+".yaml", contract.YAML)
		if err != nil {
			fmt.Println(err)
			return
		}
		obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nCS,May-16,85\n"), c.id+".csv", ct)
		if err != nil {
			fmt.Println(err)
			return
		}
		returns[c.id] = obs
		contracts = append(contracts, ct)
	}
	p, err := contract.NewPortfolio(contracts...)
	if err != nil {
		fmt.Println(err)
		return
	}
	scs, err := p.Score(returns, period.Must(period.ParseMonth("May-16")).Period())
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, sc := range scs {
		fmt.Printf("%s: %s, credits £%s\n", contracts[i].ID(), sc.Rows[0].Status, sc.Summary.Credits.StringFixed(2))
	}
	// Output:
	// CSA: missed, credits £100.00
	// CSB: met, credits £0.00
}

// TestPortfolioScoreIsSequential checks Portfolio.Score gives each contract
// the scorecard Contract.Score gives it, in the portfolio's order, on one
// core and on several, and names the contract that fails: the expected
// values are Contract.Score's own, one contract after another.
func TestPortfolioScoreIsSequential(t *testing.T) {
	y, data, last := loadAndScoreFiles(t)
	var contracts []*contract.Contract
	returns := map[string][]regime.Observation{}
	for i := range 6 {
		id := fmt.Sprintf("BIG%d", i)
		c, err := contract.Decode(bytes.NewReader(bytes.Replace(y, []byte("id: BIG"), []byte("id: "+id), 1)), id+".yaml", contract.YAML)
		require.NoError(t, err)
		if i != 4 { // BIG4 has no return
			obs, err := contract.ReadObservations(bytes.NewReader(data), id+".csv", c)
			require.NoError(t, err)
			returns[id] = obs
		}
		contracts = append(contracts, c)
	}
	p, err := contract.NewPortfolio(contracts...)
	require.NoError(t, err)
	want := make([]*regime.Scorecard, len(contracts))
	for i, c := range contracts {
		if i != 4 {
			want[i], err = c.Score(returns[c.ID()], last.Period())
			require.NoError(t, err)
		}
	}
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		got, err := p.Score(returns, last.Period())
		runtime.GOMAXPROCS(old)
		require.ErrorContains(t, err, "contracts[4] (BIG4): ")
		require.Nil(t, got[4])
		for i := range got {
			if i != 4 && !got[i].Equal(want[i]) {
				t.Fatalf("GOMAXPROCS %d: %s's scorecard differs from Contract.Score's", procs, contracts[i].ID())
			}
		}
	}
}
