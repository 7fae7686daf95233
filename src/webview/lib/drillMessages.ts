/** Checks host messages in the drill panel before use. */
import type { HostToDrill } from '../../shared/drill';

const TYPES = new Set(['card', 'result', 'summary', 'empty', 'notice']);

export function parseHostToDrill(raw: unknown): HostToDrill | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  if (typeof m.type !== 'string' || !TYPES.has(m.type)) return undefined;
  if (m.type === 'card' && (!m.card || typeof m.card !== 'object' || !m.progress)) return undefined;
  if (m.type === 'result' && (!m.result || typeof m.result !== 'object' || !m.progress)) return undefined;
  if (m.type === 'summary' && (!m.summary || typeof m.summary !== 'object')) return undefined;
  if ((m.type === 'empty' || m.type === 'notice') && typeof m.message !== 'string') return undefined;
  return m as unknown as HostToDrill;
}
