// Package browser opens the HTML pages that package render writes in a
// real headless Chromium, through github.com/chromedp/chromedp, for tests:
// it loads a page from a file, records every network request and every
// console error or uncaught exception, measures each scorecard row as laid
// out, reads the computed colours and the trend lines, takes a screenshot,
// and prints the page to PDF as the browser prints it.
//
// Only test code imports it, so that no library package compiles chromedp.
// Chromium comes from the system: [Require] finds it (KPIREGIME_CHROMIUM,
// then chromium, chromium-browser, google-chrome on the PATH) and skips the
// test with how to install it where there is none, or fails it where the
// environment variable KPIREGIME_BROWSER is "required", as CI sets it.
package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Install says how to install the browser the tests use.
const Install = "install Chromium to run them: apt-get install chromium (Debian, as root), or set KPIREGIME_CHROMIUM to a Chromium or Chrome"

// Find returns the path of a Chromium or Chrome to run: the file named by
// KPIREGIME_CHROMIUM, else the first of chromium, chromium-browser and
// google-chrome on the PATH; empty where there is none.
func Find() string {
	if p := os.Getenv("KPIREGIME_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		return ""
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Require returns the browser to run, or skips the test saying how to
// install one; under KPIREGIME_BROWSER=required a missing browser fails it.
func Require(t testing.TB) string {
	t.Helper()
	p := Find()
	if p != "" {
		return p
	}
	if os.Getenv("KPIREGIME_BROWSER") == "required" {
		t.Fatalf("no Chromium found, and KPIREGIME_BROWSER=required: %s", Install)
	}
	t.Skipf("browser test skipped: no Chromium found; %s", Install)
	return ""
}

// A Row is a scorecard row (an element with data-kpi) as the browser laid
// it out.
type Row struct {
	Contract   string  `json:"contract"` // the data-contract of its section, if any
	KPI        string  `json:"kpi"`
	Status     string  `json:"status"`
	Class      string  `json:"class"`
	Width      float64 `json:"width"`
	Height     float64 `json:"height"`
	Visible    bool    `json:"visible"`    // computed visibility and display show it
	Background string  `json:"background"` // computed background colour: rgb(248, 208, 208)
	// The trend line drawn in the row: the SVG polyline's points (or a
	// path's d) and the size of its bounding box; empty where there is
	// none.
	Trend       string  `json:"trend"`
	TrendWidth  float64 `json:"trendWidth"`
	TrendHeight float64 `json:"trendHeight"`
}

// A Page is what the browser did with a page.
type Page struct {
	URL        string   // the file:// URL it was loaded from
	Requests   []string // every request the page made, its own load included
	Errors     []string // console errors, uncaught exceptions, error log entries
	Rows       []Row
	Screenshot []byte // PNG of the whole page
	PDF        []byte // the page printed, with its outline (bookmarks)
}

// rowsScript measures every row with data-kpi.
const rowsScript = `Array.from(document.querySelectorAll('[data-kpi]')).map(tr => {
  const r = tr.getBoundingClientRect(), st = getComputedStyle(tr), sec = tr.closest('section[data-contract]');
  const line = tr.querySelector('svg polyline, svg path');
  const box = line ? line.getBBox() : {width: 0, height: 0};
  return {contract: sec ? sec.dataset.contract : '', kpi: tr.dataset.kpi, status: tr.dataset.status || '',
    class: tr.className, width: r.width, height: r.height,
    visible: st.visibility === 'visible' && st.display !== 'none',
    background: st.backgroundColor,
    trend: line ? (line.getAttribute('points') || line.getAttribute('d') || '') : '',
    trendWidth: box.width, trendHeight: box.height};
})`

// Open writes page to name (a .html file) in dir, loads it in headless
// Chromium at 1280 by 900, and returns what happened, with a screenshot
// (written beside it as name's .png) and the page printed to PDF (its
// .pdf), as the print CSS lays it out.
func Open(t testing.TB, exe, dir, name string, page []byte) Page {
	t.Helper()
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	out := Page{URL: "file://" + filepath.ToSlash(abs)}

	bctx, cancel := start(t, exe)
	defer cancel()
	var mu sync.Mutex
	if err := chromedp.Listen(bctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		out.record(ev)
	}); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	rows, shot, pdf := capture(bctx, t, out.URL)
	base := strings.TrimSuffix(file, filepath.Ext(file))
	for ext, data := range map[string][]byte{".png": shot, ".pdf": pdf} {
		if err := os.WriteFile(base+ext, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	out.Rows, out.Screenshot, out.PDF = rows, shot, pdf
	out.Requests = append([]string(nil), out.Requests...)
	out.Errors = append([]string(nil), out.Errors...)
	return out
}

// start runs the browser at exe, headless, at 1280 by 900, for at most 90
// seconds, and returns its context and what stops it.
func start(t testing.TB, exe string) (context.Context, context.CancelFunc) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // tests and CI may run as root
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	return bctx, func() {
		cancelBrowser()
		cancelAlloc()
		cancel()
	}
}

// record notes an event of the page: a request it made, or an error it
// reported on the console, threw or logged.
func (out *Page) record(ev any) {
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		out.Requests = append(out.Requests, ev.Request.URL)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			out.Errors = append(out.Errors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		what := d.Text
		if d.Exception != nil {
			what += " " + d.Exception.Description
		}
		out.Errors = append(out.Errors, fmt.Sprintf("exception: %s at %s:%d", what, d.URL, d.LineNumber+1))
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			out.Errors = append(out.Errors, fmt.Sprintf("log %s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	}
}

// capture enables the events record reads, loads url, and returns the
// rows measured, a full screenshot and the page printed to PDF.
func capture(bctx context.Context, t testing.TB, url string) ([]Row, []byte, []byte) {
	t.Helper()
	enable := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, runtime.Enable, cdp.Empty{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, cdplog.Enable, cdp.Empty{})
		return err
	})
	if err := chromedp.Do(bctx, enable, chromedp.Navigate(url)); err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
	rows, err := chromedp.Run(bctx, chromedp.Evaluate[[]Row](rowsScript))
	if err != nil {
		t.Fatalf("measuring the rows: %v", err)
	}
	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	pdf, err := chromedp.Run(bctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground(),
		chromedp.PDFOutlineAndTagged()))
	if err != nil {
		t.Fatalf("printing to PDF: %v", err)
	}
	return rows, shot, pdf
}
