/**
 * @confab/embed — mount Confab as an iframe widget from a host page. The script-tag build of the same
 * loader is served by the Confab server at `/embed.js` (global `Confab`).
 */
export { mount } from './loader/mount.js';
export type { ConfabWidget, MountOptions } from './loader/mount.js';
export { EMBED_PROTOCOL_VERSION, isEmbedMessage, isMessageOfType } from './protocol.js';
export type { EmbedError, EmbedEvents, EmbedMessage, EmbedTheme, FrameMethods, FrameOptions, HostEvents, HostMethods, MessageSummary } from './protocol.js';
export { createPortChannel } from './channel.js';
export type { MethodTable, PortChannel } from './channel.js';
