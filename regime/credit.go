package regime

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/internal/problems"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// A CreditRule works out the service credit one KPI's result earns in a
// period. Rules are pluggable: a contract with its own formula implements
// this interface. The package's rules are [PointsCredit], [ShortfallCredit],
// [FixedCredit] and [AtRiskCredit]: [New] copies them, maps and slices too,
// so that editing a rule after New changes nothing, and [Regime.Spec] hands
// out copies. A rule of another type is kept as given, and must not change
// after New.
type CreditRule interface {
	// KPIs lists the references the rule names, for validation; nil when
	// it applies to every KPI.
	KPIs() []string
	// Validate reports a problem with the rule's own settings.
	Validate() error
	// Credit returns the credit, before rounding and caps, for one row in a
	// period with the given charges. Relieved rows are never passed.
	Credit(row CreditInput, charges decimal.Decimal) (decimal.Decimal, error)
	// String describes the rule for reports.
	String() string
}

// cloneCredit returns c sharing nothing with it where c is one of the
// package's rules, or a pointer to one (made a value, so that the pointer
// held by the caller changes nothing; a nil pointer is a nil rule). Any
// other rule is kept as given: its own type decides what it shares.
func cloneCredit(c CreditRule) CreditRule {
	switch c := c.(type) {
	case FixedCredit:
		c.PerStatus = maps.Clone(c.PerStatus)
		return c
	case ShortfallCredit:
		c.Indicators = slices.Clone(c.Indicators)
		return c
	case AtRiskCredit:
		c.Allocation = maps.Clone(c.Allocation)
		return c
	case *PointsCredit:
		return derefCredit(c)
	case *FixedCredit:
		return derefCredit(c)
	case *ShortfallCredit:
		return derefCredit(c)
	case *AtRiskCredit:
		return derefCredit(c)
	}
	return c
}

// derefCredit is [cloneCredit] of the rule p points to, or nil.
func derefCredit[T CreditRule](p *T) CreditRule {
	if p == nil {
		return nil
	}
	return cloneCredit(*p)
}

// cloneCredits is [cloneCredit] of each rule, in a new slice.
func cloneCredits(cs []CreditRule) []CreditRule {
	if cs == nil {
		return nil
	}
	out := make([]CreditRule, len(cs))
	for i, c := range cs {
		out[i] = cloneCredit(c)
	}
	return out
}

// CreditInput is what a credit rule sees of a row: the row's own status,
// after deeming and relief, and the result of the figure behind it.
type CreditInput struct {
	KPI    string
	Period period.Period // the measurement period
	// Status is the row's status: a missing figure deemed a failure is
	// failed here, whatever Result says.
	Status kpi.Status
	Deemed bool
	// Result is the evaluation of the figure reported; for a deemed row it
	// has no figure.
	Result  kpi.Result
	Points  decimal.Decimal // after any repeat multiplier
	Failing bool            // the status counts as a failure in this regime
}

// An Amount is money, in the regime's currency ([Spec.Currency]), or a
// percentage of the period's charges.
type Amount struct {
	Value            decimal.Decimal
	PercentOfCharges bool
}

// Pounds is an absolute amount: money in the regime's currency, pounds
// unless it says otherwise.
func Pounds(v decimal.Decimal) Amount { return Amount{Value: v} }

// PercentOfCharges is p percent of the period's charges.
func PercentOfCharges(p decimal.Decimal) Amount { return Amount{Value: p, PercentOfCharges: true} }

// IsZero reports whether a is no amount at all.
func (a Amount) IsZero() bool { return a.Value.IsZero() && !a.PercentOfCharges }

// Of returns the amount in money for a period with the given charges.
func (a Amount) Of(charges decimal.Decimal) decimal.Decimal {
	if a.PercentOfCharges {
		return charges.Mul(a.Value).Shift(-2)
	}
	return a.Value
}

// String describes the amount, money in pounds: "£500.00", "5% of
// charges". [Amount.Format] writes money in another currency.
func (a Amount) String() string { return a.Format(GBP) }

// Format describes the amount with money in currency c, as
// [ParseAmountIn] reads it: "£500.00" for GBP, "€500.00" for EUR,
// "USD 500.00" for a currency with no symbol ([Currency.Symbol]), and
// "5% of charges" in any.
func (a Amount) Format(c Currency) string {
	switch {
	case a.PercentOfCharges:
		return a.Value.String() + "% of charges"
	case c.Symbol() != "":
		return c.Symbol() + a.Value.StringFixed(2)
	}
	return c.Code() + " " + a.Value.StringFixed(2)
}

// PointsCredit converts service points into credit: each point is Rate
// percent of the period's charges (UK Model Services Contract style).
type PointsCredit struct {
	Rate decimal.Decimal
}

// KPIs implements [CreditRule]: every KPI.
func (PointsCredit) KPIs() []string { return nil }

// Validate implements [CreditRule].
func (c PointsCredit) Validate() error {
	if !c.Rate.IsPositive() {
		return fmt.Errorf("points credit: the rate per point must be positive, not %s", c.Rate)
	}
	return nil
}

// Credit implements [CreditRule]: points × rate% × charges.
func (c PointsCredit) Credit(row CreditInput, charges decimal.Decimal) (decimal.Decimal, error) {
	if row.Points.IsZero() {
		return decimal.Zero, nil
	}
	return row.Points.Mul(c.Rate).Mul(charges).Shift(-2), nil
}

// String implements [CreditRule].
func (c PointsCredit) String() string {
	return fmt.Sprintf("%s%% of charges per service point", c.Rate)
}

// ShortfallCredit is max(0, required% − actual%) of the period's charges
// (Crown Commercial Service style): 98% required and 75% achieved is 23% of
// the charges. The required level is the KPI's target for the period. It
// applies to the percent KPIs it names.
type ShortfallCredit struct {
	Indicators []string
}

// KPIs implements [CreditRule].
func (c ShortfallCredit) KPIs() []string { return c.Indicators }

// Validate implements [CreditRule].
func (c ShortfallCredit) Validate() error {
	if len(c.Indicators) == 0 {
		return errors.New("shortfall credit: name the KPIs it applies to")
	}
	return nil
}

// Credit implements [CreditRule].
func (c ShortfallCredit) Credit(row CreditInput, charges decimal.Decimal) (decimal.Decimal, error) {
	if !slices.Contains(c.Indicators, row.KPI) {
		return decimal.Zero, nil
	}
	short, ok := row.Result.Margin()
	if !ok || !short.IsNegative() {
		return decimal.Zero, nil
	}
	return charges.Mul(short.Neg()).Shift(-2), nil
}

// String implements [CreditRule].
func (c ShortfallCredit) String() string {
	return fmt.Sprintf("shortfall below the target as a percentage of charges, for %s", strings.Join(c.Indicators, ", "))
}

// FixedCredit is a fixed amount for a KPI's result: per status of the row
// (a deemed failure is a failure), and per failure for a
// volume-of-failures KPI (the figure times PerFailure).
type FixedCredit struct {
	KPI        string
	PerStatus  map[kpi.Status]decimal.Decimal
	PerFailure decimal.Decimal
}

// KPIs implements [CreditRule].
func (c FixedCredit) KPIs() []string { return []string{c.KPI} }

// Validate implements [CreditRule].
func (c FixedCredit) Validate() error {
	var errs []error
	for st, v := range c.PerStatus {
		if !st.IsPerformance() {
			errs = append(errs, fmt.Errorf("fixed credit: %s is not a performance status", st))
		}
		if v.IsNegative() {
			errs = append(errs, fmt.Errorf("fixed credit: a negative amount for %s", st))
		}
	}
	if c.PerFailure.IsNegative() {
		errs = append(errs, errors.New("fixed credit: a negative amount per failure"))
	}
	return errors.Join(errs...)
}

// Credit implements [CreditRule].
func (c FixedCredit) Credit(row CreditInput, _ decimal.Decimal) (decimal.Decimal, error) {
	if row.KPI != c.KPI {
		return decimal.Zero, nil
	}
	out := c.PerStatus[row.Status]
	if out.IsZero() {
		out = decimal.Zero
	}
	if !c.PerFailure.IsZero() {
		if v, ok := row.Result.Actual(); ok {
			out = out.Add(c.PerFailure.Mul(v))
		}
	}
	return out, nil
}

// String implements [CreditRule].
func (c FixedCredit) String() string {
	keys := slices.Sorted(maps.Keys(c.PerStatus))
	parts := make([]string, 0, len(keys)+1)
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("£%s when %s", c.PerStatus[k].StringFixed(2), k))
	}
	if !c.PerFailure.IsZero() {
		parts = append(parts, fmt.Sprintf("£%s per failure", c.PerFailure.StringFixed(2)))
	}
	return fmt.Sprintf("fixed credit for %s: %s", c.KPI, strings.Join(parts, ", "))
}

// AtRiskCredit shares an amount at risk across KPIs by allocation
// percentages: a KPI that fails in a period forfeits its share of the pool.
type AtRiskCredit struct {
	Pool       Amount
	Allocation map[string]decimal.Decimal // percent of the pool, by KPI
}

// KPIs implements [CreditRule].
func (c AtRiskCredit) KPIs() []string { return slices.Sorted(maps.Keys(c.Allocation)) }

// Validate implements [CreditRule]: allocations are positive and add up to
// at most 100%.
func (c AtRiskCredit) Validate() error {
	total := decimal.Zero
	var errs []error
	for _, ref := range c.KPIs() {
		a := c.Allocation[ref]
		if !a.IsPositive() {
			errs = append(errs, fmt.Errorf("at-risk credit: the allocation for %s must be positive", ref))
		}
		total = total.Add(a)
	}
	if total.GreaterThan(decimal.NewFromInt(100)) {
		errs = append(errs, fmt.Errorf("at-risk credit: allocations add up to %s%%, more than 100%%", total))
	}
	if c.Pool.Value.IsNegative() {
		errs = append(errs, errors.New("at-risk credit: a negative pool"))
	}
	return errors.Join(errs...)
}

// Credit implements [CreditRule].
func (c AtRiskCredit) Credit(row CreditInput, charges decimal.Decimal) (decimal.Decimal, error) {
	a, ok := c.Allocation[row.KPI]
	if !ok || !row.Failing {
		return decimal.Zero, nil
	}
	return c.Pool.Of(charges).Mul(a).Shift(-2), nil
}

// String implements [CreditRule].
func (c AtRiskCredit) String() string {
	keys := c.KPIs()
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %s%%", k, c.Allocation[k])
	}
	return fmt.Sprintf("at risk: %s, allocated %s", c.Pool, strings.Join(parts, ", "))
}

// Caps limit credits: at most PerPeriod in any one period, and at most
// Rolling over any Window consecutive periods (12 if zero). A zero Amount is
// no cap. Points are never capped, so they still count toward escalation.
type Caps struct {
	PerPeriod Amount
	Rolling   Amount
	Window    int
}

func (c Caps) validate() []error {
	var errs []error
	if c.PerPeriod.Value.IsNegative() {
		errs = append(errs, &kpi.FieldError{Path: "caps.per_period", Msg: "a negative cap"})
	}
	if c.Rolling.Value.IsNegative() {
		errs = append(errs, &kpi.FieldError{Path: "caps.rolling", Msg: "a negative cap"})
	}
	if c.Window < 0 {
		errs = append(errs, &kpi.FieldError{Path: "caps.window", Msg: "a negative window"})
	}
	return errs
}

func (c Caps) equal(o Caps) bool {
	return c.PerPeriod.Equal(o.PerPeriod) && c.Rolling.Equal(o.Rolling) && c.window() == o.window()
}

// Equal reports whether a and b are the same amount.
func (a Amount) Equal(b Amount) bool {
	return a.Value.Equal(b.Value) && a.PercentOfCharges == b.PercentOfCharges
}

func (c Caps) window() int {
	if c.Window == 0 {
		return 12
	}
	return c.Window
}

// Rounding is how money is rounded to pence.
type Rounding uint8

// The rounding rules. The zero Rounding is HalfUp.
const (
	HalfUp   Rounding = iota // half a penny rounds away from zero
	HalfEven                 // half a penny rounds to the even penny (banker's)
	Down                     // fractions of a penny are dropped
)

// Pence rounds money to pence by the rule.
func (r Rounding) Pence(v decimal.Decimal) decimal.Decimal {
	switch r {
	case HalfEven:
		return v.RoundBank(2)
	case Down:
		return v.RoundDown(2)
	}
	return v.Round(2)
}

// String returns half_up, half_even or down.
func (r Rounding) String() string {
	switch r {
	case HalfEven:
		return "half_even"
	case Down:
		return "down"
	}
	return "half_up"
}

// ParseRounding reads half_up, half_even or down (spaces and hyphens may
// stand for the underscore).
func ParseRounding(s string) (Rounding, error) {
	norm := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	for _, r := range []Rounding{HalfUp, HalfEven, Down} {
		if norm == r.String() {
			return r, nil
		}
	}
	return 0, parseError("rounding", s, "half_up, half_even or down")
}

// ParseAmount reads an amount as [Amount.String] writes it: money ("£500",
// "£4,210.50" or a bare 500) or a percentage of the period's charges ("5%",
// "5% of charges"). A decimal comma ("2,5%") is an error, as is money
// below a penny (£0.001): each a [*period.ParseError] whose Err says why.
func ParseAmount(s string) (Amount, error) {
	text := strings.TrimSpace(s)
	// The suffix is matched on text itself: lowering invalid UTF-8 changes
	// its length, so an index into the lowered text is not one into text.
	const suffix = "of charges"
	if n := len(text) - len(suffix); n >= 0 && strings.EqualFold(text[n:], suffix) {
		text = strings.TrimSpace(text[:n])
		if !strings.HasSuffix(text, "%") {
			return Amount{}, amountError(s, errors.New("a share of the charges is written as a percentage (5% of charges)"))
		}
	}
	if pct, rest, ok := strings.Cut(text, "%"); ok && strings.HasPrefix(strings.ToLower(strings.TrimSpace(rest)), "of ") {
		// A share of something else: "5% of turnover".
		return Amount{}, amountError(s, fmt.Errorf("a share is of the charges (%s%% of charges), not %s", strings.TrimSpace(pct), problems.Quote(strings.TrimSpace(rest))))
	}
	w, err := kpi.ParseWritten(text)
	if err != nil {
		return Amount{}, amountError(s, err)
	}
	if w.Comparison != kpi.Unstated {
		return Amount{}, amountError(s, errors.New("an amount is a sum of money or a percentage, without a comparison"))
	}
	if w.Value.IsNegative() {
		return Amount{}, amountError(s, errors.New("an amount cannot be negative"))
	}
	switch w.Unit {
	case kpi.Percent:
		return PercentOfCharges(w.Value), nil
	case 0, kpi.Money:
		if w.Value.Exponent() < -2 && !w.Value.Equal(w.Value.Truncate(2)) {
			return Amount{}, amountError(s, errors.New("an amount of money is in pounds and pence, with at most two decimal places"))
		}
		if w.Value.Cmp(maxMoney) >= 0 {
			return Amount{}, amountError(s, errors.New("an amount of money is less than £1,000,000,000,000,000, far more than any contract's charges"))
		}
		return Pounds(w.Value), nil
	}
	return Amount{}, amountError(s, fmt.Errorf("it is in %s: want money (£500) or a percentage of the charges (5%%)", w.Unit))
}

// ParseAmountIn reads an amount in a regime whose money is in currency c,
// as [Amount.Format] writes it: for GBP as [ParseAmount]; for another, its
// money bare (500), after the currency's symbol (€500) or after its code
// (USD 500), and never in pounds (£500 is an error, as is another
// currency's code).
func ParseAmountIn(s string, c Currency) (Amount, error) {
	if c == GBP {
		return ParseAmount(s)
	}
	text := strings.TrimSpace(s)
	if strings.Contains(text, "£") {
		return Amount{}, amountError(s, fmt.Errorf("the money is in %s, not in pounds", c))
	}
	if sym := c.Symbol(); sym != "" && strings.HasPrefix(text, sym) {
		text = text[len(sym):]
	} else if len(text) >= 3 && strings.EqualFold(text[:3], c.Code()) {
		text = strings.TrimSpace(text[3:])
	}
	a, err := ParseAmount(text)
	if err != nil {
		var pe *period.ParseError
		if errors.As(err, &pe) {
			pe.Input = s
		}
		return Amount{}, err
	}
	return a, nil
}

// amountError reports s, which is not an amount, for cause: the one
// [period.ParseError], whose Expected says how amounts are written.
func amountError(s string, cause error) error {
	return &period.ParseError{Package: "regime", What: "amount", Input: s, Expected: "£500, 500, 5% or 5% of charges", Err: cause}
}

// maxMoney bounds an amount of money, so that it is always written, with its
// pence, in digits the parsers read back.
var maxMoney = decimal.New(1, 15)

// MarshalText implements [encoding.TextMarshaler] with [Amount.String].
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseAmount].
func (a *Amount) UnmarshalText(b []byte) error {
	v, err := ParseAmount(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
