/**
 * The emoji the picker offers, by group. Loaded only with the picker (a dynamic import), never in the main
 * bundle: the size check (`scripts/size-budgets.mjs`) looks for {@link EMOJI_MARKER} in it.
 */
export interface EmojiGroup {
  /** Shown as the group's tab (an emoji standing for it) and its accessible name. */
  icon: string;
  label: string;
  emoji: readonly string[];
}

const split = (list: string): string[] => list.split(' ');

export const EMOJI_GROUPS: readonly EmojiGroup[] = [
  { icon: '😀', label: 'Smileys', emoji: split('😀 😃 😄 😁 😆 😅 🤣 😂 🙂 🙃 😉 😊 😇 🥰 😍 🤩 😘 😗 😚 😋 😛 😜 🤪 😝 🤗 🤭 🤫 🤔 🤐 🤨 😐 😑 😶 😏 😒 🙄 😬 😌 😔 😪 😴 😷 🤒 🤕 🤢 🤧 🥵 🥶 😵 🤯 🥳 😎 🤓 😕 😟 🙁 😮 😯 😲 😳 🥺 😦 😧 😨 😰 😥 😢 😭 😱 😖 😣 😞 😓 😩 😫 🥱 😤 😡 😠 🤬 😈 💀 💩 🤡 👻 👽 🤖') },
  { icon: '👍', label: 'People', emoji: split('👋 🤚 ✋ 🖖 👌 🤏 ✌️ 🤞 🤟 🤘 🤙 👈 👉 👆 👇 ☝️ 👍 👎 ✊ 👊 🤛 🤜 👏 🙌 👐 🤲 🤝 🙏 ✍️ 💪 👀 🧠 👶 🧒 👦 👧 🧑 👨 👩 🧓 👴 👵 🙋 🙇 🤦 🤷 💃 🕺 👪') },
  { icon: '🐶', label: 'Animals and nature', emoji: split('🐶 🐱 🐭 🐹 🐰 🦊 🐻 🐼 🐨 🐯 🦁 🐮 🐷 🐸 🐵 🐔 🐧 🐦 🐤 🦆 🦉 🦄 🐝 🦋 🐌 🐞 🐢 🐍 🐙 🐬 🐳 🐟 🌵 🌲 🌳 🌴 🌱 🌿 🍀 🍁 🍂 🌷 🌹 🌻 🌼 🌸 🌞 🌝 🌙 ⭐ 🌈 ☀️ ⛅ ☔ ❄️ 🔥 💧 🌊') },
  { icon: '🍔', label: 'Food and drink', emoji: split('🍏 🍎 🍐 🍊 🍋 🍌 🍉 🍇 🍓 🍒 🍑 🥭 🍍 🥥 🥝 🍅 🥑 🥦 🌽 🥕 🥐 🥖 🥨 🧀 🥚 🍳 🥞 🥓 🍗 🍖 🌭 🍔 🍟 🍕 🥪 🌮 🌯 🥗 🍝 🍜 🍲 🍛 🍣 🍱 🥟 🍤 🍙 🍚 🍘 🍥 🥮 🍡 🍦 🍰 🎂 🍮 🍭 🍬 🍫 🍿 🍩 🍪 ☕ 🍵 🥤 🍺 🍻 🥂 🍷 🍸') },
  { icon: '⚽', label: 'Activities and objects', emoji: split('⚽ 🏀 🏈 ⚾ 🎾 🏐 🏉 🎱 🏓 🏸 🥅 ⛳ 🏆 🥇 🎯 🎮 🎲 🧩 🎨 🎬 🎤 🎧 🎹 🎸 🎁 🎈 🎉 🎊 🎄 🎃 💡 📱 💻 ⌨️ 📷 📚 📝 ✏️ 📌 📎 ✂️ 🔒 🔑 🔨 ⏰ ⌛ 🚗 🚕 🚌 🚲 ✈️ 🚀 🏠 🏢 🗺️') },
  { icon: '❤️', label: 'Symbols', emoji: split('❤️ 🧡 💛 💚 💙 💜 🖤 🤍 🤎 💔 💕 💞 💓 💗 💖 💘 💝 💯 💢 💥 💫 💦 💨 💬 💭 💤 ✅ ❌ ❓ ❗ ⚠️ 🚫 ♻️ ✨ 🎵 ➕ ➖ ✔️ 🔴 🟢 🔵 ⚪ ⚫') },
];

/** An emoji only this data holds; its absence from the main bundle shows the picker is lazy. */
export const EMOJI_MARKER = '🦄';
