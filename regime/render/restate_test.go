package render_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

// restatedCards are KPI 3 (90.0% target, detriment 87.0, failure 84.0;
// points 1/2/3; 1% of a £100,000 charge a point) for April and May 2016,
// with April's 86.50% (reported on 5 May by Serco: detriment, 2 points,
// £2,000) restated to 90.50% (met, £0) on 20 May by the council: April's
// card shows the restated row; May's posts the adjustment, £0 − £2,000 =
// −£2,000. As at 19 May, April's card shows 86.50% and £2,000.
func restatedCards(t *testing.T) []render.Card {
	t.Helper()
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	target, err := kpi.ParseWritten("90.0%")
	require.NoError(t, err)
	d, err := kpi.New(kpi.Spec{Ref: "3", Description: "Resolution of severity 3 incidents (2 business days)", ServiceArea: "ICT",
		Measure: pct, Frequency: period.Monthly(), Target: target,
		Bands: kpi.TargetDetrimentFailure(dec("87.0"), dec("84.0")).WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: dec("1"), kpi.Detriment: dec("2"), kpi.Failed: dec("3")})})
	require.NoError(t, err)
	r, err := regime.New(regime.Spec{Name: "ICT", Version: "2009", From: mo("Apr-16"), KPIs: []kpi.Definition{d},
		Credits: []regime.CreditRule{regime.PointsCredit{Rate: dec("1")}}})
	require.NoError(t, err)
	on := func(s string) period.Date { return period.Must(period.ParseDate(s)) }
	in := regime.Input{
		Observations: []regime.Observation{
			{KPI: "3", Month: mo("Apr-16"), Obs: kpi.Figure(dec("86.50")), ReportedOn: on("2016-05-05"), ReportedBy: "Serco", Source: regime.Source{File: "apr.csv", Line: 2}},
			{KPI: "3", Month: mo("May-16"), Obs: kpi.Figure(dec("93.18")), ReportedOn: on("2016-06-03"), ReportedBy: "Serco", Source: regime.Source{File: "may.csv", Line: 2}},
			{KPI: "3", Month: mo("Apr-16"), Obs: kpi.Figure(dec("90.50")), ReportedOn: on("2016-05-20"), ReportedBy: "the council",
				Note: "typing error corrected at the meeting", Source: regime.Source{File: "may.csv", Line: 3}},
		},
		Charges: map[period.Month]decimal.Decimal{mo("Apr-16"): dec("100000"), mo("May-16"): dec("100000")},
	}
	var cards []render.Card
	for _, asAt := range []string{"2016-05-19", ""} {
		at := in
		if asAt != "" {
			at.AsAt = on(asAt)
		}
		for _, m := range []string{"Apr-16", "May-16"} {
			if asAt != "" && m == "May-16" {
				continue
			}
			sc, err := r.Score(at, mo(m).Period())
			require.NoError(t, err)
			cards = append(cards, render.Card{Contract: "ICT", Scorecard: sc})
		}
	}
	return cards
}

// TestRestatedGolden writes the restated cards in every format; the goldens
// were read against the worked figures above.
func TestRestatedGolden(t *testing.T) {
	cards := restatedCards(t)
	for name, write := range map[string]func(*bytes.Buffer, ...render.Card) error{
		"restated.txt":  func(b *bytes.Buffer, c ...render.Card) error { return render.Text(b, c...) },
		"restated.md":   func(b *bytes.Buffer, c ...render.Card) error { return render.Markdown(b, c...) },
		"restated.json": func(b *bytes.Buffer, c ...render.Card) error { return render.JSON(b, c...) },
		"restated.html": func(b *bytes.Buffer, c ...render.Card) error { return render.HTML(b, c...) },
		"restated.csv":  func(b *bytes.Buffer, c ...render.Card) error { return render.CSV(b, c...) },
	} {
		var b bytes.Buffer
		require.NoError(t, write(&b, cards...), name)
		checkGolden(t, name, b.Bytes())
	}
}

// TestRestatedJSON reads the audit trail back from the JSON: both versions
// of April's figure with their dates, who, file and line, and May's
// adjustment.
func TestRestatedJSON(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.JSON(&b, restatedCards(t)...))
	// jsonMoney is money as the JSON writes it; every amount here is in
	// pounds.
	type jsonMoney struct{ Amount, Currency string }
	var doc struct {
		Scorecards []struct {
			Period string `json:"period"`
			AsAt   string `json:"as_at"`
			Rows   []struct {
				Restated bool `json:"restated"`
				Figures  []struct {
					Actual     *string   `json:"actual"`
					Status     string    `json:"status"`
					Credit     jsonMoney `json:"credit"`
					ReportedOn *string   `json:"reported_on"`
					ReportedBy string    `json:"reported_by"`
					File       string    `json:"file"`
					Line       int       `json:"line"`
				} `json:"figures"`
			} `json:"rows"`
			Summary struct {
				Credits          jsonMoney `json:"credits"`
				AdjustmentsTotal jsonMoney `json:"adjustments_total"`
				Adjustments      []struct {
					Month    string    `json:"month"`
					Restated []string  `json:"restated"`
					Months   []string  `json:"months"`
					Amount   jsonMoney `json:"amount"`
				} `json:"adjustments"`
			} `json:"summary"`
		} `json:"scorecards"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	require.Len(t, doc.Scorecards, 3)
	asAt, apr, may := doc.Scorecards[0], doc.Scorecards[1], doc.Scorecards[2]
	assert.Equal(t, "2016-05-19", asAt.AsAt)
	assert.False(t, asAt.Rows[0].Restated)
	assert.Equal(t, "2000.00", asAt.Summary.Credits.Amount)
	assert.Empty(t, apr.AsAt)
	require.True(t, apr.Rows[0].Restated)
	require.Len(t, apr.Rows[0].Figures, 2)
	was, now := apr.Rows[0].Figures[0], apr.Rows[0].Figures[1]
	assert.Equal(t, "86.50", *was.Actual)
	assert.Equal(t, "detriment", was.Status)
	assert.Equal(t, "2000.00", was.Credit.Amount)
	assert.Equal(t, "2016-05-05", *was.ReportedOn)
	assert.Equal(t, "Serco", was.ReportedBy)
	assert.Equal(t, "apr.csv", was.File)
	assert.Equal(t, 2, was.Line)
	assert.Equal(t, "90.50", *now.Actual)
	assert.Equal(t, "met", now.Status)
	assert.Equal(t, "0.00", now.Credit.Amount)
	assert.Equal(t, "may.csv", now.File)
	assert.Equal(t, 3, now.Line)
	assert.Equal(t, "0.00", apr.Summary.Credits.Amount)
	assert.Empty(t, apr.Summary.Adjustments)
	require.Len(t, may.Summary.Adjustments, 1)
	assert.Equal(t, "-2000.00", may.Summary.AdjustmentsTotal.Amount)
	assert.Equal(t, "2016-05", may.Summary.Adjustments[0].Month)
	assert.Equal(t, []string{"3 Apr-16"}, may.Summary.Adjustments[0].Restated)
	assert.Equal(t, []string{"2016-04"}, may.Summary.Adjustments[0].Months)
	assert.Equal(t, "-2000.00", may.Summary.Adjustments[0].Amount.Amount)
}

// TestRestatedFigureSheet: a version of a figure read from a workbook
// carries its sheet in the JSON ("sheet", with "line" the sheet's row); a
// version read from a CSV file has no "sheet".
func TestRestatedFigureSheet(t *testing.T) {
	cards := restatedCards(t)
	apr := cards[1] // April as it now stands, restated
	require.True(t, apr.Scorecard.Rows[0].Restated())
	apr.Scorecard.Rows[0].Figures[1].Source = regime.Source{File: "may.xlsx", Sheet: "ICT", Line: 3}
	var b bytes.Buffer
	require.NoError(t, render.JSON(&b, apr))
	var doc struct {
		Scorecards []struct {
			Rows []struct {
				Figures []map[string]json.RawMessage `json:"figures"`
			} `json:"rows"`
		} `json:"scorecards"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	figs := doc.Scorecards[0].Rows[0].Figures
	require.Len(t, figs, 2)
	assert.NotContains(t, figs[0], "sheet")
	assert.JSONEq(t, `"apr.csv"`, string(figs[0]["file"]))
	assert.JSONEq(t, `"may.xlsx"`, string(figs[1]["file"]))
	assert.JSONEq(t, `"ICT"`, string(figs[1]["sheet"]))
	assert.Equal(t, "3", string(figs[1]["line"]))
}
