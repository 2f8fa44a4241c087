// Demo page only: the "Ask our assistant" buttons open the widget with a question.
const chat = document.querySelector('tandem-chat');

document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-ask]');
  if (!button || !chat) return;
  chat.open();
  chat.send(button.dataset.ask).catch(() => {}); // the widget shows its own errors
});

// ?neural tries the optional neural model (site.onnx, docs/neural.md): the
// widget then loads ONNX Runtime Web in a worker after the chat opens.
if (chat && new URLSearchParams(location.search).has('neural')) chat.setAttribute('neural', 'site.onnx');
