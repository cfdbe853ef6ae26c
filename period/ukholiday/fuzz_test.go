package ukholiday_test

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kpiregime/kpiregime/period/ukholiday"
)

// maxMessage bounds the message of an error: a long input should be quoted
// as a short excerpt, so a longer message fails the target. Set
// KPIREGIME_FUZZ_LONG=1 to seed it with a 1 MiB input as well.
const maxMessage = 8 << 10

// FuzzParseDivision asserts that ParseDivision reads an ASCII text if and
// only if it is, not case-sensitively, GOV.UK's name of a division; that
// the division read is one of the three and reads back from its String;
// that the case of ASCII letters never matters; and that an error is
// non-nil, says "ukholiday:", quotes a short input and is at most
// maxMessage bytes. For a division read, the holidays of a year from
// FirstYear to 9998 (the package reads no holiday data: it computes them)
// are in date order, one a day, all in that year and all on weekdays, and
// include New Year's Day, Good Friday, Christmas and Boxing Day.
func FuzzParseDivision(f *testing.F) {
	for _, s := range []string{"england-and-wales", "scotland", "northern-ireland", "Scotland", "NORTHERN-IRELAND",
		"England and Wales", "wales", "", " scotland", "Division(1)", "\u212a", "ſcotland"} {
		f.Add(s, uint16(2016))
	}
	f.Add("england-and-wales", uint16(2012)) // the Diamond Jubilee
	f.Add("scotland", uint16(2022))          // the Platinum Jubilee and the State Funeral
	f.Add("northern-ireland", uint16(1978))
	f.Add("england-and-wales", uint16(9998))
	if os.Getenv("KPIREGIME_FUZZ_LONG") != "" {
		f.Add(strings.Repeat("x", 1<<20), uint16(2016))
	}
	names := map[string]ukholiday.Division{
		"england-and-wales": ukholiday.EnglandAndWales, "scotland": ukholiday.Scotland, "northern-ireland": ukholiday.NorthernIreland,
	}
	f.Fuzz(func(t *testing.T, s string, year uint16) {
		d, err := ukholiday.ParseDivision(s)
		ascii := true
		for i := 0; i < len(s); i++ {
			ascii = ascii && s[i] < 0x80
		}
		want, named := names[strings.ToLower(s)]
		swapped := []byte(s)
		for i, c := range swapped {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				swapped[i] = c ^ 0x20
			}
		}
		if d2, err2 := ukholiday.ParseDivision(string(swapped)); (err2 == nil) != (err == nil) || d2 != d {
			t.Fatalf("%.80q reads as %v, %v but %.80q as %v, %v", s, d, err, swapped, d2, err2)
		}
		if err != nil {
			msg := err.Error()
			switch {
			case ascii && named:
				t.Fatalf("%q refused, but it names %v", s, want)
			case !strings.HasPrefix(msg, "ukholiday: "):
				t.Fatalf("%.80q: the message does not say the package: %s", s, msg)
			case len(s) <= 32 && !strings.Contains(msg, strconv.Quote(s)):
				t.Fatalf("%q: the message does not quote the input: %s", s, msg)
			case len(msg) > maxMessage:
				t.Fatalf("an input of %d bytes gives a message of %d bytes, which quotes more than an excerpt: %.200s...", len(s), len(msg), msg)
			}
			return
		}
		if d < ukholiday.EnglandAndWales || d > ukholiday.NorthernIreland || (ascii && d != want) {
			t.Fatalf("%.80q reads as %v, want %v (named: %v)", s, d, want, named)
		}
		if back, err := ukholiday.ParseDivision(d.String()); err != nil || back != d {
			t.Fatalf("%.80q reads as %v; its String reads as %v, %v", s, d, back, err)
		}

		y := ukholiday.FirstYear + int(year)%(9998-ukholiday.FirstYear+1)
		hs, err := ukholiday.Holidays(d, y, y)
		if err != nil {
			t.Fatalf("Holidays(%v, %d): %v", d, y, err)
		}
		ids := map[string]bool{}
		for i, h := range hs {
			ids[h.ID] = true
			switch {
			case h.Date.Year() != y:
				t.Fatalf("%v %d: %s on %v, in another year", d, y, h.ID, h.Date)
			case h.Date.Weekday() == time.Saturday || h.Date.Weekday() == time.Sunday:
				t.Fatalf("%v %d: %s on %v, a %v", d, y, h.ID, h.Date, h.Date.Weekday())
			case i > 0 && !hs[i-1].Date.Before(h.Date):
				t.Fatalf("%v %d: %s on %v after %s on %v", d, y, h.ID, h.Date, hs[i-1].ID, hs[i-1].Date)
			}
		}
		for _, id := range []string{"new_year", "good_friday", "christmas", "boxing_day"} {
			if !ids[id] {
				t.Fatalf("%v %d: no %s among %v", d, y, id, hs)
			}
		}
	})
}
