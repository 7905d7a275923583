/**
 * @confab/embed — the script-tag loader and the page inside the iframe.
 * The loader, its host protocol and the `/embed/` page arrive with the embed issue; this package
 * holds the version constant so that the workspace layout of the design is complete.
 */
export const EMBED_PROTOCOL_VERSION = 1;
