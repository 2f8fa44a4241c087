// The element's side of after-sales notices: the board (notices.js, built as
// tandem-notices.js) is fetched on the first notify(), and an opened notice
// joins the conversation. The conversation itself stays the element's
// (tandem-chat.js); this reads and changes it through the host.
const NOTICES_URL = new URL('./tandem-notices.js', import.meta.url).href;

// host: { conversation(), view(), persist(), emit(type, detail), outcome(kind),
//         kbUrl(), locale(), open(), remember(type, value, said) }
// Returns notify(notice): the board's answer for it (see tandem-chat.js).
export function createNotices(host) {
  let board = null;
  // The notice's words join the log and the session (the person taking over
  // reads them too), and its order becomes a known detail.
  const open = (notice, message) => {
    host.open();
    host.outcome('notice');
    host.conversation().messages.push(message);
    host.view().appendMessage(message);
    host.persist();
    // An order id the engine does not read as one stays in the log only.
    if (notice.order_id) host.remember('order_id', notice.order_id, `${notice.title}. ${notice.text}`);
  };
  return (notice) => {
    board ??= import(NOTICES_URL).then(
      ({ NoticeBoard }) => new NoticeBoard({
        view: host.view(),
        kbUrl: host.kbUrl(),
        locale: () => host.locale(),
        human: () => host.conversation().mode === 'human',
        open,
        emit: (type, detail) => host.emit(type, detail),
      }),
      (error) => {
        board = null; // fetched again on the next notify()
        throw error;
      },
    );
    return board.then((noticeBoard) => noticeBoard.add(notice));
  };
}
