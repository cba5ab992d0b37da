import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Performance } from '../services/store/schemas.js';

/** A guild's wall key: the secret part of its wall and gallery links. Moderators get it and rotate it. */
export function newWallKey(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The key of one performance's page, derived from the guild's key: the finale may link to it in public without
 * opening the rest of the gallery. Rotating the guild's key revokes these too.
 */
export function performanceKey(wallKey: string, performanceId: string): string {
  return createHmac('sha256', wallKey).update(`performance:${performanceId}`).digest('base64url').slice(0, 22);
}

/** Compares a key from a URL with the real one in constant time. */
export function keyMatches(expected: string | undefined, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const wallPath = (guildId: string) => `/wall/${guildId}`;
export const galleryPath = (guildId: string) => `/gallery/${guildId}`;
export const performancePath = (p: Pick<Performance, 'guildId' | 'number'>) => `/gallery/${p.guildId}/${p.number}`;
export const posterPath = (p: Pick<Performance, 'guildId' | 'number'>) => `${performancePath(p)}/poster.png`;
export const printPath = (p: Pick<Performance, 'guildId' | 'number'>) => `${performancePath(p)}/print.png`;

const withKey = (url: string, key: string) => `${url}?key=${encodeURIComponent(key)}`;

/** The links a moderator is given by `/stage wall`. */
export function guildLinks(base: string, guildId: string, wallKey: string) {
  const root = base.replace(/\/+$/, '');
  return {
    wall: withKey(`${root}${wallPath(guildId)}`, wallKey),
    obs: `${withKey(`${root}${wallPath(guildId)}`, wallKey)}&view=obs`,
    gallery: withKey(`${root}${galleryPath(guildId)}`, wallKey),
  };
}

/** The stable public link of one performance's page. */
export function performanceLink(base: string, performance: Performance, wallKey: string): string {
  return withKey(`${base.replace(/\/+$/, '')}${performancePath(performance)}`, performanceKey(wallKey, performance.id));
}
