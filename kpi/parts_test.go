package kpi_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// TestCombine: a KPI made of two parts, each rated on its own figure
// against 90.0% (detriment 87.0, failure 84.0: validSpec), combined by
// each rule. Worked by hand from the rules in Combine's doc.
func TestCombine(t *testing.T) {
	may := period.Must(period.ParseLabel("May-16"))
	part := func(fig string) kpi.Result {
		if fig == "" {
			r, err := kpi.Evaluate(mustDef(t, validSpec(t)), may, kpi.Observation{})
			require.NoError(t, err)
			return r
		}
		r, err := kpi.Evaluate(mustDef(t, validSpec(t)), may, kpi.Figure(dec(fig)))
		require.NoError(t, err)
		return r
	}
	tests := []struct {
		name         string
		rule         kpi.PartsRule
		a, b         string
		status, text string
	}{
		{"all on target", kpi.AllParts, "95", "91", "met", "met: every part on target (A, B)"},
		{"all, one missed", kpi.AllParts, "95", "88", "missed", "missed: part B, 88% is below the target of 90.0% but above the detriment level of 87.0%"},
		{"all, first short decides", kpi.AllParts, "80", "88", "missed", "missed: part A, 80% is at or below the failure level of 84.0%"},
		{"worst", kpi.WorstPart, "80", "88", "failed", "failed: part A, 80% is at or below the failure level of 84.0%"},
		{"worst, both met", kpi.WorstPart, "95", "91", "met", "met: every part on target (A, B)"},
		{"a part with no figure", kpi.AllParts, "95", "", "no_data", "no_data: part B, no figure was reported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := kpi.Spec{Ref: "Q", Frequency: period.Monthly(), Parts: []string{"A", "B"}, PartsRule: tt.rule,
				Bands: kpi.TargetDetrimentFailure(dec("87.0"), dec("84.0"))}
			d := mustDef(t, spec)
			r, err := kpi.Combine(d, may, []kpi.PartResult{{Ref: "A", Result: part(tt.a)}, {Ref: "B", Result: part(tt.b)}})
			require.NoError(t, err)
			assert.Equal(t, tt.status, r.Status().String())
			assert.Equal(t, tt.text, r.Reason())
			assert.True(t, r.IsCombined())
		})
	}
	_, err := kpi.Evaluate(mustDef(t, kpi.Spec{Ref: "Q", Frequency: period.Monthly(), Parts: []string{"A", "B"}}), may, kpi.Figure(dec("90")))
	assert.EqualError(t, err, "kpi: Q is made of parts (A, B): rate it from theirs with Combine")
	_, err = kpi.New(kpi.Spec{Ref: "Q", Frequency: period.Monthly(), Parts: []string{"A", "A", "Q"}, Target: written(t, "90%")})
	assert.ErrorContains(t, err, "parts[1]: A is a part twice")
	assert.ErrorContains(t, err, "parts[2]: Q cannot be a part of itself")
	assert.ErrorContains(t, err, "target: a KPI made of parts has none of its own: its parts have theirs")
}

// FuzzParsePartsRule: a rule it reads writes back as a name it reads to the
// same rule, not minding case; anything else is a *period.ParseError that
// quotes at most an excerpt.
func FuzzParsePartsRule(f *testing.F) {
	for _, s := range []string{"all", "worst", "ALL", " worst ", "", "any", "all parts"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := kpi.ParsePartsRule(s)
		if err != nil {
			var pe *period.ParseError
			if !errors.As(err, &pe) || len(err.Error()) > 300 {
				t.Fatalf("%.40q: %T %.100v", s, err, err)
			}
			return
		}
		back, err := kpi.ParsePartsRule(strings.ToUpper(r.String()))
		if err != nil || back != r {
			t.Fatalf("%q read as %v, which writes %q and reads back as %v, %v", s, r, r.String(), back, err)
		}
	})
}
