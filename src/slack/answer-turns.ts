/**
 * Answers take turns, a few per pass of the event loop. A listener acknowledges first and then
 * waits for its turn, so requests that arrive meanwhile are read and acknowledged between one
 * group of answers and the next instead of queueing behind a whole burst: under load the
 * acknowledgement stays within milliseconds, well inside Slack's three seconds, while answers
 * still flow at the rate requests come in.
 */

/** Answers started per loop pass: each costs a millisecond or two of CPU before it waits on I/O. */
const ANSWERS_PER_PASS = 3;

const waiting: Array<() => void> = [];
let releasing = false;

function releaseNext(): void {
  for (let i = 0; i < ANSWERS_PER_PASS && waiting.length > 0; i++) waiting.shift()?.();
  // Scheduled from the check phase, the next release runs on the next loop pass, after I/O.
  if (waiting.length > 0) setImmediate(releaseNext);
  else releasing = false;
}

/** Resolves when it is this caller's turn to compute an answer. */
export function answerTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!releasing) {
      releasing = true;
      setImmediate(releaseNext);
    }
  });
}
