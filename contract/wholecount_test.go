package contract

import "testing"

// TestWholeCount checks counts read as digits alone and those read as
// decimals agree with what a count may be: a whole number of zero or more
// below 10^15. The expected values are the numbers as written.
func TestWholeCount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{"007", 7, true},
		{"1612", 1612, true},
		{"999999999999999", 999_999_999_999_999, true}, // 15 nines: 10^15 - 1
		{"0000000000000001", 1, true},                  // 16 digits, read as a decimal
		{"1000000000000000", 0, false},                 // 10^15
		{"12.0", 12, true},                             // whole, written with a place
		{"12.5", 0, false},
		{"-1", 0, false},
		{"1e3", 0, false},
		{"1 000", 0, false},
		{"1,000", 0, false},
		{"٣", 0, false}, // an Arabic-Indic three: not an ASCII digit
	} {
		got, err := wholeCount(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("wholeCount(%q) = %d, %v; want %d, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}
