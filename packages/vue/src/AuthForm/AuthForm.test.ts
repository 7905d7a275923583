import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import AuthForm from './AuthForm.vue';
import { createFakeClient, wireLikeError } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';

function setup(props: { initialMode?: 'login' | 'register' } = {}) {
  const client = createFakeClient();
  const wrapper = mount(AuthForm, { props, global: withClient(client) });
  return { client, wrapper };
}

describe('AuthForm', () => {
  it('logs in with the trimmed username and emits the user', async () => {
    const { client, wrapper } = setup();
    expect(wrapper.find('[data-testid="auth-display-name"]').exists()).toBe(false);
    await wrapper.get('[data-testid="auth-username"]').setValue(' alice ');
    await wrapper.get('[data-testid="auth-password"]').setValue('secret-password');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(client.login).toHaveBeenCalledWith('alice', 'secret-password');
    expect(wrapper.emitted('authenticated')?.[0]?.[0]).toMatchObject({ username: 'alice' });
  });

  it('registers with a display name on the register tab', async () => {
    const { client, wrapper } = setup();
    await wrapper.get('[data-testid="auth-mode-register"]').trigger('click');
    await wrapper.get('[data-testid="auth-username"]').setValue('dora');
    await wrapper.get('[data-testid="auth-password"]').setValue('secret-password');
    await wrapper.get('[data-testid="auth-display-name"]').setValue('Dora Explorer');
    await wrapper.get('[data-testid="auth-submit"]').trigger('submit');
    await flushPromises();
    expect(client.register).toHaveBeenCalledWith({ username: 'dora', password: 'secret-password', displayName: 'Dora Explorer' });
  });

  it('explains every registration problem in plain words before sending anything', async () => {
    const { client, wrapper } = setup({ initialMode: 'register' });
    expect(wrapper.text()).toContain('3–32 letters (a–z), digits');
    await wrapper.get('[data-testid="auth-username"]').setValue('Jürgen Ö');
    await wrapper.get('[data-testid="auth-password"]').setValue('short');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(client.register).not.toHaveBeenCalled();
    const error = wrapper.get('[data-testid="auth-error"]').text();
    expect(error).toContain('Username: use 3–32 letters');
    expect(error).toContain('Password: use at least 8 characters.');
  });

  it('shows the error message as text', async () => {
    const { client, wrapper } = setup({ initialMode: 'login' });
    vi.mocked(client.login).mockRejectedValueOnce(wireLikeError('UNAUTHORIZED', 'Wrong username or <password>'));
    await wrapper.get('[data-testid="auth-username"]').setValue('alice');
    await wrapper.get('[data-testid="auth-password"]').setValue('nope-nope');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="auth-error"]').text()).toBe('Wrong username or <password>');
  });

  it('disables submit while empty and while pending', async () => {
    const { client, wrapper } = setup();
    const submit = wrapper.get('[data-testid="auth-submit"]');
    expect(submit.attributes('disabled')).toBeDefined();
    let finish: (value: never) => void = () => {};
    vi.mocked(client.login).mockReturnValueOnce(new Promise((resolve) => (finish = resolve as never)));
    await wrapper.get('[data-testid="auth-username"]').setValue('alice');
    await wrapper.get('[data-testid="auth-password"]').setValue('secret-password');
    expect(submit.attributes('disabled')).toBeUndefined();
    await wrapper.get('form').trigger('submit');
    expect(submit.attributes('disabled')).toBeDefined();
    await wrapper.get('form').trigger('submit');
    expect(client.login).toHaveBeenCalledTimes(1);
    finish({ id: 'u', username: 'alice', displayName: 'Alice', avatarUrl: null } as never);
    await flushPromises();
    expect(submit.attributes('disabled')).toBeDefined(); // the password is cleared after success
  });

  it('labels every input and renders a header slot', () => {
    const client = createFakeClient();
    const wrapper = mount(AuthForm, { slots: { header: '<h2>Welcome</h2>' }, global: withClient(client) });
    expect(wrapper.get('h2').text()).toBe('Welcome');
    for (const input of wrapper.findAll('input')) expect(input.element.closest('label')).not.toBeNull();
  });
});
