/**
 * The emoji the picker offers, by group. Loaded only with the picker (a dynamic import), never in the main
 * bundle: the size check (`scripts/size-budgets.mjs`) looks for {@link EMOJI_MARKER} in it.
 */
export interface EmojiGroup {
  /** Shown as the group's tab (an emoji standing for it). */
  icon: string;
  /** The group's accessible name. */
  label: MessageKey;
  emoji: readonly string[];
}

import type { MessageKey } from '../i18n/locales/en.js';

const split = (list: string): string[] => list.split(' ');

export const EMOJI_GROUPS: readonly EmojiGroup[] = [
  { icon: '😀', label: 'emoji.smileys', emoji: split('😀 😃 😄 😁 😆 😅 🤣 😂 🙂 🙃 😉 😊 😇 🥰 😍 🤩 😘 😗 😚 😋 😛 😜 🤪 😝 🤗 🤭 🤫 🤔 🤐 🤨 😐 😑 😶 😏 😒 🙄 😬 😌 😔 😪 😴 😷 🤒 🤕 🤢 🤧 🥵 🥶 😵 🤯 🥳 😎 🤓 😕 😟 🙁 😮 😯 😲 😳 🥺 😦 😧 😨 😰 😥 😢 😭 😱 😖 😣 😞 😓 😩 😫 🥱 😤 😡 😠 🤬 😈 💀 💩 🤡 👻 👽 🤖') },
  { icon: '👍', label: 'emoji.people', emoji: split('👋 🤚 ✋ 🖖 👌 🤏 ✌️ 🤞 🤟 🤘 🤙 👈 👉 👆 👇 ☝️ 👍 👎 ✊ 👊 🤛 🤜 👏 🙌 👐 🤲 🤝 🙏 ✍️ 💪 👀 🧠 👶 🧒 👦 👧 🧑 👨 👩 🧓 👴 👵 🙋 🙇 🤦 🤷 💃 🕺 👪') },
  { icon: '🐶', label: 'emoji.nature', emoji: split('🐶 🐱 🐭 🐹 🐰 🦊 🐻 🐼 🐨 🐯 🦁 🐮 🐷 🐸 🐵 🐔 🐧 🐦 🐤 🦆 🦉 🦄 🐝 🦋 🐌 🐞 🐢 🐍 🐙 🐬 🐳 🐟 🌵 🌲 🌳 🌴 🌱 🌿 🍀 🍁 🍂 🌷 🌹 🌻 🌼 🌸 🌞 🌝 🌙 ⭐ 🌈 ☀️ ⛅ ☔ ❄️ 🔥 💧 🌊') },
  { icon: '🍔', label: 'emoji.food', emoji: split('🍏 🍎 🍐 🍊 🍋 🍌 🍉 🍇 🍓 🍒 🍑 🥭 🍍 🥥 🥝 🍅 🥑 🥦 🌽 🥕 🥐 🥖 🥨 🧀 🥚 🍳 🥞 🥓 🍗 🍖 🌭 🍔 🍟 🍕 🥪 🌮 🌯 🥗 🍝 🍜 🍲 🍛 🍣 🍱 🥟 🍤 🍙 🍚 🍘 🍥 🥮 🍡 🍦 🍰 🎂 🍮 🍭 🍬 🍫 🍿 🍩 🍪 ☕ 🍵 🥤 🍺 🍻 🥂 🍷 🍸') },
  { icon: '⚽', label: 'emoji.activities', emoji: split('⚽ 🏀 🏈 ⚾ 🎾 🏐 🏉 🎱 🏓 🏸 🥅 ⛳ 🏆 🥇 🎯 🎮 🎲 🧩 🎨 🎬 🎤 🎧 🎹 🎸 🎁 🎈 🎉 🎊 🎄 🎃 💡 📱 💻 ⌨️ 📷 📚 📝 ✏️ 📌 📎 ✂️ 🔒 🔑 🔨 ⏰ ⌛ 🚗 🚕 🚌 🚲 ✈️ 🚀 🏠 🏢 🗺️') },
  { icon: '❤️', label: 'emoji.symbols', emoji: split('❤️ 🧡 💛 💚 💙 💜 🖤 🤍 🤎 💔 💕 💞 💓 💗 💖 💘 💝 💯 💢 💥 💫 💦 💨 💬 💭 💤 ✅ ❌ ❓ ❗ ⚠️ 🚫 ♻️ ✨ 🎵 ➕ ➖ ✔️ 🔴 🟢 🔵 ⚪ ⚫') },
];

/** An emoji only this data holds; its absence from the main bundle shows the picker is lazy. */
export const EMOJI_MARKER = '🦄';
