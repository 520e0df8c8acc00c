/**
 * Faults in the progress record, for tests: every plan's ledger answers the given methods instead of
 * the store (a database gone, a disk full), whatever plan a request reads. Apply it to the engine
 * before the application opens its ledgers; the overrides may consult the real ledger.
 */
import type { ProgressLedger, ProgressLedgers } from '../../src/core/progress/progress-ledger.js';

type Overrides = Partial<ProgressLedger> | ((ledger: ProgressLedger) => Partial<ProgressLedger>);

export function overrideLedgers(ledgers: ProgressLedgers, overrides: Overrides, plans?: ProgressLedgers['plans']): void {
  const forPlan = ledgers.forPlan.bind(ledgers);
  Object.assign(ledgers, {
    forPlan: (plan: string): ProgressLedger => {
      const ledger = forPlan(plan);
      return { ...ledger, ...(typeof overrides === 'function' ? overrides(ledger) : overrides) };
    },
    ...(plans ? { plans } : {}),
  });
}
