import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from './workspace';

export const CONSOLE_NGINX_CONF = fromRoot('docker/console.nginx.conf');
export const CONSOLE_CONFIG_SH = fromRoot('docker/console-config.sh');
export const PROXY_NGINX_CONF = fromRoot('docker/proxy.nginx.conf');

/** Runs docker/console-config.sh as the image's entrypoint does, writing into `runtimeDir`. */
export function renderConsoleRuntime(env: Record<string, string>, runtimeDir: string) {
  const result = spawnSync('sh', [CONSOLE_CONFIG_SH], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', STEWARD_RUNTIME_DIR: runtimeDir, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr };
}

/**
 * The image's server config with only its places moved for a test: the port, the runtime directory
 * (/tmp/steward) and the document root. Every one of them must be found, so nothing is tested that
 * the image does not ship.
 */
export function relocatedConsoleConfig(port: number, runtimeDir: string, siteDir: string): string {
  const replacements: [string, string][] = [
    ['listen 8080;', `listen 127.0.0.1:${port};`],
    ['/tmp/steward/', `${runtimeDir}/`],
    ['root /usr/share/nginx/html;', `root ${siteDir};`],
  ];
  let config = readFileSync(CONSOLE_NGINX_CONF, 'utf8');
  for (const [from, to] of replacements) {
    if (!config.includes(from)) throw new Error(`docker/console.nginx.conf no longer contains "${from}"`);
    config = config.split(from).join(to);
  }
  return config;
}

/** The compose proxy's server config on a test port (nginx -t only: its upstreams are compose names). */
export function relocatedProxyConfig(port: number): string {
  const config = readFileSync(PROXY_NGINX_CONF, 'utf8');
  if (!config.includes('listen 8080;')) throw new Error('docker/proxy.nginx.conf no longer listens on 8080');
  return config.replace('listen 8080;', `listen 127.0.0.1:${port};`);
}

/** Hashed file names as Angular's production build writes them (8 characters, A–Z and 0–9). */
export const FAKE_BUILD = {
  index: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Steward</title><base href="/">
<link rel="stylesheet" href="styles-B5S34VL5.css"></head>
<body><st-root></st-root><script src="main-RWLF4PMC.js" type="module"></script></body></html>
`,
  main: '/main-RWLF4PMC.js',
  chunk: '/chunk-7WQA72UL.js',
  styles: '/styles-B5S34VL5.css',
  font: '/media/roboto-latin-400-normal-LOX3CHMS.woff2',
  favicon: '/favicon.ico',
};

/** A small stand-in for dist/apps/console/browser, with the development config.json a build carries. */
export function writeFakeConsoleBuild(siteDir: string): void {
  mkdirSync(join(siteDir, 'media'), { recursive: true });
  writeFileSync(join(siteDir, 'index.html'), FAKE_BUILD.index);
  writeFileSync(join(siteDir, FAKE_BUILD.main), 'import "./chunk-7WQA72UL.js";\n');
  writeFileSync(join(siteDir, FAKE_BUILD.chunk), 'export const steward = 1;\n');
  writeFileSync(join(siteDir, FAKE_BUILD.styles), 'body { margin: 0 }\n');
  writeFileSync(join(siteDir, FAKE_BUILD.font), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(siteDir, FAKE_BUILD.favicon), Buffer.from([0, 0, 1, 0]));
  writeFileSync(join(siteDir, 'config.json'), '{"auth0Domain":"http://localhost:4600"}\n');
  chmodSync(siteDir, 0o755);
  chmodSync(join(siteDir, 'media'), 0o755);
}
