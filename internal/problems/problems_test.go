package problems

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errBad = errors.New("invalid")

func TestList(t *testing.T) {
	var l List
	assert.NoError(t, l.Err(errBad))
	l.Add("ref", "an indicator needs a reference")
	m := List{Prefix: "measure"}
	m.Add("unit", "must be stated")
	m.Add("", "the whole measure")
	b := List{Prefix: "bands"}
	b.Add("[2].level", "out of order")
	l.Merge(&m)
	l.Merge(&b)
	l.Append(nil, errors.New("a plain problem"))
	require.Equal(t, 5, l.Len())
	err := l.Err(errBad)
	assert.ErrorIs(t, err, errBad)
	assert.EqualError(t, err, "invalid: ref: an indicator needs a reference\nmeasure.unit: must be stated\nmeasure: the whole measure\nbands[2].level: out of order\na plain problem")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "ref", fe.Path)

	// Merging under a prefix nests the paths.
	outer := List{Prefix: "regimes[0]"}
	inner := List{Prefix: "kpis[3]"}
	inner.Add("bands.failure", "must be below the detriment level 87")
	outer.Merge(&inner)
	assert.EqualError(t, outer.Err(errBad), "invalid: regimes[0].kpis[3].bands.failure: must be below the detriment level 87")
	assert.Equal(t, "no path", (&FieldError{Msg: "no path"}).Error())
}
