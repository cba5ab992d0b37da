import {
  type Client,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessagePayload,
  REST,
  type RepliableInteraction,
  Routes,
} from 'discord.js';

/**
 * Answers that follow an acknowledgement — filling in a deferred reply, editing the message a button sits on, a
 * private follow-up — go through a REST manager of their own. Discord does not count interaction endpoints
 * against a bot's global limit of 50 requests a second, but discord.js's one manager counts every request: with
 * 200 members at once, the answers queued behind each other for four seconds. The per-route buckets Discord sends
 * (one per interaction token) are still honoured here; the bot's own calls keep the global limit.
 */
const managers = new WeakMap<Client, REST>();

function managerFor(client: Client): REST {
  let manager = managers.get(client);
  if (!manager) {
    manager = new REST({ api: client.rest.options.api, globalRequestsPerSecond: Number.MAX_SAFE_INTEGER });
    managers.set(client, manager);
  }
  return manager;
}

/** Drops a stopped client's manager (its sweeper timers are unref'd; this only frees it sooner). */
export function forgetInteractionWebhooks(client: Client): void {
  const manager = managers.get(client);
  manager?.clearHashSweeper();
  manager?.clearHandlerSweeper();
  managers.delete(client);
}

/**
 * Edits the interaction's original message: a deferred reply's "thinking…", or — after a deferred update — the
 * message the button sits on. Marks the interaction replied, as discord.js's own editReply does.
 */
export async function editOriginal(interaction: RepliableInteraction, options: InteractionEditReplyOptions) {
  if (!interaction.deferred && !interaction.replied) throw new Error('editOriginal needs an acknowledged interaction');
  const { body, files } = await MessagePayload.create(interaction.webhook, options).resolveBody().resolveFiles();
  await managerFor(interaction.client).patch(
    Routes.webhookMessage(interaction.applicationId, interaction.token, '@original'),
    { body, files: files ?? undefined, auth: false },
  );
  interaction.replied = true;
}

/** A further message to an acknowledged interaction (ephemeral when the options say so). */
export async function followUp(interaction: RepliableInteraction, options: InteractionReplyOptions) {
  const { body, files } = await MessagePayload.create(interaction.webhook, options).resolveBody().resolveFiles();
  await managerFor(interaction.client).post(Routes.webhook(interaction.applicationId, interaction.token), {
    body,
    files: files ?? undefined,
    query: new URLSearchParams({ wait: 'true' }),
    auth: false,
  });
}
