import { crc32, deflateSync } from 'node:zlib';
import type { Client } from 'discord.js';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord.js';

/** Ids the smoke tests use. */
export const GUILD_ID = '100000000000000001';
export const STAGE_ID = '100000000000000002';
export const ALICE = { id: '200000000000000001', username: 'alice' };
export const BOB = { id: '200000000000000002', username: 'bob' };

export function startFake(options: Partial<FakeDiscordOptions> = {}): Promise<FakeDiscord> {
  return new FakeDiscord({
    guilds: [{ id: GUILD_ID, name: 'Compliance Theatre', channels: [{ id: STAGE_ID, name: 'stage' }] }],
    ...options,
  }).start();
}

/** Tears down in the order that cannot hang: client first, then the fake; then fails on invalid requests. */
export async function tearDown(client: Client | undefined, fake: FakeDiscord | undefined): Promise<void> {
  try {
    await client?.destroy();
  } finally {
    await fake?.stop();
  }
  fake?.assertAllRequestsValid();
}

/** A real, tiny PNG (grey pixels) of the given size. */
export function tinyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0; // filter byte
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
