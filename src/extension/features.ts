import type { ContentService } from './content/contentService';
import type { StateService } from './state/stateService';

/** What every feature's `register…` function is given: the content, the review state, and a wait for both. */
export interface FeatureDeps {
  readonly content: ContentService;
  readonly state: StateService;
  /** Resolves once the content has loaded and the review store has opened. */
  ready(): Promise<unknown>;
}
