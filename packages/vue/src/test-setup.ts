// The built-in locales load on first use in the browser; tests load them all up front so that a
// component mounted in Japanese speaks Japanese at once.
import { builtinLocaleTags, loadLocale } from './i18n/locales/index.js';

await Promise.all(builtinLocaleTags.map(loadLocale));
