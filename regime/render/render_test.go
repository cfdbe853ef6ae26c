package render_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/internal/golden"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

var update = flag.Bool("update", false, "rewrite the golden files (then review every line by hand)")

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func mo(s string) period.Month { return period.Must(period.ParseMonth(s)) }

// ictMay2016 is seed 000's ICT table for four KPIs in April and May 2016,
// scored for May. The seed prints the figures and levels; the points (1 for
// missed, 2 for detriment, 3 for failed), 1% of charges a point, the charge
// of £100,000 a month and the escalation rule are made up for these tests.
// The labels are the seed's key: detriment, missed, no data, met.
//
// Worked by hand for May:
//
//	1   1 failure against 0 / 1 / 2: detriment, 2 points, 2% of £100,000 = £2,000
//	3   93.18% against 90.0%: met (April 88.89%: improving)
//	5   No Data: no data
//	10  1.03% against < 5%: met (April 2.64%: improving, lower is better)
//
// 4 KPIs, 3 rated, 2 on target: 50.00% of all, 66.67% of the rated; the
// exceptions are 1 and 5; KPI 1 at detriment raises the service failure.
func ictMay2016(t testing.TB) render.Card {
	t.Helper()
	return ictCards(t)[1]
}

// ictCards are the April and May 2016 scorecards of the same regime.
func ictCards(t testing.TB) []render.Card {
	t.Helper()
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	low := pct
	low.Polarity = kpi.LowerIsBetter
	fails := kpi.Measure{Unit: kpi.Failures, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}
	points := map[kpi.Status]decimal.Decimal{kpi.Missed: dec("1"), kpi.Detriment: dec("2"), kpi.Failed: dec("3")}
	def := func(ref, desc, target string, m kpi.Measure, bands kpi.Bands) kpi.Definition {
		w, err := kpi.ParseWritten(target)
		require.NoError(t, err)
		d, err := kpi.New(kpi.Spec{Ref: ref, Description: desc, ServiceArea: "ICT", Contractual: true, Measure: m,
			Frequency: period.Monthly(), Target: w, Bands: bands})
		require.NoError(t, err)
		return d
	}
	r, err := regime.New(regime.Spec{Name: "ICT", Version: "2009", From: mo("Apr-16"),
		KPIs: []kpi.Definition{
			def("1", "Resolution of severity 1 incidents (2 hrs)", "0 failures", fails, kpi.VolumeOfFailures(1, 2).WithPoints(points)),
			def("3", "Resolution of severity 3 incidents (2 business days)", "90.0%", pct, kpi.TargetDetrimentFailure(dec("87.0"), dec("84.0")).WithPoints(points)),
			def("5", "Fulfilment of priority 1 service requests (1 business day)", "90%", pct, kpi.TargetDetrimentFailure(dec("87"), dec("84")).WithPoints(points)),
			def("10", "Call abandoned rate", "< 5%", low, kpi.TargetOnly()),
		},
		Labels:     map[kpi.Status]string{kpi.Met: "met", kpi.Missed: "missed", kpi.Detriment: "detriment", kpi.NoData: "no data"},
		Credits:    []regime.CreditRule{regime.PointsCredit{Rate: dec("1")}},
		Escalation: []regime.Rule{regime.StatusReached("service failure", kpi.Detriment)},
	})
	require.NoError(t, err)
	f := func(ref, month, v string) regime.Observation {
		return regime.Observation{KPI: ref, Month: mo(month), Obs: kpi.Figure(dec(v))}
	}
	none := func(ref, month string) regime.Observation {
		return regime.Observation{KPI: ref, Month: mo(month), Obs: kpi.Missing(kpi.NoData, "No Data")}
	}
	in := regime.Input{
		Observations: []regime.Observation{
			f("1", "Apr-16", "0"), f("1", "May-16", "1"),
			f("3", "Apr-16", "88.89"), f("3", "May-16", "93.18"),
			none("5", "Apr-16"), none("5", "May-16"),
			f("10", "Apr-16", "2.64"), f("10", "May-16", "1.03"),
		},
		Charges: map[period.Month]decimal.Decimal{mo("Apr-16"): dec("100000"), mo("May-16"): dec("100000")},
	}
	l, err := r.Run(in)
	require.NoError(t, err)
	var cards []render.Card
	for _, m := range []string{"Apr-16", "May-16"} {
		sc, err := l.Scorecard(mo(m).Period())
		require.NoError(t, err)
		cards = append(cards, render.Card{Contract: "ICT", Scorecard: sc})
	}
	return cards
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.Text(&b, ictMay2016(t)))
	checkGolden(t, "ict-may-2016.txt", b.Bytes())
}

func TestMarkdown(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.Markdown(&b, ictMay2016(t)))
	checkGolden(t, "ict-may-2016.md", b.Bytes())
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.CSV(&b, ictMay2016(t)))
	checkGolden(t, "ict-may-2016.csv", b.Bytes())
	// It reads back as CSV with a row per KPI.
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	require.NoError(t, err)
	assert.Len(t, recs, 5)
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	card := ictMay2016(t)
	require.NoError(t, render.JSON(&b, card))
	checkGolden(t, "ict-may-2016.json", b.Bytes())
	// The shape other programs rely on.
	var doc struct {
		Scorecards []struct {
			Contract, Regime, Period string
			Rows                     []map[string]any
			Summary                  map[string]any
			Events                   []map[string]any
		}
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	require.Len(t, doc.Scorecards, 1)
	sc := doc.Scorecards[0]
	assert.Equal(t, "2016-05", sc.Period)
	for _, k := range []string{"interim", "disagreements"} {
		assert.Contains(t, sc.Summary, k)
	}
	for _, r := range sc.Rows {
		for _, k := range []string{"contract", "regime", "kpi", "description", "service_area", "period", "status", "label",
			"target", "actual", "variance", "band", "reason", "relieved", "points", "credit",
			"versions", "interim", "deemed", "reported", "disagrees", "claim", "claim_refused"} {
			assert.Contains(t, r, k)
		}
		// Present only where they apply: none of May's rows has them.
		for _, k := range []string{"outcome", "range", "tally"} {
			assert.NotContains(t, r, k)
		}
		_, isString := r["points"].(string)
		assert.True(t, isString, "decimals are JSON strings")
		credit, isObject := r["credit"].(map[string]any)
		require.True(t, isObject, "money is an object with its currency")
		assert.Equal(t, "GBP", credit["currency"])
		_, isString = credit["amount"].(string)
		assert.True(t, isString, "an amount of money is a JSON string")
	}
}

// TestDeterministic: rendering the same cards twice gives the same bytes.
func TestDeterministic(t *testing.T) {
	card := ictMay2016(t)
	for _, fn := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return render.Text(b, card, card) },
		func(b *bytes.Buffer) error { return render.Markdown(b, card, card) },
		func(b *bytes.Buffer) error { return render.CSV(b, card, card) },
		func(b *bytes.Buffer) error { return render.JSON(b, card, card) },
		func(b *bytes.Buffer) error { return render.HTML(b, card, card) },
	} {
		var a, b bytes.Buffer
		require.NoError(t, fn(&a))
		require.NoError(t, fn(&b))
		assert.Equal(t, a.String(), b.String())
	}
}

func TestPounds(t *testing.T) {
	// Through the text table's credit column: a row's credit, by hand.
	for _, c := range []struct{ in, want string }{
		{"2000", "£2,000.00"}, {"4210.5", "£4,210.50"}, {"999.99", "£999.99"}, {"1234567.891", "£1,234,567.89"}, {"-15.5", "-£15.50"}, {"0.07", "£0.07"},
	} {
		assert.Equal(t, c.want, render.Pounds(dec(c.in)), c.in)
	}
}

// TestHTML: the page is well-formed (it is written as polyglot markup, so
// it parses as XML too), has every KPI's row and the summary counts, lists
// the exceptions first, and references nothing outside itself.
func TestHTML(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.HTML(&b, ictCards(t)...))
	page := b.String()
	checkGolden(t, "ict-may-2016.html", b.Bytes())

	body := strings.TrimPrefix(page, "<!DOCTYPE html>\n")
	dec := xml.NewDecoder(strings.NewReader(body))
	var rows, spans []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the page is well-formed")
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "data-kpi" {
					rows = append(rows, a.Value)
				}
				if a.Name.Local == "data-status" && se.Name.Local == "span" {
					spans = append(spans, a.Value)
				}
			}
		}
	}
	assert.ElementsMatch(t, []string{"1", "3", "5", "10"}, rows)
	assert.Equal(t, []string{"1", "5", "3", "10"}, rows, "exceptions (1, 5) come first")
	assert.Equal(t, []string{"met", "detriment", "no_data"}, spans)
	assert.Contains(t, page, "2 met</span>")
	assert.Contains(t, page, "1 detriment</span>")
	assert.Contains(t, page, "1 no data</span>")
	assert.Contains(t, page, "On target: 2 of 4 (50.00%); of the 3 rated, 66.67%.")
	assert.Contains(t, page, `<tr class="red" data-kpi="1" data-status="detriment">`)
	assert.Contains(t, page, `<tr class="grey" data-kpi="5" data-status="no_data">`)
	assert.Equal(t, 3, strings.Count(page, "<polyline"), "a trend line for each KPI with two figures (1, 3, 10)")
	for _, external := range []string{"src=", "href=", "<link", "<script", "url(", "@import"} {
		assert.NotContains(t, page, external)
	}
	assert.Equal(t, strings.Count(page, "http"), strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`),
		"the only URI is the SVG namespace, which is an identifier, not a fetch")

	assert.Error(t, render.HTML(&b), "no scorecards")
}

// TestActualOfRowsWithoutFigures: a row with no figure shows the reported
// text in the Actual column ("Not yet measurable"), unless that text is
// already the row's note, when the column shows the status label and the
// note says why; a row with neither shows the label. The contract agrees
// that A and B are not measurable (without that, the return's claim would
// be refused: see TestClaimRefusedInEveryFormat).
func TestActualOfRowsWithoutFigures(t *testing.T) {
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	var defs []kpi.Definition
	for _, ref := range []string{"A", "B", "C"} {
		d, err := kpi.New(kpi.Spec{Ref: ref, Measure: pct, Frequency: period.Monthly(),
			Target: kpi.Written{Value: dec("85")}, Bands: kpi.TargetOnly()})
		require.NoError(t, err)
		defs = append(defs, d)
	}
	r, err := regime.New(regime.Spec{Name: "R", From: mo("Apr-16"), KPIs: defs,
		Labels: map[kpi.Status]string{kpi.NotMeasurable: "Not Measurable", kpi.NoData: "No Data"},
		Relief: []regime.Relief{
			{Kind: regime.AgreedNotMeasurable, KPI: "A", From: mo("Apr-16"), Reason: "Not yet measurable"},
			{Kind: regime.AgreedNotMeasurable, KPI: "B", From: mo("Apr-16"), Reason: "ADP being agreed"},
		}})
	require.NoError(t, err)
	sc, err := r.Score(regime.Input{Observations: []regime.Observation{
		{KPI: "A", Month: mo("Apr-16"), Obs: kpi.Missing(kpi.NotMeasurable, "Not yet measurable")},
		{KPI: "B", Month: mo("Apr-16"), Obs: kpi.Missing(kpi.NotMeasurable, "ADP being agreed"), Note: "ADP being agreed"},
		{KPI: "C", Month: mo("Apr-16"), Obs: kpi.Missing(kpi.NoData, "")},
	}}, mo("Apr-16").Period())
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, render.Text(&b, render.Card{Contract: "X", Scorecard: sc}))
	lines := strings.Split(b.String(), "\n")
	// The cells of each row, split where two or more spaces part them
	// (the empty service area and description leave none): ref, target,
	// actual, status and any note.
	cells := func(line string) []string { return regexp.MustCompile(`  +`).Split(strings.TrimSpace(line), -1) }
	// The relief's reason is the result's text, and the regime notes the
	// relief.
	assert.Equal(t, []string{"A", "85", "Not yet measurable", "Not Measurable", "agreed not measurable: Not yet measurable"}, cells(lines[3]))
	assert.Equal(t, []string{"B", "85", "Not Measurable", "Not Measurable", "ADP being agreed; agreed not measurable: ADP being agreed"}, cells(lines[4]))
	assert.Equal(t, []string{"C", "85", "No Data", "No Data"}, cells(lines[5]))
}

// TestColoursMatchStyle: the colours Colour gives are the page's.
func TestColoursMatchStyle(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.HTML(&b, ictMay2016(t)))
	for _, class := range []string{"green", "amber", "red", "grey"} {
		assert.Contains(t, b.String(), "."+class+"{background:"+render.Colour(class)+"}")
	}
	assert.Equal(t, "green", render.Class(kpi.Met))
	assert.Equal(t, "red", render.Class(kpi.Failed))
	assert.Equal(t, "grey", render.Class(kpi.NoData))
}
