// Package problems gathers validation problems, each with the path of the
// field it is about (regimes[0].kpis[3].bands.failure), so that a
// constructor can report every problem at once and callers can examine them
// with errors.As.
package problems

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// field is one problem with the path of the field it is about, until
// [List.Err] makes it the caller's field error type.
type field struct {
	path, msg string
}

// Error returns "path: message", or the message alone for an empty path.
func (e *field) Error() string {
	if e.path == "" {
		return e.msg
	}
	return e.path + ": " + e.msg
}

// A List gathers problems under a path prefix. The zero List has no prefix.
type List struct {
	Prefix string
	errs   []error
}

// join puts a path under the list's prefix: measure + unit is measure.unit,
// bands + [2].level is bands[2].level.
func (l *List) join(path string) string {
	switch {
	case l.Prefix == "":
		return path
	case path == "":
		return l.Prefix
	case strings.HasPrefix(path, "["):
		return l.Prefix + path
	}
	return l.Prefix + "." + path
}

// Add records a problem with the field at path.
func (l *List) Add(path, format string, args ...any) {
	l.errs = append(l.errs, &field{path: l.join(path), msg: fmt.Sprintf(format, args...)})
}

// Append records errors as they are: problems found by another validator,
// with paths of their own, which [List.Merge] does not put under a prefix.
func (l *List) Append(errs ...error) {
	for _, err := range errs {
		if err != nil {
			l.errs = append(l.errs, err)
		}
	}
}

// Merge records the problems of another list, whose paths already carry
// its own prefix; they are put under this list's prefix too.
func (l *List) Merge(o *List) {
	for _, err := range o.errs {
		if fe, ok := err.(*field); ok && l.Prefix != "" {
			err = &field{path: l.join(fe.path), msg: fe.msg}
		}
		l.errs = append(l.errs, err)
	}
}

// Len returns the number of problems.
func (l *List) Len() int { return len(l.errs) }

// Err returns nil if there are no problems, else all of them joined and
// wrapping sentinel (so errors.Is(err, sentinel) holds), each problem
// recorded by [List.Add] made an error by newField (kpi.FieldError, whose
// fields callers can read) and the appended ones as they are.
func (l *List) Err(sentinel error, newField func(path, msg string) error) error {
	if len(l.errs) == 0 {
		return nil
	}
	errs := make([]error, len(l.errs))
	for i, err := range l.errs {
		if fe, ok := err.(*field); ok {
			err = newField(fe.path, fe.msg)
		}
		errs[i] = err
	}
	return fmt.Errorf("%w: %w", sentinel, errors.Join(errs...))
}

// quoteRunes is how many characters of an input [Quote] shows.
const quoteRunes = 40

// Quote quotes s as %q does, but shows at most its first 40 characters,
// followed by an ellipsis and its length, so that a message never echoes a
// long input in full: "1234…" (1048576 bytes).
func Quote(s string) string {
	n := 0
	for i := range s {
		if n == quoteRunes {
			return fmt.Sprintf("%q… (%d bytes)", s[:i], len(s))
		}
		n++
	}
	return fmt.Sprintf("%q", s)
}

// cutBytes is the longest text [Cut] keeps.
const cutBytes = 300

// Cut returns a cause's message of at most about 300 bytes, cut at a
// character boundary with an ellipsis: the cause of a parse error may quote
// parts of a long input, which a message must not echo in full.
func Cut(s string) string {
	if len(s) <= cutBytes {
		return s
	}
	i := cutBytes
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// Distance is the Levenshtein distance between a and b, in bytes.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// NearestRef suggests the ref closest to an unknown one, not minding case:
// ": did you mean R&B-K-001?" where one is within a third of its length
// (at least one edit), else the refs there are, " (it has 1, 3, 9, 10)",
// or, for many, how many with the first and last few. It says nothing of a
// ref longer than 64 bytes.
func NearestRef(ref string, refs []string) string {
	if len(ref) > 64 || len(refs) == 0 {
		return ""
	}
	best, bestD := "", max(1, len(ref)/3)+1
	for _, r := range refs {
		// Of two as near, the one as long as ref: Q1c is nearer Q1a than Q1.
		if d := Distance(strings.ToLower(ref), strings.ToLower(r)); d < bestD || d == bestD && len(r) == len(ref) && len(best) != len(ref) {
			best, bestD = r, d
		}
	}
	switch {
	case best != "":
		return ": did you mean " + best + "?"
	case len(refs) <= 12:
		return " (it has " + strings.Join(refs, ", ") + ")"
	}
	return fmt.Sprintf(" (it has %d, %s ... %s)", len(refs), strings.Join(refs[:6], ", "), strings.Join(refs[len(refs)-3:], ", "))
}

// Article puts "a" or "an" before noun as it is said: "an aggregation",
// "an earlier period", "a unit", "a status".
func Article(noun string) string {
	if noun == "" {
		return "a"
	}
	switch lower := strings.ToLower(noun); {
	case strings.HasPrefix(lower, "uni"), strings.HasPrefix(lower, "use"), strings.HasPrefix(lower, "usu"), strings.HasPrefix(lower, "one"):
		return "a " + noun
	case strings.ContainsRune("aeiou", rune(lower[0])):
		return "an " + noun
	}
	return "a " + noun
}

// Join puts path under prefix as a field of it: kpis[3] and bands[1].level
// make kpis[3].bands[1].level, kpis[3] and [2] make kpis[3][2], and an empty
// prefix or path leaves the other as it is.
func Join(prefix, path string) string {
	l := List{Prefix: prefix}
	return l.join(path)
}

// Leaves returns the problems err is made of: it unwraps joined errors,
// and wrapped ones that wrap sentinel, down to those that do neither (a
// field error, or a plain error kept whole with its text), dropping
// sentinel itself. A validation error of a lower layer is such a tree, and
// a layer above composes its leaves' paths with its own rather than
// quoting its text.
func Leaves(err, sentinel error) []error {
	var out []error
	var walk func(error)
	walk = func(e error) {
		switch u := e.(type) {
		case nil:
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			if errors.Is(e, sentinel) {
				walk(u.Unwrap())
				return
			}
			out = append(out, e)
		default:
			if e != sentinel {
				out = append(out, e)
			}
		}
	}
	walk(err)
	return out
}

// Nest records the problems of err, the validation error of another
// layer, under path: a field error (split gives its path and message) at
// its own path put under path (kpis[3] and bands[1].level make
// kpis[3].bands[1].level), any other problem at path with its text.
func (l *List) Nest(path string, err, sentinel error, split func(error) (string, string, bool)) {
	for _, e := range Leaves(err, sentinel) {
		if sub, msg, ok := split(e); ok {
			l.Add(Join(path, sub), "%s", msg)
			continue
		}
		l.Add(path, "%s", e.Error())
	}
}
