/**
 * Playback links name a grant and carry its ticket (grant, expires, ticket), a few minutes long. The player renews the
 * ticket through the api before it runs out and puts the current one on every link it fetches (ADR 13).
 */

const TICKET_PARAMS = ['grant', 'expires', 'ticket'];

/** The ticket part (`grant=..&expires=..&ticket=..`) of a link, or null when it has none. */
export function ticketOf(url: string): string | null {
  const query = url.split('?')[1] ?? '';
  const parts = query.split('&').filter((p) => TICKET_PARAMS.includes(p.split('=')[0]));
  return parts.length === TICKET_PARAMS.length ? parts.join('&') : null;
}

/** The link with `ticket` (a renewal's query) in place of its own; a link without a ticket is left as it is. */
export function withTicket(url: string, ticket: string | null): string {
  if (!ticket || ticketOf(url) === null) return url;
  const [base, query] = url.split('?');
  const kept = query.split('&').filter((p) => !TICKET_PARAMS.includes(p.split('=')[0]));
  return `${base}?${[...kept, ticket].join('&')}`;
}

/** How long to wait before renewing a ticket expiring at `expiresAt` (epoch ms): at 60% of what is left, 5 s at least. */
export function renewDelayMs(expiresAt: number, now: number): number {
  return Math.max(5_000, Math.floor((expiresAt - now) * 0.6));
}
