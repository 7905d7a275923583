import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import UnreadBadge from './UnreadBadge.vue';

describe('UnreadBadge', () => {
  it('renders nothing at 0', () => {
    const wrapper = mount(UnreadBadge, { props: { count: 0 }, attrs: { 'data-testid': 'badge' } });
    expect(wrapper.find('[data-testid="badge"]').exists()).toBe(false);
    expect(wrapper.text()).toBe('');
  });

  it('shows the count up to 99 and "99+" above', async () => {
    const wrapper = mount(UnreadBadge, { props: { count: 99 } });
    expect(wrapper.text()).toBe('99');
    await wrapper.setProps({ count: 100 });
    expect(wrapper.text()).toBe('99+');
    expect(wrapper.attributes('aria-label')).toBe('100 unread');
  });

  it('honours a custom max and label', () => {
    const wrapper = mount(UnreadBadge, { props: { count: 12, max: 9, label: '12 pending' } });
    expect(wrapper.text()).toBe('9+');
    expect(wrapper.attributes('aria-label')).toBe('12 pending');
  });
});
