import * as assert from 'assert';
import { escapeHtml, plural } from '../../src/core/text';

describe('text helpers', () => {
  it('counts with the noun that agrees: one, then the plural for 0 and many', () => {
    assert.strictEqual(plural(1, 'card'), '1 card');
    assert.strictEqual(plural(0, 'card'), '0 cards');
    assert.strictEqual(plural(3, 'card'), '3 cards');
    assert.strictEqual(plural(2, 'lesson or walkthrough', 'lessons or walkthroughs'), '2 lessons or walkthroughs');
    assert.strictEqual(plural(1, 'card is', 'cards are'), '1 card is');
  });

  it('escapes the five HTML specials and leaves the rest alone', () => {
    assert.strictEqual(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    assert.strictEqual(escapeHtml('p99 ≤ 200 ms — ok'), 'p99 ≤ 200 ms — ok');
    assert.strictEqual(escapeHtml(''), '');
  });
});
