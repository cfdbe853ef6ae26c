package contract_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/ukholiday"
	"github.com/kpiregime/kpiregime/regime"
)

// TestErrorsIs checks every documented errors.Is promise: one ErrInvalid,
// kpi's, which regime's and contract's are, wrapped by a validation error
// of any layer and by every problem Decode reports.
func TestErrorsIs(t *testing.T) {
	_, kpiErr := kpi.New(kpi.Spec{})
	_, regimeErr := regime.New(regime.Spec{})
	_, contractErr := contract.New(contract.Spec{})
	_, decodeErr := contract.Decode(strings.NewReader("id: X\n"), "c.yaml", contract.YAML)
	_, binaryErr := contract.Decode(strings.NewReader("\x00"), "c.yaml", contract.YAML)
	_, portfolioErr := contract.NewPortfolio(nil)
	_, bandsErr := kpi.NewBands()
	c, err := contract.ReadFile("testdata/bad/contract.yaml")
	require.NoError(t, err)
	_, obsErr := contract.ReadObservations(strings.NewReader("kpi,period\nX,2016-04\n"), "a.csv", c)
	_, emptyObsErr := contract.ReadObservations(strings.NewReader(""), "a.csv", c)
	_, plansErr := contract.ReadPlanUpdates(strings.NewReader(""), "log.csv", c)
	tests := []struct {
		name   string
		err    error
		target error
	}{
		{"kpi.New is kpi.ErrInvalid", kpiErr, kpi.ErrInvalid},
		{"kpi.New is regime.ErrInvalid", kpiErr, regime.ErrInvalid},
		{"kpi.New is contract.ErrInvalid", kpiErr, contract.ErrInvalid},
		{"regime.New is regime.ErrInvalid", regimeErr, regime.ErrInvalid},
		{"regime.New is kpi.ErrInvalid", regimeErr, kpi.ErrInvalid},
		{"contract.New is contract.ErrInvalid", contractErr, contract.ErrInvalid},
		{"contract.New is kpi.ErrInvalid", contractErr, kpi.ErrInvalid},
		{"Decode is contract.ErrInvalid", decodeErr, contract.ErrInvalid},
		{"Decode is kpi.ErrInvalid", decodeErr, kpi.ErrInvalid},
		{"Decode of a binary file is contract.ErrInvalid", binaryErr, contract.ErrInvalid},
		{"NewPortfolio is contract.ErrInvalid", portfolioErr, contract.ErrInvalid},
		{"kpi.NewBands is kpi.ErrInvalid", bandsErr, kpi.ErrInvalid},
		{"ReadObservations is contract.ErrInvalid", obsErr, contract.ErrInvalid},
		{"ReadObservations of an empty file is contract.ErrInvalid", emptyObsErr, contract.ErrInvalid},
		{"ReadPlanUpdates is kpi.ErrInvalid", plansErr, kpi.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Error(t, tc.err)
			assert.True(t, errors.Is(tc.err, tc.target), "%v", tc.err)
		})
	}
}

// TestDecodeMessageHasNoSentinelWord checks that wrapping ErrInvalid adds
// nothing to what Decode says: one problem a line, as before.
func TestDecodeMessageHasNoSentinelWord(t *testing.T) {
	_, err := contract.Decode(strings.NewReader("id: X\n"), "c.yaml", contract.YAML)
	assert.Equal(t, "c.yaml:1: start: a contract needs its start date (YYYY-MM-DD)\nc.yaml:1: regimes: a contract needs at least one regime", err.Error())
}

// TestErrorsAs checks every documented errors.As promise: one ParseError,
// period's, which kpi's is, for text any layer could not read; one
// FieldError, kpi's, which contract's is, in the validation errors of
// kpi, regime and contract.
func TestErrorsAs(t *testing.T) {
	_, dateErr := period.ParseDate("2016-13-01")
	_, unitErr := kpi.ParseUnit("complaints")
	_, ruleErr := regime.ParseRuleKind("streak")
	_, amountErr := regime.ParseAmount("5 of charges")
	_, divisionErr := ukholiday.ParseDivision("wales")
	_, kpiErr := kpi.New(kpi.Spec{})
	_, regimeErr := regime.New(regime.Spec{})
	_, contractErr := contract.New(contract.Spec{})
	_, portfolioErr := contract.NewPortfolio(nil)
	_, bandsErr := kpi.NewBands()
	tests := []struct {
		name string
		err  error
		as   func(error) bool
	}{
		{"period.ParseDate as *period.ParseError", dateErr, as[*period.ParseError]},
		{"period.ParseDate as *period.ParseError", dateErr, as[*period.ParseError]},
		{"kpi.ParseUnit as *period.ParseError", unitErr, as[*period.ParseError]},
		{"kpi.ParseUnit as *period.ParseError", unitErr, as[*period.ParseError]},
		{"regime.ParseRuleKind as *period.ParseError", ruleErr, as[*period.ParseError]},
		{"regime.ParseAmount as *period.ParseError", amountErr, as[*period.ParseError]},
		{"ukholiday.ParseDivision as *period.ParseError", divisionErr, as[*period.ParseError]},
		{"kpi.New as *kpi.FieldError", kpiErr, as[*kpi.FieldError]},
		{"regime.New as *kpi.FieldError", regimeErr, as[*kpi.FieldError]},
		{"contract.New as *kpi.FieldError", contractErr, as[*kpi.FieldError]},
		{"contract.New as *kpi.FieldError", contractErr, as[*kpi.FieldError]},
		{"NewPortfolio as *kpi.FieldError", portfolioErr, as[*kpi.FieldError]},
		{"kpi.NewBands as *kpi.FieldError", bandsErr, as[*kpi.FieldError]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Error(t, tc.err)
			assert.True(t, tc.as(tc.err), "%T: %v", tc.err, tc.err)
		})
	}
}

// as reports whether errors.As finds a T in err.
func as[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}

// TestParseErrorMessages checks that one ParseError kept each package's
// words: period "cannot parse", the others "cannot read", with an article
// that fits the noun.
func TestParseErrorMessages(t *testing.T) {
	_, dateErr := period.ParseDate("2016-13-01")
	_, unitErr := kpi.ParseUnit("complaints")
	_, aggErr := kpi.ParseAggregation("average")
	assert.Equal(t, `period: cannot parse "2016-13-01" as a date: out of range: month 13 is outside 1 to 12 (want a date written YYYY-MM-DD, such as 2016-04-01)`, dateErr.Error())
	assert.Equal(t, `kpi: cannot read "complaints" as a unit (want percent, days, hours, minutes, seconds, count, failures, rating, money, number)`, unitErr.Error())
	assert.Contains(t, aggErr.Error(), `kpi: cannot read "average" as an aggregation (want `)
	// The regime and ukholiday parsers said `unknown rule "streak" (want
	// ...)` in plain fmt errors; as ParseErrors they say what kpi's say,
	// keeping the noun and what they want, and so does a contract file.
	_, ruleErr := regime.ParseRuleKind("streak")
	_, divisionErr := ukholiday.ParseDivision("wales")
	assert.Equal(t, `regime: cannot read "streak" as a rule (want failures_in_window, consecutive, rolling_points or reached)`, ruleErr.Error())
	assert.Equal(t, `ukholiday: cannot read "wales" as a division (want england-and-wales, scotland or northern-ireland)`, divisionErr.Error())
	// Package is text, not a format: a per cent sign in it stays as it is.
	assert.Equal(t, `x%d: cannot read "u" as a unit (want e)`, (&period.ParseError{Package: "x%d", What: "unit", Input: "u", Expected: "e"}).Error())
}

// TestFieldErrorFields checks that a FieldError found with errors.As gives
// its path and message as fields.
func TestFieldErrorFields(t *testing.T) {
	_, err := regime.New(regime.Spec{})
	var fe *kpi.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, kpi.FieldError{Path: "name", Msg: "a regime needs a name"}, *fe)
	assert.Equal(t, "name: a regime needs a name", fe.Error())
	assert.Equal(t, "no path", (&kpi.FieldError{Msg: "no path"}).Error())
}

// TestLineErrorPath checks that a problem in a contract file names its
// field in Path, leaving Column to the columns of CSV files, and prints as
// before: file:line: path: message.
func TestLineErrorPath(t *testing.T) {
	_, err := contract.Decode(strings.NewReader("id: X\n"), "c.yaml", contract.YAML)
	var le *contract.LineError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, contract.LineError{File: "c.yaml", Line: 1, Path: "start", Msg: "a contract needs its start date (YYYY-MM-DD)"}, *le)
	assert.Equal(t, "c.yaml:1: start: a contract needs its start date (YYYY-MM-DD)", le.Error())
	assert.Equal(t, "a.csv:3: value: bad", (&contract.LineError{File: "a.csv", Line: 3, Column: "value", Msg: "bad"}).Error())
	assert.Equal(t, "c.yaml:2: warning: regimes[0].kpis[0].target: low", contract.Warning{File: "c.yaml", Line: 2, Path: "regimes[0].kpis[0].target", Msg: "low"}.String())
}

// TestReadErrorIsNotInvalid checks that an error reading a file, not what
// it says, does not match ErrInvalid.
func TestReadErrorIsNotInvalid(t *testing.T) {
	_, err := contract.ReadFile("testdata/no such file.yaml")
	assert.Error(t, err)
	assert.False(t, errors.Is(err, contract.ErrInvalid), "%v", err)
}
