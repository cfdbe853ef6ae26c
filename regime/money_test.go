package regime_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
