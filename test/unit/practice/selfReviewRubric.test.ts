import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { compileContent } from '../../../src/core/content/compile';
import { CASE_SECTIONS, type CaseSectionKey, type CaseStudy, type RubricPoint } from '../../../src/core/content/types';
import { isContentId } from '../../../src/core/ids';
import {
  buildRubricCard,
  buildSelfReview,
  cardIdForPoint,
  cardsKey,
  parseRubricPointId,
  rubricCardId,
  rubricCardsFromPractices,
  rubricPointId,
  rubricPoints,
  scoreSelfReview,
} from '../../../src/core/practice/selfReviewRubric';
import { readPackFolder } from '../../../src/node/packFiles';

function rubric(overrides: Partial<Record<CaseSectionKey, RubricPoint[]>> = {}): Record<CaseSectionKey, RubricPoint[]> {
  const out = {} as Record<CaseSectionKey, RubricPoint[]>;
  for (const { key } of CASE_SECTIONS) out[key] = overrides[key] ?? [{ point: `A ${key} point.`, evidence: [`${key} evidence`] }];
  return out;
}

function caseStudy(id = 'doc-qa', overrides: Partial<CaseStudy> = {}): CaseStudy {
  return {
    kind: 'case',
    id,
    aliases: [],
    source: { pack: 'builtin', file: `content/cases/${id}.md` },
    title: 'Document Q&A <internal>',
    summary: 'Answer questions over internal documents.',
    roles: ['product-ai'],
    topics: ['retrieval-rag', 'evals'],
    promptHtml: '<p>Design it.</p>',
    clarifyingHtml: '',
    sections: [],
    rubric: rubric({
      latency: [
        { point: 'Streams the answer & states p95 time to first token.', evidence: ['time to first token', 'stream'] },
        { point: 'Splits the latency budget across steps.', evidence: ['latency budget'] },
      ],
    }),
    ...overrides,
  };
}

describe('self-review: rubric point and card ids', () => {
  it('builds point and card ids and reads point ids back, hyphenated section keys included', () => {
    assert.strictEqual(rubricPointId('doc-qa', 'failure-modes', 3), 'doc-qa-failure-modes-3');
    assert.strictEqual(rubricCardId('doc-qa', 'model-choice', 0), 'doc-qa-rubric-model-choice-0');
    for (const { key } of CASE_SECTIONS) {
      for (const i of [0, 4, 12]) assert.deepStrictEqual(parseRubricPointId('doc-qa', rubricPointId('doc-qa', key, i)), { section: key, index: i });
    }
    for (const bad of [
      'other-latency-0',
      'doc-qa-latency',
      'doc-qa-latency-x',
      'doc-qa-latency-01',
      'doc-qa-speed-1',
      'doc-qa-latency-1-2',
      'doc-qa-rubric-latency-1',
    ]) {
      assert.strictEqual(parseRubricPointId('doc-qa', bad), undefined, bad);
    }
    assert.strictEqual(cardIdForPoint('doc-qa', 'doc-qa-rollout-2'), 'doc-qa-rubric-rollout-2');
    assert.strictEqual(cardIdForPoint('doc-qa', 'nonsense'), undefined);
    assert.strictEqual(cardIdForPoint('x'.repeat(70), `${'x'.repeat(70)}-failure-modes-1`), undefined, 'over 80 characters is no content id');
  });

  it('lists every point in syllabus order', () => {
    const points = rubricPoints(caseStudy());
    assert.strictEqual(points.length, 11);
    assert.deepStrictEqual(points.map((p) => `${p.section}-${p.index}`).slice(3, 7), ['evals-0', 'latency-0', 'latency-1', 'cost-0']);
  });
});

describe('self-review: the review model', () => {
  const DOC = `---\nloopPrep: design-doc\ncase: doc-qa\n---\n## Latency\n- What is the end-to-end latency target?\nWe stream tokens; p95 time-to-first token under 1 s.\n\n## Cost\nrollout evidence appears here, outside its section.\n`;

  it('groups points by section and pre-ticks those with evidence in the doc', () => {
    const review = buildSelfReview(caseStudy(), DOC, { reviewId: 'r1', reason: 'time-up', elapsed: '45:00 of 45:00' });
    assert.strictEqual(review.caseId, 'doc-qa');
    assert.strictEqual(review.sections.length, 10);
    const latency = review.sections.find((s) => s.key === 'latency')!;
    assert.strictEqual(latency.heading, 'Latency');
    assert.deepStrictEqual(
      latency.points.map((p) => [p.id, p.evidenced, p.found]),
      [
        ['doc-qa-latency-0', true, ['time to first token', 'stream']],
        ['doc-qa-latency-1', false, []],
      ],
    );
    const rollout = review.sections.find((s) => s.key === 'rollout')!;
    assert.strictEqual(rollout.points[0].evidenced, true, 'a missing section is searched across the whole doc');
    assert.strictEqual(review.sections.find((s) => s.key === 'cost')!.points[0].evidenced, false);
  });

  it('scores ticks against the review, ignoring ids it does not have', () => {
    const review = buildSelfReview(caseStudy(), DOC, { reviewId: 'r1', reason: 'finished', elapsed: '1:00 of 45:00' });
    const r = scoreSelfReview(review, ['doc-qa-latency-0', 'doc-qa-rollout-0', 'made-up', 'doc-qa-latency-0']);
    assert.strictEqual(r.score, 2);
    assert.strictEqual(r.maxScore, 11);
    assert.strictEqual(r.missed.length, 9);
    assert.ok(!r.missed.includes('doc-qa-latency-0'));
    assert.ok(r.missed.includes('doc-qa-latency-1'));
    assert.deepStrictEqual(scoreSelfReview(review, []).score, 0);
  });
});

describe('self-review: rubric cards', () => {
  it('builds a flashcard linked to the case, filed under its first topic, with escaped HTML', () => {
    const card = buildRubricCard(caseStudy(), 'latency', 0)!;
    assert.strictEqual(card.id, 'doc-qa-rubric-latency-0');
    assert.ok(isContentId(card.id));
    assert.deepStrictEqual([card.kind, card.type, card.topic, card.caseId, card.difficulty], ['question', 'flashcard', 'retrieval-rag', 'doc-qa', 'medium']);
    assert.deepStrictEqual(card.roles, ['product-ai']);
    assert.strictEqual(card.promptHtml, '<p>What does a strong answer say about <strong>Latency</strong> for <em>Document Q&amp;A &lt;internal&gt;</em>?</p>');
    assert.strictEqual(card.promptText, 'What does a strong answer say about Latency for "Document Q&A <internal>"?');
    assert.strictEqual(card.answerHtml, '<p>Streams the answer &amp; states p95 time to first token.</p>');
    assert.strictEqual(card.explanationText.split('. ').length, 2, 'two sentences');
    assert.match(card.explanationHtml, /^<p>Interviewers look for this under Latency because a strong answer states targets as numbers/);
    assert.ok(card.tags.includes('rubric'));
  });

  it('makes no card for a point that is gone, a case without topics, or an over-long id', () => {
    assert.strictEqual(buildRubricCard(caseStudy(), 'latency', 2), undefined);
    assert.strictEqual(buildRubricCard(caseStudy('doc-qa', { topics: [] }), 'latency', 0), undefined);
    assert.strictEqual(buildRubricCard(caseStudy('a'.repeat(70)), 'failure-modes', 0), undefined);
  });

  it('derives the cards from stored practices: deduplicated, first miss first, unknown cases and ids skipped', () => {
    const cases = [caseStudy(), caseStudy('recs', { title: 'Recommendations' })];
    const cards = rubricCardsFromPractices(cases, [
      { caseId: 'doc-qa', missed: ['doc-qa-latency-1', 'doc-qa-cost-0'] },
      { caseId: 'gone', missed: ['gone-latency-0'] },
      { caseId: 'recs', missed: ['recs-rollout-0', 'recs-latency-9', 'garbage'] },
      { caseId: 'doc-qa', missed: ['doc-qa-cost-0', 'doc-qa-latency-0'] },
    ]);
    assert.deepStrictEqual(
      cards.map((c) => c.id),
      ['doc-qa-rubric-latency-1', 'doc-qa-rubric-cost-0', 'recs-rubric-rollout-0', 'doc-qa-rubric-latency-0'],
    );
    assert.strictEqual(
      cardsKey(cards),
      cardsKey(
        rubricCardsFromPractices(cases, [
          { caseId: 'doc-qa', missed: ['doc-qa-latency-1', 'doc-qa-cost-0'] },
          { caseId: 'recs', missed: ['recs-rollout-0'] },
          { caseId: 'doc-qa', missed: ['doc-qa-latency-0'] },
        ]),
      ),
    );
    assert.notStrictEqual(cardsKey(cards), cardsKey(cards.slice(1)));
    assert.deepStrictEqual(rubricCardsFromPractices(cases, []), []);
  });

  it('gives every point of every built-in case a valid, unique card id', async function () {
    this.timeout(20_000);
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, 'content', 'cases'))) dir = path.dirname(dir);
    const { files } = await readPackFolder(path.join(dir, 'content'));
    const { index } = compileContent(files, 'builtin');
    assert.ok(index.cases.length > 0);
    const ids = new Set(index.questions.map((q) => q.id));
    for (const c of index.cases) {
      const practice = { caseId: c.id, missed: rubricPoints(c).map((p) => rubricPointId(c.id, p.section, p.index)) };
      const cards = rubricCardsFromPractices(index.cases, [practice]);
      assert.strictEqual(cards.length, practice.missed.length, `${c.id}: one card per point`);
      for (const card of cards) {
        assert.ok(isContentId(card.id), card.id);
        assert.ok(!ids.has(card.id), `${card.id} collides with a bank question`);
        assert.ok(
          index.topics.some((t) => t.id === card.topic),
          `${card.id} has a known topic`,
        );
      }
    }
  });
});
