/**
 * The envelope every webview speaks, as zod/mini schemas shared by the host and the webviews. A webview
 * posts `ready` once its script has loaded; the host sends nothing before that, so no message is lost to
 * a view that is still booting. Each panel's file adds its own messages to these two. zod/mini, and only
 * the functions used, because these schemas ship in every webview bundle.
 */
import * as z from 'zod/mini';
import { ID_PATTERN, MAX_ID_LENGTH } from '../core/ids';

/** One limit for every webview's error text: longer texts are cut, so a runaway stack cannot flood the log. */
export const MAX_WEBVIEW_ERROR_LENGTH = 1000;

export const readyMessage = z.object({ type: z.literal('ready') });

/** Sent by a webview when its own code fails, so the host can log it with context. Empty texts are refused. */
export const webviewErrorMessage = z.object({
  type: z.literal('webviewError'),
  message: z.string().check(
    z.minLength(1),
    z.overwrite((s) => s.slice(0, MAX_WEBVIEW_ERROR_LENGTH)),
  ),
});

export type ReadyMessage = z.infer<typeof readyMessage>;
export type WebviewErrorMessage = z.infer<typeof webviewErrorMessage>;
export type CommonWebviewMessage = ReadyMessage | WebviewErrorMessage;

/** A content id (lowercase kebab-case, at most 80 characters), as core/ids checks it. */
export const contentId = z.string().check(z.maxLength(MAX_ID_LENGTH), z.regex(ID_PATTERN));

/** A non-empty string of at most `max` characters. */
export const shortString = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** A finite number: zod's number refuses NaN and the infinities. */
export const finite = z.number();

/** The outcome of checking a message: the parsed value, or where and why it was refused. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** Anything with zod's `safeParse`: every schema in this folder. */
export interface MessageSchema<T> {
  safeParse(raw: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { code: string; path: readonly PropertyKey[] }[] } };
}

/** Checks `raw` against `schema`; never throws. The problem names the first issue's path, for the log. */
export function check<T>(schema: MessageSchema<T>, raw: unknown): Checked<T> {
  try {
    const r = schema.safeParse(raw);
    if (r.success) return { ok: true, value: r.data };
    const issue = r.error.issues[0];
    const at = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'the top level';
    return { ok: false, problem: `${issue?.code ?? 'invalid'} at ${at}` };
  } catch (err) {
    return { ok: false, problem: `unreadable (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** The message when it is well-formed, undefined otherwise. Never throws. */
export function parseWith<T>(schema: MessageSchema<T>, raw: unknown): T | undefined {
  const r = check(schema, raw);
  return r.ok ? r.value : undefined;
}
