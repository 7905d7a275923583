/** The emoji people may react to messages with (`message:react`); any other is VALIDATION. */
export const REACTION_EMOJI = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const;

export type ReactionEmoji = (typeof REACTION_EMOJI)[number];
