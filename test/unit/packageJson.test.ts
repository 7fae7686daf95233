import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CHAT_PARTICIPANT, Commands, ContextKeys, Panels, TREE_ITEM_COMMANDS, Views } from '../../src/extension/commands';

/** package.json's `contributes`, read as data: what VS Code shows is checked against the command registry. */
interface MenuEntry {
  readonly command: string;
  readonly alt?: string;
  readonly when?: string;
}
interface Contributes {
  readonly commands: readonly { command: string; title: string; category?: string }[];
  readonly menus: Record<string, readonly MenuEntry[]>;
  readonly keybindings?: readonly MenuEntry[];
  readonly views: Record<string, readonly { id: string }[]>;
  readonly viewsContainers: Record<string, readonly { id: string }[]>;
}

function readPackageJson(): { contributes: Contributes & { chatParticipants?: { id: string }[] }; activationEvents?: string[]; text: string } {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file) && fs.existsSync(path.join(dir, 'src', 'extension', 'commands.ts'))) {
      const text = fs.readFileSync(file, 'utf8');
      return { ...JSON.parse(text), text };
    }
  }
  throw new Error(`no extension package.json above ${__dirname}`);
}

const pkg = readPackageJson();
const registry = new Set<string>(Object.values(Commands));
const contributed = pkg.contributes.commands.map((c) => c.command);
const menuEntries = Object.entries(pkg.contributes.menus).flatMap(([menu, entries]) => entries.map((e) => ({ menu, ...e })));

describe('package.json against the command registry', () => {
  it('contributes every registry command once, and only those', () => {
    assert.deepStrictEqual(
      contributed.filter((id, i) => contributed.indexOf(id) !== i),
      [],
      'contributed twice',
    );
    assert.deepStrictEqual(
      contributed.filter((id) => !registry.has(id)),
      [],
      'contributed but not in src/extension/commands.ts',
    );
    assert.deepStrictEqual(
      [...registry].filter((id) => !contributed.includes(id)),
      [],
      'in the registry but not contributed',
    );
    for (const c of pkg.contributes.commands) assert.strictEqual(c.category, 'Loop Prep', `${c.command} has no Loop Prep category`);
  });

  it('names only contributed commands in menus, keybindings, links and activation events', () => {
    const named = [
      ...menuEntries.flatMap((e) => [{ where: `menus.${e.menu}`, id: e.command }, ...(e.alt ? [{ where: `menus.${e.menu} (alt)`, id: e.alt }] : [])]),
      ...(pkg.contributes.keybindings ?? []).map((k) => ({ where: 'keybindings', id: k.command })),
      ...[...pkg.text.matchAll(/\(command:([\w.]+)/g)].map((m) => ({ where: 'a command: link', id: m[1] })),
      ...(pkg.activationEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => ({ where: 'activationEvents', id: e.slice('onCommand:'.length) })),
    ];
    assert.ok(named.length > 20, `only ${named.length} command references found: is the file read right?`);
    const unknown = named.filter((n) => !contributed.includes(n.id)).map((n) => `${n.id} in ${n.where}`);
    assert.deepStrictEqual(unknown, []);
  });

  it('keeps the commands that need a tree item out of the palette, and offers them on the tree item', () => {
    const hidden = pkg.contributes.menus.commandPalette.filter((e) => e.when === 'false').map((e) => e.command);
    assert.deepStrictEqual([...hidden].sort(), [...TREE_ITEM_COMMANDS].sort(), 'commandPalette `when: false` entries differ from TREE_ITEM_COMMANDS');
    for (const id of TREE_ITEM_COMMANDS) {
      const onItem = pkg.contributes.menus['view/item/context'].filter((e) => e.command === id);
      assert.ok(onItem.length > 0, `${id} is hidden from the palette but on no tree item's context menu`);
      for (const e of onItem) assert.match(e.when ?? '', /viewItem/, `${id}'s context-menu entry does not depend on the tree item`);
    }
  });

  it('offers Mark Complete and Mark Incomplete on lesson and case nodes', () => {
    const whens = (id: string) => pkg.contributes.menus['view/item/context'].filter((e) => e.command === id).map((e) => e.when ?? '');
    for (const kind of ['lesson', 'case']) {
      assert.ok(
        whens(Commands.markComplete).some((w) => w.includes(`viewItem == ${kind}.incomplete`)),
        `no Mark Complete on ${kind}.incomplete`,
      );
      assert.ok(
        whens(Commands.markIncomplete).some((w) => w.includes(`viewItem == ${kind}.complete`)),
        `no Mark Incomplete on ${kind}.complete`,
      );
    }
  });

  it('activates for exactly the panels and views the activation shell stands in for', () => {
    // The shell (src/extension/extension.ts) registers a serializer for each of Panels and a provider for the
    // Study Plan and Progress: a panel type or view missing here would restore or show with no features.
    const events = pkg.activationEvents ?? [];
    assert.deepStrictEqual(
      events.filter((e) => e.startsWith('onWebviewPanel:')).sort(),
      Object.values(Panels)
        .map((p) => `onWebviewPanel:${p}`)
        .sort(),
    );
    assert.deepStrictEqual(events.filter((e) => e.startsWith('onView:')).sort(), [`onView:${Views.progress}`, `onView:${Views.studyPlan}`].sort());
    assert.deepStrictEqual(
      (pkg.contributes.chatParticipants ?? []).map((c) => c.id),
      [CHAT_PARTICIPANT],
    );
  });

  it('declares the registry views, and reads only known views and context keys in when clauses', () => {
    const views = Object.values(pkg.contributes.views)
      .flat()
      .map((v) => v.id);
    const containers = Object.values(pkg.contributes.viewsContainers)
      .flat()
      .map((c) => c.id);
    assert.deepStrictEqual([...views, ...containers].sort(), Object.values(Views).sort());
    const known = new Set<string>([...views, ...Object.values(ContextKeys)]);
    const whens = [...menuEntries, ...(pkg.contributes.keybindings ?? [])].map((e) => e.when ?? '');
    // `config.loopPrep.…` reads a setting; any other loopPrep.… name is a view id or a context key this extension sets.
    const names = whens.flatMap((w) => [...w.matchAll(/(?<![\w.])loopPrep\.[\w.]+/g)].map((m) => m[0]));
    assert.ok(names.length > 10, `only ${names.length} names found in when clauses`);
    assert.deepStrictEqual(
      names.filter((n) => !known.has(n)),
      [],
      'when clauses read names nothing sets',
    );
  });
});
