import { afterEach, describe, expect, test } from 'vitest';
import { FakeDiscord } from '../fakes/discord/index.js';
import { cli } from './helpers.js';

const GUILD = '100000000000000001';
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function startFake() {
  fake = new FakeDiscord({
    guilds: [{ id: GUILD, name: 'Gallery', channels: [{ id: '200000000000000001', name: 'stage' }] }],
  });
  await fake.start();
  return fake;
}

describe('deploy-commands', () => {
  test.each([
    ['one guild when DISCORD_GUILD_ID is set', { DISCORD_GUILD_ID: GUILD }, GUILD, `for guild ${GUILD}.`],
    ['globally otherwise', {}, undefined, 'for every server'],
  ])('registers every command %s, each definition valid for Discord', async (_name, extra, guildId, where) => {
    const discord = await startFake();
    const run = await cli(['deploy-commands'], {
      env: {
        DISCORD_TOKEN: 'fake-bot-token',
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_URL: discord.apiUrl,
        ...extra,
      },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Registered 5 commands (/brief, /stage, /lexicon, /results, /show)');
    expect(run.stdout).toContain(where);
    discord.assertAllRequestsValid();
    const registered = discord.commands(guildId);
    expect(registered.map((c) => c.name).sort()).toEqual(['brief', 'lexicon', 'results', 'show', 'stage']);
    const moderatorOnly = registered.filter((c) => c.default_member_permissions === '32').map((c) => c.name);
    expect(moderatorOnly.sort()).toEqual(['lexicon', 'stage']);
  });

  test('without a token it stops with one line naming what is missing', async () => {
    const run = await cli(['deploy-commands'], { env: { DISCORD_APPLICATION_ID: '123456789012345678' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: config: DISCORD_TOKEN is required\n');
  });
});
