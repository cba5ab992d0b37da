import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayDispatchEvents, GatewayOpcodes, type GatewayReadyDispatchData } from 'discord.js';
import { type WebSocket, WebSocketServer } from 'ws';

/** A gateway protocol problem the fake saw (a client bug, listed by assertAllRequestsValid). */
export interface GatewayProblem {
  at: Date;
  closeCode: number;
  message: string;
}

interface DispatchPacket {
  op: GatewayOpcodes.Dispatch;
  t: GatewayDispatchEvents;
  s: number;
  d: unknown;
}

/** A gateway session: survives a dropped connection so the client can RESUME and get missed events replayed. */
export interface GatewaySession {
  id: string;
  intents: number;
  seq: number;
  /** [shard id, shard count] from IDENTIFY; [0, 1] when the client does not shard. */
  shard: [number, number];
  socket: WebSocket | undefined;
  /** Dispatches sent in this session, kept (bounded) for replay on RESUME. */
  sent: DispatchPacket[];
}

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** Required IDENTIFY/RESUME token, or undefined to accept any. */
  token: string | undefined;
  /** READY data and the GUILD_CREATE payloads for a new session of one shard. */
  onIdentify: (
    sessionId: string,
    resumeUrl: string,
    shard: [number, number],
  ) => { ready: GatewayReadyDispatchData; guilds: unknown[] };
  /** The shard count GET /gateway/bot recommends; IDENTIFY must use it (or not shard, when it is 1). */
  shards: number;
  url: () => string;
}

const REPLAY_LIMIT = 1000;

/** The shard Discord routes a guild to: (guild_id >> 22) % shard count. */
export const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

/** The guild a dispatch belongs to: its guild_id, or the id of a GUILD_* event's guild. */
function guildOf(event: GatewayDispatchEvents, data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as { guild_id?: unknown; id?: unknown };
  if (typeof d.guild_id === 'string') return d.guild_id;
  return event.startsWith('GUILD_') && typeof d.id === 'string' ? d.id : undefined;
}

/**
 * The gateway websocket: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with replay, dispatches.
 * Plain JSON only (discord.js uses it when zlib-sync is not installed). With several shards, each shard's
 * session gets only its own guilds' events, as Discord routes them.
 */
export class FakeGateway {
  readonly problems: GatewayProblem[] = [];
  readonly counts = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0, resumeUrlConnections: 0 };
  current: GatewaySession | undefined;
  /** The live session of each shard id. */
  readonly shardSessions = new Map<number, GatewaySession>();
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly server = new WebSocketServer({ noServer: true });

  constructor(private readonly options: GatewayOptions) {}

  /** Takes over an HTTP upgrade on `/` (the gateway URL) or `/resume` (the resume URL). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/' && url.pathname !== '/resume') {
      socket.destroy();
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, url));
  }

  /**
   * Sends a dispatch in the session of the shard that owns its guild (else the latest session); buffered for
   * replay when that client is disconnected.
   */
  dispatch(event: GatewayDispatchEvents, data: unknown, intent: number | null): void {
    const guildId = guildOf(event, data);
    const owner = guildId === undefined ? undefined : this.shardSessions.get(shardOf(guildId, this.options.shards));
    const session = owner ?? this.current;
    if (!session) return;
    if (intent !== null && (session.intents & intent) === 0) return;
    const packet: DispatchPacket = { op: GatewayOpcodes.Dispatch, t: event, s: ++session.seq, d: data };
    session.sent.push(packet);
    if (session.sent.length > REPLAY_LIMIT) session.sent.shift();
    session.socket?.send(JSON.stringify(packet));
  }

  /** Closes the current connection as Discord would; 4000 lets discord.js resume, 1000 makes it re-identify. */
  disconnect(code = 4000, reason = 'fake server disconnect'): void {
    const socket = this.current?.socket;
    if (this.current) this.current.socket = undefined;
    socket?.close(code, reason);
  }

  /** Asks the client to reconnect and resume (opcode 7). */
  requestReconnect(): void {
    this.current?.socket?.send(JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null, s: null, t: null }));
  }

  async close(): Promise<void> {
    for (const ws of this.server.clients) ws.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(ws: WebSocket, url: URL): void {
    this.counts.connections++;
    if (url.pathname === '/resume') this.counts.resumeUrlConnections++;
    const unsupported =
      url.searchParams.get('v') !== '10' || url.searchParams.get('encoding') !== 'json'
        ? `unsupported gateway query ${url.search} (the fake speaks v=10&encoding=json)`
        : url.searchParams.has('compress')
          ? 'zlib-stream compression requested; the fake speaks plain JSON (uninstall zlib-sync)'
          : undefined;
    if (unsupported) {
      this.fail(ws, 4012, unsupported);
      return;
    }
    const connection: { session: GatewaySession | undefined } = { session: undefined };
    ws.on('message', (data) => this.onMessage(ws, connection, String(data)));
    ws.on('close', () => {
      if (connection.session?.socket === ws) connection.session.socket = undefined;
    });
    this.send(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  private onMessage(ws: WebSocket, connection: { session: GatewaySession | undefined }, text: string): void {
    let packet: { op?: unknown; d?: unknown };
    try {
      packet = JSON.parse(text);
    } catch {
      this.fail(ws, 4002, `payload is not JSON: ${text.slice(0, 80)}`);
      return;
    }
    const d = (packet.d ?? {}) as Record<string, unknown>;
    switch (packet.op) {
      case GatewayOpcodes.Heartbeat:
        this.counts.heartbeats++;
        this.send(ws, { op: GatewayOpcodes.HeartbeatAck });
        break;
      case GatewayOpcodes.Identify:
        this.identify(ws, connection, d);
        break;
      case GatewayOpcodes.Resume:
        this.resume(ws, connection, d);
        break;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        // Accepted and ignored: the fake keeps no presences, voice or member lists beyond GUILD_CREATE.
        if (!connection.session) this.fail(ws, 4003, `opcode ${packet.op} sent before IDENTIFY`);
        break;
      default:
        this.fail(ws, 4001, `unknown opcode ${String(packet.op)}`);
    }
  }

  private identify(ws: WebSocket, connection: { session: GatewaySession | undefined }, d: Record<string, unknown>) {
    if (connection.session) return this.fail(ws, 4005, 'IDENTIFY sent twice on one connection');
    if (!this.tokenOk(d.token)) return this.fail(ws, 4004, 'IDENTIFY with a wrong token');
    if (typeof d.intents !== 'number') return this.fail(ws, 4013, 'IDENTIFY without numeric intents');
    const properties = d.properties as Record<string, unknown> | undefined;
    if (!properties || typeof properties.os !== 'string') return this.fail(ws, 4002, 'IDENTIFY without properties');
    const shard = (d.shard as [number, number] | undefined) ?? [0, 1];
    const [shardId, shardCount] = shard;
    if (!Number.isInteger(shardId) || shardId < 0 || shardId >= shardCount)
      return this.fail(ws, 4010, `invalid shard ${JSON.stringify(shard)}`);
    if (shardCount < this.options.shards)
      return this.fail(ws, 4011, `sharding required: ${this.options.shards} shards, IDENTIFY said ${shardCount}`);

    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      intents: d.intents,
      seq: 0,
      shard: [shardId, shardCount],
      socket: ws,
      sent: [],
    };
    this.sessions.set(session.id, session);
    this.current = session;
    this.shardSessions.set(shardId, session);
    connection.session = session;
    const { ready, guilds } = this.options.onIdentify(session.id, `${this.options.url()}/resume`, session.shard);
    // This session now owns its shard, so its guilds' GUILD_CREATEs are routed to it.
    this.dispatch(GatewayDispatchEvents.Ready, ready, null);
    for (const guild of guilds) this.dispatch(GatewayDispatchEvents.GuildCreate, guild, null);
    this.counts.identifies++;
  }

  private resume(ws: WebSocket, connection: { session: GatewaySession | undefined }, d: Record<string, unknown>) {
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (!session || !this.tokenOk(d.token) || typeof d.seq !== 'number') {
      // Not resumable: the client must IDENTIFY again.
      return this.send(ws, { op: GatewayOpcodes.InvalidSession, d: false });
    }
    session.socket?.close(4000, 'resumed elsewhere');
    session.socket = ws;
    connection.session = session;
    this.current = session;
    this.shardSessions.set(session.shard[0], session);
    const seq = d.seq;
    for (const packet of session.sent) if (packet.s > seq) ws.send(JSON.stringify(packet));
    this.dispatch(GatewayDispatchEvents.Resumed, null, null);
    this.counts.resumes++;
  }

  private tokenOk(token: unknown): boolean {
    return (
      typeof token === 'string' &&
      token.length > 0 &&
      (this.options.token === undefined || token === this.options.token)
    );
  }

  private send(ws: WebSocket, packet: { op: GatewayOpcodes; d?: unknown }): void {
    ws.send(JSON.stringify({ op: packet.op, d: packet.d ?? null, s: null, t: null }));
  }

  private fail(ws: WebSocket, closeCode: number, message: string): void {
    this.problems.push({ at: new Date(), closeCode, message });
    ws.close(closeCode, message.slice(0, 120));
  }
}
