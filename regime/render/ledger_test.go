package render_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

// ledgerCards are scorecards of a made-up contract, "Hub", whose regime
// changes in June 2016 (version 2016 for April and May, 2017 from June),
// with a KPI of each kind the ledger's rows now describe:
//
//	M1  monthly, 90%: 95% in April; 85% in May, reported as met (rated
//	    missed: the row disagrees); 92% in June
//	M2  monthly, 90%: 93% in April and May; in June the return claims it
//	    not due, which the contract does not grant (a refused claim),
//	    so the figure is missing and deemed failed
//	M3  monthly, 90%: no figure in May, deemed failed; 91% otherwise
//	QA  quarterly, 90%: monthly percentages without counts, 91% in
//	    April, 95% in May, 93% in June; April and May are interim, and
//	    Q1 2016/17 is rated on the June card from the range 91%–95%
//	QR  quarterly, 90%: 80% reported for Q1 2016/17 as a whole, missed,
//	    on the June card; not due in May
//	F   four-weekly, anchored on 4 April 2016: its periods end on 3 April
//	    (97%, the period from 7 March), 1 May (96%) and 29 May (88%), so
//	    May has two rows; the period ending 26 June has no figure and is
//	    deemed failed
//
// The cards are May 2016, June 2016 and the year to date to June, which
// spans both versions.
func ledgerCards(t testing.TB) (may, june, ytd render.Card) {
	t.Helper()
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	anchor := period.Must(period.ParseDate("2016-04-04"))
	fourWeekly, err := period.FourWeekly(anchor)
	require.NoError(t, err)
	def := func(ref string, f period.Frequency) kpi.Definition {
		d, err := kpi.New(kpi.Spec{Ref: ref, Description: "KPI " + ref, ServiceArea: "Hub", Contractual: true, Measure: pct,
			Frequency: f, Target: kpi.Written{Value: dec("90"), Unit: kpi.Percent}, Bands: kpi.TargetOnly()})
		require.NoError(t, err)
		return d
	}
	defs := []kpi.Definition{def("M1", period.Monthly()), def("M2", period.Monthly()), def("M3", period.Monthly()),
		def("QA", period.Quarterly()), def("QR", period.Quarterly()), def("F", fourWeekly)}
	spec := func(version string, from, until string) regime.Spec {
		s := regime.Spec{Name: "Hub", Version: version, From: mo(from), KPIs: defs,
			Missing: regime.MissingRule{DeemFailed: true}}
		if until != "" {
			s.Until = mo(until)
		}
		return s
	}
	v2016, err := regime.New(spec("2016", "Apr-16", "Jun-16"))
	require.NoError(t, err)
	v2017, err := regime.New(spec("2017", "Jun-16", ""))
	require.NoError(t, err)
	h, err := regime.NewHistory(v2016, v2017)
	require.NoError(t, err)

	f := func(ref, month, v string) regime.Observation {
		return regime.Observation{KPI: ref, Month: mo(month), Obs: kpi.Figure(dec(v))}
	}
	var fw []period.Period
	for p := range fourWeekly.Periods(period.Must(period.MonthRange(mo("Apr-16"), mo("May-16")))) {
		fw = append(fw, p)
	}
	require.Len(t, fw, 3, "one four-weekly period ends in April 2016, two in May")
	in := regime.Input{Observations: []regime.Observation{
		f("M1", "Apr-16", "95"), {KPI: "M1", Month: mo("May-16"), Obs: kpi.Figure(dec("85")).WithReported(kpi.Met)}, f("M1", "Jun-16", "92"),
		f("M2", "Apr-16", "93"), f("M2", "May-16", "93"), {KPI: "M2", Month: mo("Jun-16"), Obs: kpi.Missing(kpi.NotDue, "")},
		f("M3", "Apr-16", "91"), f("M3", "Jun-16", "91"),
		f("QA", "Apr-16", "91"), f("QA", "May-16", "95"), f("QA", "Jun-16", "93"),
		{KPI: "QR", Period: period.Must(period.ParseLabel("Q1 2016/17")), Obs: kpi.Figure(dec("80"))},
		{KPI: "F", Period: fw[0], Obs: kpi.Figure(dec("97"))},
		{KPI: "F", Period: fw[1], Obs: kpi.Figure(dec("96"))}, {KPI: "F", Period: fw[2], Obs: kpi.Figure(dec("88"))},
	}}
	l, err := h.Run(in)
	require.NoError(t, err)
	card := func(p period.Period) render.Card {
		sc, err := l.Scorecard(p)
		require.NoError(t, err)
		return render.Card{Contract: "Hub", Scorecard: sc}
	}
	ytd2016 := period.Must(period.ParseLabel("YTD 2016/17 to Jun-16"))
	return card(mo("May-16").Period()), card(mo("Jun-16").Period()), card(ytd2016)
}

// render1 runs a renderer over cards and returns its output.
func render1(t *testing.T, fn func(*bytes.Buffer, ...render.Card) error, cards ...render.Card) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, fn(&b, cards...))
	return b.String()
}

func text(b *bytes.Buffer, cards ...render.Card) error     { return render.Text(b, cards...) }
func markdown(b *bytes.Buffer, cards ...render.Card) error { return render.Markdown(b, cards...) }
func jsonOf(b *bytes.Buffer, cards ...render.Card) error   { return render.JSON(b, cards...) }
func csvOf(b *bytes.Buffer, cards ...render.Card) error    { return render.CSV(b, cards...) }
func html(b *bytes.Buffer, cards ...render.Card) error     { return render.HTML(b, cards...) }

// tableRows returns the text or Markdown table lines of KPI ref, in order.
func tableRows(out, ref string) []string {
	var rows []string
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(strings.NewReplacer("|", " ").Replace(line))
		if len(f) > 1 && f[0] == "Hub" && f[1] == ref {
			rows = append(rows, line)
		}
	}
	return rows
}

// jsonCard decodes the JSON of one card.
func jsonCard(t *testing.T, c render.Card) map[string]any {
	t.Helper()
	var doc struct{ Scorecards []map[string]any }
	require.NoError(t, json.Unmarshal([]byte(render1(t, jsonOf, c)), &doc))
	require.Len(t, doc.Scorecards, 1)
	return doc.Scorecards[0]
}

// jsonRows returns the JSON rows of KPI ref, in order.
func jsonRows(t *testing.T, card map[string]any, ref string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, r := range card["rows"].([]any) {
		if m := r.(map[string]any); m["kpi"] == ref {
			out = append(out, m)
		}
	}
	require.NotEmpty(t, out, "rows of %s", ref)
	return out
}

// csvRows returns the CSV records of KPI ref as maps of column to cell.
func csvRows(t *testing.T, c render.Card, ref string) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(render1(t, csvOf, c))).ReadAll()
	require.NoError(t, err)
	var out []map[string]string
	for _, rec := range recs[1:] {
		require.Len(t, rec, len(recs[0]))
		m := map[string]string{}
		for i, col := range recs[0] {
			m[col] = rec[i]
		}
		if m["kpi"] == ref {
			out = append(out, m)
		}
	}
	require.NotEmpty(t, out, "rows of %s", ref)
	return out
}

// htmlRows returns the <tr> start tags and cells of KPI ref, in order.
func htmlRows(page, ref string) []string {
	var out []string
	for _, line := range strings.Split(page, "\n") {
		if strings.HasPrefix(line, "<tr ") && strings.Contains(line, ` data-kpi="`+ref+`"`) {
			out = append(out, line)
		}
	}
	return out
}

// TestInterimInEveryFormat: May's figure for QA, a quarterly KPI, is
// interim: every format marks it, and the summary counts leave it out
// and say there was one. May has 7 rows: M1 missed, M2 met, M3 failed
// (deemed), QA met (interim), QR not due, F met and F missed; of the 6
// that are not interim, 2 are on target, and 5 are rated.
func TestInterimInEveryFormat(t *testing.T) {
	may, _, _ := ledgerCards(t)

	for name, fn := range map[string]func(*bytes.Buffer, ...render.Card) error{"text": text, "markdown": markdown} {
		out := render1(t, fn, may)
		rows := tableRows(out, "QA")
		require.Len(t, rows, 1, name)
		assert.Contains(t, rows[0], "Met (interim)", name)
		for _, ref := range []string{"M1", "M2", "M3", "QR", "F"} {
			for _, r := range tableRows(out, ref) {
				assert.NotContains(t, r, "(interim)", name+" "+ref)
			}
		}
		assert.Contains(t, out, "7 KPIs: 2 Met, 2 Missed, 1 Failed, 1 Not due, 1 interim.\n", name)
		assert.Contains(t, out, "On target: 2 of 6 (33.33%); of the 5 rated, 40.00%.\n", name)
		assert.Contains(t, out, "Exceptions: M1, M3, F.\n", name, "an interim figure is never an exception")
	}

	card := jsonCard(t, may)
	assert.Equal(t, true, jsonRows(t, card, "QA")[0]["interim"])
	for _, ref := range []string{"M1", "M2", "M3", "QR", "F"} {
		for _, r := range jsonRows(t, card, ref) {
			assert.Equal(t, false, r["interim"], ref)
		}
	}
	sum := card["summary"].(map[string]any)
	assert.EqualValues(t, 7, sum["total"])
	assert.EqualValues(t, 1, sum["interim"])
	assert.Equal(t, "33.33", sum["share_on_target"])
	assert.EqualValues(t, 2, sum["by_status"].(map[string]any)["met"], "the interim met is not counted")

	assert.Equal(t, "true", csvRows(t, may, "QA")[0]["interim"])
	assert.Equal(t, "false", csvRows(t, may, "M2")[0]["interim"])

	page := render1(t, html, may)
	qa := htmlRows(page, "QA")
	require.Len(t, qa, 1)
	assert.Contains(t, qa[0], `<tr class="green interim" data-kpi="QA" data-status="met" data-interim="true">`)
	assert.Contains(t, qa[0], "<td>Met (interim)</td>")
	assert.NotContains(t, htmlRows(page, "M2")[0], "data-interim")
	assert.Contains(t, page, `<span class="grey interim">1 interim</span>`)
	assert.Contains(t, page, "On target: 2 of 6 (33.33%); of the 5 rated, 40.00%.")
	exceptions := page[strings.Index(page, "<h2>Exceptions</h2>"):strings.Index(page, "<h2>On target or not rated</h2>")]
	interim := page[strings.Index(page, "<h2>Interim figures, not charged</h2>"):]
	assert.NotContains(t, exceptions, `data-kpi="QA"`, "an interim figure is never an exception")
	assert.Contains(t, interim, `data-kpi="QA"`)
}

// TestDisagreementsInEveryFormat: in May, M1's 85% was reported as met but
// is missed (the row disagrees); in June, the return claims M2 not due,
// which the contract does not grant (the claim is refused). Every format
// marks the row and the summary names it.
func TestDisagreementsInEveryFormat(t *testing.T) {
	may, june, _ := ledgerCards(t)

	for name, fn := range map[string]func(*bytes.Buffer, ...render.Card) error{"text": text, "markdown": markdown} {
		out := render1(t, fn, may)
		assert.Contains(t, tableRows(out, "M1")[0], "Missed !", name)
		assert.NotContains(t, tableRows(out, "M2")[0], "!", name)
		assert.Contains(t, out, "Disagreements (marked !): M1 (reported met, rated missed).\n", name)

		out = render1(t, fn, june)
		assert.Contains(t, tableRows(out, "M2")[0], "Failed !", name)
		assert.Contains(t, tableRows(out, "M2")[0], "reported not due, but due", name, "the regime's note says why")
		assert.Contains(t, out, "Disagreements (marked !): M2 (claimed not due, but due).\n", name)
	}
	// Two cards, two summaries, each naming its own.
	both := render1(t, text, may, june)
	assert.Equal(t, 2, strings.Count(both, "Disagreements (marked !): "))

	m1 := jsonRows(t, jsonCard(t, may), "M1")[0]
	assert.Equal(t, "met", m1["reported"])
	assert.Equal(t, true, m1["disagrees"])
	assert.Nil(t, m1["claim"])
	assert.Equal(t, false, m1["claim_refused"])
	jc := jsonCard(t, june)
	m2 := jsonRows(t, jc, "M2")[0]
	assert.Contains(t, m2, "reported")
	assert.Nil(t, m2["reported"])
	assert.Equal(t, false, m2["disagrees"])
	assert.Equal(t, "not_due", m2["claim"])
	assert.Equal(t, true, m2["claim_refused"])
	assert.Equal(t, []any{"M2"}, jc["summary"].(map[string]any)["disagreements"])
	assert.Equal(t, []any{"M1"}, jsonCard(t, may)["summary"].(map[string]any)["disagreements"])

	c1 := csvRows(t, may, "M1")[0]
	assert.Equal(t, []string{"met", "true", "", "false"}, []string{c1["reported"], c1["disagrees"], c1["claim"], c1["claim_refused"]})
	c2 := csvRows(t, june, "M2")[0]
	assert.Equal(t, []string{"", "false", "not_due", "true"}, []string{c2["reported"], c2["disagrees"], c2["claim"], c2["claim_refused"]})

	page := render1(t, html, may)
	assert.Contains(t, htmlRows(page, "M1")[0], `data-disagreement="reported met, rated missed"`)
	assert.Contains(t, htmlRows(page, "M1")[0], `<td>Missed <span class="flag" title="reported met, rated missed">!</span></td>`)
	assert.NotContains(t, htmlRows(page, "M2")[0], "data-disagreement")
	assert.Contains(t, page, `<p class="disagreements">Disagreements: M1 (reported met, rated missed).</p>`)
	page = render1(t, html, june)
	assert.Contains(t, htmlRows(page, "M2")[0], `data-disagreement="claimed not due, but due"`)
	assert.Contains(t, page, `<p class="disagreements">Disagreements: M2 (claimed not due, but due).</p>`)
}

// TestDeemedInJSONAndCSV: M3 had no figure in May and F none for its
// period ending in June: deemed failed. The text has the regime's note.
func TestDeemedInJSONAndCSV(t *testing.T) {
	may, june, _ := ledgerCards(t)
	assert.Equal(t, true, jsonRows(t, jsonCard(t, may), "M3")[0]["deemed"])
	assert.Equal(t, false, jsonRows(t, jsonCard(t, may), "M1")[0]["deemed"])
	assert.Equal(t, true, jsonRows(t, jsonCard(t, june), "F")[0]["deemed"])
	assert.Equal(t, "true", csvRows(t, may, "M3")[0]["deemed"])
	assert.Equal(t, "false", csvRows(t, may, "M2")[0]["deemed"])
	assert.Contains(t, tableRows(render1(t, text, may), "M3")[0], "deemed failed")
}

// TestRangeInEveryFormat: QA's quarter is rated from its monthly
// percentages, which came without counts: only the range 91%–95% is
// known, all of it at or above the target, so met.
func TestRangeInEveryFormat(t *testing.T) {
	_, june, _ := ledgerCards(t)
	for name, fn := range map[string]func(*bytes.Buffer, ...render.Card) error{"text": text, "markdown": markdown} {
		row := tableRows(render1(t, fn, june), "QA")
		require.Len(t, row, 1, name)
		assert.Contains(t, row[0], " 91%–95% ", name)
	}
	r := jsonRows(t, jsonCard(t, june), "QA")[0]
	assert.Contains(t, r, "actual")
	assert.Nil(t, r["actual"], "a range is not a figure")
	assert.Nil(t, r["variance"])
	assert.Equal(t, map[string]any{"low": "91", "high": "95"}, r["range"])
	assert.Equal(t, "met", r["status"])
	assert.NotContains(t, jsonRows(t, jsonCard(t, june), "M1")[0], "range", "only a ranged result has one")
	c := csvRows(t, june, "QA")[0]
	assert.Equal(t, []string{"", "91", "95"}, []string{c["actual"], c["range_low"], c["range_high"]})
	assert.Contains(t, htmlRows(render1(t, html, june), "QA")[0], `<td class="num">91%–95%</td>`)
}

// TestRowPeriodsInEveryFormat: a row for a period other than the card's
// says so: F's two four-weekly periods ending in May, QR's Q1 2016/17 on
// the June card. Rows for the card's own month stay as they were.
func TestRowPeriodsInEveryFormat(t *testing.T) {
	may, june, _ := ledgerCards(t)
	for name, fn := range map[string]func(*bytes.Buffer, ...render.Card) error{"text": text, "markdown": markdown} {
		out := render1(t, fn, may)
		f := tableRows(out, "F")
		require.Len(t, f, 2, name)
		assert.Contains(t, f[0], "for 2016-04-04 to 2016-05-01", name)
		assert.Contains(t, f[1], "for 2016-05-02 to 2016-05-29", name)
		for _, ref := range []string{"M1", "M2", "M3", "QA", "QR"} {
			assert.NotContains(t, tableRows(out, ref)[0], "for 20", name+" "+ref)
		}
		out = render1(t, fn, june)
		assert.Contains(t, tableRows(out, "QR")[0], "for Q1 2016/17", name)
		// QA's note already starts with its quarter: no second label.
		assert.NotContains(t, tableRows(out, "QA")[0], "for Q1 2016/17", name)
		assert.Contains(t, tableRows(out, "QA")[0], "Q1 2016/17 from the monthly figures", name)
		assert.NotContains(t, tableRows(out, "M1")[0], "for ", name)
	}

	card := jsonCard(t, may)
	assert.Equal(t, "2016-05", card["period"], "the card's period")
	f := jsonRows(t, card, "F")
	assert.Equal(t, "2016-04-04..2016-05-01", f[0]["period"])
	assert.Equal(t, "2016-05-02..2016-05-29", f[1]["period"])
	assert.Equal(t, "2016-05", jsonRows(t, card, "M1")[0]["period"])
	assert.Equal(t, "Q1 2016/17", jsonRows(t, jsonCard(t, june), "QR")[0]["period"])

	c := csvRows(t, may, "F")
	assert.Equal(t, []string{"2016-04-04..2016-05-01", "2016-05"}, []string{c[0]["period"], c[0]["card_period"]})
	assert.Equal(t, []string{"2016-05-02..2016-05-29", "2016-05"}, []string{c[1]["period"], c[1]["card_period"]})
	assert.Equal(t, "Q1 2016/17", csvRows(t, june, "QR")[0]["period"])

	page := render1(t, html, may)
	assert.Contains(t, htmlRows(page, "F")[0]+htmlRows(page, "F")[1], `data-period="2016-04-04 to 2016-05-01"`)
	assert.NotContains(t, htmlRows(page, "M1")[0], "data-period")
}

// TestVersionsAndTallyInEveryFormat: the year to date to June 2016 spans
// versions 2016 (April, May) and 2017 (June). Its title names both, and
// each monthly KPI's row counts its months by status: M1 was met in April
// and June and missed in May.
func TestVersionsAndTallyInEveryFormat(t *testing.T) {
	may, _, ytd := ledgerCards(t)
	const head = "Hub: Hub 2016 and 2017, YTD 2016/2017 to June 2016"
	assert.True(t, strings.HasPrefix(render1(t, text, ytd), head+"\n"))
	assert.True(t, strings.HasPrefix(render1(t, markdown, ytd), "## "+head+"\n"))
	assert.Contains(t, render1(t, html, ytd), "<h1>"+head+"</h1>")
	assert.True(t, strings.HasPrefix(render1(t, text, may), "Hub: Hub 2016, May 2016\n"), "one version: as before")

	card := jsonCard(t, ytd)
	assert.Equal(t, "2017", card["version"], "the version in force last")
	assert.Equal(t, []any{"2016", "2017"}, card["versions"])
	assert.Equal(t, "YTD 2016/17 to 2016-06", card["period"])
	m1 := jsonRows(t, card, "M1")[0]
	assert.Equal(t, []any{"2016", "2017"}, m1["versions"])
	assert.Equal(t, "2017", m1["version"])
	assert.Equal(t, map[string]any{"met": float64(2), "missed": float64(1)}, m1["tally"])
	// QR's Q1 was rated once, under 2017, and is the view's own period.
	qr := jsonRows(t, card, "QR")[0]
	assert.Equal(t, []any{"2017"}, qr["versions"])
	assert.Equal(t, []any{"2016"}, jsonRows(t, jsonCard(t, may), "M1")[0]["versions"])
	assert.NotContains(t, jsonRows(t, jsonCard(t, may), "M1")[0], "tally", "no tally for a single period")

	c := csvRows(t, ytd, "M1")[0]
	assert.Equal(t, "2016; 2017", c["versions"])
	assert.Equal(t, "met 2; missed 1", c["tally"])
	assert.Equal(t, "", csvRows(t, may, "M1")[0]["tally"])
}

// TestDeterministicLedger: every renderer gives the same bytes for the
// ledger's cards each time.
func TestDeterministicLedger(t *testing.T) {
	may, june, ytd := ledgerCards(t)
	for _, fn := range []func(*bytes.Buffer, ...render.Card) error{text, markdown, jsonOf, csvOf, html} {
		a := render1(t, fn, may, june, ytd)
		for range 5 {
			may, june, ytd := ledgerCards(t)
			assert.Equal(t, a, render1(t, fn, may, june, ytd))
		}
	}
}

// TestRangeRounded: a range whose end is a ratio of counts (2 of 3,
// 66.666...%) is written to the measure's precision, as the figure would
// be: 66.67%–70%, and "66.67" in JSON and CSV.
func TestRangeRounded(t *testing.T) {
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	d, err := kpi.New(kpi.Spec{Ref: "Q", ServiceArea: "Hub", Measure: pct, Frequency: period.Quarterly(),
		Target: kpi.Written{Value: dec("60"), Unit: kpi.Percent}, Bands: kpi.TargetOnly()})
	require.NoError(t, err)
	r, err := regime.New(regime.Spec{Name: "Hub", Version: "1", From: mo("Apr-16"), KPIs: []kpi.Definition{d}})
	require.NoError(t, err)
	sc, err := r.Score(regime.Input{Observations: []regime.Observation{
		{KPI: "Q", Month: mo("Apr-16"), Obs: kpi.Counts(2, 3)},
		{KPI: "Q", Month: mo("May-16"), Obs: kpi.Figure(dec("70"))},
		{KPI: "Q", Month: mo("Jun-16"), Obs: kpi.Figure(dec("68"))},
	}}, mo("Jun-16").Period())
	require.NoError(t, err)
	c := render.Card{Contract: "Hub", Scorecard: sc}
	row := tableRows(render1(t, text, c), "Q")
	require.Len(t, row, 1)
	assert.Contains(t, row[0], " 66.67%–70% ")
	assert.Equal(t, map[string]any{"low": "66.67", "high": "70"}, jsonRows(t, jsonCard(t, c), "Q")[0]["range"])
	assert.Equal(t, "66.67", csvRows(t, c, "Q")[0]["range_low"])
}
