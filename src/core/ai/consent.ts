/**
 * Which chat models the user allowed Loop Prep to send their text to, kept in one small globalState key
 * (a list of `vendor/id` strings). Asked once per model; a stored value that is not a list of strings
 * reads as "no consent yet", so the worst a corrupt value can do is ask again.
 */
import * as z from 'zod/mini';
import { AI_CONSENT_KEY } from '../review/keys';
import type { MementoLike } from '../review/types';

/** More models than anyone uses; the oldest consent goes first past it. */
const MAX_MODELS = 50;
const stored = z.array(z.string().check(z.maxLength(300)));

/** The key a model's consent is stored under. */
export const modelKey = (model: { vendor: string; id: string }): string => `${model.vendor}/${model.id}`;

export class ConsentStore {
  constructor(private readonly memento: MementoLike) {}

  private list(): string[] {
    const parsed = stored.safeParse(this.memento.get(AI_CONSENT_KEY));
    return parsed.success ? parsed.data : [];
  }

  has(key: string): boolean {
    return this.list().includes(key);
  }

  async grant(key: string): Promise<void> {
    const list = this.list().filter((k) => k !== key);
    list.push(key);
    await this.memento.update(AI_CONSENT_KEY, list.slice(-MAX_MODELS));
  }

  /** Forgets every consent (tests, and a user who wants to be asked again). */
  async clear(): Promise<void> {
    await this.memento.update(AI_CONSENT_KEY, undefined);
  }
}
