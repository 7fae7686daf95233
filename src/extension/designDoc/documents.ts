import * as vscode from 'vscode';
import { parseDesignDoc, type DesignDocDiagnostic, type DesignDocSeverity, type ParsedDesignDoc } from '../../core/designDoc';
import type { DesignDocConfigs } from './teamConfig';

/** The Markdown documents the design-doc features look at (any scheme: files, untitled, remote). */
export const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** The front matter is read from at most this many lines when deciding whether a doc is a design doc. */
const FRONT_MATTER_LINES = 200;

export function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown';
}

/**
 * True when the doc's front matter says `loopPrep: design-doc`. Reads only the front matter, so a large
 * README costs a few lines, not a full parse.
 */
export function hasDesignDocMarker(document: vscode.TextDocument): boolean {
  if (
    !isMarkdown(document) ||
    document.lineCount === 0 ||
    document
      .lineAt(0)
      .text.replace(/^\uFEFF/, '')
      .trimEnd() !== '---'
  )
    return false;
  const last = Math.min(document.lineCount, FRONT_MATTER_LINES);
  const lines: string[] = [];
  for (let i = 0; i < last; i++) {
    const text = document.lineAt(i).text;
    lines.push(text);
    if (i > 0 && /^(?:---|\.\.\.)\s*$/.test(text)) return parseDesignDoc(lines.join('\n')).isDesignDoc;
  }
  return false;
}

/**
 * Parsed design docs by document and version: diagnostics, code lenses, quick fixes and self-checks of
 * one version share one parse. A doc is parsed with its team config (see DesignDocConfigs), so every
 * feature reads the same custom headings, rule settings and kind.
 */
export class ParsedDocs implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; generation: number; known: boolean; doc: ParsedDesignDoc }>();
  private readonly sub = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));

  constructor(private readonly configs?: DesignDocConfigs) {}

  /** The parsed doc, with the team config as far as it is known (see load() to wait for it). */
  get(document: vscode.TextDocument): ParsedDesignDoc {
    const key = document.uri.toString();
    const generation = this.configs?.generation ?? 0;
    const config = this.configs?.peek(document);
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && hit.generation === generation && hit.known === (config !== undefined)) return hit.doc;
    const doc = parseDesignDoc(document.getText(), { config, file: vscode.workspace.asRelativePath(document.uri) });
    this.cache.set(key, { version: document.version, generation, known: config !== undefined, doc });
    return doc;
  }

  /** Waits for the doc's team config, then parses. */
  async load(document: vscode.TextDocument): Promise<ParsedDesignDoc> {
    await this.configs?.resolve(document);
    return this.get(document);
  }

  dispose(): void {
    this.sub.dispose();
    this.cache.clear();
  }
}

export function toRange(d: Pick<DesignDocDiagnostic, 'startLine' | 'startCol' | 'endLine' | 'endCol'>): vscode.Range {
  return new vscode.Range(d.startLine, d.startCol, d.endLine, d.endCol);
}

/** Never Error: a design doc is a draft, and red squiggles would read as "this file is broken". */
export function toSeverity(s: DesignDocSeverity): vscode.DiagnosticSeverity {
  return s === 'information' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
}

export const DIAGNOSTIC_SOURCE = 'Loop Prep';

export function toDiagnostic(d: DesignDocDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d), d.message, toSeverity(d.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = d.code;
  return diagnostic;
}

/** The doc open in `uri`, if any. */
export function openDocument(uri: vscode.Uri | string): vscode.TextDocument | undefined {
  const key = typeof uri === 'string' ? uri : uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}
