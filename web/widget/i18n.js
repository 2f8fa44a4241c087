// Every string the widget shows, per locale. Answers come from the knowledge
// base in its own language; only the widget's chrome is translated here.
const TABLE = {
  en: {
    dir: 'ltr',
    title: 'Help',
    subtitle: 'Usually answers instantly',
    open: 'Open chat',
    close: 'Close chat',
    clear: 'Start a new conversation',
    log: 'Conversation',
    input: 'Type your message',
    placeholder: 'Ask a question…',
    send: 'Send',
    you: 'You',
    bot: 'Assistant',
    agent: 'Support team',
    typing: 'Assistant is typing…',
    loading: 'Getting ready…',
    loadingPercent: 'Getting ready… {percent}%',
    ready: 'Ready',
    suggestions: 'Suggestions',
    helpful: 'Was this helpful?',
    yes: 'Yes',
    no: 'No',
    thanks: 'Thanks for your feedback.',
    greeting: 'Hi! Ask me anything about your payments, orders or account.',
    handoff: 'A member of our team will continue this conversation.',
    handoffConnecting: 'Connecting you to a member of our team…',
    handoffOffline: 'You are offline. Your request is saved and will be sent when you are back online.',
    handoffConnected: 'Connected to a member of our team. They will reply here.',
    handoffRefused: 'We could not reach our support team. Please try again later.',
    humanMode: 'You are talking to our support team.',
    backToBot: 'Back to the assistant',
    errorModelMissing:
      'The assistant is unavailable: its knowledge file could not be found. Please try again later.',
    errorModelCorrupt:
      'The assistant is unavailable: its knowledge file is damaged. Please try again later.',
    errorEngine: 'The assistant could not start in this browser. Please try again later.',
  },
  fr: {
    dir: 'ltr',
    title: 'Aide',
    subtitle: 'Répond en général tout de suite',
    open: 'Ouvrir la discussion',
    close: 'Fermer la discussion',
    clear: 'Commencer une nouvelle conversation',
    log: 'Conversation',
    input: 'Votre message',
    placeholder: 'Posez une question…',
    send: 'Envoyer',
    you: 'Vous',
    bot: 'Assistant',
    agent: 'Équipe support',
    typing: 'L’assistant écrit…',
    loading: 'Préparation…',
    loadingPercent: 'Préparation… {percent} %',
    ready: 'Prêt',
    suggestions: 'Suggestions',
    helpful: 'Cette réponse vous a-t-elle aidé ?',
    yes: 'Oui',
    no: 'Non',
    thanks: 'Merci pour votre avis.',
    greeting: 'Bonjour ! Posez-moi vos questions sur vos paiements, commandes ou votre compte.',
    handoff: 'Un membre de notre équipe va poursuivre cette conversation.',
    handoffConnecting: 'Mise en relation avec un membre de notre équipe…',
    handoffOffline: 'Vous êtes hors ligne. Votre demande est enregistrée et partira dès votre retour en ligne.',
    handoffConnected: 'Vous êtes en relation avec un membre de notre équipe. La réponse arrivera ici.',
    handoffRefused: 'Impossible de joindre notre équipe support. Réessayez plus tard.',
    humanMode: 'Vous échangez avec notre équipe support.',
    backToBot: 'Revenir à l’assistant',
    errorModelMissing:
      'L’assistant est indisponible : son fichier de connaissances est introuvable. Réessayez plus tard.',
    errorModelCorrupt:
      'L’assistant est indisponible : son fichier de connaissances est endommagé. Réessayez plus tard.',
    errorEngine: 'L’assistant n’a pas pu démarrer dans ce navigateur. Réessayez plus tard.',
  },
  ar: {
    dir: 'rtl',
    title: 'المساعدة',
    subtitle: 'يرد عادةً على الفور',
    open: 'فتح المحادثة',
    close: 'إغلاق المحادثة',
    clear: 'بدء محادثة جديدة',
    log: 'المحادثة',
    input: 'اكتب رسالتك',
    placeholder: 'اطرح سؤالاً…',
    send: 'إرسال',
    you: 'أنت',
    bot: 'المساعد',
    agent: 'فريق الدعم',
    typing: 'المساعد يكتب…',
    loading: 'جارٍ التحضير…',
    loadingPercent: 'جارٍ التحضير… {percent}٪',
    ready: 'جاهز',
    suggestions: 'اقتراحات',
    helpful: 'هل كان هذا مفيداً؟',
    yes: 'نعم',
    no: 'لا',
    thanks: 'شكراً على ملاحظاتك.',
    greeting: 'مرحباً! اسألني عن مدفوعاتك أو طلباتك أو حسابك.',
    handoff: 'سيتابع أحد أعضاء فريقنا هذه المحادثة.',
    handoffConnecting: 'جارٍ توصيلك بأحد أعضاء فريقنا…',
    handoffOffline: 'أنت غير متصل. تم حفظ طلبك وسيُرسل عند عودة الاتصال.',
    handoffConnected: 'أنت الآن على اتصال بأحد أعضاء فريقنا. سيصلك الرد هنا.',
    handoffRefused: 'تعذّر الوصول إلى فريق الدعم. يرجى المحاولة لاحقاً.',
    humanMode: 'أنت تتحدث مع فريق الدعم.',
    backToBot: 'العودة إلى المساعد',
    errorModelMissing: 'المساعد غير متاح: تعذّر العثور على ملف المعرفة. يرجى المحاولة لاحقاً.',
    errorModelCorrupt: 'المساعد غير متاح: ملف المعرفة تالف. يرجى المحاولة لاحقاً.',
    errorEngine: 'تعذّر تشغيل المساعد في هذا المتصفح. يرجى المحاولة لاحقاً.',
  },
};

export const DEFAULT_LOCALE = 'en';
export const LOCALES = Object.keys(TABLE);

// Picks the best table for a BCP 47 tag: exact, then the language alone
// ("fr-CA" -> "fr"), then English.
export function resolveLocale(tag) {
  const wanted = String(tag || '').toLowerCase();
  if (TABLE[wanted]) return wanted;
  const language = wanted.split(/[-_]/)[0];
  return TABLE[language] ? language : DEFAULT_LOCALE;
}

export function strings(tag) {
  return TABLE[resolveLocale(tag)];
}

export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
}
