/**
 * The queue of acknowledged work and the pressure the front door reads, on the service's own
 * limits: the clock and the event loop's lateness are injected, so nothing here depends on how
 * busy the machine is.
 */
import { describe, expect, it } from 'vitest';
import { createAcknowledgedWork, MAX_LOOP_LAG_MS, MAX_WAIT_MS, MAX_WAITING } from '../../../src/slack/intake/acknowledged-work.js';
import { captureLogger } from '../../support/capture-logger.js';

describe('the pressure of acknowledged work', () => {
  it('is not overloaded while the loop keeps up and nothing waits', () => {
    const work = createAcknowledgedWork(captureLogger().logger, { loopLag: () => 0, nowMs: () => 0 });
    expect(work.pressure()).toMatchObject({ waiting: 0, overloaded: false });
  });

  it('is overloaded when the event loop runs later than the limit, and only then', () => {
    let lag = MAX_LOOP_LAG_MS;
    const work = createAcknowledgedWork(captureLogger().logger, { loopLag: () => lag, nowMs: () => 0 });
    expect(work.pressure().overloaded).toBe(false);
    lag = MAX_LOOP_LAG_MS + 1;
    expect(work.pressure()).toMatchObject({ loopLagMs: MAX_LOOP_LAG_MS + 1, overloaded: true });
  });

  it('is overloaded when the oldest waiting answer has waited past the limit', async () => {
    let now = 0;
    const work = createAcknowledgedWork(captureLogger().logger, { loopLag: () => 0, nowMs: () => now });
    let release: () => void = () => undefined;
    const blocker = new Promise<void>((resolve) => (release = resolve));
    // Eight answers run at once; the ninth waits its turn.
    const runs = Array.from({ length: 9 }, () => work.run('test', async () => (await blocker, { outcome: 'done' })));
    now = MAX_WAIT_MS + 1;
    expect(work.pressure()).toMatchObject({ waiting: 1, overloaded: true });
    release();
    await Promise.all(runs);
    expect(work.pressure().overloaded).toBe(false);
  });

  it('is overloaded when as many answers wait as the limit allows', async () => {
    const work = createAcknowledgedWork(captureLogger().logger, { loopLag: () => 0, nowMs: () => 0, maxWaiting: 3 });
    let release: () => void = () => undefined;
    const blocker = new Promise<void>((resolve) => (release = resolve));
    const runs = Array.from({ length: 8 + 3 }, () => work.run('test', async () => (await blocker, { outcome: 'done' })));
    expect(work.pressure()).toMatchObject({ waiting: 3, overloaded: true });
    release();
    await Promise.all(runs);
  });

  it('takes its limits from the configuration, the service defaults otherwise', () => {
    expect([MAX_WAITING, MAX_WAIT_MS, MAX_LOOP_LAG_MS]).toEqual([200, 750, 100]);
    const loose = createAcknowledgedWork(captureLogger().logger, { loopLag: () => 5_000, nowMs: () => 0, maxLoopLagMs: 10_000 });
    expect(loose.pressure().overloaded).toBe(false);
  });

  it('reads the real event loop by default, through the delay histogram Node keeps', () => {
    const work = createAcknowledgedWork(captureLogger().logger);
    expect(work.pressure().loopLagMs).toBeGreaterThanOrEqual(0);
  });
});
