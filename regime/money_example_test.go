package regime_test

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/regime"
)

// A regime's money is in its currency: GBP unless its Spec (or its
// contract file's currency) says otherwise. Money writes itself for people
// with the currency's sign or code, and to JSON with its ISO 4217 code.
func ExampleMoney_inEuros() {
	eur, err := regime.ParseCurrency("EUR")
	if err != nil {
		panic(err)
	}
	credit := regime.Money{Amount: decimal.RequireFromString("4210.5"), Currency: eur}
	b, _ := json.Marshal(credit)
	fmt.Println(credit)
	fmt.Println(string(b))
	fmt.Println(regime.Money{Amount: decimal.RequireFromString("-15.5")}) // the zero Currency is GBP
	fmt.Println(regime.MustCurrency("USD").Format(decimal.NewFromInt(1250)))
	// Output:
	// €4,210.50
	// {"amount":"4210.50","currency":"EUR"}
	// -£15.50
	// USD 1,250.00
}
