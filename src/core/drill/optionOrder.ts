/**
 * The order a choice question's options are shown in. Each showing of a card gets its own order, stable
 * for that showing: it depends only on the card id and how many times the card has been reviewed, so an
 * undo, a window reload and the result screen all show the same order, and the next review a new one.
 * Options marked `pinLast` ("none of these") stay at the end, in file order. Answers and history keep
 * referring to the file's order; `toFileIndices` maps what the user picked on screen back to it.
 */
import { seededRandom } from '../random';

/** 32-bit FNV-1a of a string: a stable seed, the same on every platform. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function shuffled(items: readonly number[], random: () => number): number[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The file indices of the options in the order shown, for the `showing`-th review of the card (0 for a
 * new card). Two consecutive showings never share an order when at least two options can move.
 */
export function optionOrder(cardId: string, pinnedLast: readonly boolean[], showing: number): number[] {
  const movable = pinnedLast.flatMap((pinned, i) => (pinned ? [] : [i]));
  const pinned = pinnedLast.flatMap((p, i) => (p ? [i] : []));
  const steps = Math.max(0, Math.min(Math.floor(showing), 100_000));
  let previous: number[] | undefined;
  for (let n = 0; n <= steps; n++) {
    let order = shuffled(movable, seededRandom(hash(`${cardId}#${n}`)));
    // Rotating by one always changes a sequence of two or more, so no two showings in a row look alike.
    if (previous && movable.length > 1 && same(order, previous)) order = [...order.slice(1), order[0]];
    previous = order;
  }
  return [...(previous ?? movable), ...pinned];
}

/** Maps positions on screen (0 = the first option shown) to file indices; positions out of range are dropped. */
export function toFileIndices(order: readonly number[], positions: readonly number[]): number[] {
  return positions.flatMap((p) => (Number.isInteger(p) && p >= 0 && p < order.length ? [order[p]] : []));
}

/** Maps file indices to positions on screen. */
export function toScreenPositions(order: readonly number[], fileIndices: readonly number[]): number[] {
  return fileIndices.flatMap((i) => {
    const p = order.indexOf(i);
    return p >= 0 ? [p] : [];
  });
}
