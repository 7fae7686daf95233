import * as vscode from 'vscode';
import type { ContentIndex } from '../../core/content/types';
import { catalogOf } from '../../core/content/catalog';
import { buildScaffold } from '../../core/designDoc/template';
import { log } from '../log';

/**
 * "Loop Prep: Insert Design-Doc Template": the generic template or one per case study. In a Markdown
 * editor the scaffold goes in at the cursor as a snippet; otherwise a new untitled Markdown document
 * opens with it. Returns the editor it wrote to.
 */
export async function insertTemplate(index: ContentIndex, caseId?: string): Promise<vscode.TextEditor | undefined> {
  const catalog = catalogOf(index);
  const template = catalog.get('template', 'design-doc') ?? index.templates[0];
  if (!template) {
    void vscode.window.showErrorMessage('Loop Prep has no design-doc template: its built-in content did not load. See "Loop Prep: Show Log".');
    return undefined;
  }
  let chosen = caseId;
  if (chosen === undefined) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: '$(file) Generic design doc', description: template.title, id: '' },
        ...index.cases.map((c) => ({ label: `$(briefcase) ${c.title}`, description: c.id, detail: c.summary, id: c.id })),
      ],
      { placeHolder: 'Which design doc?', matchOnDescription: true },
    );
    if (!pick) return undefined;
    chosen = pick.id;
  }
  // An old case id (listed under the case's `aliases`) finds the case it now names.
  const caseStudy = chosen ? catalog.resolve('case', chosen) : undefined;
  if (chosen && !caseStudy) {
    void vscode.window.showWarningMessage(`Loop Prep has no case study "${chosen}"; inserting the generic template.`);
  }
  const prompt = caseStudy ? stripTags(caseStudy.promptHtml) : undefined;
  const scaffold = buildScaffold(template, caseStudy, prompt);

  let editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    editor = await vscode.window.showTextDocument(doc);
  }
  const ok = await editor.insertSnippet(new vscode.SnippetString(scaffold.snippet), editor.selection.active);
  if (!ok) log().warn('insertTemplate: the editor refused the snippet');
  return editor;
}

/** Plain text of a case's HTML (the prompt), for Markdown and chat. */
export function stripTags(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
