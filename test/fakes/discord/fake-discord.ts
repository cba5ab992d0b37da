import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type APIApplicationCommand, GatewayDispatchEvents, SnowflakeUtil } from 'discord.js';
import type { FakeInteraction } from './fake-interaction.js';
import { FakeGateway, type GatewayProblem } from './gateway.js';
import { readyPayloads } from './gateway-payloads.js';
import {
  type ClickButtonOptions,
  InteractionDriver,
  type SlashCommandOptions,
  type SubmitModalOptions,
} from './interaction-driver.js';
import type { InteractionRecord } from './interactions.js';
import type { FakeAttachment, FakeMessage } from './messages.js';
import { type FakeChannel, isThread, type ThreadChannel } from './payloads.js';
import { FaultInjector, type FaultSpec, type LimitConfig, RateLimiter } from './rate-limits.js';
import {
  type FakeStats,
  type InvalidRequest,
  type LateAnswer,
  type RecordedRequest,
  type ResponseProblem,
  RestServer,
} from './rest-server.js';
import { Router } from './router.js';
import { allRoutes } from './routes/index.js';
import { assertSnowflake, FakeState, type GuildSeed } from './state.js';
import { discordRequestValidator } from './validator.js';
import { type WaitOptions, waitFor } from './wait.js';

export interface FakeDiscordOptions {
  guilds: GuildSeed[];
  /** The bot's user (default: a generated id, username "Compliance Theatre"). */
  botUser?: { id?: string; username?: string };
  /** Default: the bot user's id, as for applications created since 2020. */
  applicationId?: string;
  /** When set, REST `Authorization: Bot <token>` and gateway IDENTIFY must carry exactly this token. */
  token?: string;
  /** Message edits per channel (default 5 per 5 s); null disables the limit. */
  editLimit?: LimitConfig | null;
  /** Message creates per channel (default 5 per 5 s); null disables the limit. */
  createLimit?: LimitConfig | null;
  /** Every other route, per route and major parameter (default 50 per 1 s). */
  routeLimit?: LimitConfig;
  /** The shard count GET /gateway/bot recommends and IDENTIFY must use (default 1: no sharding). */
  shards?: number;
  /** HELLO's heartbeat_interval (default Discord's 41250 ms). */
  heartbeatIntervalMs?: number;
  /** How long the bot has to answer an interaction (default Discord's 3000 ms). */
  ackDeadlineMs?: number;
  /**
   * Also check the fake's own 2xx answers against the spec's response schemas, into `responseProblems`
   * (a self-test of the fake; compiles more schemas, so off by default).
   */
  checkResponses?: boolean;
}

/**
 * A loopback Discord: REST on `http://127.0.0.1:PORT/api/v10` and the gateway on `ws://127.0.0.1:PORT`, for the
 * real discord.js Client. Every REST request is validated against Discord's OpenAPI description; state (guilds,
 * channels, threads, messages with edit history, commands, interactions) stays inspectable by tests.
 */
export class FakeDiscord {
  /** Every REST request received, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Requests that were invalid, unknown or unauthenticated (see assertAllRequestsValid). */
  readonly invalidRequests: InvalidRequest[] = [];
  /** With `checkResponses`: the fake's answers that do not match the spec. */
  readonly responseProblems: ResponseProblem[] = [];
  readonly stats: FakeStats = { requests: 0, byRoute: {}, rateLimited: 0, faultsInjected: 0, invalid: 0 };
  readonly state: FakeState;
  readonly gateway: FakeGateway;
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly driver: InteractionDriver;
  private readonly faults = new FaultInjector();
  private readonly lateAnswers: LateAnswer[] = [];
  private readonly rest: RestServer;
  private server: Server | undefined;

  constructor(options: FakeDiscordOptions) {
    const botId = options.botUser?.id ?? SnowflakeUtil.generate().toString();
    assertSnowflake(botId, 'bot user id');
    const applicationId = options.applicationId ?? botId;
    this.gateway = new FakeGateway({
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      token: options.token,
      url: () => this.gatewayUrl,
      onIdentify: (sessionId, resumeUrl, shard) => readyPayloads(this.state, sessionId, resumeUrl, shard),
      shards: options.shards ?? 1,
    });
    this.state = new FakeState(
      { id: botId, username: options.botUser?.username ?? 'Compliance Theatre', bot: true },
      applicationId,
      (event, data, intent) => this.gateway.dispatch(event, data, intent),
    );
    for (const guild of options.guilds) this.state.addGuild(guild);
    this.driver = new InteractionDriver(this.state, this.interactions, (payload) =>
      this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload, null),
    );
    this.rest = new RestServer({
      router: new Router(
        allRoutes({
          state: this.state,
          baseUrl: () => this.baseUrl,
          gatewayUrl: () => this.gatewayUrl,
          identifies: () => this.gateway.counts.identifies,
          shards: options.shards ?? 1,
          interactions: this.interactions,
          ackDeadlineMs: options.ackDeadlineMs ?? 3000,
        }),
      ),
      validator: discordRequestValidator,
      limiter: new RateLimiter(),
      faults: this.faults,
      lateAnswers: this.lateAnswers,
      limits: {
        edit: options.editLimit === undefined ? { count: 5, windowMs: 5000 } : options.editLimit,
        create: options.createLimit === undefined ? { count: 5, windowMs: 5000 } : options.createLimit,
        route: options.routeLimit ?? { count: 50, windowMs: 1000 },
      },
      token: options.token,
      stats: this.stats,
      requests: this.requests,
      invalid: this.invalidRequests,
      attachment: (path) => this.findAttachment(path),
      responseProblems: options.checkResponses ? this.responseProblems : undefined,
    });
  }

  /** Listens on 127.0.0.1 (a free port) and initialises the shared spec validator. */
  async start(): Promise<this> {
    await discordRequestValidator();
    const server = createServer((req, res) => {
      this.rest.handle(req, res).catch((error: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake failed: ${error.message}`, code: 0 }));
      });
    });
    server.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return this;
  }

  /** Closes the gateway (terminating connections) and the HTTP server. Safe to call twice. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await this.gateway.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get port(): number {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('FakeDiscord is not started');
    return address.port;
  }
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** Pass as `rest: { api }` to the discord.js Client; discord.js appends `/v10`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }
  get applicationId(): string {
    return this.state.applicationId;
  }
  get botUserId(): string {
    return this.state.bot.id;
  }

  /** Resolves once `count` IDENTIFYs were answered with READY and GUILD_CREATEs. */
  async waitForIdentify(timeoutMs = 5000, count = 1): Promise<void> {
    await waitFor(() => this.gateway.counts.identifies >= count, { timeoutMs, description: `${count} IDENTIFY` });
  }

  /** Resolves once `count` RESUMEs were answered with RESUMED. */
  async waitForResume(timeoutMs = 5000, count = 1): Promise<void> {
    await waitFor(() => this.gateway.counts.resumes >= count, { timeoutMs, description: `${count} RESUME` });
  }

  /** Dispatches a slash command (INTERACTION_CREATE) as `user` would trigger it. */
  async slashCommand(options: SlashCommandOptions): Promise<FakeInteraction> {
    this.requireSession();
    return this.driver.slashCommand(options);
  }

  /** Clicks a button on a stored message; throws if the message has no such (enabled) button. */
  async clickButton(options: ClickButtonOptions): Promise<FakeInteraction> {
    this.requireSession();
    return this.driver.clickButton(options);
  }

  /** Submits a modal the bot showed (`from`), with text input `values` by custom_id. */
  async submitModal(options: SubmitModalOptions): Promise<FakeInteraction> {
    this.requireSession();
    return this.driver.submitModal(options);
  }

  /** Messages of a channel or thread, oldest first, with their versions; deleted ones only when asked. */
  messagesIn(channelId: string, { includeDeleted = false } = {}): FakeMessage[] {
    return this.state.messagesIn(channelId).filter((message) => includeDeleted || !message.deletedAt);
  }

  message(id: string): FakeMessage | undefined {
    return this.state.messages.get(id);
  }

  channel(id: string): FakeChannel | undefined {
    return this.state.channels.get(id);
  }

  /** Threads the bot created, optionally only under one parent channel. */
  threads(parentId?: string): ThreadChannel[] {
    return [...this.state.channels.values()].filter(
      (channel): channel is ThreadChannel => isThread(channel) && (!parentId || channel.parent_id === parentId),
    );
  }

  /** Registered commands: global, or of one guild. */
  commands(guildId?: string): APIApplicationCommand[] {
    return this.state.commands.list(guildId);
  }

  /** Bounded polling: resolves with the first truthy value of `probe`, rejects after `timeoutMs` (default 5 s). */
  waitFor<T>(probe: () => T | undefined | null | false, options?: WaitOptions): Promise<T> {
    return waitFor(probe, options);
  }

  /**
   * Carries out the next matching request(s) at once but sends the answer only after `delayMs`: the client may
   * time out and retry, or crash, after Discord has already done what it asked.
   */
  answerLate(match: (request: RecordedRequest) => boolean, delayMs: number, times = 1): void {
    this.lateAnswers.push({ match, delayMs, left: times });
  }

  /**
   * Forgets every enforced nonce, as Discord does after a few minutes: a message created again with the same nonce
   * is then a new message (what a bot restarted long after a crash would meet).
   */
  forgetNonces(): void {
    this.state.nonces.clear();
  }

  /** Makes the next matching REST request(s) fail with 429, 500, 502 or 503 (before any state changes). */
  failNext(fault: FaultSpec): void {
    this.faults.add(fault);
  }

  /** Closes the gateway connection as a server would: 4000 (default) lets the client resume, 1000 re-identify. */
  disconnectGateway({ code = 4000, reason }: { code?: number; reason?: string } = {}): void {
    this.gateway.disconnect(code, reason);
  }

  /** Sends opcode 7 RECONNECT: the client reconnects to the resume URL and resumes. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  /** Gateway protocol problems (bad payloads, wrong token...). */
  get gatewayProblems(): GatewayProblem[] {
    return this.gateway.problems;
  }

  /** Throws, listing them, if any REST request was invalid/unknown/unauthenticated or the gateway saw a protocol error. */
  assertAllRequestsValid(): void {
    const lines = [
      ...this.invalidRequests.map(
        (r) => `${r.method} ${r.path} [${r.operationId ?? 'no operation'}]: ${r.problems.join('; ')}`,
      ),
      ...this.gateway.problems.map((p) => `gateway (close ${p.closeCode}): ${p.message}`),
    ];
    if (lines.length > 0) throw new Error(`FakeDiscord saw ${lines.length} invalid request(s):\n${lines.join('\n')}`);
  }

  /** Empties and returns the invalid requests and gateway problems, for tests that send bad requests on purpose. */
  takeInvalidRequests(): { requests: InvalidRequest[]; gateway: GatewayProblem[] } {
    return { requests: this.invalidRequests.splice(0), gateway: this.gateway.problems.splice(0) };
  }

  private requireSession(): void {
    if (!this.gateway.current)
      throw new Error('No gateway session: log the client in and await fake.waitForIdentify()');
  }

  private findAttachment(path: string): { bytes: Buffer; contentType: string } | undefined {
    const [, , channelId, attachmentId] = path.split('/');
    for (const message of this.state.messagesIn(channelId ?? '')) {
      for (const version of message.versions) {
        const found = version.attachments.find((attachment: FakeAttachment) => attachment.id === attachmentId);
        if (found) return { bytes: found.bytes, contentType: found.contentType };
      }
    }
    return undefined;
  }
}
