package xlsx

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kpiregime/kpiregime/regime"
)

// TestMoneyFormat: a money cell's number format carries its currency's
// sign, or its code where it has none; written by hand in Excel's format
// language (positive;negative).
func TestMoneyFormat(t *testing.T) {
	assert.Equal(t, `"£"#,##0.00;-"£"#,##0.00`, moneyFormat(regime.GBP))
	assert.Equal(t, `"€"#,##0.00;-"€"#,##0.00`, moneyFormat(regime.MustCurrency("EUR")))
	assert.Equal(t, `"USD "#,##0.00;-"USD "#,##0.00`, moneyFormat(regime.MustCurrency("USD")))
}
