package cli_test

import (
	"bytes"
	"errors"
	"flag"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kpiregime/kpiregime/internal/cli"
)

func TestRun(t *testing.T) {
	n := 0
	c := cli.Command{
		Name:    "demo",
		Formats: []string{"text", "json"},
		Flags: func(fs *flag.FlagSet) (string, func() bool) {
			fs.IntVar(&n, "n", 1, "how many")
			return "[-n N]", func() bool { return n > 0 }
		},
		Write: func(b *bytes.Buffer, format string) error {
			if n == 13 {
				b.WriteString("half a report")
				return errors.New("unlucky")
			}
			b.WriteString(format)
			return nil
		},
	}
	for _, tc := range []struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		{nil, 0, "text", ""},
		{[]string{"-format", "json"}, 0, "json", ""},
		{[]string{"-format", "pdf"}, 2, "", "usage: demo [-format text|json] [-n N]\n"},
		{[]string{"-n", "0"}, 2, "", "usage: demo [-format text|json] [-n N]\n"},
		{[]string{"extra"}, 2, "", "usage: demo [-format text|json] [-n N]\n"},
		{[]string{"-n", "13"}, 1, "", "unlucky\n"}, // nothing of a failed report is written
	} {
		var out, errs bytes.Buffer
		assert.Equal(t, tc.code, c.Run(tc.args, &out, &errs), tc.args)
		assert.Equal(t, tc.stdout, out.String(), tc.args)
		assert.Equal(t, tc.stderr, errs.String(), tc.args)
	}
	var out, errs bytes.Buffer
	assert.Equal(t, 2, c.Run([]string{"-x"}, &out, &errs))
	assert.Contains(t, errs.String(), "flag provided but not defined: -x")
	bare := cli.Command{Name: "bare", Write: func(b *bytes.Buffer, _ string) error { b.WriteString("ok"); return nil }}
	assert.Equal(t, 2, bare.Run([]string{"-format", "text"}, &out, &errs))
	errs.Reset()
	assert.Equal(t, 2, bare.Run([]string{"x"}, &out, &errs))
	assert.Equal(t, "usage: bare\n", errs.String())
}
