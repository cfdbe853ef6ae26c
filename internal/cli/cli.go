// Package cli is the command-line handling the example commands share: a
// flag set, an optional -format flag, a usage line, and a report written
// to standard output only when the whole of it was made, with exit code 0,
// 1 when it could not be made, and 2 for a usage mistake.
package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
)

// A Command is an example command: its name, the formats its -format flag
// takes (none for a command without one; the first is the default), any
// flags of its own, and the report it writes.
type Command struct {
	Name    string
	Formats []string
	// Flags adds the command's own flags and returns the usage text for
	// them ("[-tickets N] [-seed S]") and a check of their values; nil for
	// none.
	Flags func(fs *flag.FlagSet) (usage string, valid func() bool)
	// Write makes the report in the format asked for.
	Write func(b *bytes.Buffer, format string) error
	// Files are the formats whose report is a binary file (xlsx). With
	// any, the command has an -o FILE flag that writes the report to the
	// file instead of standard output, all or nothing ([WriteFile]), and a
	// format listed here is refused without it: a binary file is never
	// written to a terminal.
	Files []string
}

// Run parses args, writes the report to stdout and returns the exit code.
// Problems go to stderr. Nothing is written to stdout unless the whole
// report was made.
func (c Command) Run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var usage []string
	format := ""
	if len(c.Formats) > 0 {
		fs.StringVar(&format, "format", c.Formats[0], strings.Join(c.Formats, " or "))
		usage = append(usage, "[-format "+strings.Join(c.Formats, "|")+"]")
	}
	out := ""
	if len(c.Files) > 0 {
		fs.StringVar(&out, "o", "", "write the report to this file instead of standard output (required for "+strings.Join(c.Files, ", ")+")")
		usage = append(usage, "[-o FILE]")
	}
	valid := func() bool { return true }
	if c.Flags != nil {
		u, v := c.Flags(fs)
		usage = append(usage, u)
		if v != nil {
			valid = v
		}
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || (len(c.Formats) > 0 && !slices.Contains(c.Formats, format)) || !valid() {
		fmt.Fprintln(stderr, strings.TrimSpace("usage: "+c.Name+" "+strings.Join(usage, " ")))
		return 2
	}
	if out == "" && slices.Contains(c.Files, format) {
		fmt.Fprintf(stderr, "%s: -format %s writes a binary file: name it with -o FILE\n", c.Name, format)
		return 2
	}
	var b bytes.Buffer
	err := c.Write(&b, format)
	switch {
	case err != nil:
	case out != "":
		if err = WriteFile(out, b.Bytes()); err != nil {
			err = fmt.Errorf("-o %s: %w", out, err)
		}
	default:
		_, err = stdout.Write(b.Bytes())
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
