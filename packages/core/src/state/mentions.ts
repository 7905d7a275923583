import { LIMITS, mentionsUser, type Conversation, type Message } from '@confab/protocol';

type Seqs = Conversation['mentionSeqs'];

/**
 * The unread mention seqs of a conversation after `message` arrived and the read cursor is at
 * `readSeq`: the message's seq is added when it mentions us (by id or `@all`) and is from someone
 * else; seqs at or below the cursor leave. The same array when nothing changes.
 */
export function mentionSeqsAfter(seqs: Seqs, message: Message | null, meId: string | undefined, readSeq: number): Seqs {
  let next = seqs?.some((seq) => seq <= readSeq) ? seqs.filter((seq) => seq > readSeq) : seqs;
  if (message && message.seq > readSeq && mentionsUser(message, meId ?? '') && !next?.includes(message.seq)) {
    next = [...(next ?? []), message.seq].sort((a, b) => a - b).slice(-LIMITS.mentionSeqsMax);
  }
  return next;
}

/** The seqs without those of messages recalled or deleted for us. */
export function withoutUnmentioned(seqs: Seqs, messages: readonly Message[]): Seqs {
  const gone = messages.filter((message) => message.type === 'recalled' || message.type === 'hidden').map((message) => message.seq);
  return seqs?.some((seq) => gone.includes(seq)) ? seqs.filter((seq) => !gone.includes(seq)) : seqs;
}

/**
 * A server snapshot's seqs with what we learned live after it (seqs past its `lastSeq`), all above
 * the merged read cursor: the snapshot decides what it saw (a recall it knows of stays gone).
 */
export function mergeMentionSeqs(known: Seqs, incoming: Conversation, readSeq: number): number[] {
  return [...(incoming.mentionSeqs ?? []), ...(known ?? []).filter((seq) => seq > incoming.lastSeq)].filter((seq) => seq > readSeq);
}

/** Whether two seq lists hold the same seqs (absent and empty alike). */
export const sameSeqs = (a: Seqs, b: Seqs): boolean => `${a ?? ''}` === `${b ?? ''}`;

/** How many unread messages of the conversation mention the user: shown as an `@` badge, even when muted. */
export function mentionCount(conversation: Pick<Conversation, 'mentionSeqs'>): number {
  return conversation.mentionSeqs?.length ?? 0;
}
