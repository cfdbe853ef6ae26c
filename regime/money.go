package regime

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"

	"github.com/kpiregime/kpiregime/period"
)

// A Currency is the currency a regime's money is in, by its ISO 4217 code.
// The zero Currency is GBP, the pound sterling, so that a Spec that states
// none is in pounds; [ParseCurrency] reads "GBP" as the zero Currency too,
// so Currencies compare with ==.
//
// A regime's credits, caps, remedies and incentives are all in its
// currency, rounded to two decimal places (pence, cents); a contract's
// regimes share one ([NewHistory]).
type Currency struct {
	code string // the ISO 4217 code; "" for GBP
}

// GBP is the pound sterling, the zero Currency.
var GBP = Currency{}

// ParseCurrency reads an ISO 4217 currency code: "GBP", "EUR", "USD"
// (upper or lower case). A code ISO 4217 does not list, or one of its
// X codes, which are not the money of a country (gold, XXX for none, XTS
// for testing), is a [*period.ParseError].
func ParseCurrency(s string) (Currency, error) {
	u, err := currency.ParseISO(s)
	code := u.String()
	switch {
	case len(s) != 3 || strings.IndexFunc(s, func(r rune) bool { return (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') }) >= 0:
		err = errors.New("an ISO 4217 code is three letters, such as GBP or EUR")
	case err != nil:
		err = errors.New("ISO 4217 lists no such currency")
	case code[0] == 'X':
		err = errors.New("an X code of ISO 4217 is not the money of a country")
	}
	if err != nil {
		return GBP, &period.ParseError{Package: "regime", What: "currency", Input: s, Expected: "an ISO 4217 code such as GBP or EUR", Err: err}
	}
	if code == "GBP" {
		return GBP, nil
	}
	return Currency{code: code}, nil
}

// MustCurrency is [ParseCurrency] for a code known to be good, as in a
// program's own constants; it panics on a bad one.
func MustCurrency(s string) Currency {
	c, err := ParseCurrency(s)
	if err != nil {
		panic(err)
	}
	return c
}

// Code is the currency's ISO 4217 code: "GBP" for the zero Currency.
func (c Currency) Code() string {
	if c.code == "" {
		return "GBP"
	}
	return c.code
}

// Equal reports whether c and o are the same currency, as == does; go-cmp
// calls it.
func (c Currency) Equal(o Currency) bool { return c == o }

// String is the currency's code, as [Currency.Code].
func (c Currency) String() string { return c.Code() }

// Symbol is the sign written before an amount: "£" for GBP, "€" for EUR,
// and "" for a currency whose sign is not one a UK reader takes for it
// alone (a "$" may be any of a dozen dollars), whose amounts are written
// after the code.
func (c Currency) Symbol() string {
	switch c.code {
	case "":
		return "£"
	case "EUR":
		return "€"
	}
	return ""
}

// Format writes an amount in the currency as a report does, to two places
// with commas between thousands: "£1,250.00" and "-£15.50" for GBP,
// "€1,250.00" for EUR, and "USD 1,250.00" and "-USD 15.50" where the
// currency has no [Currency.Symbol].
func (c Currency) Format(v decimal.Decimal) string {
	var buf [48]byte
	return string(c.AppendFormat(buf[:0], v))
}

// AppendFormat appends v as [Currency.Format] writes it to b, and returns
// the extended buffer: for whole pence, as credits are, it allocates
// nothing when b has room.
func (c Currency) AppendFormat(b []byte, v decimal.Decimal) []byte {
	var buf [40]byte
	var txt []byte
	neg := false
	if p := v.Shift(2); p.Exponent() == 0 && p.Cmp(maxSmall) < 0 && p.Cmp(minSmall) > 0 {
		// Whole pence: written without big numbers.
		n := p.IntPart()
		if n < 0 {
			neg, n = true, -n
		}
		txt = strconv.AppendInt(buf[:0], n/100, 10)
		txt = append(txt, '.', byte('0'+n%100/10), byte('0'+n%10))
	} else {
		txt = append(buf[:0], v.StringFixed(2)...)
		if txt[0] == '-' {
			neg, txt = true, txt[1:]
		}
	}
	if neg {
		b = append(b, '-')
	}
	if sym := c.Symbol(); sym != "" {
		b = append(b, sym...)
	} else {
		b = append(b, c.code...)
		b = append(b, ' ')
	}
	whole, pence, _ := bytes.Cut(txt, []byte("."))
	for i := 0; i < len(whole); i++ {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, whole[i])
	}
	b = append(b, '.')
	return append(b, pence...)
}

// MarshalText implements [encoding.TextMarshaler] with the code.
func (c Currency) MarshalText() ([]byte, error) { return []byte(c.Code()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseCurrency].
func (c *Currency) UnmarshalText(b []byte) error {
	v, err := ParseCurrency(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Money is an amount in a currency: what a row's credit, a month's
// credits after caps or an incentive come to. Ledgers and scorecards keep
// their amounts as decimals with the currency once beside them
// (Scorecard.Currency); [Scorecard.Money] pairs the two.
type Money struct {
	Amount   decimal.Decimal
	Currency Currency
}

// String writes the money as [Currency.Format] does: "£1,250.00".
func (m Money) String() string { return m.Currency.Format(m.Amount) }

// Equal reports whether m and o are the same amount, to the penny's
// scale or not (1250 and 1250.00 are equal), in the same currency.
func (m Money) Equal(o Money) bool { return m.Currency == o.Currency && m.Amount.Equal(o.Amount) }

// moneyJSON is Money's JSON shape.
type moneyJSON struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

// MarshalJSON implements [json.Marshaler]: {"amount":"1250.00","currency":"GBP"},
// the amount a string with two decimal places, so that it stays exact, and
// the currency its ISO 4217 code.
func (m Money) MarshalJSON() ([]byte, error) {
	return json.Marshal(moneyJSON{Amount: m.Amount.StringFixed(2), Currency: m.Currency.Code()})
}

// UnmarshalJSON implements [json.Unmarshaler], reading what MarshalJSON
// writes. Both fields are required.
func (m *Money) UnmarshalJSON(b []byte) error {
	var j moneyJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("regime: money: %w", err)
	}
	if j.Amount == "" || j.Currency == "" {
		return errors.New(`regime: money: want {"amount": "1250.00", "currency": "GBP"}, with both fields`)
	}
	v, err := decimal.NewFromString(j.Amount)
	if err != nil {
		return fmt.Errorf("regime: money: amount %q is not a decimal", j.Amount)
	}
	c, err := ParseCurrency(j.Currency)
	if err != nil {
		return err
	}
	*m = Money{Amount: v, Currency: c}
	return nil
}
