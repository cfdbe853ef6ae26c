package contract

import "fmt"

// A Warning is a likely mistake in a file that is not an error, because it
// may be right: a percentage given as a fraction (0.95 where the target is
// 95%), a target of 0.95% on a higher-is-better percentage. The command
// prints warnings on standard error; its -strict flag, like
// [ReturnReader.Strict], makes them errors.
type Warning struct {
	File   string
	Line   int // 0 when the warning is about the whole file or has no line
	Column string
	Msg    string
}

// String returns "file:line: warning: column: message".
func (w Warning) String() string {
	where := w.File
	if w.Line > 0 {
		where = fmt.Sprintf("%s:%d", w.File, w.Line)
	}
	return joinNonEmpty(where, "warning", w.Column, w.Msg)
}
