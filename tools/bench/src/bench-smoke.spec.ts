import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/** Every figure SPEC §9 sets a target for, in report order. */
const FIGURES = [
  ...['me', 'record'].flatMap((route) =>
    ['distinct', 'reused'].flatMap((tokens) =>
      ['expressJwtBearer', 'classic'].map((recipe) => `throughput.${route}.${tokens}.${recipe}`),
    ),
  ),
  'overhead.distinct',
  'overhead.reused',
  'public.bareNest',
  'sustained.noDecay',
  ...['first', 'deep', 'status', 'qNone', 'qSome'].map((query) => `records.${query}`),
  'management.listCold',
  'management.listWarm',
  'management.detailCold',
  'management.detailWarm',
  'management.detailRefreshed',
  'bundle.gzip',
];

const LOAD_SCENARIOS = [
  'steward.health',
  'steward.me.reused',
  'steward.me.distinct',
  'steward.record.reused',
  'steward.record.distinct',
  'bareNest',
  'expressJwtBearer.reused',
  'expressJwtBearer.distinct',
  'classic.reused',
  'classic.distinct',
];

interface Figure {
  id: string;
  value: string;
  target: string;
  ratio: number | null;
  met: boolean;
}

interface Report {
  figures: Figure[];
  results: {
    load: Record<string, { requests: number; cpuUsPerRequest: number; non2xx: number }>;
    rawVerify: { microsPerVerify: number };
    sustained: { windows: { rps: number }[] };
    bundle: { gzipBytes: number };
  };
}

function runSmoke(out: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'tools/bench/bench.mjs'), '--smoke', '--out', out], {
      cwd: root,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

// Speed is never asserted here: the machine may be busy. This proves the bench runs end to end and
// reports every figure, so `npm run bench` cannot rot.
describe('npm run bench (smoke mode)', () => {
  let out: string;
  let report: Report;
  let markdown: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'steward-bench-'));
    const { status, output } = await runSmoke(out);
    if (status !== 0) throw new Error(`the smoke run failed (exit ${status}):\n${output}`);
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    markdown = readFileSync(join(out, 'report.md'), 'utf8');
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('should report every SPEC §9 figure with its target and whether it is met', () => {
    expect(report.figures.map((figure) => figure.id)).toEqual(FIGURES);
    for (const figure of report.figures) {
      expect(figure.value).not.toBe('');
      expect(figure.target).not.toBe('');
      expect(typeof figure.met).toBe('boolean');
      if (figure.ratio !== null) expect(Number.isFinite(figure.ratio)).toBe(true);
    }
  });

  it('should have driven load at every server and read its CPU time', () => {
    expect(Object.keys(report.results.load).sort()).toEqual([...LOAD_SCENARIOS].sort());
    for (const scenario of LOAD_SCENARIOS) {
      const result = report.results.load[scenario];
      expect(result.requests).toBeGreaterThan(0);
      expect(result.non2xx).toBe(0);
      expect(Number.isFinite(result.cpuUsPerRequest)).toBe(true);
    }
    expect(report.results.rawVerify.microsPerVerify).toBeGreaterThan(0);
    expect(report.results.sustained.windows.length).toBeGreaterThanOrEqual(2);
    expect(report.results.bundle.gzipBytes).toBeGreaterThan(0);
  });

  it('should write the markdown report with a row per figure', () => {
    const rows = markdown.split('\n').filter((line) => /\| (met|\*\*not met\*\*) \|$/.test(line));
    expect(rows).toHaveLength(FIGURES.length);
  });
});
