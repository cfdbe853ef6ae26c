package browser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOpenSeesWhatThePageDoes: the harness itself records a request to
// another address (here loopback, where nothing listens), a console error
// and an uncaught exception, and measures rows and trend lines; so a page
// that passes the browser tests really made no request and logged no
// error.
func TestOpenSeesWhatThePageDoes(t *testing.T) {
	exe := Require(t)
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"/><title>t</title>
<style>.red{background:#f8d0d0}</style></head><body>
<img src="http://127.0.0.1:9/x.png" alt=""/>
<table><tr class="red" data-kpi="1" data-status="failed"><td>1</td><td><svg width="80" height="20"><polyline fill="none" stroke="#333" points="0,18 80,2"/></svg></td></tr>
<tr data-kpi="2" style="display:none"><td>2</td></tr></table>
<script>console.error("boom"); throw new Error("bang")</script></body></html>`
	p := Open(t, exe, t.TempDir(), "probe.html", []byte(page))
	assert.Contains(t, p.Requests, "http://127.0.0.1:9/x.png")
	joined := strings.Join(p.Errors, "\n")
	assert.Contains(t, joined, "boom")
	assert.Contains(t, joined, "bang")
	require.Len(t, p.Rows, 2)
	assert.Equal(t, "rgb(248, 208, 208)", p.Rows[0].Background)
	assert.True(t, p.Rows[0].Visible)
	assert.Equal(t, "0,18 80,2", p.Rows[0].Trend)
	assert.InDelta(t, 80, p.Rows[0].TrendWidth, 0.01)
	assert.False(t, p.Rows[1].Visible && p.Rows[1].Height > 0)
	pdf, err := ReadPDF(p.PDF)
	require.NoError(t, err)
	assert.NotEmpty(t, pdf.Sizes)
}

func TestPDFString(t *testing.T) {
	for in, want := range map[string]string{
		`(Serco contract performance, May 2016)`: "Serco contract performance, May 2016",
		`(a \(b\) \\ c\101)`:                     `a (b) \ cA`,
		`<FEFF00A3003200300030>`:                 "£200",
	} {
		assert.Equal(t, want, pdfString([]byte(in)), in)
	}
}
