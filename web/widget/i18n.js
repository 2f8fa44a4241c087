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
    suggestions: 'Suggestions',
    helpful: 'Was this helpful?',
    yes: 'Yes',
    no: 'No',
    thanks: 'Thanks for your feedback.',
    greeting: 'Hi! Ask me anything about your payments, orders or account.',
    handoffConnecting: 'Sending your request to our team…',
    handoffOffline: 'You are offline. Your request will be sent once you are back online.',
    handoffFailed: 'We could not reach our team yet. We keep trying.',
    keepOpen: 'Keep this page open until it is sent.',
    handoffRefused: 'Our team could not accept your request.',
    handoffQueued: 'Your request reached our team. A person will reply here.',
    handoffSeen: 'A member of our team has opened your conversation.',
    handoffAnswered: 'You are talking to a member of our team.',
    retry: 'Try again',
    contactFallback: 'You can also use this site’s contact page.',
    resolvedNotice: 'Our team resolved this conversation. The assistant is back.',
    reopenedNotice: 'Your message was sent to our team.',
    endedNotice: 'You left the conversation with our team. The assistant is back.',
    backToBot: 'End and go back to the assistant',
    errorModelMissing:
      'The assistant is unavailable: its knowledge file could not be found. Please try again later.',
    errorModelCorrupt:
      'The assistant is unavailable: its knowledge file is damaged. Please try again later.',
    errorEngine: 'The assistant could not start in this browser. Please try again later.',
    errorIntegrity: 'The assistant is unavailable: its files did not pass this site’s security check. Please try again later.',
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
    suggestions: 'Suggestions',
    helpful: 'Cette réponse vous a-t-elle aidé ?',
    yes: 'Oui',
    no: 'Non',
    thanks: 'Merci pour votre avis.',
    greeting: 'Bonjour ! Posez-moi vos questions sur vos paiements, commandes ou votre compte.',
    handoffConnecting: 'Envoi de votre demande à notre équipe…',
    handoffOffline: 'Vous êtes hors ligne. Votre demande partira à votre retour en ligne.',
    handoffFailed: 'Notre équipe est injoignable pour l’instant. Nous réessayons.',
    keepOpen: 'Gardez cette page ouverte jusqu’à l’envoi.',
    handoffRefused: 'Notre équipe n’a pas pu accepter votre demande.',
    handoffQueued: 'Votre demande est arrivée. Une personne vous répondra ici.',
    handoffSeen: 'Un membre de notre équipe a ouvert votre conversation.',
    handoffAnswered: 'Vous échangez avec un membre de notre équipe.',
    retry: 'Réessayer',
    contactFallback: 'Vous pouvez aussi passer par la page contact du site.',
    resolvedNotice: 'Notre équipe a clos cette conversation. L’assistant est de retour.',
    reopenedNotice: 'Votre message a été envoyé à notre équipe.',
    endedNotice: 'Vous avez quitté notre équipe. L’assistant est de retour.',
    backToBot: 'Terminer et revenir à l’assistant',
    errorModelMissing:
      'L’assistant est indisponible : son fichier de connaissances est introuvable. Réessayez plus tard.',
    errorModelCorrupt:
      'L’assistant est indisponible : son fichier de connaissances est endommagé. Réessayez plus tard.',
    errorEngine: 'L’assistant n’a pas pu démarrer dans ce navigateur. Réessayez plus tard.',
    errorIntegrity: 'L’assistant n’est pas disponible : ses fichiers n’ont pas passé le contrôle de sécurité du site. Réessayez plus tard.',
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
    suggestions: 'اقتراحات',
    helpful: 'هل كان هذا مفيداً؟',
    yes: 'نعم',
    no: 'لا',
    thanks: 'شكراً على ملاحظاتك.',
    greeting: 'مرحباً! اسألني عن مدفوعاتك أو طلباتك أو حسابك.',
    handoffConnecting: 'جارٍ إرسال طلبك إلى فريقنا…',
    handoffOffline: 'أنت غير متصل. سيُرسل طلبك عند عودة الاتصال.',
    handoffFailed: 'تعذّر الوصول إلى فريقنا حتى الآن. نواصل المحاولة.',
    keepOpen: 'أبقِ هذه الصفحة مفتوحة حتى يُرسل.',
    handoffRefused: 'تعذّر على فريقنا قبول طلبك.',
    handoffQueued: 'وصل طلبك إلى فريقنا. سيرد عليك شخص هنا.',
    handoffSeen: 'فتح أحد أعضاء فريقنا محادثتك.',
    handoffAnswered: 'أنت تتحدث مع أحد أعضاء فريقنا.',
    retry: 'إعادة المحاولة',
    contactFallback: 'يمكنك أيضاً استخدام صفحة الاتصال في الموقع.',
    resolvedNotice: 'أغلق فريقنا هذه المحادثة. عاد المساعد.',
    reopenedNotice: 'أُرسلت رسالتك إلى فريقنا.',
    endedNotice: 'غادرت المحادثة مع فريقنا. عاد المساعد.',
    backToBot: 'إنهاء والعودة إلى المساعد',
    errorModelMissing: 'المساعد غير متاح: تعذّر العثور على ملف المعرفة. يرجى المحاولة لاحقاً.',
    errorModelCorrupt: 'المساعد غير متاح: ملف المعرفة تالف. يرجى المحاولة لاحقاً.',
    errorEngine: 'تعذّر تشغيل المساعد في هذا المتصفح. يرجى المحاولة لاحقاً.',
    errorIntegrity: 'المساعد غير متاح: لم تجتز ملفاته فحص الأمان الخاص بالموقع. يرجى المحاولة لاحقاً.',
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
