import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { createLogger, scrubSecrets } from '../src/logger.js';

const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA';
const WEBHOOK_TOKEN = 'Zm9vYmFyLXdlYmhvb2stdG9rZW4tc2VjcmV0LXZhbHVl';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('debug', sink), lines };
}

describe('the logger keeps Discord URL tokens out', () => {
  test.each([
    [
      `https://discord.com/api/v10/interactions/123456789012345678/${INTERACTION_TOKEN}/callback`,
      'https://discord.com/api/v10/interactions/123456789012345678/[redacted]/callback',
    ],
    [
      `/webhooks/987654321098765432/${WEBHOOK_TOKEN}/messages/@original`,
      '/webhooks/987654321098765432/[redacted]/messages/@original',
    ],
    [
      `https://discord.com/api/webhooks/1/${WEBHOOK_TOKEN}?wait=true`,
      'https://discord.com/api/webhooks/1/[redacted]?wait=true',
    ],
    ['/channels/123/messages', '/channels/123/messages'],
  ])('%s', (input, expected) => {
    expect(scrubSecrets(input)).toBe(expected);
  });

  test("a failed interaction callback's DiscordAPIError is logged without its token", () => {
    const { log, lines } = capture();
    const url = `https://127.0.0.1:1/api/v10/interactions/123456789012345678/${INTERACTION_TOKEN}/callback`;
    const err = new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', url, {
      body: { type: 5 },
    });
    log.error({ err, interactionId: '123456789012345678' }, 'could not answer the interaction');
    log.warn(`retrying ${url}`);
    log.info({ nested: { webhook: `https://discord.com/api/webhooks/42/${WEBHOOK_TOKEN}` } }, 'posted');
    const output = lines.join('');
    expect(output).not.toContain(INTERACTION_TOKEN);
    expect(output).not.toContain(WEBHOOK_TOKEN);
    expect(output).toContain('/interactions/123456789012345678/[redacted]/callback');
    expect(output).toContain('Unknown interaction');
    expect(lines).toHaveLength(3);
  });
});
