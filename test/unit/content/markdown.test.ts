import * as assert from 'assert';
import { plainText, renderBlock, renderInline } from '../../../src/core/content/markdown';
import { parseContentFile } from '../../../src/core/content/parse';
import type { Question, Topic } from '../../../src/core/content/types';
import { EXPLANATION, md, singleQuestion } from './helpers';

describe('markdown rendering', () => {
  it('escapes raw HTML instead of rendering it', () => {
    const html = renderBlock('Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<div onclick="x()">block</div>');
    assert.strictEqual(
      html,
      '<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>\n<p>&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;</p>',
    );
    assert.doesNotMatch(html, /<script|<img|<div/);
    assert.strictEqual(renderInline('<b>bold</b> & <i>x</i>'), '&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;x&lt;/i&gt;');
  });

  it('adds rel="noopener noreferrer" to every link', () => {
    assert.strictEqual(renderInline('[docs](https://example.com/a)'), '<a href="https://example.com/a" rel="noopener noreferrer">docs</a>');
    const block = renderBlock('See [one](https://a.example) and [two](https://b.example "Title").');
    assert.strictEqual(block.match(/<a /g)?.length, 2);
    assert.strictEqual(block.match(/rel="noopener noreferrer"/g)?.length, 2);
  });

  it('does not render images as <img>', () => {
    const html = renderBlock('![a chart](https://example.com/chart.png)');
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /a chart/);
  });

  it('refuses javascript: links and leaves bare URLs as text', () => {
    const html = renderBlock('[click](javascript:alert(1)) and https://example.com');
    assert.doesNotMatch(html, /href="javascript:/i);
    assert.doesNotMatch(html, /<a /);
  });

  it('renders tables and strikethrough', () => {
    assert.match(renderBlock('| a | b |\n|---|---|\n| 1 | 2 |'), /<table>[\s\S]*<td>1<\/td>/);
    assert.strictEqual(renderInline('~~gone~~'), '<s>gone</s>');
  });

  it('extracts plain text without markup or HTML', () => {
    assert.strictEqual(plainText('**Bold** and `code` [link](https://a.example)\n\n- item one\n- item two'), 'Bold and code link item one item two');
    assert.strictEqual(plainText('<script>x</script> text'), '<script>x</script> text');
    assert.strictEqual(plainText(''), '');
  });

  it('escapes HTML in every rendered part of a parsed question', () => {
    const options = 'options:\n  - text: "<img src=x onerror=alert(1)>"\n    why: "<script>bad()</script>"\n  - text: "B"\n    why: "b"\n  - text: "C"\n    why: "c"';
    const body = `Prompt <iframe src="https://evil.example"></iframe>?\n\n## Answer\n<b>x</b>\n\n## Explanation\n${EXPLANATION} <style>p{}</style>\n`;
    const { item, problems } = parseContentFile({ path: 'q.md', text: singleQuestion('q-html', { options }, body) }, 'user');
    assert.deepStrictEqual(problems, []);
    const q = item as Question;
    const rendered = [q.promptHtml, q.answerHtml, q.explanationHtml, ...q.options!.flatMap((o) => [o.html, o.whyHtml])].join('\n');
    assert.doesNotMatch(rendered, /<(img|script|iframe|style|b)\b/);
    assert.strictEqual(q.options![0].html, '&lt;img src=x onerror=alert(1)&gt;');
    assert.strictEqual(q.options![0].text, '<img src=x onerror=alert(1)>');
  });

  it('escapes HTML in a topic introduction', () => {
    const text = md(['kind: topic', 'id: evals', 'title: Evals', 'summary: S', 'concepts: [a]'], '<script>alert(1)</script>\n');
    const topic = parseContentFile({ path: 't.md', text }, 'user').item as Topic;
    assert.strictEqual(topic.html, '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});
