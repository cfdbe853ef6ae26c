package contract_test

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// FuzzReadObservations reads arbitrary bytes as an observations file: it
// never panics, what it accepts names known KPIs in months the contract
// and its regime cover, each version of a figure once (a restatement on a
// later day than the version before), with its file and line, and nothing
// it accepts is refused later: the contract's ledger runs over the whole of
// it without an error, as at the latest and as at each day a version was
// reported on.
func FuzzReadObservations(f *testing.F) {
	for _, s := range []string{
		"kpi,period,value\n3,Apr-16,88.89\n",
		"kpi,period,value,numerator,denominator,status,note\n9,May-16,80,1612,2015,,\n1,Apr-16,,,,no_data,No Data\n",
		"kpi,period,value\n3,Apr-16,8\"8\n",
		"kpi\tperiod\tvalue\n",
		"kpi,period,value,numerator,denominator,status,note\n3,Apr-16,,,,detriment,minuted\n10,Apr-16,,,,failed,\n",
		"",
		"\xff\xfe\x00",
		"kpi,period,value,reported_on,reported_by,note\n3,Apr-16,82.1,2016-05-05,Serco,\n3,Apr-16,92.1,2016-06-12,the council,typing error\n",
		"kpi,period,value,reported_on\n3,Apr-16,85,\n3,Apr-16,95,2016-05-20\n3,May-16,80,2016-06-01\n3,May-16,,2016-06-01\n",
		"kpi,period,value,reported_on\n3,Apr-16,85,2016-04-31\n3,Apr-16,85,2016-03-31\n",
	} {
		f.Add([]byte(s))
	}
	c := ictContract(f)
	f.Fuzz(func(t *testing.T, b []byte) { checkReturn(t, c, b) })
}

// FuzzReadRailObservations is FuzzReadObservations for a contract reported
// in rail periods, whose periodic KPIs read P-labels and its monthly one
// months.
func FuzzReadRailObservations(f *testing.F) {
	f.Add([]byte(railReturn))
	for _, s := range []string{
		"kpi,period,value\nPPM,P14 2023/24,88\n", "kpi,period,value\nPPM,Q2 2023/24,88\n", "kpi,period,value\nPPM,Aug-23,88\n",
		"kpi,period,value\nCOMP,P5 2023/24,88\n", "kpi,period,value\nPPM,2023-07-22..2023-08-18,88\n", "kpi,period,value\nPPM,P5 2023/24 from Apr,88\n",
	} {
		f.Add([]byte(s))
	}
	c, err := contract.Decode(strings.NewReader(strings.Replace(railFile, "PERIODS", railRule, 1)), "rail.yaml", contract.YAML)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkReturn(t, c, b) })
}

// checkReturn reads b as a return of c: what it accepts is for a KPI and
// regime c has, once each, and is rated without an error.
func checkReturn(t *testing.T, c *contract.Contract, b []byte) {
	obs, err := contract.ReadObservations(bytes.NewReader(b), "fuzz.csv", c)
	// ReadReturn is the same reader, into a Return: the same observations,
	// or the same problems.
	rt, rerr := contract.ReadReturn(bytes.NewReader(b), "fuzz.csv", c)
	if fmt.Sprint(rerr) != fmt.Sprint(err) || (rt == nil) != (rerr != nil) {
		t.Fatalf("ReadReturn: %v, ReadObservations: %v", rerr, err)
	}
	if rt != nil && (rt.Len() != len(obs) || len(obs) > 0 && !reflect.DeepEqual(rt.Observations(), obs)) {
		t.Fatalf("ReadReturn read %d observations, ReadObservations %d, not the same", rt.Len(), len(obs))
	}
	if err != nil {
		if obs != nil {
			t.Fatal("observations returned with an error")
		}
		return
	}
	seen := map[string]bool{}
	var last period.Month
	var days []period.Date
	for _, o := range obs {
		if o.Source.File != "fuzz.csv" || o.Source.Line < 2 {
			t.Fatalf("%s for %s has no line: %v", o.KPI, o.For(), o.Source)
		}
		if !o.ReportedOn.IsZero() {
			if o.ReportedOn.Before(o.For().Start()) {
				t.Fatalf("%s for %s reported on %s, before its period", o.KPI, o.For(), o.ReportedOn)
			}
			days = append(days, o.ReportedOn)
		}
		if m := o.For().LastMonth(); m.After(last) {
			last = m
		}
		r, ok := c.RegimeAt(o.For().LastMonth())
		if !ok {
			t.Fatalf("%s is outside the regimes", o.For())
		}
		d, ok := r.KPI(o.KPI)
		if !ok {
			t.Fatalf("unknown KPI %q accepted", o.KPI)
		}
		// Whatever is accepted can be rated: a bad figure or an outcome
		// its ladder lacks is refused with its line, not at scoring.
		if _, err := kpi.Evaluate(d, o.For(), o.Obs); err != nil {
			t.Fatalf("accepted %s for %s, which cannot be rated: %v", o.KPI, o.For(), err)
		}
		k := o.KPI + "|" + o.For().String() + "|" + o.ReportedOn.String()
		if seen[k] {
			t.Fatalf("%s twice", k)
		}
		seen[k] = true
	}
	if len(obs) > 0 {
		if _, err := c.Run(obs, last); err != nil {
			t.Fatalf("accepted, then refused when scored: %v", err)
		}
		for _, d := range days[:min(len(days), 4)] {
			if _, err := c.RunAsAt(obs, last, d); err != nil {
				t.Fatalf("accepted, then refused when scored as at %s: %v", d, err)
			}
		}
	}
}

// FuzzDecodeContract reads arbitrary bytes as a contract file in both
// formats: it never panics, an error is made of problems with a file and
// line, and a contract it accepts writes back to a file that reads to an
// equal contract.
func FuzzDecodeContract(f *testing.F) {
	f.Add([]byte(baseYAML), false)
	f.Add([]byte(edit(25, "          failure: 92.0")), false)
	f.Add([]byte("id: X\nstart: 2016-04-01\nregimes: []\n"), false)
	f.Add([]byte("a: &a [*a, *a]\nb: *a\n"), false)
	f.Add([]byte(`{"id": "X", "start": "2016-04-01", "regimes": [{"name": "R", "from": "2016-04", "kpis": []}]}`), true)
	f.Add([]byte("\xef\xbb\xbfid: X\n"), false)
	var rich bytes.Buffer
	if err := contract.Encode(&rich, richContract(f), contract.YAML); err != nil {
		f.Fatal(err)
	}
	f.Add(rich.Bytes(), false)
	f.Add([]byte(strings.Replace(railFile, "PERIODS", railRule, 1)), false)
	f.Add([]byte(strings.Replace(railFile, "PERIODS", "periods: {starts: [2023-04-01, 2023-04-29, 2023-05-27, 2023-06-24, 2023-07-22, 2023-08-19, 2023-09-16, 2023-10-14, 2023-11-11, 2023-12-09, 2024-01-06, 2024-02-03, 2024-03-02, 2024-03-31]}", 1)), false)
	f.Fuzz(func(t *testing.T, b []byte, asJSON bool) {
		format, name := contract.YAML, "fuzz.yaml"
		if asJSON {
			format, name = contract.JSON, "fuzz.json"
		}
		c, err := contract.Decode(bytes.NewReader(b), name, format)
		if err != nil {
			if c != nil {
				t.Fatal("a contract returned with an error")
			}
			if !strings.HasPrefix(err.Error(), name+":") {
				t.Fatalf("a problem that does not name the file: %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := contract.Encode(&out, c, format); err != nil {
			t.Fatalf("cannot write back what was read: %v", err)
		}
		back, err := contract.Decode(bytes.NewReader(out.Bytes()), name, format)
		if err != nil {
			t.Fatalf("cannot read back what was written: %v\n%s", err, out.String())
		}
		if !c.Equal(back) {
			t.Fatalf("read back differently:\n%s", out.String())
		}
	})
}
