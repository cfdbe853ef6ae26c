package kpi

import "encoding"

// What the documentation promises, checked by the compiler: the types that
// write text with MarshalText and read it back with UnmarshalText.
var (
	_ = []encoding.TextMarshaler{Aggregation(0), Earlier(0), ExceedRule{}, Level{}, Polarity(0),
		Status(0), Tier(0), Unit(0), Written{}}
	_ = []encoding.TextUnmarshaler{new(Aggregation), new(Earlier), new(ExceedRule), new(Level), new(Polarity),
		new(Status), new(Tier), new(Unit), new(Written)}
)
