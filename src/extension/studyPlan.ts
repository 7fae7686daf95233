import * as vscode from 'vscode';

/** A node of the Study Plan tree. The sidebar work fills this in with roles, topics, lessons and cases. */
export type StudyPlanNode = { kind: 'placeholder'; label: string };

/** Tree data for the Study Plan view; kept apart from TreeItems so it can be tested without rendering. */
export class StudyPlanProvider implements vscode.TreeDataProvider<StudyPlanNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StudyPlanNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  getTreeItem(node: StudyPlanNode): vscode.TreeItem {
    return new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  }

  getChildren(): StudyPlanNode[] {
    return [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
