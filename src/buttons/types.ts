import type { ButtonInteraction } from 'discord.js';
import type { Context } from '../context.js';
import type { ButtonKind } from '../discord/format.js';

/** A button handler; the custom id carries the performance id (and an argument, e.g. the side voted for). */
export interface ButtonHandler {
  kind: ButtonKind;
  execute(interaction: ButtonInteraction, target: { performanceId: string; arg?: string }, ctx: Context): Promise<void>;
}
