import * as assert from 'assert';
import type { CaseStudy, Template } from '../../../src/core/content/types';
import { buildScaffold, escapeSnippet } from '../../../src/core/designDoc/template';

const template: Template = {
  kind: 'template',
  id: 'design-doc',
  aliases: [],
  source: { pack: 'builtin', file: 't.md' },
  title: 'T',
  markdown: '',
  sections: [
    { heading: 'Evals', guidingQuestions: ['Which dataset, and what $ threshold?'] },
    { heading: 'Latency', guidingQuestions: ['What p95 in ms?', 'Time to first token?'] },
  ],
};

describe('design-doc scaffold', () => {
  it('marks the doc with front matter and gives each section one tab stop', () => {
    const { snippet, text } = buildScaffold(template);
    assert.ok(text.startsWith('---\nloopPrep: design-doc\ntemplate: design-doc\n---\n'));
    assert.match(text, /## Evals\n\n- Which dataset, and what \$ threshold\?\n/);
    assert.match(snippet, /\$\{1:- Which dataset, and what \\\$ threshold\?\}/);
    assert.match(snippet, /\$\{2:- What p95 in ms\?\n- Time to first token\?\}/);
    assert.ok(snippet.endsWith('$0'));
  });
  it('records the case and quotes its prompt', () => {
    const c = { id: 'document-qa', title: 'Doc QA' } as CaseStudy;
    const { text } = buildScaffold(template, c, 'Build Q&A over documents.');
    assert.match(text, /^---\nloopPrep: design-doc\ncase: document-qa\n/);
    assert.match(text, /# Design: Doc QA\n\n> Build Q&A over documents\./);
  });
  it('escapes snippet syntax', () => {
    assert.strictEqual(escapeSnippet('a $1 } \\ b'), 'a \\$1 \\} \\\\ b');
  });
});
