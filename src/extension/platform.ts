/**
 * The five registrations VS Code must see while the extension activates: commands, the Study Plan tree,
 * the Progress view, the panel serializers and the chat participant. Activation (extension.ts) makes them
 * with stand-ins that forward to the features once dist/main.js has loaded, and hands them over here;
 * the features call these instead of `vscode.*` directly, so they work the same either way. Loaded on
 * its own (no shell installed, as in a test that requires the bundle directly), they register with VS Code.
 */
import * as vscode from 'vscode';

export interface Platform {
  registerCommand(id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable;
  createTreeView<T>(viewId: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T>;
  registerWebviewViewProvider(viewId: string, provider: vscode.WebviewViewProvider): vscode.Disposable;
  registerWebviewPanelSerializer(viewType: string, serializer: vscode.WebviewPanelSerializer): vscode.Disposable;
  /** undefined where this VS Code has no chat API. */
  createChatParticipant(id: string, handler: vscode.ChatRequestHandler): vscode.ChatParticipant | undefined;
  /** Creates the "Loop Prep" log channel (log.ts keeps the one instance), or hands over the shell's. */
  createLog(): vscode.LogOutputChannel;
}

/** Registers straight with VS Code: used when no activation shell handed its stand-ins over. */
export const direct: Platform = {
  registerCommand: (id, handler) => vscode.commands.registerCommand(id, handler),
  createTreeView: (viewId, options) => vscode.window.createTreeView(viewId, options),
  registerWebviewViewProvider: (viewId, provider) => vscode.window.registerWebviewViewProvider(viewId, provider),
  registerWebviewPanelSerializer: (viewType, serializer) => vscode.window.registerWebviewPanelSerializer(viewType, serializer),
  createChatParticipant: (id, handler) => {
    const chat = (vscode as { chat?: Partial<typeof vscode.chat> }).chat;
    return typeof chat?.createChatParticipant === 'function' ? chat.createChatParticipant(id, handler) : undefined;
  },
  createLog: () => vscode.window.createOutputChannel('Loop Prep', { log: true }),
};

let current: Platform = direct;

export function platform(): Platform {
  return current;
}

/** Installs the activation shell's stand-ins; called once, before any feature registers. */
export function usePlatform(p: Platform): void {
  current = p;
}
