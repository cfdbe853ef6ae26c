package render_test

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

// injectionNotes are the supplier's notes on KPIs N1 to N8: formulas for
// a spreadsheet, HTML and a table's pipe for Markdown, a terminal's escape
// sequence, a bell and a right-to-left override for a terminal, line breaks
// and tabs that would break a table's row, and a tab before a formula.
var injectionNotes = []string{
	`=HYPERLINK("http://x","click")`,
	"+1",
	"-2",
	"@SUM(A1)",
	"<script>alert(1)</script> | x",
	"a\x1b[31mred\x07\u202Eevil",
	"one\ntwo\r\nthree\tfour\rfive",
	"\t@x",
}

// injectionCard is the May 2016 card of contract "Hub_North": eight KPIs,
// each the same abandoned-call rate against "< 5%" with 2.5% in May (met,
// variance -2.5), each with a note of injectionNotes. N7's service area
// ("+Hub") and description carry Markdown's specials too, and the regime
// labels met "Met*".
func injectionCard(t *testing.T) render.Card {
	t.Helper()
	low := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.LowerIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	target, err := kpi.ParseWritten("< 5%")
	require.NoError(t, err)
	var defs []kpi.Definition
	var obs []regime.Observation
	for i, note := range injectionNotes {
		ref := fmt.Sprint("N", i+1)
		area, desc := "Hub", "Abandoned calls"
		if ref == "N7" {
			area, desc = "+Hub", "*x* _y_ [z](u) `c` \\ & >"
		}
		d, err := kpi.New(kpi.Spec{Ref: ref, Description: desc, ServiceArea: area, Measure: low,
			Frequency: period.Monthly(), Target: target, Bands: kpi.TargetOnly()})
		require.NoError(t, err)
		defs = append(defs, d)
		obs = append(obs, regime.Observation{KPI: ref, Month: mo("May-16"), Obs: kpi.Figure(dec("2.5")), Note: note})
	}
	r, err := regime.New(regime.Spec{Name: "Hub", Version: "1", From: mo("Apr-16"), KPIs: defs,
		Labels: map[kpi.Status]string{kpi.Met: "Met*"}})
	require.NoError(t, err)
	sc, err := r.Score(regime.Input{Observations: obs}, mo("May-16").Period())
	require.NoError(t, err)
	return render.Card{Contract: "Hub_North", Scorecard: sc}
}

// TestInjectionText: in the text table each note is one cell on one line:
// line breaks and tabs are spaces, the escape, the bell and the override
// are written as Go escapes, and nothing else changes (formulas, HTML and
// Markdown mean nothing to a terminal). The columns were counted by hand:
// the widest description is N7's, 24 characters.
func TestInjectionText(t *testing.T) {
	want := "Hub_North: Hub 1, May 2016\n" +
		"\n" +
		"Service area  Ref  Description               Target  Actual  Status  Points  Credit  Notes\n" +
		"Hub           N1   Abandoned calls           < 5%    2.5%    Met*                    =HYPERLINK(\"http://x\",\"click\")\n" +
		"Hub           N2   Abandoned calls           < 5%    2.5%    Met*                    +1\n" +
		"Hub           N3   Abandoned calls           < 5%    2.5%    Met*                    -2\n" +
		"Hub           N4   Abandoned calls           < 5%    2.5%    Met*                    @SUM(A1)\n" +
		"Hub           N5   Abandoned calls           < 5%    2.5%    Met*                    <script>alert(1)</script> | x\n" +
		"Hub           N6   Abandoned calls           < 5%    2.5%    Met*                    a\\x1b[31mred\\x07\\u202eevil\n" +
		"+Hub          N7   *x* _y_ [z](u) `c` \\ & >  < 5%    2.5%    Met*                    one two three four five\n" +
		"Hub           N8   Abandoned calls           < 5%    2.5%    Met*                     @x\n" +
		"\n" +
		"8 KPIs: 8 Met*.\n" +
		"On target: 8 of 8 (100.00%); of the 8 rated, 100.00%.\n" +
		"Service points: 0. Credits: £0.00.\n"
	assert.Equal(t, want, render1(t, text, injectionCard(t)))
}

// TestInjectionTable: a program's own table is made plain the same way.
func TestInjectionTable(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.Table(&b, [][]string{{"Note", "By"}, {"a\x1b[2Jb\nc", "x\u2066y"}}))
	// "a\x1b[2Jb c" is 11 characters wide once escaped.
	assert.Equal(t, "Note         By\na\\x1b[2Jb c  x\\u2066y\n", b.String())
}

// TestInjectionMarkdown: values from the input are escaped where they land
// (the title's contract, the cells, the label in the summary), the
// library's own markup (##, |, -) and its targets are not. Each cell was
// escaped by hand: | as \|, < > & as entities, \ ` * _ [ ] with a
// backslash, line breaks and tabs as spaces, and the escapes of the text
// table with their backslash escaped.
func TestInjectionMarkdown(t *testing.T) {
	row := func(area, ref, desc, note string) string {
		return "| " + area + " | " + ref + " | " + desc + " | < 5% | 2.5% | Met\\* |  |  | " + note + " |\n"
	}
	want := "## Hub\\_North: Hub 1, May 2016\n" +
		"\n" +
		"| Service area | Ref | Description | Target | Actual | Status | Points | Credit | Notes |\n" +
		"|---|---|---|---|---|---|---|---|---|\n" +
		row("Hub", "N1", "Abandoned calls", `=HYPERLINK("http://x","click")`) +
		row("Hub", "N2", "Abandoned calls", "+1") +
		row("Hub", "N3", "Abandoned calls", "-2") +
		row("Hub", "N4", "Abandoned calls", "@SUM(A1)") +
		row("Hub", "N5", "Abandoned calls", `&lt;script&gt;alert(1)&lt;/script&gt; \| x`) +
		row("Hub", "N6", "Abandoned calls", `a\\x1b\[31mred\\x07\\u202eevil`) +
		row("+Hub", "N7", "\\*x\\* \\_y\\_ \\[z\\](u) \\`c\\` \\\\ &amp; &gt;", "one two three four five") +
		row("Hub", "N8", "Abandoned calls", " @x") +
		"\n" +
		"- 8 KPIs: 8 Met\\*.\n" +
		"- On target: 8 of 8 (100.00%); of the 8 rated, 100.00%.\n" +
		"- Service points: 0. Credits: £0.00.\n"
	assert.Equal(t, want, render1(t, markdown, injectionCard(t)))
}

// TestInjectionCSV: a text cell starting with =, +, -, @ or a tab gets a
// single quote in front; other text is as given, line breaks included
// (CSV quotes them); the numeric columns are the library's decimals,
// untouched: the variance -2.5 stays -2.5.
func TestInjectionCSV(t *testing.T) {
	out := render1(t, csvOf, injectionCard(t))
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 9)
	col := map[string]int{}
	for i, name := range recs[0] {
		col[name] = i
	}
	wantNotes := []string{
		`'=HYPERLINK("http://x","click")`,
		"'+1",
		"'-2",
		"'@SUM(A1)",
		"<script>alert(1)</script> | x",
		"a\x1b[31mred\x07\u202Eevil",
		"one\ntwo\nthree\tfour\rfive", // encoding/csv reads CR LF in a quoted cell as LF
		"'\t@x",
	}
	for i, rec := range recs[1:] {
		ref := fmt.Sprint("N", i+1)
		assert.Equal(t, ref, rec[col["kpi"]])
		assert.Equal(t, wantNotes[i], rec[col["notes"]], ref)
		for name, want := range map[string]string{"target": "5", "actual": "2.5", "variance": "-2.5", "points": "0",
			"credit": "0.00", "range_low": "", "range_high": "", "label": "Met*", "reason": "2.5% meets the target of 5%"} {
			assert.Equal(t, want, rec[col[name]], ref+" "+name)
		}
	}
	assert.Equal(t, "'+Hub", recs[7][col["service_area"]], "every text column, not only the notes")
	assert.Equal(t, "*x* _y_ [z](u) `c` \\ & >", recs[7][col["description"]])
	// The raw line: the note quoted with its quote, the numbers bare.
	assert.Contains(t, out, "\nHub_North,Hub,1,2016-05,N3,Abandoned calls,Hub,kpi,met,Met*,5,2.5,-2.5,,,false,,0,0.00,,"+
		"2.5% meets the target of 5%,'-2,false,false,,false,,false,,,,1,2016-05,GBP\n")
}

// TestInjectionHTML: every value is escaped for HTML, and its control
// characters written as escapes, so the page stays well-formed (XML
// forbids the escape and the bell) and has no script.
func TestInjectionHTML(t *testing.T) {
	page := render1(t, html, injectionCard(t))
	reason := `<div class="reason">2.5% meets the target of 5%</div></td></tr>`
	for _, want := range []string{
		"<h1>Hub_North: Hub 1, May 2016</h1>",
		`<span class="green" data-status="met">8 Met*</span>`,
		`<td>=HYPERLINK(&#34;http://x&#34;,&#34;click&#34;)` + reason,
		`<td>+1` + reason,
		`<td>&lt;script&gt;alert(1)&lt;/script&gt; | x` + reason,
		`<td>a\x1b[31mred\x07\u202eevil` + reason,
		"<td>+Hub</td><td>N7</td><td>*x* _y_ [z](u) `c` \\ &amp; &gt;</td>",
		`<td>one two three four five` + reason,
		`<td> @x` + reason,
	} {
		assert.Contains(t, page, want)
	}
	for _, absent := range []string{"<script", "\x1b", "\x07", "\u202e", "\r", "\t"} {
		assert.NotContains(t, page, absent)
	}
	dec := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(page, "<!DOCTYPE html>\n")))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the page is well-formed")
	}
}

// TestInjectionJSON: encoding/json escapes what JSON needs (the escape
// and the bell as \u001b and \u0007, the quotes); the values are as given.
func TestInjectionJSON(t *testing.T) {
	c := injectionCard(t)
	out := render1(t, jsonOf, c)
	card := jsonCard(t, c)
	for i, note := range injectionNotes {
		assert.Equal(t, []any{note}, jsonRows(t, card, fmt.Sprint("N", i+1))[0]["notes"])
	}
	assert.Contains(t, out, `"=HYPERLINK(\"http://x\",\"click\")"`)
	assert.Contains(t, out, "\"a\\u001b[31mred\\u0007\u202eevil\"")
	assert.Contains(t, out, `"one\ntwo\r\nthree\tfour\rfive"`)
	assert.Contains(t, out, `"variance": "-2.5"`)
}
