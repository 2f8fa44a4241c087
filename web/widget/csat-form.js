// The satisfaction question (docs/metrics.md "CSAT"): five labelled buttons
// in a group named by the question, so a keyboard reaches each one with Tab
// and a screen reader reads "How satisfied ... 4, satisfied". It reuses the
// feedback row's styles: no new CSS in the widget's first load.
const STRINGS = {
  en: {
    bot: 'How satisfied are you with the answer you got?',
    human: 'How satisfied are you with the help from our team?',
    scale: ['very dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'very satisfied'],
    thanks: 'Thanks for your rating.',
  },
  fr: {
    bot: 'Êtes-vous satisfait de la réponse obtenue ?',
    human: 'Êtes-vous satisfait de l’aide de notre équipe ?',
    scale: ['très insatisfait', 'insatisfait', 'neutre', 'satisfait', 'très satisfait'],
    thanks: 'Merci pour votre note.',
  },
  ar: {
    bot: 'ما مدى رضاك عن الإجابة التي حصلت عليها؟',
    human: 'ما مدى رضاك عن مساعدة فريقنا؟',
    scale: ['غير راضٍ إطلاقاً', 'غير راضٍ', 'محايد', 'راضٍ', 'راضٍ جداً'],
    thanks: 'شكراً على تقييمك.',
  },
};

export function csatForm(doc, { by, locale, id, onScore }) {
  const words = STRINGS[locale] ?? STRINGS.en;
  const form = doc.createElement('div');
  form.className = 'message notice csat';
  form.setAttribute('part', 'csat');
  const row = doc.createElement('div');
  row.className = 'feedback';
  row.setAttribute('role', 'group');
  const question = doc.createElement('span');
  question.id = `csat-${id}`;
  question.textContent = words[by];
  row.setAttribute('aria-labelledby', question.id);
  row.append(question);
  words.scale.forEach((label, i) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'feedback-button';
    button.dataset.score = String(i + 1);
    button.textContent = String(i + 1);
    button.setAttribute('aria-label', `${i + 1}, ${label}`);
    button.title = label;
    button.addEventListener('click', () => {
      const thanks = doc.createElement('span');
      thanks.setAttribute('role', 'status');
      thanks.textContent = words.thanks;
      row.replaceChildren(thanks);
      onScore(i + 1);
    });
    row.append(button);
  });
  form.append(row);
  return form;
}
