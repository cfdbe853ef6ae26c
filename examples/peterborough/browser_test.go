package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/internal/browser"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime/render"
)

// artefacts is where the browser tests keep their pages, screenshots and
// PDFs: KPIREGIME_ARTEFACTS, or the test's temporary directory.
func artefacts(t *testing.T) string {
	if dir := os.Getenv("KPIREGIME_ARTEFACTS"); dir != "" {
		require.NoError(t, os.MkdirAll(dir, 0o755))
		return dir
	}
	return t.TempDir()
}

// colours are the computed background colours of the status classes, as
// the page's style writes them (#d9f2d9, #fff0c2, #f8d0d0, #eee).
var colours = map[string]string{"green": "rgb(217, 242, 217)", "amber": "rgb(255, 240, 194)", "red": "rgb(248, 208, 208)",
	"grey": "rgb(238, 238, 238)"}

// colourOf is the class a status is drawn in, as the design's RAG reads:
// green on target, amber short of it, red at detriment or failure, grey
// with no figure.
func colourOf(st string) string {
	switch st {
	case "exceeded", "met":
		return "green"
	case "tolerance", "missed":
		return "amber"
	case "detriment", "failed":
		return "red"
	}
	return "grey"
}

// checkPage checks what the browser made of a page against the scorecards
// it shows: nothing fetched but the page itself (or a data: URL), no
// console error, a visible row per scorecard row in each contract's
// section, a trend line wherever the KPI has figures in both months, and
// each row in its status's colour.
func checkPage(t *testing.T, p browser.Page, sections []render.Section) {
	t.Helper()
	for _, u := range p.Requests {
		assert.True(t, u == p.URL || strings.HasPrefix(u, "data:"), "the page made a request: %s", u)
	}
	assert.Empty(t, p.Errors, "console errors")
	seen := map[string]bool{}
	for _, s := range sections {
		sc := s.Card.Scorecard
		var want, got []string
		for _, r := range sc.Rows {
			want = append(want, r.KPI)
		}
		for _, r := range p.Rows {
			if len(sections) == 1 || r.Contract == s.Card.Contract {
				got = append(got, r.KPI)
			}
		}
		assert.ElementsMatch(t, want, got, "the rows of %s", s.Card.Contract)
		figures := map[string]int{}
		for _, c := range append(append([]render.Card{}, s.History...), s.Card) {
			for _, r := range c.Scorecard.Rows {
				if _, ok := r.Result.Actual(); ok {
					figures[r.KPI]++
				}
			}
		}
		for _, r := range p.Rows {
			if len(sections) > 1 && r.Contract != s.Card.Contract {
				continue
			}
			where := s.Card.Contract + " " + r.KPI
			assert.True(t, r.Visible && r.Width > 0 && r.Height > 0, "%s is not visible: %+v", where, r)
			class := colourOf(r.Status)
			assert.True(t, strings.HasPrefix(r.Class, class), "%s (%s) has class %q", where, r.Status, r.Class)
			assert.Equal(t, colours[class], r.Background, "%s (%s)", where, r.Status)
			seen[class] = true
			if figures[r.KPI] >= 2 {
				assert.GreaterOrEqual(t, len(strings.Fields(r.Trend)), 2, "%s has no trend line", where)
				assert.Positive(t, r.TrendWidth, "%s's trend line is not drawn", where)
			} else {
				assert.Empty(t, r.Trend, "%s has a trend line from one figure", where)
			}
		}
	}
	assert.True(t, seen["green"], "a green row")
	if len(sections) > 1 {
		assert.True(t, seen["amber"] && seen["red"] && seen["grey"], "amber, red and grey rows: %v", seen)
	}
}

// TestBrowser opens the committee report and each contract's page in
// headless Chromium and checks them as laid out (checkPage); the report's
// PDF, printed by the browser, must be A4 with each contract on its own
// pages (checkPDF). The screenshots and PDFs are kept beside the pages.
func TestBrowser(t *testing.T) {
	exe := browser.Require(t)
	scored, err := scorecards()
	require.NoError(t, err)
	report := report(scored)
	dir := artefacts(t)
	t.Logf("pages, screenshots and PDFs in %s", dir)

	t.Run("report", func(t *testing.T) {
		var b bytes.Buffer
		require.NoError(t, render.HTMLReport(&b, report))
		p := browser.Open(t, exe, dir, "peterborough-report.html", b.Bytes())
		checkPage(t, p, report.Sections)
		checkPDF(t, p.PDF, report)
	})
	for _, s := range report.Sections {
		t.Run(s.Card.Contract, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, render.HTML(&b, append(append([]render.Card{}, s.History...), s.Card)...))
			p := browser.Open(t, exe, dir, "peterborough-"+strings.ToLower(s.Card.Contract)+".html", b.Bytes())
			checkPage(t, p, []render.Section{s})
		})
	}
}

// checkPDF reads the layout back from the PDF the browser printed: every
// page is A4 (595.28 by 841.89 points); the outline, which Chromium writes
// from the headings as it paginated them, has the contents and summary on
// the first page and each contract's numbered title at the top of a page
// of its own, after the one before; and the contents' link targets
// (contract-1, contract-2) are on the same pages. So each contract starts
// a new page, and the pages from one contract's title to the next hold
// that contract alone.
func checkPDF(t *testing.T, data []byte, r render.Report) {
	t.Helper()
	pdf, err := browser.ReadPDF(data)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(pdf.Sizes), 1+len(r.Sections), "a front page and a page or more per contract")
	for i, size := range pdf.Sizes {
		assert.InDelta(t, 595.28, size[0], 1, "page %d's width", i+1)
		assert.InDelta(t, 841.89, size[1], 1, "page %d's height", i+1)
	}
	page := map[string]browser.Heading{}
	for _, h := range pdf.Headings {
		if _, twice := page[h.Title]; !twice || h.Page < page[h.Title].Page {
			page[h.Title] = h
		}
	}
	for _, front := range []string{r.Title, "Contents", "Summary"} {
		require.Contains(t, page, front)
		assert.Equal(t, 0, page[front].Page, "%s is on the first page", front)
	}
	last := 0
	for i, s := range r.Sections {
		sc := s.Card.Scorecard
		title := fmt.Sprintf("%d. %s: %s %s, %s", i+1, s.Card.Contract, sc.Regime, sc.Version, sc.Period.Label(period.Long))
		h, ok := page[title]
		require.True(t, ok, "no outline entry %q in %v", title, pdf.Headings)
		assert.Greater(t, h.Page, last, "%s starts a page after the one before", title)
		height := pdf.Sizes[h.Page][1]
		assert.Less(t, height-h.Y, 72.0, "%s is at the top of page %d (%.0f points down)", title, h.Page+1, height-h.Y)
		d, ok := pdf.Dests[fmt.Sprintf("contract-%d", i+1)]
		require.True(t, ok, "no destination contract-%d in %v", i+1, pdf.Dests)
		assert.Equal(t, h.Page, d.Page, "contract-%d's page", i+1)
		last = h.Page
		t.Logf("%s: from page %d", title, h.Page+1)
	}
}
