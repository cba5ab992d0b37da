import type { ButtonKind } from '../discord/format.js';
import { appeal } from './appeal.js';
import { deny, grant, release, remove, veto } from './moderation.js';
import type { ButtonHandler } from './types.js';
import { vote } from './vote.js';

/** Every button the show puts on a message. */
export const buttons: ButtonHandler[] = [vote, appeal, release, veto, grant, deny, remove];

export const buttonsByKind: ReadonlyMap<ButtonKind, ButtonHandler> = new Map(buttons.map((b) => [b.kind, b]));
