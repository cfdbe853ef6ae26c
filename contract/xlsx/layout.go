package xlsx

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// heading is a header cell's text as the layouts compare it: lower case,
// with single spaces.
func heading(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// isKPIHeading reports whether a heading names the KPI column: "kpi", or a
// heading whose last word is "ref" or "reference".
func isKPIHeading(h string) bool {
	words := strings.Fields(h)
	if len(words) == 0 {
		return false
	}
	last := strings.Trim(words[len(words)-1], ".:")
	return h == "kpi" || last == "ref" || last == "reference"
}

// table reads the sheet's rows of figures in its layout.
func (s *sheet) table(years period.Years) (contract.Table, error) {
	t := contract.Table{File: s.file, Sheet: s.name}
	header := -1
	for i, row := range s.rows {
		if slices.ContainsFunc(row, func(c cell) bool { return isKPIHeading(heading(c.text)) }) {
			header = i
			break
		}
	}
	if header < 0 {
		s.errs = append(s.errs, &contract.LineError{File: s.file, Cell: s.name + "!A1",
			Msg: "no header row: want a row naming the columns kpi, period and value (the long layout), or a KPI ref column and a column per period such as Apr-16 (the wide layout)"})
		return t, errors.Join(s.errs...)
	}
	long := slices.ContainsFunc(s.rows[header], func(c cell) bool { return heading(c.text) == "period" })
	if long {
		s.long(&t, header)
	} else {
		s.wide(&t, header, years)
	}
	return t, errors.Join(s.errs...)
}

func (s *sheet) problem(c cell, line int, format string, args ...any) {
	s.errs = append(s.errs, &contract.LineError{File: s.file, Line: line, Cell: c.ref, Msg: fmt.Sprintf(format, args...)})
}

// long reads the long layout: the CSV return's columns, a row per KPI per
// period.
func (s *sheet) long(t *contract.Table, header int) {
	known := contract.Columns()
	cols := map[int]string{}
	seen := map[string]bool{}
	for j, c := range s.rows[header] {
		h := heading(c.text)
		switch {
		case h == "":
		case !slices.Contains(known, h):
			s.problem(c, header+1, "unknown column %q (want %s)", c.text, strings.Join(known, ", "))
		case seen[h]:
			s.problem(c, header+1, "the column %s is named twice", h)
		default:
			cols[j], seen[h] = h, true
		}
	}
	for _, req := range []string{"kpi", "period", "value"} {
		if !seen[req] {
			s.problem(s.at(header, 0), header+1, "the header row has no %s column", req)
		}
	}
	if len(s.errs) > 0 {
		return
	}
	for i := header + 1; i < len(s.rows); i++ {
		row := contract.TableRow{Line: i + 1, Place: fmt.Sprintf("%s!%d", s.name, i+1), Fields: map[string]contract.Field{}}
		blank := true
		for j, col := range cols {
			c := s.at(i, j)
			text := c.text
			if col == "period" && c.date {
				text = text[:len("2016-04")] // a date in a period cell stands for its month
			}
			row.Fields[col] = contract.Field{Text: text, Cell: c.ref}
			blank = blank && text == ""
		}
		if !blank {
			t.Rows = append(t.Rows, row)
		}
	}
}

// A column of the wide layout: where it is, what it holds, and for a
// period's column its label.
type wideCol struct {
	j     int    // the column's index in the sheet's rows
	kind  string // "period", "target", "note"
	label string // the period's label as the header gives it; "" for the row's target or note
	key   string // the period the label reads as, to match targets and notes to figures
	ref   string // the header cell
}

// wide reads the wide layout: a row per KPI, a column per period.
func (s *sheet) wide(t *contract.Table, header int, years period.Years) {
	kpiCol, cols := s.wideColumns(header, years)
	if !slices.ContainsFunc(cols, func(c wideCol) bool { return c.kind == "period" }) {
		s.problem(s.at(header, kpiCol), header+1, "the header row has no column for a period: head each column of figures with its period, such as Apr-16, 2016-05 or Q1 2016/17")
		return
	}
	for i := header + 1; i < len(s.rows); i++ {
		s.wideRow(t, i, kpiCol, cols)
	}
}

// wideColumns reads the header row of the wide layout: the KPI column (-1
// where there is none) and the columns of periods, targets and notes, in
// order. A column it cannot read is one for people, and left out.
func (s *sheet) wideColumns(header int, years period.Years) (int, []wideCol) {
	kpiCol := -1
	var cols []wideCol
	for j, c := range s.rows[header] {
		h := heading(c.text)
		if c.date {
			h = c.text[:len("2016-04")]
		}
		switch {
		case h == "":
			continue
		case kpiCol < 0 && isKPIHeading(h):
			kpiCol = j
			continue
		case h == "note" || h == "notes" || h == "comments":
			cols = append(cols, wideCol{j: j, kind: "note", ref: c.ref})
			continue
		case h == "target":
			cols = append(cols, wideCol{j: j, kind: "target", ref: c.ref})
			continue
		}
		label, kind := h, "period"
		for _, suffix := range []string{" target", " note", " notes"} {
			if l, ok := strings.CutSuffix(h, suffix); ok {
				label, kind = l, strings.TrimSuffix(strings.TrimPrefix(suffix, " "), "s")
			}
		}
		key, ok := periodKey(years, label)
		if !ok {
			continue // a column for people: a description, a frequency, a level
		}
		text := c.text
		if kind != "period" || c.date {
			text = label
		}
		cols = append(cols, wideCol{j: j, kind: kind, label: text, key: key, ref: c.ref})
	}
	return kpiCol, cols
}

// wideRow reads the sheet's row i of the wide layout into t: a table row
// for each period with a figure, with the period's target and note, or
// else the row's.
func (s *sheet) wideRow(t *contract.Table, i, kpiCol int, cols []wideCol) {
	ref := s.at(i, kpiCol)
	var rowTarget, rowNote cell
	targets, notes := map[string]cell{}, map[string]cell{}
	for _, c := range cols {
		switch {
		case c.kind == "target" && c.key == "":
			rowTarget = s.at(i, c.j)
		case c.kind == "target":
			targets[c.key] = s.at(i, c.j)
		case c.kind == "note" && c.key == "":
			rowNote = s.at(i, c.j)
		case c.kind == "note":
			notes[c.key] = s.at(i, c.j)
		}
	}
	for _, c := range cols {
		if c.kind != "period" {
			continue
		}
		v := s.at(i, c.j)
		if v.text == "" {
			continue // no figure given: the contract's rule for a missing one applies
		}
		row := contract.TableRow{Line: i + 1, Place: fmt.Sprintf("%s!%d", s.name, i+1), Fields: map[string]contract.Field{
			"kpi":    {Text: ref.text, Cell: ref.ref},
			"period": {Text: c.label, Cell: c.ref},
			"value":  {Text: v.text, Cell: v.ref},
		}}
		if tc, ok := targets[c.key]; ok && tc.text != "" {
			row.Fields["target"] = contract.Field{Text: tc.text, Cell: tc.ref}
		} else if rowTarget.text != "" {
			row.Fields["target"] = contract.Field{Text: rowTarget.text, Cell: rowTarget.ref}
		}
		if nc, ok := notes[c.key]; ok && nc.text != "" {
			row.Fields["note"] = contract.Field{Text: nc.text, Cell: nc.ref}
		} else if rowNote.text != "" {
			row.Fields["note"] = contract.Field{Text: rowNote.text, Cell: rowNote.ref}
		}
		t.Rows = append(t.Rows, row)
	}
}

// periodKey reads a heading as a period label, as a return's period column
// is read (a month in any form, or a label in the contract's years), and
// returns a key that is the same for two labels of one period.
func periodKey(years period.Years, label string) (string, bool) {
	if m, err := period.ParseMonth(label); err == nil {
		return m.Period().String(), true
	}
	p, err := years.Parse(label)
	if err != nil || p.Kind() == period.KindYearToDate || p.Kind() == period.KindMonths {
		return "", false
	}
	return p.String(), true
}
