import * as assert from 'assert';
import type { ContentIndex, Question } from '../../../src/core/content/types';
import { DrillController, type DrillBackend } from '../../../src/core/drill/controller';
import {
  parseDrillMessage,
  parseHostToDrill,
  type DrillCard,
  type DrillResult,
  type DrillSummary,
  type HostToDrill,
  type Rating,
} from '../../../src/shared/drill';
import { parseProgressMessage } from '../../../src/shared/progress';
import { MAX_WEBVIEW_ERROR_LENGTH } from '../../../src/shared/protocol';
import { parseHostToReader, parseReaderMessage, type ReaderDocument } from '../../../src/shared/reader';
import { parseHostToSelfReview, parseSelfReviewMessage, type SelfReview } from '../../../src/shared/selfReview';

/** What the webview receives: the message after a JSON round trip, as postMessage delivers it. */
const delivered = (msg: unknown): unknown => JSON.parse(JSON.stringify(msg));

// Every field set, optional ones too (`Required`): a schema that forgot a field would drop it, and fail here.
const card: Required<DrillCard> = {
  id: 'q1',
  type: 'multi',
  topicTitle: 'Evals',
  difficulty: 'easy',
  promptHtml: '<p>Which?</p>',
  options: [
    { html: '<p>A</p>', label: 'A' },
    { html: '<p>B</p>', label: 'B' },
  ],
  unit: 'ms',
  typeAnswer: true,
};
const progress = { position: 1, total: 3, again: 1, modeLabel: 'Due' };
const result: Required<DrillResult> = {
  cardId: 'q1',
  correct: false,
  correctIndices: [1],
  chosenIndices: [0],
  numeric: { given: 90, answer: 100, unit: 'GB', tolerance: 0.1 },
  answerHtml: '<p>B</p>',
  explanationHtml: '<p>Because.</p>',
  optionWhyHtml: ['<p>no</p>', '<p>yes</p>'],
  slip: 'forgets the 3 tools',
  keyPoints: ['prefill is compute-bound', 'decode is memory-bound'],
  suggestedRating: 1,
  previews: [{ rating: 1, label: 'Again', interval: '10m' }],
  typed: { text: 'Prefill is compute-bound.', last: { text: 'no idea', when: '3 days ago' }, grader: 'Fake (v/f)' },
};
const summary: Required<DrillSummary> = {
  reviewed: 3,
  graded: 2,
  correct: 1,
  durationMs: 60_000,
  xpGained: 20,
  nextDue: 'tomorrow',
  left: 0,
  dueAgain: '1 card is due again in 10 min',
  failed: [{ id: 'q1', label: 'Which?' }],
};

describe('webview messages: what the host sends', () => {
  it('reach the drill webview whole, every optional field included', () => {
    const messages: HostToDrill[] = [
      { type: 'card', card, progress },
      { type: 'result', result, progress },
      { type: 'summary', summary },
      { type: 'empty', message: 'Nothing due.' },
      { type: 'notice', message: 'Something went wrong.' },
      {
        type: 'graded',
        cardId: 'q1',
        grading: {
          points: [
            { hit: true, quote: 'Prefill is compute-bound' },
            { hit: false, unverified: true },
          ],
          rating: 2,
          feedback: 'Name decode.',
          model: 'Fake (v/f)',
        },
      },
      { type: 'gradeFailed', cardId: 'q1', message: 'AI feedback needs a chat model.' },
    ];
    for (const msg of messages) assert.deepStrictEqual(parseHostToDrill(delivered(msg)), msg, msg.type);
  });

  it('are accepted from a real drill session, card to summary', async () => {
    const src = { pack: 'builtin', file: 'x.md' };
    const opts = ['A', 'B'].map((t) => ({ html: t, whyHtml: `why ${t}`, text: t }));
    const questions: Question[] = [
      {
        kind: 'question',
        id: 'q1',
        aliases: [],
        source: src,
        topic: 't',
        roles: ['r'],
        difficulty: 'easy',
        type: 'single',
        promptHtml: '<p>1</p>',
        promptText: '1',
        explanationHtml: '<p>e1</p>',
        explanationText: 'e1',
        options: opts,
        correct: [1],
        tags: [],
      },
      {
        kind: 'question',
        id: 'q2',
        aliases: [],
        source: src,
        topic: 't',
        roles: ['r'],
        difficulty: 'medium',
        type: 'numeric',
        promptHtml: '<p>2</p>',
        promptText: '2',
        explanationHtml: '<p>e2</p>',
        explanationText: 'e2',
        numeric: { answer: 100, tolerance: 0.1, unit: 'GB' },
        tags: [],
      },
    ];
    const index: ContentIndex = { formatVersion: 1, roles: [], topics: [], questions, cases: [], lessons: [], templates: [] };
    const backend: DrillBackend = {
      content: () => index,
      preview: (_id, now) =>
        ([1, 2, 3, 4] as Rating[]).map((rating) => ({
          rating,
          due: new Date(now.getTime() + rating * 60000),
          intervalMs: rating * 60000,
          label: `${rating}m`,
        })),
      record: async () => undefined,
      undoLast: async () => undefined,
      card: () => undefined,
      nextDue: (now) => new Date(now.getTime() + 86400000),
    };
    let clock = Date.parse('2026-03-01T09:00:00Z');
    const c = new DrillController(backend, { cardIds: ['q1', 'q2'], modeLabel: 'Due', now: () => new Date((clock += 1000)) });
    const sent = [
      c.current(),
      c.submit('q1', { kind: 'choice', indices: [0] }),
      await c.rate('q1', 1),
      c.submit('q2', { kind: 'numeric', value: 95 }),
      await c.rate('q2', 3),
    ];
    assert.deepStrictEqual(
      sent.map((m) => m?.type),
      ['card', 'result', 'card', 'result', 'summary'],
    );
    for (const msg of sent) assert.deepStrictEqual(parseHostToDrill(delivered(msg)), delivered(msg), msg?.type);
  });

  it('let the drill webview refuse what it could not draw', () => {
    const bad: unknown[] = [
      null,
      { type: 'card', card },
      { type: 'card', card: { ...card, type: 'essay' }, progress },
      { type: 'card', card: { ...card, options: [{ html: 'A' }] }, progress },
      { type: 'result', result: { ...result, suggestedRating: 5 }, progress },
      { type: 'result', result: { ...result, correct: 'yes' }, progress },
      delivered({ type: 'result', result: { ...result, numeric: { ...result.numeric, given: Number.NaN } }, progress }),
      { type: 'summary', summary: { ...summary, failed: [{ id: 'q1' }] } },
      { type: 'summary', summary: { ...summary, reviewed: '3' } },
      { type: 'empty' },
      { type: 'launch', message: 'x' },
    ];
    for (const raw of bad) assert.strictEqual(parseHostToDrill(raw), undefined, JSON.stringify(raw)?.slice(0, 120));
  });

  it('reach the reader and the self-review whole, and are refused when malformed', () => {
    const doc: ReaderDocument = {
      kind: 'case',
      id: 'rag-bot',
      title: 'RAG bot',
      subtitle: 'Case study',
      sections: [{ heading: 'Prompt', html: '<p>Hi</p>' }],
      complete: true,
    };
    assert.deepStrictEqual(parseHostToReader(delivered({ type: 'show', doc })), { type: 'show', doc });
    assert.deepStrictEqual(parseHostToReader({ type: 'missing', id: 'gone' }), { type: 'missing', id: 'gone' });
    for (const raw of [
      { type: 'show' },
      { type: 'show', doc: { ...doc, kind: 'video' } },
      { type: 'show', doc: { ...doc, sections: [{ heading: 'x' }] } },
      { type: 'show', doc: { ...doc, complete: 'no' } },
      { type: 'missing' },
    ]) {
      assert.strictEqual(parseHostToReader(raw), undefined, JSON.stringify(raw));
    }
    const review: Required<SelfReview> = {
      reviewId: 'r1',
      caseId: 'doc-qa',
      caseTitle: 'Document Q&A',
      reason: 'finished',
      elapsed: '30:00 of 45:00',
      note: 'Your doc was closed, so nothing is pre-ticked.',
      preTickedBy: 'Fake model (fake/fake)',
      sections: [
        {
          key: 'latency',
          heading: 'Latency',
          points: [{ id: 'doc-qa-latency-0', text: 'Streams.', evidenced: false, found: [], reason: 'No time to first token.' }],
        },
      ],
    };
    assert.deepStrictEqual(parseHostToSelfReview(delivered({ type: 'show', review })), { type: 'show', review });
    assert.strictEqual(
      parseHostToSelfReview({ type: 'show', review: { ...review, sections: [{ heading: 'Latency', points: [] }] } }),
      undefined,
      'a section without its key',
    );
  });
});

describe('webview messages: one limit for every webview error text', () => {
  const parsers: [string, (raw: unknown) => { type: string; message?: string } | undefined][] = [
    ['drill', parseDrillMessage],
    ['reader', parseReaderMessage],
    ['self-review', parseSelfReviewMessage],
    ['progress', parseProgressMessage],
  ];

  it('cuts long texts to the same length in all four, the reader included', () => {
    for (const [name, parse] of parsers) {
      const long = parse({ type: 'webviewError', message: 'x'.repeat(5000) });
      assert.deepStrictEqual(long, { type: 'webviewError', message: 'x'.repeat(MAX_WEBVIEW_ERROR_LENGTH) }, name);
      const exact = parse({ type: 'webviewError', message: 'y'.repeat(MAX_WEBVIEW_ERROR_LENGTH) });
      assert.strictEqual(exact?.message?.length, MAX_WEBVIEW_ERROR_LENGTH, name);
    }
  });

  it('refuses empty and non-string texts in all four', () => {
    for (const [name, parse] of parsers) {
      for (const message of ['', 7, null, undefined, ['x']])
        assert.strictEqual(parse({ type: 'webviewError', message }), undefined, `${name}: ${JSON.stringify(message)}`);
    }
  });
});
