package regime

import (
	"encoding"
	"encoding/json"
)

// What the documentation promises, checked by the compiler: the credit
// rules the package provides, and the types with a text or JSON form.
var (
	_                  = []CreditRule{PointsCredit{}, ShortfallCredit{}, FixedCredit{}, AtRiskCredit{}}
	_                  = []encoding.TextMarshaler{Amount{}, PlanState(0), Currency{}}
	_                  = []encoding.TextUnmarshaler{new(Amount), new(Currency)}
	_ json.Marshaler   = Money{}
	_ json.Unmarshaler = new(Money)
)
