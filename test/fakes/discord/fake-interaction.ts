import { type APIModalInteractionResponseCallbackData, InteractionResponseType, MessageFlags } from 'discord.js';
import type { CallbackRecord, GuildInteractionPayload, InteractionRecord } from './interactions.js';
import type { FakeMessage } from './messages.js';
import type { FakeState } from './state.js';
import { waitFor } from './wait.js';

/** A test's handle on one interaction the fake dispatched (slash command, button click, modal submission). */
export class FakeInteraction {
  constructor(
    /** @internal */ readonly record: InteractionRecord,
    private readonly state: FakeState,
  ) {}

  get id(): string {
    return this.record.id;
  }
  get token(): string {
    return this.record.token;
  }
  /** The INTERACTION_CREATE payload as sent to the bot. */
  get payload(): GuildInteractionPayload {
    return this.record.payload;
  }
  /** The bot's callback, once it answered. */
  get callback(): CallbackRecord | undefined {
    return this.record.callback;
  }

  /** Milliseconds from the dispatch of the interaction to the bot's callback (Discord allows 3,000), once answered. */
  get ackMs(): number | undefined {
    return this.record.callback ? this.record.callback.at.getTime() - this.record.createdAt : undefined;
  }

  /** Resolves with the bot's callback (type and data) once it answered; rejects after `timeoutMs`. */
  response(timeoutMs = 5000): Promise<CallbackRecord> {
    return waitFor(() => this.record.callback, { timeoutMs, description: `a callback to interaction ${this.id}` });
  }

  /** The `@original` message: the reply (types 4/5) or, for a component, the message that was clicked. */
  original(): FakeMessage | undefined {
    return this.record.originalMessageId ? this.state.messages.get(this.record.originalMessageId) : undefined;
  }

  /** Resolves with the original message once it is no longer a deferred "thinking…" placeholder. */
  settled(timeoutMs = 5000): Promise<FakeMessage> {
    return waitFor(
      () => {
        const message = this.original();
        return message && (message.flags & MessageFlags.Loading) === 0 ? message : undefined;
      },
      { timeoutMs, description: `the reply to interaction ${this.id} to be filled in` },
    );
  }

  followups(): FakeMessage[] {
    return this.record.followupIds.map((id) => this.state.messages.get(id)).filter((m) => m !== undefined);
  }

  /** The original response and the followups, as the fake stored them (ephemeral ones carry flag 64). */
  messages(): FakeMessage[] {
    const original = this.original();
    return [...(original ? [original] : []), ...this.followups()];
  }

  /** The modal the bot showed (callback type 9), to submit with `fake.submitModal({ from: interaction })`. */
  modal(): APIModalInteractionResponseCallbackData | undefined {
    const callback = this.record.callback;
    return callback?.type === InteractionResponseType.Modal
      ? (callback.data as APIModalInteractionResponseCallbackData)
      : undefined;
  }
}
