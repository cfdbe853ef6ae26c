package regime_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// TestParsersReturnParseError checks the package doc's promise: every Parse
// function returns the one period.ParseError, naming what it read, the
// input and what it wants.
func TestParsersReturnParseError(t *testing.T) {
	errOf := func(_ any, err error) error { return err }
	tests := []struct {
		err      error
		what     string
		expected string
	}{
		{errOf(regime.ParseRounding("bankers")), "rounding", "half_up, half_even or down"},
		{errOf(regime.ParseRuleKind("streak")), "rule", "failures_in_window, consecutive, rolling_points or reached"},
		{errOf(regime.ParseReliefKind("waiver")), "kind of relief", "exclusion, mitigation, customer_cause or not_measurable"},
		{errOf(regime.ParseEarnBackMode("keep")), "earn-back mode", "hold or repay"},
		{errOf(regime.ParsePlanState("approved")), "plan state", "submitted, agreed, completed or closed"},
		{errOf(regime.ParseRestatementRule("later")), "restatement rule", "adjust_in_month_restated or restate_in_place"},
		{errOf(regime.ParsePartMonth("most")), "part_month", "majority or each_part"},
		{errOf(regime.ParseAmount("-£5")), "amount", "£500, 500, 5% or 5% of charges"},
	}
	for _, tc := range tests {
		t.Run(tc.what, func(t *testing.T) {
			var pe *period.ParseError
			require.ErrorAs(t, tc.err, &pe)
			assert.Equal(t, "regime", pe.Package)
			assert.Equal(t, tc.what, pe.What)
			assert.Equal(t, tc.expected, pe.Expected)
			assert.NotEmpty(t, pe.Input)
		})
	}
}
