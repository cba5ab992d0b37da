import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FakeDiscord } from '../fakes/discord/index.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** One log line of the bot (pino JSON); lines that are not JSON are kept as `msg`. */
export interface LogLine {
  msg: string;
  pid?: number;
  level?: number;
  [field: string]: unknown;
}

/** The bot as a real process (`node` on the entry point) in its own process group, pointed at the fake Discord. */
export interface BotProcess {
  child: ChildProcess;
  logs: LogLine[];
  stderr(): string;
  /** Resolves with the exit code (or the signal) once every process of the group's leader has ended. */
  exited: Promise<number | NodeJS.Signals>;
  /** The bot's own pid (not npm's or tsx's): the process of the group that has no child. */
  botPid(): Promise<number>;
  waitForLog(msg: string, timeoutMs?: number): Promise<LogLine>;
  /** kill -9 of every process of the group, as a power cut would. */
  kill9(): Promise<void>;
  /** Ends the group if it is still running (test teardown). */
  stop(): Promise<void>;
}

export function startBotProcess(fake: FakeDiscord, env: Record<string, string>): BotProcess {
  // The entry point from source (no build to race test/index.test.ts's); that one runs `npm start` on dist/.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  const logs: LogLine[] = [];
  let stderr = '';
  let buffered = '';
  // pino writes to stderr, beside the one-line refusals: JSON lines are logs, the rest is kept as text.
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'SIGKILL')),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const waitForLog = async (msg: string, timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const line = logs.find((l) => l.msg === msg);
      if (line) return line;
      if (ended) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(
      `the bot never logged "${msg}"; stderr: ${stderr.trim()}; logs: ${logs.map((l) => l.msg).join(' | ')}`,
    );
  };
  const group = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  };
  return {
    child,
    logs,
    stderr: () => stderr,
    exited,
    async botPid() {
      await waitForLog('store opened');
      const pid = child.pid ? leafOf(child.pid) : undefined;
      if (!pid) throw new Error('no bot process under npm');
      return pid;
    },
    waitForLog,
    async kill9() {
      group('SIGKILL');
      await exited;
    },
    async stop() {
      if (ended) return;
      group('SIGKILL');
      await exited;
    },
  };
}

/** The processes of a process group, from /proc: [pid, parent pid]. */
function groupMembers(pgid: number): [number, number][] {
  const members: [number, number][] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The fields after the command name (which may hold spaces) are: state, ppid, pgrp.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid) members.push([Number(entry), Number(ppid)]);
    } catch {
      // The process ended while the list was read.
    }
  }
  return members;
}

function leafOf(pgid: number): number | undefined {
  const members = groupMembers(pgid);
  const parents = new Set(members.map(([, ppid]) => ppid));
  return members.find(([pid]) => !parents.has(pid))?.[0];
}

/** Whether a process is still alive (signal 0 checks without sending anything). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
