import { describe, expect, test } from 'vitest';
import { finaleIn, GUILD, OTHER, STAGE_CHANNEL, submitBrief, threadOf, untilStatus, useShows } from '../e2e/harness.js';

describe('/show print:true', () => {
  const launch = useShows();

  test('attaches the redline document beside the poster', async () => {
    const show = await launch();
    await submitBrief(show, 'a knight with a sword in a shitty motel');
    await finaleIn(show, (await threadOf(show)).id);
    await untilStatus(show, 1, 'done');
    const reposted = await show.fake.slashCommand({
      guildId: GUILD,
      channelId: STAGE_CHANNEL,
      user: OTHER,
      name: 'show',
      options: [
        { name: 'id', type: 3, value: '1' },
        { name: 'print', type: 5, value: true },
      ],
    });
    await reposted.response();
    const message = await show.fake.waitFor(() => {
      const original = reposted.original();
      return original?.attachments.length === 2 ? original : undefined;
    });
    const print = message.attachments.find((a) => a.filename === 'redline-performance-1.png');
    expect(print?.description).toBe('The redline document of performance №1');
    expect([print?.bytes.readUInt32BE(16), print?.bytes.readUInt32BE(20)]).toEqual([3508, 4961]);
  });
});
