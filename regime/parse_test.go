package regime_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/regime"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in      string
		value   string
		percent bool
		text    string
	}{
		{"£500", "500", false, "£500.00"},
		{"500", "500", false, "£500.00"},
		{"£4,210.50", "4210.5", false, "£4210.50"},
		{"5%", "5", true, "5% of charges"},
		{"12.5% of charges", "12.5", true, "12.5% of charges"},
	}
	for _, tc := range tests {
		a, err := regime.ParseAmount(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.value, a.Value.String(), tc.in)
		assert.Equal(t, tc.percent, a.PercentOfCharges, tc.in)
		b, err := a.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tc.text, string(b))
		var back regime.Amount
		require.NoError(t, back.UnmarshalText(b))
		assert.True(t, a.Equal(back))
	}
	// Each is the one ParseError, "regime: cannot read "x" as an amount:
	// <why> (want ...)"; the reasons keep their words, which the plain
	// errors said after the quoted input.
	for in, want := range map[string]string{
		"2,5%":         `regime: cannot read "2,5%" as an amount: kpi: cannot read "2,5%" as a value`,
		"5 of charges": `regime: cannot read "5 of charges" as an amount: a share of the charges is written as a percentage (5% of charges) (want £500, 500, 5% or 5% of charges)`,
		"< £500":       `regime: cannot read "< £500" as an amount: an amount is a sum of money or a percentage, without a comparison (want`,
		"3 days":       `regime: cannot read "3 days" as an amount: it is in days: want money (£500) or a percentage of the charges (5%) (want`,
	} {
		_, err := regime.ParseAmount(in)
		assert.ErrorContains(t, err, want, in)
	}
	var a regime.Amount
	assert.Error(t, a.UnmarshalText([]byte("lots")))
}

func TestParseRoundingAndRelief(t *testing.T) {
	for _, r := range []regime.Rounding{regime.HalfUp, regime.HalfEven, regime.Down} {
		got, err := regime.ParseRounding(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, got)
	}
	got, err := regime.ParseRounding("Half-Even")
	require.NoError(t, err)
	assert.Equal(t, regime.HalfEven, got)
	_, err = regime.ParseRounding("bankers")
	assert.EqualError(t, err, `regime: cannot read "bankers" as a rounding (want half_up, half_even or down)`)
	for _, k := range []regime.ReliefKind{regime.Exclusion, regime.Mitigation, regime.CustomerCause} {
		got, err := regime.ParseReliefKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	k, err := regime.ParseReliefKind("Customer cause")
	require.NoError(t, err)
	assert.Equal(t, regime.CustomerCause, k)
	_, err = regime.ParseReliefKind("waiver")
	assert.EqualError(t, err, `regime: cannot read "waiver" as a kind of relief (want exclusion, mitigation, customer_cause or not_measurable)`)
}

func TestParseRuleKind(t *testing.T) {
	for _, k := range []regime.RuleKind{regime.FailuresInWindow, regime.Consecutive, regime.RollingPoints, regime.Reached} {
		got, err := regime.ParseRuleKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	got, err := regime.ParseRuleKind("Rolling points")
	require.NoError(t, err)
	assert.Equal(t, regime.RollingPoints, got)
	assert.Equal(t, "RuleKind(9)", regime.RuleKind(9).String())
	_, err = regime.ParseRuleKind("streak")
	assert.EqualError(t, err, `regime: cannot read "streak" as a rule (want failures_in_window, consecutive, rolling_points or reached)`)
}

// TestParseAmountInPence: money is in pounds and pence. £0.001 was read and
// then written back as £0.00, a different amount (FuzzParseAmount found
// it); it is refused. A percentage keeps any places.
func TestParseAmountInPence(t *testing.T) {
	_, err := regime.ParseAmount("10000000000000000000000000000")
	if err == nil || !strings.Contains(err.Error(), "less than £1,000,000,000,000,000") {
		t.Errorf("ParseAmount of 10^28 = %v, want an error: with its pence it would not read back", err)
	}
	for _, s := range []string{"0.001", "£1.005", "£4,210.505"} {
		_, err := regime.ParseAmount(s)
		if err == nil || !strings.Contains(err.Error(), "with at most two decimal places") {
			t.Errorf("ParseAmount(%q) = %v, want an error about pence", s, err)
		}
	}
	for s, want := range map[string]string{"£1.50": "£1.50", "1.500": "£1.50", "5.125%": "5.125% of charges"} {
		a, err := regime.ParseAmount(s)
		if err != nil || a.String() != want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %s", s, a, err, want)
		}
	}
}

// TestShareOfSomethingElse: a share is of the charges; "5% of turnover" is
// said so, not that "% of turnover" is not a unit.
func TestShareOfSomethingElse(t *testing.T) {
	_, err := regime.ParseAmount("5% of turnover")
	if err == nil || err.Error() != `regime: cannot read "5% of turnover" as an amount: a share is of the charges (5% of charges), not "of turnover" (want £500, 500, 5% or 5% of charges)` {
		t.Errorf("ParseAmount(5%% of turnover) = %v", err)
	}
	if a, err := regime.ParseAmount("5% OF CHARGES"); err != nil || a.String() != "5% of charges" {
		t.Errorf("ParseAmount(5%% OF CHARGES) = %v, %v", a, err)
	}
}
