/** Everything the help desk keeps, read out for a backup: escalations with their replies, standard answers with every version, answer channels. */
import type { HelpDeskSnapshot } from '../../core/backup/state-snapshot.js';
import type { HelpDeskState } from './help-desk-store.js';

export async function helpDeskSnapshot(state: HelpDeskState): Promise<HelpDeskSnapshot> {
  const [all, replies, answers, versions, channels] = await Promise.all([
    state.escalations.all(),
    state.escalations.allReplies(),
    state.standardAnswers.all(),
    state.standardAnswers.allVersions(),
    state.answerChannels.all(),
  ]);
  return {
    escalations: all.map((e) => ({ ...e, replies: replies.filter((r) => r.escalation === e.id) })),
    standardAnswers: answers.map((a) => ({ ...a, history: versions.filter((v) => v.id === a.id) })),
    answerChannels: channels,
  };
}
