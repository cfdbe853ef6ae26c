package render

import (
	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/regime"
)

// Pounds exposes moneyText, for a scorecard in pounds, to the tests.
var Pounds = func(d decimal.Decimal) string { return moneyText(&regime.Scorecard{}, d) }
