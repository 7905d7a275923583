import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { AiReplyContent, AiReplyMessage } from '@confab/protocol';
import AiReply from './AiReply.vue';
import MessageBubble from '../MessageBubble/MessageBubble.vue';
import { aiReply, createFakeClient, textMessage } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

const mountReply = (content: AiReplyContent) => {
  const client = createFakeClient();
  const wrapper = mount(AiReply, { props: { message: aiReply(5, content) as AiReplyMessage }, global: withClient(client) });
  return { client, wrapper };
};

describe('AiReply', () => {
  it('shows a generating indicator and a Stop button while streaming, and stops the reply', async () => {
    const { client, wrapper } = mountReply({ text: 'Hel', status: 'streaming', deltas: 1 });
    expect(wrapper.find('[data-testid="ai-generating"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('Hel');
    await wrapper.get('[data-testid="ai-stop"]').trigger('click');
    expect(client.stopReply).toHaveBeenCalledWith('m-ai-5');
  });

  it('shows the error with a Retry action', async () => {
    const { client, wrapper } = mountReply({ text: '', status: 'error', error: { code: 'TIMEOUT', message: 'The AI provider sent nothing for 30000 ms.' } });
    expect(wrapper.get('[data-testid="ai-error"]').text()).toBe('The AI provider sent nothing for 30000 ms.');
    expect(wrapper.find('[data-testid="ai-generating"]').exists()).toBe(false);
    await wrapper.get('[data-testid="ai-retry"]').trigger('click');
    expect(client.retryReply).toHaveBeenCalledWith('m-ai-5');
  });

  it('renders Markdown as elements, raw HTML as text, and unsafe links inert', () => {
    const text = 'Hi **there**\n\n<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.com)\n\n```\ncode()\n```';
    const { wrapper } = mountReply({ text, status: 'complete' });
    expect(wrapper.find('strong').text()).toBe('there');
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.text()).toContain('<script>alert(1)</script>');
    const links = wrapper.findAll('a');
    expect(links.map((link) => link.attributes())).toEqual([{ href: 'https://example.com', target: '_blank', rel: 'noopener noreferrer' }]);
    expect(wrapper.get('pre code').text()).toBe('code()');
  });

  it('is used by MessageBubble for AI replies only; user text stays plain', () => {
    const client = createFakeClient();
    const ai = mount(MessageBubble, { props: { item: { message: aiReply(2, { text: '**b**', status: 'complete' }), state: 'sent' }, mine: false }, global: withClient(client) });
    expect(ai.find('strong').text()).toBe('b');
    const plain = mount(MessageBubble, { props: { item: { message: textMessage({ seq: 3, text: '**b**' }), state: 'sent' }, mine: true } });
    expect(plain.find('strong').exists()).toBe(false);
    expect(plain.get('[data-testid="message-text"]').text()).toBe('**b**');
  });
});
