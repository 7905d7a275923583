import type { ChatClient } from '@confab/core';
import { API_PREFIX, type ConversationResponse } from '@confab/protocol';
import type { MethodTable } from '../src/channel.js';
import type { EmbedTheme } from '../src/protocol.js';
import type { HostSession } from './session.js';
import { setLocale, ui } from './ui.js';

const THEMES: readonly EmbedTheme[] = ['light', 'dark', 'auto'];

export interface FrameMethodDeps {
  client: ChatClient;
  session: HostSession;
  /** Shows a conversation in the chat UI. */
  select: (conversationId: string) => void;
  /** Starts (or restarts) the sign-in through the host. */
  signIn: () => Promise<void>;
}

const problem = (code: string, message: string) => ({ code, message });

/** The methods the host may call on the frame. */
export function createFrameMethods({ client, session, select, signIn }: FrameMethodDeps): MethodTable {
  return {
    async openConversation(userId: unknown) {
      if (typeof userId !== 'string' || userId === '') throw problem('VALIDATION', 'openConversation needs a user id');
      if (ui.status !== 'signed-in') await signIn();
      const response = await fetch(`${API_PREFIX}/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.current() ?? ''}` },
        body: JSON.stringify({ kind: 'direct', userId }),
      });
      const body = (await response.json()) as ConversationResponse & { error?: { code: string; message: string } };
      if (!response.ok) throw body.error ?? problem('INTERNAL', `HTTP ${response.status}`);
      await client.refresh();
      select(body.conversation.id);
      return { conversationId: body.conversation.id };
    },
    openGroup() {
      throw problem('NOT_FOUND', 'Groups are not available on this server yet');
    },
    setTheme(theme: unknown) {
      if (!THEMES.includes(theme as EmbedTheme)) throw problem('VALIDATION', 'theme must be light, dark or auto');
      ui.theme = theme as EmbedTheme;
    },
    setLocale(locale: unknown) {
      if (typeof locale !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) throw problem('VALIDATION', 'locale must be a BCP 47 tag');
      setLocale(locale);
    },
    logout() {
      client.logout();
      session.forget();
      ui.status = 'signed-out';
    },
  };
}
