/** The popup chrome: a launcher bubble with an unread badge, and a panel holding the iframe. @internal */
export interface Popup {
  setOpen(open: boolean): void;
  setUnread(total: number): void;
  remove(): void;
}

const CSS =
  '.cfb-l{position:fixed;right:20px;bottom:20px;z-index:2147483001;width:56px;height:56px;border:0;border-radius:50%;' +
  'background:#2563eb;color:#fff;box-shadow:0 4px 14px #0004;cursor:pointer;font:28px/56px system-ui,sans-serif}' +
  '.cfb-b{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;' +
  'background:#e5484d;font:600 12px/22px system-ui,sans-serif}.cfb-b:empty{display:none}' +
  '.cfb-p{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:380px;height:min(620px,calc(100vh - 108px));' +
  'border-radius:12px;overflow:hidden;background:#fff;box-shadow:0 8px 30px #0004}.cfb-p[hidden]{display:none}' +
  '@media (max-width:480px){.cfb-p{inset:0;width:auto;height:100%;border-radius:0}' +
  '.cfb-o{top:8px;right:8px;bottom:auto;width:40px;height:40px;font-size:22px;line-height:40px}.cfb-o .cfb-b{display:none}}';

/** Builds the popup around `iframe`; on phones the panel is full screen and follows the visual viewport. @internal */
export function createPopup(iframe: HTMLIFrameElement, onToggle: () => void): Popup {
  const style = document.createElement('style');
  style.textContent = CSS;
  const panel = document.createElement('div');
  panel.className = 'cfb-p';
  panel.hidden = true;
  panel.append(iframe);
  const launcher = document.createElement('button');
  launcher.className = 'cfb-l';
  launcher.type = 'button';
  launcher.setAttribute('aria-label', 'Open chat');
  launcher.dataset.confab = 'launcher';
  const icon = document.createElement('span');
  const badge = document.createElement('span');
  badge.className = 'cfb-b';
  badge.dataset.confab = 'badge';
  launcher.append(icon, badge);
  launcher.onclick = onToggle;
  document.body.append(style, panel, launcher);

  // Phones: the keyboard shrinks the visual viewport; keep the panel (and its composer) inside it.
  const viewport = window.visualViewport;
  const follow = () => {
    const phone = matchMedia('(max-width:480px)').matches;
    panel.style.top = phone && viewport ? `${viewport.offsetTop}px` : '';
    panel.style.height = phone && viewport ? `${viewport.height}px` : '';
  };
  viewport?.addEventListener('resize', follow);
  viewport?.addEventListener('scroll', follow);

  const popup: Popup = {
    setOpen(open) {
      panel.hidden = !open;
      launcher.classList.toggle('cfb-o', open);
      launcher.setAttribute('aria-expanded', String(open));
      icon.textContent = open ? '\u00d7' : '\u{1F4AC}';
      follow();
    },
    setUnread(total) {
      badge.textContent = total > 0 ? (total > 99 ? '99+' : String(total)) : '';
    },
    remove() {
      viewport?.removeEventListener('resize', follow);
      viewport?.removeEventListener('scroll', follow);
      for (const element of [style, panel, launcher]) element.remove();
    },
  };
  popup.setOpen(false);
  return popup;
}
