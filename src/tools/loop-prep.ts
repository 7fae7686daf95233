#!/usr/bin/env node
/**
 * The `loop-prep` command line, for checking design docs outside VS Code (a terminal, CI, a pre-commit
 * hook). Text output follows the FILE:LINE:COL convention so editors and problem matchers can jump to it;
 * --format json, github and sarif serve scripts, GitHub Actions annotations and code scanning.
 * Exit codes: 0 clean (or within --max-warnings), 1 too many warnings, 2 usage error, a file that cannot
 * be read or checked, or an invalid team config.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkDesignDocReport, kindLabel, parseDesignDoc } from '../core/designDoc';
import { readDocFile } from './checkDoc/files';
import { format, FORMATS, toFinding, type Finding, type Format } from './checkDoc/formats';
import { expandGlob, isGlob } from './checkDoc/glob';
import { TeamConfigs } from './checkDoc/teamConfig';
import { plural } from '../core/text';

const USAGE = `Usage:
  loop-prep check-doc FILE|GLOB... [--format text|json|github|sarif] [--max-warnings N]
  loop-prep check-doc FILE [--json]   the same, JSON output
  loop-prep --help                    show this help

check-doc checks each design doc; quote globs such as 'docs/**/*.md' so the same matching works in every
shell (*, ?, [abc], {a,b} and ** are understood). Formats:
  text     one line per finding, 1-based: FILE:LINE:COL: severity: message [code]   (the default)
  json     a JSON array; each entry has file, line, column, endLine, endColumn (the end is exclusive),
           severity, code, section (when the finding is about one) and message   (--json is the same)
  github   GitHub Actions workflow annotations: ::warning file=...,line=...,col=...::message
  sarif    a SARIF 2.1.0 log, for code-scanning uploads

A team config, .loopprep/design-doc.json or .yaml in the doc's folder or any folder above it up to the
repository root, can map headings to sections, turn rules off or change their severity, and declare the
doc kind (llm-app, ml-system, ml-platform); so can the front matter ("loopPrep: { kind: ml-system }").

Exit status: 0 when there are no warnings (or no more than --max-warnings N), 1 when there are more,
2 for a usage error, a file that cannot be read or is not a regular file (devices, FIFOs, folders, files
over 20 MB), a pattern that matches nothing, or an invalid team config.`;

/** A problem with the invocation itself: printed with the usage, exit 2. */
class UsageError extends Error {}

interface CheckArgs {
  readonly inputs: readonly string[];
  readonly format: Format;
  /** Fail (exit 1) when there are more warnings than this; Infinity never fails on warnings. */
  readonly maxWarnings: number;
}

function parseArgs(argv: readonly string[]): 'help' | CheckArgs {
  if (argv.length === 0) throw new UsageError('no command given');
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return 'help';
  const [command, ...rest] = argv;
  if (command !== 'check-doc') throw new UsageError(`unknown command "${command}"`);
  const inputs: string[] = [];
  let fmt: Format | undefined;
  let maxWarnings = 0;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--json') fmt = setFormat(fmt, 'json');
    else if (flag === '--format' || flag === '-f') {
      const v = value();
      if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`unknown format "${v}": use ${FORMATS.join(', ')}`);
      fmt = setFormat(fmt, v as Format);
    } else if (flag === '--max-warnings') {
      const v = value();
      if (!/^-?\d+$/.test(v) || Number(v) < -1) throw new UsageError(`--max-warnings takes a whole number (or -1 for no limit), got "${v}"`);
      maxWarnings = Number(v) === -1 ? Infinity : Number(v);
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
    else inputs.push(a);
  }
  if (inputs.length === 0) throw new UsageError('check-doc needs a FILE');
  return { inputs, format: fmt ?? 'text', maxWarnings };
}

function setFormat(current: Format | undefined, next: Format): Format {
  if (current && current !== next) throw new UsageError(`choose one output format (got ${current} and ${next})`);
  return next;
}

/** Files to check, in argument order, each once; patterns that match nothing are errors. */
function expandInputs(inputs: readonly string[], cwd: string): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const key = path.resolve(cwd, f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const input of inputs) {
    if (!isGlob(input) || fs.existsSync(path.resolve(cwd, input))) {
      add(input);
      continue;
    }
    const matched = expandGlob(input, cwd);
    if (matched.length === 0) errors.push(`no files match "${input}"`);
    for (const f of matched) add(f);
  }
  return { files, errors };
}

function toolVersion(): string | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

function checkDocs(args: CheckArgs): number {
  const cwd = process.cwd();
  const { files, errors } = expandInputs(args.inputs, cwd);
  for (const e of errors) console.error(`loop-prep: ${e}`);
  let failed = errors.length > 0;
  const configs = new TeamConfigs(cwd);
  const findings: Finding[] = [];
  const text = args.format === 'text';
  for (const file of files) {
    const read = readDocFile(file);
    if ('error' in read) {
      console.error(`loop-prep: ${read.error}`);
      failed = true;
      continue;
    }
    const team = configs.forDoc(file);
    if (team.problems.length) {
      for (const p of team.problems) console.error(`loop-prep: ${p.file}:${p.line}: ${p.message}`);
      failed = true;
      continue;
    }
    const doc = parseDesignDoc(read.text, { config: team.config, file });
    const report = checkDesignDocReport(doc);
    const mine = report.diagnostics.map((d) => toFinding(file, d));
    findings.push(...mine);
    if (!text) continue;
    if (!doc.isDesignDoc) console.error(`loop-prep: note: ${file} has no "loopPrep: design-doc" front matter; checking it anyway`);
    const warnings = mine.filter((f) => f.severity === 'warning').length;
    const info = mine.length - warnings;
    const kind = `checked as an ${kindLabel(report.kind.kind)}: ${report.kind.reason}`;
    console.error(mine.length ? `${file}: ${plural(warnings, 'warning')}, ${info} information; ${kind}` : `${file}: no problems; ${kind}`);
  }
  const out = format(args.format, findings, { toolVersion: toolVersion() });
  if (out) console.log(out);
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (text && files.length > 1) console.error(`${files.length} files: ${plural(warnings, 'warning')}`);
  if (warnings > args.maxWarnings && Number.isFinite(args.maxWarnings) && args.maxWarnings > 0) {
    console.error(`loop-prep: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}`);
  }
  if (failed) return 2;
  return warnings > args.maxWarnings ? 1 : 0;
}

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      console.log(USAGE);
      return 0;
    }
    return checkDocs(args);
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
