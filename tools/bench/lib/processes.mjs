// Child processes of the bench: free ports, servers pinned to one core, their CPU time from /proc.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Core the servers run on, and core the load generator (this process, wrk) runs on. */
export const SERVER_CORE = '1';
export const LOAD_CORE = '0';

const hasTaskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

// Decided once, at start: nproc honours this process's affinity, which pinSelfToLoadCore narrows to one core.
const canPin = hasTaskset && Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()) >= 2;

/** Whether servers and load are pinned to separate cores (taskset present, at least two cores). */
export function pinning() {
  return canPin;
}

/** Moves every thread of this process (the load generator and orchestrator) onto LOAD_CORE. */
export function pinSelfToLoadCore() {
  if (pinning()) spawnSync('taskset', ['-a', '-cp', LOAD_CORE, String(process.pid)], { stdio: 'ignore' });
}

/** `command args`, prefixed with `taskset -c core` when pinning is possible. */
export function pinned(core, command, args) {
  return pinning() ? ['taskset', ['-c', core, command, ...args]] : [command, args];
}

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** User + system CPU time of a process (all its threads) in microseconds. */
export function cpuMicros(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ", utime and stime are the 12th and 13th fields (14 and 15 of proc(5)).
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
}

/**
 * Starts `node script` on the server core, its output going to `logFile`, and resolves once `readyUrl`
 * answers (any status when `anyStatus`, else 2xx).
 * @returns {Promise<{ pid: number, log: string, stop(): Promise<void> }>}
 */
export async function startServer({
  name,
  script,
  env,
  readyUrl,
  logFile,
  cwd,
  anyStatus = false,
  timeoutMs = 60_000,
}) {
  const fd = openSync(logFile, 'w');
  const [command, args] = pinned(SERVER_CORE, process.execPath, [script]);
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const server = { pid: child.pid, log: logFile, stop: () => stopChild(child) };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) });
      if (anyStatus || response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await server.stop();
  const output = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-3000) : '';
  throw new Error(`${name} did not become ready at ${readyUrl} (log ${logFile}):\n${output}`);
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
