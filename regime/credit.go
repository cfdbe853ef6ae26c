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
// this interface, and [New] keeps such a rule as given, so it must not
// change after New. The package's own rules are [PointsCredit],
// [ShortfallCredit], [FixedCredit] and [AtRiskCredit], built by
// [NewPointsCredit], [NewShortfallCredit], [NewFixedCredit] and
// [NewAtRiskCredit]: their fields are unexported, the constructors copy
// the maps and slices they are given and the accessors hand out copies,
// so nothing a caller holds can change a rule after New.
type CreditRule interface {
	// KPIs lists the references the rule names, for validation; nil when
	// it applies to every KPI.
	KPIs() []string
	// Validate reports a problem with the rule's own settings: the
	// package's rules report [*kpi.FieldError] values whose paths ([New] puts
	// them under credits[i]) name the setting, as a contract file does
	// (rate, per_status[met], allocation[AV-1]).
	Validate() error
	// Credit returns the credit, before rounding and caps, for one row in a
	// period with the given charges. Relieved rows are never passed.
	Credit(row CreditInput, charges decimal.Decimal) (decimal.Decimal, error)
	// String describes the rule for reports.
	String() string
}

// cloneCredit returns c, or the rule c points to where c is a pointer to
// one of the package's rules (made a value, so that the pointer held by
// the caller changes nothing; a nil pointer is a nil rule). The package's
// rules share nothing a caller can change; any other rule is kept as
// given: its own type decides what it shares.
func cloneCredit(c CreditRule) CreditRule {
	switch c := c.(type) {
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

// derefCredit is the rule p points to, or nil.
func derefCredit[T CreditRule](p *T) CreditRule {
	if p == nil {
		return nil
	}
	return *p
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

// ruleError makes a problem with a rule's setting at path a
// [*kpi.FieldError].
func ruleError(path, format string, args ...any) error {
	return &kpi.FieldError{Path: path, Msg: fmt.Sprintf(format, args...)}
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

// PointsCredit converts service points into credit: each point is a rate
// percent of the period's charges (UK Model Services Contract style). Build
// one with [NewPointsCredit].
type PointsCredit struct {
	rate decimal.Decimal
}

// NewPointsCredit is the rule that makes each service point rate percent
// of the period's charges. [New] refuses a rate that is not positive.
func NewPointsCredit(rate decimal.Decimal) PointsCredit { return PointsCredit{rate: rate} }

// Rate returns the percent of the charges each point is worth.
func (c PointsCredit) Rate() decimal.Decimal { return c.rate }

// KPIs implements [CreditRule]: every KPI.
func (PointsCredit) KPIs() []string { return nil }

// Validate implements [CreditRule].
func (c PointsCredit) Validate() error {
	if !c.rate.IsPositive() {
		return ruleError("rate", "points credit: the rate per point must be positive, not %s", c.rate)
	}
	return nil
}

// Credit implements [CreditRule]: points × rate% × charges.
func (c PointsCredit) Credit(row CreditInput, charges decimal.Decimal) (decimal.Decimal, error) {
	if row.Points.IsZero() {
		return decimal.Zero, nil
	}
	return row.Points.Mul(c.rate).Mul(charges).Shift(-2), nil
}

// String implements [CreditRule].
func (c PointsCredit) String() string {
	return fmt.Sprintf("%s%% of charges per service point", c.rate)
}

// ShortfallCredit is max(0, required% − actual%) of the period's charges
// (Crown Commercial Service style): 98% required and 75% achieved is 23% of
// the charges. The required level is the KPI's target for the period. It
// applies to the percent KPIs it names. Build one with
// [NewShortfallCredit].
type ShortfallCredit struct {
	kpis []string // never modified after NewShortfallCredit
}

// NewShortfallCredit is the shortfall rule for the KPIs with references
// kpis (a contract file's kpis). [New] refuses a rule that names none.
func NewShortfallCredit(kpis ...string) ShortfallCredit {
	return ShortfallCredit{kpis: slices.Clone(kpis)}
}

// KPIs implements [CreditRule]: a copy of the references the rule applies
// to.
func (c ShortfallCredit) KPIs() []string { return slices.Clone(c.kpis) }

// Validate implements [CreditRule].
func (c ShortfallCredit) Validate() error {
	if len(c.kpis) == 0 {
		return ruleError("kpis", "shortfall credit: name the KPIs it applies to")
	}
	return nil
}

// Credit implements [CreditRule].
func (c ShortfallCredit) Credit(row CreditInput, charges decimal.Decimal) (decimal.Decimal, error) {
	if !slices.Contains(c.kpis, row.KPI) {
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
	return fmt.Sprintf("shortfall below the target as a percentage of charges, for %s", strings.Join(c.kpis, ", "))
}

// FixedCredit is a fixed amount for a KPI's result: per status of the row
// (a deemed failure is a failure), and per failure for a
// volume-of-failures KPI (the figure times the amount per failure). Build
// one with [NewFixedCredit].
type FixedCredit struct {
	kpi        string
	perStatus  map[kpi.Status]decimal.Decimal // never modified after NewFixedCredit
	perFailure decimal.Decimal
}

// NewFixedCredit is the fixed credit for the KPI with reference ref: the
// amount perStatus gives for the row's status, plus perFailure times the
// figure (zero for none). It copies perStatus. [New] refuses a negative
// amount, or one for a status that is not a performance status.
func NewFixedCredit(ref string, perStatus map[kpi.Status]decimal.Decimal, perFailure decimal.Decimal) FixedCredit {
	return FixedCredit{kpi: ref, perStatus: maps.Clone(perStatus), perFailure: perFailure}
}

// KPI returns the reference of the KPI the rule applies to.
func (c FixedCredit) KPI() string { return c.kpi }

// PerStatus returns a copy of the amounts by status.
func (c FixedCredit) PerStatus() map[kpi.Status]decimal.Decimal { return maps.Clone(c.perStatus) }

// PerFailure returns the amount per failure counted, or zero.
func (c FixedCredit) PerFailure() decimal.Decimal { return c.perFailure }

// KPIs implements [CreditRule].
func (c FixedCredit) KPIs() []string { return []string{c.kpi} }

// Validate implements [CreditRule].
func (c FixedCredit) Validate() error {
	var errs []error
	for _, st := range slices.Sorted(maps.Keys(c.perStatus)) {
		path := "per_status[" + st.String() + "]"
		if !st.IsPerformance() {
			errs = append(errs, ruleError(path, "fixed credit: %s is not a performance status", st))
		}
		if c.perStatus[st].IsNegative() {
			errs = append(errs, ruleError(path, "fixed credit: a negative amount for %s", st))
		}
	}
	if c.perFailure.IsNegative() {
		errs = append(errs, ruleError("per_failure", "fixed credit: a negative amount per failure"))
	}
	return errors.Join(errs...)
}

// Credit implements [CreditRule].
func (c FixedCredit) Credit(row CreditInput, _ decimal.Decimal) (decimal.Decimal, error) {
	if row.KPI != c.kpi {
		return decimal.Zero, nil
	}
	out := c.perStatus[row.Status]
	if out.IsZero() {
		out = decimal.Zero
	}
	if !c.perFailure.IsZero() {
		if v, ok := row.Result.Actual(); ok {
			out = out.Add(c.perFailure.Mul(v))
		}
	}
	return out, nil
}

// String implements [CreditRule].
func (c FixedCredit) String() string {
	keys := slices.Sorted(maps.Keys(c.perStatus))
	parts := make([]string, 0, len(keys)+1)
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("£%s when %s", c.perStatus[k].StringFixed(2), k))
	}
	if !c.perFailure.IsZero() {
		parts = append(parts, fmt.Sprintf("£%s per failure", c.perFailure.StringFixed(2)))
	}
	return fmt.Sprintf("fixed credit for %s: %s", c.kpi, strings.Join(parts, ", "))
}

// AtRiskCredit shares an amount at risk across KPIs by allocation
// percentages: a KPI that fails in a period forfeits its share of the pool.
// Build one with [NewAtRiskCredit].
type AtRiskCredit struct {
	pool       Amount
	allocation map[string]decimal.Decimal // percent of the pool, by KPI; never modified after NewAtRiskCredit
}

// NewAtRiskCredit is the at-risk rule sharing pool among the KPIs of
// allocation, each its percent of the pool. It copies allocation. [New]
// refuses an allocation that is not positive, allocations adding up to
// more than 100%, and a negative pool.
func NewAtRiskCredit(pool Amount, allocation map[string]decimal.Decimal) AtRiskCredit {
	return AtRiskCredit{pool: pool, allocation: maps.Clone(allocation)}
}

// Pool returns the amount at risk.
func (c AtRiskCredit) Pool() Amount { return c.pool }

// Allocation returns a copy of each KPI's percent of the pool.
func (c AtRiskCredit) Allocation() map[string]decimal.Decimal { return maps.Clone(c.allocation) }

// KPIs implements [CreditRule].
func (c AtRiskCredit) KPIs() []string { return slices.Sorted(maps.Keys(c.allocation)) }

// Validate implements [CreditRule]: allocations are positive and add up to
// at most 100%.
func (c AtRiskCredit) Validate() error {
	total := decimal.Zero
	var errs []error
	for _, ref := range c.KPIs() {
		a := c.allocation[ref]
		if !a.IsPositive() {
			errs = append(errs, ruleError("allocation["+ref+"]", "at-risk credit: the allocation for %s must be positive", ref))
		}
		total = total.Add(a)
	}
	if total.GreaterThan(decimal.NewFromInt(100)) {
		errs = append(errs, ruleError("allocation", "at-risk credit: allocations add up to %s%%, more than 100%%", total))
	}
	if c.pool.Value.IsNegative() {
		errs = append(errs, ruleError("pool", "at-risk credit: a negative pool"))
	}
	return errors.Join(errs...)
}

// Credit implements [CreditRule].
func (c AtRiskCredit) Credit(row CreditInput, charges decimal.Decimal) (decimal.Decimal, error) {
	a, ok := c.allocation[row.KPI]
	if !ok || !row.Failing {
		return decimal.Zero, nil
	}
	return c.pool.Of(charges).Mul(a).Shift(-2), nil
}

// String implements [CreditRule].
func (c AtRiskCredit) String() string {
	keys := c.KPIs()
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %s%%", k, c.allocation[k])
	}
	return fmt.Sprintf("at risk: %s, allocated %s", c.pool, strings.Join(parts, ", "))
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

// Equal reports whether c and o are the same rule.
func (c PointsCredit) Equal(o PointsCredit) bool { return c.rate.Equal(o.rate) }

// Equal reports whether c and o are the same rule: the same KPIs in the
// same order.
func (c ShortfallCredit) Equal(o ShortfallCredit) bool { return slices.Equal(c.kpis, o.kpis) }

// Equal reports whether c and o are the same rule.
func (c FixedCredit) Equal(o FixedCredit) bool {
	return c.kpi == o.kpi && c.perFailure.Equal(o.perFailure) && maps.EqualFunc(c.perStatus, o.perStatus, decimal.Decimal.Equal)
}

// Equal reports whether c and o are the same rule.
func (c AtRiskCredit) Equal(o AtRiskCredit) bool {
	return c.pool.Equal(o.pool) && maps.EqualFunc(c.allocation, o.allocation, decimal.Decimal.Equal)
}
