package contract_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/internal/golden"
	"github.com/kpiregime/kpiregime/period"
)

// The corpus of bad inputs is in testdata/bad: contract.yaml, a valid
// contract; contracts/, contract files each broken in one way; returns/,
// returns each with one problem, read against contract.yaml; and
// generated/, the goldens of inputs too large to commit, which
// badGenerated writes. Each input's golden is its name plus .err: every
// line of the error, with the file named as it is here (relative to
// testdata/bad). README.md lists every input, what is wrong with it and
// what a right message says. Run with -update to rewrite the goldens, then
// read every one: a golden records what the reader says, right or wrong.
const badDir = "testdata/bad"

// maxMessage is the longest a line of an error may be: a message quotes
// at most a short excerpt of its input.
const maxMessage = 2000

// badGenerated are the inputs too large to commit, written by the test
// into a temporary directory; their goldens are in generated/.
var badGenerated = []struct {
	name string
	gen  func() []byte
}{
	{"generated/01-return-1mb-number.csv", func() []byte {
		return returnWith("3,May-16," + strings.Repeat("9", 1<<20) + ",,,,\n")
	}},
	{"generated/02-return-1mb-note.csv", func() []byte {
		return returnWith("3,May-16,91,,,," + strings.Repeat("Agreed at the partnership board. ", (1<<20)/33) + "\n")
	}},
	{"generated/03-return-1mb-period.csv", func() []byte {
		return returnWith("3," + strings.Repeat("May-16 ", (1<<20)/7) + ",91,,,,\n")
	}},
	{"generated/04-return-1mb-kpi.csv", func() []byte {
		return returnWith(strings.Repeat("R&B-K-001", (1<<20)/9) + ",May-16,91,,,,\n")
	}},
	{"generated/05-return-1mb-status.csv", func() []byte {
		return returnWith("3,May-16,91,,," + strings.Repeat("met", (1<<20)/3) + ",\n")
	}},
	{"generated/06-return-1mb-numerator.csv", func() []byte {
		return returnWith("3,May-16,,1" + strings.Repeat("0", 1<<20) + ",100,,\n")
	}},
	{"generated/07-return-over-size-limit.csv", func() []byte {
		return returnWith("3,May-16,91,,,," + strings.Repeat("x", contract.MaxObservationsSize) + "\n")
	}},
	{"generated/08-contract-1mb-target.yaml", func() []byte {
		return baseWith("        target: 90.0%\n", "        target: 9"+strings.Repeat("0", 1<<20)+"%\n")
	}},
	{"generated/09-contract-1mb-field-name.yaml", func() []byte {
		return baseWith("supplier: Serco\n", "supplier: Serco\n"+strings.Repeat("supplier", (1<<20)/8)+": Capita\n")
	}},
	{"generated/10-contract-1mb-unit.yaml", func() []byte {
		return baseWith("{unit: count,", "{unit: "+strings.Repeat("complaints", (1<<20)/10)+",")
	}},
	{"generated/11-contract-1mb-ref.yaml", func() []byte {
		return baseWith("        kpi: \"1\"\n", "        kpi: \""+strings.Repeat("R&B-K-001", (1<<20)/9)+"\"\n")
	}},
	{"generated/12-contract-over-size-limit.yaml", func() []byte {
		pad := strings.Repeat("# padding: a contract file far larger than any contract needs\n", contract.MaxContractSize/60+1)
		return append(readBase(), pad...)
	}},
}

const badHeader = "kpi,period,value,numerator,denominator,status,note\n3,Apr-16,91.50,,,,\n"

func returnWith(row string) []byte { return []byte(badHeader + row) }

func readBase() []byte {
	b, err := os.ReadFile("contract.yaml") // the test runs in testdata/bad
	if err != nil {
		panic(err)
	}
	return b
}

// baseWith returns the base contract with old (which must occur once)
// replaced by new.
func baseWith(old, new string) []byte {
	b := string(readBase())
	if strings.Count(b, old) != 1 {
		panic(fmt.Sprintf("%q occurs %d times in the base contract", old, strings.Count(b, old)))
	}
	return []byte(strings.Replace(b, old, new, 1))
}

// TestBadInputs reads every input of the corpus, requires an error, and
// compares its text with the golden.
func TestBadInputs(t *testing.T) {
	t.Chdir(badDir)
	base, err := contract.ReadFile("contract.yaml")
	require.NoError(t, err, "the base contract must be valid")

	var inputs []string
	for _, dir := range []string{"contracts", "returns"} {
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".err") {
				inputs = append(inputs, dir+"/"+e.Name())
			}
		}
	}
	count := func(prefix string) int {
		return len(slices.DeleteFunc(slices.Clone(inputs), func(s string) bool { return !strings.HasPrefix(s, prefix) }))
	}
	require.GreaterOrEqual(t, count("contracts/"), 45)
	require.GreaterOrEqual(t, count("returns/"), 45)
	generated := map[string]func() []byte{}
	for _, g := range badGenerated {
		inputs = append(inputs, g.name)
		generated[g.name] = g.gen
	}
	checkCorpus(t, inputs)

	tmp := t.TempDir()
	for _, name := range inputs {
		t.Run(name, func(t *testing.T) {
			path := name
			if gen := generated[name]; gen != nil {
				path = filepath.Join(tmp, filepath.Base(name))
				require.NoError(t, os.WriteFile(path, gen(), 0o644))
			}
			start, before := time.Now(), allocated()
			err := readBad(base, path, name)
			took, alloc := time.Since(start), allocated()-before
			if took > time.Second || alloc > 100<<20 || testing.Verbose() {
				t.Logf("read in %v, allocating %d MB", took.Round(time.Millisecond), alloc>>20)
			}
			if err == nil {
				t.Fatalf("%s is accepted: every input of the corpus must be refused", name)
			}
			golden.Check(t, name+".err", []byte(goldenText(err.Error())), *update)
			problems := messageProblems(name, err)
			for _, pr := range problems {
				t.Error(pr)
			}
		})
	}
}

// readBad reads the input at path, named name in messages: a contract file
// with contract.Decode, a return against base with a strict
// contract.ReturnReader on a fixed date (2 December 2026), so that
// warnings are errors and a month not yet begun has the same message every
// day. A contract file's warnings are its errors here too. The committed
// inputs are read by path, which names them in the messages.
func readBad(base *contract.Contract, path, name string) error {
	rr := contract.ReturnReader{Contract: base, Strict: true, Today: period.Must(period.NewDate(2026, time.December, 2))}
	if strings.HasSuffix(name, ".csv") {
		if path == name {
			_, _, err := rr.ReadFiles(path)
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, _, err = rr.Read(f, name)
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	c, err := contract.Decode(f, name, contract.FormatOf(name))
	if err != nil {
		return err
	}
	var errs []error
	for _, w := range c.Warnings() {
		errs = append(errs, &contract.LineError{File: w.File, Line: w.Line, Column: w.Column, Path: w.Path, Msg: "warning: " + w.Msg})
	}
	return errors.Join(errs...)
}

// goldenText is the error's text as the golden keeps it: every line as it
// is, except that a line longer than maxMessage (which breaks the rule,
// and would make a golden of megabytes) is kept as its first 200 bytes and
// its length.
func goldenText(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		if len(l) > maxMessage {
			cut := 200
			for cut > 0 && (l[cut]&0xC0) == 0x80 { // not inside a UTF-8 sequence
				cut--
			}
			lines[i] = fmt.Sprintf("%s[... a line of %d bytes, cut by bad_test.go]", l[:cut], len(l))
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// atLine matches what follows the file's name in a message with a line.
var atLine = regexp.MustCompile(`^:\d+: `)

// wholeFile matches the messages about a file as a whole, which have no
// line to name.
var wholeFile = regexp.MustCompile(`^: (the file is (empty|not text|larger than)|and \d+ more problems)`)

// messageProblems returns how err breaks the rules every message keeps:
// each problem names the file, and its line unless it is about the whole
// file, and quotes at most a short excerpt of the input.
func messageProblems(name string, err error) []string {
	var out []string
	for i, line := range strings.Split(err.Error(), "\n") {
		short := line
		if len(short) > 120 {
			short = short[:120] + "..."
		}
		if len(line) > maxMessage {
			out = append(out, fmt.Sprintf("problem %d is %d bytes long (at most %d): %s", i+1, len(line), maxMessage, short))
		}
		rest, named := strings.CutPrefix(line, name)
		switch {
		case !named:
			out = append(out, fmt.Sprintf("problem %d does not start with the file's name %s: %s", i+1, name, short))
		case !atLine.MatchString(rest) && !wholeFile.MatchString(rest):
			out = append(out, fmt.Sprintf("problem %d names no line: %s", i+1, short))
		}
	}
	var le *contract.LineError
	if !errors.As(err, &le) {
		out = append(out, fmt.Sprintf("the error holds no *contract.LineError: %T", err))
	}
	return out
}

// checkCorpus checks that README.md describes every input, that no golden
// is left without its input.
func checkCorpus(t *testing.T, inputs []string) {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	for _, name := range inputs {
		assert.True(t, bytes.Contains(readme, []byte("`"+name+"`")), "README.md does not describe %s", name)
	}
	for _, dir := range []string{"contracts", "returns", "generated"} {
		goldens, err := filepath.Glob(dir + "/*.err")
		require.NoError(t, err)
		for _, g := range goldens {
			name := strings.TrimSuffix(filepath.ToSlash(g), ".err")
			assert.Contains(t, inputs, name, "the golden %s has no input", g)
		}
	}
}

// allocated returns the bytes allocated so far by the program.
func allocated() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}
