package render_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

// psspCards are four rows of seed 000's PSSP table in April and May 2016,
// under the PSSP key (a figure strictly better than its target is
// Exceeded): the seed's figures, targets and profiles.
//
// Worked by hand for May:
//
//	STS-K-009   100.00% at the target of 100.00%: Target Met
//	R&B-K-001   20.32% against the May profile of 20.31%: Exceeded
//	R&B-K-008   9.96% against the May profile of 11.25%: Not Met
//	CS-K-001    a six-monthly survey, none due in May: Not Due
//
// 4 KPIs, 3 rated, 2 on target (50.00% of all, 66.67% of the rated); no
// points, credits or events; the exception is R&B-K-008.
func psspCards(t testing.TB) []render.Card {
	t.Helper()
	apr, may := mo("Apr-16"), mo("May-16")
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	cumulative := pct
	cumulative.Aggregation = kpi.Latest
	def := func(ref, desc, area, target string, m kpi.Measure, f period.Frequency, profile kpi.Profile) kpi.Definition {
		w, err := kpi.ParseWritten(target)
		require.NoError(t, err)
		d, err := kpi.New(kpi.Spec{Ref: ref, Description: desc, ServiceArea: area, Contractual: true, Measure: m,
			Frequency: f, Target: w, Profile: profile, Bands: kpi.TargetOnly()})
		require.NoError(t, err)
		return d
	}
	profile := func(annual, a, m string) kpi.Profile {
		return kpi.Explicit(dec(annual), true, map[period.Month]decimal.Decimal{apr: dec(a), may: dec(m)})
	}
	const sts = "Shared Transactional Services"
	r, err := regime.New(regime.Spec{Name: "PSSP", Version: "2016", From: apr, Exceed: kpi.ExceedWhenBetter(),
		KPIs: []kpi.Definition{
			def("STS-K-009", "Completion of statutory returns", sts, "100.00%", pct, period.Monthly(), kpi.Profile{}),
			def("R&B-K-001", "Achievement of the in-year Council Tax collection rate target", sts, "95.8%", cumulative,
				period.Monthly(), profile("95.8", "11.36", "20.31")),
			def("R&B-K-008", "Business Rates arrears collection", sts, "30%", cumulative, period.Monthly(),
				profile("30", "7.35", "11.25")),
			def("CS-K-001", "% of customers satisfied with the service they received", "Customer Services", "95.00%", pct,
				period.SixMonthly(), kpi.Profile{}),
		},
		Labels: map[kpi.Status]string{kpi.Exceeded: "Exceeded", kpi.Met: "Target Met", kpi.Missed: "Not Met",
			kpi.NotDue: "Not Due"},
	})
	require.NoError(t, err)
	f := func(ref, month, v string) regime.Observation {
		return regime.Observation{KPI: ref, Month: mo(month), Obs: kpi.Figure(dec(v))}
	}
	l, err := r.Run(regime.Input{Observations: []regime.Observation{
		f("STS-K-009", "Apr-16", "100.00"), f("STS-K-009", "May-16", "100.00"),
		f("R&B-K-001", "Apr-16", "10.96"), f("R&B-K-001", "May-16", "20.32"),
		f("R&B-K-008", "Apr-16", "7.96"), f("R&B-K-008", "May-16", "9.96"),
	}})
	require.NoError(t, err)
	var cards []render.Card
	for _, m := range []period.Month{apr, may} {
		sc, err := l.Scorecard(m.Period())
		require.NoError(t, err)
		cards = append(cards, render.Card{Contract: "PSSP", Scorecard: sc})
	}
	return cards
}

// twoContracts is a committee report for May 2016 on the PSSP and the ICT
// contract of seed 000, each with April in its trend lines.
func twoContracts(t testing.TB) render.Report {
	pssp, ict := psspCards(t), ictCards(t)
	return render.Report{Title: "Serco contract performance, May 2016", Sections: []render.Section{
		{Card: pssp[1], History: pssp[:1]},
		{Card: ict[1], History: ict[:1]},
	}}
}

// TestReportSummary checks the summary table against the counts worked by
// hand in psspCards and ictMay2016: PSSP 1 Exceeded, 1 Met, 1 Missed and 1
// Not due, 2 of 4 on target, no credit or event; ICT 2 Met, 1 Detriment
// and 1 No data, 2 of 4 on target, £2,000.00 and one event (the service
// failure of KPI 1); the totals add them. Only statuses some contract has
// get a column, in the ladder's order, named by their default labels
// (each regime labels them its own way); no contract has interim figures,
// so there is no Interim column.
func TestReportSummary(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.TextReport(&b, twoContracts(t)))
	assert.Contains(t, b.String(), "Summary\n\n"+
		"Contract       Period    KPIs  Exceeded  Met  Missed  Detriment  Not due  No data  On target  Credits    Events\n"+
		"PSSP           May 2016  4     1         1    1       0          1        0        2 of 4     £0.00      0\n"+
		"ICT            May 2016  4     0         2    0       1          0        1        2 of 4     £2,000.00  1\n"+
		"All contracts            8     1         3    1       1          1        1        4 of 8     £2,000.00  1\n")
}

func TestTextReport(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.TextReport(&b, twoContracts(t)))
	checkGolden(t, "report-may-2016.txt", b.Bytes())
}

func TestMarkdownReport(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.MarkdownReport(&b, twoContracts(t)))
	checkGolden(t, "report-may-2016.md", b.Bytes())
}

func TestHTMLReport(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, render.HTMLReport(&b, twoContracts(t)))
	checkGolden(t, "report-may-2016.html", b.Bytes())
	// Well-formed, with each contract's rows in its own section, the
	// exceptions first, and the contents linking to the sections.
	dec := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(b.String(), "<!DOCTYPE html>\n")))
	rows := map[string][]string{}
	var section string
	var links, ids []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the page is well-formed")
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range se.Attr {
			switch {
			case se.Name.Local == "section" && a.Name.Local == "data-contract":
				section = a.Value
			case se.Name.Local == "section" && a.Name.Local == "id":
				ids = append(ids, "#"+a.Value)
			case se.Name.Local == "a" && a.Name.Local == "href":
				links = append(links, a.Value)
			case a.Name.Local == "data-kpi":
				rows[section] = append(rows[section], a.Value)
			}
		}
	}
	assert.Equal(t, map[string][]string{
		"PSSP": {"R&B-K-008", "STS-K-009", "R&B-K-001", "CS-K-001"},
		"ICT":  {"1", "5", "3", "10"},
	}, rows)
	assert.Equal(t, []string{"#contract-1", "#contract-2"}, links)
	assert.Equal(t, links, ids)
	for _, want := range []string{"@page{size:A4", "section.contract{break-before:page}", "thead{display:table-header-group}"} {
		assert.Contains(t, b.String(), want)
	}
}

// TestReportOfOneIsTheCard: a section's scorecard in a report is the card
// its single-contract renderer writes, under a numbered heading.
func TestReportOfOneIsTheCard(t *testing.T) {
	ict := ictMay2016(t)
	one := render.Report{Sections: []render.Section{{Card: ict}}}
	var card, report bytes.Buffer
	require.NoError(t, render.Text(&card, ict))
	require.NoError(t, render.TextReport(&report, one))
	assert.Contains(t, report.String(), "\n1. "+card.String())
	assert.Contains(t, report.String(), "Contract performance\n====================\n")
	card.Reset()
	report.Reset()
	require.NoError(t, render.Markdown(&card, ict))
	require.NoError(t, render.MarkdownReport(&report, one))
	assert.Contains(t, report.String(), "\n## 1. "+card.String()[len("## "):])
}

func TestReportEmpty(t *testing.T) {
	for name, r := range map[string]render.Report{
		"no sections":   {},
		"no scorecard":  {Sections: []render.Section{{}}},
		"empty history": {Sections: []render.Section{{Card: ictMay2016(t), History: []render.Card{{Contract: "ICT"}}}}},
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			assert.ErrorIs(t, render.TextReport(&b, r), render.ErrEmptyReport)
			assert.ErrorIs(t, render.MarkdownReport(&b, r), render.ErrEmptyReport)
			assert.ErrorIs(t, render.HTMLReport(&b, r), render.ErrEmptyReport)
			assert.Empty(t, b.String())
		})
	}
}
