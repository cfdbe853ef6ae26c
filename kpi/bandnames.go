package kpi

import (
	"fmt"
	"strconv"
	"strings"
)

// A schemeKind says which scheme built a ladder, and so what its bands and
// levels are called.
type schemeKind uint8

const (
	ladder                 schemeKind = iota // built band by band with NewBands
	schemeTargetOnly                         // TargetOnly
	schemeTolerance                          // TargetTolerance
	schemeDetrimentFailure                   // TargetDetrimentFailure and VolumeOfFailures
	schemeMinimum                            // TargetAndMinimum(At)
	schemeScore                              // ScoreBands
)

// schemeLevels names the levels of each scheme's bands, best first; the
// last band has no level. A scheme's band takes its status for its name,
// except where the scheme names it (schemeBands).
var schemeLevels = [...][]string{
	schemeTargetOnly:       {"target", ""},
	schemeTolerance:        {"target", "tolerance level", ""},
	schemeDetrimentFailure: {"target", "detriment level", "failure level", ""},
	schemeMinimum:          {"target service level", "minimum service level", ""},
}

// schemeBands names the bands of the schemes that name them: seeds 002 and
// 003 report "Met TSL", "Failed TSL" and "Failed MSL".
var schemeBands = [...][]string{
	schemeMinimum: {"met TSL", "failed TSL", "failed MSL"},
}

// Name returns the name of band i: its [Band].Name where it has one, and
// otherwise the name the scheme that built the ladder gives it ("failed
// TSL" on [TargetAndMinimum]'s ladder, "Score 4" on [ScoreBands]'), or,
// where neither names it, its status ("tolerance").
func (bs Bands) Name(i int) string {
	if n := bs.list[i].Name; n != "" {
		return n
	}
	if int(bs.scheme) < len(schemeBands) && i < len(schemeBands[bs.scheme]) {
		return schemeBands[bs.scheme][i]
	}
	return bs.list[i].Status.String()
}

// LevelName returns the name of the level of band i, the level a figure
// must reach to be in it: the name the scheme that built the ladder gives
// it ("target", "tolerance level", "detriment level", "failure level",
// "target service level", "minimum service level"), or, on a ladder built
// band by band or for a band with a [Band].Name, "level of" and the
// band's name ("level of Tier 1", "level of Score 4"). A band at the
// target ([Target]) has the level "target" wherever its scheme does not
// name it otherwise ("target service level"). The last band has no level:
// its LevelName is "".
func (bs Bands) LevelName(i int) string {
	if i == len(bs.list)-1 {
		return ""
	}
	if n, ok := bs.schemeLevel(i); ok {
		return n
	}
	return "level of " + bs.Name(i)
}

// schemeLevel returns the scheme's name for the level of band i, or the
// target's for a level at the target; false where the band is named by
// its own name instead.
func (bs Bands) schemeLevel(i int) (string, bool) {
	b := bs.list[i]
	if b.Name == "" && int(bs.scheme) < len(schemeLevels) && i < len(schemeLevels[bs.scheme]) {
		return schemeLevels[bs.scheme][i], true
	}
	if b.Reach.Kind == AtTarget {
		return "target", true
	}
	return "", false
}

// LevelName returns the name of the level of the exceeded band the rule
// adds: "stretch level" for [ExceedAt]; "target" for [ExceedWhenBetter],
// whose exceeded band begins strictly better than the target; "" for
// [NoExceed]. The band itself is named by its status, "exceeded".
func (r ExceedRule) LevelName() string {
	switch r.kind {
	case exceedStrict:
		return "target"
	case exceedStretch:
		return "stretch level"
	}
	return ""
}

// namesEqual reports whether bs and o, with the same bands, name them and
// their levels alike.
func (bs Bands) namesEqual(o Bands) bool {
	for i := range bs.list {
		if bs.Name(i) != o.Name(i) || bs.LevelName(i) != o.LevelName(i) {
			return false
		}
	}
	return true
}

// A rung is how a reason names band i of a definition's ladder: by the
// name of its level ("the detriment level of 87%"), for the bands of a
// scheme and the exceed rule's; or by its own name ("95%, the level of 4
// Strong (met)"), for bands with names and ladders built band by band.
type rung struct {
	level string // the level's name, where the band is named by it
	label string // the band's label, where it is named by its own name
}

// rung names band i of x's ladder, the exceed rule's band first if it has
// one: a band with a name by its label; a band with no name, on a ladder a
// scheme built, or at the target, by its level's name; the last band, which
// has no level, by its label only where the band above is named by its
// label ("65% is below 70%, the level of Red (missed): failed"). So
// ladders with the same names ([Bands.Equal]) give the same reasons.
func (x *defData) rung(i int) rung {
	off := x.exceedOffset()
	if i < off {
		return rung{level: x.spec.Exceed.LevelName()}
	}
	bs := x.spec.Bands
	b, last := bs.list[i-off], i == len(x.ladder)-1
	switch {
	case b.Name != "":
	case last && (i == 0 || x.rung(i-1).label == ""):
		return rung{}
	case last:
	case bs.scheme != ladder || b.Reach.Kind == AtTarget:
		n, _ := bs.schemeLevel(i - off)
		return rung{level: n}
	}
	return rung{label: x.bandLabel(i)}
}

// exceedOffset is 1 where the ladder begins with the exceed rule's band.
func (x *defData) exceedOffset() int {
	if x.spec.Exceed.kind != exceedNone {
		return 1
	}
	return 0
}

// namesBand reports whether the reason names band b itself, by its name
// or its place on the ladder, rather than by its level's name.
func (x *defData) namesBand(b int) bool { return x.rung(b).label != "" }

// bandLabel names band b: by its name ("Tier 1 (failed)", "4 Strong
// (met)"), or, on a ladder built band by band, by its status ("missed"
// band") or, among bands of the same status, its place ("the second failed
// band of 2").
func (x *defData) bandLabel(b int) string {
	band := x.ladder[b]
	if band.Name != "" {
		if x.maxScore > 0 && !strings.Contains(band.Name, strconv.Itoa(band.Score)) {
			// On a score scale, the score too: "4 Strong (met)".
			return fmt.Sprintf("%d %s (%s)", band.Score, band.Name, band.Status)
		}
		return fmt.Sprintf("%s (%s)", band.Name, band.Status)
	}
	if n := x.spec.Bands; n.scheme != ladder && b >= x.exceedOffset() {
		if name := n.Name(b - x.exceedOffset()); name != band.Status.String() {
			return fmt.Sprintf("%s (%s)", name, band.Status)
		}
	}
	n, of := 0, 0
	for i, o := range x.ladder {
		if o.Status == band.Status {
			of++
			if i <= b {
				n++
			}
		}
	}
	if of == 1 {
		return band.Status.String()
	}
	return fmt.Sprintf("the %s %s band of %d", ordinal(n), band.Status, of)
}

// ordinal writes n as a word: first, second, ...; past tenth, 11th.
func ordinal(n int) string {
	words := [...]string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	if n > 0 && n < len(words) {
		return words[n]
	}
	return fmt.Sprintf("%dth", n)
}
