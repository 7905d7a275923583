import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import ConnectionBanner from './ConnectionBanner.vue';
import { createFakeClient, signedInState } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

describe('ConnectionBanner', () => {
  it('is hidden while connected, says Reconnecting… while reconnecting', async () => {
    const client = createFakeClient(signedInState());
    const wrapper = mount(ConnectionBanner, { global: withClient(client) });
    expect(wrapper.find('[data-testid="connection-banner"]').exists()).toBe(false);
    client.setState({ connection: 'reconnecting' });
    await nextTick();
    expect(wrapper.get('[data-testid="connection-banner"]').text()).toBe('Reconnecting…');
  });

  it('asks to log in again when the session expired, and logs out on click', async () => {
    const client = createFakeClient(signedInState({ connection: 'expired' }));
    const wrapper = mount(ConnectionBanner, { global: withClient(client) });
    expect(wrapper.text()).toContain('Session expired — log in again');
    await wrapper.get('button').trigger('click');
    expect(client.logout).toHaveBeenCalled();
    expect(wrapper.emitted('relogin')).toHaveLength(1);
  });

  it('accepts custom texts through slots', () => {
    const client = createFakeClient(signedInState({ connection: 'reconnecting' }));
    const wrapper = mount(ConnectionBanner, { slots: { reconnecting: 'Hold on' }, global: withClient(client) });
    expect(wrapper.text()).toBe('Hold on');
  });
});
