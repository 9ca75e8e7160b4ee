import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callCounter, devCallRoutes, ManagementCalls } from './management-calls';

describe('ManagementCalls', () => {
  it('should count calls and keep only the latest 100', () => {
    const calls = new ManagementCalls();
    for (let i = 0; i < 105; i++) calls.record('GET', `/api/v2/users/${i}`);
    const state = calls.state();
    expect(state.total).toBe(105);
    expect(state.recent).toHaveLength(100);
    expect(state.recent[0]).toBe('GET /api/v2/users/5');
    calls.reset();
    expect(calls.state()).toEqual({ total: 0, recent: [] });
  });

  describe('GET/DELETE /__dev/management-calls', () => {
    let server: Server;
    let base: string;

    beforeAll(async () => {
      const calls = new ManagementCalls();
      const app = express();
      app.use('/api/v2', callCounter(calls), (_req, res) => void res.status(429).end());
      app.use(devCallRoutes(calls));
      server = await new Promise<Server>((resolve) => {
        const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
      });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('should report every Management API call, refused ones too, until reset', async () => {
      await fetch(`${base}/api/v2/users?page=0`);
      await fetch(`${base}/api/v2/roles`, { method: 'POST' });
      await fetch(`${base}/userinfo`);
      expect(await (await fetch(`${base}/__dev/management-calls`)).json()).toEqual({
        total: 2,
        recent: ['GET /api/v2/users?page=0', 'POST /api/v2/roles'],
      });
      expect((await fetch(`${base}/__dev/management-calls`, { method: 'DELETE' })).status).toBe(204);
      expect(await (await fetch(`${base}/__dev/management-calls`)).json()).toEqual({ total: 0, recent: [] });
    });
  });
});
