package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzScorecard runs the whole command on an arbitrary contract file and
// return: the bytes are written to files, and the command scores May-16 and
// YTD 2016/17 from them in each format (text, markdown, csv, json, html).
// It asserts that the command never panics; that it exits 0, 1 or 2; that
// exit 0 has output and nothing on standard error, and exit 1 or 2 the
// reverse; that text, markdown, csv and json, which score the same period,
// exit alike, with the same problems on exit 1; and that on exit 0 the text
// and markdown are UTF-8, the JSON parses, the CSV parses with as many
// fields on every row as on the first, and the HTML is well formed (see
// checkHTML).
func FuzzScorecard(f *testing.F) {
	ict, err := os.ReadFile(ictFile)
	if err != nil {
		f.Fatal(err)
	}
	figs, err := os.ReadFile(ictFigs)
	if err != nil {
		f.Fatal(err)
	}
	edit := func(b []byte, old, new string) []byte {
		if !bytes.Contains(b, []byte(old)) {
			f.Fatalf("the seed has no %q", old)
		}
		return bytes.Replace(b, []byte(old), []byte(new), 1)
	}
	f.Add(ict, figs)
	// Text that each format must escape: markup, pipes, commas, quotes, a
	// line break, and characters beyond ASCII.
	f.Add(edit(edit(ict, "name: ICT Managed Service", `name: "<b>ICT</b> & Co | \"Managed\", Service"`),
		"met: Met", `met: "<Met> | ok, \"fine\"\n"`), edit(figs,
		"Both incidents resolved but one not updated on the system as per process",
		"\"<script>alert(1)</script> | a, \"\"quoted\"\"\nnext line – £5 &amp; é\""))
	f.Add(edit(ict, "description: Call abandoned rate", "description: \"Call </td></tr></table> rate\""), figs)
	// Statuses with no figure and counts; a row for a month with no regime.
	f.Add(ict, append(bytes.Clone(figs), "1,Jun-16,,,,no_data,No Data\n3,Jun-16,,,,not_measurable,\n9,Jun-16,,1500,2000,,\n"...))
	f.Add(ict, append(bytes.Clone(figs), "1,Mar-16,0,,,,\n"...))
	// A return with the header only, with a byte order mark, with a bad
	// row; an empty return and an empty contract.
	f.Add(ict, []byte("kpi,period,value,numerator,denominator,status,note\n"))
	f.Add(ict, append([]byte("\xef\xbb\xbf"), figs...))
	f.Add(ict, append(bytes.Clone(figs), "3,May-16,93,18\n"...))
	f.Add(ict, []byte{})
	f.Add([]byte{}, figs)
	f.Add([]byte("id: X\nstart: 2016-04-01\nregimes: []\n"), figs)
	// A regime that starts in June, so May has nothing to score.
	f.Add(edit(ict, "from: 2016-04 ", "from: 2016-06 "), figs)
	f.Add(edit(ict, "        target: < 5%", "        target: not published"), figs)
	f.Add([]byte("\xff\xfe\x00i\x00d"), []byte("\xff\xfek\x00"))

	periods := []string{"May-16", "YTD 2016/17"}
	formats := []string{"text", "markdown", "csv", "json", "html"}
	f.Fuzz(func(t *testing.T, contractFile, returnFile []byte) {
		dir := t.TempDir()
		cf, rf := filepath.Join(dir, "contract.yaml"), filepath.Join(dir, "return.csv")
		if err := os.WriteFile(cf, contractFile, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(rf, returnFile, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, p := range periods {
			var scored string // how the formats that score the period alone ended
			for _, format := range formats {
				var stdout, stderr bytes.Buffer
				code := run([]string{"-contract", cf, "-actuals", rf, "-period", p, "-format", format}, &stdout, &stderr)
				out, errs := stdout.Bytes(), stderr.String()
				where := fmt.Sprintf("-period %q -format %s: exit %d", p, format, code)
				switch {
				case code != 0 && code != 1 && code != 2:
					t.Fatalf("%s\n%s", where, errs)
				case code == 0 && (len(out) == 0 || errs != ""):
					t.Fatalf("%s with %d bytes of output and standard error %q", where, len(out), errs)
				case code != 0 && (len(out) != 0 || errs == ""):
					t.Fatalf("%s with %d bytes of output and standard error %q", where, len(out), errs)
				}
				if format != "html" {
					// The period's problems, with the file names made
					// the same.
					ended := fmt.Sprintf("exit %d: %s", code, strings.ReplaceAll(errs, dir, "DIR"))
					if scored == "" {
						scored = ended
					} else if ended != scored {
						t.Fatalf("-period %q: -format %s ended %q, but text %q", p, format, ended, scored)
					}
				}
				if code != 0 {
					continue
				}
				var bad error
				switch format {
				case "text", "markdown":
					if !utf8.Valid(out) {
						bad = errors.New("not UTF-8")
					}
				case "json":
					var doc any
					bad = json.Unmarshal(out, &doc)
				case "csv":
					r := csv.NewReader(bytes.NewReader(out))
					r.FieldsPerRecord = 0
					_, bad = r.ReadAll()
				case "html":
					bad = checkHTML(out)
				}
				if bad != nil {
					t.Fatalf("%s: %v\n%s", where, bad, out)
				}
			}
		}
	})
}

// htmlVoid are the elements that have no end tag.
var htmlVoid = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}

// checkHTML reports whether page is well formed: it reads as an XML token
// stream in encoding/xml's HTML mode (not strict, HTML entities) without an
// error, and every element other than a void one that is opened is closed,
// in order, by the end of the page.
func checkHTML(page []byte) error {
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var open []string
	for {
		// RawToken, as Token in HTML mode closes what is left open.
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if name := strings.ToLower(tok.Name.Local); !slices.Contains(htmlVoid, name) {
				open = append(open, name)
			}
		case xml.EndElement:
			name := strings.ToLower(tok.Name.Local)
			if slices.Contains(htmlVoid, name) {
				continue
			}
			if len(open) == 0 || open[len(open)-1] != name {
				line, _ := d.InputPos()
				return fmt.Errorf("line %d: </%s> closes %q", line, name, open)
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		return fmt.Errorf("%q are not closed", open)
	}
	return nil
}
