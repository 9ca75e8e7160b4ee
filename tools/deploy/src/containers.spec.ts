import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { apiEnvironmentNames } from './lib/api-source';
import { imageReference, isPinned, parseDockerfile, type Stage } from './lib/dockerfile';
import { fromRoot } from './lib/workspace';

/**
 * Node release lines with security support, and when it ends (nodejs.org release schedule). A line
 * past its date fails this spec on purpose: move the images to the next LTS.
 */
const NODE_LTS_END_OF_LIFE: Record<string, string> = { '22': '2027-04-30', '24': '2028-04-30' };

const final = (stages: Stage[]): Stage => stages[stages.length - 1];
const instructions = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);

/** The last USER of a stage, as user[:group]. */
function userOf(stage: Stage): string | undefined {
  return instructions(stage, 'USER').at(-1)?.args;
}

interface ComposeService {
  image?: string;
  build?: { dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  ports?: string[];
  read_only?: boolean;
  cap_drop?: string[];
}

describe.each([
  ['docker/api.Dockerfile', 'node:'],
  ['docker/console.Dockerfile', 'nginxinc/nginx-unprivileged:'],
])('%s', (path, runtimeImage) => {
  const stages = parseDockerfile(fromRoot(path));

  it('should build on pinned images only', () => {
    for (const stage of stages) expect([stage.from, isPinned(stage.from)]).toEqual([stage.from, true]);
  });

  it('should use a Node LTS line that still has security support', () => {
    const nodeImages = stages.map((stage) => stage.from).filter((image) => image.startsWith('node:'));
    expect(nodeImages.length).toBeGreaterThan(0);
    for (const image of nodeImages) {
      const major = imageReference(image).tag?.split(/[.-]/)[0] ?? '';
      const endOfLife = NODE_LTS_END_OF_LIFE[major];
      expect([image, endOfLife !== undefined]).toEqual([image, true]);
      expect(new Date(endOfLife).getTime()).toBeGreaterThan(Date.now());
    }
  });

  it(`should run ${runtimeImage}… as a numeric non-root user`, () => {
    expect(final(stages).from.startsWith(runtimeImage)).toBe(true);
    const user = userOf(final(stages));
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user?.split(':')[0])).toBeGreaterThan(0);
  });
});

describe('docker/api.Dockerfile', () => {
  const runtime = final(parseDockerfile(fromRoot('docker/api.Dockerfile')));

  it('should check GET /api/health with Node (no curl in slim images)', () => {
    const [healthcheck] = instructions(runtime, 'HEALTHCHECK');
    expect(healthcheck?.args).toMatch(/CMD \["node", "-e", ".*\/api\/health'/);
    expect(healthcheck?.args).not.toMatch(/curl|wget/);
    expect(healthcheck?.args).toMatch(/--timeout=\d+s/);
  });

  it('should run main.js, production dependencies only', () => {
    expect(instructions(runtime, 'CMD').at(-1)?.args).toBe('["node", "main.js"]');
    expect(instructions(runtime, 'RUN').some((run) => run.args.includes('npm ci --omit=dev'))).toBe(true);
    expect(instructions(runtime, 'ENV').some((env) => env.args.includes('NODE_ENV=production'))).toBe(true);
  });
});

describe('docker/console.Dockerfile', () => {
  const runtime = final(parseDockerfile(fromRoot('docker/console.Dockerfile')));
  const copies = instructions(runtime, 'COPY').map((copy) => copy.args);

  it('should serve with the tested nginx config and render the runtime config at start', () => {
    expect(copies).toContain('docker/console.nginx.conf /etc/nginx/conf.d/default.conf');
    expect(copies).toContain('docker/console-config.sh /docker-entrypoint.d/40-steward-config.sh');
    expect(instructions(runtime, 'EXPOSE').map((expose) => expose.args)).toEqual(['8080']);
  });

  it("should not ship the build's development config.json", () => {
    expect(
      instructions(runtime, 'RUN').some((run) => run.args.includes('rm -f /usr/share/nginx/html/config.json')),
    ).toBe(true);
  });
});

describe('console production build', () => {
  // Beasties' critical-CSS inlining adds `onload="this.media='all'"`, an inline handler the CSP's
  // script-src 'self' blocks: the stylesheet would never apply.
  it('should not inline critical CSS', () => {
    const project = JSON.parse(readFileSync(fromRoot('apps/console/project.json'), 'utf8'));
    expect(project.targets.build.configurations.production.optimization.styles.inlineCritical).toBe(false);
  });
});

describe('.dockerignore', () => {
  const entries = readFileSync(fromRoot('.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it.each(['**/node_modules', '.data', '.env', '.env.*', 'dist', 'coverage', 'tmp', '.git', '.nx/cache', '.angular'])(
    'should keep %s out of the build context',
    (entry) => {
      expect(entries).toContain(entry);
    },
  );

  it('should let back in only .env.example', () => {
    expect(entries.filter((entry) => entry.startsWith('!'))).toEqual(['!.env.example']);
  });
});

describe('package.json engines', () => {
  const engines: string = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).engines.node;
  const minimum = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(engines);

  it('should admit the Node the tests run on (20.19) and the images’ Node 22', () => {
    expect(minimum).not.toBeNull();
    const [major, minor] = [Number(minimum?.[1]), Number(minimum?.[2])];
    expect(major < 20 || (major === 20 && minor <= 19)).toBe(true);
  });
});

describe('docker/compose.yaml', () => {
  const compose = load(readFileSync(fromRoot('docker/compose.yaml'), 'utf8')) as {
    services: Record<string, ComposeService>;
  };
  const { services } = compose;

  it('should run every image from a Dockerfile of ours or pinned', () => {
    for (const [name, service] of Object.entries(services)) {
      const fromOurs = service.build?.dockerfile.startsWith('docker/');
      expect([name, fromOurs || isPinned(service.image ?? '')]).toEqual([name, true]);
    }
  });

  it('should run Redis and hand its URL to the API', () => {
    expect(imageReference(services['redis'].image ?? '').name).toBe('redis');
    expect(services['api'].environment?.['REDIS_URL']).toBe('redis://redis:6379');
    expect(services['api'].depends_on?.['redis']).toEqual({ condition: 'service_healthy' });
  });

  it('should run at least two API replicas behind the proxy, publishing no API port', () => {
    expect(services['api'].deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services['api'].ports).toBeUndefined();
    expect(services['api'].environment?.['TRUST_PROXY']).toBe('${TRUST_PROXY:-1}');
    expect(services['proxy'].ports).toEqual(['127.0.0.1:8080:8080']);
  });

  it('should migrate once, with the API image, before any replica starts', () => {
    const migrate = services['migrate'];
    expect(migrate.command).toEqual(['node', 'main.js', 'migrate']);
    expect(migrate.image).toBe(services['api'].image);
    expect(migrate.environment).toEqual(services['api'].environment);
    expect(services['api'].depends_on?.['migrate']).toEqual({ condition: 'service_completed_successfully' });
  });

  it('should give the API every variable its config loader reads (and the SPEC §3 ones being built)', () => {
    const expected = apiEnvironmentNames();
    expect(Object.keys(services['api'].environment ?? {}).sort()).toEqual([...expected].sort());
  });

  it("should give the console its own AUTH0_DOMAIN, not the Management API's domain", () => {
    const console = services['console'].environment ?? {};
    expect(console['AUTH0_DOMAIN']).toMatch(/^\$\{AUTH0_CONSOLE_DOMAIN:\?/);
    expect(Object.values(console).join(' ')).not.toContain('AUTH0_MGMT_DOMAIN');
  });

  it('should find every variable it requires from .env listed in .env.example', () => {
    const example = readFileSync(fromRoot('.env.example'), 'utf8');
    const used = new Set(
      [...readFileSync(fromRoot('docker/compose.yaml'), 'utf8').matchAll(/\$\{([A-Z0-9_]+):\?/g)].map(
        ([, name]) => name,
      ),
    );
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect([name, new RegExp(`^${name}=`, 'm').test(example)]).toEqual([name, true]);
  });

  it('should run the API, migration, console and proxy read-only without capabilities', () => {
    for (const name of ['api', 'migrate', 'console', 'proxy']) {
      expect([name, services[name].read_only, services[name].cap_drop]).toEqual([name, true, ['ALL']]);
    }
  });
});
