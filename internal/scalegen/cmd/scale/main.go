// Command scale is the at-scale measurement of issue 18, run by .ci/scale:
// it writes the files (-write DIR), splits the return into fields with
// encoding/csv and nothing more (-split FILE, the reference), or reads the
// contract and the return and prints one month's scorecard summary
// (-score DIR). Each is run on its own, under /usr/bin/time -v, so that
// its time and peak memory are its own.
package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/internal/scalegen"
	"github.com/kpiregime/kpiregime/period"
)

func main() {
	write := flag.String("write", "", "write the contract and return into this directory")
	split := flag.String("split", "", "split this CSV file into fields with encoding/csv")
	score := flag.String("score", "", "score the last month of the files in this directory")
	kpis := flag.Int("kpis", 2500, "KPIs in the contract")
	months := flag.Int("months", 400, "months in the return")
	profile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "scale:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "scale:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	var err error
	switch {
	case *write != "":
		err = writeFiles(*write, *kpis, *months)
	case *split != "":
		err = splitFile(*split)
	case *score != "":
		err = scoreFiles(*score, *months)
	default:
		err = errors.New("give -write, -split or -score")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}

func writeFiles(dir string, kpis, months int) error {
	if err := os.WriteFile(filepath.Join(dir, "scale.yaml"), scalegen.Contract(kpis), 0o644); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "scale.csv"))
	if err != nil {
		return err
	}
	if _, err := scalegen.WriteReturn(f, kpis, months); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// splitFile splits the file into fields with encoding/csv's ReadAll, as
// contract's BenchmarkLoadAndScore's reference does, and reports the time.
func splitFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	start := time.Now()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return err
	}
	fmt.Printf("split %d records in %v\n", len(recs), time.Since(start).Round(time.Millisecond))
	return nil
}

func scoreFiles(dir string, months int) error {
	start := time.Now()
	y, err := os.ReadFile(filepath.Join(dir, "scale.yaml"))
	if err != nil {
		return err
	}
	c, err := contract.Decode(bytes.NewReader(y), "scale.yaml", contract.YAML)
	if err != nil {
		return err
	}
	f, err := os.Open(filepath.Join(dir, "scale.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	rt, err := contract.ReadReturn(f, "scale.csv", c)
	if err != nil {
		return err
	}
	read := time.Since(start)
	last := scalegen.First.AddMonths(months - 1)
	sc, err := c.ScoreReturn(rt, last.Period())
	if err != nil {
		return err
	}
	s := sc.Summary
	fmt.Printf("%s: %d rows, %d on target, credits £%s; read in %v, scored in %v\n", last.Label(period.Short), len(sc.Rows), s.OnTarget,
		s.Credits.StringFixed(2), read.Round(time.Millisecond), (time.Since(start) - read).Round(time.Millisecond))
	return nil
}
