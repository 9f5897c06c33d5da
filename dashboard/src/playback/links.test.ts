import { describe, expect, it } from 'vitest';
import { renewDelayMs, ticketOf, withTicket } from './links';

const media = 'http://s/media/cameras/a.mp4?bytes=10-99&sig=S1&grant=g1&expires=100&ticket=T1';

describe('playback links', () => {
  it('finds a link ticket', () => {
    expect(ticketOf(media)).toBe('grant=g1&expires=100&ticket=T1');
    expect(ticketOf('http://s/x?expires=1&sig=a')).toBeNull();
  });

  it('swaps in a renewed ticket and keeps the rest of the link', () => {
    expect(withTicket(media, 'grant=g1&expires=400&ticket=T2')).toBe(
      'http://s/media/cameras/a.mp4?bytes=10-99&sig=S1&grant=g1&expires=400&ticket=T2',
    );
    expect(withTicket('http://s/x?expires=1&sig=a', 'grant=g&expires=2&ticket=t')).toBe('http://s/x?expires=1&sig=a');
    expect(withTicket(media, null)).toBe(media);
  });

  it('renews well before the ticket runs out', () => {
    expect(renewDelayMs(300_000, 0)).toBe(180_000);
    expect(renewDelayMs(1_000, 0)).toBe(5_000);
  });
});
