package kpi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
)

// TestParseTargetKeepsItsWords: a target keeps the words it was written in
// for Text, String stays canonical, and Equal compares meaning.
func TestParseTargetKeepsItsWords(t *testing.T) {
	for _, tc := range []struct{ in, text, str string }{
		{"Not greater than 3%", "Not greater than 3%", "<= 3%"},
		{"  <0.4%  ", "<0.4%", "< 0.4%"},
		{"90.0%", "90.0%", "90.0%"},
		{"0 failures", "0 failures", "0 failures"},
		{"not published", "not published", "not published"},
	} {
		w, err := kpi.ParseTarget(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.text, w.Text(), tc.in)
		assert.Equal(t, tc.str, w.String(), tc.in)
		plain, err := kpi.ParseWritten(tc.in)
		require.NoError(t, err)
		assert.True(t, w.Equal(plain), "%q: the words do not change the meaning", tc.in)
		assert.Equal(t, tc.str, plain.Text(), "a value read by ParseWritten keeps no words")
	}
	a, _ := kpi.ParseTarget("no more than 2%")
	b, _ := kpi.ParseTarget("<= 2%")
	assert.True(t, a.Equal(b))
	assert.False(t, a.Equal(kpi.Written{Value: b.Value, Unit: kpi.Percent, Comparison: kpi.Below}))
	_, err := kpi.ParseTarget("lots")
	var pe *kpi.ParseError
	assert.ErrorAs(t, err, &pe)
}

// FuzzParseTarget asserts that ParseTarget never panics, agrees with
// ParseWritten, and keeps words that read back as the same target.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"Not greater than 3%", "<0.4%", "90.0%", "no more than 2%", "88 per cent or more", "fewer than three per cent",
		"not published", "no target", "", "lots", " < 5% "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := kpi.ParseTarget(s)
		plain, perr := kpi.ParseWritten(s)
		if (err == nil) != (perr == nil) || !w.Equal(plain) {
			t.Fatalf("%.80q: ParseTarget %v, %v; ParseWritten %v, %v", s, w, err, plain, perr)
		}
		if err != nil {
			return
		}
		back, err := kpi.ParseTarget(w.Text())
		if err != nil || !back.Equal(w) || back.Text() != w.Text() {
			t.Fatalf("%.80q reads as %v; its Text %q reads as %v (%q), %v", s, w, w.Text(), back, back.Text(), err)
		}
	})
}
