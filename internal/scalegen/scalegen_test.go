package scalegen

import (
	"bytes"
	"strings"
	"testing"
)

// TestWriteReturn checks the return is what the package says: a header and
// one row a KPI's month, month by month from April 1990, even KPIs as
// counts of 88% to 100% and odd ones as figures; the same bytes each time.
func TestWriteReturn(t *testing.T) {
	var a, b bytes.Buffer
	last, err := WriteReturn(&a, 3, 13)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WriteReturn(&b, 3, 13); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs differ")
	}
	// April 1990 + 12 months = April 1991.
	if last.String() != "1991-04" {
		t.Fatalf("last month %s, want 1991-04", last)
	}
	lines := strings.Split(strings.TrimSuffix(a.String(), "\n"), "\n")
	if len(lines) != 1+3*13 || lines[0] != "kpi,period,value,numerator,denominator" {
		t.Fatalf("%d lines, header %q", len(lines), lines[0])
	}
	for i, l := range lines[1:] {
		f := strings.Split(l, ",")
		k := i % 3
		if len(f) != 5 || f[0] != Ref(k) {
			t.Fatalf("line %d: %q", i+2, l)
		}
		if counts := f[3] != ""; counts != (k%2 == 0) || (f[2] == "") != counts {
			t.Fatalf("line %d: %q: even KPIs give counts, odd ones figures", i+2, l)
		}
	}
	if !strings.HasPrefix(lines[1], "K0000,1990-04,,") || !strings.HasPrefix(lines[len(lines)-1], "K0002,1991-04,,") {
		t.Fatalf("first %q, last %q", lines[1], lines[len(lines)-1])
	}
}
