package contract_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/kpiregime/kpiregime/contract"
)

var update = flag.Bool("update", false, "rewrite docs/contract.schema.json from contract.Schema")

const schemaFile = "../docs/contract.schema.json"

// TestSchemaFileIsCurrent checks that the schema in docs is the one the
// model generates.
func TestSchemaFileIsCurrent(t *testing.T) {
	if *update {
		require.NoError(t, os.WriteFile(schemaFile, contract.Schema(), 0o644))
	}
	b, err := os.ReadFile(schemaFile)
	require.NoError(t, err)
	assert.Equal(t, string(contract.Schema()), string(b), "run go test ./contract -run TestSchemaFileIsCurrent -update")
}

// compileSchema compiles the checked-in schema with an independent
// implementation of JSON Schema, which also checks it against the
// draft 2020-12 metaschema.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaFile)
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("contract.schema.json", doc))
	s, err := c.Compile("contract.schema.json")
	require.NoError(t, err)
	return s
}

// jsonValue turns a YAML tree into the value a YAML-aware editor
// validates: numbers, booleans and nulls by their YAML tags, other scalars
// as strings.
func jsonValue(t *testing.T, n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return jsonValue(t, n.Content[0])
	case yaml.AliasNode:
		return jsonValue(t, n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i < len(n.Content); i += 2 {
			m[n.Content[i].Value] = jsonValue(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, jsonValue(t, c))
		}
		return s
	}
	switch n.Tag {
	case "!!int", "!!float":
		return json.Number(n.Value)
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

func yamlInstance(t *testing.T, text []byte) any {
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal(text, &n))
	return jsonValue(t, &n)
}

// exampleFiles are the contract files the project ships.
func exampleFiles(t *testing.T) []string {
	var files []string
	for _, pattern := range []string{"../examples/*/*.yaml", "../examples/*/*.json", "../examples/*/testdata/*.yaml", "../examples/*/testdata/*.json"} {
		more, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, more...)
	}
	require.NotEmpty(t, files)
	return files
}

// TestExamplesValidateAgainstSchema checks every shipped contract file,
// the complete example in docs/file-format.md, the small file of the
// broken-file tests and a contract using every feature, written as YAML and
// JSON.
func TestExamplesValidateAgainstSchema(t *testing.T) {
	s := compileSchema(t)
	instances := map[string]any{"base": yamlInstance(t, []byte(baseYAML))}
	for _, name := range exampleFiles(t) {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		instances[name] = yamlInstance(t, b)
	}
	doc, err := os.ReadFile("../docs/file-format.md")
	require.NoError(t, err)
	instances["docs/file-format.md"] = yamlInstance(t, []byte(completeExample(t, string(doc))))
	for _, f := range []contract.Format{contract.YAML, contract.JSON} {
		var b bytes.Buffer
		require.NoError(t, contract.Encode(&b, richContract(t), f))
		if f == contract.JSON {
			v, err := jsonschema.UnmarshalJSON(&b)
			require.NoError(t, err)
			instances["rich.json"] = v
		} else {
			instances["rich.yaml"] = yamlInstance(t, b.Bytes())
		}
	}
	require.GreaterOrEqual(t, len(instances), 4)
	for name, v := range instances {
		assert.NoError(t, s.Validate(v), name)
	}
}

// TestSchemaCatchesMistakes checks that the schema is not vacuous: it
// refuses the mistakes an editor should underline.
func TestSchemaCatchesMistakes(t *testing.T) {
	s := compileSchema(t)
	for name, text := range map[string]string{
		"a typo in a field name": edit(14, "        service_aera: ICT"),
		"a decimal comma":        edit(24, "          detriment: 87,0"),
		"an unknown unit":        edit(16, "          unit: percentage"),
		"no regimes":             "id: X\nstart: 2016-04-01\n",
		"a misspelt status":      edit(26, "          points: {missed: 1, detrimental: 2}"),
	} {
		err := s.Validate(yamlInstance(t, []byte(text)))
		assert.Error(t, err, name)
	}
}

// completeExample returns the first yaml block of a Markdown document.
func completeExample(t *testing.T, doc string) string {
	t.Helper()
	_, rest, ok := strings.Cut(doc, "```yaml\n")
	require.True(t, ok, "no yaml block")
	block, _, ok := strings.Cut(rest, "```")
	require.True(t, ok)
	return block
}
