package contract_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

// euroFile is a contract in euros. Worked by hand for Apr-16, on the
// charge of €100,000:
//
//	A 80% against 90%: missed, 2 points; points credit 2 × 1% of €100,000 = €2,000.00
//	B 85% against 90%: missed, no points; fixed credit for missed            €750.50
//	before caps 2,000.00 + 750.50 = €2,750.50; the cap of €2,500 a month binds:
//	credits €2,500.00, capped by 2,750.50 − 2,500.00 = €250.50.
const euroFile = `
id: EURO
start: 2016-04-01
currency: EUR
monthly_charge: 100000
regimes:
  - name: R
    from: 2016-04
    kpis:
      - {ref: A, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly,
         target: 90%, bands: {scheme: target_only, points: {missed: 2}}}
      - {ref: B, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly,
         target: 90%}
    credits:
      - {type: points, rate: 1}
      - {type: fixed, kpi: B, per_status: {missed: 750.50}}
    caps: {per_period: €2500}
`

func euroCard(t *testing.T, file string) (*contract.Contract, render.Card) {
	t.Helper()
	c, err := contract.Decode(strings.NewReader(file), "euro.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nA,Apr-16,80\nB,Apr-16,85\n"), "euro.csv", c)
	require.NoError(t, err)
	sc, err := c.Score(obs, period.Must(period.ParseLabel("Apr-16")))
	require.NoError(t, err)
	return c, render.Card{Contract: "EURO", Scorecard: sc}
}

// TestContractInEuros: a contract in EUR writes its money with € in text
// and EUR in JSON and CSV, with the amounts worked above.
func TestContractInEuros(t *testing.T) {
	c, card := euroCard(t, euroFile)
	assert.Equal(t, "EUR", c.Currency().Code())
	assert.Equal(t, "EUR", card.Scorecard.Currency.Code())

	var text bytes.Buffer
	require.NoError(t, render.Text(&text, card))
	out := text.String()
	assert.Contains(t, out, "Service points: 2. Credits: €2,500.00 (€2,750.50 before caps, as the rows show them).\n")
	assert.Contains(t, out, "€2,000.00")
	assert.Contains(t, out, "€750.50")
	assert.NotContains(t, out, "£")

	var md, html bytes.Buffer
	require.NoError(t, render.Markdown(&md, card))
	require.NoError(t, render.HTML(&html, card))
	for name, s := range map[string]string{"markdown": md.String(), "html": html.String()} {
		assert.Contains(t, s, "€2,500.00", name)
		assert.NotContains(t, s, "£", name)
	}

	var js bytes.Buffer
	require.NoError(t, render.JSON(&js, card))
	var doc struct {
		Scorecards []struct {
			Rows []struct {
				KPI    string       `json:"kpi"`
				Credit regime.Money `json:"credit"`
			} `json:"rows"`
			Summary struct {
				CreditsBeforeCaps regime.Money `json:"credits_before_caps"`
				Credits           regime.Money `json:"credits"`
				CappedBy          regime.Money `json:"capped_by"`
			} `json:"summary"`
		} `json:"scorecards"`
	}
	require.NoError(t, json.Unmarshal(js.Bytes(), &doc))
	s := doc.Scorecards[0]
	assert.Contains(t, js.String(), `"credits": {
          "amount": "2500.00",
          "currency": "EUR"
        }`)
	assert.Equal(t, "€2,000.00", s.Rows[0].Credit.String())
	assert.Equal(t, "€750.50", s.Rows[1].Credit.String())
	assert.Equal(t, "€2,750.50", s.Summary.CreditsBeforeCaps.String())
	assert.Equal(t, "€2,500.00", s.Summary.Credits.String())
	assert.Equal(t, "€250.50", s.Summary.CappedBy.String())
	assert.NotContains(t, js.String(), `"GBP"`)

	var csvOut bytes.Buffer
	require.NoError(t, render.CSV(&csvOut, card))
	lines := strings.Split(strings.TrimSpace(csvOut.String()), "\n")
	require.Len(t, lines, 3)
	assert.True(t, strings.HasSuffix(lines[0], ",card_period,currency"), lines[0])
	assert.True(t, strings.HasSuffix(lines[1], ",2016-04,EUR"), lines[1])
	assert.Contains(t, lines[1], ",2,2000.00,", "A's points and credit, a bare number")
}

// TestContractInEurosEncodes: Encode writes the currency and the cap in
// euros, and the file decodes to an Equal contract.
func TestContractInEurosEncodes(t *testing.T) {
	c, _ := euroCard(t, euroFile)
	var b bytes.Buffer
	require.NoError(t, contract.Encode(&b, c, contract.YAML))
	assert.Contains(t, b.String(), "\ncurrency: EUR\n")
	assert.Contains(t, b.String(), "per_period: €2500.00")
	assert.NotContains(t, b.String(), "£")
	back, err := contract.Decode(&b, "back.yaml", contract.YAML)
	require.NoError(t, err)
	assert.True(t, back.Equal(c), "decode, encode, decode gives an Equal contract")
}

// TestContractCurrencyErrors: an amount in pounds in a contract in euros is
// an error naming its field, as is a currency ISO 4217 does not list.
func TestContractCurrencyErrors(t *testing.T) {
	file := strings.Replace(euroFile, "per_period: €2500}", "per_period: £2500}", 1)
	_, err := contract.Decode(strings.NewReader(file), "euro.yaml", contract.YAML)
	require.Error(t, err)
	assert.Equal(t, `euro.yaml:17: regimes[0].caps.per_period: cannot read "£2500" as an amount: the money is in EUR, not in pounds`, err.Error())

	// The currency's own error comes first; the amounts in euros are then
	// read in pounds, and refused too.
	_, err = contract.Decode(strings.NewReader(strings.Replace(euroFile, "currency: EUR", "currency: XYZ", 1)), "euro.yaml", contract.YAML)
	require.Error(t, err)
	first, _, _ := strings.Cut(err.Error(), "\n")
	assert.Equal(t, `euro.yaml:4: currency: cannot read "XYZ" as a currency: ISO 4217 lists no such currency`, first)
}
