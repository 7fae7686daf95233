/**
 * The reader panel: a lesson or a case-study walkthrough, with "Mark complete", "Practise this case",
 * and at a lesson's end its "Check yourself" cards.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { parseHostToReader, type ReaderDocument, type ReaderToHost } from '../shared/reader';
import { clear, h, safeHtml } from './lib/dom';
import { connect, onHostMessage } from './lib/host';

const host = connect<ReaderToHost, { id?: string }>();
const app = document.getElementById('app')!;

function render(doc: ReaderDocument): void {
  clear(app);
  host.setState({ id: doc.id });
  const complete = h(
    'vscode-button',
    { id: 'complete', appearance: doc.complete ? 'secondary' : 'primary' },
    doc.complete ? 'Mark incomplete' : 'Mark complete',
  );
  complete.addEventListener('click', () => host.post({ type: 'setComplete', id: doc.id, complete: !doc.complete }));
  const actions = h('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Reader actions' }, complete);
  if (doc.kind === 'case') {
    const practise = h('vscode-button', { id: 'practise', appearance: 'secondary' }, 'Practise this case');
    practise.addEventListener('click', () => host.post({ type: 'practiseCase', id: doc.id }));
    actions.append(practise);
  }
  const status = h('p', { class: doc.complete ? 'badge done' : 'badge', id: 'status' }, doc.complete ? '✓ Completed' : doc.subtitle);
  const article = h('article', { 'aria-labelledby': 'title' }, h('h1', { id: 'title' }, doc.title), status, actions);
  for (const s of doc.sections) {
    const section = h('section', {}, s.heading ? h('h2', {}, s.heading) : undefined, safeHtml(s.html));
    article.append(section);
  }
  if (doc.selfCheck?.length) article.append(selfCheck(doc.selfCheck));
  app.append(article);
}

/** "Drill these questions as cards": one button per self-check card, each opening that card in a drill. */
function selfCheck(cards: NonNullable<ReaderDocument['selfCheck']>): HTMLElement {
  const list = h('ul', { class: 'self-check' });
  for (const c of cards) {
    const open = h('button', { class: 'link', 'data-card-id': c.id, title: 'Open this card in a drill' }, c.label);
    open.addEventListener('click', () => host.post({ type: 'openCard', cardId: c.id }));
    list.append(h('li', {}, open));
  }
  return h('section', { 'aria-labelledby': 'self-check-title' }, h('h2', { id: 'self-check-title' }, 'Drill these questions as cards'), list);
}

/**
 * Links open outside the editor through the host, which accepts only http(s) links of the document on
 * show. The event stops here: VS Code's own click handler on the webview's window would open it again.
 */
function interceptLinks(e: MouseEvent): void {
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a) return;
  e.preventDefault();
  e.stopPropagation();
  const href = a.getAttribute('href') ?? '';
  if (/^https?:\/\//i.test(href)) host.post({ type: 'openLink', href });
}

// Once, not per render: a listener added on every render opened a link once per render so far.
app.addEventListener('click', interceptLinks);

onHostMessage((raw) => {
  const msg = parseHostToReader(raw);
  if (!msg) return;
  if (msg.type === 'show') render(msg.doc);
  else {
    clear(app);
    app.append(h('p', { class: 'muted' }, `This item (${msg.id}) is no longer in your content. Its progress is kept.`));
  }
});

host.post({ type: 'ready' });
