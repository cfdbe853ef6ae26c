package browser

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// A Heading is an entry of a PDF's outline (its bookmarks), which Chromium
// writes for each heading of the page when it prints with an outline: the
// heading's text, the page it was laid out on (0 for the first) and its
// height on that page in points from the bottom.
type Heading struct {
	Title string
	Page  int
	Y     float64
}

// A PDF is the layout of a printed page read back from the PDF file: the
// size of each page in points, the outline's headings, and the pages of
// the named destinations (the ids the page links to, such as contract-1).
type PDF struct {
	Sizes    [][2]float64 // width and height of each page, in order
	Headings []Heading
	Dests    map[string]Heading // by name; Title is the name
}

var (
	objRe   = regexp.MustCompile(`(?s)(\d+) 0 obj\s*(.*?)\s*endobj`)
	refRe   = regexp.MustCompile(`(\d+) 0 R`)
	kidsRe  = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)
	boxRe   = regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)
	destRe  = regexp.MustCompile(`\[\s*(\d+) 0 R\s*/XYZ\s+([-\d.]+)\s+([-\d.]+)`)
	titleRe = regexp.MustCompile(`(?s)/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)\s*/Dest\s*(\[[^\]]*\])`)
	nameRe  = regexp.MustCompile(`/([A-Za-z0-9_.#-]+)\s*(\[[^\]]*\])`)
	rootRe  = regexp.MustCompile(`/Root\s+(\d+) 0 R`)
	pagesRe = regexp.MustCompile(`/Pages\s+(\d+) 0 R`)
	destsRe = regexp.MustCompile(`/Dests\s+(\d+) 0 R`)
)

// ReadPDF reads the page tree, the outline and the named destinations of
// a PDF that Chromium printed. It reads the file's objects as written,
// uncompressed, as Chromium (Skia) writes everything but content streams
// and fonts; it is not a general PDF reader, and says so where a file is
// not of that kind.
func ReadPDF(data []byte) (PDF, error) {
	if bytes.Contains(data, []byte("/ObjStm")) {
		return PDF{}, fmt.Errorf("the PDF keeps objects in object streams, which this reader does not read")
	}
	objs := map[int][]byte{}
	for _, m := range objRe.FindAllSubmatch(data, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		objs[n] = m[2]
	}
	root := rootRe.FindSubmatch(data)
	if root == nil {
		return PDF{}, fmt.Errorf("no /Root in the trailer")
	}
	catalog := objs[atoi(root[1])]
	pm := pagesRe.FindSubmatch(catalog)
	if pm == nil {
		return PDF{}, fmt.Errorf("no /Pages in the catalog")
	}
	var out PDF
	index := map[int]int{} // page object to page number
	var walk func(n, depth int) error
	walk = func(n, depth int) error {
		obj, ok := objs[n]
		if !ok || depth > 32 {
			return fmt.Errorf("page tree object %d missing or too deep", n)
		}
		if kids := kidsRe.FindSubmatch(obj); kids != nil && bytes.Contains(obj, []byte("/Type /Pages")) {
			for _, k := range refRe.FindAllSubmatch(kids[1], -1) {
				if err := walk(atoi(k[1]), depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		box := boxRe.FindSubmatch(obj)
		if box == nil {
			return fmt.Errorf("page object %d has no /MediaBox", n)
		}
		index[n] = len(out.Sizes)
		out.Sizes = append(out.Sizes, [2]float64{atof(box[3]) - atof(box[1]), atof(box[4]) - atof(box[2])})
		return nil
	}
	if err := walk(atoi(pm[1]), 0); err != nil {
		return PDF{}, err
	}
	at := func(dest []byte) (Heading, bool) {
		d := destRe.FindSubmatch(dest)
		if d == nil {
			return Heading{}, false
		}
		p, ok := index[atoi(d[1])]
		return Heading{Page: p, Y: atof(d[3])}, ok
	}
	for n, obj := range objs {
		m := titleRe.FindSubmatch(obj)
		if m == nil {
			continue
		}
		h, ok := at(m[2])
		if !ok {
			return PDF{}, fmt.Errorf("outline entry %d points at no page", n)
		}
		h.Title = pdfString(m[1])
		out.Headings = append(out.Headings, h)
	}
	out.Dests = map[string]Heading{}
	if dm := destsRe.FindSubmatch(catalog); dm != nil {
		for _, m := range nameRe.FindAllSubmatch(objs[atoi(dm[1])], -1) {
			if h, ok := at(m[2]); ok {
				h.Title = string(m[1])
				out.Dests[h.Title] = h
			}
		}
	}
	return out, nil
}

// pdfString decodes a PDF string: a literal (with its backslash escapes)
// or hexadecimal, in UTF-16BE where it starts with the byte order mark.
func pdfString(s []byte) string {
	var b []byte
	if s[0] == '<' {
		b, _ = hex.DecodeString(string(bytes.Join(bytes.Fields(s[1:len(s)-1]), nil)))
	} else {
		s = s[1 : len(s)-1]
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c != '\\' || i+1 == len(s) {
				b = append(b, c)
				continue
			}
			i++
			switch e := s[i]; e {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case '0', '1', '2', '3', '4', '5', '6', '7':
				j := i
				for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
					j++
				}
				v, _ := strconv.ParseUint(string(s[i:j]), 8, 8)
				b = append(b, byte(v))
				i = j - 1
			default:
				b = append(b, e)
			}
		}
	}
	if len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	return string(b)
}

func atoi(b []byte) int { n, _ := strconv.Atoi(string(b)); return n }

func atof(b []byte) float64 { f, _ := strconv.ParseFloat(string(b), 64); return f }
