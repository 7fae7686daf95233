import type { AiService } from './ai/service';
import type { ContentService } from './content/contentService';
import type { StateService } from './state/stateService';

/** What every feature's `register…` function is given: the content, the review state, the AI service, and a wait for content and state. */
export interface FeatureDeps {
  readonly content: ContentService;
  readonly state: StateService;
  /** AI feedback through the editor's chat models; every caller falls back when it returns a failure. */
  readonly ai: AiService;
  /** Resolves once the content has loaded and the review store has opened. */
  ready(): Promise<unknown>;
}
