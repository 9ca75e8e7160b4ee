import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { httpRequest } from './http';
import { freePort } from './workspace';

/** Debian's nginx; the tests never skip for want of it. */
export function nginxBinary(): string {
  const found = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
  if (!found) {
    throw new Error('nginx is not installed: `apt-get install -y nginx` (.ci/run installs it). These tests need it.');
  }
  return found;
}

/** A scratch prefix for one nginx: its pid, temp paths and logs stay inside, readable by its workers. */
export function nginxPrefix(): string {
  const prefix = mkdtempSync(join(tmpdir(), 'steward-nginx-'));
  chmodSync(prefix, 0o755);
  return prefix;
}

/**
 * The main-context wrapper the official image provides around conf.d/default.conf, for Debian's
 * nginx run as the current user. As root (CI), workers run as nobody, like the image's non-root user.
 */
function mainConfig(prefix: string, serverConfig: string): string {
  const user = userInfo().uid === 0 ? 'user nobody nogroup;' : '';
  return `${user}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${serverConfig};
}
`;
}

/** `nginx -t` on a server config (what conf.d/default.conf holds), inside `prefix`. */
export function checkNginxConfig(prefix: string, serverConfig: string): { ok: boolean; output: string } {
  const main = join(prefix, 'nginx.conf');
  writeFileSync(main, mainConfig(prefix, serverConfig));
  const result = spawnSync(nginxBinary(), ['-t', '-p', prefix, '-c', main, '-e', 'stderr'], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts nginx in the foreground on `port` with a server config that listens there; checks the
 * config first and waits until it answers.
 */
export async function startNginx(prefix: string, serverConfig: string, port: number): Promise<RunningNginx> {
  const check = checkNginxConfig(prefix, serverConfig);
  if (!check.ok) throw new Error(`nginx -t failed:\n${check.output}`);
  const child: ChildProcess = spawn(
    nginxBinary(),
    ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', 'stderr', '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
    try {
      await httpRequest(`${url}/`);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`nginx did not answer on ${url}: ${errors}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

export { freePort };
