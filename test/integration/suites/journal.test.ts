import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, storedState, waitFor } from '../util';

/** The review journal as VS Code stores it: real files under the extension's globalStorageUri. */
describe('review journal: files under globalStorageUri', () => {
  it('appends every review to a segment of this window, in the folder globalStorageUri names', async () => {
    const api = await activateExtension();
    await Promise.all([api.content.ensureLoaded(), api.state.ready]);
    await api.state.journalChecked;
    const journal = api.state.journal;
    assert.ok(journal, 'the state service has a journal');
    assert.match(journal.folder.path, /loop-prep\.loop-prep\/journal$/, `journal folder ${journal.folder.toString()}`);

    const card = api.content.index.questions.find((q) => !storedState(api.state).card(q.id)?.card)!;
    const backend = api.state.drillBackend(() => api.content.index);
    await backend.record({ cardId: card.id, rating: 3, at: new Date(), correct: true, durationMs: 3210, xp: 7 });

    const lines = await waitFor(
      async () => {
        const names = (await vscode.workspace.fs.readDirectory(journal.folder)).map(([n]) => n).filter((n) => n.endsWith('.jsonl'));
        const texts = await Promise.all(
          names.map(async (n) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(journal.folder, n)))),
        );
        const found = texts.flatMap((t) => t.split('\n')).filter((l) => l.startsWith('["r",') && l.includes(`"${card.id}"`));
        return found.length ? found : undefined;
      },
      'the review in a journal segment',
      10_000,
    );
    const [kind, , cardId, patch] = JSON.parse(lines[0]) as [string, number, string, [unknown, [string, number, number, number][]]];
    assert.deepStrictEqual([kind, cardId], ['r', card.id]);
    assert.strictEqual(patch[1][0][1], 3, 'the rating');
    assert.strictEqual(patch[1][0][3], 3210, 'the duration');
  });
});

describe('automatic backups', () => {
  it('takes a daily snapshot after activation, at most once a day, listed with its date and review count', async () => {
    const api = await activateExtension();
    const first = await api.progress.dailyBackup();
    assert.ok(first, 'a fresh profile gets a daily snapshot at activation');
    assert.match(first.path, /loop-prep-backup-.*-daily-\d+r\.state\.json$/);
    const folder = vscode.Uri.file(api.progress.backupsFolder);
    const { dailySnapshot, listSnapshots, parseSnapshot, snapshotReviews } = await import('../../../src/extension/progress/restore');
    const { MemoryMemento } = await import('../../../src/core/review/memoryMemento');
    assert.strictEqual(await dailySnapshot(folder, new MemoryMemento() as unknown as vscode.Memento, new Date()), undefined, 'not twice on one day');
    const listed = await listSnapshots(folder);
    assert.ok(listed.length >= 1);
    for (const s of listed) {
      assert.strictEqual(s.takenAt.toDateString(), new Date().toDateString());
      const parsed = parseSnapshot(new TextDecoder().decode(await vscode.workspace.fs.readFile(s.uri)));
      assert.ok(typeof parsed !== 'string', String(parsed));
      assert.strictEqual(s.reviews, snapshotReviews(parsed.keys), `the listed review count of ${s.uri.path}`);
    }
    assert.ok(
      listed.every((s, i) => i === 0 || listed[i - 1].takenAt >= s.takenAt),
      'newest first',
    );
  });
});
