package kpiregime_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// library lists the packages a user imports.
var library = []string{"period", "period/worktime", "period/ukholiday", "kpi", "regime", "regime/render",
	"regime/render/xlsx", "regime/regimetest", "contract", "contract/xlsx"}

// exported parses dir (its non-test files) and returns its exported
// package-level names by kind, its exported methods, and its exported
// struct fields, each as "Type.Name".
func exported(t *testing.T, dir string) (funcs, others, methods, fields []string) {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				switch {
				case !d.Name.IsExported():
				case d.Recv == nil:
					funcs = append(funcs, d.Name.Name)
				default:
					methods = append(methods, recvName(d.Recv.List[0].Type)+"."+d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						others = append(others, s.Name.Name)
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									if n.IsExported() {
										fields = append(fields, s.Name.Name+"."+n.Name)
									}
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								others = append(others, n.Name)
							}
						}
					}
				}
			}
		}
	}
	return funcs, others, methods, fields
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}

// TestVocabulary checks the API speaks as the file format does: a KPI is
// a KPI (the file says kpis), never an "Indicator" in a name; and a
// package-level func shares its name with a method only where the two are
// the same thing, listed here with why. kpi.Missing (a func) beside
// regime.Missing (a struct), and kpi.Outcome (a func) beside
// Result.Outcome() (a bool), were the cases that made this rule.
func TestVocabulary(t *testing.T) {
	same := map[string]string{
		"period.Quarterly":      "Years.Quarterly is the same frequency in other years",
		"period.SixMonthly":     "Years.SixMonthly is the same frequency in other years",
		"period.Annual":         "Years.Annual is the same frequency in other years",
		"period.ParseFrequency": "Years.ParseFrequency reads the same text in other years",
		"kpi.ParseFigure":       "Definition.ParseFigure reads the same figure and checks its unit",
		"kpi.Counts":            "Observation.Counts returns the counts kpi.Counts makes",
		"kpi.Target":            "Definition.Target is the target whose level kpi.Target names",
		"contract.ReadReturn":   "ReturnReader.ReadReturn is the same read, with its warnings and options",
	}
	var clashes []string
	for _, dir := range library {
		funcs, others, methods, fields := exported(t, dir)
		pkg := filepath.Base(dir)
		for _, n := range slices.Concat(funcs, others, methods, fields) {
			if strings.Contains(n, "Indicator") {
				t.Errorf("%s.%s: the file says kpis; name it KPI", pkg, n)
			}
		}
		for _, f := range funcs {
			for _, m := range methods {
				if strings.HasSuffix(m, "."+f) {
					if _, ok := same[pkg+"."+f]; !ok {
						clashes = append(clashes, pkg+"."+f+" and "+pkg+"."+m)
					}
				}
			}
		}
	}
	sort.Strings(clashes)
	for _, c := range clashes {
		t.Errorf("%s share a name: rename one, or list them as the same thing", c)
	}
	for _, dir := range []string{"kpi", "regime"} {
		_, others, _, _ := exported(t, dir)
		for _, n := range others {
			if dir == "regime" && (n == "Missing" || n == "Outcome") {
				t.Errorf("regime.%s beside the kpi.%s constructor", n, n)
			}
		}
	}
	// An event's period is a month, not text.
	f, ok := reflect.TypeOf(regime.Event{}).FieldByName("Period")
	if !ok || f.Type != reflect.TypeOf(period.Month{}) {
		t.Errorf("regime.Event.Period is %v, want period.Month", f.Type)
	}
}
