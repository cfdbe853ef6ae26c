package contract_test

import (
	"bytes"
	"testing"

	"github.com/kpiregime/kpiregime/contract"
)

// FuzzReadObservations reads arbitrary bytes as an observations file: it
// never panics, and what it accepts names known KPIs in months the contract
// and its regime cover, once each.
func FuzzReadObservations(f *testing.F) {
	for _, s := range []string{
		"kpi,period,value\n3,Apr-16,88.89\n",
		"kpi,period,value,numerator,denominator,status,note\n9,May-16,80,1612,2015,,\n1,Apr-16,,,,no_data,No Data\n",
		"kpi,period,value\n3,Apr-16,8\"8\n",
		"kpi\tperiod\tvalue\n",
		"",
		"\xff\xfe\x00",
	} {
		f.Add([]byte(s))
	}
	c := ictContract(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		obs, err := contract.ReadObservations(bytes.NewReader(b), "fuzz.csv", c)
		if err != nil {
			if obs != nil {
				t.Fatal("observations returned with an error")
			}
			return
		}
		seen := map[string]bool{}
		for _, o := range obs {
			r, ok := c.RegimeAt(o.Month)
			if !ok {
				t.Fatalf("%s is outside the regimes", o.Month)
			}
			if _, ok := r.Indicator(o.KPI); !ok {
				t.Fatalf("unknown KPI %q accepted", o.KPI)
			}
			k := o.KPI + "|" + o.Month.String()
			if seen[k] {
				t.Fatalf("%s twice", k)
			}
			seen[k] = true
		}
	})
}
