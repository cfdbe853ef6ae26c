package regime

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestWriteMoney: money in pounds as a report writes it, by the fast path for whole
// pence and the general one for anything else.
func TestWriteMoney(t *testing.T) {
	for in, want := range map[string]string{
		"0": "£0.00", "0.5": "£0.50", "2000": "£2,000.00", "1234567.89": "£1,234,567.89", "-15.5": "-£15.50",
		"999.999": "£1,000.00", "1e20": "£100,000,000,000,000,000,000.00", "-0.01": "-£0.01",
	} {
		var b noteBuf
		writeMoney(&b, GBP, decimal.RequireFromString(in))
		if b.String() != want {
			t.Errorf("writeMoney(%s) = %s, want %s", in, b.String(), want)
		}
	}
}
