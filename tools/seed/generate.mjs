// Realistic-looking business records for the seed tool: a tiny seedable PRNG and small word lists.
// Rows come out as arrays in RECORD_COLUMNS order, ready for a multi-row INSERT or a prepared statement.
import { randomUUID } from 'node:crypto';

/** Column order of every generated row. */
export const RECORD_COLUMNS = [
  'id',
  'org_id',
  'title',
  'description',
  'status',
  'tags',
  'owner_sub',
  'updated_by',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
];

const DAY_MS = 24 * 3600 * 1000;
const TWO_YEARS_MS = 730 * DAY_MS;
const COMPANIES = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Globex',
  'Initech',
  'Umbrella Logistics',
  'Wayne Freight',
  'Stark Components',
  'Tailspin Toys',
  'Wide World Importers',
  'Adventure Works',
  'Blue Yonder Airlines',
  'Litware',
  'Proseware',
  'Coho Winery',
  'Lucerne Publishing',
  "Margie's Travel",
  'Trey Research',
];
const PRODUCTS = [
  'CRM',
  'payroll',
  'ERP',
  'e-signature',
  'VPN',
  'monitoring',
  'office suite',
  'data warehouse',
  'ticketing',
  'backup',
];
const SYSTEMS = [
  'checkout service',
  'billing API',
  'login page',
  'nightly export',
  'warehouse scanner',
  'email relay',
  'reporting dashboard',
  'customer portal',
];
const PROBLEMS = [
  'outage',
  'slow responses',
  'intermittent errors',
  'data mismatch',
  'certificate expiry',
  'failed deployment',
];
const CONTRACTS = [
  'Master services agreement',
  'Non-disclosure agreement',
  'Data processing addendum',
  'Statement of work',
  'Service level agreement',
  'Lease amendment',
];
const DEPARTMENTS = ['Finance', 'Legal', 'Operations', 'Sales', 'Marketing', 'IT', 'Procurement', 'People'];
const AUDIT_AREAS = [
  'expense approvals',
  'access reviews',
  'vendor due diligence',
  'inventory counts',
  'backup restores',
  'segregation of duties',
];
const FIRST_NAMES = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Ewa', 'Farah', 'Gus', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam'];
const LAST_NAMES = ['Okafor', 'Schmidt', 'Nakamura', 'García', 'Novak', 'Lindqvist', 'Patel', 'Moreau', 'Kowalski'];
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];
const EXTRA_TAGS = [
  'urgent',
  'follow-up',
  'customer',
  'internal',
  'eu',
  'us',
  'apac',
  'compliance',
  'blocked',
  'needs-review',
  'board',
  'cost-saving',
  'renewal-risk',
  'legacy',
];

const KINDS = [
  { tag: 'vendor', title: (g) => `Quarterly vendor review — ${g.pick(COMPANIES)}` },
  {
    tag: 'finance',
    title: (g, year) => `Invoice INV-${year}-${String(g.int(1, 9999)).padStart(4, '0')} — ${g.pick(COMPANIES)}`,
  },
  { tag: 'legal', title: (g) => `${g.pick(CONTRACTS)} — ${g.pick(COMPANIES)}` },
  { tag: 'incident', title: (g) => `Incident: ${g.pick(SYSTEMS)} ${g.pick(PROBLEMS)}` },
  { tag: 'procurement', title: (g) => `Purchase order PO-${g.int(10000, 99999)} — ${g.pick(PRODUCTS)}` },
  { tag: 'hr', title: (g) => `Onboarding checklist — ${g.pick(FIRST_NAMES)} ${g.pick(LAST_NAMES)}` },
  { tag: 'renewal', title: (g) => `Renewal: ${g.pick(PRODUCTS)} licence — ${g.pick(COMPANIES)}` },
  { tag: 'audit', title: (g) => `Audit finding: ${g.pick(AUDIT_AREAS)}` },
  { tag: 'planning', title: (g, year) => `Budget forecast ${g.pick(QUARTERS)} ${year} — ${g.pick(DEPARTMENTS)}` },
  { tag: 'meeting', title: (g) => `Meeting notes: ${g.pick(DEPARTMENTS)} weekly sync` },
];

const SUBJECTS = [
  'Finance',
  'Legal',
  'The account manager',
  'Procurement',
  'The vendor',
  'Our auditor',
  'The on-call engineer',
  'The customer',
  'Management',
  'The project team',
];
const VERBS = [
  'confirmed',
  'requested',
  'flagged',
  'reviewed',
  'updated',
  'rejected',
  'approved',
  'escalated',
  'postponed',
  'signed off',
];
const OBJECTS = [
  'the payment terms',
  'the revised quote',
  'the renewal date',
  'the root cause analysis',
  'the delivery schedule',
  'the budget variance',
  'the open action items',
  'the signed copy',
  'the credit note',
  'the access list',
];
const TAILS = [
  '',
  '',
  ' before the end of the quarter',
  ' after the last meeting',
  ' pending sign-off',
  ' with two minor comments',
  ' for the second time',
  ' as agreed in the kickoff',
  ' by Friday',
];

/**
 * mulberry32: a tiny, fast 32-bit PRNG, good enough for test data.
 * @param {number} seed any 32-bit integer
 * @returns {() => number} a function returning floats in [0, 1)
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random helpers bound to one PRNG. */
function helpers(random) {
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  return { random, int, pick: (list) => list[Math.floor(random() * list.length)] };
}

const dayPrefixes = new Map();
const pad = (value, width) => String(value).padStart(width, '0');

/**
 * 'YYYY-MM-DD HH:MM:SS.mmm' in UTC: MySQL's DATETIME(3) literal and TypeORM's SQLite storage format.
 * Same output as toISOString() reshaped, but several times faster: the date part is cached per day.
 * @param {number} ms milliseconds since the epoch (not before 1970)
 */
export function formatUtc(ms) {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = `${new Date(day * DAY_MS).toISOString().slice(0, 10)} `;
    dayPrefixes.set(day, prefix);
  }
  const inDay = ms - day * DAY_MS;
  const hours = Math.floor(inDay / 3_600_000);
  const minutes = Math.floor(inDay / 60_000) % 60;
  const seconds = Math.floor(inDay / 1000) % 60;
  return `${prefix}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(inDay % 1000, 3)}`;
}

function description(g) {
  const roll = g.random();
  if (roll < 0.03) return '';
  const count = roll < 0.85 ? g.int(1, 4) : g.int(5, 30);
  const sentences = [];
  for (let i = 0; i < count; i++) {
    sentences.push(`${g.pick(SUBJECTS)} ${g.pick(VERBS)} ${g.pick(OBJECTS)}${g.pick(TAILS)}.`);
  }
  return sentences.join(' ');
}

function tags(g, kind, year) {
  const set = new Set([kind.tag]);
  for (let extra = g.int(0, 4); extra > 0; extra--) set.add(g.pick(EXTRA_TAGS));
  if (g.random() < 0.3) set.add(String(year));
  return JSON.stringify([...set]);
}

function status(g) {
  const roll = g.random();
  return roll < 0.6 ? 'active' : roll < 0.85 ? 'draft' : 'archived';
}

/** Most records are never edited or edited within days; some are touched again much later. */
function editedAt(g, createdMs, now) {
  const roll = g.random();
  if (roll < 0.35) return createdMs;
  const remaining = now - createdMs;
  const delay = roll < 0.85 ? -Math.log(1 - g.random()) * 3 * DAY_MS : g.random() * remaining;
  return createdMs + Math.floor(delay <= remaining ? delay : g.random() * remaining);
}

/**
 * Builds a factory for `count` rows. Content, statuses, tags and date offsets follow the seed; ids
 * are always fresh random UUIDs. created_at spreads over the two years before `now` and rises from
 * row to row, as records accumulate in a real system: the date indexes then grow at their end
 * instead of at random pages, which makes large MySQL seeds about twice as fast.
 * @param {{ seed: number, orgId: string, ownerSub: string, count: number, now?: number }} options
 * @returns {() => unknown[]} a function returning the next row in RECORD_COLUMNS order
 */
export function createRecordFactory({ seed, orgId, ownerSub, count, now = Date.now() }) {
  const g = helpers(mulberry32(seed));
  const start = now - TWO_YEARS_MS;
  const slot = TWO_YEARS_MS / count;
  let index = 0;
  let createdMs = start;
  return () => {
    // About 2% share the previous row's timestamp, like a bulk import, so sorts need their id tie-break.
    const jitter = g.random();
    createdMs = jitter < 0.02 ? createdMs : start + Math.floor((index + jitter) * slot);
    index++;
    const updatedMs = editedAt(g, createdMs, now);
    const created = formatUtc(createdMs);
    const year = created.slice(0, 4);
    const kind = g.pick(KINDS);
    return [
      randomUUID(),
      orgId,
      kind.title(g, year),
      description(g),
      status(g),
      tags(g, kind, year),
      ownerSub,
      ownerSub,
      1,
      created,
      formatUtc(updatedMs),
      null,
    ];
  };
}
