import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import PopupMenu from './PopupMenu.vue';

/** A 400px tall scrolling area with the menu's toggle at `top`. */
function inArea(top: number) {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    return (this.classList.contains('area') ? { top: 0, height: 400 } : { top, height: 20 }) as DOMRect;
  });
  return mount(
    defineComponent(() => () => h('div', { class: 'area' }, [h(PopupMenu, { label: 'More', within: '.area', 'data-testid': 'toggle' }, { default: ({ close }: { close: () => void }) => h('button', { class: 'item', onClick: close }, 'Do it') })])),
    { attachTo: document.body },
  );
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('PopupMenu', () => {
  it('opens under its toggle in the upper half of the area, above it in the lower half, and closes by its items and Escape', async () => {
    const high = inArea(50);
    const toggle = high.get('[data-testid="toggle"]');
    expect(toggle.attributes('aria-label')).toBe('More');
    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(high.get('.confab-popup__menu').classes()).not.toContain('confab-popup__menu--up');
    await high.get('.item').trigger('click');
    expect(high.find('.confab-popup__menu').exists()).toBe(false);

    const low = inArea(300);
    await low.get('[data-testid="toggle"]').trigger('click');
    expect(low.get('.confab-popup__menu').classes()).toContain('confab-popup__menu--up');
    await low.get('.confab-popup').trigger('keydown', { key: 'Escape' });
    expect(low.find('.confab-popup__menu').exists()).toBe(false);
  });
});
