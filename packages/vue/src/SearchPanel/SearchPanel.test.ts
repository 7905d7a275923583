import { flushPromises, mount } from '@vue/test-utils';
import type { MessageSearchResponse } from '@confab/protocol';
import { describe, expect, it, vi } from 'vitest';
import ChatApp from '../ChatApp/ChatApp.vue';
import { alice, bob, createFakeClient, signedInState, textMessage } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import SearchPanel from './SearchPanel.vue';

const hostile = textMessage({ seq: 7, senderId: bob.id, text: 'see <img src=x onerror=alert(1)> the station' });
const answer: MessageSearchResponse = {
  results: [
    { message: hostile, snippet: { before: 'see <img src=x onerror=alert(1)> the ', match: 'station', after: '' } },
    { message: textMessage({ seq: 3, senderId: alice.id, text: 'Station at six' }), snippet: { before: '', match: 'Station', after: ' at six' } },
  ],
  hasMore: true,
};

describe('SearchPanel', () => {
  it('searches after typing, shows where each result was said and its snippet as text with the match marked', async () => {
    const client = createFakeClient(signedInState());
    vi.mocked(client.searchMessages).mockResolvedValue(answer);
    const wrapper = mount(SearchPanel, { props: { debounce: 0 }, global: withClient(client) });
    await wrapper.get('[data-testid="message-search-input"]').setValue('  station ');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await flushPromises();
    expect(client.searchMessages).toHaveBeenCalledWith('station', {});
    const rows = wrapper.findAll('[data-testid="message-search-result"]');
    expect(rows.map((row) => row.get('.confab-message-search__place').text())).toEqual(['Bob Stone', 'You · Bob Stone']);
    const snippet = rows[0]!.get('[data-testid="message-search-snippet"]');
    expect(snippet.text()).toBe('see <img src=x onerror=alert(1)> the station');
    expect(snippet.get('mark').text()).toBe('station');
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toContain('Only the newest matches are shown');
    await rows[1]!.trigger('click');
    expect(wrapper.emitted('open')).toEqual([[answer.results[1]]]);
  });

  it('searches one conversation when given one, and says when nothing was found', async () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(SearchPanel, { props: { conversationId: 'c-bob' }, global: withClient(client) });
    await wrapper.get('[data-testid="message-search-input"]').setValue('nothing');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(client.searchMessages).toHaveBeenCalledWith('nothing', { conversationId: 'c-bob' });
    expect(wrapper.get('[data-testid="message-search-empty"]').text()).toBe('No messages found for “nothing”');
  });

  it('in the app, a chosen result opens its conversation and jumps to the message', async () => {
    const client = createFakeClient(signedInState());
    vi.mocked(client.searchMessages).mockResolvedValue(answer);
    const wrapper = mount(ChatApp, { props: { autoResume: false }, global: withClient(client), attachTo: document.body });
    await wrapper.get('[data-testid="tab-search"]').trigger('click');
    await wrapper.get('[data-testid="message-search-input"]').setValue('station');
    await wrapper.get('[data-testid="message-search"] form').trigger('submit');
    await flushPromises();
    await wrapper.findAll('[data-testid="message-search-result"]')[0]!.trigger('click');
    await flushPromises();
    expect(client.jumpTo).toHaveBeenCalledWith('c-bob', 7);
    expect(wrapper.find('[data-testid="message-search"]').exists()).toBe(true);
    wrapper.unmount();
  });
});
