package contract

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kpiregime/kpiregime/internal/problems"
)

// This file holds the strict walker that decodes a parsed YAML (or JSON)
// tree into the file model of file.go. It knows every node's line, so it
// records the line of each field path for later problems, reports unknown
// and repeated fields, and reads every scalar as its text: 99.50 stays the
// text "99.50" until it becomes a decimal.

// A pair is one entry of a mapping whose keys are data (months, statuses,
// KPI references) rather than field names, kept in file order.
type pair struct {
	Key, Value string
	Line       int
}

// pairs is a mapping with data keys and scalar values.
type pairs []pair

// num is a decimal number as written; a file may write it bare (99.50) or
// quoted ("99.50"), and it is never read through a float.
type num string

// The walker's limits: the nodes one file may expand to (aliases can
// multiply a small file) and how deeply they may nest.
const (
	maxNodes = 200_000
	maxDepth = 64
)

// walker decodes nodes into the model and gathers problems.
type walker struct {
	file  string
	lines map[string]int // field path -> line
	probs *fileProblems
	nodes int
	over  bool // past maxNodes or maxDepth: reported once, and the walk stops
}

// tooMany reports whether the walk is past its limits, saying so once, at
// the node where it first was: a file is never read in part.
func (w *walker) tooMany(n *yaml.Node, path string, depth int) bool {
	switch {
	case w.over:
		return true
	case w.nodes > maxNodes:
		w.bad(n.Line, path, "the file expands to more than %d values, the most a contract file may have (aliases repeating a part of it?)", maxNodes)
	case depth > maxDepth:
		w.bad(n.Line, path, "the file nests more than %d levels deep, the most a contract file may (aliases nested in aliases?)", maxDepth)
	default:
		return false
	}
	w.over = true
	return true
}

func (w *walker) bad(line int, path, format string, args ...any) {
	w.probs.add(line, path, format, args...)
}

// note records the line of path, the first time it is seen.
func (w *walker) note(path string, line int) {
	if _, ok := w.lines[path]; !ok {
		w.lines[path] = line
	}
}

// child joins a field name onto a path.
func child(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// index joins a list index or data key onto a path.
func index(path string, i any) string { return fmt.Sprintf("%s[%v]", path, i) }

var (
	pairsType = reflect.TypeFor[pairs]()
)

// kindName says what a node is, for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping of fields"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("the value %q", n.Value)
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// decode reads n into v, whose path is path.
func (w *walker) decode(n *yaml.Node, v reflect.Value, path string, depth int) {
	for n.Kind == yaml.AliasNode && depth <= maxDepth {
		n = n.Alias
		depth++
	}
	if w.nodes++; w.tooMany(n, path, depth) || w.probs.full() {
		return
	}
	w.note(path, n.Line)
	if isNull(n) {
		return // absent
	}
	if v.Type() == pairsType {
		w.decodePairs(n, v, path, depth)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		w.decode(n, v.Elem(), path, depth)
	case reflect.Struct:
		w.decodeStruct(n, v, path, depth)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			w.bad(n.Line, path, "want a list (lines starting \"- \"), not %s", kindName(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			w.decode(item, s.Index(i), index(path, i), depth+1)
		}
		v.Set(s)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			w.bad(n.Line, path, "want a single value, not %s", kindName(n))
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || (n.Value != "true" && n.Value != "false") {
			w.bad(n.Line, path, "want true or false, not %s", kindName(n))
			return
		}
		v.SetBool(n.Value == "true")
	case reflect.Int:
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			w.bad(n.Line, path, "want a whole number, not %s", kindName(n))
			return
		}
		v.SetInt(int64(i))
	default:
		// Unreachable for the model in file.go, whose kinds a test checks.
		w.bad(n.Line, path, "cannot read a field of kind %s", v.Kind())
	}
}

// decodeStruct reads a mapping into a struct by its yaml tags, refusing
// unknown and repeated fields. A merge key (<<: *anchor) reads the anchored
// mapping first; fields written beside it take precedence.
func (w *walker) decodeStruct(n *yaml.Node, v reflect.Value, path string, depth int) {
	if w.nodes++; w.tooMany(n, path, depth) {
		return
	}
	if n.Kind != yaml.MappingNode {
		w.bad(n.Line, path, "want a mapping of fields (name: value), not %s", kindName(n))
		return
	}
	fields := structFields(v.Type())
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Tag == "!!merge" && !w.tooMany(k, path, depth+1) {
			sources, ok := w.mergeSources(val, depth+1)
			if !ok {
				w.tooMany(k, path, maxDepth+1)
				return
			}
			if w.tooMany(k, path, depth+1) {
				return
			}
			for _, m := range sources {
				w.decodeStruct(m, v, path, depth+1)
			}
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Tag == "!!merge" {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			w.bad(k.Line, path, "a field name must be plain text, not %s", kindName(k))
			continue
		}
		name := k.Value
		fpath := child(path, name)
		if prev, dup := seen[name]; dup {
			w.bad(k.Line, fpath, "the field is given twice (first on line %d)", prev)
			continue
		}
		seen[name] = k.Line
		fi, ok := fields[name]
		if !ok {
			w.bad(k.Line, fpath, "unknown field%s", suggest(name, v.Type()))
			continue
		}
		w.note(fpath, k.Line)
		w.decode(val, v.Field(fi), fpath, depth+1)
	}
}

// mergeSources returns the mappings a merge key names: one alias or a
// list of them. ok is false if they nest past maxDepth; each node visited
// counts towards maxNodes, so that lists of aliases of lists cannot
// multiply without bound.
func (w *walker) mergeSources(n *yaml.Node, depth int) (out []*yaml.Node, ok bool) {
	for n.Kind == yaml.AliasNode {
		if depth++; depth > maxDepth {
			return nil, false
		}
		n = n.Alias
	}
	switch n.Kind {
	case yaml.SequenceNode:
		if depth++; depth > maxDepth {
			return nil, false
		}
		for _, c := range n.Content {
			if w.nodes++; w.nodes > maxNodes {
				return out, true // tooMany, called next, says so
			}
			more, ok := w.mergeSources(c, depth)
			if !ok {
				return nil, false
			}
			out = append(out, more...)
		}
		return out, true
	case yaml.MappingNode:
		return []*yaml.Node{n}, true
	}
	return nil, true
}

// decodePairs reads a mapping with data keys and scalar values.
func (w *walker) decodePairs(n *yaml.Node, v reflect.Value, path string, depth int) {
	if n.Kind != yaml.MappingNode {
		w.bad(n.Line, path, "want a mapping (key: value), not %s", kindName(n))
		return
	}
	var out pairs
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		for val.Kind == yaml.AliasNode && depth < maxDepth {
			val = val.Alias
			depth++
		}
		if w.nodes += 2; w.tooMany(val, path, depth) {
			return
		}
		if k.Kind != yaml.ScalarNode {
			w.bad(k.Line, path, "a key must be plain text, not %s", kindName(k))
			continue
		}
		kpath := index(path, k.Value)
		if prev, dup := seen[k.Value]; dup {
			w.bad(k.Line, kpath, "%q is given twice (first on line %d)", k.Value, prev)
			continue
		}
		seen[k.Value] = k.Line
		if val.Kind != yaml.ScalarNode || isNull(val) {
			w.bad(val.Line, kpath, "want a single value, not %s", kindName(val))
			continue
		}
		out = append(out, pair{Key: k.Value, Value: val.Value, Line: k.Line})
	}
	v.Set(reflect.ValueOf(out))
}

// structFields maps the yaml names of t's fields to their indexes.
func structFields(t reflect.Type) map[string]int {
	m := map[string]int{}
	for i := range t.NumField() {
		if name := fieldName(t.Field(i)); name != "" {
			m[name] = i
		}
	}
	return m
}

// fieldName is a field's name in the file, from its yaml tag.
func fieldName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name
}

// suggest names the known field closest to a misspelt one, or lists them.
func suggest(name string, t reflect.Type) string {
	var names []string
	for i := range t.NumField() {
		if n := fieldName(t.Field(i)); n != "" {
			names = append(names, n)
		}
	}
	best, bestD := "", 3
	for _, n := range names {
		if d := problems.Distance(strings.ToLower(name), n); d < bestD {
			best, bestD = n, d
		}
	}
	if best != "" {
		return fmt.Sprintf(": did you mean %s?", best)
	}
	slices.Sort(names)
	return " (want one of " + strings.Join(names, ", ") + ")"
}
