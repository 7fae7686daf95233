import * as vscode from 'vscode';
import type { CaseSectionKey, ContentIndex } from '../../core/content/types';
import { CASE_SECTIONS } from '../../core/content/types';
import { checkDesignDocReport, kindLabel } from '../../core/designDoc';
import { Commands } from '../commands';
import { hasDesignDocMarker, isMarkdown, openDocument, type ParsedDocs } from './documents';
import { caseForDoc, checkSection, sectionAtLine, sectionHints, type SectionCheck } from '../../core/practice/sectionHelp';

/**
 * "Hints" and "Self-check" above each recognised section heading of a design doc (one with the marker),
 * at any depth and under the doc's own names ("Experimentation & Validation"), and one line at the top that
 * says which kind of system the doc is checked as, and why.
 */
export class DesignDocCodeLenses implements vscode.CodeLensProvider {
  constructor(private readonly parsed: ParsedDocs) {}

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!hasDesignDocMarker(document)) return [];
    const doc = await this.parsed.load(document);
    const { kind } = checkDesignDocReport(doc, { maxDiagnostics: 0 });
    const change = kind.declared ? '' : ' Set "loopPrep: { kind: ml-system }" (or llm-app, ml-platform) in the front matter to change it.';
    const lenses: vscode.CodeLens[] = [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: `Checked as an ${kindLabel(kind.kind)}`,
        tooltip: `Loop Prep checks this doc as an ${kindLabel(kind.kind)}: ${kind.reason}.${change}`,
        command: '',
      }),
    ];
    for (const s of doc.sections) {
      if (s.duplicate) continue;
      const range = new vscode.Range(s.line, 0, s.line, 0);
      const args = [document.uri, s.key];
      lenses.push(
        new vscode.CodeLens(range, { title: 'Hints', tooltip: `What a strong "${s.heading}" section covers`, command: Commands.sectionHints, arguments: args }),
        new vscode.CodeLens(range, { title: 'Self-check', tooltip: `Check only "${s.heading}"`, command: Commands.sectionSelfCheck, arguments: args }),
      );
    }
    return lenses;
  }
}

const SECTION_KEYS = new Set<string>(CASE_SECTIONS.map((s) => s.key));

/**
 * The doc and section a lens command is about: its arguments when a lens ran it, else the active Markdown
 * editor and the section under the cursor (the palette). Undefined, with a message, when there is neither.
 */
function target(parsed: ParsedDocs, uriArg: unknown, keyArg: unknown): { document: vscode.TextDocument; key: CaseSectionKey } | undefined {
  const fromArgs = uriArg instanceof vscode.Uri || typeof uriArg === 'string' ? openDocument(uriArg) : undefined;
  const document = fromArgs ?? vscode.window.activeTextEditor?.document;
  if (!document || !isMarkdown(document)) {
    void vscode.window.showInformationMessage('Loop Prep: open a Markdown design doc and put the cursor in a section first.');
    return undefined;
  }
  const key =
    typeof keyArg === 'string' && SECTION_KEYS.has(keyArg)
      ? (keyArg as CaseSectionKey)
      : sectionAtLine(parsed.get(document), vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor.selection.active.line : -1);
  if (!key) {
    void vscode.window.showInformationMessage('Loop Prep: put the cursor in a design-doc section (such as "## Latency") first.');
    return undefined;
  }
  return { document, key };
}

/**
 * "Hints": the section's rubric points for the doc's case in a quick pick (covered ones marked), or, for a
 * doc without a case, what a strong answer includes. Resolves to the lines shown, for tests.
 */
export async function showSectionHints(parsed: ParsedDocs, index: ContentIndex, uriArg?: unknown, keyArg?: unknown): Promise<string[] | undefined> {
  const t = target(parsed, uriArg, keyArg);
  if (!t) return undefined;
  const doc = parsed.get(t.document);
  const caseStudy = caseForDoc(doc, index.cases);
  const hints = sectionHints(doc, t.key, caseStudy);
  if (!caseStudy || hints.points.length === 0) {
    void vscode.window.showInformationMessage(`${hints.heading}: ${hints.strongAnswer}`);
    return [hints.strongAnswer];
  }
  const items: vscode.QuickPickItem[] = hints.points.map((p) => ({
    label: `${p.covered ? '$(pass-filled)' : '$(circle-large-outline)'} ${p.point}`,
    description: p.covered ? 'your doc covers this' : undefined,
  }));
  void vscode.window.showQuickPick(items, { title: `Hints: ${hints.heading} · ${caseStudy.title}`, placeHolder: hints.strongAnswer, matchOnDescription: true });
  return hints.points.map((p) => p.point);
}

/** "Self-check": the checker's findings for one section, or "looks complete". Resolves to the result. */
export function runSectionSelfCheck(parsed: ParsedDocs, index: ContentIndex, uriArg?: unknown, keyArg?: unknown): SectionCheck | undefined {
  const t = target(parsed, uriArg, keyArg);
  if (!t) return undefined;
  const doc = parsed.get(t.document);
  const result = checkSection(doc, t.key, caseForDoc(doc, index.cases));
  if (result.complete) void vscode.window.showInformationMessage(`Loop Prep: ${result.message}`);
  else void vscode.window.showWarningMessage(`Loop Prep: ${result.message}`);
  return result;
}
