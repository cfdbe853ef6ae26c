package regime_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/regime"
)

// TestEqualComparesCurrencyAndCredits checks that Regime.Equal tells apart
// regimes that differ only in their currency, or only in a credit rule's
// amount, and finds equal two regimes built from equal specs: a regime in
// euros is not the same contract as one in pounds, and a fixed £500 credit
// is not a fixed £600 one.
func TestEqualComparesCurrencyAndCredits(t *testing.T) {
	build := func(cur string, fixed int64) *regime.Regime {
		t.Helper()
		r, err := regime.New(regime.Spec{Name: "ICT", From: month("Apr-16"), KPIs: []kpi.Definition{exampleKPI()},
			Currency: regime.MustCurrency(cur),
			Credits: []regime.CreditRule{
				regime.NewPointsCredit(decimal.NewFromInt(1)),
				regime.NewFixedCredit("AV-1", map[kpi.Status]decimal.Decimal{kpi.Failed: decimal.NewFromInt(fixed)}, decimal.Zero),
			}})
		require.NoError(t, err)
		return r
	}
	gbp := build("GBP", 500)
	assert.True(t, gbp.Equal(build("GBP", 500)), "the same spec")
	assert.False(t, gbp.Equal(build("EUR", 500)), "euros, not pounds")
	assert.False(t, gbp.Equal(build("GBP", 600)), "a fixed credit of 600, not 500")
}
