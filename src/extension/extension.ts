import * as vscode from 'vscode';
import { Commands, Views } from './commands';
import { ContentService } from './content/contentService';
import { disposeLog, log } from './log';
import { StudyPlanProvider } from './studyPlan';

/** What activate() returns: a small surface that integration tests use to observe the extension. */
export interface LoopPrepApi {
  readonly activatedAt: number;
  readonly studyPlanView: vscode.TreeView<unknown>;
  readonly content: ContentService;
}

export function activate(context: vscode.ExtensionContext): LoopPrepApi {
  const started = Date.now();
  const output = log();
  context.subscriptions.push(output);

  const content = new ContentService(context.extensionPath);
  context.subscriptions.push(content);
  void content.load();

  const studyPlan = new StudyPlanProvider();
  const tree = vscode.window.createTreeView(Views.studyPlan, { treeDataProvider: studyPlan, showCollapseAll: true });
  context.subscriptions.push(tree, studyPlan);

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showLog, () => output.show(true)),
    vscode.commands.registerCommand(Commands.focusStudyPlan, () =>
      vscode.commands.executeCommand(`${Views.studyPlan}.focus`),
    ),
  );

  output.info(`Loop Prep ${context.extension.packageJSON.version} activated in ${Date.now() - started} ms`);
  return { activatedAt: Date.now(), studyPlanView: tree, content };
}

export function deactivate(): void {
  disposeLog();
}
