// Tiny DOM helpers. Every piece of text goes in through textContent or attributes, never innerHTML:
// attribute values, titles and labels come from the server and are untrusted.

/**
 * Creates an element.
 * @param {string} tag Tag name.
 * @param {Object<string, any>} [props] `class`, `text`, `dataset`, `on<event>` handlers; anything else
 *   is set with setAttribute (null/undefined/false are skipped, true gives an empty attribute).
 * @param {Array<Node|string|null|undefined|false>} [children] Children; strings become text nodes.
 * @return {HTMLElement} The element.
 */
export function h(tag, props = {}, children = []) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = value;
    } else if (key === 'text') {
      element.textContent = String(value);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/**
 * Appends children (strings become text nodes; falsy entries are skipped).
 * @param {Node} parent Parent.
 * @param {Array<Node|string|null|undefined|false>} children Children.
 */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/**
 * Replaces all children of an element.
 * @param {Element} parent Parent.
 * @param {Array<Node|string|null|undefined|false>} children New children.
 */
export function replaceChildren(parent, children) {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * Escapes text for the few places a library insists on HTML (OpenLayers attributions).
 * @param {string} text Plain text.
 * @return {string} HTML-safe text.
 */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
