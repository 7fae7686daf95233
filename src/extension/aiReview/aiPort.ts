/**
 * The part of the AI service (src/extension/ai) that design-doc reviews and the mock interviewer use, so
 * this feature depends on the one call it makes and tests can pass a fake.
 */
import type { AiService } from '../ai/service';

export type AiPort = Pick<AiService, 'request'>;
