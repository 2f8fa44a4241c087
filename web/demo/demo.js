// Demo page only: the "Ask our assistant" buttons open the widget with a
// question, and a demo sign-in against the shop's own API (lumenpay-api)
// gives the widget a customer token and the customer's notices.
const chat = document.querySelector('tandem-chat');
const API = document.querySelector('meta[name="lumenpay-api"]')?.content;
// The chosen customer's email (never the token) survives a reload of this tab.
const SIGNED_IN_KEY = 'lumenpay-demo:customer';

document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-ask]');
  if (!button || !chat) return;
  chat.open();
  chat.send(button.dataset.ask).catch(() => {}); // the widget shows its own errors
});

// ?neural tries the optional neural model (site.onnx, docs/neural.md): the
// widget then loads ONNX Runtime Web in a worker after the chat opens.
if (chat && new URLSearchParams(location.search).has('neural')) chat.setAttribute('neural', 'site.onnx');

const $ = (selector) => document.querySelector(selector);
const toggle = $('[data-sign-in]');
const menu = $('#sign-in');
const problem = $('[data-sign-in-error]');

async function api(path, init = {}) {
  const response = await fetch(`${API}${path}`, init);
  if (!response.ok) throw new Error(`the demo API answered ${response.status}`);
  return response.json();
}

const signIn = (email) =>
  api('/v1/demo/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ customer: email }) });

// identify() and notify() are the widget's (docs/embedding.md); a widget
// without them still works here, signed out.
async function becomeSignedIn(email) {
  const { token, customer } = await signIn(email);
  sessionStorage.setItem(SIGNED_IN_KEY, customer.email);
  $('[data-customer-name]').textContent = customer.name;
  $('[data-signed-in]').hidden = false;
  toggle.hidden = true;
  menu.hidden = true;
  chat?.identify?.({ token, getToken: async () => (await signIn(customer.email)).token });
  const { notices } = await api('/v1/notices', { headers: { Authorization: `Bearer ${token}` } });
  for (const notice of notices) chat?.notify?.(notice).catch(() => {});
}

function showProblem(error) {
  problem.textContent = `Sign-in is unavailable (${error.message}): scripts/demo.sh starts the demo API beside the page.`;
  problem.hidden = false;
}

async function showCustomers() {
  problem.hidden = true;
  const list = $('[data-customers]');
  try {
    const { customers } = await api('/v1/demo/customers');
    list.replaceChildren(
      ...customers.map(({ name, email }) => {
        const button = Object.assign(document.createElement('button'), { type: 'button', className: 'link-button', textContent: `${name} (${email})` });
        button.addEventListener('click', () => becomeSignedIn(email).catch(showProblem));
        const item = document.createElement('li');
        item.append(button);
        return item;
      }),
    );
  } catch (error) {
    showProblem(error);
  }
}

toggle?.addEventListener('click', () => {
  menu.hidden = !menu.hidden;
  toggle.setAttribute('aria-expanded', String(!menu.hidden));
  if (!menu.hidden) showCustomers();
});

$('[data-sign-out]')?.addEventListener('click', () => {
  sessionStorage.removeItem(SIGNED_IN_KEY);
  $('[data-signed-in]').hidden = true;
  toggle.hidden = false;
  toggle.setAttribute('aria-expanded', 'false');
  chat?.identify?.(null);
});

const remembered = sessionStorage.getItem(SIGNED_IN_KEY);
if (remembered && toggle) becomeSignedIn(remembered).catch(showProblem);
