#!/usr/bin/env node
/**
 * The `loop-prep` command line, for checking a design doc outside VS Code (a terminal, CI, a pre-commit
 * hook). Output follows the FILE:LINE:COL convention so editors and problem matchers can jump to it.
 * Exit codes: 0 clean (information only), 1 warnings, 2 usage error or unreadable file.
 */
import * as fs from 'fs';
import { checkDesignDoc, parseDesignDoc, type DesignDocDiagnostic } from '../core/designDoc';

const USAGE = `Usage:
  loop-prep check-doc FILE [--json]   check a Loop Prep design doc
  loop-prep --help                    show this help

check-doc prints one line per finding, with 1-based lines and columns:
  FILE:LINE:COL: severity: message [code]
With --json it prints a JSON array instead; each entry has file, line, column, endLine, endColumn
(1-based; the end is exclusive), severity, code, section (when the finding is about one) and message.

Exit status: 0 when there are no warnings, 1 when there are warnings, 2 for a usage error or a file
that cannot be read.`;

/** A problem with the invocation itself: printed with the usage, exit 2. */
class UsageError extends Error {}

interface CheckArgs {
  readonly file: string;
  readonly json: boolean;
}

function parseArgs(argv: readonly string[]): 'help' | CheckArgs {
  if (argv.length === 0) throw new UsageError('no command given');
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return 'help';
  const [command, ...rest] = argv;
  if (command !== 'check-doc') throw new UsageError(`unknown command "${command}"`);
  const files = rest.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('-') && a !== '-');
  if (unknown) throw new UsageError(`unknown option "${unknown}"`);
  if (files.length !== 1) throw new UsageError(files.length ? 'check-doc takes one FILE' : 'check-doc needs a FILE');
  return { file: files[0], json: rest.includes('--json') };
}

/** Reads the file or explains, in one line, why it cannot be read. */
function readDoc(file: string): { text: string } | { error: string } {
  try {
    if (fs.statSync(file).isDirectory()) return { error: `${file} is a directory, not a design doc` };
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: `${file}: no such file` };
    if (code === 'EACCES' || code === 'EPERM') return { error: `${file}: permission denied` };
    return { error: `${file}: cannot read (${err instanceof Error ? err.message : String(err)})` };
  }
}

function toJson(file: string, d: DesignDocDiagnostic) {
  return {
    file,
    line: d.startLine + 1,
    column: d.startCol + 1,
    endLine: d.endLine + 1,
    endColumn: d.endCol + 1,
    severity: d.severity,
    code: d.code,
    ...(d.section ? { section: d.section } : {}),
    message: d.message,
  };
}

function checkDoc({ file, json }: CheckArgs): number {
  const read = readDoc(file);
  if ('error' in read) {
    console.error(`loop-prep: ${read.error}`);
    return 2;
  }
  const doc = parseDesignDoc(read.text);
  const diagnostics = checkDesignDoc(doc);
  if (json) console.log(JSON.stringify(diagnostics.map((d) => toJson(file, d)), null, 2));
  else {
    if (!doc.isDesignDoc) console.error(`loop-prep: note: ${file} has no "loopPrep: design-doc" front matter; checking it anyway`);
    const lines = diagnostics.map((d) => `${file}:${d.startLine + 1}:${d.startCol + 1}: ${d.severity}: ${d.message} [${d.code}]`);
    if (lines.length) console.log(lines.join('\n'));
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const info = diagnostics.length - warnings;
    console.error(diagnostics.length ? `${file}: ${warnings} warning${warnings === 1 ? '' : 's'}, ${info} information` : `${file}: no problems`);
  }
  return diagnostics.some((d) => d.severity === 'warning') ? 1 : 0;
}

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      console.log(USAGE);
      return 0;
    }
    return checkDoc(args);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`loop-prep: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`loop-prep: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
