import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import Avatar from './Avatar.vue';

describe('Avatar', () => {
  it('shows initials on a colour derived from the id when there is no image', () => {
    const wrapper = mount(Avatar, { props: { user: { id: 'u-1', displayName: 'Grace Hopper', avatarUrl: null }, size: 32 } });
    expect(wrapper.text()).toBe('GH');
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.attributes('style')).toContain('width: 32px');
    expect(wrapper.find('[role="img"]').attributes('aria-label')).toBe('Grace Hopper');
  });

  it('shows the image when avatarUrl is set', () => {
    const wrapper = mount(Avatar, { props: { user: { id: 'u-1', displayName: 'Grace', avatarUrl: '/a.png' } } });
    const image = wrapper.find('img');
    expect(image.attributes('src')).toBe('/a.png');
    expect(image.attributes('alt')).toBe('Grace');
  });
});
