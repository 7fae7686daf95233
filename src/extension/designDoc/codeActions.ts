import * as vscode from 'vscode';
import { catalogOf } from '../../core/content/catalog';
import type { ContentIndex } from '../../core/content/types';
import { checkDesignDoc, matchSectionHeading, missingSectionInsertion, sectionInfo, type DesignSectionKey, type TemplateSections } from '../../core/designDoc';
import { DIAGNOSTIC_SOURCE, type ParsedDocs } from './documents';

/** The built-in template's sections: the headings and guiding questions a quick fix inserts. */
export function templateSections(index: ContentIndex): TemplateSections {
  return catalogOf(index).get('template', 'design-doc')?.sections ?? [];
}

/**
 * Quick fixes for design-doc diagnostics: "Add section: <heading>" for each missing section, inserting the
 * template's heading and guiding questions where the syllabus order puts it.
 */
export class DesignDocCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly parsed: ParsedDocs,
    private readonly content: () => ContentIndex,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const wanted = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === 'missing-section');
    if (wanted.length === 0) return [];
    const doc = this.parsed.get(document);
    // The diagnostics VS Code hands back are copies without our section key: find each one's section by
    // matching it against a fresh check of the same version (same code, line and message).
    const current = checkDesignDoc(doc).filter((d) => d.code === 'missing-section');
    const sections = templateSections(this.content());
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of wanted) {
      const match = current.find((d) => d.startLine === diagnostic.range.start.line && d.message === diagnostic.message);
      if (!match?.section) continue;
      const insertion = missingSectionInsertion(doc, match.section, sections);
      const action = new vscode.CodeAction(`Add section: ${insertedHeading(match.section, sections)}`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(document.uri, new vscode.Position(insertion.line, insertion.character), insertion.text);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

/** The heading the fix inserts: the template's wording when it has the section (as sectionMarkdown does). */
function insertedHeading(key: DesignSectionKey, sections: TemplateSections): string {
  return sections.find((s) => matchSectionHeading(s.heading)?.key === key)?.heading ?? sectionInfo(key).heading;
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (typeof c === 'string') return c;
  if (c && typeof c === 'object') return String(c.value);
  return c === undefined ? undefined : String(c);
}
