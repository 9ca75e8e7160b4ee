import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiMetrics } from '@steward/api-metrics-util';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';

/** What mysql2's pool keeps (it has no public statistics): read only when Prometheus scrapes. */
interface MysqlPool {
  config?: { connectionLimit?: number };
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/**
 * The database pool in the metrics: connections in use and idle, the pool's size, and requests
 * waiting for a connection (a pool too small for the load shows there first). MySQL only; the
 * embedded SQLite database has no pool.
 */
@Injectable()
export class DatabaseMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: ApiMetrics,
  ) {}

  onModuleInit(): void {
    if (this.dataSource.options.type !== 'mysql') return;
    const pool = () => (this.dataSource.driver as unknown as { pool?: MysqlPool }).pool;
    const registers = [this.metrics.registry];
    new Gauge({
      name: 'steward_db_pool_connections',
      help: 'Connections of the database pool, by state (in_use, idle).',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const all = pool()?._allConnections?.length ?? 0;
        const idle = pool()?._freeConnections?.length ?? 0;
        this.labels('in_use').set(all - idle);
        this.labels('idle').set(idle);
      },
    });
    new Gauge({
      name: 'steward_db_pool_max_connections',
      help: 'Most connections the database pool opens.',
      registers,
      collect() {
        this.set(pool()?.config?.connectionLimit ?? 0);
      },
    });
    new Gauge({
      name: 'steward_db_pool_waiting_requests',
      help: 'Queries waiting for a free connection of the database pool.',
      registers,
      collect() {
        this.set(pool()?._connectionQueue?.length ?? 0);
      },
    });
  }
}
