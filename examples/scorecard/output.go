package main

import (
	"fmt"
	"os"

	"github.com/kpiregime/kpiregime/internal/cli"
)

// checkOutput refuses an -o file that is one of the command's inputs: the
// contract file or a return. Files are compared by identity, not by name,
// so another path to an input, a hard link or a symbolic link to it is
// caught too. An input or an output that does not exist (yet) is no
// conflict: reading the input reports it.
func checkOutput(out, contractFile string, actuals []string) error {
	if out == "" {
		return nil
	}
	o, err := os.Stat(out)
	if err != nil {
		return nil
	}
	if cli.SameFile(o, contractFile) {
		return fmt.Errorf("that is the contract file (-contract %s): write the scorecard elsewhere", contractFile)
	}
	for _, a := range actuals {
		if cli.SameFile(o, a) {
			return fmt.Errorf("that is a return (-actuals %s): write the scorecard elsewhere", a)
		}
	}
	return nil
}
