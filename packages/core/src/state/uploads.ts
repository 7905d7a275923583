import type { TimelineMessage } from '../types.js';
import type { ChatAction } from './actions.js';

const isPendingSend = (item: TimelineMessage, clientMsgId: string): boolean => item.state !== 'sent' && item.message.clientMsgId === clientMsgId;

/** Records upload progress on our pending file send (ignored once it is stored or gone). */
export function setUploadProgress(
  items: readonly TimelineMessage[],
  { clientMsgId, loaded, total }: Extract<ChatAction, { type: 'upload/progress' }>,
): readonly TimelineMessage[] {
  const index = items.findIndex((item) => item.state === 'sending' && item.message.clientMsgId === clientMsgId);
  if (index < 0) return items;
  return items.map((item, at) => (at === index ? { ...item, upload: { loaded, total } } : item));
}

/** Takes a cancelled pending send out of the timeline. */
export function removePending(items: readonly TimelineMessage[], clientMsgId: string): readonly TimelineMessage[] {
  const next = items.filter((item) => !isPendingSend(item, clientMsgId));
  return next.length === items.length ? items : next;
}
