import KeyvSqlite from '@keyv/sqlite';
import { MessageFlags } from 'discord.js';
import { expect, test } from 'vitest';
import { STORE_NAMESPACE } from '../../src/services/store/index.js';
import { GUILD, replyFlags, replyText, runSubcommand, useShows } from './harness.js';

const launch = useShows();

test('/stage repair lists this server’s damaged records privately, never their content, and clears them', async () => {
  const show = await launch();
  const empty = await runSubcommand(show, 'stage', 'repair');
  expect(replyText(empty)).toContain('No damaged records');
  expect(replyFlags(empty) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);

  // A brief cut off mid-write: not JSON, and the parser's message would quote the text it choked on.
  const adapter = new KeyvSqlite({ uri: show.storeUrl });
  await adapter.set(`${STORE_NAMESPACE}:performance:${GUILD}-7`, '{"value": {"brief": "MARKERSECRET a bloody knife');
  await adapter.set(
    `${STORE_NAMESPACE}:settings:${GUILD}`,
    JSON.stringify({ value: { paused: true, pace: 'MARKERSECRET' } }),
  );
  await adapter.disconnect();
  expect(await show.store.performances.get(`${GUILD}-7`)).toBeUndefined();
  // Settings fail closed: the corrupt record is set aside, and a paused guild stays paused.
  expect((await show.store.guilds.get(GUILD)).paused).toBe(true);

  const listed = replyText(await runSubcommand(show, 'stage', 'repair'));
  expect(listed).toContain(`performance:${GUILD}-7`);
  expect(listed).toContain(`settings:${GUILD}`);
  expect(listed).toContain('not JSON');
  expect(listed).not.toMatch(/MARKERSECRET|knife/);

  const cleared = await runSubcommand(show, 'stage', 'repair', [{ name: 'clear', type: 5, value: true }]);
  expect(replyText(cleared)).toContain('Discarded 2 damaged records');
  expect(await show.store.quarantine.list()).toEqual([]);
  expect(replyText(await runSubcommand(show, 'stage', 'repair'))).toContain('No damaged records');
});
