/** Entry of `embed.js`, the script-tag build: installs `window.Confab`. */
import { install } from './loader/global.js';

install();
