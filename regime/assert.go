package regime

import "encoding"

// What the documentation promises, checked by the compiler: the credit
// rules the package provides, and the types with a text form.
var (
	_                          = []CreditRule{PointsCredit{}, ShortfallCredit{}, FixedCredit{}, AtRiskCredit{}}
	_                          = []encoding.TextMarshaler{Amount{}, PlanState(0)}
	_ encoding.TextUnmarshaler = new(Amount)
)
