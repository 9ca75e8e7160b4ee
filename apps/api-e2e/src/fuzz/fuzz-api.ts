import type { RunningApi } from '@steward/testing-util';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { startRecordsApi } from '../support/records';
import { sendRaw, type RawRequest, type RawResponse } from './raw-http';

/** What a refused write must leave untouched (SPEC §10: "nothing is written"). */
export interface DatabaseState {
  records: number;
  recordChanges: number;
  lastAuditId: number;
  revokedSubjects: number;
  /** MariaDB's CHECKSUM TABLE of every table a request can write, so an update in place shows too. */
  checksums: Record<string, string>;
}

/** Gap between two calls that reach the dev tenant's Management API (50 calls a second there). */
const DIRECTORY_GAP_MS = 60;

/**
 * The API under fuzz: its own process on its own MariaDB database, against the suite's dev tenant.
 * When a request kills the process, `assertAlive` says so with the process output and starts a new
 * one on the same database, so the next run (and shrinking) meets a live API again.
 */
export class FuzzApi {
  private lastDirectoryCall = 0;

  private constructor(
    private readonly first: RunningApi,
    private current: RunningApi,
    private readonly database: Connection,
  ) {}

  static async start(): Promise<FuzzApi> {
    const api = await startRecordsApi('mysql');
    if (!api.database) throw new Error('the fuzz API needs a MariaDB database of its own');
    return new FuzzApi(api, api, await api.database.connect());
  }

  get url(): string {
    return this.current.url;
  }

  async send(request: RawRequest): Promise<RawResponse> {
    if (/^\/api\/(users|roles)/.test(request.target)) await this.paceDirectoryCalls();
    try {
      return await sendRaw(this.url, request);
    } catch (error) {
      await this.assertAlive();
      throw error;
    }
  }

  /** Liveness after a run: the health route answers, or the process died (or hung) and is replaced. */
  async assertAlive(): Promise<void> {
    const healthy = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(10_000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) return;
    // Its own words only: the request log lines (JSON) would bury the crash.
    const output = this.current.process
      .output()
      .split('\n')
      .filter((line) => !line.startsWith('{"level":'))
      .join('\n');
    // The first API owns the database: stopping it in full would drop what the next one runs on.
    if (this.current === this.first) await this.first.process.stop();
    else await this.current.stop();
    this.current = await startRecordsApi({ url: this.first.databaseUrl });
    throw new Error(
      `The API process died or stopped answering (restarted for the next run). Its last output:\n${output.slice(-3000)}`,
    );
  }

  async databaseState(): Promise<DatabaseState> {
    const [[counts]] = await this.database.query<RowDataPacket[]>(
      `SELECT (SELECT COUNT(*) FROM records) AS records, (SELECT COUNT(*) FROM record_changes) AS recordChanges,
              (SELECT COALESCE(MAX(id), 0) FROM audit_events) AS lastAuditId,
              (SELECT COUNT(*) FROM revoked_subjects) AS revokedSubjects`,
    );
    const [sums] = await this.database.query<RowDataPacket[]>(
      'CHECKSUM TABLE records, record_changes, audit_events, revoked_subjects',
    );
    return {
      records: Number(counts['records']),
      recordChanges: Number(counts['recordChanges']),
      lastAuditId: Number(counts['lastAuditId']),
      revokedSubjects: Number(counts['revokedSubjects']),
      checksums: Object.fromEntries(sums.map((row) => [String(row['Table']), String(row['Checksum'])])),
    };
  }

  /** The version a record has now, for a valid `If-Match`. */
  async versionOf(recordId: string): Promise<number> {
    const [rows] = await this.database.query<RowDataPacket[]>('SELECT version FROM records WHERE id = ?', [recordId]);
    return Number(rows[0]?.['version'] ?? 0);
  }

  /** The request id the newest audit row carries. */
  async lastAuditRequestId(): Promise<string | null> {
    const [rows] = await this.database.query<RowDataPacket[]>(
      'SELECT request_id FROM audit_events ORDER BY id DESC LIMIT 1',
    );
    return (rows[0]?.['request_id'] as string | null | undefined) ?? null;
  }

  async stop(): Promise<void> {
    await this.database.end();
    if (this.current !== this.first) await this.current.stop();
    await this.first.stop();
  }

  private async paceDirectoryCalls(): Promise<void> {
    const wait = this.lastDirectoryCall + DIRECTORY_GAP_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.lastDirectoryCall = Date.now();
  }
}
