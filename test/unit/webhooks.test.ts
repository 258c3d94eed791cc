import { isRetryable, retryDelayMs } from '../../src/webhooks/backoff';
import { signatureHeader, verifySignature } from '../../src/webhooks/signing';
import { isPublicAddress, publicOnlyLookup } from '../../src/webhooks/public-address';

describe('webhook signatures', () => {
  const body = JSON.stringify({ id: '42', type: 'CASE_PAID' });
  const header = signatureHeader('whsec_test', 1_780_000_000, body);

  it('sign timestamp and body with HMAC-SHA256', () => {
    expect(header).toMatch(/^t=1780000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_test', header, body, 1_780_000_010)).toBe(true);
  });

  it.each([
    ['another secret', 'whsec_other', body, 1_780_000_010],
    ['a changed body', 'whsec_test', body.replace('42', '43'), 1_780_000_010],
    ['a replay after the tolerance', 'whsec_test', body, 1_780_000_301],
  ])('refuse %s', (_what, secret, b, now) => {
    expect(verifySignature(secret, header, b, now)).toBe(false);
  });
});

describe('webhook retries', () => {
  it.each([
    [1, 30_000], [2, 60_000], [3, 120_000], [10, 15_360_000], [11, 6 * 3600_000], [15, 6 * 3600_000],
  ])('wait exponentially, capped: attempt %i -> %i ms without jitter', (attempt, ms) => {
    expect(retryDelayMs(attempt, 0.5)).toBe(ms);
  });

  it('jitters by at most 20% either way', () => {
    expect(retryDelayMs(1, 0)).toBe(24_000);
    expect(retryDelayMs(1, 1)).toBe(36_000);
  });

  it('honour a longer Retry-After', () => {
    expect(retryDelayMs(1, 0.5, 120)).toBe(120_000);
    expect(retryDelayMs(3, 0.5, 5)).toBe(120_000);
  });

  it.each([[null, true], [500, true], [503, true], [429, true], [408, true], [400, false], [404, false], [410, false]])(
    'retry status %p: %p',
    (status, expected) => expect(isRetryable(status)).toBe(expected),
  );
});

describe('webhook receivers must be public', () => {
  it.each([
    ['8.8.8.8', true], ['93.184.216.34', true], ['2a00:1450:4001::1', true],
    ['127.0.0.1', false], ['10.1.2.3', false], ['172.16.0.1', false], ['172.31.255.255', false], ['192.168.1.1', false],
    ['169.254.169.254', false], ['100.64.0.1', false], ['0.0.0.0', false], ['224.0.0.1', false],
    ['::1', false], ['::', false], ['fd00::1', false], ['fe80::1', false], ['::ffff:127.0.0.1', false], ['::ffff:7f00:1', false], ['::ffff:8.8.8.8', true], ['::ffff:808:808', true],
    ['not-an-ip', false],
  ])('%s is public: %p', (address, expected) => expect(isPublicAddress(address)).toBe(expected));

  it('refuses, when connecting, a name that resolves to a private address', async () => {
    const result = await new Promise<string>((resolve) =>
      publicOnlyLookup('localhost', {}, (err) => resolve(err ? String((err as NodeJS.ErrnoException).code) : 'allowed')),
    );
    expect(result).toBe('ENONPUBLIC');
  });
});
