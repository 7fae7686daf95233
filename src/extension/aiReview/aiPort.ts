/**
 * The part of the AI service (src/extension/ai) that design-doc reviews and the mock interviewer use,
 * written as a structural type so this feature depends on the calls it makes and tests can pass a fake.
 */
import type * as vscode from 'vscode';
import type * as z from 'zod/mini';

export type AiFailureReason = 'disabled' | 'no-model' | 'declined' | 'cancelled' | 'timeout' | 'error' | 'invalid';
export type AiOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly model: string; readonly tokensIn: number; readonly tokensOut: number; readonly ms: number }
  | { readonly ok: false; readonly reason: AiFailureReason; readonly message: string };

export interface AiPort {
  request<T>(req: {
    readonly purpose: string;
    readonly what: string;
    readonly system: string;
    readonly data: readonly { readonly label: string; readonly text: string }[];
    readonly schema: z.ZodMiniType<T>;
    readonly token?: vscode.CancellationToken;
    /** The caller shows the failure's message itself. */
    readonly quiet?: boolean;
  }): Promise<AiOutcome<T>>;
}
