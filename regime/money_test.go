package regime_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

func TestParseCurrency(t *testing.T) {
	for in, want := range map[string]string{"GBP": "GBP", "gbp": "GBP", "EUR": "EUR", "usd": "USD", "JPY": "JPY"} {
		c, err := regime.ParseCurrency(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, c.Code(), in)
	}
	gbp, err := regime.ParseCurrency("GBP")
	require.NoError(t, err)
	assert.True(t, gbp == regime.GBP, "GBP reads as the zero Currency, so they compare with ==")
	assert.Equal(t, "GBP", regime.Currency{}.Code())

	for _, in := range []string{"", "£", "EURO", "ZZZ", "XXX", "XAU", "EU"} {
		_, err := regime.ParseCurrency(in)
		var pe *period.ParseError
		require.ErrorAs(t, err, &pe, "%q", in)
		assert.Equal(t, "currency", pe.What)
		assert.Equal(t, in, pe.Input)
	}
	_, err = regime.ParseCurrency("ZZZ")
	assert.EqualError(t, err, `regime: cannot read "ZZZ" as a currency: ISO 4217 lists no such currency (want an ISO 4217 code such as GBP or EUR)`)
}

// TestCurrencyFormat: the expected texts are written by hand: two places,
// commas between thousands, the sign before the symbol or code.
func TestCurrencyFormat(t *testing.T) {
	eur, usd := regime.MustCurrency("EUR"), regime.MustCurrency("USD")
	for _, tc := range []struct {
		c    regime.Currency
		in   string
		want string
	}{
		{regime.GBP, "1250", "£1,250.00"},
		{regime.GBP, "-15.5", "-£15.50"},
		{eur, "1250", "€1,250.00"},
		{eur, "-0.01", "-€0.01"},
		{usd, "1234567.891", "USD 1,234,567.89"},
		{usd, "-15.5", "-USD 15.50"},
		{eur, "1e20", "€100,000,000,000,000,000,000.00"},
	} {
		assert.Equal(t, tc.want, tc.c.Format(decimal.RequireFromString(tc.in)), "%s %s", tc.c, tc.in)
		assert.Equal(t, tc.want, regime.Money{Amount: decimal.RequireFromString(tc.in), Currency: tc.c}.String())
	}
}

func TestMoneyJSON(t *testing.T) {
	m := regime.Money{Amount: decimal.RequireFromString("1250"), Currency: regime.MustCurrency("EUR")}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.Equal(t, `{"amount":"1250.00","currency":"EUR"}`, string(b))
	var back regime.Money
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Equal(m), "%v reads back as %v", m, back)

	b, err = json.Marshal(regime.Money{Amount: decimal.RequireFromString("-15.5")})
	require.NoError(t, err)
	assert.Equal(t, `{"amount":"-15.50","currency":"GBP"}`, string(b), "the zero Currency is GBP")

	for _, bad := range []string{`{"amount":"1"}`, `{"currency":"GBP"}`, `{"amount":"x","currency":"GBP"}`,
		`{"amount":"1","currency":"ZZZ"}`, `{"amount":"1","currency":"GBP","extra":1}`, `"1250.00"`} {
		assert.Error(t, json.Unmarshal([]byte(bad), &back), bad)
	}
	assert.False(t, m.Equal(regime.Money{Amount: m.Amount}), "the same amount in another currency is not Equal")
}

func TestCurrencyText(t *testing.T) {
	var c regime.Currency
	require.NoError(t, c.UnmarshalText([]byte("EUR")))
	b, err := c.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "EUR", string(b))
	assert.Error(t, c.UnmarshalText([]byte("ZZZ")))
	assert.Equal(t, "EUR", c.String(), "a failed UnmarshalText leaves the Currency as it was")
}

// TestHistoryShareOneCurrency: a contract's regimes are in one currency.
func TestHistoryShareOneCurrency(t *testing.T) {
	d := mustDef(t, kpi.Spec{Ref: "CS", Measure: pct, Frequency: period.Monthly(), Target: written(t, "90%"), Bands: kpi.TargetOnly()})
	v1 := mustRegime(t, regime.Spec{Name: "CSC", Version: "1", From: mo("Apr-16"), Until: mo("Oct-16"), KPIs: []kpi.Definition{d}})
	v2 := mustRegime(t, regime.Spec{Name: "CSC", Version: "2", From: mo("Oct-16"), KPIs: []kpi.Definition{d}, Currency: regime.MustCurrency("EUR")})
	_, err := regime.NewHistory(v1, v2)
	require.ErrorIs(t, err, regime.ErrInvalid)
	assert.ErrorContains(t, err, "regimes: CSC 2 is in EUR, and CSC 1 in GBP: a contract's regimes share one currency")
	h, err := regime.NewHistory(v2)
	require.NoError(t, err)
	assert.Equal(t, "EUR", h.Currency().Code())
	assert.Equal(t, "EUR", v2.Currency().Code())
}

// TestNotesInTheRegimesCurrency: a view's note of what accrued writes its
// money in the regime's currency. Q2 2016/17 is July to September; August
// and September are missed: 1 point each, 1% of €100,000 = €1,000.00
// each, €2,000.00 for the quarter.
func TestNotesInTheRegimesCurrency(t *testing.T) {
	d := mustDef(t, kpi.Spec{Ref: "CS", Measure: pct, Frequency: period.Monthly(), Target: written(t, "90%"),
		Bands: kpi.TargetOnly().WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: dec("1")})})
	r := mustRegime(t, regime.Spec{Name: "CSC", From: mo("Apr-16"), KPIs: []kpi.Definition{d}, Credits: onePoint,
		Currency: regime.MustCurrency("EUR")})
	months := []string{"Jul-16", "Aug-16", "Sep-16"}
	in := regime.Input{Observations: figures("CS", map[string]string{"Jul-16": "95", "Aug-16": "85", "Sep-16": "85"}),
		Charges: charges("100000", months...)}
	sc, err := r.Score(in, label("Q2 2016/17"))
	require.NoError(t, err)
	assert.Equal(t, "EUR", sc.Currency.Code())
	row, _ := sc.Row("CS")
	assert.Equal(t, "€2,000.00", sc.Money(row.Credit).String())
	notes := strings.Join(row.Notes, "; ")
	assert.Contains(t, notes, "€1,000.00")
	assert.NotContains(t, notes, "£")
}
