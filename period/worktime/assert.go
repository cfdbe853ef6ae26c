package worktime

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
// types with a text form, and the types that compare with ==.
var (
	_ = []func(){textForm[Hours], textForm[TimeOfDay], textForm[ClockEvent]}
	_ = []func(){isComparable[TimeOfDay], isComparable[Span], isComparable[ClockEvent],
		isComparable[Closure], isComparable[StatusChange]}
)
