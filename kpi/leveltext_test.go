package kpi_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
)

func TestParseLevel(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		in   string
		want kpi.Level
		text string // as String writes it back
	}{
		{"87", kpi.Abs(d("87")), "87"},
		{"87.0", kpi.Abs(d("87.0")), "87.0"},
		{"87%", kpi.Abs(d("87")), "87"},
		{"-2.5", kpi.Abs(d("-2.5")), "-2.5"},
		{"target", kpi.Target(), "target"},
		{"Target", kpi.Target(), "target"},
		{"target-2", kpi.Offset(d("-2")), "target-2"},
		{"target - 2", kpi.Offset(d("-2")), "target-2"},
		{"target + 0.5", kpi.Offset(d("0.5")), "target+0.5"},
		{"95% of target", kpi.PercentOf(d("95")), "95% of target"},
		{"110 % of target (exclusive)", kpi.PercentOf(d("110")).Exclusive(), "110% of target (exclusive)"},
		{"84.0 (exclusive)", kpi.Abs(d("84.0")).Exclusive(), "84.0 (exclusive)"},
		{"84 exclusive", kpi.Abs(d("84")).Exclusive(), "84 (exclusive)"},
		{"target (exclusive)", kpi.Target().Exclusive(), "target (exclusive)"},
	}
	for _, tc := range tests {
		got, err := kpi.ParseLevel(tc.in)
		require.NoError(t, err, tc.in)
		assert.True(t, tc.want.Equal(got), "%q: got %+v", tc.in, got)
		assert.Equal(t, tc.text, got.String(), tc.in)
		back, err := kpi.ParseLevel(got.String())
		require.NoError(t, err)
		assert.True(t, got.Equal(back))
	}
	for in, want := range map[string]string{
		"":              `kpi: cannot read "" as a level: there is no level`,
		"87,5":          `"87,5" has a comma: write a decimal point (87.5)`,
		"target*2":      `"*2" after target: want + or - and an amount`,
		"target--2":     `"--2": write one sign`,
		"95 of target":  `"95 of target": a share of the target is written as a percentage (95% of target)`,
		"high":          `"high" is not a number`,
		"1e3":           `"1e3" is not a number`,
		"-5% of target": `-5% of the target cannot be negative`,
	} {
		_, err := kpi.ParseLevel(in)
		assert.ErrorContains(t, err, want, in)
	}
}

func TestLevelAt(t *testing.T) {
	d := decimal.RequireFromString
	// Hand-worked: a target of 90 with each kind of level.
	assert.Equal(t, "85", kpi.Abs(d("85")).At(d("90")).String())
	assert.Equal(t, "90", kpi.Target().At(d("90")).String())
	assert.Equal(t, "88", kpi.Offset(d("-2")).At(d("90")).String())
	assert.Equal(t, "85.5", kpi.PercentOf(d("95")).At(d("90")).String()) // 90 × 95 / 100
}

func TestParseExceed(t *testing.T) {
	d := decimal.RequireFromString
	for in, want := range map[string]kpi.ExceedRule{
		"none":                         kpi.NoExceed(),
		"better than target":           kpi.ExceedWhenBetter(),
		"Strictly better  than target": kpi.ExceedWhenBetter(),
		"at 98":                        kpi.ExceedAt(kpi.Abs(d("98"))),
		"98":                           kpi.ExceedAt(kpi.Abs(d("98"))),
		"at target+2":                  kpi.ExceedAt(kpi.Offset(d("2"))),
	} {
		got, err := kpi.ParseExceed(in)
		require.NoError(t, err, in)
		assert.True(t, want.Equal(got), in)
		text, err := got.MarshalText()
		require.NoError(t, err)
		var back kpi.ExceedRule
		require.NoError(t, back.UnmarshalText(text))
		assert.True(t, got.Equal(back), string(text))
	}
	r, _ := kpi.ParseExceed("at 98")
	l, ok := r.Stretch()
	assert.True(t, ok)
	assert.Equal(t, "98", l.String())
	assert.False(t, r.WhenBetter())
	assert.True(t, kpi.ExceedWhenBetter().WhenBetter())
	_, err := kpi.ParseExceed("always")
	assert.ErrorContains(t, err, `kpi: cannot read "always" as an exceed rule`)
}

func TestParseDecimal(t *testing.T) {
	v, err := kpi.ParseDecimal(" 99.50 ")
	require.NoError(t, err)
	assert.Equal(t, int32(-2), v.Exponent()) // 99.50 keeps its places
	assert.Equal(t, "99.5", v.String())
	for in, want := range map[string]string{
		"95,8":  `cannot read "95,8" as a number: "95,8" has a comma: write a decimal point (95.8)`,
		"£5":    `"£5" is not a number`,
		"":      `there is no number`,
		"1.2.3": `"1.2.3" is not a number`,
	} {
		_, err := kpi.ParseDecimal(in)
		assert.ErrorContains(t, err, want, in)
	}
}

func TestLevelText(t *testing.T) {
	var l kpi.Level
	require.NoError(t, l.UnmarshalText([]byte("target-2 (exclusive)")))
	b, err := l.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "target-2 (exclusive)", string(b))
	assert.Error(t, l.UnmarshalText([]byte("x")))
	assert.True(t, kpi.Flat(decimal.NewFromInt(5)).IsFlat())
	assert.False(t, kpi.Profile{}.IsFlat())
}

// FuzzParseLevel checks that what ParseLevel reads, String writes back to
// the same level.
func FuzzParseLevel(f *testing.F) {
	for _, s := range []string{"87", "target", "target-2", "95% of target", "84.0 (exclusive)", "target + 0.5", "-3", "1,5", "not published"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := kpi.ParseLevel(s)
		if err != nil {
			return
		}
		back, err := kpi.ParseLevel(l.String())
		if err != nil || !back.Equal(l) {
			t.Fatalf("%q read as %+v, written %q, read back %+v (%v)", s, l, l.String(), back, err)
		}
	})
}
