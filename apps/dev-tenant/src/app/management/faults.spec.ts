import { ManagementFaults } from './faults';

describe('ManagementFaults', () => {
  it('should hand out the armed fault exactly count times', () => {
    const faults = new ManagementFaults();
    expect(faults.take()).toBeUndefined();
    faults.arm(429, 2, 3);
    expect(faults.state()).toEqual({ status: 429, remaining: 2, retryAfter: 3 });
    expect(faults.take()).toEqual({ status: 429, retryAfter: 3 });
    expect(faults.take()).toEqual({ status: 429, retryAfter: 3 });
    expect(faults.take()).toBeUndefined();
    expect(faults.state()).toEqual({ status: null, remaining: 0, retryAfter: null });
  });

  it('should forget armed faults when cleared or re-armed', () => {
    const faults = new ManagementFaults();
    faults.arm(503, 5);
    faults.clear();
    expect(faults.take()).toBeUndefined();
    faults.arm(503, 5);
    faults.arm(429, 1);
    expect(faults.take()).toEqual({ status: 429, retryAfter: 1 });
    expect(faults.take()).toBeUndefined();
  });

  it('should fail only calls of the armed method', () => {
    const faults = new ManagementFaults();
    faults.arm(503, 1, 1, 'PATCH');
    expect(faults.state()).toEqual({ status: 503, remaining: 1, retryAfter: 1, method: 'PATCH' });
    expect(faults.take('GET')).toBeUndefined();
    expect(faults.take('PATCH')).toEqual({ status: 503, retryAfter: 1 });
    expect(faults.take('PATCH')).toBeUndefined();
  });
});
