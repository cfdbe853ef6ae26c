package contract

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xunicode "golang.org/x/text/encoding/unicode"
)

// encYAML is a small contract: KPI 3 of seed 000's ICT contract, monthly,
// under a regime from April 2016.
const encYAML = `id: ICT
name: ICT Managed Service
customer: Peterborough City Council
supplier: Serco
start: 2009-10-01
monthly_charge: 100000.00
regimes:
  - name: ICT
    version: "2009"
    from: 2016-04
    kpis:
      - ref: "3"
        description: Severity 3 incidents resolved on time
        service_area: ICT
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90.0%
        bands:
          scheme: target_detriment_failure
          detriment: 87.0
          failure: 84.0
          points: {missed: 1, detriment: 2, failed: 3}
    credits:
      - type: points
        rate: 1
`

func encContract(t *testing.T) *Contract {
	t.Helper()
	c, err := Decode(strings.NewReader(encYAML), "ict.yaml", YAML)
	require.NoError(t, err)
	return c
}

// utf16 encodes s as UTF-16 with a byte-order mark, as Excel's "Unicode
// text" does.
func utf16(t testing.TB, order xunicode.Endianness, s string) string {
	t.Helper()
	b, err := xunicode.UTF16(order, xunicode.UseBOM).NewEncoder().String(s)
	require.NoError(t, err)
	return b
}

// TestReadObservationsEncodings: a return in each encoding Excel and other
// tools write is read as the same text, with the note's £ and € intact and
// no byte-order mark reaching the CSV reader.
func TestReadObservationsEncodings(t *testing.T) {
	const text = "kpi,period,value,note\r\n3,Apr-16,88.89,Credit of £250 (€290) agreed\r\n"
	const note = "Credit of £250 (€290) agreed"
	long := pastPeek() // past the 64 KiB textReader looks at
	tests := []struct {
		name, file, text, note2 string
	}{
		{"UTF-8", text, text, ""},
		{"UTF-8 with a byte-order mark", "\xef\xbb\xbf" + text, text, ""},
		{"UTF-16 LE with a byte-order mark", utf16(t, xunicode.LittleEndian, text), text, ""},
		{"UTF-16 BE with a byte-order mark", utf16(t, xunicode.BigEndian, text), text, ""},
		{"Windows-1252", "kpi,period,value,note\r\n3,Apr-16,88.89,Credit of \xa3250 (\x80290) agreed\r\n", text, ""},
		// ASCII reads the same in UTF-8 and Windows-1252, so a file that is
		// ASCII for its first 64 KiB is still read as Windows-1252 from
		// its first £.
		{"Windows-1252 with its first £ past 64 KiB",
			"kpi,period,value,note\n3,Apr-16,88.89," + long + "\n3,May-16,93.18,Credit of \xa3250\n",
			"kpi,period,value,note\n3,Apr-16,88.89," + long + "\n3,May-16,93.18,Credit of £250\n", "Credit of £250"},
	}
	c := encContract(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := io.ReadAll(textReader(strings.NewReader(tt.file)))
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(got))

			obs, err := ReadObservations(strings.NewReader(tt.file), "obs.csv", c)
			require.NoError(t, err)
			if tt.note2 == "" {
				require.Len(t, obs, 1)
				assert.Equal(t, note, obs[0].Note)
			} else {
				require.Len(t, obs, 9)
				assert.Equal(t, tt.note2, obs[8].Note)
			}
		})
	}
}

// TestReadObservationsEncodingErrors: a file that is not text, or not in
// one encoding throughout, is one problem said plainly, on the line of the
// byte at fault where the file began as text.
func TestReadObservationsEncodingErrors(t *testing.T) {
	long := pastPeek()
	tests := []struct {
		name, file, want string
		line             int // of the encodingError; 0 if it is not one
	}{
		{"NUL bytes (a PNG)", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
			"obs.csv:1: the file is not text (it holds binary data): want a CSV file of figures", 1},
		{"a NUL byte in the header", "kpi,per\x00iod,value\n3,Apr-16,88.89\n",
			"obs.csv:1: the file is not text (it holds binary data): want a CSV file of figures", 1},
		{"a NUL byte in a row", "kpi,period,value\n3,Apr-16,88.89\n3,May-16,9\x001\n",
			"obs.csv:3: the file holds binary data here (a NUL byte), not text: want a CSV file of figures", 3},
		{"a NUL byte in a Windows-1252 row past 64 KiB", "kpi,period,value,note\n3,Apr-16,88.89,\xa3250 " + long + "\n3,May-16,9\x001,\n",
			"obs.csv:10: the file holds binary data here (a NUL byte), not text: want a CSV file of figures", 10},
		{"UTF-16 without a byte-order mark", "k\x00p\x00i\x00,\x00p\x00",
			"obs.csv:1: the file is UTF-16 text without a byte-order mark, which cannot be told from binary data: save it as CSV UTF-8", 1},
		{"an xlsx workbook", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml",
			"obs.csv:1: the file is not text: it looks like an Excel workbook: save it as CSV (File > Save As > CSV UTF-8) and give that file", 1},
		{"an xls workbook", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",
			"obs.csv:1: the file is not text: it looks like an Excel workbook", 1},
		{"bytes neither UTF-8 nor Windows-1252", "kpi,period,value\n3,Apr-16,\x81\x8d\n",
			"obs.csv:1: the file is not text in an encoding this reader reads (UTF-8, UTF-16 with a byte-order mark, or Windows-1252): line 2 has a byte 0x81, which is in none of them: save it as CSV UTF-8", 2},
		{"UTF-8, then a Windows-1252 £", "kpi,period,value,note\n3,Apr-16,88.89,Café\n3,May-16,93.18,Credit of \xa3250\n",
			"obs.csv:3: the file is not valid UTF-8 here (a byte 0xA3, which is £ in Windows-1252): save it as UTF-8 or Windows-1252 throughout", 3},
		{"UTF-8 with a byte-order mark, then a Windows-1252 £", "\xef\xbb\xbfkpi,period,value,note\n3,Apr-16,88.89,Credit of \xa3250\n",
			"obs.csv:2: the file is not valid UTF-8 here (a byte 0xA3, which is £ in Windows-1252): save it as UTF-8 or Windows-1252 throughout", 2},
		{"UTF-8 past 64 KiB, then a Windows-1252 £", "kpi,period,value,note\n3,Apr-16,88.89,Café " + long + "\n3,May-16,93.18,Credit of \xa3250\n",
			"obs.csv:10: the file is not valid UTF-8 here (a byte 0xA3, which is £ in Windows-1252)", 10},
		{"UTF-8 past 64 KiB, cut short in a character", "kpi,period,value,note\n3,Apr-16,88.89,Café " + long + "\n3,May-16,93.18,Caf\xc3",
			"obs.csv:10: the file is not valid UTF-8 here (a byte 0xC3, which is Ã in Windows-1252)", 10},
		{"Windows-1252, then a byte it leaves undefined", "kpi,period,value,note\n3,Apr-16,88.89,\xa3250 " + long + "\n3,May-16,93.18,\x81\n",
			"obs.csv:10: the file is not Windows-1252 here (a byte 0x81, which it leaves undefined): save it as UTF-8 or Windows-1252 throughout", 10},
	}
	c := encContract(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := io.ReadAll(textReader(strings.NewReader(tt.file)))
			var ee *encodingError
			require.True(t, errors.As(err, &ee), "an encodingError, not %v", err)
			assert.Equal(t, tt.line, ee.line)

			obs, err := ReadObservations(strings.NewReader(tt.file), "obs.csv", c)
			assert.Nil(t, obs)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "\n", "one problem")
		})
	}
}

// TestTextReaderStreams: textReader reads a file as it is read, not whole:
// the first line of a 4 MiB Windows-1252 file is given, decoded, after at
// most the 64 KiB it looks at and a buffer more.
func TestTextReaderStreams(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("kpi,period,value,note\n")
	for b.Len() < 4<<20 {
		b.WriteString("3,Apr-16,88.89,Credit of \xa3250\n")
	}
	cr := &countingReader{r: &b}
	tr := textReader(cr)
	first := make([]byte, len("kpi,period,value,note\n3,Apr-16,88.89,Credit of £250\n"))
	_, err := io.ReadFull(tr, first)
	require.NoError(t, err)
	assert.Equal(t, "kpi,period,value,note\n3,Apr-16,88.89,Credit of £250\n", string(first))
	assert.LessOrEqual(t, cr.n, int64(sniffSize+8<<10), "read before the first line was given")
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TestDecodeEncodings: a contract file is UTF-8, with or without a
// byte-order mark, or UTF-16 with one; a Windows-1252 file is refused
// naming its line and byte, not called binary and not silently decoded.
func TestDecodeEncodings(t *testing.T) {
	named := strings.Replace(encYAML, "name: ICT Managed Service", "name: ICT Managed Service £", 1)
	ok := []struct{ name, file string }{
		{"UTF-8 with a byte-order mark", "\xef\xbb\xbf" + named},
		{"UTF-16 LE with a byte-order mark", utf16(t, xunicode.LittleEndian, named)},
		{"UTF-16 BE with a byte-order mark", utf16(t, xunicode.BigEndian, named)},
	}
	for _, tt := range ok {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Decode(strings.NewReader(tt.file), "ict.yaml", YAML)
			require.NoError(t, err)
			assert.Equal(t, "ICT Managed Service £", c.Name())
		})
	}
	bad := []struct{ name, file, want string }{
		{"Windows-1252", strings.Replace(named, "£", "\xa3", 1),
			"ict.yaml:2: a contract file must be UTF-8, but this line has a byte 0xA3 (£ in Windows-1252) that is not UTF-8: save the file as UTF-8"},
		{"a byte in no encoding", strings.Replace(named, "Serco", "Serco\x81", 1),
			"ict.yaml:4: a contract file must be UTF-8, but this line has a byte 0x81 that is not UTF-8: save the file as UTF-8"},
		{"UTF-16 with NUL characters", utf16(t, xunicode.LittleEndian, "id: ICT\x00\x00"),
			"ict.yaml: the file is not text (it holds binary data, as a spreadsheet or an image would): want a YAML contract file"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tt.file), "ict.yaml", YAML)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

// FuzzTextReader: any bytes give valid UTF-8 or an error, never a panic;
// the same read a byte at a time; and UTF-8 text (no byte-order mark, no NUL,
// not a workbook's signature) comes out as it went in.
func FuzzTextReader(f *testing.F) {
	for _, s := range []string{
		"kpi,period,value,note\n3,Apr-16,88.89,Café\n",
		"\xef\xbb\xbfkpi,period,value\n",
		"\xff\xfek\x00p\x00i\x00\n\x00",
		"\xfe\xff\x00k\x00p\x00i\x00\n",
		"kpi,period,value,note\n3,Apr-16,88.89,\xa3250 \x80\n",
		"kpi,note\n3,Caf\xc3\xa9\n3,\xa3\n",
		"kpi,note\n3,\x81\n",
		"PK\x03\x04\x14\x00",
		"\x89PNG\r\n\x1a\n\x00",
		"kpi,value\n3,9\x001\n",
		"k\x00p\x00i\x00\n\x00",
		"Caf\xc3",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := io.ReadAll(textReader(bytes.NewReader(data)))
		if !utf8.Valid(out) {
			t.Fatalf("%q gave %q, not UTF-8 (error %v)", data, out, err)
		}
		out1, err1 := io.ReadAll(textReader(iotest.OneByteReader(bytes.NewReader(data))))
		if !bytes.Equal(out, out1) || (err == nil) != (err1 == nil) || err != nil && err.Error() != err1.Error() {
			t.Fatalf("%q gave %q, %v, but read a byte at a time %q, %v", data, out, err, out1, err1)
		}
		if utf8.Valid(data) && !bytes.HasPrefix(data, bomUTF8) && bytes.IndexByte(data, 0) < 0 && !bytes.HasPrefix(data, sigZip) {
			if err != nil || !bytes.Equal(out, data) {
				t.Fatalf("UTF-8 %q gave %q, %v", data, out, err)
			}
		}
	})
}

// pastPeek continues the note of an Apr-16 row past the 64 KiB textReader
// looks at, in rows no longer than a return's fields may be: 9,000 x's,
// then seven rows (Jun-16 to Dec-16, lines 3 to 9) with notes as long. A
// row after it is line 10.
func pastPeek() string {
	note := strings.Repeat("x", 9000)
	var b strings.Builder
	b.WriteString(note)
	for _, m := range []string{"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		b.WriteString("\n3," + m + "-16,88.89," + note)
	}
	return b.String()
}
