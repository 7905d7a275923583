import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { TimelineMessage } from '@confab/core';
import type { FileRef, Message } from '@confab/protocol';
import Composer from '../Composer/Composer.vue';
import MessageBubble from '../MessageBubble/MessageBubble.vue';
import { alice, bob, createFakeClient, wireLikeError } from '../test-utils/fakeClient.js';
import { withClient } from '../test-utils/mount.js';
import FileImage from './FileImage.vue';

const HOSTILE_STYLE = `x.png');width:4000px;height:4000px;background:red;('.png`;
const HOSTILE_HTML = '<img src=x onerror=alert(1)>.png';
const ref = (fields: Partial<FileRef> = {}): FileRef => ({ id: 'f_AAAAAAAAAAAAAAAA', name: 'cat.png', size: 1536, mimeType: 'image/png', width: 800, height: 400, sha256: '00', ...fields });
const fileMessage = (type: 'image' | 'file', file: FileRef): Message => ({ id: 'm1', conversationId: 'c-bob', seq: 1, senderId: bob.id, clientMsgId: 'cm1', type, content: { file }, createdAt: 0 }) as Message;

function bubble(item: TimelineMessage, client = createFakeClient({ me: alice })) {
  return { client, wrapper: mount(MessageBubble, { props: { item, mine: item.message.senderId === alice.id }, global: withClient(client), attachTo: document.body }) };
}

describe('image and file messages', () => {
  it('sizes an image thumbnail by its aspect ratio before the bytes load', async () => {
    const client = createFakeClient({ me: alice });
    const wrapper = mount(FileImage, { props: { file: ref({ width: 800, height: 400 }) }, global: withClient(client) });
    expect(wrapper.attributes('style')).toBe('width: 240px; height: 120px;');
    await flushPromises();
    expect(wrapper.find('img').attributes()).toMatchObject({ width: '240', height: '120', alt: 'cat.png', src: '/api/v1/files/f_AAAAAAAAAAAAAAAA/content?exp=1&sig=test' });
  });

  it('gives very tall, very wide and tiny images a thumbnail box of at least 80 px a side', () => {
    const client = createFakeClient({ me: alice });
    const style = (width: number, height: number) => mount(FileImage, { props: { file: ref({ width, height }) }, global: withClient(client) }).attributes('style');
    expect(style(100, 2000)).toBe('width: 80px; height: 240px;');
    expect(style(3000, 50)).toBe('width: 240px; height: 80px;');
    expect(style(64, 48)).toBe('width: 107px; height: 80px;');
    expect(style(1200, 900)).toBe('width: 240px; height: 180px;');
  });

  it('asks for a fresh URL once when the image fails to load (an expired link)', async () => {
    const { client, wrapper } = bubble({ message: fileMessage('image', ref()), state: 'sent' });
    await flushPromises();
    await wrapper.find('img').trigger('error');
    await wrapper.find('img').trigger('error');
    expect(client.fileUrl).toHaveBeenCalledTimes(2);
    expect(client.fileUrl).toHaveBeenLastCalledWith('f_AAAAAAAAAAAAAAAA', { fresh: true });
    wrapper.unmount();
  });

  it('opens a full-screen preview on click, closes it on Escape and gives focus back', async () => {
    const { wrapper } = bubble({ message: fileMessage('image', ref()), state: 'sent' });
    await flushPromises();
    const thumb = wrapper.find('[data-testid="message-image"]');
    (thumb.element as HTMLElement).focus();
    await thumb.trigger('click');
    await flushPromises();
    expect(document.querySelector('[data-testid="image-preview"]')).not.toBeNull();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('image-preview-close');
    expect(document.querySelector('[data-testid="image-preview-name"]')?.textContent).toBe('cat.png');
    const download = document.querySelector('[data-testid="image-preview-download"]');
    expect([download?.getAttribute('href'), download?.getAttribute('download')]).toEqual(['/api/v1/files/f_AAAAAAAAAAAAAAAA/content?exp=1&sig=test', 'cat.png']);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    expect(document.activeElement).toBe(download);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flushPromises();
    expect(document.querySelector('[data-testid="image-preview"]')).toBeNull();
    expect(document.activeElement).toBe(thumb.element);
    wrapper.unmount();
  });

  it('shows a file card with the name as text, a readable size and a download link', async () => {
    const { wrapper } = bubble({ message: fileMessage('file', ref({ name: HOSTILE_HTML, mimeType: 'application/pdf', size: 20 * 1024 * 1024 })), state: 'sent' });
    await flushPromises();
    expect(wrapper.find('[data-testid="file-name"]').text()).toBe(HOSTILE_HTML);
    expect(wrapper.find('[data-testid="file-size"]').text()).toBe('20 MB');
    expect(wrapper.find('[data-testid="file-download"]').attributes('download')).toBe(HOSTILE_HTML);
    expect(wrapper.findAll('img')).toHaveLength(0);
    wrapper.unmount();
  });

  it('never puts a file name into a style attribute', async () => {
    const { wrapper } = bubble({ message: fileMessage('image', ref({ name: HOSTILE_STYLE })), state: 'sent' });
    await flushPromises();
    const styles = [...wrapper.element.querySelectorAll('[style]')].map((element) => element.getAttribute('style'));
    expect(styles).toEqual(['width: 240px; height: 120px;']);
    expect(wrapper.find('img').attributes('alt')).toBe(HOSTILE_STYLE);
    wrapper.unmount();
  });

  it('shows upload progress and cancels the upload', async () => {
    const item: TimelineMessage = { message: { ...fileMessage('file', ref({ id: '', name: 'big.pdf' })), senderId: alice.id, seq: 0 }, state: 'sending', upload: { loaded: 30, total: 120 } };
    const { client, wrapper } = bubble(item);
    expect(wrapper.find('[data-testid="upload-progress"]').attributes('value')).toBe('25');
    await wrapper.find('[data-testid="upload-cancel"]').trigger('click');
    expect(client.cancelUpload).toHaveBeenCalledWith('c-bob', 'cm1');
    wrapper.unmount();
  });
});

describe('attaching files in the composer', () => {
  it('sends picked files and shows a clear error for one over the limit', async () => {
    const client = createFakeClient({ me: alice });
    client.sendFile = Object.assign(async () => {
      throw wireLikeError('TOO_LARGE', '"huge.bin" is larger than the 20 MB limit.');
    }) as typeof client.sendFile;
    const wrapper = mount(Composer, { props: { conversationId: 'c-bob' }, global: withClient(client) });
    const input = wrapper.find('[data-testid="composer-file"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'huge.bin')] });
    await input.trigger('change');
    await flushPromises();
    expect(wrapper.find('[data-testid="composer-file-error"] .confab-dismissible__text').text()).toBe('"huge.bin" is larger than the 20 MB limit.');
  });

  it('clears the file error on the next successful send, on the next attach, and on dismiss', async () => {
    const client = createFakeClient({ me: alice });
    const realSendFile = client.sendFile;
    client.sendFile = Object.assign(async () => {
      throw wireLikeError('TOO_LARGE', '"huge.bin" is larger than the 20 MB limit.');
    }) as typeof client.sendFile;
    const wrapper = mount(Composer, { props: { conversationId: 'c-bob' }, global: withClient(client) });
    const input = wrapper.find('[data-testid="composer-file"]');
    const attach = async (name: string) => {
      Object.defineProperty(input.element, 'files', { value: [new File(['x'], name)], configurable: true });
      await input.trigger('change');
      await flushPromises();
    };
    const fileError = () => wrapper.find('[data-testid="composer-file-error"]');

    await attach('huge.bin');
    expect(fileError().exists()).toBe(true);
    await wrapper.find('[data-testid="composer-input"]').setValue('hello');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(client.sendText).toHaveBeenCalledWith('c-bob', 'hello');
    expect(fileError().exists()).toBe(false);

    await attach('huge.bin');
    expect(fileError().exists()).toBe(true);
    client.sendFile = realSendFile;
    await attach('small.txt');
    expect(fileError().exists()).toBe(false);

    client.sendFile = Object.assign(async () => {
      throw wireLikeError('TOO_LARGE', '"huge.bin" is larger than the 20 MB limit.');
    }) as typeof client.sendFile;
    await attach('huge.bin');
    await fileError().find('[data-testid="error-dismiss"]').trigger('click');
    expect(fileError().exists()).toBe(false);
  });

  it('sends a pasted image', async () => {
    const client = createFakeClient({ me: alice });
    const wrapper = mount(Composer, { props: { conversationId: 'c-bob' }, global: withClient(client) });
    const pasted = new File(['png'], 'screenshot.png', { type: 'image/png' });
    await wrapper.find('[data-testid="composer-input"]').trigger('paste', { clipboardData: { files: [pasted] } });
    expect(client.sendFile).toHaveBeenCalledWith('c-bob', pasted);
  });
});
