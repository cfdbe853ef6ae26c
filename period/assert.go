package period

import "encoding"

// textForm compiles only for a type whose values implement
// [encoding.TextMarshaler] and whose pointers implement
// [encoding.TextUnmarshaler].
func textForm[T encoding.TextMarshaler, PT interface {
	*T
	encoding.TextUnmarshaler
}]() {
}

// isComparable compiles only for a type that compares with ==.
func isComparable[T comparable]() {}

// What the package documentation promises, checked by the compiler: the
// types with a text form, and the value types that compare with ==.
var (
	_ = []func(){textForm[Date], textForm[Month], textForm[Year], textForm[Years],
		textForm[Period], textForm[Frequency], textForm[Absorb]}
	_ = []func(){isComparable[Date], isComparable[Month], isComparable[Year], isComparable[Years],
		isComparable[Period], isComparable[Frequency], isComparable[PeriodCalendar],
		isComparable[Kind], isComparable[Style], isComparable[Absorb]}
	_ error = (*ParseError)(nil)
)
