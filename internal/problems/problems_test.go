package problems

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errBad = errors.New("invalid")

// testField is a field error type as a caller of List.Err defines one.
type testField struct{ Path, Msg string }

func (e *testField) Error() string { return (&field{e.Path, e.Msg}).Error() }

func newTestField(path, msg string) error { return &testField{path, msg} }

func TestList(t *testing.T) {
	var l List
	assert.NoError(t, l.Err(errBad, newTestField))
	l.Add("ref", "a KPI needs a reference")
	m := List{Prefix: "measure"}
	m.Add("unit", "must be stated")
	m.Add("", "the whole measure")
	b := List{Prefix: "bands"}
	b.Add("[2].level", "out of order")
	l.Merge(&m)
	l.Merge(&b)
	l.Append(nil, errors.New("a plain problem"))
	require.Equal(t, 5, l.Len())
	err := l.Err(errBad, newTestField)
	assert.ErrorIs(t, err, errBad)
	assert.EqualError(t, err, "invalid: ref: a KPI needs a reference\nmeasure.unit: must be stated\nmeasure: the whole measure\nbands[2].level: out of order\na plain problem")
	var fe *testField
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "ref", fe.Path)

	// Merging under a prefix nests the paths.
	outer := List{Prefix: "regimes[0]"}
	inner := List{Prefix: "kpis[3]"}
	inner.Add("bands.failure", "must be below the detriment level 87")
	outer.Merge(&inner)
	assert.EqualError(t, outer.Err(errBad, newTestField), "invalid: regimes[0].kpis[3].bands.failure: must be below the detriment level 87")
	assert.Equal(t, "no path", (&field{msg: "no path"}).Error())
}

func TestQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"95 days", `"95 days"`},
		{"", `""`},
		// 40 characters are shown whole; a 41st is cut with its length.
		{strings.Repeat("9", 40), `"` + strings.Repeat("9", 40) + `"`},
		{strings.Repeat("9", 41), `"` + strings.Repeat("9", 40) + `"… (41 bytes)`},
		// Characters, not bytes: 41 pound signs are 82 bytes.
		{strings.Repeat("£", 41), `"` + strings.Repeat("£", 40) + `"… (82 bytes)`},
		{"a\x00b", `"a\x00b"`},
	} {
		if got := Quote(c.in); got != c.want {
			t.Errorf("Quote(%.50q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestCut(t *testing.T) {
	if got := Cut("short"); got != "short" {
		t.Errorf("Cut(short) = %q", got)
	}
	// 299 bytes of x, then a 2-byte £ across the 300-byte mark: the cut
	// falls before it, not inside it.
	long := strings.Repeat("x", 299) + "£" + strings.Repeat("y", 100)
	if got, want := Cut(long), strings.Repeat("x", 299)+"…"; got != want {
		t.Errorf("Cut(long) = %q, want %q", got, want)
	}
}

func TestNearestRef(t *testing.T) {
	refs := []string{"1", "3", "CS-K-0001", "R&B-K-001", "R&B-K-002"}
	for _, c := range []struct{ ref, want string }{
		{"R&B-K-01", ": did you mean R&B-K-001?"},  // one edit in 8 characters
		{"cs-k-0001", ": did you mean CS-K-0001?"}, // case does not count
		{"CS-K-001", ": did you mean CS-K-0001?"},
		{"2", ": did you mean 1?"}, // one edit in one character
		{"99", " (it has 1, 3, CS-K-0001, R&B-K-001, R&B-K-002)"},
		{strings.Repeat("x", 65), ""},
	} {
		if got := NearestRef(c.ref, refs); got != c.want {
			t.Errorf("NearestRef(%q) = %q, want %q", c.ref, got, c.want)
		}
	}
	var many []string
	for i := range 20 {
		many = append(many, fmt.Sprintf("KPI-%02d", i))
	}
	if got, want := NearestRef("zzz", many), " (it has 20, KPI-00, KPI-01, KPI-02, KPI-03, KPI-04, KPI-05 ... KPI-17, KPI-18, KPI-19)"; got != want {
		t.Errorf("NearestRef among 20 = %q, want %q", got, want)
	}
}

func TestArticle(t *testing.T) {
	for noun, want := range map[string]string{
		"aggregation": "an aggregation", "earlier period": "an earlier period", "unit": "a unit", "status": "a status",
		"unknown": "an unknown", "user": "a user", "one": "a one", "": "a", "Index": "an Index",
	} {
		if got := Article(noun); got != want {
			t.Errorf("Article(%q) = %q, want %q", noun, got, want)
		}
	}
}

// TestNestComposesPaths: a lower layer's problems keep their paths under
// the layer above's (kpis[3] and bands[1].level make
// kpis[3].bands[1].level); a plain error is kept whole at the path; the
// sentinel and the wrapping that carries it are dropped.
func TestNestComposesPaths(t *testing.T) {
	var inner List
	inner.Add("bands[1].level", "must be below the target 90")
	inner.Add("", "the whole definition")
	lower := fmt.Errorf("kpi %q: %w", "3", inner.Err(errBad, newTestField))
	split := func(e error) (string, string, bool) {
		var f *testField
		if errors.As(e, &f) {
			return f.Path, f.Msg, true
		}
		return "", "", false
	}
	var outer List
	outer.Nest("kpis[3]", lower, errBad, split)
	outer.Nest("credits[0]", errors.New("points credit: the rate must be positive"), errBad, split)
	outer.Nest("credits[1]", nil, errBad, split)
	assert.Equal(t, 3, outer.Len())
	assert.EqualError(t, outer.Err(errBad, newTestField),
		"invalid: kpis[3].bands[1].level: must be below the target 90\nkpis[3]: the whole definition\ncredits[0]: points credit: the rate must be positive")
	assert.Equal(t, "kpis[3][2]", Join("kpis[3]", "[2]"))
	assert.Equal(t, "bands", Join("", "bands"))
	assert.Equal(t, "kpis[3]", Join("kpis[3]", ""))
}
