/**
 * Accessibility checks inside a Loop Prep webview frame, for any UI test:
 * - `axeViolations(frame)`: runs axe-core (from node_modules, evaluated in the frame) and returns the
 *   violations of impact "serious" or "critical", each with its rule, targets and help text.
 * - `tabWalk(page, frame)`: presses Tab from the top of the frame and reports interactive elements that
 *   Tab never reaches, and focused elements that show no visible focus indicator.
 * - `formatViolations(...)` turns either result into a readable failure message.
 * When the walk ends, focus is back on the frame's last stop (Shift+Tab), so keys reach the webview again.
 */
import * as fs from 'fs';
import type { Frame, Page } from 'playwright-core';

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
}

let axeSource: string | undefined;

/** axe-core's browser build, read once from node_modules. */
function axeScript(): string {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Serious and critical axe violations in the frame's document (open shadow roots included). */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the webview's strict CSP does not apply to.
  if (!(await frame.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object'))) await frame.evaluate(axeScript());
  return frame.evaluate(async () => {
    interface AxeNode {
      target: unknown[];
    }
    interface AxeResult {
      id: string;
      impact: string | null;
      help: string;
      helpUrl: string;
      nodes: AxeNode[];
    }
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeResult[] }> } }).axe;
    const doc = (globalThis as unknown as { document: unknown }).document;
    const result = await axe.run(doc, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

export interface TabWalk {
  /** Interactive elements Tab never focused, described by tag, id and text. */
  unreached: string[];
  /** Elements that took focus without any visible change (outline, shadow, border or background). */
  invisibleFocus: string[];
  /** How many stops Tab made inside the frame. */
  stops: number;
}

/**
 * Walks the frame with the Tab key from its first element. Interactive means a link, a button, a form
 * control, an element with a non-negative tabindex, or a vscode-elements control, that is visible and
 * enabled.
 */
export async function tabWalk(page: Page, frame: Frame): Promise<TabWalk> {
  const count = await frame.evaluate(() => {
    const w = globalThis as unknown as { document: DocLike; getComputedStyle(el: unknown): StyleLike };
    interface StyleLike {
      outlineStyle: string;
      outlineWidth: string;
      outlineColor: string;
      boxShadow: string;
      borderColor: string;
      backgroundColor: string;
      visibility: string;
    }
    interface ElLike {
      checkVisibility?(opts: unknown): boolean;
      shadowRoot: { querySelectorAll(s: string): ElLike[] } | null;
      getClientRects(): { length: number };
      setAttribute(n: string, v: string): void;
      hasAttribute(n: string): boolean;
      tabIndex: number;
      focus(): void;
    }
    interface DocLike {
      querySelectorAll(s: string): ElLike[];
      body: ElLike & { removeAttribute(n: string): void };
    }
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], vscode-button, vscode-checkbox, vscode-radio-group, vscode-textfield, vscode-single-select';
    const els = [...w.document.querySelectorAll(selector)].filter(
      // checkVisibility also sees content that a closed <details> hides through content-visibility.
      (el) =>
        !el.hasAttribute('disabled') &&
        el.tabIndex >= 0 &&
        (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) : el.getClientRects().length > 0) &&
        w.getComputedStyle(el).visibility !== 'hidden',
    );
    const look = (el: ElLike) =>
      [el, ...(el.shadowRoot ? [...el.shadowRoot.querySelectorAll('*')] : [])].map((x) => {
        const s = w.getComputedStyle(x);
        return [
          s.outlineStyle === 'none' || s.outlineWidth === '0px' ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
          s.boxShadow,
          s.borderColor,
          s.backgroundColor,
        ].join('|');
      });
    (globalThis as unknown as { a11yLook: typeof look }).a11yLook = look;
    const baseline: string[][] = [];
    els.forEach((el, i) => {
      el.setAttribute('data-a11y-index', String(i));
      baseline.push(look(el));
    });
    (globalThis as unknown as { a11yBaseline: string[][] }).a11yBaseline = baseline;
    // Start from the top: the body takes focus, so the next Tab lands on the first element.
    w.document.body.tabIndex = -1;
    w.document.body.focus();
    return els.length;
  });
  const seen = new Set<number>();
  const invisibleFocus: string[] = [];
  let stops = 0;
  for (let i = 0; i < count + 10; i++) {
    await page.keyboard.press('Tab');
    const at = await frame.evaluate(() => {
      const g = globalThis as unknown as {
        document: {
          hasFocus(): boolean;
          activeElement: { getAttribute(n: string): string | null; tagName: string; id: string; textContent: string | null } | null;
        };
        a11yLook(el: unknown): string[];
        a11yBaseline: string[][];
      };
      const el = g.document.activeElement;
      if (!g.document.hasFocus() || !el || el.tagName === 'BODY') return { index: -1, visible: false, name: 'outside' };
      const index = el.getAttribute('data-a11y-index');
      if (index === null) return { index: -2, visible: true, name: el.tagName }; // focusable, though not listed
      const now = g.a11yLook(el);
      const before = g.a11yBaseline[Number(index)];
      const changed = now.some((v, j) => v !== before[j]);
      const outlined = now[0].split('|')[0] !== 'none';
      return {
        index: Number(index),
        visible: changed || outlined,
        name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
      };
    });
    if (at.index === -1) break; // focus left the frame
    stops++;
    if (at.index === -2) continue;
    if (seen.has(at.index)) break;
    seen.add(at.index);
    if (!at.visible) invisibleFocus.push(at.name);
  }
  if (stops) await page.keyboard.press('Shift+Tab');
  const unreached = await frame.evaluate(
    (reached: number[]) => {
      const d = (
        globalThis as unknown as {
          document: {
            querySelectorAll(s: string): { getAttribute(n: string): string | null; tagName: string; id: string; textContent: string | null }[];
            body: { removeAttribute(n: string): void };
          };
        }
      ).document;
      d.body.removeAttribute('tabindex');
      return [...d.querySelectorAll('[data-a11y-index]')]
        .filter((el) => !reached.includes(Number(el.getAttribute('data-a11y-index'))))
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    },
    [...seen],
  );
  return { unreached, invisibleFocus, stops };
}

/** One readable message for what a state failed, or '' when it passed. */
export function formatViolations(where: string, violations: AxeViolation[], walk?: TabWalk): string {
  const lines: string[] = [];
  for (const v of violations)
    lines.push(
      `  ${v.impact} ${v.rule}: ${v.help} (${v.helpUrl})\n    at ${v.targets.slice(0, 5).join(', ')}${v.targets.length > 5 ? ` and ${v.targets.length - 5} more` : ''}`,
    );
  if (walk?.unreached.length) lines.push(`  not reachable with Tab: ${walk.unreached.join('; ')}`);
  if (walk?.invisibleFocus.length) lines.push(`  no visible focus: ${walk.invisibleFocus.join('; ')}`);
  return lines.length ? `${where}:\n${lines.join('\n')}` : '';
}
