package contract

import (
	"encoding/json"
	"reflect"
	"strings"
	"time"

	"github.com/kpiregime/kpiregime/kpi"
)

// Schema returns the JSON Schema (draft 2020-12) of the contract file
// format, for editors that check YAML and JSON as it is typed. It is
// generated from the same model the decoder reads, and is also in the
// repository as docs/contract.schema.json. The decoder checks more than the
// schema can (levels in order, profiles that reach their targets); the
// schema catches misspelt fields and wrong shapes early.
func Schema() []byte {
	s := schemaOf(reflect.TypeFor[fileContract](), "")
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = "https://github.com/kpiregime/kpiregime/docs/contract.schema.json"
	s["title"] = "kpiregime contract file"
	s["description"] = "A contract with its performance regimes: KPIs, bands, profiles, relief, credits and escalation. See docs/file-format.md."
	b, _ := json.MarshalIndent(s, "", "  ") // maps of strings, bools and slices: cannot fail
	return append(b, '\n')
}

// numberSchema is a decimal written bare or quoted.
func numberSchema() map[string]any {
	return map[string]any{"type": []string{"number", "string"}, "pattern": `^[-+]?[0-9]+(\.[0-9]+)?$`}
}

// enumValues returns the names an enum tag stands for.
func enumValues(tag string) []string {
	var names []string
	switch tag {
	case "statuses", "performance":
		last := kpi.LastStatus
		if tag == "performance" {
			last = kpi.Failed
		}
		for st := kpi.Exceeded; st <= last; st++ {
			names = append(names, st.String())
		}
	case "units":
		for u := kpi.Percent; u <= kpi.Number; u++ {
			names = append(names, u.String())
		}
	case "aggregations":
		for a := kpi.RatioOfSums; a <= kpi.MeanOfPeriods; a++ {
			names = append(names, a.String())
		}
	case "months":
		for m := time.January; m <= time.December; m++ {
			names = append(names, m.String())
		}
		for m := time.January; m <= time.December; m++ {
			if m != time.May { // May is its own abbreviation
				names = append(names, m.String()[:3])
			}
		}
	default:
		names = strings.Split(tag, ",")
	}
	return names
}

// schemaOf describes type t; tags are the struct tags of the field it is
// the type of, if any.
func schemaOf(t reflect.Type, tags reflect.StructTag) map[string]any {
	s := map[string]any{}
	if d := tags.Get("doc"); d != "" {
		s["description"] = d
	}
	switch {
	case t == reflect.TypeFor[num]() && tags.Get("alt") != "":
		// A number, or the one word form the field also takes.
		s["anyOf"] = []any{numberSchema(), map[string]any{"const": tags.Get("alt")}}
	case t == reflect.TypeFor[num]():
		for k, v := range numberSchema() {
			s[k] = v
		}
	case t == pairsType:
		s["type"] = "object"
		if tags.Get("values") == "num" {
			s["additionalProperties"] = numberSchema()
		} else {
			s["additionalProperties"] = map[string]any{"type": []string{"string", "number"}}
		}
		if tags.Get("keys") == "status" {
			s["propertyNames"] = map[string]any{"enum": enumValues("statuses")}
		}
	case t.Kind() == reflect.Pointer:
		for k, v := range schemaOf(t.Elem(), tags) {
			s[k] = v
		}
	case t.Kind() == reflect.Struct:
		s["type"] = "object"
		s["additionalProperties"] = false
		props := map[string]any{}
		var required []string
		for i := range t.NumField() {
			f := t.Field(i)
			name := fieldName(f)
			props[name] = schemaOf(f.Type, f.Tag)
			if f.Tag.Get("req") != "" {
				required = append(required, name)
			}
		}
		s["properties"] = props
		if required != nil {
			s["required"] = required
		}
	case t.Kind() == reflect.Slice:
		s["type"] = "array"
		var elem reflect.StructTag // a list of dates gives its items' format
		if f := tags.Get("fmt"); f != "" {
			elem = reflect.StructTag(`fmt:"` + f + `"`)
		}
		s["items"] = schemaOf(t.Elem(), elem)
	case t.Kind() == reflect.Bool:
		s["type"] = "boolean"
	case t.Kind() == reflect.Int:
		s["type"] = "integer"
	case tags.Get("fmt") == "date":
		s["type"] = "string"
		s["pattern"] = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	case tags.Get("enum") != "":
		s["enum"] = enumValues(tags.Get("enum"))
	default:
		// Free text: YAML reads ref: 3 or version: 2016 as numbers, and the
		// decoder takes them as their text.
		s["type"] = []string{"string", "number"}
	}
	return s
}
