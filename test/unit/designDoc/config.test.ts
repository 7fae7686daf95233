import * as assert from 'assert';
import * as fc from 'fast-check';
import matter from 'gray-matter';
import * as path from 'path';
import { configCandidates, mergeConfigs, parseConfigFile } from '../../../src/core/designDoc';
import { readYamlSubset } from '../../../src/core/designDoc/configText';

/** What js-yaml (through gray-matter, the project's YAML reader) makes of the same text. */
const jsYaml = (text: string) => matter(`---\n${text}\n---\n`, { excerpt: false }).data;
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('design-doc config', () => {
  it('reads the YAML subset as js-yaml does', () => {
    const samples = [
      'kind: ml-system\nheadings:\n  Launch plan: rollout\n  "Abuse: appeals": safety\nrules:\n  cost: off   # not needed\n',
      'rules: { cost-no-estimate: information, covered-elsewhere: off }\n',
      "# a comment\nkind: 'llm-app'\n\nheadings:\n    'It''s data': data\n",
    ];
    for (const text of samples) {
      const read = readYamlSubset(text.split('\n'));
      assert.ok(read.ok, text);
      assert.deepStrictEqual(plain(read.value), plain(jsYaml(text)), text);
    }
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
    fc.assert(
      fc.property(fc.dictionary(word, fc.dictionary(word, word, { maxKeys: 4 }), { maxKeys: 4 }), (obj) => {
        const text = Object.entries(obj)
          .map(
            ([k, v]) =>
              `${k}:\n${Object.entries(v)
                .map(([a, b]) => `  ${a}: ${b}`)
                .join('\n')}`,
          )
          .join('\n');
        const read = readYamlSubset(text.split('\n'));
        assert.ok(read.ok);
        const expected = jsYaml(text) as Record<string, unknown>;
        for (const k of Object.keys(expected)) if (expected[k] === null && Object.keys(obj[k]).length === 0) continue;
        assert.deepStrictEqual(plain(read.value), plain(expected));
      }),
      { numRuns: 100, seed: 16 },
    );
  });

  it('refuses what a config never needs, on its line: aliases, lists, tabs, repeated keys', () => {
    const cases: [string, number, RegExp][] = [
      ['kind: ml-system\nrules: &a\n  cost: off\n', 2, /anchors and aliases/],
      ['kind: *a\n', 1, /anchors and aliases/],
      ['headings:\n  - Launch\n', 2, /lists are not used/],
      ['rules:\n\tcost: off\n', 2, /tabs/],
      ['kind: a\nkind: b\n', 2, /"kind" is set twice/],
      ['kind: "open\n', 1, /never closed/],
    ];
    for (const [text, line, message] of cases) {
      const { problems } = parseConfigFile(text, 'design-doc.yaml');
      assert.strictEqual(problems.length, 1, text);
      assert.strictEqual(problems[0].line, line, text);
      assert.match(problems[0].message, message);
    }
  });

  it('keeps the valid entries of a config that has bad ones', () => {
    const { config, problems } = parseConfigFile(
      'kind: ml-system\nheadings:\n  Launch plan: rollout\n  Ops: nonsense\nrules:\n  cost: loud\n  evals: off\n',
      'c.yaml',
    );
    assert.deepStrictEqual(
      problems.map((p) => p.line),
      [4, 6],
    );
    assert.deepStrictEqual([config.kind, config.headings?.['launch'], config.rules?.evals, config.rules?.cost], ['ml-system', 'rollout', 'off', undefined]);
  });

  it('validates with file and line, for YAML and JSON', () => {
    const yaml = parseConfigFile('kind: ml-system\nheadings:\n  Launch plan: launch\nrules:\n  cost: loud\ncolour: red\n', '.loopprep/design-doc.yaml');
    assert.deepStrictEqual(yaml.problems.map((p) => p.line).sort(), [3, 5, 6]);
    assert.ok(yaml.problems.every((p) => p.file === '.loopprep/design-doc.yaml'));
    assert.ok(yaml.problems.some((p) => /unknown field "colour"/.test(p.message)));
    assert.ok(yaml.problems.some((p) => p.line === 3 && /must be one of requirements, data/.test(p.message)));
    const json = parseConfigFile('{\n  "kind": "ml-system",\n  "rules": {\n    "cost": "off",\n    "nope": "off"\n  }\n}\n', 'design-doc.json');
    assert.deepStrictEqual(
      json.problems.map((p) => [p.line, /unknown rule "nope"/.test(p.message)]),
      [[5, true]],
    );
    assert.deepStrictEqual(json.config.rules, Object.assign(Object.create(null), { cost: 'off' }));
    const broken = parseConfigFile('{\n  "kind": "ml-system",\n  "rules": {\n}\n', 'design-doc.json');
    assert.strictEqual(broken.problems.length, 1);
    assert.match(broken.problems[0].message, /^bad JSON/);
    assert.ok(broken.problems[0].line >= 4, String(broken.problems[0].line));
  });

  it('accepts ids like constructor and __proto__ as headings without touching prototypes', () => {
    const { config, problems } = parseConfigFile('headings:\n  constructor: data\n  __proto__: cost\n', 'x.yaml');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(config.headings?.constructor, 'data');
    assert.strictEqual(config.headings?.['proto'], 'cost', '"__proto__" normalizes to "proto" and is kept');
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
  });

  it('merges a doc over its team, and looks for configs from the doc up to the repo root', () => {
    const merged = mergeConfigs(
      { kind: 'llm-app', rules: { cost: 'off', evals: 'information' }, source: 'team' },
      { rules: { cost: 'warning' }, source: 'front matter' },
    );
    assert.deepStrictEqual([merged.kind, merged.rules?.cost, merged.rules?.evals], ['llm-app', 'warning', 'information']);
    const found = configCandidates('/repo/docs/ml', '/repo', path.posix);
    assert.deepStrictEqual(found.slice(0, 3), [
      '/repo/docs/ml/.loopprep/design-doc.json',
      '/repo/docs/ml/.loopprep/design-doc.yaml',
      '/repo/docs/ml/.loopprep/design-doc.yml',
    ]);
    assert.strictEqual(found[found.length - 1], '/repo/.loopprep/design-doc.yml');
    assert.strictEqual(found.length, 9);
  });
});
