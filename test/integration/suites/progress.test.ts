import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { READINESS_FORMULA, importSizeError } from '../../../src/core/progress';
import type { ExportFile } from '../../../src/core/progress';
import type { LoopPrepApi } from '../../../src/extension/extension';
import { FOCUS_PROGRESS_VIEW } from '../../../src/extension/commands';
import type { ProgressApi } from '../../../src/extension/progress';
import type { ProgressView } from '../../../src/shared/progress';
import { activateExtension, storedState, waitFor } from '../util';

const config = () => vscode.workspace.getConfiguration('loopPrep');

/** The local date, as the heatmap labels its cells. */
function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function todayCell(model: ProgressView): { count: number } | undefined {
  const today = localDate(new Date());
  return model.heatmap.weeks.flat().find((c) => c.date === today);
}

/** The extension's API and its progress part (activate() returns it as `progress`). */
async function apis(): Promise<{ api: LoopPrepApi; progress: ProgressApi }> {
  const api = await activateExtension();
  await Promise.all([api.content.ensureLoaded(), api.state.ready]);
  const progress = (api as LoopPrepApi & { readonly progress?: ProgressApi }).progress;
  assert.ok(progress, 'activate() returns progress');
  return { api, progress };
}

describe('progress: the Progress view, export, import and reset', () => {
  let dir: string;
  let exported: string;

  before(async () => {
    await config().update('role', 'product-ai', vscode.ConfigurationTarget.Global);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loop-prep-progress-'));
    exported = path.join(dir, 'export.json');
  });

  after(async () => {
    await config().update('role', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows a drill just done: today’s reviews in the heatmap, the streak and XP, as the store has them', async () => {
    const { api, progress } = await apis();
    await vscode.commands.executeCommand(FOCUS_PROGRESS_VIEW);
    await waitFor(() => progress.visible() && progress.lastPosted(), 'the Progress view to receive a model', 20_000);

    const store = storedState(api.state);
    const cards = api.content.index.questions.filter((q) => q.topic === 'evals' && !store.card(q.id)?.card).slice(0, 3);
    assert.strictEqual(cards.length, 3, 'three new evals cards to drill');
    const backend = api.state.drillBackend(() => api.content.index);
    const posted = progress.postCount();
    for (const [i, card] of cards.entries()) await backend.record({ cardId: card.id, rating: 3, at: new Date(), correct: true, durationMs: 4000 + i, xp: 8 });

    const today = localDate(new Date());
    const reviewedToday = () => store.reviews().filter((r) => localDate(r.reviewedAt) === today).length;
    const model = await waitFor(() => {
      const m = progress.lastPosted();
      return m && progress.postCount() > posted && todayCell(m)?.count === reviewedToday() ? m : undefined;
    }, 'the view to show today’s reviews');
    assert.ok(reviewedToday() >= 3);
    assert.strictEqual(model.streak.current, api.state.currentStreak());
    assert.ok(model.streak.current >= 1 && model.streak.activeToday);
    assert.strictEqual(model.xp.total, api.state.totalXp(api.content.index));
    assert.strictEqual(
      model.xp.reviews,
      store.reviews().reduce((sum, r) => sum + (r.xp ?? 0), 0),
    );
    const evals = model.topics.find((t) => t.topicId === 'evals')!;
    assert.strictEqual(evals.seen, api.content.index.questions.filter((q) => q.topic === 'evals' && store.card(q.id)?.card).length);
    assert.strictEqual(model.readiness?.roleId, 'product-ai');
    assert.ok(model.readiness.percent >= 0 && model.readiness.percent <= 100);
    assert.ok(model.readiness.checklist.length > 0, 'something is still missing for the role');
    assert.deepStrictEqual(model.help.readiness, READINESS_FORMULA);
    assert.deepStrictEqual(
      model.otherRoles.map((r) => r.roleId).sort(),
      api.content.index.roles
        .filter((r) => r.id !== 'product-ai')
        .map((r) => r.id)
        .sort(),
    );
    assert.strictEqual(model.forecast.days.length, 14);
    assert.strictEqual(model.retention.desired, config().get('desiredRetention') ?? 0.9);
  });

  it('posts only while visible, and catches up on becoming visible', async () => {
    const { api, progress } = await apis();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await waitFor(() => !progress.visible(), 'the Progress view to be hidden');
    const posted = progress.postCount();
    const card = api.content.index.questions.find((q) => q.topic !== 'evals' && !storedState(api.state).card(q.id)?.card);
    try {
      assert.ok(card, 'a new card outside evals');
      const seenBefore = progress.lastPosted()!.topics.find((t) => t.topicId === card.topic)!.seen;
      await api.state.drillBackend(() => api.content.index).record({ cardId: card.id, rating: 3, at: new Date(), correct: true, durationMs: 3000, xp: 8 });
      await new Promise((r) => setTimeout(r, 500));
      assert.strictEqual(progress.postCount(), posted, 'nothing posted while hidden');
      await vscode.commands.executeCommand(FOCUS_PROGRESS_VIEW);
      await waitFor(
        () => progress.postCount() > posted && progress.lastPosted()?.topics.find((t) => t.topicId === card.topic)?.seen === seenBefore + 1,
        'a fresh model once visible again',
        20_000,
      );
    } finally {
      await vscode.commands.executeCommand(FOCUS_PROGRESS_VIEW);
    }
  });

  it('runs a checklist line: a topic drill, and a lesson', async () => {
    const { api, progress } = await apis();
    await progress.run({ kind: 'drillDue', topicId: 'evals' });
    await waitFor(() => api.panels.drill(), 'the drill panel');
    const current = api.panels.drill()!.session.currentCardId;
    if (current) assert.strictEqual(api.content.index.questions.find((q) => q.id === current)?.topic, 'evals');
    const lesson = api.content.index.lessons[0];
    await progress.run({ kind: 'openLesson', lessonId: lesson.id });
    await waitFor(() => api.panels.reader()?.itemId === lesson.id, 'the reader to show the lesson');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('exports everything, and importing that export finds nothing new, twice', async () => {
    const { api, progress } = await apis();
    const store = storedState(api.state);
    const out = await progress.exportTo(exported);
    const file = JSON.parse(fs.readFileSync(exported, 'utf8')) as ExportFile;
    assert.strictEqual(file.formatVersion, 1);
    assert.strictEqual(file.app, 'loop-prep');
    assert.strictEqual(file.reviews.length, store.reviews().length);
    assert.strictEqual(file.cards.length, store.cards().size);
    assert.strictEqual(file.reads.length, store.lessons().size);
    assert.strictEqual(file.casePractices.length, store.casePractices().length);
    assert.deepStrictEqual(file.settings, {
      role: 'product-ai',
      desiredRetention: config().get('desiredRetention') ?? 0.9,
      newCardsPerDay: config().get('newCardsPerDay') ?? 15,
      sessionSize: config().get('sessionSize') ?? 20,
    });
    assert.strictEqual(out.reviews, file.reviews.length);
    assert.strictEqual(out.bytes, fs.statSync(exported).size);

    const before = progress.snapshot();
    for (let i = 0; i < 2; i++) {
      const outcome = await progress.importFrom(exported);
      assert.strictEqual(outcome.status, 'nothingNew');
      assert.match(outcome.status === 'nothingNew' ? outcome.lines.join(' ') : '', /Nothing new/);
      assert.strictEqual(progress.snapshot(), before, `import ${i + 1} changed nothing`);
    }
  });

  it('refuses bad files with a clear message and leaves the stored state byte-for-byte unchanged', async () => {
    const { progress } = await apis();
    const base = JSON.parse(fs.readFileSync(exported, 'utf8')) as ExportFile;
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const huge = write('huge.json', '');
    fs.truncateSync(huge, 200 * 1024 * 1024); // sparse: costs no disk, and is never read
    const cases: { file: string; kind: string; message: RegExp }[] = [
      { file: write('not-json.json', '{ "formatVersion": 1, oops'), kind: 'notJson', message: /not valid JSON/ },
      { file: write('array.json', '[1, 2, 3]'), kind: 'wrongShape', message: /not a Loop Prep export file/ },
      { file: write('shape.json', JSON.stringify({ ...base, reviews: 'many' })), kind: 'wrongShape', message: /reviews/ },
      { file: write('version.json', JSON.stringify({ ...base, formatVersion: 99 })), kind: 'futureVersion', message: /newer Loop Prep \(format 99\)/ },
      {
        file: write(
          'future.json',
          JSON.stringify({
            ...base,
            reviews: [...base.reviews, { id: 'evals-future#x1', cardId: 'evals-future', rating: 3, reviewedAt: future, durationMs: 1 }],
          }),
        ),
        kind: 'futureTimestamp',
        message: /dates in the future/,
      },
      { file: huge, kind: 'tooLarge', message: /200 MB.*at most 50 MB/ },
    ];
    const before = progress.snapshot();
    for (const c of cases) {
      const outcome = await progress.importFrom(c.file);
      assert.strictEqual(outcome.status, 'refused', path.basename(c.file));
      if (outcome.status !== 'refused') continue;
      assert.strictEqual(outcome.error.kind, c.kind, path.basename(c.file));
      assert.match(outcome.error.message, c.message);
      assert.match(outcome.error.message, /Nothing was imported\.$/);
      assert.strictEqual(progress.snapshot(), before, `${path.basename(c.file)} changed the stored state`);
    }
    const tooLarge = await progress.importFrom(huge);
    assert.deepStrictEqual(tooLarge.status === 'refused' && tooLarge.error, importSizeError(200 * 1024 * 1024), 'refused by its size alone, before reading');
  });

  it('imports new reviews after a backup, keeps reviews of unknown cards, and a second import changes nothing', async () => {
    const { api, progress } = await apis();
    const store = storedState(api.state);
    const base = JSON.parse(fs.readFileSync(exported, 'utf8')) as ExportFile;
    // The bank knows a card by its id and by the old ids under its `aliases` (a renamed card's history stays there).
    const bank = new Set(api.content.index.questions.flatMap((q) => [q.id, ...q.aliases]));
    const known = base.reviews.find((r) => bank.has(r.cardId))!.cardId;
    // Earlier suites may have left reviews of cards the bank no longer has (a removed pack's): they count too.
    const unknownReviews = base.reviews.filter((r) => !bank.has(r.cardId)).length + 1;
    const unknownCards = new Set([...base.reviews, ...base.cards].map((r) => r.cardId).filter((id) => !bank.has(id))).add('retired-card').size;
    const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
    const at = new Date(Date.now() - 2 * 3600_000).toISOString();
    const file = path.join(dir, 'more.json');
    const extra = [
      { id: `${known}#imported1`, cardId: known, rating: 3, reviewedAt: at, durationMs: 5000, xp: 4 },
      { id: 'retired-card#imported2', cardId: 'retired-card', rating: 2, reviewedAt: at, durationMs: 3000 },
    ];
    fs.writeFileSync(file, JSON.stringify({ ...base, reviews: [...base.reviews, ...extra] }));
    const reviewsBefore = store.reviews().length;
    const before = progress.snapshot();

    const cancelled = await progress.importFrom(file, 'cancel');
    assert.strictEqual(cancelled.status, 'cancelled');
    const lines = cancelled.status === 'cancelled' ? cancelled.lines.join('\n') : '';
    assert.match(lines, /Adds 2 reviews of 2 cards\./);
    assert.ok(lines.includes(`Keeps ${plural(unknownReviews, 'review')} of ${plural(unknownCards, 'card')} not in your question bank`), lines);
    assert.strictEqual(progress.snapshot(), before, 'cancelling changed nothing');

    const imported = await progress.importFrom(file);
    assert.strictEqual(imported.status, 'imported');
    if (imported.status !== 'imported') return;
    assert.strictEqual(imported.tally.reviews, 2);
    assert.strictEqual(store.reviews().length, reviewsBefore + 2);
    assert.ok(store.reviews('retired-card').length === 1, 'the unknown card’s review is kept');
    assert.ok(imported.backup.fsPath.startsWith(progress.backupsFolder), 'the backup is in the backups folder');
    const backup = JSON.parse(fs.readFileSync(imported.backup.fsPath, 'utf8')) as ExportFile;
    assert.strictEqual(backup.reviews.length, reviewsBefore, 'the backup holds the state from before the import');

    const after = progress.snapshot();
    assert.notStrictEqual(after, before);
    const again = await progress.importFrom(file);
    assert.strictEqual(again.status, 'nothingNew');
    assert.strictEqual(progress.snapshot(), after, 'the second import changed nothing');
  });

  it('resets every card and read after a backup, keeping the review history', async () => {
    const { api, progress } = await apis();
    const store = storedState(api.state);
    const lesson = api.content.index.lessons[0];
    await api.state.setRead(lesson.id, true);
    const reviews = store.reviews().length;
    const scheduled = [...store.cards().values()].filter((s) => s.card || s.buriedUntil).length;
    assert.ok(scheduled > 0);

    await vscode.commands.executeCommand(FOCUS_PROGRESS_VIEW);
    const out = await progress.reset();
    assert.strictEqual(out.cards, scheduled);
    assert.ok(out.reads >= 1);
    assert.ok(fs.existsSync(out.backup.fsPath), 'a backup was written first');
    assert.strictEqual(
      (JSON.parse(fs.readFileSync(out.backup.fsPath, 'utf8')) as ExportFile).reads.some((r) => r.id === lesson.id),
      true,
    );
    assert.strictEqual([...store.cards().values()].filter((s) => s.card).length, 0, 'every card is new again');
    assert.strictEqual(store.lessons().size, 0, 'no read stays complete');
    assert.strictEqual(store.reviews().length, reviews, 'the review history is kept');
    await waitFor(() => progress.lastPosted()?.topics.every((t) => t.masteryPct === 0), 'the view to show the reset');
  });

  it('undoes a reset by restoring its backup byte for byte, and the restore can be undone too', async () => {
    const { api, progress } = await apis();
    await api.state
      .drillBackend(() => api.content.index)
      .record({ cardId: api.content.index.questions[0].id, rating: 3, at: new Date(), correct: true, durationMs: 2000, xp: 8 });
    const beforeReset = progress.snapshot();
    const out = await progress.reset();
    const afterReset = progress.snapshot();
    assert.notStrictEqual(afterReset, beforeReset);
    const snapshotFile = out.backup.fsPath.replace(/\.json$/, '.state.json');
    assert.ok(fs.existsSync(snapshotFile), 'a state snapshot was written beside the backup');

    const restored = await progress.restoreFrom(snapshotFile);
    assert.strictEqual(restored.status, 'restored');
    assert.strictEqual(progress.snapshot(), beforeReset, 'the state is exactly what it was before the reset');
    assert.ok(
      [...storedState(api.state).cards().values()].some((s) => s.card),
      'the reopened store sees the restored schedule',
    );
    if (restored.status !== 'restored') return;
    const undone = await progress.restoreFrom(restored.undo.fsPath);
    assert.strictEqual(undone.status, 'restored');
    assert.strictEqual(progress.snapshot(), afterReset, 'restoring the pre-restore snapshot undoes the restore');

    const bad = path.join(os.tmpdir(), `loop-prep-not-a-backup-${Date.now()}.json`);
    fs.writeFileSync(bad, JSON.stringify({ app: 'loop-prep', kind: 'state-snapshot', formatVersion: 1, keys: { 'someone.else': 1 } }));
    const refused = await progress.restoreFrom(bad);
    assert.strictEqual(refused.status, 'refused');
    assert.strictEqual(progress.snapshot(), afterReset, 'a refused backup changes nothing');
    fs.rmSync(bad, { force: true });
  });
});
