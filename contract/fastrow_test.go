package contract

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/scalegen"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// TestPlainNumber checks the numbers the fast path reads and those it
// leaves to the full parser. The coefficient and exponent wanted are the
// digits as written and minus the places after the point.
func TestPlainNumber(t *testing.T) {
	for _, c := range []struct {
		in string
		c  int64
		e  int32
		ok bool
	}{
		{"94.37", 9437, -2, true},
		{"100", 100, 0, true},
		{"-2.5", -25, -1, true},
		{"0.50", 50, -2, true}, // the places kept, as ParseWritten keeps them
		{"007", 7, 0, true},
		{"0", 0, 0, true},
		{"-0.0", 0, -1, true},
		{"999999999999999999", 999_999_999_999_999_999, 0, true}, // 18 nines
		{"1.00000000000000000", 100_000_000_000_000_000, -17, true},
		{"1000000000000000000", 0, 0, false}, // 19 digits
		{"", 0, 0, false},
		{"-", 0, 0, false},
		{"1.", 0, 0, false},
		{".5", 0, 0, false},
		{"-.5", 0, 0, false},
		{"1.2.3", 0, 0, false},
		{"+1", 0, 0, false},
		{"--1", 0, 0, false},
		{"1e3", 0, 0, false},
		{"1,000", 0, 0, false},
		{"95%", 0, 0, false},
		{" 1", 0, 0, false},
		{"£5", 0, 0, false},
		{"٣", 0, 0, false},
	} {
		gc, ge, ok := plainNumber(c.in)
		if ok != c.ok || gc != c.c || ge != c.e {
			t.Errorf("plainNumber(%q) = %d, %d, %v; want %d, %d, %v", c.in, gc, ge, ok, c.c, c.e, c.ok)
		}
	}
}

// FuzzPlainNumber checks that what plainNumber reads, kpi.ParseFigure
// reads to the same coefficient and exponent, so that the fast path gives
// the figure the full parser would.
func FuzzPlainNumber(f *testing.F) {
	for _, s := range []string{"94.37", "100", "-2.5", "0.50", "007", "-0", "1.", "95%", "1,000", "1e3", "+1", "999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, e, ok := plainNumber(s)
		if !ok {
			return
		}
		o, err := kpi.ParseFigure(s)
		if err != nil {
			t.Fatalf("plainNumber(%q) = %d, %d, but ParseFigure fails: %v", s, c, e, err)
		}
		v, _ := o.Value()
		if v.Exponent() != e || v.CoefficientInt64() != c || !v.Equal(decimal.New(c, e)) {
			t.Fatalf("plainNumber(%q) = %d×10^%d, ParseFigure %s (%s×10^%d)", s, c, e, v, v.Coefficient(), v.Exponent())
		}
	})
}

// TestAtMost checks atMost against the figures worked by hand.
func TestAtMost(t *testing.T) {
	for _, c := range []struct {
		c    int64
		e    int32
		n    int64
		want bool
	}{
		{100, 0, 100, true},
		{101, 0, 100, false},
		{10, 1, 100, true},  // 100
		{11, 1, 100, false}, // 110
		{1, 2, 100, true},   // 100
		{2, 2, 100, false},  // 200
		{0, 9, 100, true},
		{10000, -2, 100, true},                     // 100.00
		{10001, -2, 100, false},                    // 100.01
		{999_999_999_999_999_999, -17, 100, true},  // 9.99...
		{999_999_999_999_999_999, -15, 100, false}, // 999.99...
		{1, 0, 1, true},
		{10, -1, 1, true},  // 1.0
		{11, -1, 1, false}, // 1.1
		{95, -2, 1, true},  // 0.95
	} {
		if got := atMost(c.c, c.e, c.n); got != c.want {
			t.Errorf("atMost(%d, %d, %d) = %v, want %v", c.c, c.e, c.n, got, c.want)
		}
	}
}

// TestQuickRange checks that a figure quickRange holds of is one
// kpi.Evaluate rates without an error, for a KPI of every unit, signed or
// not, rounding before banding or not; and that it holds of the figures
// the fast path must read (0 to 100 for a percent) and not of those
// outside the range.
func TestQuickRange(t *testing.T) {
	values := []string{"-101", "-100", "-1", "-0.5", "0", "0.00", "0.5", "1", "1.5", "2", "10", "99.99", "99.996",
		"100", "100.00", "100.01", "101", "1000", "123456789012345678", "0.00000000000000001"}
	targets := map[kpi.Unit]string{kpi.Percent: "90", kpi.Days: "14", kpi.Hours: "4", kpi.Minutes: "30", kpi.Seconds: "20",
		kpi.Count: "5", kpi.Failures: "0", kpi.Money: "1000", kpi.Number: "3"}
	may := 0
	for u, target := range targets {
		for _, signed := range []bool{false, true} {
			for _, round := range []bool{false, true} {
				if signed && (u == kpi.Failures || u == kpi.Count) {
					continue // never signed
				}
				m := kpi.Measure{Unit: u, Polarity: kpi.LowerIsBetter, Precision: 2, RoundBeforeBanding: round, Signed: signed, Aggregation: kpi.Sum}
				if u == kpi.Count || u == kpi.Failures {
					m.Precision = 0
				}
				d, err := kpi.New(kpi.Spec{Ref: "K", Measure: m, Frequency: period.Monthly(),
					Target: kpi.Written{Value: decimal.RequireFromString(target), Unit: u}, Bands: kpi.TargetOnly()})
				if err != nil {
					t.Fatalf("%s: %v", u, err)
				}
				for _, s := range values {
					c, e, ok := plainNumber(s)
					if !ok {
						t.Fatalf("plainNumber(%q)", s)
					}
					if !quickRange(u, c, e) {
						continue
					}
					may++
					if _, err := kpi.Evaluate(d, period.Must(period.ParseMonth("2016-05")).Period(), kpi.Figure(decimal.New(c, e))); err != nil {
						t.Errorf("%s (signed %v, rounded %v): quickRange holds of %s, which Evaluate refuses: %v", u, signed, round, s, err)
					}
				}
			}
		}
	}
	if may == 0 {
		t.Fatal("quickRange held of nothing")
	}
	for _, c := range []struct {
		u    kpi.Unit
		s    string
		want bool
	}{
		{kpi.Percent, "0", true}, {kpi.Percent, "94.37", true}, {kpi.Percent, "100.00", true},
		{kpi.Percent, "100.01", false}, {kpi.Percent, "-0.5", false},
		{kpi.Failures, "2", true}, {kpi.Failures, "2.0", false}, {kpi.Count, "-1", false},
		{kpi.Days, "-1", false}, {kpi.Days, "1.5", true}, {kpi.Rating, "3", false}, {kpi.Money, "-5", true},
	} {
		cf, e, _ := plainNumber(c.s)
		if got := quickRange(c.u, cf, e); got != c.want {
			t.Errorf("quickRange(%s, %s) = %v, want %v", c.u, c.s, got, c.want)
		}
	}
}

// readBoth reads returns (name, text, in turn) for c with and without the
// reader's fast paths, and fails t unless both give the same observations,
// warnings and problems.
func readBoth(t *testing.T, c *Contract, returns ...string) (*regime.Return, error) {
	t.Helper()
	read := func(plain bool) (*regime.Return, []Warning, error) {
		rd := ReturnReader{Contract: c, Today: period.Must(period.ParseDate("2019-06-01"))}.reader()
		rd.plain = plain
		var errs []error
		for i := 0; i+1 < len(returns); i += 2 {
			if err := rd.read(strings.NewReader(returns[i+1]), returns[i]); err != nil {
				errs = append(errs, err)
			}
		}
		return rd.finish(errors.Join(errs...))
	}
	rt, warns, err := read(false)
	prt, pwarns, perr := read(true)
	if fmt.Sprint(err) != fmt.Sprint(perr) {
		t.Fatalf("fast: %v\nplain: %v", err, perr)
	}
	if !reflect.DeepEqual(warns, pwarns) {
		t.Fatalf("fast warns %v\nplain warns %v", warns, pwarns)
	}
	if got, want := observations(rt), observations(prt); !reflect.DeepEqual(got, want) {
		t.Fatalf("fast read %d observations, plain %d, not the same", len(got), len(want))
	}
	return rt, err
}

// TestFastPathAgrees reads every return of the bad-input corpus, and
// returns made to go through each step of the fast path and out of it,
// with and without the fast paths: they must agree on every observation,
// warning and problem.
func TestFastPathAgrees(t *testing.T) {
	c := badContract(t)
	names, err := filepath.Glob("testdata/bad/returns/*.csv")
	if err != nil || len(names) == 0 {
		t.Fatal(err, names)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		readBoth(t, c, name, string(b))
	}
	for _, text := range fastPathReturns {
		readBoth(t, c, "a.csv", text)
		readBoth(t, c, "a.csv", text, "b.csv", text) // every row again, in another file
	}
}

// fastPathReturns are returns whose rows take the fast path and leave it
// at each of its steps.
var fastPathReturns = []string{
	"kpi,period,value,numerator,denominator\n3,Apr-16,88.89,,\n3,May-16,,80,90\n3,Jun-16,0.95,,\n3,Jul-16,100.01,,\n3,Aug-16,-1,,\n",
	"kpi,period,value,numerator,denominator\n3,May-16,88,,\n3,Apr-16,89,,\n3,May-16,87,,\n3,Apr-16,90,,\n",
	"kpi,period,value,numerator,denominator\n1,Apr-16,2,,\n1,May-16,2.5,,\n1,Jun-16,-1,,\nCS-K-0001,Apr-16,3,,\nR&B-K-001,Apr-16,12.5,,\nR&B-K-002,Apr-16,-500,,\n",
	"kpi,period,value,numerator,denominator\n3,Apr-16,,91,90\n3,May-16,90,9,10\n3,Jun-16,,1,\n1,Apr-16,,1,2\n3,Jul-16,,1.0,2\n",
	"kpi,period,value,status,note\n3,Apr-16,88,,\n3,May-16,88,met,\n3,Jun-16,88,,a note\n3,Jul-16,No Data,,\n",
	"kpi,period,value\n3,2016-04,88\n3,Apr-16,88\n3,Q1 2016/17,88\nx,May-16,88\n3,Jan-30,88\n3,Mar-16,88\n3,Apr-19,88\n",
	"kpi,period,value,reported_on\n3,Apr-16,88,\n3,Apr-16,89,2016-05-05\n3,Apr-16,90,\n3,May-16,91,2016-06-01\n3,May-16,92,2016-06-01\n",
}

// badContract returns the contract of the bad-input corpus.
func badContract(t testing.TB) *Contract {
	t.Helper()
	c, err := ReadFile("testdata/bad/contract.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// FuzzFastPathAgrees reads arbitrary bytes as a return, and the same bytes
// twice as two returns, with and without the fast paths, which must agree.
func FuzzFastPathAgrees(f *testing.F) {
	for _, s := range fastPathReturns {
		f.Add([]byte(s))
	}
	c := badContract(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		readBoth(t, c, "a.csv", string(b))
		readBoth(t, c, "a.csv", string(b), "b.csv", string(b))
	})
}

// TestOutOfOrderInALargeFile reads scalegen's return of 10,000 rows, 50
// KPIs for 200 months from April 1990 given month by month (the row of KPI
// k, from 0, for month i, from 0, on line 2 + 50i + k), with rows added at
// its end: a row given again long after it must be found, with its line,
// as one given again at once is.
func TestOutOfOrderInALargeFile(t *testing.T) {
	c, err := Decode(bytes.NewReader(scalegen.Contract(50)), "big.yaml", YAML)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := scalegen.WriteReturn(&buf, 50, 200); err != nil {
		t.Fatal(err)
	}
	data := buf.String()
	rows := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	header, body := rows[0], rows[1:]
	// K0007 for May 1990 (month 1) is on line 2 + 50 + 7 = 59.
	again := body[57]
	if !strings.HasPrefix(again, "K0007,1990-05,") {
		t.Fatalf("line 59 is %q", again)
	}
	// Line 10,002 is the first after the 10,000 rows.
	_, err = readBoth(t, c, "big.csv", data+again+"\n")
	if want := "big.csv:10002: kpi: K0007 for May-1990 is already on line 59"; err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
	// The same in a second file.
	_, err = readBoth(t, c, "big.csv", data, "more.csv", header+"\n"+again+"\n")
	if want := "more.csv:2: kpi: K0007 for May-1990 is already in big.csv on line 59"; err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
	// Taken out and given at the end, the row is read, once; given twice
	// there, its second is the duplicate, of line 10,001.
	without := strings.Join(slices.Concat([]string{header}, body[:57], body[58:]), "\n") + "\n"
	rt, err := readBoth(t, c, "big.csv", without+again+"\n")
	if err != nil || rt.Len() != 10_000 {
		t.Fatalf("%v, %d rows", err, rt.Len())
	}
	if o := rt.At(9_999); o.KPI != "K0007" || o.Month.String() != "1990-05" || o.Source.Line != 10_001 {
		t.Fatalf("the last row is %s for %s on line %d", o.KPI, o.Month, o.Source.Line)
	}
	_, err = readBoth(t, c, "big.csv", without+again+"\n"+again+"\n")
	if want := "big.csv:10002: kpi: K0007 for May-1990 is already on line 10001"; err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
	// Restated on a later day, it is no duplicate; on the same day twice,
	// it is.
	dated := header + ",reported_on\n" + strings.Join(body, ",\n") + ",\n"
	if _, err = readBoth(t, c, "big.csv", dated+again+",2001-01-01\n"); err != nil {
		t.Fatal(err)
	}
	_, err = readBoth(t, c, "big.csv", dated+again+",2001-01-01\n"+again+",2001-01-01\n")
	if want := "big.csv:10003: reported_on: K0007 for May-1990 is already on line 10002, reported on the same day, 2001-01-01: a restatement is reported on a later day"; err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
	// Undated twice, the second is a duplicate of the first, dated or not.
	_, err = readBoth(t, c, "big.csv", dated+again+",\n")
	if want := "big.csv:10002: kpi: K0007 for May-1990 is already on line 59, and neither gives reported_on: to restate it, give the restatement a later reported_on than the figure it replaces"; err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}
