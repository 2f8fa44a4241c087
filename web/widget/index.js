// Bundle entry: defining the element is the only work done at page load.
import { TandemChat } from './tandem-chat.js';

if (!customElements.get('tandem-chat')) customElements.define('tandem-chat', TandemChat);

export { TandemChat };
