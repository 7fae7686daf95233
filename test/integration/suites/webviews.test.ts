import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/extension/commands';
import type { HostToDrill } from '../../../src/shared/drill';
import type { HostToReader } from '../../../src/shared/reader';
import { activateExtension, waitFor } from '../util';

describe('the webview host', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sends the reader its lesson (with its self-check cards) once the page says ready, and again when the lesson changes', async () => {
    const api = await activateExtension();
    await api.content.load();
    await api.state.ready;
    const lesson = api.content.index.lessons.find((l) => l.selfCheck.length > 0) ?? api.content.index.lessons[0];
    const wasRead = api.state.isRead(lesson.id);
    await vscode.commands.executeCommand(Commands.openLesson, lesson.id);
    const probe = await waitFor(() => api.webviews('reader'), 'the reader panel');
    const shown = () => probe.lastPosted as HostToReader | undefined;
    await waitFor(() => probe.ready && shown()?.type === 'show', 'the reader page to say ready and be sent the lesson', 30_000);
    const first = shown();
    assert.ok(first?.type === 'show');
    assert.strictEqual(first.doc.id, lesson.id);
    assert.strictEqual(first.doc.complete, wasRead);
    // Its self-check cards, the ones that exist, each labelled by its prompt.
    const cards = lesson.selfCheck.flatMap((id) => api.content.index.questions.filter((q) => q.id === id));
    assert.ok(cards.length > 0, `lesson ${lesson.id} has self-check cards in the bank`);
    assert.deepStrictEqual(
      first.doc.selfCheck?.map((c) => c.id),
      cards.map((q) => q.id),
    );
    first.doc.selfCheck?.forEach((c, i) => assert.ok(cards[i].promptText.startsWith(c.label.replace(/…$/, '')), c.label));

    const posted = probe.posted;
    try {
      await vscode.commands.executeCommand(wasRead ? Commands.markIncomplete : Commands.markComplete, lesson.id);
      const again = await waitFor(() => {
        const m = shown();
        return probe.posted > posted && m?.type === 'show' && m.doc.complete !== wasRead ? m : undefined;
      }, 'the reader to be sent the lesson with its new state');
      assert.strictEqual(again.doc.id, lesson.id);
    } finally {
      await api.state.setRead(lesson.id, wasRead);
    }
  });

  it('gives every open webview one probe, and lets it go once when its panel closes', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand(Commands.startDrill, { mode: 'new' });
    const drill = await waitFor(() => api.webviews('drill'), 'the drill panel');
    assert.strictEqual(drill, api.panels.drill()?.probe, 'the same probe as the panel’s');
    await waitFor(() => drill.ready && drill.lastPosted, 'the drill page to say ready and be sent its first message', 30_000);
    assert.match((drill.lastPosted as HostToDrill).type, /^(card|empty)$/);
    const reader = api.webviews('reader');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => !api.webviews('drill') && !api.webviews('reader'), 'both panels to close');
    assert.deepStrictEqual([drill.disposed, drill.ready], [true, false]);
    if (reader) assert.strictEqual(reader.disposed, true);
  });
});
