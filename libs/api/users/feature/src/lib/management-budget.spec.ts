import { FixedWindowBudget } from './management-budget';

describe('FixedWindowBudget', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000_000;
  });

  it('should allow the limit per minute, then say when it renews', () => {
    const budget = new FixedWindowBudget(3, clock);
    expect([budget.spend('a'), budget.spend('a'), budget.spend('a')]).toEqual([null, null, null]);
    now += 15_500;
    expect(budget.spend('a')).toBe(45);
    expect(budget.spend('b')).toBeNull();
    now += 44_500;
    expect(budget.spend('a')).toBeNull();
  });

  it('should keep at most maxKeys windows, dropping the stalest first', () => {
    const budget = new FixedWindowBudget(1, clock, 2);
    budget.spend('a');
    now += 1;
    budget.spend('b');
    budget.spend('c'); // drops a's window
    expect(budget.spend('b')).not.toBeNull();
    expect(budget.spend('a')).toBeNull();
  });
});
