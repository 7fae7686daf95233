/** Checks host messages in the reader before use: the webview trusts nothing it did not validate. */
import type { HostToReader, ReaderDocument } from '../../shared/reader';

export function parseHostToReader(raw: unknown): HostToReader | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as { type?: unknown; doc?: unknown; id?: unknown };
  if (m.type === 'missing' && typeof m.id === 'string') return { type: 'missing', id: m.id };
  if (m.type !== 'show' || !m.doc || typeof m.doc !== 'object') return undefined;
  const d = m.doc as Record<string, unknown>;
  if ((d.kind !== 'lesson' && d.kind !== 'case') || typeof d.id !== 'string' || typeof d.title !== 'string' || !Array.isArray(d.sections)) return undefined;
  return { type: 'show', doc: m.doc as ReaderDocument };
}
