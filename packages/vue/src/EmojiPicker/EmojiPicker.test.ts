import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import Composer from '../Composer/Composer.vue';
import { createFakeClient, signedInState } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import { EMOJI_GROUPS } from './emoji-data.js';

/** The async picker loads on a dynamic import: wait for it. */
async function loaded(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 50 && !check(); attempt++) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('EmojiPicker in the composer', () => {
  it('opens from the 😊 button, inserts the chosen emoji at the caret, and closes on Escape', async () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(Composer, { props: { conversationId: 'c-bob' }, global: withClient(client), attachTo: document.body });
    expect(wrapper.find('[data-testid="emoji-picker"]').exists()).toBe(false);
    const box = wrapper.get<HTMLTextAreaElement>('[data-testid="composer-input"]');
    await box.setValue('see you  at 6');
    box.element.setSelectionRange(8, 8);
    await wrapper.get('[data-testid="composer-emoji"]').trigger('click');
    await loaded(() => wrapper.find('[data-testid="emoji-picker"]').exists());
    const options = wrapper.findAll('[data-testid="emoji-option"]');
    expect(options.map((option) => option.text())).toEqual(EMOJI_GROUPS[0]!.emoji);
    await options[0]!.trigger('click');
    expect(box.element.value).toBe(`see you ${EMOJI_GROUPS[0]!.emoji[0]} at 6`);
    // Another group, then Escape closes the picker.
    await wrapper.findAll('.confab-emoji-picker__tab')[4]!.trigger('click');
    expect(wrapper.findAll('[data-testid="emoji-option"]').map((option) => option.text())).toEqual(EMOJI_GROUPS[4]!.emoji);
    await wrapper.get('[data-testid="emoji-picker"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="emoji-picker"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('offers each emoji once', () => {
    const all = EMOJI_GROUPS.flatMap((group) => group.emoji);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((emoji) => emoji.length > 0 && !emoji.includes(' '))).toBe(true);
  });
});
