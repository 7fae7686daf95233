/** How a drill says when cards come back: "in 25 min", "in 3 days (2026-03-04)", "4 cards are due again now". */
import { plural } from '../text';

export function describeDue(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in ${hours} h`;
  const days = Math.round(hours / 24);
  return `in ${plural(days, 'day')} (${due.toISOString().slice(0, 10)})`;
}

/** "4 cards are due again in 25 min", "1 card is due again now", "3 cards are due again within 12 min". */
export function describeDueAgain(dues: readonly number[], now: Date): string {
  const minutes = dues.map((d) => Math.max(0, Math.ceil((d - now.getTime()) / 60000)));
  const first = Math.min(...minutes);
  const last = Math.max(...minutes);
  const n = dues.length;
  const when = last === 0 ? 'now' : first === last ? `in ${last} min` : `within ${last} min`;
  return `${plural(n, 'card is', 'cards are')} due again ${when}`;
}
