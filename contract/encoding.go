package contract

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffSize is how much of the start of a file textReader looks at to tell
// its encoding.
const sniffSize = 64 << 10

// The byte-order marks and file signatures textReader knows.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	sigZip     = []byte("PK\x03\x04")                                   // .xlsx, .ods: a zip archive
	sigOLE     = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // .xls
)

// The messages for a file that is not text at all.
const (
	msgBinary   = "the file is not text (it holds binary data): want a CSV file of figures"
	msgNUL      = "the file holds binary data here (a NUL byte), not text: want a CSV file of figures"
	msgUTF16    = "the file is UTF-16 text without a byte-order mark, which cannot be told from binary data: save it as CSV UTF-8"
	msgWorkbook = "the file is not text: it looks like an Excel workbook: save it as CSV (File > Save As > CSV UTF-8) and give that file"
	msgEncoding = "the file is not text in an encoding this reader reads (UTF-8, UTF-16 with a byte-order mark, or Windows-1252)"
)

// undefined1252 marks the five bytes Windows-1252 leaves undefined (0x81,
// 0x8D, 0x8F, 0x90, 0x9D), as x/text's table has them.
var undefined1252 = func() (u [256]bool) {
	for b := range u {
		u[b] = charmap.Windows1252.DecodeByte(byte(b)) == utf8.RuneError
	}
	return u
}()

// textReader returns r decoded to UTF-8. It tells the encoding from the
// first 64 KiB: a byte-order mark names UTF-8 or UTF-16 (little- or
// big-endian), which is dropped; text without one is UTF-8 if it is valid
// UTF-8 and Windows-1252 (what Excel writes as CSV) if it is not. A file
// that is none of these fails on the first read, with a message that says
// so, or that it is binary (a NUL byte in its first line, or after bytes
// that are not UTF-8), an Excel workbook or UTF-16 without a byte-order mark.
//
// It streams: a file read as UTF-8 is checked as it is read, and a byte
// that is not UTF-8, or a NUL byte, fails the read there with an
// *encodingError, which names the line it is on. A file
// that is all ASCII up to that byte is read from there as Windows-1252,
// since what came before reads the same in both. Errors from r are passed
// on as they are.
func textReader(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, sniffSize)
	prefix, perr := br.Peek(sniffSize)
	whole := perr != nil // the prefix is all there is (or all there is before an error)

	var skip int
	var t transform.Transformer
	switch {
	case bytes.HasPrefix(prefix, bomUTF8):
		skip, t = len(bomUTF8), &decoder{declared: true}
	case bytes.HasPrefix(prefix, bomUTF16LE):
		skip, t = len(bomUTF16LE), unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()
	case bytes.HasPrefix(prefix, bomUTF16BE):
		skip, t = len(bomUTF16BE), unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder()
	case bytes.HasPrefix(prefix, sigZip), bytes.HasPrefix(prefix, sigOLE):
		return errReader{&encodingError{line: 1, msg: msgWorkbook}}
	case utf16NoBOM(prefix):
		return errReader{&encodingError{line: 1, msg: msgUTF16}}
	case bytes.IndexByte(prefix, 0) >= 0:
		z, nl := bytes.IndexByte(prefix, 0), bytes.IndexByte(prefix, '\n')
		if nl < 0 || z < nl || invalidUTF8(prefix[:z], true) >= 0 {
			return errReader{&encodingError{line: 1, msg: msgBinary}}
		}
		// UTF-8 text with a NUL byte past its header: it fails there, on
		// the NUL's line.
		t = &decoder{}
	default:
		i := invalidUTF8(prefix, whole)
		if i < 0 {
			t = &decoder{}
			break
		}
		for j, b := range prefix[i:] {
			if undefined1252[b] {
				line := lineAt(prefix, int64(i+j))
				return errReader{&encodingError{line: line, msg: fmt.Sprintf(
					"%s: line %d has a byte 0x%02X, which is in none of them: save it as CSV UTF-8", msgEncoding, line, b)}}
			}
		}
		t = &decoder{cp1252: true}
	}
	if _, err := br.Discard(skip); err != nil {
		return errReader{err}
	}
	var src io.Reader = br
	if perr != nil && perr != io.EOF && perr != bufio.ErrBufferFull {
		// Peek has taken the error from br: give it after what was read.
		src = io.MultiReader(io.LimitReader(br, int64(len(prefix)-skip)), errReader{perr})
	}
	return transform.NewReader(src, t)
}

// invalidUTF8 returns the offset of the first byte of p that is not UTF-8,
// or -1. A sequence cut short at the end of p is invalid only if p is the
// whole file.
func invalidUTF8(p []byte, whole bool) int {
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 {
			if !whole && !utf8.FullRune(p[i:]) {
				return -1
			}
			return i
		}
		i += n
	}
	return -1
}

// utf16NoBOM reports whether p starts as ASCII written as UTF-16 without a
// byte-order mark: a NUL byte beside each character.
func utf16NoBOM(p []byte) bool {
	if len(p) < 4 {
		return false
	}
	text := func(b byte) bool { return b >= ' ' && b < utf8.RuneSelf }
	return text(p[0]) && p[1] == 0 && text(p[2]) && p[3] == 0 ||
		p[0] == 0 && text(p[1]) && p[2] == 0 && text(p[3])
}

// An encodingError is a file that cannot be read as text, or a byte in it
// that is not in its encoding; line is the line it is on.
type encodingError struct {
	line int
	msg  string
}

func (e *encodingError) Error() string { return e.msg }

// errReader fails every read with err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// A decoder checks UTF-8 as it passes it on, or decodes Windows-1252 to
// UTF-8, failing at the first byte that is not in its encoding or is NUL. A
// decoder
// for UTF-8 whose file has been all ASCII so far, and was not declared UTF-8
// by a byte-order mark, turns to Windows-1252 at a byte that is not UTF-8
// but is in Windows-1252.
type decoder struct {
	declared bool // the file has a UTF-8 byte-order mark
	cp1252   bool // decoding Windows-1252
	nonASCII bool // a character past ASCII has been read as UTF-8
	lines    int  // the newlines read so far
	dec      transform.Transformer
}

// The decoder is a [transform.Transformer], as its methods say.
var _ transform.Transformer = (*decoder)(nil)

// Reset implements [transform.Transformer].
func (d *decoder) Reset() {
	d.cp1252, d.nonASCII, d.lines = false, false, 0
	if d.dec != nil {
		d.dec.Reset()
	}
}

// Transform implements [transform.Transformer].
func (d *decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if d.cp1252 {
		return d.transform1252(dst, src, atEOF)
	}
	n, bad := 0, false // src[:n] is UTF-8; src[n] is not if bad
	for n < len(src) {
		if src[n] < utf8.RuneSelf {
			if src[n] == 0 {
				bad = true
				break
			}
			n++
			continue
		}
		r, size := utf8.DecodeRune(src[n:])
		if r == utf8.RuneError && size == 1 {
			bad = atEOF || utf8.FullRune(src[n:])
			break
		}
		d.nonASCII = true
		n += size
	}
	m := copy(dst, src[:n])
	d.lines += bytes.Count(src[:m], []byte("\n"))
	switch {
	case m < n:
		return m, m, transform.ErrShortDst
	case n == len(src):
		return m, m, nil
	case !bad:
		return m, m, transform.ErrShortSrc
	}
	b := src[n]
	if b == 0 {
		return m, m, &encodingError{line: d.lines + 1, msg: msgNUL}
	}
	if !d.declared && !d.nonASCII && !undefined1252[b] {
		d.cp1252 = true
		nd, ns, err := d.transform1252(dst[m:], src[n:], atEOF)
		return m + nd, m + ns, err
	}
	what := ""
	if c := charmap.Windows1252.DecodeByte(b); c != utf8.RuneError && c != '\u00a0' && c != '\u00ad' { // not blank
		what = fmt.Sprintf(", which is %c in Windows-1252", c)
	}
	return m, m, &encodingError{line: d.lines + 1, msg: fmt.Sprintf(
		"the file is not valid UTF-8 here (a byte 0x%02X%s): save it as UTF-8 or Windows-1252 throughout", b, what)}
}

// transform1252 decodes Windows-1252 up to a byte it leaves undefined.
func (d *decoder) transform1252(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if d.dec == nil {
		d.dec = charmap.Windows1252.NewDecoder()
	}
	k := 0
	for k < len(src) && src[k] != 0 && !undefined1252[src[k]] {
		k++
	}
	nDst, nSrc, err = d.dec.Transform(dst, src[:k], atEOF || k < len(src))
	d.lines += bytes.Count(src[:nSrc], []byte("\n"))
	if err != nil || k == len(src) {
		return nDst, nSrc, err
	}
	if src[k] == 0 {
		return nDst, nSrc, &encodingError{line: d.lines + 1, msg: msgNUL}
	}
	return nDst, nSrc, &encodingError{line: d.lines + 1, msg: fmt.Sprintf(
		"the file is not Windows-1252 here (a byte 0x%02X, which it leaves undefined): save it as UTF-8 or Windows-1252 throughout", src[k])}
}

// contractText returns a contract file as the YAML and JSON parsers read
// it: without a UTF-8 byte-order mark, and decoded to UTF-8 if it is UTF-16
// with one. Anything else is returned as it is, for the caller to check that
// it is UTF-8: a contract file is not decoded from Windows-1252.
func contractText(data []byte) []byte {
	var order unicode.Endianness
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE):
		order = unicode.LittleEndian
	case bytes.HasPrefix(data, bomUTF16BE):
		order = unicode.BigEndian
	default:
		return data
	}
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data[2:])
	if err != nil {
		return data
	}
	return out
}

// notUTF8 returns the line of the first byte of data that is not UTF-8, and
// a message naming it, for a contract file.
func notUTF8(data []byte) (line int, msg string) {
	i := invalidUTF8(data, true)
	if i < 0 {
		return 0, ""
	}
	b := data[i]
	what := ""
	if c := charmap.Windows1252.DecodeByte(b); !undefined1252[b] && c != '\u00a0' && c != '\u00ad' {
		what = fmt.Sprintf(" (%c in Windows-1252)", c)
	}
	return lineAt(data, int64(i)), fmt.Sprintf("a contract file must be UTF-8, but this line has a byte 0x%02X%s that is not UTF-8: save the file as UTF-8", b, what)
}
