/**
 * The VS Code side of the design-doc checker: diagnostics as you type, "Add section" quick fixes, "Hints"
 * and "Self-check" code lenses, team config files, and "Insert Design-Doc Template".
 * `registerDesignDocs` is the one entry point; activate() calls it once.
 */
import * as vscode from 'vscode';
import type { DesignDocDiagnostic } from '../../core/designDoc';
import { summarizeFindings } from '../../core/practice/sectionHelp';
import { Commands } from '../commands';
import type { ContentService } from '../content/contentService';
import { registerCommand } from '../registerCommand';
import { DesignDocCodeActions } from './codeActions';
import { DesignDocCodeLenses, runSectionSelfCheck, showSectionHints } from './codeLens';
import { DESIGN_DOC_DIAGNOSTICS, DesignDocDiagnostics } from './diagnostics';
import { isMarkdown, MARKDOWN, ParsedDocs } from './documents';
import { DesignDocConfigs } from './teamConfig';
import { insertTemplate } from './templates';

/** What registerDesignDocs returns: hooks for tests. */
export interface DesignDocApi {
  /** The DiagnosticCollection's name, 'loop-prep-design-doc'. */
  readonly diagnosticCollectionName: string;
  readonly diagnostics: vscode.DiagnosticCollection;
  /** Problems in `.loopprep/design-doc.*` config files, shown on those files. */
  readonly configDiagnostics: vscode.DiagnosticCollection;
}

/** "Loop Prep: Check Design Doc": checks the active Markdown editor, marker or not, and says what it found. */
async function checkActiveDoc(diagnostics: DesignDocDiagnostics): Promise<DesignDocDiagnostic[] | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !isMarkdown(document)) {
    void vscode.window.showInformationMessage('Loop Prep: open a Markdown design doc to check it.');
    return undefined;
  }
  const found = await diagnostics.checkNow(document);
  const summary = `Loop Prep: ${summarizeFindings(found)}.`;
  if (found.length === 0) void vscode.window.showInformationMessage(summary);
  else
    void vscode.window.showWarningMessage(summary, 'Show Problems').then((choice) => {
      if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  return found;
}

/** Registers every design-doc feature, pushes each disposable to the context, and returns the API. */
export function registerDesignDocs(context: vscode.ExtensionContext, deps: { content: ContentService }): DesignDocApi {
  const { content } = deps;
  const configs = new DesignDocConfigs();
  const parsed = new ParsedDocs(configs);
  const diagnostics = new DesignDocDiagnostics(parsed);
  context.subscriptions.push(
    configs,
    configs.onDidChange(() => diagnostics.recheckAll()),
  );
  const register = registerCommand(context);
  context.subscriptions.push(
    parsed,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new DesignDocCodeActions(parsed, () => content.index), DesignDocCodeActions.metadata),
    vscode.languages.registerCodeLensProvider(MARKDOWN, new DesignDocCodeLenses(parsed)),
  );

  /** A code lens's "Hints": what a strong section covers. */
  async function sectionHints(uri?: unknown, key?: unknown) {
    await content.ensureLoaded();
    return showSectionHints(parsed, content.index, uri, key);
  }
  /** A code lens's "Self-check": the checker's findings for one section. */
  async function sectionSelfCheck(uri?: unknown, key?: unknown) {
    await content.ensureLoaded();
    return runSectionSelfCheck(parsed, content.index, uri, key);
  }
  /** Inserts a template, the one named by id (from code) or one picked (from the palette). */
  async function insertTemplateCommand(arg?: unknown) {
    await content.ensureLoaded();
    return insertTemplate(content.index, typeof arg === 'string' ? arg : undefined);
  }

  register(Commands.checkDesignDoc, 'Check Design Doc', () => checkActiveDoc(diagnostics));
  register(Commands.sectionHints, 'Section Hints', sectionHints);
  register(Commands.sectionSelfCheck, 'Section Self-check', sectionSelfCheck);
  register(Commands.insertTemplate, 'Insert Design-Doc Template', insertTemplateCommand);

  return { diagnosticCollectionName: DESIGN_DOC_DIAGNOSTICS, diagnostics: diagnostics.collection, configDiagnostics: configs.collection };
}
