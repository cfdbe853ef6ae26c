package kpi

import (
	"errors"
	"fmt"
	"strings"
)

// A ParseError reports text that could not be read as a value, a status or a
// unit. It quotes the input and says what was expected.
type ParseError struct {
	What     string // "value", "status", "unit", ...
	Input    string
	Expected string
	Err      error // the cause, or nil
}

// Error returns a message that quotes the input.
func (e *ParseError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("kpi: cannot read %q as a %s: %v (want %s)", e.Input, e.What, e.Err, e.Expected)
	}
	return fmt.Sprintf("kpi: cannot read %q as a %s (want %s)", e.Input, e.What, e.Expected)
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// A FieldError is one problem in a definition, with the path of the field
// (bands[2].level, measure.precision).
type FieldError struct {
	Path string
	Msg  string
}

// Error returns "path: message".
func (e *FieldError) Error() string { return e.Path + ": " + e.Msg }

// ErrInvalid is wrapped by every validation error, so that callers can tell
// a bad definition from other failures with errors.Is.
var ErrInvalid = errors.New("invalid")

// problems gathers FieldErrors under a path prefix.
type problems struct {
	prefix string
	errs   []error
}

func (p *problems) add(path, format string, args ...any) {
	if p.prefix != "" {
		if path == "" {
			path = p.prefix
		} else if strings.HasPrefix(path, "[") {
			path = p.prefix + path
		} else {
			path = p.prefix + "." + path
		}
	}
	p.errs = append(p.errs, &FieldError{Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (p *problems) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrInvalid, errors.Join(p.errs...))
}
